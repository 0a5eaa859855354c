#include "jala/intake/extract_request.h"

#include <gtest/gtest.h>

namespace jala::intake {
namespace {

TEST(ExtractRequest, EchoesTheIdAsGivenAndReadsTextAndCountry) {
  const Result<ExtractRequest> got =
      parse_extract_request(R"({"id": {"case": 7, "ref": "A-1"}, "text": "gọi 0912 345 678", "country": "vn"})");
  ASSERT_TRUE(got.ok()) << got.error().message();
  EXPECT_EQ(got->id_json, R"({"case":7,"ref":"A-1"})");
  EXPECT_EQ(got->text, "gọi 0912 345 678");
  EXPECT_EQ(got->country, "VN");

  const Result<ExtractRequest> bare = parse_extract_request(R"({"text": "x", "country": null})");
  ASSERT_TRUE(bare.ok()) << bare.error().message();
  EXPECT_EQ(bare->id_json, "null");
  EXPECT_EQ(bare->country, "");
}

// Found in review: numbers were echoed as simdjson prints them ("1e2" as "100.0"), not as given.
TEST(ExtractRequest, EchoesANumericIdDigitForDigit) {
  const auto id_of = [](std::string_view line) {
    const Result<ExtractRequest> got = parse_extract_request(line);
    return got.ok() ? got->id_json : "error: " + got.error().message();
  };
  EXPECT_EQ(id_of(R"({"id": 1e2, "text": "x"})"), "1e2");
  EXPECT_EQ(id_of(R"({"id":1.50 ,"text": "x"})"), "1.50");
  EXPECT_EQ(id_of(R"({"id": -0, "text": "x"})"), "-0");
  EXPECT_EQ(id_of(R"({"id": 18446744073709551615, "text": "x"})"), "18446744073709551615");
  EXPECT_EQ(id_of(R"({"id": 123456789012345678901234567890, "text": "x"})"), "123456789012345678901234567890");
  EXPECT_EQ(id_of(R"({"id": [-99999999999999999999], "text": "x", "n": 1})"), "[-99999999999999999999]");
  EXPECT_EQ(id_of(R"({"id": "a", "n": 99999999999999999999, "text": "x"})"), R"("a")");
  const std::string digits_400(400, '8');
  EXPECT_EQ(id_of(R"({"id": )" + digits_400 + R"(, "text": "x"})").rfind("error: not valid JSON", 0), 0U);
  EXPECT_EQ(id_of(R"({"text": "x", "id": [1E+2, {"n": 0.10}]})"), R"([1E+2,{"n":0.10}])");
  EXPECT_EQ(id_of(R"({"id": "a \"b\" c", "text": "x"})"), R"("a \"b\" c")");
  EXPECT_EQ(id_of(R"({"id": true, "text": "x"})"), "true");
  // Two ids are refused (NamesWhatIsWrong); an escaped key is still found (and printed as parsed).
  EXPECT_EQ(id_of(R"({"id": 1.0, "id": 2, "text": "x"})"), "error: id: appears twice");
  EXPECT_EQ(id_of(R"({"\u0069d": 7, "text": "x"})"), "7");
}

TEST(ExtractRequest, NamesWhatIsWrong) {
  const auto message = [](std::string_view line) {
    const Result<ExtractRequest> got = parse_extract_request(line);
    return got.ok() ? std::string("ok") : got.error().message();
  };
  EXPECT_NE(message("{\"id\": 1").find("not valid JSON"), std::string::npos);
  EXPECT_EQ(message("[1, 2]"), "the line is not a JSON object");
  EXPECT_EQ(message(R"({"id": 1})"), "text: missing");
  EXPECT_EQ(message(R"({"id": 1, "text": 5})"), "text: must be a string");
  EXPECT_NE(message(R"({"id": 1, "text": "a", "country": "XX"})").find("country: "), std::string::npos);
  EXPECT_EQ(message(R"({"id": 1, "text": "a", "country": 84})"), "country: must be a string");
  // Found in review: the first of two texts was classified, where ingest refuses the line.
  EXPECT_EQ(message(R"({"id": 1, "text": "first", "text": "second"})"), "text: appears twice");
  EXPECT_EQ(message(R"({"id": 1, "id": 2, "text": "a"})"), "id: appears twice");
  EXPECT_EQ(message(R"({"text": "a", "country": "VN", "country": "TH"})"), "country: appears twice");
  EXPECT_EQ(message(R"({"text": "a", "other": 1, "other": 2})"), "ok");  // unknown fields are not read
}

}  // namespace
}  // namespace jala::intake
