#include "jala/analysis/linked_store.h"

#include <algorithm>

namespace jala::analysis {

Result<LinkedStore> link_view(const storage::ReadView& view,
                              std::shared_ptr<const extract::WarningLists> warning_lists) {
  LinkedStore linked;
  linked.warning_lists = std::move(warning_lists);
  JALA_TRY_ASSIGN(linked.input, view.link_input());
  std::vector<bool> benign(linked.input.selector_count());
  for (graph::SelectorId s = 0; s < benign.size(); ++s) {
    benign[s] = !linked.warning_lists->match(linked.input.selector(s)).empty();
  }
  linked.linking = graph::link_reports(linked.input, benign);
  linked.ranked = graph::rank_networks(linked.input, linked.linking);
  return linked;
}

Result<const graph::NetworkSummary*> find_network(const LinkedStore& linked, std::string_view id) {
  const auto found = std::find_if(linked.ranked.begin(), linked.ranked.end(),
                                  [&](const graph::NetworkSummary& network) { return network.id == id; });
  if (found == linked.ranked.end()) return not_found("no network {}; `jala networks` lists them", id);
  return &*found;
}

std::vector<model::Selector> network_selectors(const LinkedStore& linked, const graph::NetworkSummary& network) {
  std::vector<graph::SelectorId> named;
  for (const graph::ReportId r : network.reports) {
    for (const graph::SelectorId s : linked.input.selectors_of(r)) {
      if (!graph::shown_never_linked(linked.linking.roles[s])) named.push_back(s);
    }
  }
  std::sort(named.begin(), named.end());
  named.erase(std::unique(named.begin(), named.end()), named.end());
  std::vector<model::Selector> selectors;
  selectors.reserve(named.size());
  for (const graph::SelectorId s : named) selectors.push_back(linked.input.selector(s));
  return selectors;
}

std::vector<flow::AccountId> network_accounts(const LinkedStore& linked, const flow::Ledger& ledger,
                                              const graph::NetworkSummary& network) {
  std::vector<flow::AccountId> accounts;
  for (const model::Selector& selector : network_selectors(linked, network)) {
    if (const std::optional<flow::AccountId> account = ledger.find(selector)) accounts.push_back(*account);
  }
  std::sort(accounts.begin(), accounts.end());  // distinct selectors: distinct accounts
  return accounts;
}

}  // namespace jala::analysis
