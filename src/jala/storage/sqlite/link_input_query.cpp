#include "jala/storage/sqlite/link_input_query.h"

#include <algorithm>

#include "jala/storage/sqlite/statement.h"

namespace jala::storage::sqlite {
namespace {

constexpr graph::SelectorId k_unknown = UINT32_MAX;

// Selector keys to dense ids; keys are SQLite row ids, so a vector indexed by key is compact.
Result<std::vector<graph::SelectorId>> read_selectors(sqlite3* db, graph::LinkInput& input) {
  JALA_TRY_ASSIGN(Statement scan,
                  Statement::prepare(db, "SELECT selector_key, type, value FROM selectors ORDER BY selector_key"));
  std::vector<graph::SelectorId> ids;
  while (true) {
    JALA_TRY_ASSIGN(const bool row, scan.step());
    if (!row) break;
    const auto key = static_cast<std::size_t>(scan.column_int(0));
    JALA_TRY_ASSIGN(const model::SelectorType type, model::parse_selector_type(scan.column_text(1)));
    if (key >= ids.size()) ids.resize(key + 1, k_unknown);
    ids[key] = input.add_selector({type, std::string(scan.column_text(2))});
  }
  return ids;
}

}  // namespace

Result<graph::LinkInput> read_link_input(sqlite3* db) {
  graph::LinkInput input;
  JALA_TRY_ASSIGN(const std::vector<graph::SelectorId> ids, read_selectors(db, input));
  JALA_TRY_ASSIGN(Statement reports, Statement::prepare(db,
                                                        "SELECT report_key, source, source_id, kind, country, "
                                                        "victim_country, reported_at, loss_amount, loss_currency,"
                                                        " tlp FROM reports ORDER BY report_key"));
  JALA_TRY_ASSIGN(Statement links,
                  Statement::prepare(db, "SELECT report_key, selector_key FROM report_selectors ORDER BY report_key"));
  JALA_TRY_ASSIGN(bool link_row, links.step());
  std::vector<graph::SelectorId> named;
  while (true) {
    JALA_TRY_ASSIGN(const bool row, reports.step());
    if (!row) break;
    const std::int64_t report_key = reports.column_int(0);
    graph::ReportFacts facts;
    facts.source = reports.column_text(1);
    facts.id = reports.column_text(2);
    JALA_TRY_ASSIGN(facts.kind, model::parse_report_kind(reports.column_text(3)));
    facts.country = reports.column_text(4);
    facts.victim_country = reports.column_text(5);
    facts.reported_at = Timestamp{reports.column_int(6)};
    if (!reports.column_is_null(7)) {
      facts.loss = model::Money{reports.column_double(7), std::string(reports.column_text(8))};
    }
    JALA_TRY_ASSIGN(facts.tlp, model::parse_tlp(reports.column_text(9)));
    named.clear();
    while (link_row && links.column_int(0) <= report_key) {
      if (links.column_int(0) == report_key) {
        const auto key = static_cast<std::size_t>(links.column_int(1));
        if (key >= ids.size() || ids[key] == k_unknown) {
          return data_loss("report {} names a missing selector", report_key);
        }
        named.push_back(ids[key]);
      }
      JALA_TRY_ASSIGN(link_row, links.step());
    }
    std::sort(named.begin(), named.end());
    named.erase(std::unique(named.begin(), named.end()), named.end());
    input.add_report(std::move(facts), named);
  }
  return input;
}

}  // namespace jala::storage::sqlite
