// The reports that name each link, in any of its forms (LinkInput::link_of), listed under the selector
// that stands for it (the other forms' lists are empty): the inverse of LinkInput's adjacency, as one
// flat list, each report once per link.
// Internal to jala::graph. Value type; thread-compatible.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "jala/graph/link_input.h"

namespace jala::graph {

struct ReportsBySelector {
  std::vector<std::uint32_t> offsets;
  std::vector<ReportId> reports;
  std::vector<std::uint32_t> naming_each;  // by selector: the reports that name it in its own form

  std::span<const ReportId> of(SelectorId selector) const {
    return std::span(reports).subspan(offsets[selector], offsets[selector + 1] - offsets[selector]);
  }
  std::uint32_t count(SelectorId selector) const { return offsets[selector + 1] - offsets[selector]; }
};

ReportsBySelector reports_by_selector(const LinkInput& input);

}  // namespace jala::graph
