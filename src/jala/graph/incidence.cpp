#include "jala/graph/incidence.h"

namespace jala::graph {

ReportsBySelector reports_by_selector(const LinkInput& input) {
  ReportsBySelector inverse;
  inverse.offsets.assign(input.selector_count() + 1, 0);
  for (ReportId r = 0; r < input.report_count(); ++r) {
    for (const SelectorId s : input.selectors_of(r)) ++inverse.offsets[s + 1];
  }
  for (std::size_t s = 0; s < input.selector_count(); ++s) inverse.offsets[s + 1] += inverse.offsets[s];
  inverse.reports.resize(inverse.offsets.back());
  std::vector<std::uint32_t> filled(input.selector_count(), 0);
  for (ReportId r = 0; r < input.report_count(); ++r) {
    for (const SelectorId s : input.selectors_of(r)) inverse.reports[inverse.offsets[s] + filled[s]++] = r;
  }
  return inverse;
}

}  // namespace jala::graph
