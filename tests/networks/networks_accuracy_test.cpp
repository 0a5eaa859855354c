// Linking measured against the simulator's truth (the bars of the networks issue): on simulated data with
// default settings, over five seeds, pairwise precision at least 0.97 and recall at least 0.93; no network
// larger than 1.2 times the largest operation; no hub ever a link.
//
// A true pair is two reports of one operation that the operation's own selectors can join (truth.json
// lists what each report usably carries); a found pair is two reports in one network.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "jala/extract/warninglist.h"
#include "jala/graph/linking.h"
#include "jala/graph/union_find.h"
#include "jala/intake/ingest.h"
#include "jala/simulate/simulator.h"
#include "jala/storage/memory/memory_store.h"

namespace jala {
namespace {

class CollectedOutput final : public simulate::SimulationOutput {
 public:
  void write_report(std::string_view line) override { reports += line; }
  void write_transaction(std::string_view) override {}
  void write_truth(std::string_view fragment) override { truth += fragment; }
  std::string reports;
  std::string truth;
};

std::uint64_t pairs(std::uint64_t n) { return n * (n - 1) / 2; }

struct Score {
  double precision = 0;
  double recall = 0;
  std::size_t largest_network = 0;
  std::size_t largest_operation = 0;
  std::vector<std::string> linked_hubs;
};

// A simulated store's link input, with what linking and scoring need.
struct Simulated {
  graph::LinkInput input;
  std::vector<bool> benign;
  std::map<std::string, graph::SelectorId> selector_ids;
  nlohmann::json truth;
};

Simulated simulate_seed(std::uint64_t seed, std::size_t reports) {
  Simulated simulated;
  CollectedOutput output;
  simulate::simulate({.seed = seed, .reports = reports}, output);
  storage::MemoryStore store;
  intake::StringByteSource source(output.reports);
  const Result<intake::IngestCounts> counts = intake::ingest(store, source, "reports.jsonl", intake::Format::jsonl, {});
  EXPECT_TRUE(counts.ok() && counts->rejected == 0) << (counts.ok() ? "rejected records" : counts.error().message());
  graph::LinkInput& input = simulated.input;
  EXPECT_TRUE(store
                  .read([&](const storage::ReadView& view) -> Status {
                    JALA_TRY_ASSIGN(input, view.link_input());
                    return {};
                  })
                  .ok());
  const extract::WarningLists lists = extract::WarningLists::load(JALA_SOURCE_DIR "/data/warninglists").value();
  simulated.benign.resize(input.selector_count());
  for (graph::SelectorId s = 0; s < input.selector_count(); ++s) {
    simulated.benign[s] = !lists.match(input.selector(s)).empty();
    simulated.selector_ids[input.selector(s).to_string()] = s;
  }
  simulated.truth = nlohmann::json::parse(output.truth);
  return simulated;
}

// How `linking` of `simulated` measures against its truth.
Score score(const Simulated& simulated, const graph::Linking& linking) {
  const graph::LinkInput& input = simulated.input;
  const nlohmann::json& truth = simulated.truth;
  const std::map<std::string, graph::SelectorId>& selector_ids = simulated.selector_ids;
  const std::set<std::string> hubs(truth.at("hubs").begin(), truth.at("hubs").end());
  std::map<std::pair<std::string, std::string>, graph::ReportId> report_ids;
  for (graph::ReportId r = 0; r < input.report_count(); ++r) {
    report_ids[{input.report(r).source, input.report(r).id}] = r;
  }

  // True groups: within each operation, reports joined by the operation's own (non-hub) selectors.
  graph::UnionFind truly_joined(input.report_count());
  std::vector<bool> in_operation(input.report_count(), false);
  std::map<std::string, std::size_t> operation_sizes;
  std::map<std::pair<std::string, std::string>, graph::ReportId> first_naming;  // (operation, selector) -> report
  for (const nlohmann::json& entry : truth.at("reports")) {
    if (entry.at("operation").is_null()) continue;
    const std::string operation = entry.at("operation");
    const graph::ReportId r = report_ids.at({entry.at("source"), entry.at("id")});
    in_operation[r] = true;
    ++operation_sizes[operation];
    for (const nlohmann::json& named : entry.at("selectors")) {
      const std::string selector = named.get<std::string>();
      if (hubs.contains(selector)) continue;
      const auto [first, added] = first_naming.emplace(std::pair{operation, selector}, r);
      if (!added) truly_joined.unite(first->second, r);
    }
  }
  // Pair counts from the contingency of (network, true group).
  std::map<std::uint32_t, std::uint64_t> true_group_sizes;
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint64_t> both;
  std::uint64_t found_pairs = 0;
  Score score;
  for (const std::vector<graph::ReportId>& network : linking.networks) {
    found_pairs += pairs(network.size());
    score.largest_network = std::max(score.largest_network, network.size());
  }
  for (graph::ReportId r = 0; r < input.report_count(); ++r) {
    if (!in_operation[r]) continue;
    const std::uint32_t group = truly_joined.find(r);
    ++true_group_sizes[group];
    if (linking.network_of[r] != graph::k_no_network) ++both[{linking.network_of[r], group}];
  }
  std::uint64_t true_pairs = 0;
  for (const auto& [group, size] : true_group_sizes) true_pairs += pairs(size);
  std::uint64_t correct_pairs = 0;
  for (const auto& [key, size] : both) correct_pairs += pairs(size);
  score.precision = found_pairs == 0 ? 1.0 : static_cast<double>(correct_pairs) / static_cast<double>(found_pairs);
  score.recall = true_pairs == 0 ? 1.0 : static_cast<double>(correct_pairs) / static_cast<double>(true_pairs);
  for (const auto& [operation, size] : operation_sizes) {
    score.largest_operation = std::max(score.largest_operation, size);
  }
  for (const std::string& hub : hubs) {
    const auto found = selector_ids.find(hub);
    if (found != selector_ids.end() && linking.roles[found->second] == graph::SelectorRole::link) {
      score.linked_hubs.push_back(hub);
    }
  }
  return score;
}

void check_seed(std::uint64_t seed, std::size_t reports) {
  const Simulated simulated = simulate_seed(seed, reports);
  const Score score = jala::score(simulated, graph::link_reports(simulated.input, simulated.benign));
  std::printf(
      "[ networks ] %zu reports, seed %llu: precision %.4f recall %.4f, largest network %zu, largest "
      "operation %zu\n",
      reports, static_cast<unsigned long long>(seed), score.precision, score.recall, score.largest_network,
      score.largest_operation);
  EXPECT_GE(score.precision, 0.97) << reports << " reports, seed " << seed;
  EXPECT_GE(score.recall, 0.93) << reports << " reports, seed " << seed;
  EXPECT_LE(static_cast<double>(score.largest_network), 1.2 * static_cast<double>(score.largest_operation))
      << reports << " reports, seed " << seed;
  EXPECT_TRUE(score.linked_hubs.empty()) << "seed " << seed << ": hub linked: " << score.linked_hubs.front();
}

TEST(NetworksAccuracy, MeetsTheBarsOnFiveSimulatedSeedsAtTwoSizes) {
  for (const std::size_t reports : {4000U, 20000U}) {
    for (std::uint64_t seed = 1; seed <= 5; ++seed) check_seed(seed, reports);
  }
}

// The baseline of plain union-find over every selector: hubs chain operations together, so its precision
// falls far below the bar while Jala's holds.
TEST(NetworksAccuracy, PlainUnionFindOverEverySelectorIsTheBaselineItBeats) {
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const Simulated simulated = simulate_seed(seed, 20000);
    const Score jala = score(simulated, graph::link_reports(simulated.input, simulated.benign));
    const Score plain = score(simulated, graph::link_every_shared_selector(simulated.input));
    std::printf("[ networks ] 20000 reports, seed %llu: plain union-find precision %.4f recall %.4f, largest network %zu\n",
                static_cast<unsigned long long>(seed), plain.precision, plain.recall, plain.largest_network);
    EXPECT_LT(plain.precision, 0.5) << "seed " << seed;
    EXPECT_GE(plain.recall, jala.recall) << "seed " << seed;  // it links everything Jala links, and more
    EXPECT_FALSE(plain.linked_hubs.empty()) << "seed " << seed;
    EXPECT_GT(jala.precision, plain.precision + 0.4) << "seed " << seed;
  }
}

}  // namespace
}  // namespace jala
