#include "jala/server/sync_session.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "jala/share/stix_export.h"
#include "jala/storage/memory/memory_store.h"

namespace jala::server {
namespace {

constexpr std::string_view k_partner = "https://partner.example:8443";
constexpr std::string_view k_collection = "365fed99-08fa-fdcd-a1b3-fb247eb41d01";

model::Report report(std::string source, std::string id, std::string text) {
  model::Report made;
  made.source = std::move(source);
  made.id = std::move(id);
  made.kind = model::ReportKind::lure_ad;
  made.country = "VN";
  made.tlp = model::Tlp::amber;
  made.text = std::move(text);
  return made;
}

// A partner that answers each URL it knows, and records what was asked.
struct FakePartner {
  std::map<std::string, std::string> answers;  // URL -> body
  std::vector<std::string> asked;

  PartnerGet get() {
    return [this](const std::string& url) -> Result<ClientResponse> {
      asked.push_back(url);
      const auto found = answers.find(url);
      if (found == answers.end()) return ClientResponse{404, {}, "{}"};
      return ClientResponse{200, {{"x-taxii-date-added-last", "2026-01-01T00:00:00.000Z"}}, found->second};
    };
  }
};

nlohmann::json page(const std::vector<model::Report>& reports, std::optional<std::string> next) {
  share::NodeIdentity node;
  node.name = "VN-MPS";
  node.country = "VN";
  nlohmann::json objects = nlohmann::json::array();
  for (const model::Report& r : reports) {
    for (nlohmann::json& object : share::report_objects(r, node)) objects.push_back(std::move(object));
  }
  nlohmann::json out = {{"more", next.has_value()}, {"objects", objects}};
  if (next) out["next"] = *next;
  return out;
}

FakePartner partner_with_two_pages(const model::Report& first, const model::Report& second) {
  FakePartner partner;
  const std::string root = std::string(k_partner) + "/taxii2/jala/";
  const std::string objects = root + "collections/" + std::string(k_collection) + "/objects/?limit=1000";
  partner.answers[std::string(k_partner) + "/taxii2/"] = R"({"default":"/taxii2/jala/"})";
  partner.answers[root + "collections/"] =
      nlohmann::json{{"collections", {{{"id", k_collection}, {"can_read", true}}}}}.dump();
  partner.answers[objects] = page({first}, "p2").dump();
  partner.answers[objects + "&next=p2"] = page({second}, std::nullopt).dump();
  return partner;
}

// Also shows that the fuzz target's premise holds: a partner's pages become reports here.
TEST(SyncSession, ImportsThePartnersReportsPageByPageButNeverOverANodesOwn) {
  storage::MemoryStore store;
  const model::Report own = report("PH-NBI", "own-1", "this node's own report");
  ASSERT_TRUE(store
                  .write([&](storage::WriteTransaction& transaction) -> Status {
                    JALA_TRY_ASSIGN(const storage::PutOutcome outcome, transaction.put_report(own));
                    static_cast<void>(outcome);
                    return {};
                  })
                  .ok());
  FakePartner partner = partner_with_two_pages(report("VN-MPS", "R-1", "Việc nhẹ lương cao, liên hệ t.me/easyjob_vn"),
                                               report("PH-NBI", "own-1", "a partner's report under the node's source"));
  std::vector<std::string> warnings;
  const Result<SyncCounts> counts = sync_from(partner.get(), k_partner, "vn-mps", store, classify::Model(),
                                              [&](std::string_view warning) { warnings.emplace_back(warning); });
  ASSERT_TRUE(counts.ok()) << counts.error().message();
  EXPECT_EQ(counts->reports, 1U);
  EXPECT_EQ(counts->failed, 1U);
  ASSERT_EQ(warnings.size(), 1U);
  EXPECT_NE(warnings[0].find("source 'PH-NBI' is this node's own"), std::string::npos) << warnings[0];
  ASSERT_EQ(partner.asked.size(), 4U);  // discovery, collections, and the two pages
  const Status read = store.read([&](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(const std::optional<model::Report> imported, view.find_report({"VN-MPS", "R-1"}));
    EXPECT_TRUE(imported.has_value());
    JALA_TRY_ASSIGN(const std::optional<model::Report> kept, view.find_report({"PH-NBI", "own-1"}));
    EXPECT_EQ(kept->text, own.text);
    return {};
  });
  EXPECT_TRUE(read.ok());
}

// Found by fuzz_sync in CI: a page whose object had an "id" that is no string (here `false`) made the
// sync throw, so a hostile partner could end `jala sync` with an uncaught exception.
TEST(SyncSession, AnObjectWhoseIdIsNoStringIsPassedOver) {
  storage::MemoryStore store;
  FakePartner partner = partner_with_two_pages(report("VN-MPS", "R-1", "Việc nhẹ lương cao, liên hệ t.me/easyjob_vn"),
                                               report("VN-MPS", "R-2", "Liên hệ t.me/easyjob_vn"));
  const std::string root = std::string(k_partner) + "/taxii2/jala/";
  const std::string first_page = root + "collections/" + std::string(k_collection) + "/objects/?limit=1000";
  nlohmann::json page = nlohmann::json::parse(partner.answers[first_page]);
  page["objects"].push_back({{"type", "report"}, {"id", false}, {"object_refs", "not a list"}});
  page["objects"].push_back("not an object");
  partner.answers[first_page] = page.dump();
  const Result<SyncCounts> counts =
      sync_from(partner.get(), k_partner, "vn-mps", store, classify::Model(), [](std::string_view) {});
  ASSERT_TRUE(counts.ok()) << counts.error().message();
  EXPECT_EQ(counts->reports, 2U);
  EXPECT_EQ(counts->invalid_objects, 2U);
}

TEST(SyncSession, SendsNothingToAnApiRootOnAnotherOrigin) {
  storage::MemoryStore store;
  FakePartner partner;
  partner.answers[std::string(k_partner) + "/taxii2/"] = R"({"default":"https://attacker.example/taxii2/jala/"})";
  const Result<SyncCounts> counts =
      sync_from(partner.get(), k_partner, "vn-mps", store, classify::Model(), [](std::string_view) {});
  ASSERT_FALSE(counts.ok());
  EXPECT_NE(counts.error().message().find("names an API root elsewhere"), std::string::npos);
  EXPECT_EQ(partner.asked.size(), 1U);
}

}  // namespace
}  // namespace jala::server
