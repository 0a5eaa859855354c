#include "jala/base/text_keys.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>

namespace jala::base {
namespace {

TEST(TextKeys, FindsWhatWasInsertedAndNothingElse) {
  TextKeys keys;
  EXPECT_FALSE(keys.find("a"));
  keys.insert("a", 1);
  keys.insert("", 2);
  keys.insert(std::string("x\0y", 3), 3);
  EXPECT_EQ(keys.find("a"), 1);
  EXPECT_EQ(keys.find(""), 2);
  EXPECT_EQ(keys.find(std::string("x\0y", 3)), 3);
  EXPECT_FALSE(keys.find("x"));
  EXPECT_FALSE(keys.find("ab"));
  EXPECT_EQ(keys.size(), 3U);
}

// Many random texts, some sharing prefixes, through several growths, against std::map.
TEST(TextKeys, AgreesWithAnOrderedMapThroughGrowth) {
  std::mt19937_64 random(7);
  std::map<std::string, std::int64_t> expected;
  TextKeys keys;
  for (std::int64_t key = 0; key < 50'000; ++key) {
    std::string text = "t" + std::to_string(random() % 100'000);
    text.append(random() % 40, static_cast<char>('a' + random() % 26));
    if (expected.contains(text)) {
      EXPECT_EQ(keys.find(text), expected[text]);
      continue;
    }
    keys.insert(text, key);
    expected.emplace(text, key);
  }
  EXPECT_EQ(keys.size(), expected.size());
  for (const auto& [text, key] : expected) ASSERT_EQ(keys.find(text), key) << text;
  for (int miss = 0; miss < 10'000; ++miss) {
    const std::string text = "u" + std::to_string(random());
    EXPECT_FALSE(keys.find(text)) << text;
  }
}

TEST(TextKeys, ClearForgetsEverythingAndTheMapIsUsableAgain) {
  TextKeys keys;
  for (int key = 0; key < 5'000; ++key) keys.insert("k" + std::to_string(key), key);
  keys.clear();
  EXPECT_EQ(keys.size(), 0U);
  EXPECT_FALSE(keys.find("k1"));
  keys.insert("k1", 9);
  EXPECT_EQ(keys.find("k1"), 9);
  EXPECT_FALSE(keys.find("k2"));
}

}  // namespace
}  // namespace jala::base
