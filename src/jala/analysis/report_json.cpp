#include "jala/analysis/report_json.h"

#include "jala/analysis/found_selector_json.h"
#include "jala/analysis/lures.h"

namespace jala::analysis {

nlohmann::json report_json(const model::Report& report, const extract::WarningLists& warning_lists) {
  nlohmann::json document = model::to_json(report);
  for (std::size_t i = 0; i < report.selectors.size(); ++i) {  // a form's selectors carry their marks too
    add_selector_marks(document["selectors"][i], report.selectors[i].selector, warning_lists);
  }
  nlohmann::json found_in_text = nlohmann::json::array();
  for (const model::TextSelector& found : report.text_selectors) {
    const std::string_view raw = std::string_view(report.text).substr(found.start, found.end - found.start);
    found_in_text.push_back(found_selector_json<nlohmann::json>(found.selector, found.start, found.end, raw,
                                                                found.confidence, warning_lists));
  }
  document["text_selectors"] = std::move(found_in_text);
  if (report.assessment) {
    const model::Assessment& assessment = *report.assessment;
    nlohmann::json json = {{"label", assessment.label}, {"scam_score", assessment.scam_score}};
    if (!assessment.category.empty()) json["category"] = assessment.category;
    if (assessment.lure) json["lure"] = nlohmann::json(lure_facts_json(*assessment.lure));
    document["assessment"] = std::move(json);
  }
  return document;
}

}  // namespace jala::analysis
