// jala evidence head and audit: a signed head that verifies with the printed public key, and an audit
// that names every record or log node changed behind Jala's back.
#include <fmt/core.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "jala/evidence/signing.h"
#include "run_jala.h"

namespace jala::testing {
namespace {

class EvidenceCli : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = scratch_directory(::testing::UnitTest::GetInstance()->current_test_info()->name());
    m_db = m_dir + "/jala.db";
    const JalaRun ingest =
        jala({"ingest", JALA_SOURCE_DIR "/examples/reports.jsonl", JALA_SOURCE_DIR "/examples/transactions.jsonl"});
    ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  }
  JalaRun jala(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", m_db});
    return run_jala(args);
  }
  std::string m_dir;
  std::string m_db;
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
      " UPDATE log_nodes SET hash = zeroblob(32) WHERE level = 2 AND idx = 3;";
  ASSERT_EQ(std::system(fmt::format("sqlite3 '{}' \"{}\"", m_db, tamper).c_str()), 0);
  const JalaRun audit = jala({"evidence", "audit", "--json"});
  EXPECT_EQ(audit.exit_code, 1);
  const nlohmann::json result = nlohmann::json::parse(audit.out);
  EXPECT_EQ(result["problems"],
            nlohmann::json::array({"log node at level 2 index 3: not the hash of its children",
                                   "report VN-MPS VN-MPS-2025-004812: changed since it was logged at entry 0"}));
}

}  // namespace
}  // namespace jala::testing
