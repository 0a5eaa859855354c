#include "jala/share/psi_message.h"

#include <gtest/gtest.h>

#include <string>

namespace jala::share {
namespace {

CurvePoint point(std::uint8_t fill) {
  CurvePoint p{};
  p.fill(fill);
  return p;
}

MatchTag tag(std::uint8_t fill) {
  MatchTag t{};
  t.fill(fill);
  return t;
}

// The error message of a parse that must fail, or "parsed" when it does not.
template <typename Parsed>
std::string failure(const Result<Parsed>& parsed) {
  return parsed.ok() ? "parsed" : parsed.error().message();
}

TEST(PsiMessage, RequestRoundTrips) {
  const Request want{Mode::cardinality, {point(1), point(2), point(3)}};
  const std::string bytes = serialise(want);
  EXPECT_EQ(bytes.size(), 16u + 3 * 32);
  EXPECT_EQ(bytes.substr(0, 12), std::string("jala-psi\x01\x01\x02\x00", 12));
  EXPECT_EQ(bytes.substr(12, 4), std::string("\x03\x00\x00\x00", 4));
  const Result<Request> got = parse_request(bytes);
  ASSERT_TRUE(got.ok()) << got.error().message();
  EXPECT_EQ(*got, want);
}

TEST(PsiMessage, ResponseRoundTrips) {
  const Response want{Mode::intersection, {tag(7), tag(8)}, {point(9), point(10), point(11)}};
  const std::string bytes = serialise(want);
  EXPECT_EQ(bytes.size(), 20u + 2 * 16 + 3 * 32);
  EXPECT_EQ(bytes.substr(0, 20), std::string("jala-psi\x01\x02\x01\x00\x02\x00\x00\x00\x03\x00\x00\x00", 20));
  const Result<Response> got = parse_response(bytes);
  ASSERT_TRUE(got.ok()) << got.error().message();
  EXPECT_EQ(*got, want);
}

TEST(PsiMessage, EmptyMessagesRoundTrip) {
  const Result<Request> request = parse_request(serialise(Request{}));
  ASSERT_TRUE(request.ok()) << request.error().message();
  EXPECT_EQ(*request, Request{});
  const Result<Response> response = parse_response(serialise(Response{}));
  ASSERT_TRUE(response.ok()) << response.error().message();
  EXPECT_EQ(*response, Response{});
}

TEST(PsiMessage, MalformedRequestsAreRejected) {
  const std::string good = serialise(Request{Mode::intersection, {point(1), point(2)}});
  struct Case {
    std::string name;
    std::string bytes;
    std::string want;
  };
  std::vector<Case> cases = {
      {"empty", "", "psi request: 0 bytes, shorter than its 16-byte header"},
      {"short header", good.substr(0, 15), "psi request: 15 bytes, shorter than its 16-byte header"},
      {"truncated body", good.substr(0, good.size() - 1), "psi request: 79 bytes, but its counts make 80"},
      {"trailing byte", good + "x", "psi request: 81 bytes, but its counts make 80"},
  };
  std::string bad = good;
  bad[0] = 'J';
  cases.push_back({"magic", bad, "psi request: not a Jala private-overlap message (no \"jala-psi\" magic)"});
  bad = good;
  bad[8] = 2;
  cases.push_back({"version", bad, "psi request: version 2 is not supported (this build speaks 1)"});
  bad = good;
  bad[9] = 2;
  cases.push_back({"kind", bad, "psi request: the message is of kind 2, not 1 (request)"});
  bad = good;
  bad[10] = 3;
  cases.push_back({"mode", bad, "psi request: unknown mode 3"});
  bad = good;
  bad[11] = 1;
  cases.push_back({"reserved", bad, "psi request: byte 11 must be zero"});
  bad = good;
  bad.replace(12, 4, std::string("\x01\x00\x40\x00", 4));  // 2^22 + 1 points
  cases.push_back({"over the limit", bad, "psi request: 4194305 points exceed the limit of 4194304"});
  bad = good;
  bad.replace(12, 4, std::string("\xff\xff\xff\xff", 4));
  cases.push_back({"huge count", bad, "psi request: 4294967295 points exceed the limit of 4194304"});
  bad = good;
  bad[12] = 3;
  cases.push_back({"count above the body", bad, "psi request: 80 bytes, but its counts make 112"});
  for (const Case& c : cases) {
    EXPECT_EQ(failure(parse_request(c.bytes)), c.want) << c.name;
  }
}

TEST(PsiMessage, MalformedResponsesAreRejected) {
  const std::string good = serialise(Response{Mode::cardinality, {tag(1)}, {point(2), point(3)}});
  EXPECT_EQ(failure(parse_response(good.substr(0, 19))), "psi response: 19 bytes, shorter than its 20-byte header");
  EXPECT_EQ(failure(parse_response(good.substr(0, good.size() - 32))), "psi response: 68 bytes, but its counts make 100");
  EXPECT_EQ(failure(parse_response(serialise(Request{}))), "psi response: 16 bytes, shorter than its 20-byte header");
  EXPECT_EQ(failure(parse_response(serialise(Request{Mode::intersection, {point(1)}}))),
            "psi response: the message is of kind 1, not 2 (response)");
  std::string bad = good;
  bad.replace(16, 4, std::string("\x00\x00\x80\x00", 4));  // 2^23 points
  EXPECT_EQ(failure(parse_response(bad)), "psi response: 8388608 points exceed the limit of 4194304");
  bad = good;
  bad.replace(12, 4, std::string("\x00\x00\x00\x01", 4));
  EXPECT_EQ(failure(parse_response(bad)), "psi response: 16777216 tags exceed the limit of 4194304");
  bad = good;
  bad[12] = 2;  // one more tag: the bytes no longer add up
  EXPECT_EQ(failure(parse_response(bad)), "psi response: 100 bytes, but its counts make 116");
}

}  // namespace
}  // namespace jala::share
