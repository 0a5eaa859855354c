#include "jala/analysis/report_json.h"

#include "jala/analysis/found_selector_json.h"

namespace jala::analysis {

nlohmann::json report_json(const model::Report& report, const extract::WarningLists& warning_lists) {
  nlohmann::json document = model::to_json(report);
  nlohmann::json found_in_text = nlohmann::json::array();
  for (const model::TextSelector& found : report.text_selectors) {
    const std::string_view raw = std::string_view(report.text).substr(found.start, found.end - found.start);
    found_in_text.push_back(found_selector_json<nlohmann::json>(found.selector, found.start, found.end, raw,
                                                                found.confidence, warning_lists));
  }
  document["text_selectors"] = std::move(found_in_text);
  return document;
}

}  // namespace jala::analysis
