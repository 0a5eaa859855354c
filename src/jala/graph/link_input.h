// What linking reads: every report with the facts ranking needs, and the distinct selectors it names
// (from its form and its text), as a compact adjacency list. The store fills it in one pass
// (storage::ReadView::link_input()); tests and benchmarks build it directly.
//
// Value type; thread-compatible.
#pragma once

#include <cstdint>
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
  // Adds a selector and returns its id; the caller keeps selectors distinct. A URL whose web address
  // (model::web_address_of) was added under the other scheme is that selector: the same link pasted as
  // http://, https:// or bare links alike, and the first form added names it.
  SelectorId add_selector(model::Selector selector);
  // Adds a report naming `selectors` (distinct ids of added selectors).
  ReportId add_report(ReportFacts facts, std::span<const SelectorId> selectors);

  std::size_t report_count() const { return m_reports.size(); }
  std::size_t selector_count() const { return m_selectors.size(); }
  const ReportFacts& report(ReportId id) const { return m_reports[id]; }
  const model::Selector& selector(SelectorId id) const { return m_selectors[id]; }
  std::span<const SelectorId> selectors_of(ReportId id) const {
    return std::span(m_selector_ids).subspan(m_offsets[id], m_offsets[id + 1] - m_offsets[id]);
  }

 private:
  // In huge pages (base/huge_pages.h): linking reads them at random.
  base::HugePageVector<model::Selector> m_selectors;
  base::HugePageVector<ReportFacts> m_reports;
  base::HugePageVector<std::uint32_t> m_offsets{0};
  base::HugePageVector<SelectorId> m_selector_ids;
  std::unordered_map<std::string, SelectorId> m_web_addresses;  // of the URLs added, by web address
};

}  // namespace jala::graph
