// One stored report as `jala report show --json` prints it and GET /api/v1/reports/SOURCE/ID answers it:
// the record (model/report.h), each selector found in its text with its span, raw text, confidence and
// marks (analysis/found_selector_json.h), and the classifier's assessment with its lure facts, if any.
#pragma once

#include <nlohmann/json.hpp>

#include "jala/extract/warninglist.h"
#include "jala/model/report.h"

namespace jala::analysis {

nlohmann::json report_json(const model::Report& report, const extract::WarningLists& warning_lists);

}  // namespace jala::analysis
