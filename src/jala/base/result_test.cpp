#include "jala/base/result.h"

#include <memory>

#include <gtest/gtest.h>

namespace jala {
namespace {

Result<int> parse_positive(int value) {
  if (value <= 0) return invalid_argument("{} is not positive", value);
  return value;
}

Result<int> doubled(int value) {
  JALA_TRY_ASSIGN(const int checked, parse_positive(value));
  return checked * 2;
}

Status check_both(int a, int b) {
  JALA_TRY(parse_positive(a));
  JALA_TRY(parse_positive(b));
  return {};
}

TEST(Result, HoldsValueOrError) {
  const Result<int> good = parse_positive(3);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 3);

  const Result<int> bad = parse_positive(-1);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code(), ErrorCode::invalid_argument);
  EXPECT_EQ(bad.error().message(), "-1 is not positive");
}

TEST(Result, TryAssignPropagatesTheError) {
  EXPECT_EQ(*doubled(4), 8);
  const Result<int> got = doubled(0);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.error().message(), "0 is not positive");
}

TEST(Result, TryStopsAtTheFirstError) {
  EXPECT_TRUE(check_both(1, 2).ok());
  const Status got = check_both(1, -7);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.error().message(), "-7 is not positive");
}

TEST(Result, MoveOnlyValues) {
  Result<std::unique_ptr<int>> got = std::make_unique<int>(5);
  ASSERT_TRUE(got.ok());
  std::unique_ptr<int> taken = std::move(got).value();
  EXPECT_EQ(*taken, 5);
}

TEST(Error, WithContextPrefixesTheMessage) {
  const Error got = not_found("no report {}", "VN-MPS/1").with_context("report show");
  EXPECT_EQ(got.code(), ErrorCode::not_found);
  EXPECT_EQ(got.message(), "report show: no report VN-MPS/1");
  EXPECT_EQ(to_string(got.code()), "not_found");
}

}  // namespace
}  // namespace jala
