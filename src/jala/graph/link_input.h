// What linking reads: every report with the facts ranking needs, and the distinct selectors it names
// (from its form and its text), as a compact adjacency list. The store fills it in one pass
// (storage::ReadView::link_input()); tests and benchmarks build it directly.
//
// Value type; thread-compatible.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "jala/base/huge_pages.h"
#include "jala/base/time.h"
#include "jala/model/report.h"
#include "jala/model/tlp.h"

namespace jala::graph {

using ReportId = std::uint32_t;    // index into LinkInput::reports
using SelectorId = std::uint32_t;  // index into LinkInput::selectors

struct ReportFacts {
  std::string source;
  std::string id;
  model::ReportKind kind = model::ReportKind::other;
  std::string country;
  std::string victim_country;
  Timestamp reported_at;
  std::optional<model::Money> loss;
  model::Tlp tlp = model::k_default_tlp;  // how far the report may be shared
};

class LinkInput {
 public:
  // Adds a selector and returns its id; the caller keeps selectors distinct.
  SelectorId add_selector(model::Selector selector);
  // Adds a report naming `selectors` (distinct ids of added selectors).
  ReportId add_report(ReportFacts facts, std::span<const SelectorId> selectors);

  std::size_t report_count() const { return m_reports.size(); }
  std::size_t selector_count() const { return m_selectors.size(); }
  const ReportFacts& report(ReportId id) const { return m_reports[id]; }
  const model::Selector& selector(SelectorId id) const { return m_selectors[id]; }
  // The selector that stands for the link `id` is a form of: selectors with one link key (model::link_key:
  // a URL bare, read as http://, and with https://) are one link,
  // and the form added first stands for it; every other selector stands for itself. Linking judges and
  // joins the reports of all of a link's forms together, while each report names the form it wrote.
  SelectorId link_of(SelectorId id) const { return m_link_of[id]; }
  // Whether the link `id` is a form of has other forms added.
  bool has_other_forms(SelectorId id) const { return m_with_other_forms[m_link_of[id]]; }
  std::span<const SelectorId> selectors_of(ReportId id) const {
    return std::span(m_selector_ids).subspan(m_offsets[id], m_offsets[id + 1] - m_offsets[id]);
  }

 private:
  // In huge pages (base/huge_pages.h): linking reads them at random.
  base::HugePageVector<model::Selector> m_selectors;
  base::HugePageVector<ReportFacts> m_reports;
  base::HugePageVector<std::uint32_t> m_offsets{0};
  base::HugePageVector<SelectorId> m_selector_ids;
  base::HugePageVector<SelectorId> m_link_of;
  std::unordered_map<std::string, SelectorId> m_links_by_key;   // the first form added of each link key
  std::vector<bool> m_with_other_forms;                         // by selector: a link added in more than one form
};

// The forms of one link among `selectors`: for each selector whose link has another form there, those
// other forms, ascending. What a network's views say of its links written in several forms.
std::map<SelectorId, std::vector<SelectorId>> other_forms_among(const LinkInput& input,
                                                                std::span<const SelectorId> selectors);

}  // namespace jala::graph
