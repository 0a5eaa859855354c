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
  EXPECT_EQ(dumped(2'000'000'000.126), "2000000000.13");
  EXPECT_EQ(dumped(1.1368683772161603e-13), "0.0");
  EXPECT_EQ(dumped(-1.1368683772161603e-13), "0.0");
  EXPECT_FALSE(std::signbit(usd_to_the_cent(-0.004)));
  EXPECT_EQ(dumped(-0.006), "-0.01");
  EXPECT_EQ(dumped(0.004), "0.0");
  EXPECT_EQ(dumped(0.006), "0.01");
  EXPECT_EQ(dumped(std::nan("")), "null");  // as nlohmann writes a figure that is not a number
  EXPECT_EQ(dumped(-HUGE_VAL), "null");
  // As the text outputs print them ("{:.2f}"): an exact tie goes to the even cent.
  EXPECT_EQ(dumped(10.125), "10.12");
  EXPECT_EQ(dumped(10.375), "10.38");
  for (const double usd : {0.125, 178.495, 3124.7999999999997, 2'000'000'000.125, -5.005}) {
    EXPECT_EQ(fmt::format("{:.2f}", usd_to_the_cent(usd)), fmt::format("{:.2f}", usd)) << usd;
  }
}

}  // namespace
}  // namespace jala::analysis
