#include "jala/graph/linking.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

#include "jala/graph/incidence.h"
#include "jala/graph/union_find.h"

namespace jala::graph {

std::string_view to_string(SelectorRole role) {
  switch (role) {
    case SelectorRole::unshared: return "unshared";
    case SelectorRole::link: return "link";
    case SelectorRole::hub: return "hub";
    case SelectorRole::stray: return "stray";
    case SelectorRole::benign: return "benign";
  }
  return "unshared";
}

namespace {

void unite_all(UnionFind& groups, std::span<const ReportId> reports) {
  for (std::size_t i = 1; i < reports.size(); ++i) groups.unite(reports[0], reports[i]);
}

// Whether the reports that name a selector fall into several established groups, none holding most of
// them, and are few in the typical group (the median share of a group's members that name it): incidental
// to the groups it touches. Reports in smaller groups are left out: nothing else ties them to an
// operation yet.
bool looks_like_hub(UnionFind& groups, std::span<const ReportId> reports, const LinkOptions& options) {
  std::unordered_map<std::uint32_t, std::uint32_t> per_group;
  std::uint32_t linked = 0;
  for (const ReportId r : reports) {
    if (groups.size_of(r) < options.established_group_reports) continue;
    ++per_group[groups.find(r)];
    ++linked;
  }
  if (per_group.size() < options.hub_min_groups) return false;
  // Coverage is read in the groups large enough to show it (one mention in a group of three is a third);
  // when there are none, in all of them.
  std::uint32_t largest = 0;
  std::vector<double> coverage;
  std::vector<double> coverage_in_small;
  for (const auto& [group, count] : per_group) {
    largest = std::max(largest, count);
    const std::uint32_t size = groups.size_of(group);
    (size >= options.coverage_group_reports ? coverage : coverage_in_small)
        .push_back(static_cast<double>(count) / static_cast<double>(size));
  }
  if (coverage.empty()) coverage = std::move(coverage_in_small);
  const auto middle = coverage.begin() + static_cast<std::ptrdiff_t>(coverage.size() / 2);
  std::nth_element(coverage.begin(), middle, coverage.end());
  return static_cast<double>(largest) <= options.hub_max_group_share * static_cast<double>(linked) &&
         *middle <= options.hub_max_coverage;
}

// The groups of two or more reports that `networks` holds, as the networks of `result`.
void collect_networks(UnionFind& networks, Linking& result) {
  const std::size_t reports = networks.size();
  result.network_of.assign(reports, k_no_network);
  std::unordered_map<std::uint32_t, std::uint32_t> network_of_group;
  for (ReportId r = 0; r < reports; ++r) {
    if (networks.size_of(r) < 2) continue;
    const auto [entry, added] =
        network_of_group.emplace(networks.find(r), static_cast<std::uint32_t>(result.networks.size()));
    if (added) result.networks.emplace_back();
    result.networks[entry->second].push_back(r);
    result.network_of[r] = entry->second;
  }
}

}  // namespace

Linking link_reports(const LinkInput& input, const std::vector<bool>& benign, const LinkOptions& options) {
  if (benign.size() != input.selector_count()) {
    throw std::invalid_argument("link_reports: one benign flag per selector");
  }
  Linking result;
  ReportsBySelector inverse = reports_by_selector(input);
  // Typos of hubs recur in proportion to the corpus, so what counts as frequent grows with it.
  const auto scaled = static_cast<std::uint32_t>(input.report_count() / options.reports_per_candidate_report);
  const std::uint32_t candidate_reports = std::max(options.hub_candidate_reports, scaled);
  const std::uint32_t weak_reports = std::max(options.weak_link_reports, scaled / 2);
  result.reports_naming = std::move(inverse.naming_each);
  // Links are judged by the reports that name them in any form (LinkInput::link_of), under the selector
  // that stands for them; their other forms take its role at the end.
  const auto naming_link = [&](SelectorId s) { return inverse.count(s); };

  result.roles.assign(input.selector_count(), SelectorRole::unshared);
  UnionFind groups(input.report_count());
  std::vector<SelectorId> candidates;
  for (SelectorId s = 0; s < input.selector_count(); ++s) {
    const std::uint32_t count = naming_link(s);
    if (benign[s]) {
      // Also when one report names it: a bank's hotline or example.com is no account of that report's
      // network, nor evidence against an account, however few reports name it yet.
      result.roles[s] = SelectorRole::benign;
    } else if (count < 2) {
      continue;  // also every form that does not stand for its link, whose list is empty
    } else if (count < candidate_reports) {
      // Weak links (a few reports) wait until the groups are formed: a typo of a hub would merge them.
      result.roles[s] = SelectorRole::link;
      if (count > weak_reports) unite_all(groups, inverse.of(s));
    } else {
      candidates.push_back(s);
    }
  }
  // Rarer first: a frequent selector is judged on the groups that rarer evidence has already formed.
  std::stable_sort(candidates.begin(), candidates.end(),
                   [&](SelectorId a, SelectorId b) { return naming_link(a) < naming_link(b); });
  std::vector<SelectorId> hubs;
  for (const SelectorId s : candidates) {
    if (looks_like_hub(groups, inverse.of(s), options)) {
      hubs.push_back(s);
    } else {
      result.roles[s] = SelectorRole::link;
      unite_all(groups, inverse.of(s));
    }
  }
  // Once more with every link made: a selector judged too early, while its operation was still in
  // pieces, now finds most of its reports in one group and links them.
  for (const SelectorId s : hubs) {
    if (looks_like_hub(groups, inverse.of(s), options)) {
      result.roles[s] = SelectorRole::hub;
    } else {
      result.roles[s] = SelectorRole::link;
      unite_all(groups, inverse.of(s));
    }
  }

  // Stray links: a rarely named selector that would join two large groups formed by the better supported
  // links (a typo of a hub that two operations happen to share) would chain operations into one network.
  // The well supported links form groups first; the large ones are cores. Weak links then join groups in
  // order of support, most first, unless they would join two different cores; a group they make large
  // becomes a core of its own.
  // Every link named by more than `weak_reports` reports has joined `groups` above, and nothing else has.
  UnionFind networks = std::move(groups);
  std::vector<SelectorId> weak;
  for (SelectorId s = 0; s < input.selector_count(); ++s) {
    if (result.roles[s] == SelectorRole::link && naming_link(s) <= weak_reports) weak.push_back(s);
  }
  std::vector<std::uint32_t> core(input.report_count(), k_no_network);  // by group root
  for (ReportId r = 0; r < input.report_count(); ++r) {
    if (networks.size_of(r) >= options.large_group_reports) core[networks.find(r)] = networks.find(r);
  }
  std::stable_sort(weak.begin(), weak.end(),
                   [&](SelectorId a, SelectorId b) { return naming_link(a) > naming_link(b); });
  for (const SelectorId s : weak) {
    std::uint32_t joined_core = k_no_network;
    bool conflict = false;
    for (const ReportId r : inverse.of(s)) {
      const std::uint32_t here = core[networks.find(r)];
      if (here == k_no_network) continue;
      conflict = conflict || (joined_core != k_no_network && here != joined_core);
      joined_core = here;
    }
    if (conflict) {
      result.roles[s] = SelectorRole::stray;
      continue;
    }
    const std::span<const ReportId> reports = inverse.of(s);
    for (std::size_t i = 1; i < reports.size(); ++i) networks.unite(reports[0], reports[i]);
    const std::uint32_t root = networks.find(reports[0]);
    if (joined_core != k_no_network) {
      core[root] = joined_core;
    } else if (networks.size_of(root) >= options.large_group_reports) {
      core[root] = root;  // grown large by the better supported weak links: a core of its own now
    }
  }

  result.reports_naming_link.resize(input.selector_count());
  for (SelectorId s = 0; s < input.selector_count(); ++s) {
    result.reports_naming_link[s] = naming_link(input.link_of(s));
    if (input.link_of(s) != s && !benign[s]) result.roles[s] = result.roles[input.link_of(s)];
  }
  collect_networks(networks, result);
  return result;
}

Linking link_every_shared_selector(const LinkInput& input) {
  Linking result;
  result.reports_naming.assign(input.selector_count(), 0);
  result.roles.assign(input.selector_count(), SelectorRole::unshared);
  std::vector<ReportId> first_naming(input.selector_count(), k_no_network);
  UnionFind networks(input.report_count());
  for (ReportId r = 0; r < input.report_count(); ++r) {
    for (const SelectorId s : input.selectors_of(r)) {
      if (++result.reports_naming[s] == 2) result.roles[s] = SelectorRole::link;
      if (first_naming[s] == k_no_network) {
        first_naming[s] = r;
      } else {
        networks.unite(first_naming[s], r);
      }
    }
  }
  result.reports_naming_link = result.reports_naming;
  collect_networks(networks, result);
  return result;
}

}  // namespace jala::graph
