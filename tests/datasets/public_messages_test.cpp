// Extraction on real text: the 46,207 SMS of the public corpora (../shared/datasets/messages, whose
// SOURCE.txt gives origin and licence; skipped when absent). Nobody labelled their selectors, so the
// test pins what a reading of the findings settled, message by message (by id; no text is copied here):
// - false findings that the rules now refuse: codes, fees and hotlines read as bank accounts, "::" read
//   as an IP address, words after "X", "LINE", "TikTok" and "instagram" read as accounts;
// - the bank accounts the same messages really name, which must stay found.
// Still wrong and not pinned: two bank hotlines written without a label ("…지원팀(02-6404-0206)",
// "contact Krungthai at 02-111-1111") are read as accounts, and an account broken by a line break
// ("1005 581\n2853") is read in part.
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "jala/extract/extract.h"

namespace jala::extract {
namespace {

const std::filesystem::path k_messages = std::filesystem::path(JALA_SHARED_DIR) / "datasets/messages/train.jsonl";

// The region of each corpus that is national (the others get none, so national numbers are not read).
const std::map<std::string, std::string, std::less<>> k_region_of_source = {
    {"uci-sms-spam", "GB"}, {"kor-phishing-sms", "KR"}, {"vi-smishing", "VN"}, {"id-sms-spam", "ID"},
    {"th-sms-spam", "TH"},  {"zh-spam-text", "CN"},     {"smishtank", "US"}};

struct Pinned {
  const char* id;
  const char* type;
  std::size_t count;  // how many findings of that type the message gives
};

constexpr Pinned k_pinned[] = {
    // Codes, fees and hotlines beside a bank's name.
    {"42319808731cb261", "bank", 0},
    {"0e62635a442c2bad", "bank", 0},
    {"943a93c9afb3e572", "bank", 0},
    {"6742d64c35de474f", "bank", 0},
    {"510474cd1008d9cb", "bank", 0},
    {"890ff08c5945a551", "bank", 0},
    {"180875053bf387fd", "bank", 0},
    {"0c0c6d40769d4b0f", "bank", 0},
    {"7ccd6aaabf926cd5", "bank", 0},
    {"b0cc2dc9f3c842ee", "bank", 0},
    // "::" as punctuation.
    {"26d3d629327a855f", "ip", 0},
    {"87bdc08f00ad1f36", "ip", 0},
    {"80541c8b470674f2", "ip", 0},
    // Words after a platform's name.
    {"eb46e6b521d0e386", "x", 0},
    {"6143a1e6f3b9f0ee", "x", 0},
    {"55bc233435003452", "x", 0},
    {"1f04390a930ca3ce", "x", 0},
    {"1d32cf360011f0d3", "x", 0},
    {"2de356c75c3a8b6d", "x", 0},
    {"bdfe6f154cac107b", "x", 0},
    {"fdffb676a7736ea6", "tiktok", 0},
    {"9868f8952c98d1f2", "instagram", 0},
    {"a939279a719dfcd3", "line", 0},
    {"c0621c34b7b79642", "line", 0},
    {"a9f89cddd6c93a4a", "line", 0},
    // Real accounts named with their banks.
    {"77d5feb322fd263f", "bank", 1},
    {"fbccc0090efbc7d5", "bank", 1},
    {"92810444f62310d7", "bank", 1},
    {"69314b206fda0bda", "bank", 1},
    {"7a6d9849895b4387", "bank", 1},
    {"e57cf8ff75d1508a", "bank", 1},
    {"5e21fa9ee83b0489", "bank", 1},
    {"a6b285fd4990d47f", "bank", 1}};

TEST(PublicMessages, ReadingOfRealMessagesStaysAsReviewed) {
  if (!std::filesystem::exists(k_messages))
    GTEST_SKIP() << k_messages << " is absent: this test needs ../shared/datasets";
  std::ifstream in(k_messages);
  std::map<std::string, std::map<std::string, std::size_t>> found;  // id -> type -> count
  std::size_t messages = 0;
  for (std::string line; std::getline(in, line); ++messages) {
    const nlohmann::json message = nlohmann::json::parse(line);
    const std::string id = message.at("id").get<std::string>();
    const auto region = k_region_of_source.find(message.at("source").get<std::string>());
    const std::string country = region == k_region_of_source.end() ? "" : region->second;
    for (const Finding& finding : extract(message.at("text").get<std::string>(), ExtractContext{country})) {
      ++found[id][std::string(model::to_string(finding.selector.type))];
    }
  }
  EXPECT_EQ(messages, 46207u);
  for (const Pinned& pinned : k_pinned) {
    EXPECT_EQ(found[pinned.id][pinned.type], pinned.count) << pinned.id << " " << pinned.type;
  }
}

}  // namespace
}  // namespace jala::extract
