#include "jala/base/remembered.h"

#include <gtest/gtest.h>

#include <string>

namespace jala {
namespace {

TEST(Remembered, ComputesEachKeyOnceUntilTheMemoryIsFullThenForgetsAll) {
  TextMap<std::string> memory;
  int computed = 0;
  const auto upper = [&](std::string_view key) {
    return remembered(memory, 3, key, [&] {
      ++computed;
      return std::string(key) + "!";
    });
  };
  EXPECT_EQ(upper("a"), "a!");
  EXPECT_EQ(upper("a"), "a!");
  EXPECT_EQ(upper("b"), "b!");
  EXPECT_EQ(upper("c"), "c!");
  EXPECT_EQ(computed, 3);
  EXPECT_EQ(memory.size(), 3U);
  EXPECT_EQ(upper("d"), "d!");  // full: all are forgotten, then "d" is remembered
  EXPECT_EQ(computed, 4);
  EXPECT_EQ(memory.size(), 1U);
  EXPECT_EQ(upper("a"), "a!");
  EXPECT_EQ(computed, 5);
  EXPECT_EQ(upper("d"), "d!");
  EXPECT_EQ(computed, 5);
}

}  // namespace
}  // namespace jala
