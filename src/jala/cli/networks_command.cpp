// jala networks and jala network show: link the store's reports into networks (graph/linking.h), rank
// them (graph/ranking.h), and explain each one: its members, the selectors that link them and the
// reports each one joins, its hubs, countries and timeline, and the money its accounts moved
// (flow/network_money.h).
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "jala/cli/commands.h"
#include "jala/cli/linked_store.h"
#include "jala/flow/network_money.h"
#include "jala/graph/graphml.h"

namespace jala::cli {
namespace {

nlohmann::ordered_json report_ref(const graph::ReportFacts& facts) {
  return {{"source", facts.source}, {"id", facts.id}};
}

// The hubs, stray links and benign selectors that the network's reports name: shown, never links.
std::vector<graph::SelectorId> hubs_named(const LinkedStore& linked, const graph::NetworkSummary& network) {
  std::vector<graph::SelectorId> hubs;
  for (const graph::ReportId r : network.reports) {
    for (const graph::SelectorId s : linked.input.selectors_of(r)) {
      if (graph::shown_never_linked(linked.linking.roles[s])) hubs.push_back(s);
    }
  }
  std::sort(hubs.begin(), hubs.end());
  hubs.erase(std::unique(hubs.begin(), hubs.end()), hubs.end());
  return hubs;
}

// A network's money as `network show` prints it: the ledger that names its accounts, the network's
// accounts in it (ascending), and what they moved.
struct ShownMoney {
  flow::Ledger ledger;
  std::vector<flow::AccountId> accounts;
  flow::NetworkMoney money;
};

// Reads only the transactions into or out of the network's accounts. They hold all that
// flow::network_money reads but one thing: whether an exit (an outside account they pay) pays on. An exit
// that pays only accounts outside the network makes no payment here, so the store is asked about the
// exits that seem to keep the money, and only those.
Result<ShownMoney> read_network_money(const storage::ReadView& view, const LinkedStore& linked,
                                      const graph::NetworkSummary& network) {
  ShownMoney shown;
  JALA_TRY_ASSIGN(shown.ledger, view.ledger_of(network_selectors(linked, network)));
  shown.accounts = network_accounts(linked, shown.ledger, network);
  shown.money = flow::network_money(shown.ledger, shown.accounts);
  std::vector<model::Selector> keeping;
  for (const flow::Exit& exit : shown.money.exits) {
    if (!exit.pays_on) keeping.push_back(shown.ledger.account(exit.account));
  }
  if (keeping.empty()) return shown;
  JALA_TRY_ASSIGN(const flow::Ledger theirs, view.ledger_of(keeping));
  for (flow::Exit& exit : shown.money.exits) {
    const std::optional<flow::AccountId> account = theirs.find(shown.ledger.account(exit.account));
    if (account && !theirs.outgoing(*account).empty()) exit.pays_on = true;
  }
  return shown;
}

nlohmann::ordered_json summary_json(const LinkedStore& linked, const graph::NetworkSummary& network) {
  nlohmann::ordered_json reports = nlohmann::ordered_json::array();
  for (const graph::ReportId r : network.reports) reports.push_back(report_ref(linked.input.report(r)));
  nlohmann::ordered_json selectors = nlohmann::ordered_json::array();
  for (const graph::SelectorId s : network.selectors) selectors.push_back(linked.input.selector(s).to_string());
  return {{"id", network.id},
          {"score", network.score},
          {"reports", std::move(reports)},
          {"selectors", std::move(selectors)},
          {"countries", network.countries},
          {"victims", network.victims},
          {"loss_usd", network.loss_usd},
          {"losses_unconverted", network.losses_unconverted},
          {"lure_ads", network.lure_ads},
          {"first_report", format_rfc3339(network.first_report)},
          {"last_report", format_rfc3339(network.last_report)}};
}

std::string hub_label(const LinkedStore& linked, graph::SelectorId s) {
  if (linked.linking.roles[s] == graph::SelectorRole::stray) {
    return fmt::format("stray link, named by {} reports", linked.linking.reports_naming[s]);
  }
  const std::vector<std::string_view> lists = linked.warning_lists.match(linked.input.selector(s));
  return lists.empty() ? fmt::format("hub, named by {} reports", linked.linking.reports_naming[s])
                       : fmt::format("benign: {}", fmt::join(lists, ", "));
}

nlohmann::ordered_json money_json(const flow::Ledger& ledger, std::span<const flow::AccountId> accounts,
                                  const flow::NetworkMoney& money) {
  nlohmann::ordered_json names = nlohmann::ordered_json::array();
  for (const flow::AccountId a : accounts) names.push_back(ledger.account(a).to_string());
  nlohmann::ordered_json exits = nlohmann::ordered_json::array();
  for (const flow::Exit& exit : money.exits) {
    exits.push_back({{"account", ledger.account(exit.account).to_string()},
                     {"usd", exit.usd},
                     {"transactions", exit.transfers},
                     {"pays_on", exit.pays_on}});
  }
  return {{"accounts", std::move(names)},
          {"in_usd", money.in_usd},
          {"in_transactions", money.in_transfers},
          {"out_usd", money.out_usd},
          {"out_transactions", money.out_transfers},
          {"internal_usd", money.internal_usd},
          {"exits", std::move(exits)}};
}

void print_money(const flow::Ledger& ledger, std::span<const flow::AccountId> accounts,
                 const flow::NetworkMoney& money) {
  fmt::print("\nmoney ({} accounts of this network move money)\n", accounts.size());
  if (accounts.empty()) return;
  fmt::print("  in {:.2f} USD in {} transactions, out {:.2f} USD in {}, {:.2f} USD between its own accounts\n",
             money.in_usd, money.in_transfers, money.out_usd, money.out_transfers, money.internal_usd);
  for (const flow::Exit& exit : money.exits) {
    fmt::print("  left to {}  {:.2f} USD in {} transactions ({})\n", ledger.account(exit.account).to_string(), exit.usd,
               exit.transfers, exit.pays_on ? "pays on" : "keeps it: cash-out");
  }
}

}  // namespace

Status networks_command(const Context& context, const NetworksArgs& args) {
  JALA_TRY_ASSIGN(const LinkedStore linked, link_store(context));
  const std::size_t shown = args.top == 0 ? linked.ranked.size() : std::min(args.top, linked.ranked.size());
  if (args.output == Output::json) {
    nlohmann::ordered_json networks = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < shown; ++i) networks.push_back(summary_json(linked, linked.ranked[i]));
    fmt::print("{}\n", nlohmann::ordered_json{{"networks", std::move(networks)}}.dump());
    return {};
  }
  fmt::print("{} networks of two or more reports, from {} reports\n", linked.ranked.size(),
             linked.input.report_count());
  fmt::print("{:>4}  {:<13}  {:>6}  {:>7}  {:>7}  {:>14}  {}\n", "rank", "network", "score", "reports", "victims",
             "loss (USD)", "countries");
  for (std::size_t i = 0; i < shown; ++i) {
    const graph::NetworkSummary& network = linked.ranked[i];
    fmt::print("{:>4}  {:<13}  {:>6.1f}  {:>7}  {:>7}  {:>14.0f}  {}\n", i + 1, network.id, network.score,
               network.reports.size(), network.victims, network.loss_usd, fmt::join(network.countries, " "));
  }
  return {};
}

Status network_show_command(const Context& context, const NetworkShowArgs& args) {
  JALA_TRY_ASSIGN(std::unique_ptr<storage::Store> store, storage::open_store(context.db));
  std::optional<LinkedStore> read;
  const graph::NetworkSummary* found = nullptr;
  ShownMoney shown;
  JALA_TRY(store->read([&](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(read, link_view(view));
    JALA_TRY_ASSIGN(found, find_network(*read, args.id));
    if (!args.graphml) {
      JALA_TRY_ASSIGN(shown, read_network_money(view, *read, *found));
    }
    return {};
  }));
  const LinkedStore& linked = *read;
  const graph::NetworkSummary& network = *found;
  if (args.graphml) {
    fmt::print("{}", graph::network_graphml(linked.input, linked.linking, network));
    return {};
  }
  // For each link, the member reports it joins: together these explain every link of the network.
  std::map<graph::SelectorId, std::vector<graph::ReportId>> joined;
  for (const graph::ReportId r : network.reports) {
    for (const graph::SelectorId s : linked.input.selectors_of(r)) {
      if (linked.linking.roles[s] == graph::SelectorRole::link) joined[s].push_back(r);
    }
  }
  std::vector<graph::ReportId> timeline = network.reports;
  std::stable_sort(timeline.begin(), timeline.end(), [&](graph::ReportId a, graph::ReportId b) {
    return linked.input.report(a).reported_at < linked.input.report(b).reported_at;
  });
  const std::vector<graph::SelectorId> hubs = hubs_named(linked, network);

  if (args.output == Output::json) {
    nlohmann::ordered_json document = summary_json(linked, network);
    nlohmann::ordered_json links = nlohmann::ordered_json::array();
    for (const graph::SelectorId s : network.selectors) {
      nlohmann::ordered_json reports = nlohmann::ordered_json::array();
      for (const graph::ReportId r : joined[s]) reports.push_back(report_ref(linked.input.report(r)));
      links.push_back({{"selector", linked.input.selector(s).to_string()}, {"reports", std::move(reports)}});
    }
    nlohmann::ordered_json timeline_json = nlohmann::ordered_json::array();
    for (const graph::ReportId r : timeline) {
      const graph::ReportFacts& facts = linked.input.report(r);
      nlohmann::ordered_json entry = report_ref(facts);
      entry["reported_at"] = format_rfc3339(facts.reported_at);
      entry["kind"] = model::to_string(facts.kind);
      entry["country"] = facts.country;
      timeline_json.push_back(std::move(entry));
    }
    nlohmann::ordered_json hubs_json = nlohmann::ordered_json::array();
    for (const graph::SelectorId s : hubs) {
      hubs_json.push_back({{"selector", linked.input.selector(s).to_string()}, {"why", hub_label(linked, s)}});
    }
    document["links"] = std::move(links);
    document["timeline"] = std::move(timeline_json);
    document["hubs"] = std::move(hubs_json);
    document["money"] = money_json(shown.ledger, shown.accounts, shown.money);
    fmt::print("{}\n", document.dump());
    return {};
  }
  fmt::print("network {}  score {:.1f}\n", network.id, network.score);
  fmt::print("  {} reports, {} victims, {:.0f} USD lost{}, countries {}\n", network.reports.size(), network.victims,
             network.loss_usd,
             network.losses_unconverted == 0
                 ? ""
                 : fmt::format(" (+{} losses in unlisted currencies)", network.losses_unconverted),
             fmt::join(network.countries, " "));
  fmt::print("  from {} to {}\n", format_rfc3339(network.first_report), format_rfc3339(network.last_report));
  fmt::print("\nlinks (each selector and the reports it joins)\n");
  for (const graph::SelectorId s : network.selectors) {
    std::vector<std::string> names;
    for (const graph::ReportId r : joined[s]) {
      names.push_back(linked.input.report(r).source + " " + linked.input.report(r).id);
    }
    fmt::print("  {}  ({} reports)\n    {}\n", linked.input.selector(s).to_string(), names.size(),
               fmt::join(names, "\n    "));
  }
  if (!hubs.empty()) {
    fmt::print("\nhubs (named here, never a link)\n");
    for (const graph::SelectorId s : hubs) {
      fmt::print("  {}  ({})\n", linked.input.selector(s).to_string(), hub_label(linked, s));
    }
  }
  print_money(shown.ledger, shown.accounts, shown.money);
  fmt::print("\ntimeline\n");
  for (const graph::ReportId r : timeline) {
    const graph::ReportFacts& facts = linked.input.report(r);
    fmt::print("  {}  {} {}  {} ({})\n", format_rfc3339(facts.reported_at), facts.source, facts.id,
               model::to_string(facts.kind), facts.country);
  }
  return {};
}

}  // namespace jala::cli
