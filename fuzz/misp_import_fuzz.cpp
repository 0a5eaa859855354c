// The MISP event importer over arbitrary bytes: it must return reports or an error, never crash, and
// every report it returns must be valid and without repeated selectors.
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string_view>

#include "jala/share/misp_import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  jala::share::ImportOptions options;
  options.default_country = "VN";
  options.limits.max_values = 100'000;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto imported = jala::share::import_misp(bytes, options);
  if (!imported.ok()) return 0;
  for (const jala::share::ImportedReport& report : imported->reports) {
    if (!report.report.ok()) continue;
    if (!jala::model::validate(*report.report).ok()) std::abort();
    std::set<jala::model::Selector> seen;
    for (const jala::model::ReportSelector& selector : report.report->selectors) {
      if (!seen.insert(selector.selector).second) std::abort();
    }
  }
  return 0;
}
