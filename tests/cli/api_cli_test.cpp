// The node's JSON API (docs/formats/http-api.md) against the command line: a real `jala serve` over the
// bundled examples answers each resource with the very document the matching command prints, refuses bad
// requests with the statuses the docs name, and sees what is ingested while it serves.
#include <signal.h>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <regex>
#include <string>
#include <thread>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "jala/server/http_client.h"
#include "run_jala.h"
#include "support/scratch_folder.h"

namespace jala::testing {
namespace {

std::string example(std::string_view name) { return std::string(JALA_SOURCE_DIR) + "/examples/" + std::string(name); }

// `text` with every byte but letters, digits and "-._~" percent-encoded, as a query value.
std::string percent_encoded(std::string_view text) {
  std::string encoded;
  for (const char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0 ||
        std::string_view("-._~").find(c) != std::string_view::npos) {
      encoded += c;
    } else {
      encoded += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    }
  }
  return encoded;
}

class Api : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_scratch.emplace("api");
    s_db = s_scratch->file("node.db");
    const JalaRun ingest = run_jala({"--db", s_db, "ingest", example("reports.jsonl"), example("reports.csv"),
                                     example("transactions.jsonl"), example("transactions.csv")});
    ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
    const std::string port_file = s_scratch->file("port");
    s_err = s_scratch->file("serve.err");
    s_server = start_jala({"--db", s_db, "serve", "--agency", "PH-NBI", "--country", "PH", "--listen", "127.0.0.1:0",
                           "--port-file", port_file, "--quiet"},
                          s_err);
    for (int i = 0; i < 200 && read_file(port_file).empty(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    const std::string port = read_file(port_file);
    ASSERT_FALSE(port.empty()) << "jala serve did not start";
    s_base = "http://127.0.0.1:" + port.substr(0, port.find('\n'));
  }

  static void TearDownTestSuite() {
    if (s_server > 0) {
      ::kill(s_server, SIGTERM);
      int status = 0;
      ::waitpid(s_server, &status, 0);
      EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "jala serve did not stop cleanly on SIGTERM";
    }
    s_scratch.reset();
  }

  static server::ClientResponse get(const std::string& path) {
    auto client = server::HttpClient::make().value();
    auto response = client.get(s_base + path, {{"Accept", "application/json"}});
    EXPECT_TRUE(response.ok());
    return response.ok() ? std::move(response).value() : server::ClientResponse{};
  }

  // The JSON a 200 answer carries; fails the test on any other status.
  static nlohmann::json get_json(const std::string& path) {
    const server::ClientResponse response = get(path);
    EXPECT_EQ(response.status, 200) << path << ": " << response.body;
    return nlohmann::json::parse(response.body, nullptr, false);
  }

  // What `jala ARGS... --json` prints.
  static nlohmann::json command_json(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", s_db});
    args.emplace_back("--json");
    const JalaRun run = run_jala(args);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return nlohmann::json::parse(run.out, nullptr, false);
  }

  // Ingests one victim's complaint of PH-NBI with this id and text, and any other fields given.
  static void ingest_complaint(const std::string& id, const std::string& text,
                               nlohmann::json fields = nlohmann::json::object()) {
    nlohmann::json record = {{"source", "PH-NBI"},
                             {"id", id},
                             {"kind", "victim_complaint"},
                             {"country", "PH"},
                             {"reported_at", "2026-05-01T10:00:00Z"},
                             {"text", text}};
    record.update(fields);
    const std::string file = s_scratch->file(id + ".jsonl");
    write_file(file, record.dump() + "\n");
    const JalaRun ingest = run_jala({"--db", s_db, "ingest", file});
    ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  }

  // Ingests a chain of `length` reports, report i naming e-mails i and i + 1 (the two ends name theirs once:
  // no links), and returns the network it makes as the API's list gives it.
  static nlohmann::json ingest_chain(const std::string& name, int length) {
    std::string chain;
    for (int i = 0; i < length; ++i) {
      nlohmann::json selectors = nlohmann::json::array();
      for (const int email : {i, i + 1}) {
        selectors.push_back({{"type", "email"}, {"value", fmt::format("mule{}@{}-jobs.com", email, name)}});
      }
      chain +=
          nlohmann::json{{"source", "MY-PDRM"}, {"id", fmt::format("{}-{}", name, i)},   {"kind", "victim_complaint"},
                         {"country", "MY"},     {"reported_at", "2026-04-01T10:00:00Z"}, {"selectors", selectors}}
              .dump();
      chain += '\n';
    }
    write_file(s_scratch->file(name + ".jsonl"), chain);
    const JalaRun ingest = run_jala({"--db", s_db, "ingest", s_scratch->file(name + ".jsonl")});
    EXPECT_EQ(ingest.exit_code, 0) << ingest.err;
    const nlohmann::json listed = get_json("/api/v1/networks?top=1000");
    for (const nlohmann::json& network : listed["networks"]) {
      if (network["report_count"] == length) return network;
    }
    ADD_FAILURE() << "the chain is not one network";
    return nlohmann::json();
  }

  // A network of `jala networks --json` as the API's list gives it: at most 100 reports and selectors.
  static nlohmann::json as_listed(nlohmann::json network) {
    for (const char* members : {"reports", "selectors"}) {
      if (network[members].size() > 100) network[members].erase(network[members].begin() + 100, network[members].end());
    }
    return network;
  }

  static inline std::optional<ScratchFolder> s_scratch;
  static inline std::string s_db;
  static inline std::string s_base;
  static inline std::string s_err;  // the server's stderr
  static inline int s_server = -1;
};

TEST_F(Api, ListsTheNetworksAsTheCommandDoes) {
  const nlohmann::json command = command_json({"networks"});
  ASSERT_GE(command["networks"].size(), 2U) << "the examples link into at least two networks";
  nlohmann::json listed = nlohmann::json::array();
  for (const nlohmann::json& network : command["networks"]) listed.push_back(as_listed(network));
  const nlohmann::json all = get_json("/api/v1/networks?top=1000");
  EXPECT_EQ(all["count"], command["networks"].size());
  EXPECT_EQ(all["networks"], listed);
  const nlohmann::json first = get_json("/api/v1/networks?top=1");
  ASSERT_EQ(first["networks"].size(), 1U);
  EXPECT_EQ(first["networks"][0], listed[0]);
  EXPECT_EQ(first["count"], command["networks"].size());
}

// `jala network show --json` as GET /api/v1/networks/ID?top=N cuts it: each list to its first N (the
// timeline to its latest N), each link's reports to 100 with their count, and the hubs counted.
nlohmann::json as_explained(nlohmann::json whole, std::size_t top) {
  const auto first = [](nlohmann::json& list, std::size_t n) {
    if (list.size() > n) list.erase(list.begin() + static_cast<std::ptrdiff_t>(n), list.end());
  };
  first(whole["reports"], top);
  first(whole["selectors"], top);
  first(whole["links"], top);
  for (nlohmann::json& link : whole["links"]) {
    link["report_count"] = link["reports"].size();
    first(link["reports"], 100);
  }
  nlohmann::json& timeline = whole["timeline"];
  if (timeline.size() > top) timeline.erase(timeline.begin(), timeline.end() - static_cast<std::ptrdiff_t>(top));
  whole["hub_count"] = whole["hubs"].size();
  first(whole["hubs"], top);
  return whole;
}

// A network too large for a list: the list names 100 of its 150 reports and counts all of them; the
// network's own resource lists every one.
TEST_F(Api, ListsAtMostAHundredMembersOfANetworkAndCountsThemAll) {
  const nlohmann::json chain = ingest_chain("chain", 150);
  ASSERT_FALSE(chain.is_null());
  EXPECT_EQ(chain["reports"].size(), 100U);
  EXPECT_EQ(chain["selector_count"], 149);  // the emails at the chain's two ends are named once: no links
  EXPECT_EQ(chain["selectors"].size(), 100U);
  // Explained, the network's lists are cut the same way, to 100 by default and to at most 1,000 on request.
  const std::string shown_path = "/api/v1/networks/" + chain["id"].get<std::string>();
  const nlohmann::json shown = get_json(shown_path);
  EXPECT_EQ(shown["reports"].size(), 100U);
  EXPECT_EQ(shown["selectors"].size(), 100U);
  EXPECT_EQ(shown["links"].size(), 100U);
  EXPECT_EQ(shown["timeline"].size(), 100U);
  EXPECT_EQ(shown["report_count"], 150);
  const nlohmann::json whole = command_json({"network", "show", chain["id"]});
  EXPECT_EQ(shown, as_explained(whole, 100));
  EXPECT_EQ(shown["timeline"].back(), whole["timeline"].back()) << "the latest reports are the ones shown";
  const nlohmann::json all = get_json(shown_path + "?top=1000");
  EXPECT_EQ(all["reports"].size(), 150U);
  EXPECT_EQ(all["selectors"].size(), 149U);
  EXPECT_EQ(all, as_explained(whole, 1000));
  for (const char* bad : {"?top=0", "?top=1001", "?top=all"}) EXPECT_EQ(get(shown_path + bad).status, 400) << bad;
}

// Once the suspects are scored, the API takes a network's money from their whole ledger, while the command
// reads only the network's transactions from the store: the two agree on every network.
TEST_F(Api, ExplainsEveryNetworkAsTheCommandDoes) {
  ASSERT_FALSE(get_json("/api/v1/suspects")["accounts"].empty());  // scored for the store as it is now
  const nlohmann::json networks = command_json({"networks"})["networks"];
  ASSERT_GE(networks.size(), 2U);
  std::size_t with_money = 0;
  for (const nlohmann::json& network : networks) {
    const std::string id = network["id"];
    const nlohmann::json shown = get_json("/api/v1/networks/" + id + "?top=1000");
    EXPECT_EQ(shown, as_explained(command_json({"network", "show", id}), 1000)) << id;
    if (!shown["money"]["exits"].empty()) ++with_money;
  }
  EXPECT_GE(with_money, 2U) << "the examples' networks move money out";
  const nlohmann::json first = get_json("/api/v1/networks/" + networks[0]["id"].get<std::string>());
  EXPECT_FALSE(first["links"].empty());
  EXPECT_FALSE(first["money"]["accounts"].empty()) << "the first example network moves money";
}

TEST_F(Api, ListsTheSuspectAccountsAsTheCommandDoes) {
  const nlohmann::json command = command_json({"flow", "suspects"});
  ASSERT_FALSE(command["accounts"].empty());
  const nlohmann::json all = get_json("/api/v1/suspects?top=1000");
  EXPECT_EQ(all["count"], command["accounts"].size());
  EXPECT_EQ(all["accounts"], command["accounts"]);
  EXPECT_EQ(get_json("/api/v1/suspects?top=1")["accounts"], nlohmann::json::array({command["accounts"][0]}));
}

// Once it has caught up with publishing, the node scores the suspects before anyone asks, and says so;
// the API then gives the very list it scored.
TEST_F(Api, ScoresTheSuspectsBeforeTheFirstRequestForThem) {
  ASSERT_TRUE(wait_for_text(s_err, "jala: ready:", std::chrono::seconds(60))) << read_file(s_err);
  const std::string err = read_file(s_err);
  const std::regex ready(R"(jala: ready: the networks are linked and (\d+) suspect accounts scored \(\d+\.\d s\))");
  std::smatch said;
  ASSERT_TRUE(std::regex_search(err, said, ready)) << err;
  EXPECT_LT(err.find("jala: caught up"), err.find("jala: ready:")) << err;
  const nlohmann::json listed = get_json("/api/v1/suspects?top=1000");
  EXPECT_GT(listed["count"].get<int>(), 0);
  EXPECT_EQ(std::stoi(said[1]), listed["count"].get<int>()) << err;
}

// The command's freeze list as the API gives it: each group's first `top` accounts, and how many it has.
nlohmann::json first_accounts(nlohmann::json listed, std::size_t top) {
  for (nlohmann::json& group : listed["groups"]) {
    nlohmann::json& accounts = group["accounts"];
    group["accounts_total"] = accounts.size();
    if (accounts.size() > top) accounts.erase(accounts.begin() + static_cast<std::ptrdiff_t>(top), accounts.end());
  }
  return listed;
}

TEST_F(Api, GivesTheFreezeListAsTheCommandDoes) {
  const nlohmann::json command = command_json({"flow", "freeze-list"});
  ASSERT_GE(command["groups"].size(), 2U) << "the examples' suspects are held at several institutions";
  EXPECT_EQ(get_json("/api/v1/freeze-list"), first_accounts(command, 100));
  const nlohmann::json thai = get_json("/api/v1/freeze-list?country=th");  // a code in any case
  EXPECT_EQ(thai, first_accounts(command_json({"flow", "freeze-list", "--country", "TH"}), 100));
  ASSERT_FALSE(thai["groups"].empty());
  for (const nlohmann::json& group : thai["groups"]) EXPECT_EQ(group["country"], "TH");
  EXPECT_LT(thai["groups"].size(), command["groups"].size());
}

// A large node's freeze list names tens of thousands of accounts: the API gives each institution's most
// recoverable ones, with the group's count and its whole recoverable total.
TEST_F(Api, GivesEachInstitutionsFirstAccountsOfTheFreezeList) {
  const nlohmann::json command = command_json({"flow", "freeze-list"});
  const auto largest = std::max_element(
      command["groups"].begin(), command["groups"].end(),
      [](const nlohmann::json& a, const nlohmann::json& b) { return a["accounts"].size() < b["accounts"].size(); });
  ASSERT_GE((*largest)["accounts"].size(), 2U) << "an institution holds several suspects' money";
  const nlohmann::json one = get_json("/api/v1/freeze-list?top=1");
  EXPECT_EQ(one, first_accounts(command, 1));
  const std::size_t group = static_cast<std::size_t>(largest - command["groups"].begin());
  EXPECT_EQ(one["groups"][group]["accounts"].size(), 1U);
  EXPECT_EQ(one["groups"][group]["accounts_total"], (*largest)["accounts"].size());
  EXPECT_EQ(one["groups"][group]["recoverable_usd"], (*largest)["recoverable_usd"]);
  for (const char* bad : {"top=0", "top=1001", "top=many", "top=1&country=Thailand"}) {
    EXPECT_EQ(get(fmt::format("/api/v1/freeze-list?{}", bad)).status, 400) << bad;
  }
}

// A window of a trace (GET /api/v1/trace) as the command's whole trace: the command's document with its
// list cut to the window, and the totals the API adds.
nlohmann::json window_of(nlohmann::json whole, std::string_view list, std::size_t offset, std::size_t limit) {
  nlohmann::json& entries = whole[std::string(list)];
  const std::size_t total = entries.size();
  const std::size_t first = std::min(offset, total);
  entries = nlohmann::json(entries.begin() + static_cast<std::ptrdiff_t>(first),
                           entries.begin() + static_cast<std::ptrdiff_t>(std::min(total, first + limit)));
  whole[std::string(list) + "_total"] = total;
  whole["offset"] = offset;
  if (list == "hops") {
    whole["endpoints_total"] = whole["endpoints"].size();
    whole["endpoints"] = nlohmann::json(
        whole["endpoints"].begin(),
        whole["endpoints"].begin() + static_cast<std::ptrdiff_t>(std::min(limit, whole["endpoints"].size())));
  }
  return whole;
}

// Traces of an account's money, forward and back, with the command's options, 100 entries at a time.
TEST_F(Api, TracesAnAccountsMoneyAsTheCommandDoes) {
  const std::string account = command_json({"flow", "suspects"})["accounts"][0]["account"];
  const std::string from = fmt::format("/api/v1/trace?from={}", percent_encoded(account));
  const nlohmann::json whole_forward = command_json({"trace", "--from", account});
  ASSERT_GE(whole_forward["hops"].size(), 3U);
  const nlohmann::json forward = get_json(from);
  EXPECT_EQ(forward, window_of(whole_forward, "hops", 0, 100));
  EXPECT_EQ(get_json(from + "&rule=proportional&max_hops=2&since=2025-01-01T00:00:00Z&until=2026-01-01T00:00:00Z"),
            window_of(command_json({"trace", "--from", account, "--rule", "proportional", "--max-hops", "2", "--since",
                                    "2025-01-01T00:00:00Z", "--until", "2026-01-01T00:00:00Z"}),
                      "hops", 0, 100));
  const nlohmann::json whole_back = command_json({"trace", "--from", account, "--back"});
  ASSERT_GE(whole_back["payments"].size(), 2U);
  const nlohmann::json back = get_json(from + "&back=true");
  EXPECT_EQ(back, window_of(whole_back, "payments", 0, 100));
  EXPECT_EQ(get_json(from + "&back=false"), forward);
  for (const std::string& bad : std::vector<std::string>{
           "/api/v1/trace", "/api/v1/trace?from=nonsense", from + "&rule=lifo", from + "&max_hops=0",
           from + "&max_hops=65", from + "&since=yesterday", from + "&back=yes", from + "&limit=0",
           from + "&limit=1001", from + "&limit=", from + "&offset=-1", from + "&offset=1e3",
           from + "&offset=1000000001", from + "&since=2026-02-01T00:00:00Z&until=2026-01-01T00:00:00Z"}) {
    EXPECT_EQ(get(bad).status, 400) << bad;
  }
  const server::ClientResponse unknown = get("/api/v1/trace?from=phone:%2B84900000001");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_NE(unknown.body.find("no transaction names phone:+84900000001"), std::string::npos) << unknown.body;
}

// A long trace is read a window at a time: the windows, one after another, are the whole trace, and a
// window past the end is empty but keeps the totals.
TEST_F(Api, GivesALongTraceAWindowAtATime) {
  const std::string account = command_json({"flow", "suspects"})["accounts"][0]["account"];
  const std::string from = fmt::format("/api/v1/trace?from={}", percent_encoded(account));
  const nlohmann::json whole_forward = command_json({"trace", "--from", account});
  const nlohmann::json whole_back = command_json({"trace", "--from", account, "--back"});
  const std::size_t hops = whole_forward["hops"].size();
  const std::size_t payments = whole_back["payments"].size();
  ASSERT_GE(hops, 3U);
  ASSERT_GE(payments, 2U);
  nlohmann::json joined = nlohmann::json::array();
  for (std::size_t offset = 0; offset < hops; offset += 2) {
    const nlohmann::json window = get_json(fmt::format("{}&offset={}&limit=2", from, offset));
    EXPECT_EQ(window, window_of(whole_forward, "hops", offset, 2)) << offset;
    EXPECT_EQ(window["hops_total"], hops);
    for (const nlohmann::json& hop : window["hops"]) joined.push_back(hop);
  }
  EXPECT_EQ(joined, whole_forward["hops"]);
  const nlohmann::json past = get_json(fmt::format("{}&offset={}", from, hops));
  EXPECT_TRUE(past["hops"].empty());
  EXPECT_EQ(past["hops_total"], hops);
  EXPECT_EQ(past["seeded_usd"], whole_forward["seeded_usd"]);

  const nlohmann::json last = get_json(fmt::format("{}&back=true&offset={}&limit=1", from, payments - 1));
  EXPECT_EQ(last, window_of(whole_back, "payments", payments - 1, 1));
  EXPECT_EQ(last["reached_usd"], whole_back["reached_usd"]);  // still the sum over every payment
}

TEST_F(Api, FindsReportsBySelectorInAnySpellingAndShowsThem) {
  const nlohmann::json report = command_json({"report", "show", "VN-MPS", "VN-MPS-2025-001377"});
  EXPECT_EQ(get_json("/api/v1/reports/VN-MPS/VN-MPS-2025-001377"), report);
  const nlohmann::json found = get_json("/api/v1/selectors/bank:BFTVVNVX:0071000123456");
  EXPECT_EQ(found["selector"], "bank:BFTVVNVX:0071000123456");
  EXPECT_GE(found["count"], 1);
  EXPECT_EQ(found["count"], found["reports"].size());
  EXPECT_EQ(found["more"], false);
  EXPECT_FALSE(found.contains("other_forms")) << "an account has one form";
  // A web link is answered under both schemes: the examples write this page both ways.
  const nlohmann::json page = get_json("/api/v1/selectors/url:http%3A%2F%2Fgolden-lotus-invest.com%2F");
  EXPECT_EQ(page["selector"], "url:http://golden-lotus-invest.com/");
  EXPECT_GE(page["count"], 1);
  ASSERT_EQ(page["other_forms"].size(), 1U) << page.dump();
  EXPECT_EQ(page["other_forms"][0]["selector"], "url:https://golden-lotus-invest.com/");
  EXPECT_GE(page["other_forms"][0]["count"], 1);
  EXPECT_EQ(page["other_forms"][0]["count"], page["other_forms"][0]["reports"].size());
}

TEST_F(Api, GivesTheEvidenceLogsHead) {
  const nlohmann::json head = get_json("/api/v1/evidence/head");
  const nlohmann::json signed_head = command_json({"evidence", "head"});
  EXPECT_GT(head["size"], 0);
  EXPECT_EQ(head["size"], signed_head["size"]);
  EXPECT_EQ(head["root"], signed_head["root"]);
}

TEST_F(Api, RefusesBadRequestsWithTheStatusesDocumented) {
  EXPECT_EQ(get("/api/v1/networks?top=0").status, 400);
  EXPECT_EQ(get("/api/v1/networks?top=1001").status, 400);
  EXPECT_EQ(get("/api/v1/suspects?top=many").status, 400);
  EXPECT_EQ(get("/api/v1/freeze-list?country=Thailand").status, 400);
  EXPECT_EQ(get("/api/v1/selectors/phone:12?limit=-1").status, 400);
  EXPECT_EQ(get("/api/v1/selectors/nonsense").status, 400);
  const server::ClientResponse unknown_network = get("/api/v1/networks/N000000000000");
  EXPECT_EQ(unknown_network.status, 404);
  EXPECT_NE(unknown_network.body.find("no network N000000000000"), std::string::npos) << unknown_network.body;
  EXPECT_EQ(get("/api/v1/reports/VN-MPS/no-such-report").status, 404);
  EXPECT_EQ(get("/api/v1/nothing-here").status, 404);
  auto client = server::HttpClient::make().value();
  auto posted = client.post(s_base + "/api/v1/networks", {{"Content-Type", "application/json"}}, "{}");
  ASSERT_TRUE(posted.ok());
  EXPECT_EQ(posted->status, 405);
}

TEST_F(Api, ListsLuresAndTheAccountsBehindThemAsTheCommandsDo) {
  const nlohmann::json lures = get_json("/api/v1/lures?to=KH&top=1000");
  EXPECT_GT(lures["count"].get<int>(), 0);
  EXPECT_EQ(lures, command_json({"lures", "--to", "KH"}));
  EXPECT_EQ(get_json("/api/v1/lures?min_usd=1000&perk=visa&top=1000"),
            command_json({"lures", "--min-usd", "1000", "--perk", "visa"}));
  nlohmann::json accounts = command_json({"lures", "accounts", "--top", "100"});
  EXPECT_EQ(get_json("/api/v1/lures/accounts"), accounts);
  for (const std::string bad : {"/api/v1/lures?to=Cambodia", "/api/v1/lures?min_usd=-1", "/api/v1/lures?perk=spa",
                                "/api/v1/lures/accounts?top=0"}) {
    EXPECT_EQ(get(bad).status, 400) << bad;
  }
}

// The DOM that headless Chromium builds from the page at `url` once its scripts have run, or nullopt
// (and the test is skipped) when Debian's chromium is not installed.
std::optional<std::string> browser_dom(const ScratchFolder& scratch, const std::string& url) {
  constexpr std::string_view k_chromium = "/usr/bin/chromium";
  if (!std::filesystem::exists(k_chromium)) return std::nullopt;
  const std::string command = fmt::format(
      "{} --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking "
      "--disable-component-update --disable-sync --user-data-dir='{}' --virtual-time-budget=10000 --dump-dom '{}' "
      "2>/dev/null",
      k_chromium, scratch.file("browser-profile"), url);
  std::string dom;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[65536];
    for (std::size_t got; (got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) dom.append(buffer, got);
    ::pclose(pipe);
  }
  return dom;
}

// An amount as the page writes it: rounded to a whole number, with commas between thousands.
std::string format_like_the_page(double amount) {
  const std::string digits = fmt::format("{:.0f}", amount);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return grouped;
}

#define BROWSE_OR_SKIP(dom, url)                                                                    \
  const std::optional<std::string> dom = browser_dom(*s_scratch, url);                              \
  if (!dom) GTEST_SKIP() << "Debian's chromium is not installed (scripts/install-deps installs it)"

// The web UI in a real browser: its pages show what the API answers.
TEST_F(Api, TheWebUiShowsTheNetworksLuresAndAccountsTheApiGives) {
  const auto page = get("/");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<title>Jala</title>"), std::string::npos);

  BROWSE_OR_SKIP(networks, s_base + "/#networks");
  const nlohmann::json listed = get_json("/api/v1/networks");
  EXPECT_NE(networks->find(fmt::format("Networks ({})", listed["count"].get<int>())), std::string::npos) << *networks;
  EXPECT_NE(networks->find(">" + listed["networks"][0]["id"].get<std::string>() + "</a>"), std::string::npos);
  const std::string head = get_json("/api/v1/evidence/head")["root"];
  EXPECT_NE(networks->find("root " + head.substr(0, 16)), std::string::npos) << "the header shows the log's head";

  BROWSE_OR_SKIP(accounts, s_base + "/#lure-accounts");
  const nlohmann::json first = get_json("/api/v1/lures/accounts")["accounts"][0];
  EXPECT_NE(accounts->find("<td>" + first["account"].get<std::string>() + "</td><td class=\"number\">" +
                           std::to_string(first["lure_reports"].get<int>()) + "</td>"),
            std::string::npos)
      << *accounts;

  BROWSE_OR_SKIP(lures, s_base + "/#lures");
  EXPECT_NE(lures->find(fmt::format("{} lure(s) match", get_json("/api/v1/lures")["count"].get<int>())),
            std::string::npos)
      << *lures;
}

// The freeze list in the browser, whole and for one country, and a network's money.
TEST_F(Api, TheWebUiShowsTheFreezeListAndANetworksMoney) {
  const nlohmann::json all = get_json("/api/v1/freeze-list");
  BROWSE_OR_SKIP(listed, s_base + "/#freeze-list");
  EXPECT_NE(listed->find("Freeze list as of " + all["as_of"].get<std::string>()), std::string::npos) << *listed;
  EXPECT_NE(listed->find(fmt::format("{} institution(s)", all["groups"].size())), std::string::npos) << *listed;
  for (const nlohmann::json& group : all["groups"]) {
    const nlohmann::json& first = group["accounts"][0];
    EXPECT_NE(
        listed->find(">" + first["account"].get<std::string>() + "</a></td><td>" + first["role"].get<std::string>()),
        std::string::npos)
        << first["account"];
  }
  BROWSE_OR_SKIP(thai, s_base + "/#freeze-list/TH");
  const nlohmann::json thai_groups = get_json("/api/v1/freeze-list?country=TH")["groups"];
  EXPECT_NE(thai->find(fmt::format("{} institution(s)", thai_groups.size())), std::string::npos) << *thai;
  EXPECT_NE(thai->find(thai_groups[0]["accounts"][0]["account"].get<std::string>()), std::string::npos);
  EXPECT_EQ(thai->find("bank:NACFKRSE:"), std::string::npos) << "a Korean bank's account is not in Thailand's list";
  BROWSE_OR_SKIP(misnamed, s_base + "/#freeze-list/Thailand");
  EXPECT_NE(misnamed->find("<p class=\"error\">country: "), std::string::npos) << *misnamed;
  EXPECT_NE(misnamed->find("aria-label=\"country\""), std::string::npos) << "the form stays, to try again";

  const std::string id = get_json("/api/v1/networks")["networks"][0]["id"];
  const nlohmann::json money = get_json("/api/v1/networks/" + id)["money"];
  ASSERT_FALSE(money["exits"].empty()) << "the first example network pays money out";
  BROWSE_OR_SKIP(network, s_base + "/#network/" + id);
  EXPECT_NE(network->find("<h3>Money</h3>"), std::string::npos) << *network;
  EXPECT_NE(network->find(fmt::format("received {} USD from outside in {} transaction(s)",
                                      format_like_the_page(money["in_usd"].get<double>()),
                                      money["in_transactions"].get<int>())),
            std::string::npos)
      << *network;
  EXPECT_NE(network->find(">" + money["exits"][0]["account"].get<std::string>() + "</a></td>"), std::string::npos);
}

// A trace in the browser, reached from a suspect's account: where the money stopped, and where it came from.
TEST_F(Api, TheWebUiTracesAnAccountsMoney) {
  const std::string account = get_json("/api/v1/suspects")["accounts"][0]["account"];
  BROWSE_OR_SKIP(suspects, s_base + "/#suspects");
  const std::string linked = fmt::format("href=\"#trace/{}\">{}</a>", percent_encoded(account), account);
  EXPECT_NE(suspects->find(linked), std::string::npos) << *suspects;

  const nlohmann::json forward = get_json("/api/v1/trace?from=" + percent_encoded(account));
  BROWSE_OR_SKIP(traced, s_base + "/#trace/" + percent_encoded(account));
  EXPECT_NE(traced->find(fmt::format("<h2>Money from {}</h2>", account)), std::string::npos) << *traced;
  EXPECT_NE(traced->find(fmt::format("{} USD traced by fifo up to 8 hops",
                                     format_like_the_page(forward["seeded_usd"].get<double>()))),
            std::string::npos)
      << *traced;
  EXPECT_NE(traced->find(fmt::format("Hops ({})", forward["hops"].size())), std::string::npos) << *traced;
  const nlohmann::json& end = forward["endpoints"][0];
  EXPECT_NE(traced->find(
                fmt::format(">{}</a></td><td>{}", end["account"].get<std::string>(), end["reason"].get<std::string>())),
            std::string::npos)
      << *traced;

  const nlohmann::json back = get_json("/api/v1/trace?back=true&from=" + percent_encoded(account));
  BROWSE_OR_SKIP(funded, s_base + "/#trace-back/" + percent_encoded(account));
  EXPECT_NE(funded->find(fmt::format("{} USD from {} origin payment(s), traced by fifo",
                                     format_like_the_page(back["reached_usd"].get<double>()), back["payments"].size())),
            std::string::npos)
      << *funded;
}

// A trace longer than the page's window of 500: the page shows the first window and offers the next.
TEST_F(Api, TheWebUiShowsALongTraceAWindowAtATime) {
  const std::string payer = "bank:VBAAVNVX:9990000000001";
  std::string payouts;
  for (int i = 0; i < 600; ++i) {
    payouts += nlohmann::json{
        {"record", "transaction"},
        {"source", "VN-PAYROLL"},
        {"id", fmt::format("PAY-{:04}", i)},
        {"from", payer},
        {"to", fmt::format("bank:VBAAVNVX:99910000{:05}", i)},
        {"amount", 10.0},
        {"currency", "USD"},
        {"at", fmt::format("2026-03-01T{:02}:{:02}:00Z", i / 60, i % 60)},
        {"channel",
         "bank"}}.dump();
    payouts += '\n';
  }
  const std::string file = s_scratch->file("payouts.jsonl");
  write_file(file, payouts);
  const JalaRun ingest = run_jala({"--db", s_db, "ingest", file});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  const nlohmann::json first = get_json("/api/v1/trace?limit=500&from=" + percent_encoded(payer));
  ASSERT_EQ(first["hops_total"], 600);
  ASSERT_EQ(first["hops"].size(), 500U);

  BROWSE_OR_SKIP(traced, s_base + "/#trace/" + percent_encoded(payer));
  EXPECT_NE(traced->find("Hops 1 to 500 of 600 <button type=\"button\">Later</button>"), std::string::npos) << *traced;
  EXPECT_EQ(traced->find(">Earlier</button>"), std::string::npos) << "the first window has none before it";
  EXPECT_NE(traced->find("Where it stopped (the largest 500 of 600)"), std::string::npos) << *traced;
  EXPECT_NE(traced->find(fmt::format(">{}</a>", first["hops"][499]["to"].get<std::string>())), std::string::npos);
  EXPECT_EQ(traced->find(">bank:VBAAVNVX:9991000000599</a>"), std::string::npos) << "hop 600 is in the next window";
}

// A network larger than the page's 200: the page says which part of each list it shows.
TEST_F(Api, TheWebUiShowsPartOfALargeNetwork) {
  const nlohmann::json chain = ingest_chain("long-chain", 250);
  ASSERT_FALSE(chain.is_null());
  const nlohmann::json shown = get_json("/api/v1/networks/" + chain["id"].get<std::string>() + "?top=200");
  BROWSE_OR_SKIP(page, s_base + "/#network/" + chain["id"].get<std::string>());
  EXPECT_NE(page->find("Links: the selectors that join its reports (the first 200 of 249)"), std::string::npos)
      << *page;
  EXPECT_NE(page->find("Timeline (the latest 200 of 250)"), std::string::npos) << *page;
  EXPECT_NE(page->find(">MY-PDRM/" + shown["timeline"].back()["id"].get<std::string>() + "</a>"), std::string::npos)
      << "the latest report of the timeline is listed";
  EXPECT_EQ(page->find("Hubs: shown, never links (the"), std::string::npos) << "the chain has no hubs to cut";
}

// Found in review: the search page listed 100 of 257 reports without saying so, the report page hid a
// form selector's warning-list mark and the loss, and a malformed escape in the address left the page blank.
TEST_F(Api, TheWebUiSaysWhenAListIsCutAndShowsAReportsMarksAndLoss) {
  std::string lines;
  for (int i = 0; i < 101; ++i) {
    lines += nlohmann::json{{"source", "PH-NBI"},
                            {"id", fmt::format("cut-{}", i)},
                            {"kind", "victim_complaint"},
                            {"country", "PH"},
                            {"reported_at", "2026-05-02T10:00:00Z"},
                            {"selectors", {{{"type", "email"}, {"value", "cut@note-test.com"}}}}}
                 .dump() +
             "\n";
  }
  write_file(s_scratch->file("cut.jsonl"), lines);
  ASSERT_EQ(run_jala({"--db", s_db, "ingest", s_scratch->file("cut.jsonl")}).exit_code, 0);
  BROWSE_OR_SKIP(search, s_base + "/#search/email%3Acut%40note-test.com");
  EXPECT_NE(search->find("named by 101 report(s) (the first 100 of 101)"), std::string::npos) << *search;

  ASSERT_NO_FATAL_FAILURE(
      ingest_complaint("marks-1", "Sent the money as told",
                       {{"loss", {{"amount", 87000000}, {"currency", "KRW"}}},
                        {"victim_country", "KR"},
                        {"selectors", {{{"type", "url"}, {"value", "https://www.binance.com/ko"}}}}}));
  EXPECT_EQ(get_json("/api/v1/reports/PH-NBI/marks-1")["selectors"][0]["warning"],
            nlohmann::json::array({"exchange-domains"}));
  BROWSE_OR_SKIP(report, s_base + "/#report/PH-NBI/marks-1");
  EXPECT_NE(report->find("loss 87,000,000 KRW, victim in KR"), std::string::npos) << *report;
  EXPECT_NE(report->find("benign: exchange-domains"), std::string::npos) << *report;

  BROWSE_OR_SKIP(malformed, s_base + "/#search/%E0%A4%A");
  EXPECT_NE(malformed->find("Something went wrong"), std::string::npos) << *malformed;
}

// Text from the store is shown as text: markup in a report cannot run in an analyst's browser.
TEST_F(Api, TheWebUiShowsMarkupInAReportAsText) {
  ASSERT_NO_FATAL_FAILURE(ingest_complaint("hostile-1", "<img src=x onerror=\"document.title='owned'\"><b>bold</b>"));
  BROWSE_OR_SKIP(dom, s_base + "/#report/PH-NBI/hostile-1");
  EXPECT_NE(dom->find("&lt;img src=x onerror="), std::string::npos) << *dom;
  EXPECT_NE(dom->find("&lt;b&gt;bold&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(dom->find("<img"), std::string::npos);
  EXPECT_NE(dom->find("<title>Jala</title>"), std::string::npos);
}

// A report its source withdrew is shown so, with its text.
TEST_F(Api, TheWebUiMarksAWithdrawnReport) {
  ASSERT_NO_FATAL_FAILURE(
      ingest_complaint("withdrawn-1", "Paid 0917 123 4567, later found to be the victim's own", {{"withdrawn", true}}));
  EXPECT_EQ(get_json("/api/v1/reports/PH-NBI/withdrawn-1")["withdrawn"], true);
  BROWSE_OR_SKIP(dom, s_base + "/#report/PH-NBI/withdrawn-1");
  EXPECT_NE(dom->find("<p class=\"withdrawn\">Withdrawn by its source"), std::string::npos) << *dom;
  EXPECT_NE(dom->find("later found to be the victim's own"), std::string::npos) << *dom;
  BROWSE_OR_SKIP(live, s_base + "/#report/VN-MPS/VN-MPS-2025-001377");
  EXPECT_NE(live->find("TUYỂN GẤP 50 nhân viên"), std::string::npos) << *live;
  EXPECT_EQ(live->find("Withdrawn by its source"), std::string::npos) << *live;
}

// Found in review: the path was decoded before it was split, so a source with a "/" (%2F) was cut there and
// its reports could not be opened; an encoded NUL cut a value short and was answered for the part before it.
TEST_F(Api, ReadsEachPathSegmentOnItsOwnAndRefusesAnEncodedNul) {
  ASSERT_NO_FATAL_FAILURE(ingest_complaint("slash-1", "Recruiter on Telegram @slash_hr99", {{"source", "PH/NBI"}}));
  const nlohmann::json report = get_json("/api/v1/reports/PH%2FNBI/slash-1");
  EXPECT_EQ(report["source"], "PH/NBI");
  EXPECT_EQ(report["id"], "slash-1");
  EXPECT_EQ(get("/api/v1/reports/PH/NBI/slash-1").status, 404);  // a plain "/" belongs to the id
  EXPECT_EQ(get("/api/v1/selectors/telegram:slash_hr99%00garbage").status, 400);
  const server::ClientResponse nul = get("/api/v1/networks?top=5%00abc");
  EXPECT_EQ(nul.status, 400);
  EXPECT_EQ(nul.header("content-type"), "application/json");  // found in review: it was a text/plain 400
  EXPECT_TRUE(nlohmann::json::accept(nul.body)) << nul.body;
  EXPECT_EQ(get("/api/v1/lures?min_usd=inf").status, 400);  // as the command refuses it
  EXPECT_EQ(get("/api/v1/lures?min_usd=infinity").status, 400);
}

// Networks are computed once per state of the store: a report ingested while the node serves is linked
// into the next answer.
TEST_F(Api, SeesWhatIsIngestedWhileItServes) {
  const std::string id = command_json({"networks"})["networks"][0]["id"];
  const nlohmann::json before = get_json("/api/v1/networks/" + id);
  const std::string linked_selector = before["links"][0]["selector"];  // "type:value"
  const std::size_t colon = linked_selector.find(':');
  ASSERT_NO_FATAL_FAILURE(ingest_complaint(
      "late-1", "I paid the recruiter",
      {{"selectors", {{{"type", linked_selector.substr(0, colon)}, {"value", linked_selector.substr(colon + 1)}}}}}));
  const nlohmann::json after = get_json("/api/v1/networks/" + id);
  EXPECT_EQ(after["report_count"], before["report_count"].get<int>() + 1);
  EXPECT_NE(after["reports"].dump().find("late-1"), std::string::npos) << "the late report joins the network";
  EXPECT_EQ(after, as_explained(command_json({"network", "show", id}), 100));
}

}  // namespace
}  // namespace jala::testing
