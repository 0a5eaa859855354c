// The TAXII routes called directly, as the HTTP server calls them, on a memory store.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <set>

#include <sodium.h>
#include <nlohmann/json.hpp>

#include "jala/extract/warninglist.h"
#include "jala/server/analysis_cache.h"
#include "jala/server/node_handler.h"
#include "jala/server/publisher.h"
#include "jala/share/partners.h"
#include "jala/share/stix_common.h"
#include "jala/share/stix_export.h"
#include "jala/share/stix_selectors.h"
#include "jala/share/taxii.h"
#include "jala/storage/memory/memory_store.h"

namespace jala::server {
namespace {

constexpr std::string_view k_secret = "partner.c2VjcmV0LW9mLXRoZS10ZXN0LXBhcnRuZXItMTIzNDU2Nzg5MA";
constexpr std::string_view k_amber_secret = "amber-partner.c2VjcmV0LW9mLXRoZS1hbWJlci1wYXJ0bmVyLTEyMzQ1Njc4OQ";
const model::Selector k_phone{model::SelectorType::phone, "+84912345678"};
const model::Selector k_telegram{model::SelectorType::telegram, "golden_lotus_hr"};

class TaxiiRoutes : public ::testing::Test {
 protected:
  void SetUp() override {
    m_config.node.name = "TEST-NODE";
    ASSERT_TRUE(m_store
                    .write([&](storage::WriteTransaction& transaction) {
                      return transaction.put_partner({"partner", share::hash_partner_secret(k_secret).value(),
                                                      model::Tlp::green, {}, Timestamp{}, std::nullopt});
                    })
                    .ok());
  }

  HttpResponse get(std::string path, std::string_view secret = k_secret, HeaderList query = {}) {
    HttpRequest request;
    request.method = "GET";
    set_target(request, path, std::nullopt);
    request.query = std::move(query);
    request.headers.emplace_back("authorization", "Bearer " + std::string(secret));
    return handle_taxii(request, m_config, m_store, m_authenticator);
  }

  // Every version of the reports collection's objects of these types, as the partner is served them.
  HttpResponse every_version(std::string_view types) {
    return get("/taxii2/jala/collections/" + share::collection_id("TEST-NODE", "reports") + "/objects/", k_secret,
               {{"match[type]", std::string(types)}, {"match[version]", "all"}});
  }

  // The marking of the selector's observable as the reports collection serves it to the partner with that
  // secret; nothing when it is not served.
  std::optional<std::string> marking_served(std::string_view secret, const model::Selector& selector) {
    const HttpResponse response =
        get("/taxii2/jala/collections/" + share::collection_id("TEST-NODE", "reports") + "/objects/", secret);
    EXPECT_EQ(response.status, 200) << response.body;
    const nlohmann::json envelope = nlohmann::json::parse(response.body);
    for (const nlohmann::json& object : envelope.value("objects", nlohmann::json::array())) {
      if (object["id"] == share::selector_object_id(selector)) return object["object_marking_refs"][0];
    }
    return std::nullopt;
  }

  static model::Report green_report_naming(std::string id, const std::vector<model::Selector>& selectors) {
    model::Report report;
    report.source = "VN-MPS";
    report.id = std::move(id);
    report.country = "VN";
    report.reported_at = Timestamp{1'767'225'600'000'000};
    report.tlp = model::Tlp::green;
    for (const model::Selector& selector : selectors) report.selectors.push_back({selector, "as written"});
    return report;
  }

  HttpResponse discover_from(std::string_view peer, std::string_view authorization) {
    HttpRequest request;
    request.method = "GET";
    set_target(request, "/taxii2/", std::nullopt);
    request.peer = std::string(peer);
    request.headers.emplace_back("authorization", std::string(authorization));
    return handle_taxii(request, m_config, m_store, m_authenticator);
  }

  // Stores the report (a new version when it changed) and publishes what the store holds.
  void put_and_publish(const model::Report& report) {
    ASSERT_TRUE(m_store
                    .write([&](storage::WriteTransaction& transaction) -> Status {
                      JALA_TRY(transaction.put_report(report, storage::digests_of(report)));
                      return {};
                    })
                    .ok());
    share::NodeIdentity node;
    node.name = "TEST-NODE";
    ASSERT_TRUE(publish(m_store, node).ok());
  }

  storage::MemoryStore m_store;
  NodeConfig m_config;
  Authenticator m_authenticator;
};

TEST_F(TaxiiRoutes, AnswersDiscoveryToAPartner) {
  const HttpResponse response = get("/taxii2/");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.who, "partner");
}

// Found in review: wrong secrets stalled the workers (each cost an Argon2id check then), and a name no partner
// holds was refused at once, which told the names apart. Every failure counts against the address alike,
// and past the allowance even the right secret waits, unless it signed in before.
TEST_F(TaxiiRoutes, AnAddressThatFailsTooOftenIsToldToWaitWhateverTheNames) {
  for (int i = 0; i < SignInThrottle::k_failures_allowed; ++i) {
    const std::string wrong = i % 2 == 0 ? "Bearer partner.d3Jvbmc" : "Bearer nosuchpartner.d3Jvbmc";
    EXPECT_EQ(discover_from("192.0.2.7", wrong).status, 401) << i;
  }
  const HttpResponse held = discover_from("192.0.2.7", "Bearer " + std::string(k_secret));
  EXPECT_EQ(held.status, 429);
  const auto retry_after = std::find_if(held.headers.begin(), held.headers.end(),
                                        [](const auto& header) { return header.first == "Retry-After"; });
  ASSERT_NE(retry_after, held.headers.end());
  EXPECT_GE(std::stoi(retry_after->second), 1);
  EXPECT_LE(std::stoi(retry_after->second), 60);
  EXPECT_TRUE(nlohmann::json::accept(held.body)) << held.body;

  EXPECT_EQ(discover_from("192.0.2.8", "Bearer " + std::string(k_secret)).status, 200);
  // Signed in once, the secret is remembered and passes from the held address too.
  EXPECT_EQ(discover_from("192.0.2.7", "Bearer " + std::string(k_secret)).status, 200);
}

// An agreement made before 2026-12-04 keeps an Argon2id hash, whose check takes tens of milliseconds, so a
// wrong secret for its name took that long where one for another name did not. The partner's first
// sign-in now replaces the hash with the fast hash of the same secret.
TEST_F(TaxiiRoutes, APartnersFirstSignInReplacesItsArgon2idHash) {
  constexpr std::string_view secret = "legacy.c2VjcmV0LW9mLWFuLW9sZGVyLWFncmVlbWVudC0xMjM0NTY3OA";
  std::array<char, crypto_pwhash_STRBYTES> argon2{};
  ASSERT_EQ(crypto_pwhash_str(argon2.data(), secret.data(), secret.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE),
            0);
  const storage::Partner legacy{"legacy", argon2.data(), model::Tlp::amber, {"reports"}, Timestamp{7}, std::nullopt};
  ASSERT_TRUE(
      m_store.write([&](storage::WriteTransaction& transaction) { return transaction.put_partner(legacy); }).ok());
  const auto stored = [&] {
    std::optional<storage::Partner> partner;
    EXPECT_TRUE(m_store
                    .read([&](const storage::ReadView& view) -> Status {
                      JALA_TRY_ASSIGN(partner, view.find_partner("legacy"));
                      return {};
                    })
                    .ok());
    return partner.value_or(storage::Partner{});
  };

  EXPECT_EQ(get("/taxii2/", "legacy.d3Jvbmc").status, 401);
  EXPECT_EQ(stored().secret_hash, legacy.secret_hash);  // a wrong secret changes nothing
  EXPECT_EQ(get("/taxii2/", secret).status, 200);
  const storage::Partner renewed = stored();
  EXPECT_EQ(renewed.secret_hash, share::hash_partner_secret(secret).value());
  EXPECT_EQ(renewed.tlp_max, legacy.tlp_max);
  EXPECT_EQ(renewed.collections, legacy.collections);
  EXPECT_EQ(renewed.added, legacy.added);
  EXPECT_EQ(get("/taxii2/", secret).status, 200);
  EXPECT_EQ(get("/taxii2/", "legacy.d3Jvbmc").status, 401);
}

// Found in review: an Accept of TAXII 2.0 was answered (any header naming TAXII JSON was), and a
// Content-Type in another case or with a charset was refused.
TEST_F(TaxiiRoutes, ReadsMediaTypesByTheirPartsAndVersion) {
  HttpRequest request;
  request.method = "GET";
  set_target(request, "/taxii2/", std::nullopt);
  request.headers.emplace_back("authorization", "Bearer " + std::string(k_secret));
  request.headers.emplace_back("accept", "application/taxii+json;version=2.0");
  EXPECT_EQ(handle_taxii(request, m_config, m_store, m_authenticator).status, 406);
  request.headers.back().second = "Application/TAXII+JSON; Version=2.1";
  EXPECT_EQ(handle_taxii(request, m_config, m_store, m_authenticator).status, 200);

  request.method = "POST";
  set_target(request, "/taxii2/jala/collections/" + share::collection_id("TEST-NODE", "inbox") + "/objects/",
             std::nullopt);
  request.headers.emplace_back("content-type", "Application/TAXII+json; charset=utf-8; version=2.1");
  request.body = R"({"objects":[]})";
  EXPECT_EQ(handle_taxii(request, m_config, m_store, m_authenticator).status, 202);
  request.headers.back().second = "application/taxii+json;version=2.0";
  EXPECT_EQ(handle_taxii(request, m_config, m_store, m_authenticator).status, 415);
}

// Found by fuzz_taxii_request: a path with no segments read past the end of the segment list.
TEST_F(TaxiiRoutes, APathOutsideTaxiiIsNotFoundEvenWhenEmpty) {
  for (const char* path : {"", "/", "//", "/other/taxii2/"}) {
    const HttpResponse response = get(path);
    EXPECT_EQ(response.status, 404) << path;
    EXPECT_EQ(response.content_type, "application/taxii+json;version=2.1");
  }
}

// Found in review: an encoded "/" separated segments under /taxii2/ (it stays inside its segment in the
// JSON API), so /taxii2/jala%2Fcollections/ was the collections list.
TEST_F(TaxiiRoutes, AnEncodedSlashStaysInsideItsSegment) {
  EXPECT_EQ(get("/taxii2/jala/collections/").status, 200);
  EXPECT_EQ(get("/taxii2//jala/collections/").status, 200);  // an empty segment is none, as before
  EXPECT_EQ(get("/taxii2/jala%2Fcollections/").status, 404);
  EXPECT_EQ(get("/taxii2%2Fjala/").status, 404);
  EXPECT_EQ(get("/taxii2/%6Aala/").status, 200);  // other escapes decode as ever ("%6A" is "j")
  EXPECT_EQ(get("/taxii2/jala%00/").status, 400);
}

// Found by fuzz_taxii_request: an error message quoting a parameter that is not UTF-8 made the JSON
// writer throw.
TEST_F(TaxiiRoutes, AnErrorQuotingBytesThatAreNotUtf8IsStillJson) {
  HttpRequest request;
  request.method = "GET";
  set_target(request, "/taxii2/jala/collections/" + share::collection_id("TEST-NODE", "reports") + "/objects/",
             std::nullopt);
  request.query = {{"added_after", "2026-0\xf2" "1-01T00:00:00Z"}};
  request.headers.emplace_back("authorization", "Bearer " + std::string(k_secret));
  const HttpResponse response = handle_taxii(request, m_config, m_store, m_authenticator);
  EXPECT_EQ(response.status, 400);
  EXPECT_TRUE(nlohmann::json::accept(response.body)) << response.body;
}

// Found in review: an object nested 200,000 levels deep in an inbox post crashed the node when it was
// stored (printing it recursed). The body is refused before it is built.
TEST_F(TaxiiRoutes, AnInboxPostNestedTooDeepIsABadRequest) {
  HttpRequest request;
  request.method = "POST";
  set_target(request, "/taxii2/jala/collections/" + share::collection_id("TEST-NODE", "inbox") + "/objects/",
             std::nullopt);
  request.headers.emplace_back("authorization", "Bearer " + std::string(k_secret));
  request.headers.emplace_back("content-type", "application/taxii+json;version=2.1");
  const std::size_t depth = 200'000;
  request.body = R"({"objects":[{"type":"note","x":)" + std::string(depth, '[') + std::string(depth, ']') + "}]}";
  const HttpResponse response = handle_taxii(request, m_config, m_store, m_authenticator);
  EXPECT_EQ(response.status, 400);
  EXPECT_NE(response.body.find("nests deeper than 32 levels"), std::string::npos) << response.body;
}

// Found in review: a report re-ingested as TLP:RED stayed served, in its earlier green version, to a green
// partner. Publishing withdraws it: its report and observed-data objects get a RED version.
TEST_F(TaxiiRoutes, AReportRaisedToRedIsWithdrawn) {
  model::Report report;
  report.source = "VN-MPS";
  report.id = "R-1";
  report.country = "VN";
  report.reported_at = Timestamp{1'767'225'600'000'000};
  report.text = "Call 0912 345 678 for the job in Cambodia";
  report.tlp = model::Tlp::green;
  const auto reports = [&] { return every_version("report,observed-data"); };
  put_and_publish(report);
  // Found in review: a HEAD request, which sends no body, logged the reports as shared.
  const auto log_size = [&] {
    std::uint64_t size = 0;
    EXPECT_TRUE(m_store
                    .read([&](const storage::ReadView& view) -> Status {
                      JALA_TRY_ASSIGN(size, view.log_size());
                      return {};
                    })
                    .ok());
    return size;
  };
  const std::uint64_t logged = log_size();
  HttpRequest head;
  head.method = "HEAD";
  set_target(head, "/taxii2/jala/collections/" + share::collection_id("TEST-NODE", "reports") + "/objects/",
             std::nullopt);
  head.headers.emplace_back("authorization", "Bearer " + std::string(k_secret));
  EXPECT_EQ(handle_taxii(head, m_config, m_store, m_authenticator).status, 200);
  EXPECT_EQ(log_size(), logged);
  const HttpResponse before = reports();
  EXPECT_EQ(before.status, 200);
  EXPECT_EQ(log_size(), logged + 1);  // the report's "shared" custody event
  EXPECT_NE(before.body.find("\"type\":\"report\""), std::string::npos) << before.body;

  report.tlp = model::Tlp::red;
  put_and_publish(report);
  const HttpResponse after = reports();
  EXPECT_EQ(after.body.find("\"type\":\"report\""), std::string::npos) << after.body;
  EXPECT_EQ(after.body.find("observed-data"), std::string::npos) << after.body;
}

// A report its source withdraws is published revoked; sent again without `withdrawn`, it is not published
// again, since STIX gives a revoked object no later version.
TEST_F(TaxiiRoutes, AWithdrawnReportIsPublishedRevokedAndNothingOfItAfter) {
  const model::Report live = green_report_naming("R-1", {model::Selector{model::SelectorType::phone, "+84912345678"}});
  model::Report withdrawn = live;
  withdrawn.selectors.clear();
  withdrawn.text = "Withdrawn: the number was not the recruiter's";
  withdrawn.withdrawn = true;
  const auto versions = [&] {
    const HttpResponse response = every_version("report");
    EXPECT_EQ(response.status, 200) << response.body;
    return nlohmann::json::parse(response.body).value("objects", nlohmann::json::array());
  };
  put_and_publish(live);
  put_and_publish(withdrawn);
  nlohmann::json published = versions();
  ASSERT_EQ(published.size(), 2U) << published.dump();
  EXPECT_FALSE(published[0].contains("revoked"));
  EXPECT_EQ(published[1]["revoked"], true);
  EXPECT_EQ(published[1]["description"], withdrawn.text);

  put_and_publish(live);
  EXPECT_EQ(versions(), published);
}

// Found in review: a withdrawn report's observables stayed served, though no shared report named them any
// more. Withdrawal now withdraws those too, and keeps those another shared report still names.
TEST_F(TaxiiRoutes, AWithdrawnReportsOwnObservablesAreWithdrawnWithIt) {
  model::Report first = green_report_naming("R-1", {k_phone, k_telegram});
  model::Report second = green_report_naming("R-2", {k_phone});
  put_and_publish(first);
  put_and_publish(second);
  EXPECT_TRUE(marking_served(k_secret, k_phone).has_value());
  EXPECT_TRUE(marking_served(k_secret, k_telegram).has_value());

  first.tlp = model::Tlp::red;
  put_and_publish(first);
  EXPECT_TRUE(marking_served(k_secret, k_phone).has_value());  // the second report still shares it
  EXPECT_FALSE(marking_served(k_secret, k_telegram).has_value());

  second.tlp = model::Tlp::red;
  put_and_publish(second);
  EXPECT_FALSE(marking_served(k_secret, k_phone).has_value());
}

// Found in review: a report raised short of RED (green to amber) left the observables only it named at
// green. They rise with it now, to the lowest TLP at which another of the node's reports names them, and
// carry that TLP's marking; lowering a report lowers them again.
TEST_F(TaxiiRoutes, AReportRaisedShortOfRedRaisesTheObservablesOnlyItNames) {
  ASSERT_TRUE(m_store
                  .write([&](storage::WriteTransaction& transaction) {
                    return transaction.put_partner({"amber-partner",
                                                    share::hash_partner_secret(k_amber_secret).value(),
                                                    model::Tlp::amber,
                                                    {},
                                                    Timestamp{},
                                                    std::nullopt});
                  })
                  .ok());
  const std::string green{share::tlp_marking_id(model::Tlp::green)};
  const std::string amber{share::tlp_marking_id(model::Tlp::amber)};
  model::Report first = green_report_naming("R-1", {k_phone, k_telegram});
  model::Report second = green_report_naming("R-2", {k_phone});
  put_and_publish(first);
  put_and_publish(second);

  first.tlp = model::Tlp::amber;
  put_and_publish(first);
  EXPECT_EQ(marking_served(k_secret, k_phone), green);  // the second report still shares it at green
  EXPECT_EQ(marking_served(k_secret, k_telegram), std::nullopt);
  EXPECT_EQ(marking_served(k_amber_secret, k_telegram), amber);

  second.tlp = model::Tlp::amber_strict;
  put_and_publish(second);
  EXPECT_EQ(marking_served(k_secret, k_phone), std::nullopt);
  EXPECT_EQ(marking_served(k_amber_secret, k_phone), amber);  // the first report shares it at amber

  first.tlp = model::Tlp::red;
  put_and_publish(first);
  EXPECT_EQ(marking_served(k_amber_secret, k_telegram), std::nullopt);
  EXPECT_EQ(marking_served(k_amber_secret, k_phone), std::nullopt);  // amber+strict now, above this partner

  second.tlp = model::Tlp::green;
  put_and_publish(second);
  EXPECT_EQ(marking_served(k_secret, k_phone), green);
  EXPECT_EQ(marking_served(k_secret, k_telegram), std::nullopt);
}

// Found in review: a published network that gained a TLP:RED report kept its published version, which
// could tell of a report raised to RED since (its grouping names the report, and its relationships the
// report's links). Such a network is withdrawn now, and published again when it may be shared again.
TEST_F(TaxiiRoutes, APublishedNetworkThatGainsARedReportIsWithdrawn) {
  model::Report first = green_report_naming("R-1", {k_phone});
  model::Report second = green_report_naming("R-2", {k_phone});
  const std::string networks =
      "/taxii2/jala/collections/" + share::collection_id("TEST-NODE", "networks") + "/objects/";
  AnalysisCache analyses{std::make_shared<const extract::WarningLists>()};
  const auto publish_both = [&](const model::Report& changed) {
    put_and_publish(changed);
    share::NodeIdentity node;
    node.name = "TEST-NODE";
    return publish_networks(m_store, node, analyses);
  };
  const auto served_types = [&] {
    std::multiset<std::string> types;
    const nlohmann::json page = nlohmann::json::parse(get(networks).body);
    for (const nlohmann::json& object : page.value("objects", nlohmann::json::array())) types.insert(object["type"]);
    return types;
  };
  put_and_publish(first);
  ASSERT_TRUE(publish_both(second).ok());
  const std::multiset<std::string> published{"grouping", "relationship", "relationship"};
  EXPECT_EQ(served_types(), published);

  second.tlp = model::Tlp::red;
  const Result<NetworkPublishCounts> withdrawn = publish_both(second);
  ASSERT_TRUE(withdrawn.ok());
  EXPECT_EQ(withdrawn.value().withdrawn, 1U);
  EXPECT_EQ(withdrawn.value().kept_home, 1U);
  EXPECT_TRUE(served_types().empty());
  const std::string every_version = get(networks + "?match[version]=all").body;
  EXPECT_EQ(every_version.find(share::report_object_id("VN-MPS", "R-2")), std::string::npos) << every_version;

  second.text = "changed, and still red";  // a network withdrawn is withdrawn once
  const Result<NetworkPublishCounts> again = publish_both(second);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value().withdrawn, 0U);

  second.tlp = model::Tlp::green;
  const Result<NetworkPublishCounts> shared_again = publish_both(second);
  ASSERT_TRUE(shared_again.ok());
  EXPECT_EQ(shared_again.value().networks, 1U);
  EXPECT_EQ(served_types(), published);
}

// Found in review: a network that merged into another kept its last version, served as a network of its
// own beside the one that took its reports. It is revoked now: its grouping gets a version with STIX
// `revoked` set, and the network that took its reports names them all.
TEST_F(TaxiiRoutes, ANetworkThatMergesIntoAnotherIsRevoked) {
  const model::Selector wallet{model::SelectorType::wallet, "trx:TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW"};
  const auto naming = [](std::string id, std::int64_t day, std::vector<model::Selector> selectors) {
    model::Report report = green_report_naming(std::move(id), selectors);
    report.reported_at = Timestamp{(1'767'225'600 + day * 86'400) * 1'000'000};
    return report;
  };
  AnalysisCache analyses{std::make_shared<const extract::WarningLists>()};
  const auto publish_all = [&](const std::vector<model::Report>& reports) {
    for (const model::Report& report : reports) put_and_publish(report);
    share::NodeIdentity node;
    node.name = "TEST-NODE";
    return publish_networks(m_store, node, analyses);
  };
  const auto groupings = [&] {
    const nlohmann::json page = nlohmann::json::parse(
        get("/taxii2/jala/collections/" + share::collection_id("TEST-NODE", "networks") + "/objects/").body);
    std::vector<nlohmann::json> found;
    for (const nlohmann::json& object : page.value("objects", nlohmann::json::array())) {
      if (object["type"] == "grouping") found.push_back(object);
    }
    return found;
  };
  ASSERT_TRUE(publish_all({naming("R-1", 0, {k_phone}), naming("R-2", 1, {k_phone}), naming("R-3", 2, {k_telegram}),
                           naming("R-4", 3, {k_telegram})})
                  .ok());
  ASSERT_EQ(groupings().size(), 2U);

  const Result<NetworkPublishCounts> merged = publish_all({naming("R-5", 4, {k_phone, k_telegram, wallet})});
  ASSERT_TRUE(merged.ok());
  EXPECT_EQ(merged.value().revoked, 1U);
  const std::vector<nlohmann::json> after = groupings();
  ASSERT_EQ(after.size(), 2U);
  std::size_t revoked = 0;
  for (const nlohmann::json& grouping : after) {
    if (grouping.value("revoked", false)) {
      ++revoked;
      EXPECT_EQ(grouping["object_marking_refs"][0], share::tlp_marking_id(model::Tlp::green));
    } else {
      const std::string refs = grouping["object_refs"].dump();
      for (const char* id : {"R-1", "R-2", "R-3", "R-4", "R-5"}) {
        EXPECT_NE(refs.find(share::report_object_id("VN-MPS", id)), std::string::npos) << id;
      }
    }
  }
  EXPECT_EQ(revoked, 1U);
  EXPECT_EQ(publish_all({naming("R-5", 4, {k_phone, k_telegram})}).value().revoked, 0U);  // revoked once

  // Known issue until 2026-12-05: the revoked network, linked again under its id when R-5 stops joining the
  // two, got a version of its revoked grouping that was not revoked, which STIX forbids. It is a new
  // grouping now, and the revoked one stays revoked.
  const Result<NetworkPublishCounts> split = publish_all({naming("R-5", 4, {wallet})});
  ASSERT_TRUE(split.ok());
  EXPECT_EQ(split.value().networks, 2U);
  std::set<std::string> live;
  std::set<std::string> revoked_ids;
  for (const nlohmann::json& grouping : groupings()) {
    (grouping.value("revoked", false) ? revoked_ids : live).insert(grouping["id"].get<std::string>());
    if (!grouping.value("revoked", false) &&
        grouping["object_refs"].dump().find(share::report_object_id("VN-MPS", "R-3")) != std::string::npos) {
      EXPECT_EQ(grouping["object_refs"].dump().find(share::report_object_id("VN-MPS", "R-1")), std::string::npos);
    }
  }
  EXPECT_EQ(live.size(), 2U);
  ASSERT_EQ(revoked_ids.size(), 1U);
  EXPECT_FALSE(live.contains(*revoked_ids.begin()));
  const nlohmann::json versions =
      nlohmann::json::parse(get("/taxii2/jala/collections/" + share::collection_id("TEST-NODE", "networks") +
                                "/objects/" + *revoked_ids.begin() + "/versions/")
                                .body);
  EXPECT_EQ(versions["versions"].size(), 2U) << versions.dump();  // published, then revoked: nothing after

  // Merged and split once more: the second grouping is revoked in turn, and a third one is published.
  ASSERT_EQ(publish_all({naming("R-5", 4, {k_phone, k_telegram})}).value().revoked, 1U);
  ASSERT_EQ(publish_all({naming("R-5", 4, {wallet})}).value().networks, 2U);
  std::size_t live_now = 0;
  std::size_t revoked_now = 0;
  for (const nlohmann::json& grouping : groupings()) ++(grouping.value("revoked", false) ? revoked_now : live_now);
  EXPECT_EQ(live_now, 2U);
  EXPECT_EQ(revoked_now, 2U);
}

}  // namespace
}  // namespace jala::server
