// What the STIX and MISP importers share: their options, their result, and the steps that turn what a
// foreign document says into a valid model::Report (the selectors gathered without repeats and within
// the report's limit, the text within its limit, the reporting country).
//
// Importers read untrusted bytes: one bad report is an error of that report, never of the document,
// and a value that does not normalise is counted and left out, never guessed.
// Pure functions and value types; thread-compatible.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "jala/base/json_input.h"
#include "jala/base/result.h"
#include "jala/model/report.h"

namespace jala::share {

struct ImportOptions {
  // The agency and its country for reports whose document does not name them (a STIX report without
  // an author, every MISP event that does not state its organisation's nationality). When the country
  // is empty, such reports are errors.
  std::string default_source;
  std::string default_country;
  // The time of reports whose document states none (STIX observables outside any container); a TAXII
  // client gives the envelope's date_added. When absent, such reports are errors.
  std::optional<Timestamp> default_time;
  JsonLimits limits;
  std::size_t max_objects = 200'000;  // STIX objects, or MISP events plus their attributes and objects
};

// One report of a document: `origin` names what it came from (a STIX id, a MISP event uuid), for
// errors.
struct ImportedReport {
  std::string origin;
  Result<model::Report> report;
};

struct DocumentImport {
  std::vector<ImportedReport> reports;
  std::size_t objects = 0;            // objects (or events and attributes) read
  std::size_t skipped_objects = 0;    // with nothing Jala models, or not objects at all
  std::size_t invalid_selectors = 0;  // observables of a type Jala models whose value did not normalise
  std::vector<std::string> left_out;  // the first k_max_listed_left_out of them: "ORIGIN: why"
  std::size_t dropped_selectors = 0;  // past a report's limit of selectors
};

inline constexpr std::size_t k_max_listed_left_out = 100;

// The distinct selectors of one report, in the order first met, at most
// model::k_max_selectors_per_report. A value that does not normalise is counted and named, with
// `origin` (the report's STIX id or MISP event), in the document's `left_out`.
class SelectorCollector {
 public:
  SelectorCollector(DocumentImport& counts, std::string origin) : m_counts(counts), m_origin(std::move(origin)) {}
  void add(Result<model::ReportSelector> selector);
  std::vector<model::ReportSelector> take() { return std::move(m_selectors); }
  bool empty() const { return m_selectors.empty(); }

 private:
  DocumentImport& m_counts;
  std::string m_origin;
  std::set<model::Selector> m_seen;
  std::vector<model::ReportSelector> m_selectors;
};

// A selector from a raw value of a known type, keeping the raw value.
Result<model::ReportSelector> normalise_report_selector(model::SelectorType type, std::string_view raw,
                                                        const model::NormaliseContext& context);

// Appends a paragraph to a report's text, cut on a UTF-8 boundary at the text limit.
void append_text(std::string& text, std::string_view paragraph);

// The reporting country: what the document states, if it parses, else the default, else an error that
// says how to give one.
Result<std::string> import_country(std::optional<std::string_view> stated, const ImportOptions& options);

// The source: what the document states, else the default, else `fallback`; cut to the identifier limit.
std::string import_source(std::optional<std::string_view> stated, const ImportOptions& options,
                          std::string_view fallback);

}  // namespace jala::share
