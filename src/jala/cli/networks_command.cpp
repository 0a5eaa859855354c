// jala networks and jala network show: link the store's reports into networks (graph/linking.h), rank
// them (graph/ranking.h), and explain each one: its members, the selectors that link them and the
// reports each one joins, its hubs, countries and timeline, the money its accounts moved
// (flow/network_money.h), and the shortest chain of links between any two members (graph/chain.h).
#include <fmt/ranges.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "jala/analysis/network_detail.h"
#include "jala/cli/commands.h"
#include "jala/cli/linked_store.h"
#include "jala/graph/chain.h"
#include "jala/graph/graphml.h"

namespace jala::cli {
namespace {

void print_money(const analysis::ShownMoney& shown) {
  const flow::Ledger& ledger = *shown.ledger;
  const std::vector<flow::AccountId>& accounts = shown.accounts;
  const flow::NetworkMoney& money = shown.money;
  fmt::print("\nmoney ({} accounts of this network move money)\n", accounts.size());
  if (accounts.empty()) return;
  fmt::print("  in {:.2f} USD in {} transactions, out {:.2f} USD in {}, {:.2f} USD between its own accounts\n",
             money.in_usd, money.in_transfers, money.out_usd, money.out_transfers, money.internal_usd);
  for (const flow::Exit& exit : money.exits) {
    fmt::print("  left to {}  {:.2f} USD in {} transactions ({})\n", ledger.account(exit.account).to_string(), exit.usd,
               exit.transfers, exit.pays_on ? "pays on" : "keeps it: cash-out");
  }
}

// The member of `network` with this source and id, or an error naming it.
Result<graph::ReportId> find_member(const analysis::LinkedStore& linked, const graph::NetworkSummary& network,
                                    const std::string& source, const std::string& id) {
  for (const graph::ReportId r : network.reports) {
    if (linked.input.report(r).source == source && linked.input.report(r).id == id) return r;
  }
  return not_found("--chain: report {} {} is not in network {}", source, id, network.id);
}

Status print_chain(const analysis::LinkedStore& linked, const graph::NetworkSummary& network,
                   const std::vector<std::string>& ends, Output output) {
  JALA_TRY_ASSIGN(const graph::ReportId from, find_member(linked, network, ends[0], ends[1]));
  JALA_TRY_ASSIGN(const graph::ReportId to, find_member(linked, network, ends[2], ends[3]));
  const std::optional<graph::Chain> chain =
      graph::shortest_chain(linked.input, linked.linking, network.reports, from, to);
  if (!chain) return internal_error("no chain of links joins two members of network {}", network.id);
  const auto report_name = [&](graph::ReportId r) {
    return linked.input.report(r).source + " " + linked.input.report(r).id;
  };
  if (output == Output::json) {
    nlohmann::ordered_json steps = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < chain->reports.size(); ++i) {
      nlohmann::ordered_json step{{"report", analysis::report_ref(linked.input.report(chain->reports[i]))}};
      if (i < chain->selectors.size()) {
        step["via"] = linked.input.selector(chain->selectors[i]).to_string();
        if (chain->next_forms[i] != chain->selectors[i]) {
          step["next_writes_it"] = linked.input.selector(chain->next_forms[i]).to_string();
        }
      }
      steps.push_back(std::move(step));
    }
    fmt::print("{}\n", nlohmann::ordered_json{{"network", network.id}, {"chain", std::move(steps)}}.dump());
    return {};
  }
  fmt::print("{} and {} are joined by {} link{} in network {}\n", report_name(from), report_name(to),
             chain->selectors.size(), chain->selectors.size() == 1 ? "" : "s", network.id);
  for (std::size_t i = 0; i < chain->reports.size(); ++i) {
    fmt::print("  {}\n", report_name(chain->reports[i]));
    if (i < chain->selectors.size()) {
      fmt::print(
          "    named with the next: {}{}\n", linked.input.selector(chain->selectors[i]).to_string(),
          chain->next_forms[i] == chain->selectors[i]
              ? ""
              : fmt::format(" (the next writes it {})", linked.input.selector(chain->next_forms[i]).to_string()));
    }
  }
  return {};
}

}  // namespace

Status networks_command(const Context& context, const NetworksArgs& args) {
  JALA_TRY_ASSIGN(const analysis::LinkedStore linked, link_store(context));
  const std::size_t shown = args.top == 0 ? linked.ranked.size() : std::min(args.top, linked.ranked.size());
  if (args.output == Output::json) {
    nlohmann::ordered_json networks = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < shown; ++i) networks.push_back(analysis::summary_json(linked, linked.ranked[i]));
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
  JALA_TRY_ASSIGN(std::unique_ptr<storage::Store> store, open_existing_store(context));
  std::optional<analysis::LinkedStore> read;
  const graph::NetworkSummary* found = nullptr;
  analysis::NetworkDetail detail;
  JALA_TRY(store->read([&](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(read, link_view(view));
    JALA_TRY_ASSIGN(found, analysis::find_network(*read, args.id));
    if (!args.graphml && args.chain.empty()) {
      JALA_TRY_ASSIGN(detail, analysis::explain_network(view, *read, *found));
    }
    return {};
  }));
  const analysis::LinkedStore& linked = *read;
  const graph::NetworkSummary& network = *found;
  if (args.graphml) {
    fmt::print("{}", graph::network_graphml(linked.input, linked.linking, network));
    return {};
  }
  if (!args.chain.empty()) return print_chain(linked, network, args.chain, args.output);
  if (args.output == Output::json) {
    fmt::print("{}\n", analysis::detail_json(linked, network, detail).dump());
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
    for (const graph::ReportId r : detail.joined[s]) {
      names.push_back(linked.input.report(r).source + " " + linked.input.report(r).id);
    }
    std::string same;
    if (const auto forms = detail.other_forms.find(s); forms != detail.other_forms.end()) {
      std::vector<std::string> others;
      for (const graph::SelectorId other : forms->second) others.push_back(linked.input.selector(other).to_string());
      same = fmt::format("  the same link as {}", fmt::join(others, ", "));
    }
    fmt::print("  {}  ({} reports){}\n    {}\n", linked.input.selector(s).to_string(), names.size(), same,
               fmt::join(names, "\n    "));
  }
  if (!detail.hubs.empty()) {
    fmt::print("\nhubs (named here, never a link)\n");
    for (const graph::SelectorId s : detail.hubs) {
      fmt::print("  {}  ({})\n", linked.input.selector(s).to_string(), analysis::hub_label(linked, s));
    }
  }
  print_money(detail.money);
  fmt::print("\ntimeline\n");
  for (const graph::ReportId r : detail.timeline) {
    const graph::ReportFacts& facts = linked.input.report(r);
    fmt::print("  {}  {} {}  {} ({})\n", format_rfc3339(facts.reported_at), facts.source, facts.id,
               model::to_string(facts.kind), facts.country);
  }
  return {};
}

}  // namespace jala::cli
