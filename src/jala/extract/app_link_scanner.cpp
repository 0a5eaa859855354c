// Links in the apps' own schemes, which name an account without a web address: Telegram's
// "tg://resolve?domain=NAME" and WhatsApp's "whatsapp://send?phone=NUMBER".
#include <array>

#include "jala/extract/ascii.h"
#include "jala/extract/document.h"

namespace jala::extract {
namespace {

using model::SelectorType;

// A link's end: the first blank, control or non-ASCII character (a CJK comma), quote, bracket or brace,
// without the punctuation that ends a sentence after it ("…domain=golden_hr.").
std::size_t app_link_end(std::string_view text, std::size_t i) {
  constexpr std::size_t k_max_link_bytes = 512;
  constexpr std::string_view k_stops = "\"'<>()[]{}";
  constexpr std::string_view k_trailing = ".,;:!?";
  const std::size_t start = i;
  const std::size_t stop = std::min(text.size(), i + k_max_link_bytes);
  while (i<stop&& static_cast<unsigned char>(text[i])> ' ' && static_cast<unsigned char>(text[i]) < 0x80 &&
         k_stops.find(text[i]) == std::string_view::npos) {
    ++i;
  }
  while (i > start && k_trailing.find(text[i - 1]) != std::string_view::npos) --i;
  return i;
}

// The value of `name` ("domain=") in the query of `link`; empty when there is none.
std::string_view query_value(std::string_view link, std::string_view name) {
  const std::size_t query = link.find('?');
  if (query == std::string_view::npos) return {};
  for (std::size_t field = query + 1; field < link.size();) {
    const std::size_t field_end = std::min(link.find_first_of("&#", field), link.size());
    if (starts_with_folded(link, field, name)) return link.substr(field + name.size(), field_end - field - name.size());
    if (field_end == link.size() || link[field_end] == '#') break;
    field = field_end + 1;
  }
  return {};
}

}  // namespace

std::size_t scan_app_link(Document& document, std::size_t start) {
  const std::string_view text = document.text();
  if (starts_with_folded(text, start, "tg://resolve?")) {
    const std::size_t end = app_link_end(text, start);
    const std::string_view name = query_value(text.substr(start, end - start), "domain=");
    Result<model::Selector> account =
        model::normalise_selector(SelectorType::telegram, name, document.normalise_context());
    if (name.empty() || !account.ok()) return 0;
    document.add(SelectorType::telegram, std::move(account)->value, start, end, k_format_confidence);
    return end;
  }
  if (starts_with_folded(text, start, "whatsapp://send?")) {
    const std::size_t end = app_link_end(text, start);
    Result<model::Selector> account = model::normalise_selector(SelectorType::whatsapp, text.substr(start, end - start),
                                                                document.normalise_context());
    if (!account.ok()) return 0;
    document.add(SelectorType::phone, account->value, start, end, k_format_confidence);
    document.add(SelectorType::whatsapp, std::move(account)->value, start, end, k_format_confidence);
    return end;
  }
  return 0;
}

}  // namespace jala::extract
