#include "jala/graph/chain.h"

#include <algorithm>
#include <deque>
#include <unordered_map>

namespace jala::graph {

std::optional<Chain> shortest_chain(const LinkInput& input, const Linking& linking,
                                    std::span<const ReportId> members, ReportId from, ReportId to) {
  const auto is_member = [&](ReportId r) { return std::binary_search(members.begin(), members.end(), r); };
  if (!is_member(from) || !is_member(to)) return std::nullopt;
  // The members that name each link in any form, ascending (members are), under the form that stands for it.
  std::unordered_map<SelectorId, std::vector<ReportId>> naming;
  for (const ReportId r : members) {
    for (const SelectorId s : input.selectors_of(r)) {
      if (linking.roles[s] == SelectorRole::link) naming[input.link_of(s)].push_back(r);
    }
  }
  // Breadth-first from `from`: each report reached is remembered with the report and link it came by.
  struct Reached {
    ReportId previous;
    SelectorId via;
  };
  std::unordered_map<ReportId, Reached> reached{{from, {from, 0}}};
  std::deque<ReportId> queue{from};
  while (!queue.empty() && !reached.contains(to)) {
    const ReportId r = queue.front();
    queue.pop_front();
    for (const SelectorId s : input.selectors_of(r)) {
      const auto found = naming.find(input.link_of(s));
      if (found == naming.end()) continue;
      for (const ReportId next : found->second) {
        if (reached.emplace(next, Reached{r, s}).second) queue.push_back(next);
      }
    }
  }
  if (!reached.contains(to)) return std::nullopt;
  // The forms of a step's link that its two reports write: one that both write when there is one.
  const auto forms_written = [&](ReportId before, ReportId after, SelectorId via) {
    const std::span<const SelectorId> by_before = input.selectors_of(before);
    const std::span<const SelectorId> by_after = input.selectors_of(after);
    const auto same_link = [&](SelectorId s) { return input.link_of(s) == input.link_of(via); };
    for (const SelectorId s : by_before) {
      if (same_link(s) && std::find(by_after.begin(), by_after.end(), s) != by_after.end()) return std::pair{s, s};
    }
    return std::pair{via, *std::find_if(by_after.begin(), by_after.end(), same_link)};
  };
  Chain chain;
  for (ReportId r = to; r != from; r = reached.at(r).previous) {
    const auto [named_before, named_after] = forms_written(reached.at(r).previous, r, reached.at(r).via);
    chain.reports.push_back(r);
    chain.selectors.push_back(named_before);
    chain.next_forms.push_back(named_after);
  }
  chain.reports.push_back(from);
  std::reverse(chain.reports.begin(), chain.reports.end());
  std::reverse(chain.selectors.begin(), chain.selectors.end());
  std::reverse(chain.next_forms.begin(), chain.next_forms.end());
  return chain;
}

}  // namespace jala::graph
