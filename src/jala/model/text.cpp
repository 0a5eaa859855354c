#include "jala/model/text.h"

#include <fmt/format.h>

#include "jala/base/utf8.h"

namespace jala::model {

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string ascii_upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string_view trim_ascii_space(std::string_view text) {
  constexpr std::string_view k_space = " \t\r\n\f\v";
  const std::size_t first = text.find_first_not_of(k_space);
  if (first == std::string_view::npos) return {};
  const std::size_t last = text.find_last_not_of(k_space);
  return text.substr(first, last - first + 1);
}

std::string quote_untrusted(std::string_view text) {
  constexpr std::size_t k_max_quoted_bytes = 32;
  const std::string_view kept = truncate_utf8(text, k_max_quoted_bytes);
  const std::string escaped = fmt::format("{:?}", kept);  // in double quotes
  return fmt::format("'{}{}'", std::string_view(escaped).substr(1, escaped.size() - 2),
                     kept.size() < text.size() ? "..." : "");
}

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || is_ascii_digit(c); }

}  // namespace jala::model
