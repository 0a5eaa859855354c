#include "jala/graph/link_input.h"

#include <algorithm>
#include <iterator>
#include <stdexcept>

namespace jala::graph {

SelectorId LinkInput::add_selector(model::Selector selector) {
  const auto id = static_cast<SelectorId>(m_selectors.size());
  SelectorId link = id;
  if (const std::string_view key = model::link_key(selector); !key.empty()) {
    link = m_links_by_key.emplace(key, id).first->second;
    if (link != id) m_with_other_forms[link] = true;
  }
  m_selectors.push_back(std::move(selector));
  m_link_of.push_back(link);
  m_with_other_forms.push_back(false);
  return id;
}

ReportId LinkInput::add_report(ReportFacts facts, std::span<const SelectorId> selectors) {
  for (const SelectorId id : selectors) {
    if (id >= m_selectors.size()) throw std::out_of_range("LinkInput: a report names an unknown selector");
  }
  m_reports.push_back(std::move(facts));
  m_selector_ids.insert(m_selector_ids.end(), selectors.begin(), selectors.end());
  m_offsets.push_back(static_cast<std::uint32_t>(m_selector_ids.size()));
  return static_cast<ReportId>(m_reports.size() - 1);
}

std::map<SelectorId, std::vector<SelectorId>> other_forms_among(const LinkInput& input,
                                                                std::span<const SelectorId> selectors) {
  std::map<SelectorId, std::vector<SelectorId>> forms_of_link;
  for (const SelectorId s : selectors) {
    if (input.has_other_forms(s)) forms_of_link[input.link_of(s)].push_back(s);
  }
  std::map<SelectorId, std::vector<SelectorId>> others;
  for (auto& [link, forms] : forms_of_link) {
    if (forms.size() < 2) continue;
    std::sort(forms.begin(), forms.end());
    for (const SelectorId s : forms) {
      std::copy_if(forms.begin(), forms.end(), std::back_inserter(others[s]), [&](SelectorId f) { return f != s; });
    }
  }
  return others;
}

}  // namespace jala::graph
