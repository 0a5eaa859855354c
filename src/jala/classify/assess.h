// A report's assessment at intake (model/assessment.h): the model's label, scam category and score for
// its text, from the selectors extraction already found there, and the lure facts (lure_facts.h) of a
// job lure or a lure ad. Pure function of the model and the report; thread-safe.
#pragma once

#include <optional>

#include "jala/classify/model.h"
#include "jala/model/assessment.h"
#include "jala/model/report.h"

namespace jala::classify {

// nullopt for a report without text.
std::optional<model::Assessment> assess(const Model& model, const model::Report& report);

}  // namespace jala::classify
