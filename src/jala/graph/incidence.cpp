#include "jala/graph/incidence.h"

#include <limits>

namespace jala::graph {

ReportsBySelector reports_by_selector(const LinkInput& input) {
  constexpr ReportId k_none = std::numeric_limits<ReportId>::max();
  ReportsBySelector inverse;
  inverse.offsets.assign(input.selector_count() + 1, 0);
  inverse.naming_each.assign(input.selector_count(), 0);
  // A report that names two forms of one link is listed under it once: its entries are adjacent, as
  // reports are taken in order.
  std::vector<ReportId> last_listed(input.selector_count(), k_none);
  for (ReportId r = 0; r < input.report_count(); ++r) {
    for (const SelectorId s : input.selectors_of(r)) {
      ++inverse.naming_each[s];
      const SelectorId link = input.link_of(s);
      if (last_listed[link] != r) ++inverse.offsets[link + 1];
      last_listed[link] = r;
    }
  }
  for (std::size_t s = 0; s < input.selector_count(); ++s) inverse.offsets[s + 1] += inverse.offsets[s];
  inverse.reports.resize(inverse.offsets.back());
  std::vector<std::uint32_t> filled(input.selector_count(), 0);
  last_listed.assign(input.selector_count(), k_none);
  for (ReportId r = 0; r < input.report_count(); ++r) {
    for (const SelectorId s : input.selectors_of(r)) {
      const SelectorId link = input.link_of(s);
      if (last_listed[link] != r) inverse.reports[inverse.offsets[link] + filled[link]++] = r;
      last_listed[link] = r;
    }
  }
  return inverse;
}

}  // namespace jala::graph
