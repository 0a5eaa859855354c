#include "jala/analysis/usd_figure.h"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

namespace jala::analysis {
namespace {

std::string dumped(double usd) { return nlohmann::json(usd_to_the_cent(usd)).dump(); }

// The noise the JSON outputs carried before 2026-12-07 (known-issues), and the edges of rounding.
TEST(UsdFigure, FiguresAreGivenToTheCentWithoutNoiseOrNegativeZero) {
  EXPECT_EQ(dumped(2.9000000000000004), "2.9");
  EXPECT_EQ(dumped(3124.7999999999997), "3124.8");
  EXPECT_EQ(dumped(378478.5475625854), "378478.55");
  EXPECT_EQ(dumped(1.1368683772161603e-13), "0.0");
  EXPECT_EQ(dumped(-1.1368683772161603e-13), "0.0");
  EXPECT_FALSE(std::signbit(usd_to_the_cent(-0.004)));
  EXPECT_EQ(dumped(-0.006), "-0.01");
  EXPECT_EQ(dumped(0.004), "0.0");
  EXPECT_EQ(dumped(0.006), "0.01");
  EXPECT_EQ(dumped(2'000'000'000.125), "2000000000.13");
}

}  // namespace
}  // namespace jala::analysis
