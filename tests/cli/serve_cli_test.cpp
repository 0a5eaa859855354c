// `jala serve` on a store with a backlog to publish: it serves at once while the publisher works through
// the backlog on its own thread, and a stop in the middle of it is prompt, clean and loses nothing.
#include <signal.h>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <chrono>
#include <regex>
#include <string>
#include <thread>

#include <fmt/core.h>

#include "jala/server/http_client.h"
#include "run_jala.h"
#include "support/scratch_folder.h"

namespace jala::testing {
namespace {

using std::chrono::steady_clock;

constexpr int k_reports = 10000;  // about 3 s of publishing in the release build

// The reports a server's stderr says its publisher went through (published, or kept home as TLP:RED).
int reports_gone_through(const std::string& err) {
  static const std::regex k_published(R"(published (\d+) reports \(\d+ objects\); (\d+) TLP:RED)");
  int total = 0;
  for (auto it = std::sregex_iterator(err.begin(), err.end(), k_published); it != std::sregex_iterator(); ++it) {
    total += std::stoi((*it)[1]) + std::stoi((*it)[2]);
  }
  return total;
}

class ServeWithABacklog : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_scratch.emplace("serve");
    const JalaRun simulated =
        run_jala({"simulate", "--seed", "3", "--reports", std::to_string(k_reports), "--out", s_scratch->file("sim")});
    ASSERT_EQ(simulated.exit_code, 0) << simulated.err;
    s_db = s_scratch->file("node.db");
    const JalaRun ingest = run_jala({"--db", s_db, "ingest", s_scratch->file("sim/reports.jsonl")});
    ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  }
  static void TearDownTestSuite() { s_scratch.reset(); }

  // Starts `jala serve` on a copy of the store (each test its own), with its stderr in `m_err`.
  void start() {
    const std::string db = s_scratch->file(fmt::format("{}.db", ++s_copies));
    std::filesystem::copy_file(s_db, db);
    m_db = db;
    m_err = db + ".err";
    m_port_file = db + ".port";
    serve();
  }
  void serve() {
    std::filesystem::remove(m_port_file);
    m_pid = start_jala({"--db", m_db, "serve", "--agency", "PH-NBI", "--country", "PH", "--listen", "127.0.0.1:0",
                        "--port-file", m_port_file, "--quiet"},
                       m_err);
    ASSERT_TRUE(wait_for_text(m_port_file, "\n", std::chrono::seconds(30))) << read_file(m_err);
    const std::string port = read_file(m_port_file);
    m_base = "http://127.0.0.1:" + port.substr(0, port.find('\n'));
  }
  // Stops the server with SIGTERM; its exit code, and how long the stop took.
  std::pair<int, steady_clock::duration> stop() {
    const auto asked = steady_clock::now();
    ::kill(m_pid, SIGTERM);
    int status = 0;
    ::waitpid(m_pid, &status, 0);
    m_pid = -1;
    return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), steady_clock::now() - asked};
  }
  void TearDown() override {
    if (m_pid > 0) stop();
  }

  static inline std::optional<ScratchFolder> s_scratch;
  static inline std::string s_db;
  static inline int s_copies = 0;
  std::string m_db, m_err, m_port_file, m_base;
  int m_pid = -1;
};

TEST_F(ServeWithABacklog, AnswersBeforeItHasPublishedTheBacklog) {
  ASSERT_NO_FATAL_FAILURE(start());
  auto client = server::HttpClient::make().value();
  const auto answer = client.get(m_base + "/api/v1/evidence/head", {{"Accept", "application/json"}});
  ASSERT_TRUE(answer.ok());
  EXPECT_EQ(answer->status, 200);
  EXPECT_EQ(read_file(m_err).find("caught up"), std::string::npos)
      << "the API answered only after the backlog was published:\n"
      << read_file(m_err);
  ASSERT_TRUE(wait_for_text(m_err, "jala: caught up", std::chrono::seconds(600))) << read_file(m_err);
  EXPECT_EQ(reports_gone_through(read_file(m_err)), k_reports) << read_file(m_err);
  EXPECT_EQ(stop().first, 0);
}

TEST_F(ServeWithABacklog, StopsPromptlyInTheMiddleOfTheBacklogAndResumesWhereItStopped) {
  ASSERT_NO_FATAL_FAILURE(start());
  const auto [code, took] = stop();
  EXPECT_EQ(code, 0) << read_file(m_err);
  EXPECT_LT(took, std::chrono::seconds(30));
  const std::string first = read_file(m_err);
  EXPECT_EQ(first.find("caught up"), std::string::npos) << "stopped too late to test a stop in the middle:\n" << first;
  EXPECT_NE(first.find("jala: stopped"), std::string::npos) << first;
  EXPECT_LT(reports_gone_through(first), k_reports) << "the stop waited for the whole backlog:\n" << first;

  ASSERT_NO_FATAL_FAILURE(serve());
  ASSERT_TRUE(wait_for_text(m_err, "jala: caught up", std::chrono::seconds(600))) << read_file(m_err);
  EXPECT_EQ(reports_gone_through(first) + reports_gone_through(read_file(m_err)), k_reports) << "first run:\n"
                                                                                             << first << "second run:\n"
                                                                                             << read_file(m_err);
  EXPECT_EQ(stop().first, 0);
}

}  // namespace
}  // namespace jala::testing
