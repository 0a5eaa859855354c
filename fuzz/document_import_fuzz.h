// Drives a document importer (STIX or MISP) over fuzzer input: it must return reports or an error,
// never crash, and every report it returns must be valid, within the selector limit and without
// repeated selectors. Shared by fuzz_stix_import and fuzz_misp_import.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string_view>

#include "jala/model/report.h"
#include "jala/share/import_common.h"

template <typename Importer>
void import_every_report(Importer import, const std::uint8_t* data, std::size_t size) {
  jala::share::ImportOptions options;
  options.default_country = "VN";
  options.limits.max_values = 100'000;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto imported = import(bytes, options);
  if (!imported.ok()) return;
  for (const jala::share::ImportedReport& report : imported->reports) {
    if (!report.report.ok()) continue;
    if (!jala::model::validate(*report.report).ok()) std::abort();
    std::set<jala::model::Selector> seen;
    for (const jala::model::ReportSelector& selector : report.report->selectors) {
      if (!seen.insert(selector.selector).second) std::abort();
    }
  }
}
