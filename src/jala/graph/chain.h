// Why two reports are in one network: the shortest chain of links that joins them. Each step is a
// selector with the role `link` that both the report before it and the report after it name, each in
// its form (LinkInput::link_of: a URL bare or with https://); a chain of n links passes n - 1 reports in
// between. `jala network show ID --chain` prints it.
//
// Pure function; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "jala/graph/link_input.h"
#include "jala/graph/linking.h"

namespace jala::graph {

struct Chain {
  std::vector<ReportId> reports;      // from the first report to the last
  std::vector<SelectorId> selectors;  // selectors[i] joins reports[i] and reports[i + 1], as reports[i] names it
  std::vector<SelectorId> next_forms;  // next_forms[i]: the same link as reports[i + 1] names it
};

// The shortest chain from `from` to `to` through the reports of `members` (ascending), or nothing when
// none joins them there. Among chains of one length, the one whose steps come first in id order.
std::optional<Chain> shortest_chain(const LinkInput& input, const Linking& linking,
                                    std::span<const ReportId> members, ReportId from, ReportId to);

}  // namespace jala::graph
