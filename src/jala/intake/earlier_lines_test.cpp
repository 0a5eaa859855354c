#include "jala/intake/earlier_lines.h"

#include <gtest/gtest.h>

#include <string>

namespace jala::intake {
namespace {

Record report(std::string source, std::string id) {
  model::Report kept;
  kept.source = std::move(source);
  kept.id = std::move(id);
  return kept;
}

Record transaction(std::string source, std::string id) {
  model::Transaction kept;
  kept.source = std::move(source);
  kept.id = std::move(id);
  return kept;
}

TEST(EarlierLines, NamesTheFirstLineOfAKeyThatComesAgain) {
  EarlierLines lines;
  EXPECT_EQ(lines.note(report("VN-MPS", "r1"), 1), std::nullopt);
  EXPECT_EQ(lines.note(report("VN-MPS", "r2"), 2), std::nullopt);
  EXPECT_EQ(lines.note(report("VN-MPS", "r1"), 3), 1u);
  EXPECT_EQ(lines.note(report("VN-MPS", "r1"), 4), 1u);  // always the first
  // Other kinds, sources and splits of the same characters are other keys.
  EXPECT_EQ(lines.note(transaction("VN-MPS", "r1"), 5), std::nullopt);
  EXPECT_EQ(lines.note(report("TH-DSI", "r1"), 6), std::nullopt);
  EXPECT_EQ(lines.note(report("VN-MP", "Sr1"), 7), std::nullopt);
}

TEST(EarlierLines, KeepsEveryKeyAsTheTableGrows) {
  EarlierLines lines;
  constexpr std::uint64_t k_keys = 200'000;
  for (std::uint64_t i = 0; i < k_keys; ++i) {
    ASSERT_EQ(lines.note(transaction("S", std::to_string(i)), i + 1), std::nullopt) << i;
  }
  for (std::uint64_t i = 0; i < k_keys; i += 997) {
    EXPECT_EQ(lines.note(transaction("S", std::to_string(i)), k_keys + 1), i + 1) << i;
  }
}

}  // namespace
}  // namespace jala::intake
