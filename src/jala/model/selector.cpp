#include "jala/model/selector.h"

#include <cctype>

#include "jala/base/utf8.h"
#include "jala/model/iban.h"
#include "jala/model/normalisers.h"
#include "jala/model/text.h"
#include "jala/model/wallet.h"

namespace jala::model {
namespace {

// The table follows the enum's order (checked below), which is also the order in which
// guess_selectors() reports the readings of an untyped value.
constexpr std::array<SelectorTypeInfo, 17> k_selector_types = {{
    {SelectorType::phone, "phone", normalise_phone, Guessable::yes},
    {SelectorType::email, "email", normalise_email, Guessable::yes},
    {SelectorType::url, "url", normalise_url, Guessable::yes},
    {SelectorType::domain, "domain", normalise_domain, Guessable::yes},
    {SelectorType::ip, "ip", normalise_ip, Guessable::yes},
    {SelectorType::wallet, "wallet", normalise_wallet_selector, Guessable::yes},
    {SelectorType::iban, "iban", normalise_iban_selector, Guessable::yes},
    {SelectorType::bank, "bank", normalise_bank, Guessable::no},
    {SelectorType::telegram, "telegram", normalise_telegram, Guessable::no},
    {SelectorType::whatsapp, "whatsapp", normalise_whatsapp, Guessable::yes},
    {SelectorType::line, "line", normalise_line, Guessable::no},
    {SelectorType::wechat, "wechat", normalise_wechat, Guessable::no},
    {SelectorType::zalo, "zalo", normalise_zalo, Guessable::no},
    {SelectorType::facebook, "facebook", normalise_facebook, Guessable::no},
    {SelectorType::instagram, "instagram", normalise_instagram, Guessable::no},
    {SelectorType::tiktok, "tiktok", normalise_tiktok, Guessable::no},
    {SelectorType::x, "x", normalise_x, Guessable::no},
}};

constexpr bool table_follows_enum_order() {
  for (std::size_t i = 0; i < k_selector_types.size(); ++i) {
    if (static_cast<std::size_t>(k_selector_types[i].type) != i) return false;
  }
  return true;
}
static_assert(table_follows_enum_order(), "info() indexes the table by the enum value");

constexpr std::string_view k_http = "http://";
constexpr std::string_view k_https = "https://";

// inet_pton() reads IPv4 addresses from digits and dots only, and IPv6 addresses from hex digits, dots
// and colons, with a colon at least. Hosts that fail this test are not worth its call, whose error
// message is formatted.
bool could_be_ip(std::string_view host) {
  bool colon = false;
  bool hex_letter = false;
  for (char c : host) {
    if (c == ':') {
      colon = true;
    } else if (!is_ascii_digit(c) && c != '.') {
      if (std::isxdigit(static_cast<unsigned char>(c)) == 0) return false;
      hex_letter = true;
    }
  }
  return !host.empty() && (colon || !hex_letter);
}

}  // namespace

std::span<const SelectorTypeInfo> selector_types() { return k_selector_types; }

const SelectorTypeInfo& info(SelectorType type) { return k_selector_types[static_cast<std::size_t>(type)]; }

std::string_view to_string(SelectorType type) { return info(type).name; }

std::string Selector::to_string() const {
  std::string out(model::to_string(type));
  out += ':';
  out += value;
  return out;
}

Result<SelectorType> parse_selector_type(std::string_view name) {
  const std::string lowered = ascii_lower(name);
  for (const SelectorTypeInfo& entry : k_selector_types) {
    if (entry.name == lowered) return entry.type;
  }
  // "twitter" is what most people still call x.
  if (lowered == "twitter") return SelectorType::x;
  return invalid_argument("'{}' is not a selector type", truncate_utf8(name, 40));
}

Result<Selector> normalise_selector(SelectorType type, std::string_view raw, const NormaliseContext& context) {
  const SelectorTypeInfo& entry = info(type);
  if (raw.size() > k_max_selector_raw_bytes) {
    return invalid_argument("{} value is {} bytes; the limit is {}", entry.name, raw.size(), k_max_selector_raw_bytes);
  }
  const std::string_view trimmed = trim_ascii_space(raw);
  if (trimmed.empty()) return invalid_argument("{} value is empty", entry.name);
  Result<std::string> value = entry.normalise(trimmed, context);
  if (!value.ok()) return std::move(value).error();
  return Selector{type, std::move(value).value()};
}

Result<Selector> parse_selector(std::string_view typed, const NormaliseContext& context) {
  const std::size_t colon = typed.find(':');
  if (colon == std::string_view::npos) {
    return invalid_argument("'{}' is not a TYPE:VALUE selector", truncate_utf8(typed, 80));
  }
  JALA_TRY_ASSIGN(const SelectorType type, parse_selector_type(typed.substr(0, colon)));
  return normalise_selector(type, typed.substr(colon + 1), context);
}

std::vector<Selector> guess_selectors(std::string_view raw, const NormaliseContext& context) {
  std::vector<Selector> out;
  for (const SelectorTypeInfo& entry : k_selector_types) {
    if (entry.guessable == Guessable::no) continue;
    Result<Selector> got = normalise_selector(entry.type, raw, context);
    if (got.ok()) out.push_back(std::move(got).value());
  }
  return out;
}

Result<std::string> normalise_wallet_selector(std::string_view raw, const NormaliseContext&) {
  return normalise_wallet(raw);
}

Result<std::string> normalise_iban_selector(std::string_view raw, const NormaliseContext&) {
  return normalise_iban(raw);
}

std::string_view host_of(const Selector& selector) {
  const std::string_view value = selector.value;
  switch (selector.type) {
    case SelectorType::domain: return value;
    case SelectorType::email: return value.substr(value.rfind('@') + 1);
    case SelectorType::url: {
      std::string_view rest = value.substr(value.find("://") == std::string_view::npos ? 0 : value.find("://") + 3);
      rest = rest.substr(0, rest.find_first_of("/?#"));
      if (const std::size_t at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
      if (rest.starts_with('[')) return rest.substr(1, rest.find(']') - 1);
      return rest.substr(0, rest.rfind(':') == std::string_view::npos ? rest.size() : rest.rfind(':'));
    }
    default: return {};
  }
}

std::optional<Selector> url_host_selector(const Selector& url) {
  const std::string_view host = host_of(url);
  if (could_be_ip(host)) {
    if (Result<std::string> ip = normalise_ip(host, {}); ip.ok()) {
      return Selector{SelectorType::ip, std::move(ip).value()};
    }
  }
  Result<std::string> domain = normalise_domain(host, {});
  if (!domain.ok()) return std::nullopt;
  return Selector{SelectorType::domain, std::move(domain).value()};
}

std::string_view link_key(const Selector& selector) {
  if (selector.type != SelectorType::url) return {};
  const std::string_view value = selector.value;
  if (value.starts_with(k_http)) return value.substr(k_http.size());
  if (value.starts_with(k_https)) return value.substr(k_https.size());
  return {};
}

std::optional<std::string_view> phone_named_by(const Selector& selector) {
  const bool by_number = selector.type == SelectorType::phone ||
                         ((selector.type == SelectorType::whatsapp || selector.type == SelectorType::zalo) &&
                          selector.value.starts_with('+'));
  if (!by_number) return std::nullopt;
  return std::string_view(selector.value);
}

std::vector<Selector> other_forms(const Selector& selector) {
  const std::string_view address = link_key(selector);
  if (address.empty()) return {};
  const std::string_view scheme = selector.value.starts_with(k_http) ? k_https : k_http;
  Result<std::string> twin = normalise_url(std::string(scheme).append(address), {});
  // Normalising drops a port that is the new scheme's default, which makes another address.
  if (!twin.ok() || !std::string_view(*twin).ends_with(address)) return {};
  return {Selector{SelectorType::url, std::move(twin).value()}};
}

}  // namespace jala::model
