#include "jala/analysis/network_detail.h"

#include "jala/analysis/list_cut.h"
#include "jala/analysis/usd_figure.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <limits>
#include <span>
#include <tuple>

namespace jala::analysis {

nlohmann::ordered_json report_ref(const graph::ReportFacts& facts) {
  return {{"source", facts.source}, {"id", facts.id}};
}

namespace {

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

// The money in `ledger` of the network that names `selectors` (network_selectors).
ShownMoney money_in(std::shared_ptr<const flow::Ledger> ledger, std::span<const model::Selector> selectors) {
  ShownMoney shown;
  shown.accounts = network_accounts(*ledger, selectors);
  shown.money = flow::network_money(*ledger, shown.accounts);
  shown.ledger = std::move(ledger);
  return shown;
}

// Reads only the transactions into or out of the network's accounts. They hold all that
// flow::network_money reads but one thing: whether an exit (an outside account they pay) pays on. An exit
// that pays only accounts outside the network makes no payment here, so the store is asked about the
// exits that seem to keep the money, and only those.
Result<ShownMoney> read_network_money(const storage::ReadView& view, const LinkedStore& linked,
                                      const graph::NetworkSummary& network) {
  const std::vector<model::Selector> selectors = network_selectors(linked, network);
  JALA_TRY_ASSIGN(flow::Ledger read, view.ledger_of(selectors));
  ShownMoney shown = money_in(std::make_shared<const flow::Ledger>(std::move(read)), selectors);
  std::vector<model::Selector> keeping;
  for (const flow::Exit& exit : shown.money.exits) {
    if (!exit.pays_on) keeping.push_back(shown.ledger->account(exit.account));
  }
  if (keeping.empty()) return shown;
  JALA_TRY_ASSIGN(const flow::Ledger theirs, view.ledger_of(keeping));
  for (flow::Exit& exit : shown.money.exits) {
    const std::optional<flow::AccountId> account = theirs.find(shown.ledger->account(exit.account));
    if (!account || theirs.outgoing(*account).empty()) continue;
    // As flow::network_money decides: it pays on only with a payment after the network's money first came,
    // in the ledgers' order (time, then source, then id). The network's ledger holds every payment the exit
    // got from it.
    const auto order = [](const flow::Ledger& ledger, flow::TransferId t) {
      return std::tuple(ledger.transfer(t).at.unix_micros, ledger.source(t), ledger.record_id(t));
    };
    const auto first_arrival = order(*shown.ledger, shown.ledger->incoming(exit.account).front());
    if (order(theirs, theirs.outgoing(*account).back()) > first_arrival) exit.pays_on = true;
  }
  return shown;
}

nlohmann::ordered_json money_json(const ShownMoney& shown) {
  nlohmann::ordered_json names = nlohmann::ordered_json::array();
  for (const flow::AccountId a : shown.accounts) names.push_back(shown.ledger->account(a).to_string());
  nlohmann::ordered_json exits = nlohmann::ordered_json::array();
  for (const flow::Exit& exit : shown.money.exits) {
    exits.push_back({{"account", shown.ledger->account(exit.account).to_string()},
                     {"usd", usd_to_the_cent(exit.usd)},
                     {"transactions", exit.transfers},
                     {"pays_on", exit.pays_on}});
  }
  return {{"accounts", std::move(names)},
          {"in_usd", usd_to_the_cent(shown.money.in_usd)},
          {"in_transactions", shown.money.in_transfers},
          {"out_usd", usd_to_the_cent(shown.money.out_usd)},
          {"out_transactions", shown.money.out_transfers},
          {"internal_usd", usd_to_the_cent(shown.money.internal_usd)},
          {"exits", std::move(exits)}};
}

}  // namespace

Result<NetworkDetail> explain_network(const storage::ReadView& view, const LinkedStore& linked,
                                      const graph::NetworkSummary& network,
                                      std::shared_ptr<const flow::Ledger> whole_ledger) {
  NetworkDetail detail;
  for (const graph::ReportId r : network.reports) {
    for (const graph::SelectorId s : linked.input.selectors_of(r)) {
      if (linked.linking.roles[s] == graph::SelectorRole::link) detail.joined[s].push_back(r);
    }
  }
  detail.other_forms = graph::other_forms_among(linked.input, network.selectors);
  detail.timeline = network.reports;
  std::stable_sort(detail.timeline.begin(), detail.timeline.end(), [&](graph::ReportId a, graph::ReportId b) {
    return linked.input.report(a).reported_at < linked.input.report(b).reported_at;
  });
  detail.hubs = hubs_named(linked, network);
  if (whole_ledger) {
    detail.money = money_in(std::move(whole_ledger), network_selectors(linked, network));
  } else {
    JALA_TRY_ASSIGN(detail.money, read_network_money(view, linked, network));
  }
  return detail;
}

std::string hub_label(const LinkedStore& linked, graph::SelectorId selector) {
  // A link written in several forms is judged on the reports that name it in any of them.
  const std::string named =
      linked.input.has_other_forms(selector)
          ? fmt::format("named by {} reports in all its forms", linked.linking.reports_naming_link[selector])
          : fmt::format("named by {} reports", linked.linking.reports_naming[selector]);
  if (linked.linking.roles[selector] == graph::SelectorRole::stray) return "stray link, " + named;
  const std::vector<std::string_view> lists = linked.warning_lists->match(linked.input.selector(selector));
  return lists.empty() ? "hub, " + named : fmt::format("benign: {}", fmt::join(lists, ", "));
}

nlohmann::ordered_json summary_json(const LinkedStore& linked, const graph::NetworkSummary& network,
                                    std::size_t members) {
  nlohmann::ordered_json reports = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < std::min(members, network.reports.size()); ++i) {
    reports.push_back(report_ref(linked.input.report(network.reports[i])));
  }
  nlohmann::ordered_json selectors = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < std::min(members, network.selectors.size()); ++i) {
    selectors.push_back(linked.input.selector(network.selectors[i]).to_string());
  }
  return {{"id", network.id},
          {"score", network.score},
          {"report_count", network.reports.size()},
          {"reports", std::move(reports)},
          {"selector_count", network.selectors.size()},
          {"selectors", std::move(selectors)},
          {"countries", network.countries},
          {"victims", network.victims},
          {"loss_usd", usd_to_the_cent(network.loss_usd)},
          {"losses_unconverted", network.losses_unconverted},
          {"lure_ads", network.lure_ads},
          {"first_report", format_rfc3339(network.first_report)},
          {"last_report", format_rfc3339(network.last_report)},
          {"recent_reports", network.recent_reports},
          {"previous_reports", network.previous_reports}};
}

nlohmann::ordered_json detail_json(const LinkedStore& linked, const graph::NetworkSummary& network,
                                   const NetworkDetail& detail, std::optional<std::size_t> members) {
  constexpr std::size_t k_reports_per_link = 100;
  const std::size_t cap = members.value_or(std::numeric_limits<std::size_t>::max());
  nlohmann::ordered_json document = summary_json(linked, network, cap);
  nlohmann::ordered_json links = nlohmann::ordered_json::array();
  for (const graph::SelectorId s : first_at_most(std::span(network.selectors), cap)) {
    nlohmann::ordered_json reports = nlohmann::ordered_json::array();
    std::size_t joined_count = 0;
    if (const auto joined = detail.joined.find(s); joined != detail.joined.end()) {
      joined_count = joined->second.size();
      for (const graph::ReportId r :
           first_at_most(std::span(joined->second), members ? k_reports_per_link : joined_count)) {
        reports.push_back(report_ref(linked.input.report(r)));
      }
    }
    nlohmann::ordered_json link{{"selector", linked.input.selector(s).to_string()}};
    if (members) link["report_count"] = joined_count;
    link["reports"] = std::move(reports);
    if (const auto forms = detail.other_forms.find(s); forms != detail.other_forms.end()) {
      nlohmann::ordered_json same = nlohmann::ordered_json::array();
      for (const graph::SelectorId other : forms->second) same.push_back(linked.input.selector(other).to_string());
      link["same_link_as"] = std::move(same);
    }
    links.push_back(std::move(link));
  }
  nlohmann::ordered_json timeline = nlohmann::ordered_json::array();
  for (const graph::ReportId r : last_at_most(std::span(detail.timeline), cap)) {
    const graph::ReportFacts& facts = linked.input.report(r);
    nlohmann::ordered_json entry = report_ref(facts);
    entry["reported_at"] = format_rfc3339(facts.reported_at);
    entry["kind"] = model::to_string(facts.kind);
    entry["country"] = facts.country;
    timeline.push_back(std::move(entry));
  }
  nlohmann::ordered_json hubs = nlohmann::ordered_json::array();
  for (const graph::SelectorId s : first_at_most(std::span(detail.hubs), cap)) {
    hubs.push_back({{"selector", linked.input.selector(s).to_string()}, {"why", hub_label(linked, s)}});
  }
  document["links"] = std::move(links);
  document["timeline"] = std::move(timeline);
  if (members) document["hub_count"] = detail.hubs.size();
  document["hubs"] = std::move(hubs);
  document["money"] = money_json(detail.money);
  return document;
}

}  // namespace jala::analysis
