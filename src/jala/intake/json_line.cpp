#include "jala/intake/json_line.h"

#include <algorithm>

#include "jala/model/text.h"

namespace jala::intake {
namespace {

// The longest integers that always fit: -(2^63) has 19 digits, and 2^64 - 1 has 20; so 18 digits for a
// negative integer and 19 for a positive one. Longer ones are quoted, whether they fit or not.
constexpr std::size_t k_max_negative_digits = 18;
constexpr std::size_t k_max_positive_digits = 19;
// ...and up to this many, since no double holds a longer integer either: JSON parsers that read numbers as
// doubles (nlohmann's among them) refuse it, so it stays refused, as simdjson refused it.
constexpr std::size_t k_max_quoted_digits = 308;

}  // namespace

std::string quote_big_integers(std::string_view json) {
  std::string out;
  out.reserve(json.size() + 16);
  std::size_t i = 0;
  while (i < json.size()) {
    const char c = json[i];
    if (c == '"') {  // a string, copied whole: its escapes may hide a quote
      std::size_t end = i + 1;
      while (end < json.size() && json[end] != '"') end += json[end] == '\\' ? 2 : 1;
      end = std::min(end + 1, json.size());
      out.append(json.substr(i, end - i));
      i = end;
      continue;
    }
    if (c != '-' && !model::is_ascii_digit(c)) {
      out.push_back(c);
      ++i;
      continue;
    }
    std::size_t end = c == '-' ? i + 1 : i;
    const std::size_t digits_start = end;
    while (end < json.size() && model::is_ascii_digit(json[end])) ++end;
    const bool fraction_or_exponent = end < json.size() && (json[end] == '.' || json[end] == 'e' || json[end] == 'E');
    // Only a valid JSON integer: no leading zero, and quoted up to its last digit, so that whatever follows
    // is still read as it was.
    const std::size_t max_digits = c == '-' ? k_max_negative_digits : k_max_positive_digits;
    const std::size_t digits = end - digits_start;
    if (!fraction_or_exponent && digits > max_digits && digits <= k_max_quoted_digits && json[digits_start] != '0') {
      out.push_back('"');
      out.append(json.substr(i, end - i));
      out.push_back('"');
    } else {
      while (end < json.size() && (model::is_ascii_digit(json[end]) || json[end] == '.' || json[end] == 'e' ||
                                   json[end] == 'E' || json[end] == '+' || json[end] == '-')) {
        ++end;
      }
      out.append(json.substr(i, end - i));
    }
    i = end;
  }
  return out;
}

simdjson::error_code parse_json_line(simdjson::dom::parser& parser, std::string_view line, JsonLine& parsed) {
  parsed.big_integers_quoted = false;
  const simdjson::error_code error = parser.parse(line.data(), line.size(), true).get(parsed.root);
  // simdjson 3.0 has no error of its own for an integer beyond 64 bits: it is a number error.
  if (error != simdjson::NUMBER_ERROR) return error;
  const std::string quoted = quote_big_integers(line);
  parsed.big_integers_quoted = true;
  return parser.parse(quoted.data(), quoted.size(), true).get(parsed.root);  // the parser copies it
}

}  // namespace jala::intake
