#include "jala/base/utf8.h"

#include <fmt/format.h>

#include <simdjson.h>

#include <optional>
#include <utility>

namespace jala {

bool is_valid_utf8(std::string_view text) { return simdjson::validate_utf8(text.data(), text.size()); }

std::string_view truncate_utf8(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t end = max_bytes;
  // Step back over continuation bytes (10xxxxxx) so that no sequence is cut.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

namespace {

// The code point of the well-formed UTF-8 sequence at the start of `text`, and its length; nothing when
// the first byte starts none (a stray continuation byte, an overlong, a surrogate, past U+10FFFF, cut).
std::optional<std::pair<char32_t, std::size_t>> decode_utf8(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return std::pair{char32_t{lead}, std::size_t{1}};
  const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  if (length == 0 || text.size() < length || !is_valid_utf8(text.substr(0, length))) return std::nullopt;
  char32_t code_point = lead & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i) code_point = (code_point << 6) | (byte(i) & 0x3F);
  return std::pair{code_point, length};
}

bool hidden_on_terminal(char32_t c) {
  return (c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

}  // namespace

std::string escape_for_terminal(std::string_view line) {
  std::string shown;
  shown.reserve(line.size());
  while (!line.empty()) {
    const auto decoded = decode_utf8(line);
    if (!decoded) {
      shown += fmt::format("\\x{{{:02x}}}", static_cast<unsigned char>(line[0]));
      line.remove_prefix(1);
      continue;
    }
    const auto [code_point, length] = *decoded;
    if (!hidden_on_terminal(code_point)) {
      shown += line.substr(0, length);
    } else if (code_point < 0x80) {
      shown += fmt::format("\\x{:02x}", static_cast<unsigned>(code_point));
    } else {
      shown += fmt::format("\\u{{{:x}}}", static_cast<unsigned>(code_point));
    }
    line.remove_prefix(length);
  }
  return shown;
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
