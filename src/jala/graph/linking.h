// Linking: reports that share selectors belong to one network. A selector named by two or more reports
// links them, except:
// - benign selectors (on a warning list: platform domains, bank hotlines) never link;
// - hubs never link: a selector named by many reports whose other evidence places them in several
//   established groups, none holding most of them, and which only a few members of each group name (a
//   help-desk number, a shared payment processor: incidental to every operation it touches). A selector
//   central to the groups it touches is no hub, however many: an operation's job site, named by all the
//   lure ads of each of its recruiters, joins the recruiters' groups; its main collector account joins
//   the fragments of its complaints.
// - stray links never link: a rarely named selector that would join two large groups formed by the
//   better supported links (a typo of a hub that two operations happen to share, a reused number): it
//   would chain operations into one network.
// Hubs are found by testing the frequent selectors in order of frequency after the rare ones have
// linked, and tested once more after all links are made; stray links, after that: weak links join groups
// in order of support, most first, and a group they grow large is a core too (a mid-sized operation whose
// own selectors are all weak in a large corpus), so that a chance collision cannot fold it into another.
//
// Pure function; thread-safe.
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <string_view>
#include <vector>

#include "jala/graph/link_input.h"

namespace jala::graph {

struct LinkOptions {
  // A selector named by at least this many reports, or one in `reports_per_candidate_report` of all
  // reports if that is more, is tested as a possible hub.
  std::uint32_t hub_candidate_reports = 10;
  std::uint32_t reports_per_candidate_report = 2500;
  // It is a hub when its reports fall into at least this many established groups (groups of at least
  // `established_group_reports` reports that other evidence has linked)...
  std::uint32_t hub_min_groups = 3;
  std::uint32_t established_group_reports = 3;
  // ...and no one group holds more than this share of its reports in them.
  double hub_max_group_share = 0.5;
  // ...and in the typical (median) group they touch, at most this share of the members name it, read in
  // the groups of at least `coverage_group_reports` reports.
  double hub_max_coverage = 0.25;
  std::uint32_t coverage_group_reports = 10;
  // A selector named by at most this many reports (or by half the scaled candidate threshold, if that is
  // more) is a weak link: it is a stray link, not a link, when it would join two different cores, groups
  // of at least `large_group_reports` that the other links form.
  std::uint32_t weak_link_reports = 6;
  std::uint32_t large_group_reports = 20;
};

enum class SelectorRole : std::uint8_t {
  unshared,  // named by one report or none, and on no warning list
  link,      // joins the reports that name it
  hub,       // named across unrelated groups: shown, never a link
  stray,     // rarely named, yet joining large groups that other links form: shown, never a link
  benign,    // on a warning list: shown, never a link
};

// A hub, a stray link or a benign selector: shared by reports, yet never a link between them. What a
// network's view shows under "hubs", and what it leaves out of the network's own accounts.
std::string_view to_string(SelectorRole role);  // "unshared", "link", "hub", "stray", "benign"

constexpr bool shown_never_linked(SelectorRole role) {
  return role == SelectorRole::hub || role == SelectorRole::stray || role == SelectorRole::benign;
}

inline constexpr std::uint32_t k_no_network = std::numeric_limits<std::uint32_t>::max();

struct Linking {
  std::vector<SelectorRole> roles;              // by selector
  std::vector<std::uint32_t> reports_naming;    // by selector: how many reports name it
  // by selector: how many reports name its link in any form (LinkInput::link_of), which its role is judged on
  std::vector<std::uint32_t> reports_naming_link;
  std::vector<std::uint32_t> network_of;        // by report: its network, or k_no_network when alone
  std::vector<std::vector<ReportId>> networks;  // each of two or more reports, ascending; in order of first report
};

// `benign` holds one flag per selector of `input` (true: on a warning list).
Linking link_reports(const LinkInput& input, const std::vector<bool>& benign, const LinkOptions& options = {});

// The baseline that link_reports is measured against (tests/networks, bench/networks): plain union-find
// over every selector, so any selector two reports name links them, hubs and warning lists included.
Linking link_every_shared_selector(const LinkInput& input);

}  // namespace jala::graph
