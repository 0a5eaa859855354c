#include "jala/share/taxii.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

namespace jala::share {
namespace {

storage::SharedObject stored(std::string id, std::string version, std::int64_t added) {
  storage::SharedObject object;
  object.collection = "reports";
  object.id = std::move(id);
  object.version = std::move(version);
  object.object = R"({"type":"x","id":")" + object.id + R"("})";
  object.added = Timestamp{added};
  return object;
}

TEST(Taxii, ParsesEveryObjectQueryParameter) {
  const auto query = parse_object_query({{"added_after", "2026-01-01T00:00:00.5Z"},
                                         {"limit", "5000"},
                                         {"match[type]", "indicator,report"},
                                         {"match[id]", "report--1"},
                                         {"match[version]", "all"}});
  ASSERT_TRUE(query.ok()) << query.error().message();
  EXPECT_EQ(query->added_after, parse_rfc3339("2026-01-01T00:00:00.5Z").value());
  EXPECT_EQ(query->limit, k_max_page_objects);
  EXPECT_EQ(query->types, (std::vector<std::string>{"indicator", "report"}));
  EXPECT_EQ(query->ids, (std::vector<std::string>{"report--1"}));
  EXPECT_EQ(query->versions, storage::VersionMatch{.all = true});

  const auto exact = parse_object_query({{"match[version]", "2026-01-01T00:00:00.000Z"}, {"next", "42"}});
  ASSERT_TRUE(exact.ok());
  EXPECT_EQ(exact->versions, (storage::VersionMatch{.exact = {"2026-01-01T00:00:00.000Z"},
                                                    .exact_added = {Timestamp{1'767'225'600'000'000}}}));
  EXPECT_EQ(exact->added_after, Timestamp{42});
  EXPECT_EQ(parse_object_query({}).value().versions, storage::VersionMatch{.last = true});

  // Found in review: each value overwrote the one before, so first,last read only the last versions.
  const auto both = parse_object_query({{"match[version]", "first,last,2026-01-01T00:00:00Z"}});
  ASSERT_TRUE(both.ok());
  EXPECT_EQ(both->versions, (storage::VersionMatch{.first = true,
                                                   .last = true,
                                                   .exact = {"2026-01-01T00:00:00Z"},
                                                   .exact_added = {Timestamp{1'767'225'600'000'000}}}));
}

// Found in review: match[spec_version]=2.0 then match[type]=report read reports, the other order nothing:
// the type filter replaced the empty match that the spec version had made.
TEST(Taxii, AnotherSpecVersionMatchesNothingWhateverTheOrder) {
  const auto before = parse_object_query({{"match[spec_version]", "2.0"}, {"match[type]", "report"}});
  const auto after = parse_object_query({{"match[type]", "report"}, {"match[spec_version]", "2.0"}});
  ASSERT_TRUE(before.ok() && after.ok());
  EXPECT_EQ(before->types, std::vector<std::string>{"-"});
  EXPECT_EQ(after->types, std::vector<std::string>{"-"});
  const auto ours = parse_object_query({{"match[spec_version]", "2.0,2.1"}, {"match[type]", "report"}});
  EXPECT_EQ(ours.value().types, std::vector<std::string>{"report"});
}

TEST(Taxii, RefusesBadParametersNamingThem) {
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{{"added_after", "yesterday"},
                                                                                    {"limit", "0"},
                                                                                    {"limit", "-3"},
                                                                                    {"next", "abc"},
                                                                                    {"match[version]", "newest"},
                                                                                    {"colour", "red"}}) {
    const auto query = parse_object_query({{name, value}});
    ASSERT_FALSE(query.ok()) << name << "=" << value;
    EXPECT_EQ(query.error().code(), ErrorCode::invalid_argument);
    EXPECT_NE(query.error().message().find(name), std::string::npos) << query.error().message();
  }
}

TEST(Taxii, WritesTimesWithMicroseconds) {
  EXPECT_EQ(format_taxii_time(parse_rfc3339("2026-03-01T01:15:00.000012Z").value()), "2026-03-01T01:15:00.000012Z");
  EXPECT_EQ(format_taxii_time(parse_rfc3339("2026-03-01T01:15:00Z").value()), "2026-03-01T01:15:00.000000Z");
}

TEST(Taxii, PagesCarryMoreNextAndTheirDateAddedHeaders) {
  const Page page = make_page({stored("a--1", "2026-01-01T00:00:00.000Z", 10), stored("b--1", "", 20),
                               stored("c--1", "2026-01-02T00:00:00.000Z", 30)},
                              2);
  ASSERT_TRUE(page.more);
  const auto envelope = nlohmann::json::parse(envelope_json(page));
  EXPECT_EQ(envelope["more"], true);
  EXPECT_EQ(envelope["next"], "20");
  ASSERT_EQ(envelope["objects"].size(), 2U);
  EXPECT_EQ(envelope["objects"][1]["id"], "b--1");
  const auto headers = date_added_headers(page);
  ASSERT_EQ(headers.size(), 2U);
  EXPECT_EQ(headers[0],
            (std::pair<std::string, std::string>{"X-TAXII-Date-Added-First", format_taxii_time(Timestamp{10})}));
  EXPECT_EQ(headers[1].second, format_taxii_time(Timestamp{20}));
  const auto manifest = nlohmann::json::parse(manifest_json(page));
  EXPECT_EQ(manifest["objects"][0]["version"], "2026-01-01T00:00:00.000Z");
  EXPECT_EQ(manifest["objects"][1]["version"], format_taxii_time(Timestamp{20}));  // no version: date added
  EXPECT_EQ(manifest["objects"][1]["media_type"], k_stix_media_type);

  const Page last = make_page({}, 10);
  EXPECT_EQ(nlohmann::json::parse(envelope_json(last)), nlohmann::json::parse(R"({"more":false})"));
  EXPECT_TRUE(date_added_headers(last).empty());
}

TEST(Taxii, PartnersSeeOnlyTheCollectionsTheirAgreementNames) {
  EXPECT_EQ(collection_id("VN-MPS", "reports"), collection_id("VN-MPS", "reports"));
  EXPECT_NE(collection_id("VN-MPS", "reports"), collection_id("PH-NBI", "reports"));
  EXPECT_EQ(find_collection("VN-MPS", collection_id("VN-MPS", "inbox"))->alias, "inbox");
  EXPECT_EQ(find_collection("VN-MPS", "no-such-id"), nullptr);

  auto all = nlohmann::json::parse(collections_json("VN-MPS", {}));
  ASSERT_EQ(all["collections"].size(), 4U);
  for (std::size_t i = 0; i < 3; ++i) {  // reports, networks and lures
    EXPECT_EQ(all["collections"][i]["can_read"], true);
    EXPECT_EQ(all["collections"][i]["can_write"], false);
  }
  EXPECT_EQ(all["collections"][1]["alias"], "networks");
  EXPECT_EQ(all["collections"][2]["alias"], "lures");
  EXPECT_EQ(all["collections"][3]["can_read"], false);
  EXPECT_EQ(all["collections"][3]["can_write"], true);
  auto inbox_only = nlohmann::json::parse(collections_json("VN-MPS", {"inbox"}));
  ASSERT_EQ(inbox_only["collections"].size(), 1U);
  EXPECT_EQ(inbox_only["collections"][0]["alias"], "inbox");
  EXPECT_FALSE(nlohmann::json::parse(collections_json("VN-MPS", {"nothing"})).contains("collections"));
}

TEST(Taxii, StatusAndErrorResourcesHaveTheSpecifiedFields) {
  PostOutcome outcome{
      "s-1", Timestamp{0}, {{"report--1", "2026-01-01T00:00:00.000Z", ""}}, {{"bad--1", "", "no type"}}};
  const auto status = nlohmann::json::parse(status_json(outcome));
  EXPECT_EQ(status["status"], "complete");
  EXPECT_EQ(status["total_count"], 2);
  EXPECT_EQ(status["success_count"], 1);
  EXPECT_EQ(status["failure_count"], 1);
  EXPECT_EQ(status["pending_count"], 0);
  EXPECT_EQ(status["failures"][0]["message"], "no type");
  const auto error = nlohmann::json::parse(error_json(404, "Not found", "no such collection"));
  EXPECT_EQ(error["http_status"], "404");
  EXPECT_EQ(error["title"], "Not found");
}

// The resources against the data of medallion, the OASIS TAXII 2.1 reference server: the fields each
// resource uses are the reference's (or optional ones the specification names), and no required one is
// missing.
TEST(Taxii, ResourcesHaveTheFieldsOfTheReferenceServer) {
  const std::filesystem::path data =
      std::filesystem::path(JALA_SHARED_DIR) / "datasets/taxii21-medallion/default_data.json";
  if (!std::filesystem::exists(data)) GTEST_SKIP() << "no " << data << ": ../shared/datasets is absent";
  std::ifstream in(data);
  const auto reference = nlohmann::json::parse(in);
  const auto keys = [](const nlohmann::json& object) {
    std::set<std::string> names;
    for (const auto& [name, value] : object.items()) names.insert(name);
    return names;
  };
  const auto contains_all = [](const std::set<std::string>& big, const std::set<std::string>& small) {
    return std::includes(big.begin(), big.end(), small.begin(), small.end());
  };
  EXPECT_EQ(keys(nlohmann::json::parse(discovery_json("NODE", "contact"))), keys(reference["/discovery"]));
  EXPECT_EQ(keys(nlohmann::json::parse(api_root_json("NODE", 100))), keys(reference["api1"]["information"]));

  std::set<std::string> collection_fields = keys(reference["trustgroup1"]["collections"][0]);
  collection_fields.erase("objects");
  collection_fields.erase("manifest");
  const auto ours = keys(collection_json("NODE", k_collections[0], {true, false}));
  EXPECT_TRUE(contains_all(ours, collection_fields));
  std::set<std::string> optional_too = collection_fields;
  optional_too.insert({"description", "alias"});  // optional in TAXII 2.1 section 5.2.1
  EXPECT_TRUE(contains_all(optional_too, ours));

  nlohmann::json manifest_entry;
  for (const auto& collection : reference["trustgroup1"]["collections"]) {
    if (collection.contains("manifest") && !collection["manifest"].empty()) manifest_entry = collection["manifest"][0];
  }
  ASSERT_FALSE(manifest_entry.is_null());
  const Page page = make_page({stored("a--1", "2026-01-01T00:00:00.000Z", 10)}, 10);
  EXPECT_EQ(keys(nlohmann::json::parse(manifest_json(page))["objects"][0]), keys(manifest_entry));

  const auto& reference_status = reference["trustgroup1"]["status"][0];
  PostOutcome outcome{"s-1", Timestamp{0}, {{"a--1", "2026-01-01T00:00:00.000Z", ""}}, {{"b--1", "", "no type"}}};
  const auto status = nlohmann::json::parse(status_json(outcome));
  std::set<std::string> status_fields = keys(reference_status);
  status_fields.erase("pendings");  // none: Jala finishes a post before it answers
  EXPECT_EQ(keys(status), status_fields);
  EXPECT_TRUE(contains_all(keys(status["successes"][0]), {"id", "version"}));
  EXPECT_EQ(keys(status["failures"][0]), keys(reference_status["failures"][0]));
}

}  // namespace
}  // namespace jala::share
