// jala evidence head, audit, export, verify and custody: a signed head that verifies with the printed
// public key, an audit that names every record, pointer or log node changed behind Jala's back, and
// packages whose items' custody chains lead to the versions exported.
#include <fmt/core.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "jala/evidence/signing.h"
#include "run_jala.h"
#include "support/postgres_test_database.h"
#include "support/scratch_folder.h"

namespace jala::testing {
namespace {

class EvidenceCli : public ::testing::Test {
 protected:
  void SetUp() override {
    const JalaRun ingest =
        jala({"ingest", JALA_SOURCE_DIR "/examples/reports.jsonl", JALA_SOURCE_DIR "/examples/transactions.jsonl"});
    ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  }
  // The id of the best-ranked network.
  std::string best_network() {
    const JalaRun networks = jala({"networks", "--json", "--top", "1"});
    return nlohmann::json::parse(networks.out)["networks"][0]["id"].get<std::string>();
  }
  JalaRun jala(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", m_db});
    return run_jala(args);
  }
  // What `jala evidence audit` names (it must fail) once the fourth report's row is copied under `id`
  // behind Jala's back, with `extra_column` copied too when one is named.
  nlohmann::json problems_after_slipping_in(std::string_view id, std::string_view extra_column) {
    const std::string extra = extra_column.empty() ? "" : fmt::format(", {}", extra_column);
    const std::string insert = fmt::format(
        "INSERT INTO reports (source, source_id, kind, country, reported_at, language, victim_country, tlp, text,"
        " content_hash{0}) SELECT source, '{1}', kind, country, reported_at, language, victim_country, tlp, text,"
        " content_hash{0} FROM reports ORDER BY leaf_index LIMIT 1 OFFSET 3;",
        extra, id);
    EXPECT_EQ(std::system(fmt::format("sqlite3 '{}' \"{}\"", m_db, insert).c_str()), 0);
    const JalaRun audit = jala({"evidence", "audit", "--json"});
    EXPECT_EQ(audit.exit_code, 1) << audit.err;
    return nlohmann::json::parse(audit.out)["problems"];
  }
  const ScratchFolder m_scratch{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  const std::string m_db = m_scratch.file("jala.db");
};

TEST_F(EvidenceCli, TheHeadIsSignedByTheNodesKeyAndCoversEveryRecord) {
  const JalaRun head = jala({"evidence", "head", "--json"});
  ASSERT_EQ(head.exit_code, 0) << head.err;
  const nlohmann::json document = nlohmann::json::parse(head.out);
  EXPECT_EQ(document["size"], 62 + 76);  // every report and transaction of the two files
  evidence::SignedTreeHead signed_head;
  signed_head.head.size = document["size"];
  signed_head.head.timestamp = Timestamp{document["timestamp"].get<std::int64_t>()};
  ASSERT_TRUE(parse_hex(document["root"].get<std::string>(), signed_head.head.root).ok());
  ASSERT_TRUE(parse_hex(document["signature"].get<std::string>(), signed_head.signature).ok());
  evidence::PublicKey key{};
  ASSERT_TRUE(parse_hex(document["public_key"].get<std::string>(), key).ok());
  EXPECT_TRUE(evidence::verify_tree_head(signed_head, key).ok());

  struct stat status {};
  ASSERT_EQ(::stat((m_db + ".key").c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 0777, 0600U);
  // The same key signs the next head; re-ingesting unchanged records leaves the log as it was.
  ASSERT_EQ(jala({"ingest", JALA_SOURCE_DIR "/examples/reports.jsonl"}).exit_code, 0);
  const nlohmann::json again = nlohmann::json::parse(jala({"evidence", "head", "--json"}).out);
  EXPECT_EQ(again["public_key"], document["public_key"]);
  EXPECT_EQ(again["root"], document["root"]);
}

TEST_F(EvidenceCli, TheAuditNamesWhatWasChangedBehindJalasBack) {
  const JalaRun clean = jala({"evidence", "audit"});
  EXPECT_EQ(clean.exit_code, 0) << clean.out << clean.err;
  EXPECT_NE(clean.out.find("audited 138 log entries: 0 problems"), std::string::npos) << clean.out;

  const std::string tamper =
      "UPDATE reports SET text = 'nothing happened' WHERE source_id = 'VN-MPS-2025-004812';"
      " UPDATE log_nodes SET hash = zeroblob(32) WHERE position = 27;";
  ASSERT_EQ(std::system(fmt::format("sqlite3 '{}' \"{}\"", m_db, tamper).c_str()), 0);
  const JalaRun audit = jala({"evidence", "audit", "--json"});
  EXPECT_EQ(audit.exit_code, 1);
  const nlohmann::json result = nlohmann::json::parse(audit.out);
  EXPECT_EQ(result["problems"],
            nlohmann::json::array({"log node at level 2 index 3 (entries 12 to 15): not the hash of its children",
                                   "report VN-MPS VN-MPS-2025-004812: changed since it was logged at entry 0"}));
}

// The SQLite store keeps no leaves (each is its entry's hash), so a changed entry shows as its parent.
TEST_F(EvidenceCli, TheAuditNamesAChangedLogEntry) {
  const std::string tamper = "UPDATE log_entries SET entry = entry || ' ' WHERE leaf_index = 5;";
  ASSERT_EQ(std::system(fmt::format("sqlite3 '{}' \"{}\"", m_db, tamper).c_str()), 0);
  const JalaRun audit = jala({"evidence", "audit", "--json"});
  EXPECT_EQ(audit.exit_code, 1) << audit.err;
  EXPECT_EQ(nlohmann::json::parse(audit.out)["problems"],
            nlohmann::json::array({"log node at level 1 index 2 (entries 4 to 5): not the hash of its children"}));
}

// A head kept elsewhere shows what the store alone cannot: entries cut off the log's end together with
// every row and node that named them. It also shows a changed entry, and names a head it cannot trust.
TEST_F(EvidenceCli, AKeptHeadShowsEntriesCutOffTheLogsEnd) {
  const std::string head = m_scratch.file("head.json");
  const JalaRun signed_head = jala({"evidence", "head", "--json"});
  ASSERT_EQ(signed_head.exit_code, 0) << signed_head.err;
  std::ofstream(head) << signed_head.out;
  const JalaRun clean = jala({"evidence", "audit", "--head", head});
  EXPECT_EQ(clean.exit_code, 0) << clean.out << clean.err;
  EXPECT_NE(clean.out.find("audited 138 log entries against 1 kept head: 0 problems"), std::string::npos) << clean.out;

  // The last two entries, the transactions they log, and the node over them (level 1, index 68, kept at
  // position 273 of the tiles: sqlite::log_node_position).
  const std::string cut =
      "DELETE FROM log_entries WHERE leaf_index >= 136; DELETE FROM transactions WHERE leaf_index >= 136;"
      " DELETE FROM log_nodes WHERE position = 273;";
  ASSERT_EQ(std::system(fmt::format("sqlite3 '{}' \"{}\"", m_db, cut).c_str()), 0);
  EXPECT_EQ(jala({"evidence", "audit"}).exit_code, 0);  // the store alone cannot tell
  const JalaRun audit = jala({"evidence", "audit", "--json", "--head", head});
  EXPECT_EQ(audit.exit_code, 1) << audit.err;
  const nlohmann::json result = nlohmann::json::parse(audit.out);
  EXPECT_EQ(result["heads"], 1);
  ASSERT_EQ(result["problems"].size(), 1U) << result;
  const std::string problem = result["problems"][0];
  EXPECT_TRUE(problem.starts_with("head " + head + " (138 entries, signed 20")) << problem;
  EXPECT_TRUE(problem.ends_with("): the log has 136 entries now: entries were cut off its end")) << problem;
}

TEST_F(EvidenceCli, AKeptHeadShowsAChangedEntry) {
  const std::string head = m_scratch.file("head.json");
  std::ofstream(head) << jala({"evidence", "head", "--json"}).out;
  const std::string tamper = "UPDATE log_entries SET entry = entry || ' ' WHERE leaf_index = 5;";
  ASSERT_EQ(std::system(fmt::format("sqlite3 '{}' \"{}\"", m_db, tamper).c_str()), 0);
  const JalaRun audit = jala({"evidence", "audit", "--json", "--head", head});
  EXPECT_EQ(audit.exit_code, 1) << audit.err;
  const nlohmann::json problems = nlohmann::json::parse(audit.out)["problems"];
  ASSERT_EQ(problems.size(), 2U) << problems;
  EXPECT_TRUE(
      problems[0].get<std::string>().ends_with("): the log's first 138 entries no longer have the root it signed"))
      << problems;
  EXPECT_EQ(problems[1], "log node at level 1 index 2 (entries 4 to 5): not the hash of its children");
}

TEST_F(EvidenceCli, TheAuditNamesAKeptHeadItCannotTrust) {
  // Another node's head: valid, but not signed with this node's key.
  const ScratchFolder other("other_node");
  const std::string other_db = other.file("jala.db");
  ASSERT_EQ(run_jala({"--db", other_db, "ingest", JALA_SOURCE_DIR "/examples/reports.jsonl"}).exit_code, 0);
  const std::string foreign = m_scratch.file("foreign.json");
  std::ofstream(foreign) << run_jala({"--db", other_db, "evidence", "head", "--json"}).out;
  // This node's head with its signature changed.
  nlohmann::json forged = nlohmann::json::parse(jala({"evidence", "head", "--json"}).out);
  forged["signature"] = std::string(128, '0');
  const std::string forged_file = m_scratch.file("forged.json");
  std::ofstream(forged_file) << forged.dump();

  const JalaRun audit = jala({"evidence", "audit", "--json", "--head", foreign, "--head", forged_file});
  EXPECT_EQ(audit.exit_code, 1) << audit.err;
  const nlohmann::json problems = nlohmann::json::parse(audit.out)["problems"];
  ASSERT_EQ(problems.size(), 3U) << problems;  // the foreign head: its key, then its root (62 reports alone)
  const std::string first = problems[0];
  EXPECT_TRUE(first.starts_with("head " + foreign + " (62 entries")) << first;
  EXPECT_NE(first.find(", not this node's ("), std::string::npos) << first;
  EXPECT_TRUE(problems[1].get<std::string>().ends_with("no longer have the root it signed")) << problems;
  EXPECT_TRUE(problems[2].get<std::string>().starts_with("head " + forged_file + " (138 entries")) << problems;
  EXPECT_TRUE(problems[2].get<std::string>().ends_with(": its signature does not verify with its public key"))
      << problems;

  const std::string broken = m_scratch.file("broken.json");
  std::ofstream(broken) << "{\"size\": 3}";
  for (const std::string& file : {broken, m_scratch.file("missing.json")}) {
    const JalaRun refused = jala({"evidence", "audit", "--head", file});
    EXPECT_NE(refused.exit_code, 0);
    EXPECT_EQ(refused.out, "");
    EXPECT_NE(refused.err.find("--head: " + file), std::string::npos) << refused.err;
  }
}

// A fresh PostgreSQL schema holding the example reports, and a connection to it behind Jala's back; the
// test is skipped (with the reason) when the test server is missing.
class EvidenceCliOnPostgres : public ::testing::Test {
 protected:
  void ingest_examples(const std::string& schema) {
    std::string why_not;
    std::optional<std::string> url = postgres_test_url(why_not);
    if (url) url = fresh_postgres_schema(*url, schema, why_not);
    if (!url) GTEST_SKIP() << why_not;
    m_url = *url;
    ASSERT_EQ(run_jala({"--db", m_url, "ingest", JALA_SOURCE_DIR "/examples/reports.jsonl"}).exit_code, 0);
    Result<storage::postgres::Connection> connection = storage::postgres::Connection::open(m_url);
    ASSERT_TRUE(connection.ok()) << connection.error().message();
    m_connection.emplace(std::move(connection).value());
  }

  std::string m_url;
  std::optional<storage::postgres::Connection> m_connection;
};

// PostgreSQL keeps the leaves, so a changed leaf is named as one, and not again by the nodes above it.
TEST_F(EvidenceCliOnPostgres, TheAuditNamesAChangedLeaf) {
  ingest_examples("evidence_audit_leaf");
  if (IsSkipped() || HasFatalFailure()) return;
  ASSERT_TRUE(m_connection->execute("UPDATE log_nodes SET hash = sha256(hash) WHERE level = 0 AND idx = 5").ok());
  const JalaRun audit = run_jala({"--db", m_url, "evidence", "audit", "--json"});
  EXPECT_EQ(audit.exit_code, 1) << audit.err;
  EXPECT_EQ(nlohmann::json::parse(audit.out)["problems"],
            nlohmann::json::array({"log entry 5: its leaf hash is not the stored one"}));
}

// PostgreSQL keeps the leaves too: cutting the last entry off leaves its leaf and its parent behind.
TEST_F(EvidenceCliOnPostgres, TheAuditNamesARecordCutOffTheLogsEnd) {
  ingest_examples("evidence_audit_cut");
  if (IsSkipped() || HasFatalFailure()) return;
  ASSERT_TRUE(m_connection->execute("DELETE FROM log_entries WHERE leaf_index = 61").ok());
  const JalaRun audit = run_jala({"--db", m_url, "evidence", "audit", "--json"});
  EXPECT_EQ(audit.exit_code, 1) << audit.err;
  const nlohmann::json problems = nlohmann::json::parse(audit.out)["problems"];
  ASSERT_EQ(problems.size(), 3U) << problems;
  EXPECT_EQ(problems[0], "log node at level 0 index 61 (entries 61 to 61): stored past the log's end");
  EXPECT_EQ(problems[1], "log node at level 1 index 30 (entries 60 to 61): stored past the log's end");
  EXPECT_TRUE(problems[2].get<std::string>().ends_with(": in the store, pointing at entry 61, past the log's end"))
      << problems;
}

TEST_F(EvidenceCli, TheAuditNamesRowsNoLogEntryNames) {
  const nlohmann::json problems = problems_after_slipping_in("SLIPPED-IN-1", "");
  ASSERT_EQ(problems.size(), 1U) << problems;
  EXPECT_NE(problems[0].get<std::string>().find("SLIPPED-IN-1: in the store, but no log entry names it"),
            std::string::npos)
      << problems;
}

// Found in review: a row slipped in with the leaf of another record's entry was named by no check, when
// the log named that record nowhere. The count of the store's rows shows it, and a pass over every key
// names it.
TEST_F(EvidenceCli, TheAuditNamesARowPointingAtAnotherRecordsEntry) {
  const nlohmann::json problems = problems_after_slipping_in("SLIPPED-IN-2", "leaf_index");
  ASSERT_EQ(problems.size(), 1U) << problems;
  EXPECT_TRUE(problems[0].get<std::string>().ends_with(
      "SLIPPED-IN-2: in the store, pointing at entry 3, which does not log it"))
      << problems;
}

// A package of the examples' largest network verifies as a folder and as a zip; the export is recorded
// in each item's custody chain, and the log still audits clean.
TEST_F(EvidenceCli, AnExportedPackageVerifiesAndIsInTheCustodyChain) {
  const JalaRun exported =
      jala({"evidence", "export", "--json", "--network", best_network(), "--out", m_scratch.file("package"), "--who",
            "analyst@vn-mps", "--legal-basis", "MLA 2026/117"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  const nlohmann::json summary = nlohmann::json::parse(exported.out);
  EXPECT_GT(summary["items"].get<int>(), 20);  // its reports and the transactions of its accounts
  const JalaRun verified = jala({"evidence", "verify", "--json", m_scratch.file("package")});
  EXPECT_EQ(verified.exit_code, 0) << verified.out << verified.err;
  const nlohmann::json result = nlohmann::json::parse(verified.out);
  EXPECT_EQ(result["items_verified"], summary["items"]);
  EXPECT_EQ(result["problems"].size(), 0U);

  ASSERT_EQ(jala({"evidence", "export", "--zip", "--network", best_network(), "--out", m_scratch.file("package.zip")})
                .exit_code,
            0);
  EXPECT_EQ(jala({"evidence", "verify", m_scratch.file("package.zip")}).exit_code, 0);

  const JalaRun custody = jala({"evidence", "custody", "--json", "report", "VN-MPS", "VN-MPS-2025-004812"});
  ASSERT_EQ(custody.exit_code, 0) << custody.err;
  const nlohmann::json events = nlohmann::json::parse(custody.out)["events"];
  ASSERT_EQ(events.size(), 3U) << events;  // logged, then two exports
  EXPECT_EQ(events[0]["entry"]["kind"], "report");
  EXPECT_EQ(events[1]["entry"]["action"], "exported");
  EXPECT_EQ(events[1]["entry"]["who"], "analyst@vn-mps");
  EXPECT_EQ(events[1]["entry"]["legal_basis"], "MLA 2026/117");
  EXPECT_EQ(events[2]["entry"]["previous"], events[1]["leaf"]);
  EXPECT_EQ(jala({"evidence", "audit"}).exit_code, 0);
}

// Found in review: after a record was stored again, the next export's custody event chained to the
// earlier version, so the version exported was in no chain.
TEST_F(EvidenceCli, AnExportAfterARecordChangedChainsToTheVersionExported) {
  ASSERT_EQ(jala({"evidence", "export", "--network", best_network(), "--out", m_scratch.file("first")}).exit_code, 0);
  const std::string reports = read_file(JALA_SOURCE_DIR "/examples/reports.jsonl");
  const std::size_t start = reports.find(R"({"id":"VN-MPS-2025-004812")");
  ASSERT_NE(start, std::string::npos);
  nlohmann::json amended = nlohmann::json::parse(reports.substr(start, reports.find('\n', start) - start));
  amended["text"] = amended["text"].get<std::string>() + " (amended)";
  write_file(m_scratch.file("amended.jsonl"), amended.dump() + "\n");
  ASSERT_EQ(jala({"ingest", m_scratch.file("amended.jsonl")}).exit_code, 0);
  ASSERT_EQ(jala({"evidence", "export", "--network", best_network(), "--out", m_scratch.file("second")}).exit_code, 0);

  const JalaRun custody = jala({"evidence", "custody", "--json", "report", "VN-MPS", "VN-MPS-2025-004812"});
  ASSERT_EQ(custody.exit_code, 0) << custody.err;
  const nlohmann::json all = nlohmann::json::parse(custody.out)["events"];
  // The whole history, oldest first: the first version and its export, the amended version and its export.
  ASSERT_EQ(all.size(), 4U) << all;
  EXPECT_EQ(all[0]["entry"]["kind"], "report");
  EXPECT_EQ(all[1]["entry"]["action"], "exported");
  EXPECT_EQ(all[1]["entry"]["previous"], all[0]["leaf"]);
  const nlohmann::json events = {all[2], all[3]};
  const std::uint64_t version = events[0]["leaf"];
  EXPECT_GT(version, 138U) << events;  // after the examples and the first export's events
  EXPECT_EQ(events[0]["entry"]["kind"], "report");
  EXPECT_EQ(events[1]["entry"]["action"], "exported");
  EXPECT_EQ(events[1]["entry"]["previous"], version);
  EXPECT_EQ(events[1]["entry"]["earlier"], all[1]["leaf"]);  // the events about the version before
  const std::string detail = events[1]["entry"]["detail"];
  EXPECT_NE(detail.find(fmt::format(", version at leaf {} sha256 {}", version,
                                    events[0]["entry"]["sha256"].get<std::string>())),
            std::string::npos)
      << detail;
  const JalaRun audit = jala({"evidence", "audit"});
  EXPECT_EQ(audit.exit_code, 0) << audit.out;
}

// Found in review: entries cut off the log's end went unnoticed. Here the last is an export's custody
// event, so the store's custody chain of that item ends past the log's end.
TEST_F(EvidenceCli, TheAuditNamesACustodyEventCutOffTheLogsEnd) {
  ASSERT_EQ(jala({"evidence", "export", "--network", best_network(), "--out", m_scratch.file("package")}).exit_code, 0);
  const std::uint64_t last =
      nlohmann::json::parse(jala({"evidence", "head", "--json"}).out)["size"].get<std::uint64_t>() - 1;
  ASSERT_EQ(
      std::system(fmt::format("sqlite3 '{}' 'DELETE FROM log_entries WHERE leaf_index = {}'", m_db, last).c_str()), 0);
  const JalaRun audit = jala({"evidence", "audit", "--json"});
  EXPECT_EQ(audit.exit_code, 1) << audit.err;
  const nlohmann::json problems = nlohmann::json::parse(audit.out)["problems"];
  const std::string want = fmt::format(
      ": its custody chain ends at entry {}, past the log's end, but the log has no custody event of it", last);
  EXPECT_TRUE(std::any_of(problems.begin(), problems.end(), [&](const nlohmann::json& problem) {
    return problem.get<std::string>().ends_with(want);
  })) << problems;
}

// The last entry here is a transaction's only version: its row points past the log's end, and the node
// over it and its sibling is left behind.
TEST_F(EvidenceCli, TheAuditNamesARecordCutOffTheLogsEnd) {
  ASSERT_EQ(std::system(fmt::format("sqlite3 '{}' 'DELETE FROM log_entries WHERE leaf_index = 137'", m_db).c_str()), 0);
  const JalaRun audit = jala({"evidence", "audit", "--json"});
  EXPECT_EQ(audit.exit_code, 1) << audit.err;
  const nlohmann::json problems = nlohmann::json::parse(audit.out)["problems"];
  ASSERT_EQ(problems.size(), 2U) << problems;
  EXPECT_EQ(problems[0], "log node at level 1 index 68 (entries 136 to 137): stored past the log's end");
  EXPECT_TRUE(problems[1].get<std::string>().starts_with("transaction ")) << problems;
  EXPECT_TRUE(problems[1].get<std::string>().ends_with(": in the store, pointing at entry 137, past the log's end"))
      << problems;
}

// Found in review: with its pointer gone, `custody` showed none of a record's export events.
TEST_F(EvidenceCli, TheAuditNamesACustodyChainTheStoreLost) {
  ASSERT_EQ(jala({"evidence", "export", "--network", best_network(), "--out", m_scratch.file("package")}).exit_code, 0);
  const JalaRun custody = jala({"evidence", "custody", "--json", "report", "VN-MPS", "VN-MPS-2025-004812"});
  const std::uint64_t event = nlohmann::json::parse(custody.out)["events"][1]["leaf"];
  const std::string tamper =
      "DELETE FROM log_records WHERE kind = 'custody:report' AND source_id = 'VN-MPS-2025-004812'";
  ASSERT_EQ(std::system(fmt::format("sqlite3 '{}' \"{}\"", m_db, tamper).c_str()), 0);
  const JalaRun audit = jala({"evidence", "audit", "--json"});
  EXPECT_EQ(audit.exit_code, 1) << audit.err;
  EXPECT_EQ(nlohmann::json::parse(audit.out)["problems"],
            nlohmann::json::array({fmt::format("report VN-MPS VN-MPS-2025-004812: custody event at entry {}, but the "
                                               "store keeps no custody chain for it",
                                               event)}));
}

// Found in review: a record pointed at another entry passed the audit, and export then refused it.
TEST_F(EvidenceCli, TheAuditNamesARecordPointedAtAnotherEntry) {
  const std::string tamper = "UPDATE reports SET leaf_index = 5 WHERE source_id = 'VN-MPS-2025-004812'";
  ASSERT_EQ(std::system(fmt::format("sqlite3 '{}' \"{}\"", m_db, tamper).c_str()), 0);
  const JalaRun audit = jala({"evidence", "audit", "--json"});
  EXPECT_EQ(audit.exit_code, 1) << audit.err;
  EXPECT_EQ(nlohmann::json::parse(audit.out)["problems"],
            nlohmann::json::array({"report VN-MPS VN-MPS-2025-004812: the store points at entry 5, but its latest "
                                   "version is logged at entry 0"}));
}

// A custody event whose `previous` names another record's entry is named, besides the node over it.
TEST_F(EvidenceCli, TheAuditNamesACustodyEventChainedElsewhere) {
  ASSERT_EQ(jala({"evidence", "export", "--network", best_network(), "--out", m_scratch.file("package")}).exit_code, 0);
  const JalaRun custody = jala({"evidence", "custody", "--json", "report", "VN-MPS", "VN-MPS-2025-004812"});
  const std::uint64_t event = nlohmann::json::parse(custody.out)["events"][1]["leaf"];
  const std::string tamper = fmt::format(  // char(34) is '"', which the shell's quotes would take
      "UPDATE log_entries SET entry = replace(entry, char(34) || 'previous' || char(34) || ':0,',"
      " char(34) || 'previous' || char(34) || ':5,') WHERE leaf_index = {}",
      event);
  ASSERT_EQ(std::system(fmt::format("sqlite3 '{}' \"{}\"", m_db, tamper).c_str()), 0);
  const JalaRun audit = jala({"evidence", "audit", "--json"});
  EXPECT_EQ(audit.exit_code, 1) << audit.err;
  const nlohmann::json problems = nlohmann::json::parse(audit.out)["problems"];
  const std::string want = fmt::format(
      "log entry {}: custody event of report VN-MPS VN-MPS-2025-004812, not chained to its latest version or last "
      "event before it",
      event);
  EXPECT_NE(std::find(problems.begin(), problems.end(), want), problems.end()) << problems;
}

TEST_F(EvidenceCli, AChangedItemFailsVerificationAndIsNamed) {
  ASSERT_EQ(jala({"evidence", "export", "--network", best_network(), "--out", m_scratch.file("package")}).exit_code, 0);
  ASSERT_EQ(std::system(fmt::format("sed -i 's/VN/VM/' '{}'", m_scratch.file("package/items/000001.json")).c_str()), 0);
  const JalaRun verified = jala({"evidence", "verify", m_scratch.file("package")});
  EXPECT_EQ(verified.exit_code, 1);
  EXPECT_NE(verified.out.find("FAILED items/000001.json: its SHA-256 is not the one its log entry holds"),
            std::string::npos)
      << verified.out;
}

// Found in review: a zip may hold two entries of one name; verification read the last while unzip shows
// the first, so a forged item could pass. Such a package is refused.
TEST_F(EvidenceCli, AZipWithTwoFilesOfOneNameIsRefused) {
  const std::string zip = m_scratch.file("package.zip");
  ASSERT_EQ(jala({"evidence", "export", "--zip", "--network", best_network(), "--out", zip}).exit_code, 0);
  const std::string append = fmt::format(
      "python3 -W ignore -c \"import zipfile; zipfile.ZipFile('{}', 'a').writestr('items/000001.json', '{{}}')\"", zip);
  ASSERT_EQ(std::system(append.c_str()), 0);
  const JalaRun verified = jala({"evidence", "verify", zip});
  EXPECT_EQ(verified.exit_code, 1);
  EXPECT_NE(verified.err.find("two files named 'items/000001.json'"), std::string::npos) << verified.err;
}

// Found in review: libarchive reads an entry's name from its local header, unzip, Windows and 7-Zip from
// the central directory; a zip whose two names differ verified while a court would unpack other bytes.
TEST_F(EvidenceCli, AZipWhoseCentralDirectoryNamesAnotherFileIsRefused) {
  const std::string zip = m_scratch.file("package.zip");
  ASSERT_EQ(jala({"evidence", "export", "--zip", "--network", best_network(), "--out", zip}).exit_code, 0);
  std::string bytes;
  {
    std::ifstream in(zip, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  // The central directory comes last: rename the item there only.
  const std::size_t central = bytes.rfind("items/000001.json");
  ASSERT_NE(central, std::string::npos);
  bytes.replace(central, 17, "items/000009.json");
  std::ofstream(zip, std::ios::binary | std::ios::trunc) << bytes;
  const JalaRun verified = jala({"evidence", "verify", zip});
  EXPECT_EQ(verified.exit_code, 1);
  EXPECT_NE(verified.err.find("the zip entry 'items/000009.json' has a local header that names another file "
                              "('items/000001.json')"),
            std::string::npos)
      << verified.err;
}

// Found in review: a file name in a package reached the terminal as it was, so escape sequences could
// redraw "NOT verified" as "verified"; and a name that is not UTF-8 aborted `verify --json`.
TEST_F(EvidenceCli, VerifyEscapesTheNamesOfAPackagesFiles) {
  const std::string package = m_scratch.file("package");
  ASSERT_EQ(jala({"evidence", "export", "--network", best_network(), "--out", package}).exit_code, 0);
  std::ofstream(package + "/\x1b[2Kverified\xfc.txt") << "x";
  const JalaRun text = jala({"evidence", "verify", package});
  EXPECT_EQ(text.exit_code, 1);
  EXPECT_NE(text.out.find("FAILED \\x1b[2Kverified\\x{fc}.txt: not listed in the manifest"), std::string::npos)
      << text.out;
  EXPECT_EQ(text.out.find('\x1b'), std::string::npos);
  const JalaRun json = jala({"evidence", "verify", "--json", package});
  EXPECT_EQ(json.exit_code, 1) << json.err;
  const nlohmann::json document = nlohmann::json::parse(json.out);
  EXPECT_EQ(document["ok"], false);
  EXPECT_EQ(document["problems"][0], "\x1b[2Kverified\ufffd.txt: not listed in the manifest");
}

TEST_F(EvidenceCli, ExportRefusesTextThatIsNotUtf8) {
  const JalaRun who =
      jala({"evidence", "export", "--network", best_network(), "--out", m_scratch.file("p1"), "--who", "det\xff"});
  EXPECT_EQ(who.exit_code, 1);
  EXPECT_NE(who.err.find("--who: not UTF-8 text"), std::string::npos) << who.err;
  const JalaRun basis = jala(
      {"evidence", "export", "--network", best_network(), "--out", m_scratch.file("p2"), "--legal-basis", "MLA\xc3"});
  EXPECT_EQ(basis.exit_code, 1);
  EXPECT_NE(basis.err.find("--legal-basis: not UTF-8 text"), std::string::npos) << basis.err;
}

TEST_F(EvidenceCli, ExportRefusesUnknownNetworksAndUsedFolders) {
  const JalaRun unknown = jala({"evidence", "export", "--network", "N000000000000", "--out", m_scratch.file("p")});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("no network N000000000000"), std::string::npos) << unknown.err;
  const JalaRun used = jala({"evidence", "export", "--network", best_network(), "--out", m_scratch.path().string()});
  EXPECT_EQ(used.exit_code, 1);
  EXPECT_NE(used.err.find("exists and is not empty"), std::string::npos) << used.err;
  const JalaRun missing = jala({"evidence", "verify", m_scratch.file("no-such-package")});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("no such folder or zip file"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace jala::testing
