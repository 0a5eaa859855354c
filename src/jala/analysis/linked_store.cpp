#include "jala/analysis/linked_store.h"

#include <algorithm>

namespace jala::analysis {

Result<LinkedStore> link_view(const storage::ReadView& view,
                              std::shared_ptr<const extract::WarningLists> warning_lists) {
  LinkedStore linked;
  linked.warning_lists = std::move(warning_lists);
  JALA_TRY(update_linked(view, linked));
  return linked;
}

Result<LinkUpdate> update_linked(const storage::ReadView& view, LinkedStore& linked) {
  LinkUpdate update;
  const std::size_t reports_before = linked.input.report_count();
  const std::size_t selectors_before = linked.input.selector_count();
  JALA_TRY_ASSIGN(const bool extended, view.extend_link_input(linked.input, linked.cursor));
  if (!extended) {
    update.read_anew = true;
    linked.input = {};
    linked.cursor = {};
    linked.benign.clear();
    JALA_TRY(view.extend_link_input(linked.input, linked.cursor));
  }
  update.reports_added = linked.input.report_count() - (extended ? reports_before : 0);
  const bool unchanged = extended && update.reports_added == 0 && linked.input.selector_count() == selectors_before;
  if (unchanged && linked.linking.network_of.size() == reports_before) return update;  // linked already
  linked.benign.reserve(linked.input.selector_count());
  for (auto s = static_cast<graph::SelectorId>(linked.benign.size()); s < linked.input.selector_count(); ++s) {
    linked.benign.push_back(!linked.warning_lists->match(linked.input.selector(s)).empty());
  }
  linked.linking = graph::link_reports(linked.input, linked.benign);
  linked.ranked = graph::rank_networks(linked.input, linked.linking);
  return update;
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
  std::sort(selectors.begin(), selectors.end());
  return selectors;
}

std::vector<flow::AccountId> network_accounts(const flow::Ledger& ledger, std::span<const model::Selector> selectors) {
  std::vector<flow::AccountId> accounts;
  for (const model::Selector& selector : selectors) {
    if (const std::optional<flow::AccountId> account = ledger.find(selector)) accounts.push_back(*account);
  }
  return accounts;
}

}  // namespace jala::analysis
