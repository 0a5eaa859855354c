#include "jala/storage/sqlite/link_input_query.h"

#include <algorithm>

#include "jala/storage/sqlite/statement.h"

namespace jala::storage::sqlite {
namespace {

constexpr graph::SelectorId k_unknown = UINT32_MAX;

// Whether a report the graph holds was stored again after the cursor's read: its log entry is newer.
Result<bool> read_report_changed(sqlite3* db, const LinkInputCursor& cursor) {
  JALA_TRY_ASSIGN(Statement changed,
                  Statement::prepare(db, "SELECT 1 FROM reports WHERE leaf_index >= ? AND report_key <= ? LIMIT 1"));
  changed.bind(1, static_cast<std::int64_t>(cursor.log_size)).bind(2, cursor.last_report_key);
  return changed.step();
}

// The selectors added since the cursor's read, in key order; `ids` maps every key to its dense id.
// Keys are SQLite row ids, which only grow, so a vector indexed by key is compact.
Status read_selectors(sqlite3* db, graph::LinkInput& input, std::vector<graph::SelectorId>& ids) {
  JALA_TRY_ASSIGN(Statement scan, Statement::prepare(db,
                                                     "SELECT selector_key, type, value FROM selectors"
                                                     " WHERE selector_key >= ? ORDER BY selector_key"));
  scan.bind(1, static_cast<std::int64_t>(ids.size()));
  while (true) {
    JALA_TRY_ASSIGN(const bool row, scan.step());
    if (!row) break;
    const auto key = static_cast<std::size_t>(scan.column_int(0));
    JALA_TRY_ASSIGN(const model::SelectorType type, model::parse_selector_type(scan.column_text(1)));
    if (key >= ids.size()) ids.resize(key + 1, k_unknown);
    ids[key] = input.add_selector({type, std::string(scan.column_text(2))});
  }
  return {};
}

// The reports added since the cursor's read, in key order, with the distinct selectors each names.
Status read_reports(sqlite3* db, graph::LinkInput& input, LinkInputCursor& cursor) {
  JALA_TRY_ASSIGN(Statement reports, Statement::prepare(db,
                                                        "SELECT report_key, source, source_id, kind, country, "
                                                        "victim_country, reported_at, loss_amount, loss_currency,"
                                                        " tlp FROM reports WHERE report_key > ? ORDER BY report_key"));
  reports.bind(1, cursor.last_report_key);
  JALA_TRY_ASSIGN(Statement links, Statement::prepare(db,
                                                      "SELECT report_key, selector_key FROM report_selectors"
                                                      " WHERE report_key > ? ORDER BY report_key"));
  links.bind(1, cursor.last_report_key);
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
        if (key >= cursor.selector_ids.size() || cursor.selector_ids[key] == k_unknown) {
          return data_loss("report {} names a missing selector", report_key);
        }
        named.push_back(cursor.selector_ids[key]);
      }
      JALA_TRY_ASSIGN(link_row, links.step());
    }
    std::sort(named.begin(), named.end());
    named.erase(std::unique(named.begin(), named.end()), named.end());
    input.add_report(std::move(facts), named);
    cursor.last_report_key = report_key;
  }
  return {};
}

}  // namespace

Result<bool> extend_link_input(sqlite3* db, std::uint64_t log_size, graph::LinkInput& input, LinkInputCursor& cursor) {
  const bool first_read = input.report_count() == 0 && input.selector_count() == 0;
  if (!first_read) {
    if (log_size == cursor.log_size) return true;
    JALA_TRY_ASSIGN(const bool changed, read_report_changed(db, cursor));
    if (changed) return false;
  }
  JALA_TRY(read_selectors(db, input, cursor.selector_ids));
  JALA_TRY(read_reports(db, input, cursor));
  cursor.log_size = log_size;
  return true;
}

}  // namespace jala::storage::sqlite
