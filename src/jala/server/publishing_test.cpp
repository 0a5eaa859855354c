// What the publishers share: a new version is always later than the one published before it.
#include "jala/server/publishing.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "jala/share/stix_common.h"
#include "jala/storage/memory/memory_store.h"

namespace jala::server::publishing {
namespace {

Timestamp at(std::string_view text) { return parse_rfc3339(text).value(); }

TEST(Publishing, ANewVersionIsAtLeastAMillisecondAfterThePublishedOne) {
  const std::string published = "2026-12-04T23:25:29.865Z";
  EXPECT_EQ(time_after_version(at("2026-12-04T23:25:30Z"), published).value(), at("2026-12-04T23:25:30Z"));
  EXPECT_EQ(time_after_version(at("2026-12-04T23:25:29.866Z"), published).value(), at("2026-12-04T23:25:29.866Z"));
  // The same millisecond (sub-millisecond time is cut when written), or earlier: the next millisecond.
  EXPECT_EQ(time_after_version(at("2026-12-04T23:25:29.865900Z"), published).value(), at("2026-12-04T23:25:29.866Z"));
  EXPECT_EQ(time_after_version(at("2026-12-01T00:00:00Z"), published).value(), at("2026-12-04T23:25:29.866Z"));
  EXPECT_FALSE(time_after_version(at("2026-12-01T00:00:00Z"), "not a time").ok());
}

// Found when partner secrets became fast to check: a report raised to TLP:RED and published in the same
// millisecond as its green version got the same version string, and the store kept the green one.
TEST(Publishing, AChangeInTheSameMillisecondStillMakesANewVersion) {
  storage::MemoryStore store;
  const std::string published_at = "2026-12-04T23:25:29.865Z";
  const auto put = [&](model::Tlp tlp) {
    nlohmann::json object = {{"type", "grouping"},
                             {"id", "grouping--1"},
                             {"spec_version", "2.1"},
                             {"modified", published_at},
                             {"context", "suspicious-activity"},
                             {"object_marking_refs", {share::tlp_marking_id(tlp)}}};
    std::vector<MarkedObject> objects{{std::move(object), tlp}};
    std::vector<bool> versioned;
    EXPECT_TRUE(store
                    .write([&](storage::WriteTransaction& transaction) -> Status {
                      JALA_TRY_ASSIGN(versioned, put_new_versions(transaction, "networks", objects, published_at));
                      return {};
                    })
                    .ok());
    return versioned;
  };
  EXPECT_EQ(put(model::Tlp::green), std::vector<bool>{true});
  EXPECT_EQ(put(model::Tlp::green), std::vector<bool>{false});  // says nothing new
  EXPECT_EQ(put(model::Tlp::red), std::vector<bool>{true});
  std::vector<storage::SharedObject> latest;
  ASSERT_TRUE(store
                  .read([&](const storage::ReadView& view) -> Status {
                    const std::string id = "grouping--1";
                    JALA_TRY_ASSIGN(latest, latest_versions(view, "networks", std::span(&id, 1)));
                    return {};
                  })
                  .ok());
  ASSERT_EQ(latest.size(), 1U);
  EXPECT_EQ(latest[0].tlp, model::Tlp::red);
  EXPECT_EQ(latest[0].version, "2026-12-04T23:25:29.866Z");
}

}  // namespace
}  // namespace jala::server::publishing
