#include "jala/base/json_text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <random>
#include <string_view>

namespace jala {
namespace {

std::string dumped(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string string_text(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

std::string number_text(double value) {
  std::string out;
  append_json_number(out, value);
  return out;
}

TEST(JsonText, StringsAreWrittenAsNlohmannDumpsThem) {
  const std::vector<std::string> texts = {"",
                                          "plain",
                                          "quote \" and backslash \\",
                                          "tab\tnew line\nreturn\rbell\a\b\f",
                                          std::string("nul\0x", 5),
                                          "\x1f\x7f",
                                          "Tuyển dụng 高薪 งานง่าย 🔥",
                                          "\xC0\xAF",
                                          "abc\xE0\xA4",
                                          "ok\xFF"
                                          "ok\xED\xA0\x80z",
                                          "\xE2\x82"};
  for (const std::string& text : texts) EXPECT_EQ(string_text(text), dumped(text)) << text;
}

TEST(JsonText, RandomBytesAreWrittenAsNlohmannDumpsThem) {
  std::mt19937 random(7);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 2000; ++round) {
    std::string text(static_cast<std::size_t>(round % 24), '\0');
    for (char& c : text) c = static_cast<char>(byte(random));
    EXPECT_EQ(string_text(text), dumped(text));
  }
}

TEST(JsonText, NumbersAreWrittenAsNlohmannDumpsThem) {
  const std::vector<double> values = {
      0.0,  -0.0,      1.0,     0.99, 0.95, 0.9,  0.8,  0.5,   1e-4,         9.99e-5,
      1e-5, 0.1 + 0.2, 123.456, 1e14, 1e15, 1e16, -2.5, 1e300, std::nan(""), std::numeric_limits<double>::infinity()};
  for (const double value : values) EXPECT_EQ(number_text(value), dumped(value)) << value;
  std::mt19937_64 random(11);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (int round = 0; round < 10000; ++round) {
    const double value = unit(random);
    EXPECT_EQ(number_text(value), dumped(value));
  }
  std::string out;
  append_json_number(out, std::uint64_t{18446744073709551615U});
  EXPECT_EQ(out, dumped(std::uint64_t{18446744073709551615U}));
}

// Found in review: text output printed amounts as their doubles (0.123 as 0.122999999999999998). The
// fixed-point form has JSON's digits, without its exponent or its ".0".
TEST(JsonText, ShortestFixedDecimalsHaveTheDigitsOfJsonInFixedPoint) {
  const std::vector<std::pair<double, std::string>> cases = {{0.123, "0.123"},
                                                             {1.005, "1.005"},
                                                             {99.999, "99.999"},
                                                             {12345.678901, "12345.678901"},
                                                             {0.0039, "0.0039"},
                                                             {0.00001, "0.00001"},
                                                             {1e-18, "0.000000000000000001"},
                                                             {12.0, "12"},
                                                             {1e20, "100000000000000000000"},
                                                             {-2.5, "-2.5"},
                                                             {0.0, "0"},
                                                             {0.1 + 0.2, "0.30000000000000004"}};
  for (const auto& [value, want] : cases) EXPECT_EQ(shortest_fixed_decimal(value), want) << number_text(value);
  std::mt19937_64 random(13);
  std::uniform_real_distribution<double> exponent(-20.0, 20.0);
  for (int round = 0; round < 10000; ++round) {
    const double value = std::pow(10.0, exponent(random));
    const std::string got = shortest_fixed_decimal(value);
    EXPECT_EQ(std::stod(got), value) << got;
    // The same significant digits as JSON's.
    const auto significant = [](std::string_view text) {
      std::string digits;
      for (const char c : text.substr(0, text.find('e'))) {
        if (c >= '0' && c <= '9') digits += c;
      }
      digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size()));
      digits.erase(digits.find_last_not_of('0') + 1);
      return digits;
    };
    EXPECT_EQ(significant(got), significant(number_text(value))) << got << " " << number_text(value);
  }
}

}  // namespace
}  // namespace jala
