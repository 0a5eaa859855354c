#include "jala/intake/json_line.h"

#include <gtest/gtest.h>

namespace jala::intake {
namespace {

TEST(QuoteBigIntegers, QuotesOnlyIntegersThatMayNotFitInSixtyFourBitsOutsideStrings) {
  EXPECT_EQ(quote_big_integers(R"({"id":123456789012345678901234567890,"n":7})"),
            R"({"id":"123456789012345678901234567890","n":7})");
  EXPECT_EQ(quote_big_integers(R"([-9223372036854775809, 1234567890123456789, -123456789012345678])"),
            R"(["-9223372036854775809", 1234567890123456789, -123456789012345678])");
  // Fractions and exponents parse as doubles whatever their length; digits in strings are text.
  EXPECT_EQ(quote_big_integers(R"([123456789012345678901.5, 123456789012345678901e3])"),
            R"([123456789012345678901.5, 123456789012345678901e3])");
  EXPECT_EQ(quote_big_integers(R"({"t":"a \"123456789012345678901\" b","u":"\\"})"),
            R"({"t":"a \"123456789012345678901\" b","u":"\\"})");
  EXPECT_EQ(quote_big_integers(R"({"t":"open 123456789012345678901)"), R"({"t":"open 123456789012345678901)");
  // Longer than any double: left to be refused, as a JSON parser that reads numbers as doubles refuses it
  // (found by fuzzing: a 400-digit id was echoed, and nlohmann's parser called the echo no JSON).
  const std::string digits_308(308, '7');
  EXPECT_EQ(quote_big_integers("[" + digits_308 + "]"), "[\"" + digits_308 + "\"]");
  EXPECT_EQ(quote_big_integers("[" + digits_308 + "7]"), "[" + digits_308 + "7]");
  // Malformed numbers stay malformed: a leading zero, or something after the digits.
  EXPECT_EQ(quote_big_integers("[0123456789012345678901]"), "[0123456789012345678901]");
  EXPECT_EQ(quote_big_integers("[123456789012345678901-5]"), R"(["123456789012345678901"-5])");
}

TEST(ParseJsonLine, ParsesALineWithAnIntegerBeyondSixtyFourBitsAgain) {
  simdjson::dom::parser parser;
  JsonLine line;
  ASSERT_EQ(parse_json_line(parser, R"({"id": 18446744073709551616, "x": [1]})", line), simdjson::SUCCESS);
  EXPECT_TRUE(line.big_integers_quoted);
  std::string_view id;
  ASSERT_EQ(line.root["id"].get_string().get(id), simdjson::SUCCESS);
  EXPECT_EQ(id, "18446744073709551616");

  ASSERT_EQ(parse_json_line(parser, R"({"id": 18446744073709551615})", line), simdjson::SUCCESS);
  EXPECT_FALSE(line.big_integers_quoted);
  EXPECT_NE(parse_json_line(parser, R"({"id": 18446744073709551616)", line), simdjson::SUCCESS);
  EXPECT_NE(parse_json_line(parser, R"({"id": 018446744073709551616})", line), simdjson::SUCCESS);
  EXPECT_NE(parse_json_line(parser, R"({"id": 18446744073709551616-5})", line), simdjson::SUCCESS);
}

}  // namespace
}  // namespace jala::intake
