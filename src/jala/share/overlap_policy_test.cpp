#include "jala/share/overlap_policy.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace jala::share {
namespace {

constexpr std::int64_t k_hour = std::int64_t{60} * 60 * 1'000'000;

storage::Partner partner_allowing(std::uint32_t max_set, std::uint32_t per_day) {
  storage::Partner partner;
  partner.name = "kh-police";
  partner.overlap_max_set = max_set;
  partner.overlap_sessions_per_day = per_day;
  return partner;
}

TEST(OverlapPolicy, AdmitsUpToTheSessionLimitThenSaysWhenToRetry) {
  const storage::Partner partner = partner_allowing(100, 3);
  std::vector<Timestamp> sessions;
  const Timestamp start{1'000 * k_hour};
  for (int i = 0; i < 3; ++i) {
    const OverlapVerdict verdict = admit_overlap(partner, 100, sessions, Timestamp{start.unix_micros + i * k_hour});
    EXPECT_TRUE(verdict.admitted()) << verdict.why;
  }
  ASSERT_EQ(sessions.size(), 3U);
  const Timestamp fourth{start.unix_micros + 5 * k_hour};
  const OverlapVerdict refused = admit_overlap(partner, 1, sessions, fourth);
  EXPECT_EQ(refused.refusal, OverlapRefusal::too_many_sessions);
  EXPECT_NE(refused.why.find("3 private overlaps in the last 24 hours"), std::string::npos) << refused.why;
  // The first session leaves the window 24 hours after it began: 19 hours after the fourth try.
  EXPECT_EQ(refused.retry_after_seconds, 19 * 60 * 60);
  EXPECT_EQ(sessions.size(), 3U) << "a refused session is not counted";

  // Once the first session is 24 hours old it no longer counts.
  const Timestamp later{start.unix_micros + 24 * k_hour + 1};
  std::vector<Timestamp> recent = recent_overlap_sessions(format_overlap_sessions(sessions), later);
  EXPECT_EQ(recent.size(), 2U);
  EXPECT_TRUE(admit_overlap(partner, 1, recent, later).admitted());
  EXPECT_EQ(recent.size(), 3U);
}

TEST(OverlapPolicy, RefusesASetLargerThanTheAgreementAllows) {
  std::vector<Timestamp> sessions;
  const OverlapVerdict verdict = admit_overlap(partner_allowing(100, 3), 101, sessions, Timestamp{k_hour});
  EXPECT_EQ(verdict.refusal, OverlapRefusal::set_too_large);
  EXPECT_EQ(verdict.why,
            "the agreement with kh-police allows sets of at most 100 selectors a session; this one holds 101");
  EXPECT_TRUE(sessions.empty());
  EXPECT_TRUE(admit_overlap(partner_allowing(100, 3), 100, sessions, Timestamp{k_hour}).admitted());
}

// Found in review: a partner allowed only the networks collection could test its guesses against the
// reports' selectors all the same.
TEST(OverlapPolicy, AnAgreementWithoutTheReportsCollectionRefusesEveryOne) {
  std::vector<Timestamp> sessions;
  storage::Partner partner = partner_allowing(100, 3);
  partner.collections = {"networks"};
  const OverlapVerdict verdict = admit_overlap(partner, 1, sessions, Timestamp{k_hour});
  EXPECT_EQ(verdict.refusal, OverlapRefusal::not_allowed);
  EXPECT_EQ(verdict.why,
            "the agreement with kh-police does not include the reports collection, whose selectors private overlap "
            "tests");
  EXPECT_TRUE(sessions.empty());
  partner.collections = {"networks", "reports"};
  EXPECT_TRUE(admit_overlap(partner, 1, sessions, Timestamp{k_hour}).admitted());
}

TEST(OverlapPolicy, AnAgreementWithNoSessionsRefusesEveryOne) {
  std::vector<Timestamp> sessions;
  const OverlapVerdict verdict = admit_overlap(partner_allowing(100, 0), 1, sessions, Timestamp{k_hour});
  EXPECT_EQ(verdict.refusal, OverlapRefusal::not_allowed);
  EXPECT_EQ(verdict.why, "the agreement with kh-police does not allow private overlap");
}

TEST(OverlapPolicy, ALoweredLimitWaitsForEnoughSessionsToLeave) {
  // Five sessions an hour apart, then the agreement is lowered to two a day: four must leave first.
  std::vector<Timestamp> sessions;
  for (int i = 0; i < 5; ++i) sessions.push_back(Timestamp{i * k_hour});
  const OverlapVerdict verdict = admit_overlap(partner_allowing(100, 2), 1, sessions, Timestamp{5 * k_hour});
  EXPECT_EQ(verdict.refusal, OverlapRefusal::too_many_sessions);
  // The fourth session (at hour 3) leaves at hour 27: 22 hours from now.
  EXPECT_EQ(verdict.retry_after_seconds, 22 * 60 * 60);
}

TEST(OverlapPolicy, TheStateKeepsOnlyRecentReadableTimes) {
  const Timestamp now{100 * k_hour};
  const std::string state = fmt::format("{},x,{},{},,{}", 100 * k_hour - 1, 50 * k_hour, 99 * k_hour, 101 * k_hour);
  const std::vector<Timestamp> recent = recent_overlap_sessions(state, now);
  ASSERT_EQ(recent.size(), 2U) << "old, future and unreadable entries are dropped";
  EXPECT_EQ(recent[0], Timestamp{99 * k_hour});
  EXPECT_EQ(recent[1], Timestamp{100 * k_hour - 1});
  EXPECT_EQ(format_overlap_sessions(recent), fmt::format("{},{}", 99 * k_hour, 100 * k_hour - 1));
  EXPECT_EQ(overlap_state_name("kh-police"), "overlap-sessions:kh-police");
}

}  // namespace
}  // namespace jala::share
