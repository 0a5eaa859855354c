#include "jala/server/sign_in_throttle.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

namespace jala::server {
namespace {

using std::chrono::seconds;

const SignInThrottle::Clock::time_point k_start{seconds{1000}};

TEST(SignInThrottle, RefusesAnAddressAfterItsFailuresUntilTheWindowEnds) {
  SignInThrottle throttle;
  for (int i = 0; i < SignInThrottle::k_failures_allowed; ++i) {
    EXPECT_FALSE(throttle.wait("192.0.2.7", k_start + seconds{i})) << i;
    throttle.record_failure("192.0.2.7", k_start + seconds{i});
  }
  EXPECT_EQ(throttle.wait("192.0.2.7", k_start + seconds{10}), seconds{50});
  EXPECT_EQ(throttle.wait("192.0.2.7", k_start + seconds{59}), seconds{1});
  EXPECT_FALSE(throttle.wait("192.0.2.8", k_start + seconds{10}));  // another address is not held back
  EXPECT_FALSE(throttle.wait("192.0.2.7", k_start + SignInThrottle::k_window));
  throttle.record_failure("192.0.2.7", k_start + SignInThrottle::k_window);  // a new window, one failure
  EXPECT_FALSE(throttle.wait("192.0.2.7", k_start + SignInThrottle::k_window));
}

TEST(SignInThrottle, CountsAnIpv6ClientByItsSlash64AndAMappedIpv4AsItself) {
  EXPECT_EQ(SignInThrottle::key_of("2001:db8:1:2:aaaa::1"), "2001:0db8:0001:0002::/64");
  EXPECT_EQ(SignInThrottle::key_of("2001:DB8:1:2:ffff:ffff:ffff:ffff"), "2001:0db8:0001:0002::/64");
  EXPECT_EQ(SignInThrottle::key_of("::ffff:198.51.100.4"), "198.51.100.4");
  EXPECT_EQ(SignInThrottle::key_of("198.51.100.4"), "198.51.100.4");
  EXPECT_EQ(SignInThrottle::key_of("not an address"), "not an address");

  SignInThrottle throttle;
  for (int i = 0; i < SignInThrottle::k_failures_allowed; ++i) {
    throttle.record_failure(fmt::format("2001:db8:1:2::{:x}", i + 1), k_start);
  }
  EXPECT_TRUE(throttle.wait("2001:db8:1:2::ffff", k_start));
  EXPECT_FALSE(throttle.wait("2001:db8:1:3::1", k_start));
}

// An attacker with many addresses cannot reset the counts by filling the table: a full table refuses
// new addresses until its oldest entries expire, and then makes room.
TEST(SignInThrottle, AFullTableHoldsNewAddressesBackUntilEntriesExpire) {
  SignInThrottle throttle;
  for (std::size_t i = 0; i < SignInThrottle::k_max_addresses; ++i) {
    throttle.record_failure(fmt::format("10.{}.{}.1", i / 256, i % 256), k_start + seconds{i < 10 ? 0 : 30});
  }
  EXPECT_EQ(throttle.wait("198.51.100.9", k_start + seconds{40}), seconds{20});
  throttle.record_failure("198.51.100.9", k_start + seconds{40});  // not kept: no room
  EXPECT_FALSE(throttle.wait("198.51.100.9", k_start + SignInThrottle::k_window));
  throttle.record_failure("198.51.100.9", k_start + SignInThrottle::k_window);  // room made by the ten expired
  EXPECT_FALSE(throttle.wait("198.51.100.10", k_start + SignInThrottle::k_window));
}

}  // namespace
}  // namespace jala::server
