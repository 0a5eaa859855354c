// The extraction gold corpus (tests/data/extract_gold.jsonl) states its expected selectors in canonical
// form. This keeps the corpus and the normalisers in step: every expected selector must normalise to
// itself, with the record's country as the default region.
#include <fstream>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "jala/model/selector.h"

namespace jala::model {
namespace {

TEST(GoldCorpus, EveryExpectedSelectorIsCanonical) {
  std::ifstream in(std::string(JALA_SOURCE_DIR) + "/tests/data/extract_gold.jsonl");
  ASSERT_TRUE(in) << "tests/data/extract_gold.jsonl is missing";
  std::string line;
  std::size_t records = 0, selectors = 0;
  std::set<std::string> ids, languages;
  while (std::getline(in, line)) {
    const nlohmann::json record = nlohmann::json::parse(line);
    ++records;
    EXPECT_TRUE(ids.insert(record["id"].get<std::string>()).second) << "duplicate id " << record["id"];
    languages.insert(record["lang"].get<std::string>());
    const std::string country = record["country"];
    for (const auto& expected : record["selectors"]) {
      ++selectors;
      const std::string want = expected;
      const Result<Selector> got = parse_selector(want, {country});
      ASSERT_TRUE(got.ok()) << record["id"] << ": " << want << ": " << got.error().message();
      EXPECT_EQ(got->to_string(), want) << record["id"];
    }
  }
  EXPECT_GE(records, 1500u);
  EXPECT_GE(languages.size(), 13u);
  EXPECT_GE(selectors, 1500u);
}

}  // namespace
}  // namespace jala::model
