// One network explained, as `jala network show` prints it and GET /api/v1/networks/ID answers it: the
// selectors that link its reports and the reports each one joins, the hubs it names (never links), its
// timeline, and the money its accounts moved (flow/network_money.h). docs/formats/cli.md gives the JSON.
#pragma once

#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "jala/analysis/linked_store.h"
#include "jala/flow/network_money.h"

namespace jala::analysis {

// The network's money: the ledger that names its accounts (the store's whole ledger, or only the
// transactions into or out of the network's accounts), the network's accounts in it (in the order of
// their names), and what they moved.
struct ShownMoney {
  std::shared_ptr<const flow::Ledger> ledger;
  std::vector<flow::AccountId> accounts;
  flow::NetworkMoney money;
};

struct NetworkDetail {
  std::map<graph::SelectorId, std::vector<graph::ReportId>> joined;  // each link and the reports it joins
  // Of each link written in several forms (graph::LinkInput::link_of: a URL bare and with https://), its
  // other forms that members name, ascending: the reports each form joins are joined with one another.
  std::map<graph::SelectorId, std::vector<graph::SelectorId>> other_forms;
  std::vector<graph::ReportId> timeline;                             // the reports by when they were made
  std::vector<graph::SelectorId> hubs;  // hubs, stray links and benign selectors named, ascending
  ShownMoney money;
};

// Explains the network. Its money comes from `whole_ledger` when given (every transaction of the store,
// as the server keeps it for its suspects), else from the view (only the transactions into or out of its
// accounts, which takes seconds for a network of a hundred thousand reports); the two give the same
// detail. `linked` and the ledger must be of the same store.
Result<NetworkDetail> explain_network(const storage::ReadView& view, const LinkedStore& linked,
                                      const graph::NetworkSummary& network,
                                      std::shared_ptr<const flow::Ledger> whole_ledger = nullptr);

// Why a selector the network names is not a link: "hub, named by N reports", "stray link, ..." or the
// warning lists that hold it.
std::string hub_label(const LinkedStore& linked, graph::SelectorId selector);

// {"source", "id"}: how the JSON outputs name a report.
nlohmann::ordered_json report_ref(const graph::ReportFacts& facts);

// {"id", "score", "report_count", "reports", "selector_count", "selectors", "countries", "victims",
// "loss_usd", ...}: one line of `jala networks --json`. `members` caps how many reports and selectors are
// listed (the counts are of all of them); the command lists all, the API's list the first 100.
nlohmann::ordered_json summary_json(const LinkedStore& linked, const graph::NetworkSummary& network,
                                    std::size_t members = std::numeric_limits<std::size_t>::max());
// The summary with "links", "timeline", "hubs" and "money": `jala network show --json`. With `members`
// (GET /api/v1/networks/ID: the largest network of 10 million simulated reports is 89 MB whole), the
// summary's reports and selectors, the links and the hubs are each the first `members`, the timeline its
// latest `members`, each link names at most 100 of its reports with its "report_count", and "hub_count"
// counts the hubs; "report_count" and "selector_count" count the rest.
nlohmann::ordered_json detail_json(const LinkedStore& linked, const graph::NetworkSummary& network,
                                   const NetworkDetail& detail, std::optional<std::size_t> members = std::nullopt);

}  // namespace jala::analysis
