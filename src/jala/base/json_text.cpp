#include "jala/base/json_text.h"

#include <array>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "jala/base/utf8.h"

namespace jala {
namespace {

// nlohmann's replacement of invalid UTF-8 is subtle (which bytes one U+FFFD stands for), so such rare
// strings go through nlohmann itself.
void append_dumped(std::string& out, const nlohmann::json& value) {
  out += value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Bytes that a JSON string cannot hold as they are: '"', '\\' and the control characters.
constexpr std::array<bool, 256> k_needs_escape = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[c] = true;
  table['"'] = true;
  table['\\'] = true;
  return table;
}();

void append_escaped(std::string& out, char c) {
  switch (c) {
    case '"': out += "\\\""; return;
    case '\\': out += "\\\\"; return;
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    default: {
      constexpr std::string_view k_hex_digits = "0123456789abcdef";
      const auto byte = static_cast<unsigned char>(c);
      out += "\\u00";
      out += k_hex_digits[byte >> 4];
      out += k_hex_digits[byte & 0xF];
    }
  }
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  if (!is_valid_utf8(text)) {
    append_dumped(out, nlohmann::json(std::string(text)));
    return;
  }
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!k_needs_escape[static_cast<unsigned char>(text[i])]) continue;
    out.append(text.substr(run, i - run));
    append_escaped(out, text[i]);
    run = i + 1;
  }
  out.append(text.substr(run));
  out += '"';
}

void append_json_number(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  // nlohmann's own shortest-digits routine (Grisu2), which its serializer calls: other shortest forms
  // (std::to_chars) differ from it in the last digits of some values.
  std::array<char, 64> buffer{};
  char* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  out.append(buffer.data(), end);
}

std::string shortest_fixed_decimal(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
  if (value == 0) return "0";
  std::string out = std::signbit(value) ? "-" : "";
  // The digits and exponent of append_json_number() (Grisu2), laid out in fixed point at any exponent: a
  // double's decimal point lies at most 324 places after its first digit or 309 before its last.
  std::array<char, 400> buffer{};
  int length = 0;
  int exponent = 0;
  nlohmann::detail::dtoa_impl::grisu2(buffer.data(), length, exponent, std::fabs(value));
  constexpr int k_any_exponent = 390;
  const char* end =
      nlohmann::detail::dtoa_impl::format_buffer(buffer.data(), length, exponent, -k_any_exponent, k_any_exponent);
  std::string_view digits(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
  if (digits.ends_with(".0")) digits.remove_suffix(2);
  out += digits;
  return out;
}

void append_json_number(std::string& out, std::uint64_t value) {
  std::array<char, 24> buffer{};
  const auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  out.append(buffer.data(), end);
}

}  // namespace jala
