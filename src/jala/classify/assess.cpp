#include "jala/classify/assess.h"

#include <cmath>
#include <vector>

#include "jala/classify/lure_facts.h"
#include "jala/model/text.h"

namespace jala::classify {

std::optional<model::Assessment> assess(const Model& model, const model::Report& report) {
  if (report.withdrawn || model::trim_ascii_space(report.text).empty()) return std::nullopt;
  std::vector<model::Selector> found;
  found.reserve(report.text_selectors.size());
  for (const model::TextSelector& text_selector : report.text_selectors) found.push_back(text_selector.selector);
  const Prediction prediction = model.predict(featurize(report.text, found, false), false);
  model::Assessment assessment;
  assessment.label = to_string(prediction.label);
  if (prediction.category) assessment.category = to_string(*prediction.category);
  // Four decimals: what a person reads, and the same from every compiler's floating point.
  assessment.scam_score = std::round(prediction.scam_score * 1e4) / 1e4;
  if (prediction.category == Category::job_lure || report.kind == model::ReportKind::lure_ad) {
    assessment.lure = lure_facts(report.text);
  }
  return assessment;
}

}  // namespace jala::classify
