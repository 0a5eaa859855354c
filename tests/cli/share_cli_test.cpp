// Two nodes on loopback, as partner agencies run them: node A serves its reports over TAXII 2.1 under
// partner agreements; node B syncs them. Covers the issue's bars: B gets A's amber collection and
// never A's TLP:RED report; a revoked partner, wrong credentials, an unknown collection, a bad
// added_after and an oversized body are refused with the statuses TAXII 2.1 names.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "jala/server/http_client.h"
#include "jala/share/stix_export.h"
#include "run_jala.h"
#include "support/scratch_folder.h"

namespace jala::testing {
namespace {

constexpr std::string_view k_taxii = "application/taxii+json;version=2.1";
constexpr std::string_view k_amber_marking = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
constexpr std::string_view k_green_marking = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";

std::string report_line(std::string_view id, std::string_view tlp, std::string_view text,
                        std::string_view kind = "victim_complaint") {
  return nlohmann::json{{"source", "PH-NBI"}, {"id", id},   {"kind", kind},
                        {"country", "PH"},    {"tlp", tlp}, {"reported_at", "2026-05-01T10:00:00Z"},
                        {"text", text}}
             .dump() +
         "\n";
}

// The STIX id of one of node A's reports (share/stix_export.h).
std::string report_id(std::string_view id) { return share::report_object_id("PH-NBI", id); }

class TwoNodes : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(
        m_scratch.file("reports.jsonl"),
        report_line("amber-1", "amber", "Telegram @easyjob_vn paid to wallet TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW") +
            report_line("green-1", "green", "Contact hr.recruit@overseas-jobs-hr.com for a visa job") +
            report_line("red-1", "red", "Informant: boss uses +855 12 345 678 and IBAN GB82WEST12345698765432"));
    ASSERT_EQ(run_jala({"--db", m_a, "ingest", m_scratch.file("reports.jsonl")}).exit_code, 0);
    m_secret_b = add_partner("node-b", "amber");
    m_secret_c = add_partner("node-c", "green");
    m_secret_d = add_partner("node-d", "amber");
    ASSERT_EQ(run_jala({"--db", m_a, "partner", "revoke", "node-d"}).exit_code, 0);

    const std::string port_file = m_scratch.file("port");
    std::vector<std::string> serve = {"--db",      m_a,          "serve",    "--agency",    "PH-NBI",
                                      "--country", "PH",         "--listen", "127.0.0.1:0", "--port-file",
                                      port_file,   "--max-body", "4096",     "--quiet"};
    const std::vector<std::string> extra = serve_options();
    serve.insert(serve.end(), extra.begin(), extra.end());
    const std::string err_file = m_scratch.file("serve.err");
    m_server = start_jala(serve, err_file);
    // The node serves at once and publishes on its own thread: the tests start once it has caught up.
    ASSERT_TRUE(wait_for_text(err_file, "jala: caught up", std::chrono::seconds(20))) << read_file(err_file);
    ASSERT_FALSE(read_file(port_file).empty()) << "jala serve did not start: " << read_file(err_file);
    m_base = scheme() + "://127.0.0.1:" + read_file(port_file).substr(0, read_file(port_file).find('\n'));
  }

  virtual std::vector<std::string> serve_options() { return {}; }
  virtual std::string scheme() { return "http"; }

  void TearDown() override {
    if (m_server > 0) {
      ::kill(m_server, SIGTERM);
      int status = 0;
      ::waitpid(m_server, &status, 0);
      EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "jala serve did not stop cleanly on SIGTERM";
    }
  }

  std::string add_partner(const std::string& name, const std::string& tlp, std::vector<std::string> options = {}) {
    std::vector<std::string> args = {"--db", m_a, "partner", "add", name, "--tlp-max", tlp};
    args.insert(args.end(), options.begin(), options.end());
    const JalaRun added = run_jala(args);
    EXPECT_EQ(added.exit_code, 0) << added.err;
    return added.out.substr(0, added.out.find('\n'));
  }

  server::ClientResponse get(const std::string& path, const std::string& secret, std::string_view accept = k_taxii) {
    auto client = server::HttpClient::make().value();
    auto response = client.get(m_base + path, {{"Accept", std::string(accept)}, {"Authorization", "Bearer " + secret}});
    EXPECT_TRUE(response.ok());
    return response.ok() ? std::move(response).value() : server::ClientResponse{};
  }

  server::ClientResponse post(const std::string& path, const std::string& secret, const std::string& body,
                              std::string_view content_type = k_taxii) {
    auto client = server::HttpClient::make().value();
    auto response = client.post(m_base + path,
                                {{"Accept", std::string(k_taxii)},
                                 {"Content-Type", std::string(content_type)},
                                 {"Authorization", "Bearer " + secret}},
                                body);
    EXPECT_TRUE(response.ok());
    return response.ok() ? std::move(response).value() : server::ClientResponse{};
  }

  // The id of the collection with this alias, as partner B sees the list.
  std::string collection(std::string_view alias) {
    const auto list = nlohmann::json::parse(get("/taxii2/jala/collections/", m_secret_b).body);
    for (const auto& entry : list["collections"]) {
      if (entry["alias"] == alias) return entry["id"];
    }
    ADD_FAILURE() << "no collection " << alias;
    return "";
  }

  JalaRun sync(const std::string& secret) {
    return run_jala({"--db", m_b, "sync", "--from", m_base, "--partner", "ph-nbi", "--json"}, "",
                    {"JALA_PARTNER_SECRET=" + secret});
  }

  const ScratchFolder m_scratch{"share"};
  const std::string m_a = m_scratch.file("a.db");
  const std::string m_b = m_scratch.file("b.db");
  std::string m_base, m_secret_b, m_secret_c, m_secret_d;
  int m_server = -1;
};

// The same two nodes over TLS: A serves HTTPS with a certificate its partner trusts.
class TwoNodesOverTls : public TwoNodes {
 protected:
  void SetUp() override {
    const std::string make = fmt::format(
        "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 -subj /CN=localhost "
        "-addext subjectAltName=IP:127.0.0.1 -keyout {0}/key.pem -out {0}/cert.pem 2>/dev/null",
        m_tls_scratch.path().string());
    if (std::system(make.c_str()) != 0) GTEST_SKIP() << "the openssl command cannot make a test certificate";
    TwoNodes::SetUp();
  }
  std::vector<std::string> serve_options() override {
    return {"--tls-cert", m_tls_scratch.file("cert.pem"), "--tls-key", m_tls_scratch.file("key.pem")};
  }
  std::string scheme() override { return "https"; }

  const ScratchFolder m_tls_scratch{"share-tls"};
};

TEST_F(TwoNodesOverTls, NodeBSyncsOnlyWhenItTrustsTheCertificate) {
  const auto sync_with = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {"--db", m_b, "sync", "--from", m_base, "--partner", "ph-nbi", "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_jala(args, "", {"JALA_PARTNER_SECRET=" + m_secret_b});
  };
  const JalaRun untrusted = sync_with({});
  EXPECT_NE(untrusted.exit_code, 0);
  EXPECT_NE(untrusted.err.find("cannot reach"), std::string::npos) << untrusted.err;
  const JalaRun trusted = sync_with({"--ca-file", m_tls_scratch.file("cert.pem")});
  ASSERT_EQ(trusted.exit_code, 0) << trusted.err;
  EXPECT_EQ(nlohmann::json::parse(trusted.out)["reports"], 2);
}

TEST_F(TwoNodes, NodeBSyncsTheAmberCollectionButNeverTheRedReport) {
  const JalaRun first = sync(m_secret_b);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const auto summary = nlohmann::json::parse(first.out);
  EXPECT_EQ(summary["reports"], 2);
  EXPECT_EQ(summary["failed"], 0) << first.out << first.err;

  EXPECT_EQ(run_jala({"--db", m_b, "report", "show", "PH-NBI", "amber-1"}).exit_code, 0);
  EXPECT_EQ(run_jala({"--db", m_b, "report", "show", "PH-NBI", "green-1"}).exit_code, 0);
  EXPECT_NE(run_jala({"--db", m_b, "report", "show", "PH-NBI", "red-1"}).exit_code, 0);
  const JalaRun wallet = run_jala({"--db", m_b, "search", "wallet:TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW", "--json"});
  EXPECT_NE(wallet.out.find("amber-1"), std::string::npos) << wallet.out << wallet.err;
  const JalaRun iban = run_jala({"--db", m_b, "search", "iban:GB82WEST12345698765432", "--json"});
  EXPECT_EQ(iban.out.find("red-1"), std::string::npos) << iban.out;

  // Nothing of the red report crosses the wire, to anyone: not its id, text or selectors.
  const std::string everything =
      get("/taxii2/jala/collections/" + collection("reports") + "/objects/?match[version]=all", m_secret_b).body;
  for (const std::string_view secret : {"red-1", "Informant", "GB82WEST12345698765432", "+85512345678"}) {
    EXPECT_EQ(everything.find(secret), std::string::npos) << secret;
  }

  // Incremental: a second sync resumes after the last object and brings nothing new.
  const JalaRun second = sync(m_secret_b);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(nlohmann::json::parse(second.out)["objects"], 0);

  // Each report B received is a custody event at A.
  const JalaRun custody = run_jala({"--db", m_a, "evidence", "custody", "report", "PH-NBI", "amber-1"});
  EXPECT_NE(custody.out.find("shared by node-b"), std::string::npos) << custody.out;
}

// A report A withdraws is published revoked, and B's next sync withdraws its copy: kept and marked, but
// found through none of its selectors.
TEST_F(TwoNodes, AReportThePartnerWithdrawsIsWithdrawnOnTheNextSync) {
  const JalaRun first = sync(m_secret_b);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const std::string wallet = "wallet:trx:TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW";
  EXPECT_NE(run_jala({"--db", m_b, "search", wallet}).out.find("amber-1"), std::string::npos);

  nlohmann::json withdrawn = nlohmann::json::parse(
      report_line("amber-1", "amber", "Telegram @easyjob_vn paid to wallet TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW"));
  withdrawn["withdrawn"] = true;
  write_file(m_scratch.file("withdrawn.jsonl"), withdrawn.dump() + "\n");
  const JalaRun ingested = run_jala({"--db", m_a, "ingest", m_scratch.file("withdrawn.jsonl")});
  ASSERT_EQ(ingested.out, "read 1 records: 0 added, 1 updated, 0 unchanged, 0 rejected\n") << ingested.err;
  const std::string versions = "/taxii2/jala/collections/" + collection("reports") +
                               "/objects/?match[id]=" + report_id("amber-1") + "&match[version]=last";
  nlohmann::json latest;
  for (int tries = 0; tries < 150; ++tries) {  // A publishes every 5 seconds
    latest = nlohmann::json::parse(get(versions, m_secret_b).body)["objects"];
    if (latest.size() == 1 && latest[0].value("revoked", false)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_EQ(latest.size(), 1U) << latest.dump();
  EXPECT_EQ(latest[0]["revoked"], true) << latest.dump();

  const JalaRun second = sync(m_secret_b);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  const nlohmann::json summary = nlohmann::json::parse(second.out);
  EXPECT_EQ(summary["reports"], 1) << second.out;
  EXPECT_EQ(summary["withdrawn"], 1) << second.out;
  EXPECT_EQ(run_jala({"--db", m_b, "search", wallet}).out, wallet + ": 0 reports\n");
  const nlohmann::json shown =
      nlohmann::json::parse(run_jala({"--db", m_b, "report", "show", "--json", "PH-NBI", "amber-1"}).out);
  EXPECT_EQ(shown["withdrawn"], true) << shown.dump();
  EXPECT_TRUE(shown["text_selectors"].empty()) << shown.dump();
}

// Found in review: a partner's report with the source and id of one of B's own overwrote it (a TLP:RED
// one too) and marked the source as the partner's. B keeps its own report and says why.
TEST_F(TwoNodes, APartnersReportNeverOverwritesOneOfTheNodesOwn) {
  write_file(m_scratch.file("own.jsonl"), report_line("green-1", "red", "B's own informant note"));
  ASSERT_EQ(run_jala({"--db", m_b, "ingest", m_scratch.file("own.jsonl")}).exit_code, 0);
  const JalaRun synced = sync(m_secret_b);
  ASSERT_EQ(synced.exit_code, 0) << synced.err;
  EXPECT_EQ(nlohmann::json::parse(synced.out)["failed"], 2) << synced.out;  // green-1 and amber-1: PH-NBI is B's
  EXPECT_NE(synced.err.find("source 'PH-NBI' is this node's own"), std::string::npos) << synced.err;
  const JalaRun own = run_jala({"--db", m_b, "report", "show", "--json", "PH-NBI", "green-1"});
  EXPECT_NE(own.out.find("B's own informant note"), std::string::npos) << own.out;
  EXPECT_NE(own.out.find("\"tlp\":\"red\""), std::string::npos) << own.out;
}

// Reports ingested while A serves link into networks, which A publishes into its networks collection:
// a network marked with the most restrictive TLP of its reports, and none with a TLP:RED report.
TEST_F(TwoNodes, PublishesNetworksAtTheirReportsTlpAndKeepsThoseWithARedReportHome) {
  write_file(m_scratch.file("linked.jsonl"),
             report_line("amber-2", "amber", "Same wallet TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW took my savings") +
                 report_line("green-2", "green", "Recruiter hr.recruit@overseas-jobs-hr.com promised a visa") +
                 report_line("amber-3", "amber", "The boss called me from +855 12 345 678"));
  ASSERT_EQ(run_jala({"--db", m_a, "ingest", m_scratch.file("linked.jsonl")}).exit_code, 0);
  const std::string networks = "/taxii2/jala/collections/" + collection("networks") + "/objects/";
  nlohmann::json groupings;
  for (int tries = 0; tries < 150; ++tries) {  // A publishes every 5 seconds
    groupings = nlohmann::json::parse(get(networks + "?match[type]=grouping", m_secret_b).body)["objects"];
    if (groupings.size() >= 2) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_EQ(groupings.size(), 2U) << groupings.dump();
  std::map<std::string, std::string> marking_of;  // the grouping's first report -> its marking
  for (const auto& grouping : groupings) {
    EXPECT_EQ(grouping["context"], "suspicious-activity");
    const std::string refs = grouping["object_refs"].dump();
    marking_of[refs.find(report_id("amber-1")) != std::string::npos ? "amber" : "green"] =
        grouping["object_marking_refs"][0];
  }
  EXPECT_EQ(marking_of["amber"], k_amber_marking);
  EXPECT_EQ(marking_of["green"], k_green_marking);

  // The network of the red report and amber-3 stays home, and nothing tells of it.
  const std::string everything = get(networks + "?match[version]=all", m_secret_b).body;
  for (const std::string_view secret : {"red-1", "amber-3", "+85512345678"}) {
    EXPECT_EQ(everything.find(secret), std::string::npos) << secret;
  }
  // A green partner sees the green network only.
  const auto green = nlohmann::json::parse(get(networks + "?match[type]=grouping", m_secret_c).body);
  ASSERT_EQ(green["objects"].size(), 1U);
  EXPECT_EQ(green["objects"][0]["object_marking_refs"][0], k_green_marking);

  // Node B's sync takes the networks collection as well, without a failure.
  const JalaRun synced = sync(m_secret_b);
  ASSERT_EQ(synced.exit_code, 0) << synced.err;
  EXPECT_EQ(nlohmann::json::parse(synced.out)["failed"], 0);

  // A report that makes amber-1's Telegram account a second link changes the amber network: its grouping
  // gets a new version and the new link its relationships, while the wallet's relationships, which say
  // the same as before, keep their one version.
  const auto relationships = [&] {
    return nlohmann::json::parse(
        get(networks + "?match[type]=relationship&match[version]=all", m_secret_b).body)["objects"];
  };
  ASSERT_EQ(relationships().size(), 4U);  // two per network: each report to its one link
  write_file(m_scratch.file("more.jsonl"), report_line("amber-4", "amber", "Recruited by Telegram @easyjob_vn"));
  ASSERT_EQ(run_jala({"--db", m_a, "ingest", m_scratch.file("more.jsonl")}).exit_code, 0);
  nlohmann::json versions;
  for (int tries = 0; tries < 150; ++tries) {
    versions = nlohmann::json::parse(get(networks + "?match[type]=grouping&match[version]=all", m_secret_b).body);
    if (versions["objects"].size() >= 3) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_EQ(versions["objects"].size(), 3U) << "the amber grouping's second version";
  std::map<std::string, int> versions_of;
  for (const auto& relationship : relationships()) ++versions_of[relationship["id"].get<std::string>()];
  EXPECT_EQ(versions_of.size(), 6U);  // and two for the Telegram link
  for (const auto& [id, count] : versions_of) EXPECT_EQ(count, 1) << id;
}

TEST_F(TwoNodes, PublishesLureAccountsAsIndicatorsWithTheNodesSightings) {
  write_file(m_scratch.file("lures.jsonl"),
             report_line("lure-1", "amber",
                         "Việc nhẹ lương cao 1.500 USD/tháng tại Campuchia, liên hệ t.me/lucky_jobs_kh", "lure_ad") +
                 report_line("lure-2", "green", "Easy job in Cambodia, 1500 USD a month, free visa: t.me/lucky_jobs_kh",
                             "lure_ad") +
                 report_line("lure-3", "red", "Informant: the boss recruits through t.me/secret_boss_kh", "lure_ad"));
  ASSERT_EQ(run_jala({"--db", m_a, "ingest", m_scratch.file("lures.jsonl")}).exit_code, 0);
  const std::string lures = "/taxii2/jala/collections/" + collection("lures") + "/objects/";
  const auto objects_naming = [&](const std::string& secret, std::string_view account) {
    std::vector<nlohmann::json> named;
    const nlohmann::json page = nlohmann::json::parse(get(lures, secret).body);
    for (const auto& object : page.value("objects", nlohmann::json::array())) {
      if (object.dump().find(account) != std::string::npos) named.push_back(object);
    }
    return named;
  };
  std::vector<nlohmann::json> indicator;
  for (int tries = 0; tries < 150 && indicator.empty(); ++tries) {  // A publishes every 5 seconds
    indicator = objects_naming(m_secret_b, "lucky_jobs_kh");
    if (indicator.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_EQ(indicator.size(), 1U);
  EXPECT_EQ(indicator[0]["type"], "indicator");
  EXPECT_EQ(indicator[0]["pattern_type"], "stix");
  EXPECT_EQ(indicator[0]["object_marking_refs"][0], k_amber_marking);  // the stricter of amber and green
  const std::string indicator_id = indicator[0]["id"];
  // Published with its indicator, in the same transaction.
  std::optional<nlohmann::json> sighting;
  const nlohmann::json sightings = nlohmann::json::parse(get(lures + "?match[type]=sighting", m_secret_b).body);
  for (const auto& object : sightings["objects"]) {
    if (object["sighting_of_ref"] == indicator_id) sighting = object;
  }
  ASSERT_TRUE(sighting) << sightings.dump();
  EXPECT_EQ((*sighting)["count"], 2);
  EXPECT_EQ((*sighting)["observed_data_refs"].size(), 2U);
  EXPECT_EQ((*sighting)["first_seen"], "2026-05-01T10:00:00.000Z");
  EXPECT_EQ((*sighting)["object_marking_refs"][0], k_amber_marking);

  // The account only a TLP:RED lure names stays home; a green partner sees no amber indicator.
  EXPECT_EQ(get(lures + "?match[version]=all", m_secret_b).body.find("secret_boss"), std::string::npos);
  EXPECT_TRUE(objects_naming(m_secret_c, "lucky_jobs_kh").empty());

  // B assesses the lures it syncs as its own ingest would: they are lures there too, with their facts.
  const JalaRun synced = sync(m_secret_b);
  ASSERT_EQ(synced.exit_code, 0) << synced.err;
  const JalaRun listed = run_jala({"--db", m_b, "lures", "--to", "KH", "--json"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  const nlohmann::json listed_lures = nlohmann::json::parse(listed.out);
  std::set<std::string> ids;
  for (const auto& lure : listed_lures["lures"]) ids.insert(lure["id"].get<std::string>());
  EXPECT_EQ(ids, (std::set<std::string>{"lure-1", "lure-2"})) << listed.out;
  const nlohmann::json shown =
      nlohmann::json::parse(run_jala({"--db", m_b, "report", "show", "PH-NBI", "lure-2", "--json"}).out);
  EXPECT_EQ(shown["assessment"]["lure"]["salary"]["usd_per_month"], 1500) << shown.dump();
  ASSERT_EQ(shown["text_selectors"].size(), 1U) << shown.dump();
  EXPECT_EQ(shown["text_selectors"][0]["value"], "lucky_jobs_kh");
}

// Found in review: an account the lures collection had published stayed served after its only lure
// report was raised to TLP:RED, its sighting pointing at the red report.
TEST_F(TwoNodes, ALureAccountIsWithdrawnWhenItsOnlyReportTurnsRed) {
  const std::string lures = "/taxii2/jala/collections/" + collection("lures") + "/objects/";
  const auto served = [&] {
    return get(lures + "?match[version]=all", m_secret_b).body.find("raised_later_kh") != std::string::npos;
  };
  const auto ingest = [&](std::string_view tlp) {
    write_file(m_scratch.file("lure.jsonl"),
               report_line("lure-9", tlp, "Easy job in Cambodia, free visa: t.me/raised_later_kh", "lure_ad"));
    ASSERT_EQ(run_jala({"--db", m_a, "ingest", m_scratch.file("lure.jsonl")}).exit_code, 0);
  };
  ingest("green");
  bool seen = false;
  for (int tries = 0; tries < 150 && !seen; ++tries) {  // A publishes every 5 seconds
    seen = served();
    if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_TRUE(seen);
  ingest("red");
  for (int tries = 0; tries < 150 && seen; ++tries) {
    seen = served();
    if (seen) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_FALSE(seen) << "the indicator and its sighting are still served in some version";
}

// Found in review: the extension definitions named Jala's identity as their author, which the collection
// did not hold, so a reader could not resolve it.
TEST_F(TwoNodes, TheReportsCollectionHoldsTheAuthorOfItsExtensionDefinitions) {
  const std::string reports = "/taxii2/jala/collections/" + collection("reports") + "/objects/";
  const nlohmann::json definitions =
      nlohmann::json::parse(get(reports + "?match[type]=extension-definition", m_secret_b).body);
  ASSERT_FALSE(definitions["objects"].empty());
  std::set<std::string> authors;
  for (const auto& definition : definitions["objects"]) authors.insert(definition["created_by_ref"]);
  const nlohmann::json identities = nlohmann::json::parse(get(reports + "?match[type]=identity", m_secret_b).body);
  std::set<std::string> held;
  for (const auto& identity : identities["objects"]) held.insert(identity["id"]);
  for (const std::string& author : authors) EXPECT_TRUE(held.contains(author)) << author;
}

TEST_F(TwoNodes, APartnerSeesNothingAboveItsTlp) {
  const auto envelope =
      nlohmann::json::parse(get("/taxii2/jala/collections/" + collection("reports") + "/objects/", m_secret_c).body);
  ASSERT_TRUE(envelope.contains("objects"));
  std::set<std::string> types;
  for (const auto& object : envelope["objects"]) {
    types.insert(object["type"]);
    for (const auto& marking : object.value("object_marking_refs", nlohmann::json::array())) {
      EXPECT_NE(marking, k_amber_marking) << object.dump();
    }
  }
  EXPECT_TRUE(types.contains("report"));  // the green one
  EXPECT_EQ(envelope.dump().find("amber-1"), std::string::npos);
}

TEST_F(TwoNodes, RefusesWithTheStatusesTaxiiNames) {
  EXPECT_NE(sync(m_secret_d).exit_code, 0);  // revoked
  EXPECT_NE(sync(m_secret_d).err.find("401"), std::string::npos);
  const auto wrong = get("/taxii2/", "node-b.not-the-secret");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_TRUE(wrong.header("www-authenticate").has_value());
  EXPECT_EQ(get("/taxii2/", m_secret_d).status, 401);
  EXPECT_EQ(get("/taxii2/", m_secret_b).status, 200);
  EXPECT_EQ(get("/taxii2/", m_secret_b).header("content-type"), k_taxii);

  const std::string reports = "/taxii2/jala/collections/" + collection("reports") + "/";
  EXPECT_EQ(get("/taxii2/jala/collections/00000000-0000-0000-0000-000000000000/objects/", m_secret_b).status, 404);
  EXPECT_EQ(get("/taxii2/nowhere/", m_secret_b).status, 404);
  const auto bad_time = get(reports + "objects/?added_after=last-tuesday", m_secret_b);
  EXPECT_EQ(bad_time.status, 400);
  EXPECT_EQ(nlohmann::json::parse(bad_time.body)["http_status"], "400");
  EXPECT_EQ(get(reports + "objects/", m_secret_b, "text/html").status, 406);
  EXPECT_EQ(get(reports + "objects/indicator--00000000-0000-4000-8000-000000000000/", m_secret_b).status, 404);

  const std::string inbox = "/taxii2/jala/collections/" + collection("inbox") + "/objects/";
  EXPECT_EQ(get(inbox, m_secret_b).status, 403);  // write-only
  EXPECT_EQ(post(inbox, m_secret_b, std::string(5000, ' ')).status, 413);
  EXPECT_EQ(post(inbox, m_secret_b, R"({"objects":[]})", "application/json").status, 415);
  EXPECT_EQ(post(inbox, m_secret_b, "not json").status, 400);
}

TEST_F(TwoNodes, PagesFiltersAndVersionsAsTheSpecifies) {
  const std::string objects = "/taxii2/jala/collections/" + collection("reports") + "/objects/";
  const auto all = nlohmann::json::parse(get(objects, m_secret_b).body);
  ASSERT_GT(all["objects"].size(), 4U);

  std::set<std::string> paged;
  std::string next;
  for (int pages = 0; pages < 100; ++pages) {
    const auto response = get(objects + "?limit=2" + (next.empty() ? "" : "&next=" + next), m_secret_b);
    ASSERT_EQ(response.status, 200);
    EXPECT_TRUE(response.header("x-taxii-date-added-first").has_value());
    EXPECT_TRUE(response.header("x-taxii-date-added-last").has_value());
    const auto page = nlohmann::json::parse(response.body);
    EXPECT_LE(page["objects"].size(), 2U);
    for (const auto& object : page["objects"]) EXPECT_TRUE(paged.insert(object["id"]).second) << "repeated";
    if (!page["more"]) break;
    next = page["next"];
  }
  EXPECT_EQ(paged.size(), all["objects"].size());

  const auto reports_only = nlohmann::json::parse(get(objects + "?match[type]=report", m_secret_b).body);
  ASSERT_EQ(reports_only["objects"].size(), 2U);  // amber and green
  const std::string id = reports_only["objects"][0]["id"];
  const auto one = nlohmann::json::parse(get(objects + id + "/", m_secret_b).body);
  EXPECT_EQ(one["objects"][0]["id"], id);
  const auto versions = nlohmann::json::parse(get(objects + id + "/versions/", m_secret_b).body);
  EXPECT_EQ(versions["versions"].size(), 1U);
  const auto manifest = nlohmann::json::parse(
      get("/taxii2/jala/collections/" + collection("reports") + "/manifest/?match[id]=" + id, m_secret_b).body);
  EXPECT_EQ(manifest["objects"][0]["media_type"], "application/stix+json;version=2.1");
}

TEST_F(TwoNodes, TakesEnvelopesIntoTheInboxWithAStatusOnlyTheSenderSees) {
  const std::string inbox = "/taxii2/jala/collections/" + collection("inbox") + "/objects/";
  const std::string envelope =
      R"({"objects":[{"type":"indicator","spec_version":"2.1","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",)"
      R"("created":"2026-01-01T00:00:00.000Z","modified":"2026-01-01T00:00:00.000Z","pattern_type":"stix",)"
      R"("pattern":"[email-addr:value = 'boss@scam.example']","valid_from":"2026-01-01T00:00:00Z"},{"no":"type"}]})";
  const auto posted = post(inbox, m_secret_b, envelope);
  ASSERT_EQ(posted.status, 202) << posted.body;
  const auto status = nlohmann::json::parse(posted.body);
  EXPECT_EQ(status["success_count"], 1);
  EXPECT_EQ(status["failure_count"], 1);
  const std::string status_path = "/taxii2/jala/status/" + status["id"].get<std::string>() + "/";
  EXPECT_EQ(get(status_path, m_secret_b).status, 200);
  EXPECT_EQ(get(status_path, m_secret_c).status, 404);
}

// Node B's own report for private overlap: a wallet that A's amber report names too, and an IBAN that
// only A's red report names.
void ingest_b_report(const std::string& db, const ScratchFolder& scratch) {
  write_file(scratch.file("b.jsonl"),
             nlohmann::json{{"source", "VN-MPS"},
                            {"id", "b-1"},
                            {"kind", "victim_complaint"},
                            {"country", "VN"},
                            {"tlp", "amber"},
                            {"reported_at", "2026-05-02T10:00:00Z"},
                            {"text",
                             "Paid TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW; also IBAN GB82WEST12345698765432 and "
                             "boss@only-here.example"}}
                     .dump() +
                 "\n");
  ASSERT_EQ(run_jala({"--db", db, "ingest", scratch.file("b.jsonl")}).exit_code, 0);
}

TEST_F(TwoNodes, PrivateOverlapFindsTheSharedSelectorsWithinThePartnersTlp) {
  ingest_b_report(m_b, m_scratch);
  const auto overlap = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {"--db", m_b, "overlap", "--with", m_base, "--partner", "ph-nbi", "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    const JalaRun run = run_jala(args, "", {"JALA_PARTNER_SECRET=" + m_secret_b});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return nlohmann::json::parse(run.out.empty() ? "{}" : run.out);
  };
  // The wallet is in A's amber report; the IBAN only in A's red one, which is never in A's set.
  const auto found = overlap({});
  EXPECT_EQ(found["shared"], nlohmann::json::parse(R"(["wallet:trx:TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW"])"));
  EXPECT_EQ(found["shared_count"], 1);
  EXPECT_EQ(found["own"], 2);  // the wallet and the IBAN
  const auto counted = overlap({"--count-only"});
  EXPECT_EQ(counted["shared_count"], 1);
  EXPECT_FALSE(counted.contains("shared"));
  EXPECT_EQ(overlap({"--types", "email,iban"})["shared_count"], 0);
  const JalaRun revoked = run_jala({"--db", m_b, "overlap", "--with", m_base, "--partner", "ph-nbi"}, "",
                                   {"JALA_PARTNER_SECRET=" + m_secret_d});
  EXPECT_NE(revoked.exit_code, 0);
  EXPECT_NE(revoked.err.find("401"), std::string::npos) << revoked.err;
}

// Found in review: the overlap answered from every report the node held, those partners had shared with it
// too, and so told a third agency what only the partner knew.
TEST_F(TwoNodes, PrivateOverlapAnswersFromTheNodesOwnReportsOnly) {
  const auto report = [](std::string_view source) {
    return nlohmann::json{{"source", source},
                          {"id", "r-1"},
                          {"kind", "victim_complaint"},
                          {"country", "KH"},
                          {"tlp", "green"},
                          {"reported_at", "2026-05-02T10:00:00Z"},
                          {"text", "The boss writes from boss.recruit@kh-jobs-center.com"}}
               .dump() +
           "\n";
  };
  write_file(m_scratch.file("kh.jsonl"), report("KH-POLICE"));
  ASSERT_EQ(run_jala({"--db", m_a, "ingest", m_scratch.file("kh.jsonl")}).exit_code, 0);
  write_file(m_scratch.file("vn.jsonl"), report("VN-MPS"));
  ASSERT_EQ(run_jala({"--db", m_b, "ingest", m_scratch.file("vn.jsonl")}).exit_code, 0);
  const auto shared_emails = [&] {
    const JalaRun run =
        run_jala({"--db", m_b, "overlap", "--with", m_base, "--partner", "ph-nbi", "--types", "email", "--json"}, "",
                 {"JALA_PARTNER_SECRET=" + m_secret_b});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return nlohmann::json::parse(run.out.empty() ? "{}" : run.out)["shared"];
  };
  EXPECT_EQ(shared_emails(), nlohmann::json::parse(R"(["email:boss.recruit@kh-jobs-center.com"])"));
  // As `jala sync` marks a partner's source (server/publisher.h, synced_source_state).
  const std::string mark =
      fmt::format("sqlite3 '{}' \"INSERT INTO share_state VALUES ('synced-source:KH-POLICE', 'kh-node')\"", m_a);
  ASSERT_EQ(std::system(mark.c_str()), 0);
  EXPECT_EQ(shared_emails(), nlohmann::json::array());
}

TEST_F(TwoNodes, PrivateOverlapKeepsToThePartnersLimits) {
  ingest_b_report(m_b, m_scratch);
  const std::string secret_e = add_partner("node-e", "amber", {"--overlap-max-set", "1", "--overlap-per-day", "1"});
  const std::string secret_f = add_partner("node-f", "amber", {"--overlap-per-day", "0"});
  const auto overlap = [&](const std::string& secret, std::vector<std::string> extra) {
    std::vector<std::string> args = {"--db", m_b, "overlap", "--with", m_base, "--partner", "ph-nbi"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_jala(args, "", {"JALA_PARTNER_SECRET=" + secret});
  };
  // B's set holds two selectors of these types; the agreement allows one a session.
  const JalaRun too_large = overlap(secret_e, {"--types", "wallet,iban"});
  EXPECT_EQ(too_large.exit_code, 1);
  EXPECT_NE(
      too_large.err.find("refused the overlap (413): the agreement with node-e allows sets of at most 1 selectors"),
      std::string::npos)
      << too_large.err;
  // A refused session is not counted: one of one selector is allowed, and the next one in 24 hours is not.
  const JalaRun first = overlap(secret_e, {"--types", "wallet", "--json"});
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(nlohmann::json::parse(first.out.empty() ? "{}" : first.out)["shared_count"], 1);
  const JalaRun second = overlap(secret_e, {"--types", "wallet"});
  EXPECT_EQ(second.exit_code, 1);
  EXPECT_NE(second.err.find("(429): node-e has started 1 private overlaps in the last 24 hours"), std::string::npos)
      << second.err;
  EXPECT_NE(second.err.find("; retry in 86"), std::string::npos) << "about 86,400 s: " << second.err;

  const JalaRun none = overlap(secret_f, {"--types", "wallet"});
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.err.find("(403): the agreement with node-f does not allow private overlap"), std::string::npos)
      << none.err;

  const JalaRun listed = run_jala({"--db", m_a, "partner", "list", "--json"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  const nlohmann::json partners = nlohmann::json::parse(listed.out)["partners"];
  ASSERT_EQ(partners.size(), 5U);  // node-b to node-f
  for (const auto& partner : partners) {
    if (partner["name"] == "node-e") {
      EXPECT_EQ(partner["overlap_max_set"], 1);
      EXPECT_EQ(partner["overlap_per_day"], 1);
    }
    if (partner["name"] == "node-b") {
      EXPECT_EQ(partner["overlap_max_set"], 1'000'000);
      EXPECT_EQ(partner["overlap_per_day"], 24);
    }
  }
}

}  // namespace
}  // namespace jala::testing
