// The checks that data/training/README.md and tests/data/lures/README.md promise of the project's own
// labelled messages: the training file and the job-lure test set are well formed, and no test record
// leaked into the training file, word for word or nearly.
#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "fmt/format.h"
#include "jala/classify/train.h"

namespace jala::classify {
namespace {

const std::set<std::string> k_languages = {"vi",      "th",      "id", "ms", "tl", "km", "my", "lo",
                                           "zh-Hans", "zh-Hant", "ja", "ko", "en", "ar", "fr"};
const std::set<std::string> k_categories = {"job_lure", "investment", "romance",  "task", "impersonation",
                                            "loan",     "prize",      "phishing", "other"};

std::vector<char32_t> code_points(const std::string& text) {
  std::vector<char32_t> points;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < length;) {
    UChar32 point = 0;
    U8_NEXT(bytes, i, length, point);
    points.push_back(static_cast<char32_t>(point));
  }
  return points;
}

bool is_nfc(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  return U_SUCCESS(status) && nfc->isNormalized(icu::UnicodeString::fromUTF8(text), status) && U_SUCCESS(status);
}

// Checks the shape of every record in FILE, naming the line of each fault; returns how many lines it read.
int check_records(const std::string& path, const std::string& id_prefix, bool allows_spam) {
  std::ifstream file(path);
  EXPECT_TRUE(file.is_open()) << path;
  std::set<std::string> texts;
  const std::vector<std::string> fields = {"category", "id", "label", "lang", "text"};
  int number = 0;
  for (std::string line; std::getline(file, line);) {
    ++number;
    SCOPED_TRACE(fmt::format("{} line {}", path, number));
    const nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    if (!record.is_object()) {
      ADD_FAILURE() << "not a JSON object";
      continue;
    }
    std::vector<std::string> keys;
    for (const auto& [key, value] : record.items()) keys.push_back(key);
    std::sort(keys.begin(), keys.end());
    EXPECT_EQ(keys, fields);
    EXPECT_EQ(record.value("id", ""), fmt::format("{}{:04}", id_prefix, number)) << "ids run in file order";
    EXPECT_TRUE(k_languages.contains(record.value("lang", ""))) << record.value("lang", "");
    const std::string label = record.value("label", "");
    EXPECT_TRUE(label == "scam" || label == "benign" || (allows_spam && label == "spam")) << label;
    if (label == "scam") {
      EXPECT_TRUE(record["category"].is_string() && k_categories.contains(record["category"].get<std::string>()));
    } else {
      EXPECT_TRUE(record["category"].is_null()) << "only scams have a category";
    }
    const std::string text = record.value("text", "");
    const std::vector<char32_t> points = code_points(text);
    EXPECT_TRUE(points.size() >= 10 && points.size() <= 400) << points.size() << " characters";
    EXPECT_TRUE(!points.empty() && !u_isUWhiteSpace(static_cast<UChar32>(points.front())) &&
                !u_isUWhiteSpace(static_cast<UChar32>(points.back())))
        << "untrimmed";
    EXPECT_TRUE(is_nfc(text)) << "not NFC";
    EXPECT_TRUE(texts.insert(text).second) << "a second copy of a text";
  }
  return number;
}

// The first 40 letters and digits, lower-cased: two texts that share them are one text.
std::u32string opening(const std::string& text) {
  std::u32string kept;
  for (const char32_t point : code_points(text)) {
    if (kept.size() == 40) break;
    if (u_isalnum(static_cast<UChar32>(point)))
      kept.push_back(static_cast<char32_t>(u_tolower(static_cast<UChar32>(point))));
  }
  return kept;
}

// The lower-cased character 4-grams (spaces included), as sorted hashes.
std::vector<std::uint64_t> four_grams(const std::string& text) {
  std::vector<char32_t> points = code_points(text);
  for (char32_t& point : points) point = static_cast<char32_t>(u_tolower(static_cast<UChar32>(point)));
  std::vector<std::uint64_t> grams;
  for (std::size_t i = 0; i + 4 <= points.size(); ++i) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (std::size_t j = i; j < i + 4; ++j) hash = (hash ^ points[j]) * 1099511628211ULL;
    grams.push_back(hash);
  }
  std::sort(grams.begin(), grams.end());
  grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
  return grams;
}

double jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  std::size_t shared = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      ++shared;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  const std::size_t either = a.size() + b.size() - shared;
  return either == 0 ? 0.0 : static_cast<double>(shared) / static_cast<double>(either);
}

TEST(LabelledData, TheTrainingFileIsWellFormed) {
  EXPECT_GE(check_records(JALA_SOURCE_DIR "/data/training/lures.jsonl", "own-train-", /*allows_spam=*/true), 2000);
}

TEST(LabelledData, TheJobLureTestSetIsWellFormed) {
  EXPECT_GE(check_records(JALA_SOURCE_DIR "/tests/data/lures/test.jsonl", "own-test-", /*allows_spam=*/false), 300);
}

TEST(LabelledData, NoTestRecordIsInTheTrainingFile) {
  // Read as training reads them (train.h); their shape is the two tests above.
  const std::vector<Example> training = read_examples(JALA_SOURCE_DIR "/data/training/lures.jsonl").value();
  const std::vector<Example> test = read_examples(JALA_SOURCE_DIR "/tests/data/lures/test.jsonl").value();
  std::vector<std::vector<std::uint64_t>> training_grams;
  std::set<std::u32string> training_openings;
  for (const Example& record : training) {
    training_grams.push_back(four_grams(record.text));
    training_openings.insert(opening(record.text));
  }
  double highest = 0;
  for (const Example& record : test) {
    EXPECT_FALSE(training_openings.contains(opening(record.text))) << record.id << " opens like a training record";
    const std::vector<std::uint64_t> grams = four_grams(record.text);
    for (std::size_t i = 0; i < training.size(); ++i) {
      const double similarity = jaccard(grams, training_grams[i]);
      highest = std::max(highest, similarity);
      // The README's bound: 0.28 measured over the whole file; drafts above 0.22 are dropped.
      EXPECT_LT(similarity, 0.3) << record.id << " and " << training[i].id;
    }
  }
  std::cout << "highest character-4-gram similarity of a test record to a training record: " << highest << "\n";
}

}  // namespace
}  // namespace jala::classify
