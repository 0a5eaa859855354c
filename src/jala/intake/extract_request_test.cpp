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
}

}  // namespace
}  // namespace jala::intake
