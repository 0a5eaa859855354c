#include "jala/base/time.h"

#include <gtest/gtest.h>

namespace jala {
namespace {

std::int64_t micros_of(std::string_view text) {
  const Result<Timestamp> got = parse_rfc3339(text);
  EXPECT_TRUE(got.ok()) << text << ": " << (got.ok() ? "" : got.error().message());
  return got.ok() ? got->unix_micros : 0;
}

TEST(Rfc3339, ParsesUtcAndOffsets) {
  EXPECT_EQ(micros_of("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(micros_of("2026-03-01T08:15:00+07:00"), micros_of("2026-03-01T01:15:00Z"));
  EXPECT_EQ(micros_of("2026-03-01t01:15:00z"), micros_of("2026-03-01T01:15:00Z"));
  EXPECT_EQ(micros_of("2026-03-01 01:15:00Z"), micros_of("2026-03-01T01:15:00Z"));
  EXPECT_EQ(micros_of("2025-12-31T19:00:00-05:00"), micros_of("2026-01-01T00:00:00Z"));
  EXPECT_EQ(micros_of("2000-02-29T00:00:00Z"), 951782400LL * 1'000'000);
}

TEST(Rfc3339, KeepsFractionsToTheMicrosecond) {
  EXPECT_EQ(micros_of("1970-01-01T00:00:00.5Z"), 500'000);
  EXPECT_EQ(micros_of("1970-01-01T00:00:00.123456Z"), 123'456);
  EXPECT_EQ(micros_of("1970-01-01T00:00:00.123456000Z"), 123'456);  // a nanosecond clock's whole microsecond
}

// Found in review: a fraction finer than a microsecond was cut without a word (…00.123456789Z stored as
// …00.123456Z), and a second 60 in any minute was read as the next minute (10:00:60Z as 10:01:00Z).
TEST(Rfc3339, RefusesFractionsFinerThanAMicrosecondAndSixtySecondsOutsideALeapSecond) {
  for (const std::string_view text :
       {"2025-09-01T10:00:00.1234567Z", "2025-09-01T16:00:00.123456789Z", "2025-09-01T16:00:00.000000001Z"}) {
    const Result<Timestamp> got = parse_rfc3339(text);
    ASSERT_FALSE(got.ok()) << text;
    EXPECT_NE(got.error().message().find("a fraction finer than a microsecond"), std::string::npos)
        << got.error().message();
  }
  for (const std::string_view text :
       {"2025-09-01T10:00:60Z", "2016-12-31T23:58:60Z", "2016-12-30T23:59:60Z", "2016-12-31T23:59:60+01:00"}) {
    const Result<Timestamp> got = parse_rfc3339(text);
    ASSERT_FALSE(got.ok()) << text;
    EXPECT_NE(got.error().message().find("a second of 60 is a leap second"), std::string::npos)
        << got.error().message();
  }
  // Real leap seconds, in UTC and in an offset, folded into the next second.
  EXPECT_EQ(micros_of("2016-12-31T23:59:60Z"), micros_of("2017-01-01T00:00:00Z"));
  EXPECT_EQ(micros_of("2015-07-01T08:59:60+09:00"), micros_of("2015-07-01T00:00:00Z"));
  EXPECT_EQ(micros_of("2016-12-31T23:59:60.5Z"), micros_of("2017-01-01T00:00:00.5Z"));
}

TEST(Rfc3339, RejectsWithAReason) {
  struct Case {
    std::string_view text;
    std::string_view why;
  };
  const Case cases[] = {
      {"2026-02-29T00:00:00Z", "day out of range"},
      {"2026-13-01T00:00:00Z", "month out of range"},
      {"2026-01-01T24:00:00Z", "time of day out of range"},
      {"2026-01-01T00:00:00", "missing UTC offset"},
      {"2026-01-01", "expected 'T'"},
      {"01/02/2026", "expected a date"},
      {"2026-01-01T00:00:00+7:00", "bad UTC offset"},
      {"2026-01-01T00:00:00Zjunk", "unexpected text"},
      {"2026-01-01T00:00:00.Z", "expected digits"},
      {"", "expected a date"},
  };
  for (const Case& c : cases) {
    const Result<Timestamp> got = parse_rfc3339(c.text);
    ASSERT_FALSE(got.ok()) << c.text;
    EXPECT_NE(got.error().message().find(c.why), std::string::npos) << got.error().message();
  }
}

TEST(Rfc3339, FormatRoundTrips) {
  const std::string_view texts[] = {"1970-01-01T00:00:00Z", "2026-03-01T01:15:00.5Z",
                                    "1969-12-31T23:59:59.999999Z", "2400-02-29T12:00:00Z"};
  for (std::string_view text : texts) {
    EXPECT_EQ(format_rfc3339(Timestamp{micros_of(text)}), text);
  }
  EXPECT_EQ(format_rfc3339(Timestamp{micros_of("2026-03-01T08:15:00+07:00")}), "2026-03-01T01:15:00Z");
}

TEST(Rfc3339, FormatWritesEveryDigitAndDropsOnlyTrailingZerosOfTheFraction) {
  const std::string_view texts[] = {"0001-01-01T00:00:00.000001Z", "9999-12-31T23:59:59.1Z",
                                    "2025-10-04T21:33:21.10203Z", "1999-09-09T09:09:09.09Z"};
  for (std::string_view text : texts) {
    EXPECT_EQ(format_rfc3339(Timestamp{micros_of(text)}), text);
  }
  // Years past four digits are written in full.
  const std::int64_t day = std::int64_t{86400} * 1'000'000;
  EXPECT_EQ(format_rfc3339(Timestamp{micros_of("9999-12-31T00:00:00Z") + day + 250'000}), "10000-01-01T00:00:00.25Z");
}

TEST(Rfc3339, AgreesWithANaiveDayCounterOverFourCenturies) {
  std::int64_t days = 0;
  for (int year = 1970; year < 2370; ++year) {
    for (int month = 1; month <= 12; ++month) {
      const std::string text = fmt::format("{:04d}-{:02d}-01T00:00:00Z", year, month);
      ASSERT_EQ(micros_of(text), days * 86400 * 1'000'000) << text;
      const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
      constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      days += k_days[month - 1] + (month == 2 && leap ? 1 : 0);
    }
  }
}

}  // namespace
}  // namespace jala
