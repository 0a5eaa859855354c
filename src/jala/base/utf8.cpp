#include "jala/base/utf8.h"

#include <fmt/format.h>

#include <simdjson.h>

namespace jala {

bool is_valid_utf8(std::string_view text) { return simdjson::validate_utf8(text.data(), text.size()); }

std::string_view truncate_utf8(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t end = max_bytes;
  // Step back over continuation bytes (10xxxxxx) so that no sequence is cut.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

std::string escape_untrusted(std::string_view text) {
  const std::string escaped = fmt::format("{:?}", text);  // in double quotes
  return escaped.substr(1, escaped.size() - 2);
}

std::string quote_untrusted(std::string_view text) {
  constexpr std::size_t k_max_quoted_bytes = 32;
  const std::string_view kept = truncate_utf8(text, k_max_quoted_bytes);
  return fmt::format("'{}{}'", escape_untrusted(kept), kept.size() < text.size() ? "..." : "");
}

}  // namespace jala
