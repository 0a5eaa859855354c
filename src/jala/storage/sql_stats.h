// StoreStats as both SQL backends read it, with the same SQL: `count(sql)` runs a query of one number,
// and `counts(sql)` one of (name, number) rows, which it sorts with sort_counts. Internal to storage/.
#pragma once

#include <fmt/format.h>

#include <string_view>

#include "jala/storage/store.h"

namespace jala::storage {

template <typename Count, typename CountsOf>
Result<StoreStats> read_sql_stats(Count count, CountsOf counts) {
  StoreStats stats;
  JALA_TRY_ASSIGN(stats.reports, count("SELECT COUNT(*) FROM reports"));
  JALA_TRY_ASSIGN(stats.transactions, count("SELECT COUNT(*) FROM transactions"));
  // Only selectors that a report or transaction still names (an update may leave old ones behind).
  constexpr std::string_view k_named_selectors =
      "SELECT type FROM selectors s WHERE EXISTS (SELECT 1 FROM report_selectors rs WHERE rs.selector_key ="
      " s.selector_key) OR EXISTS (SELECT 1 FROM transactions t WHERE t.from_key = s.selector_key) OR EXISTS"
      " (SELECT 1 FROM transactions t WHERE t.to_key = s.selector_key)";
  JALA_TRY_ASSIGN(stats.selectors, count(fmt::format("SELECT COUNT(*) FROM ({}) AS named", k_named_selectors)));
  JALA_TRY_ASSIGN(stats.reports_by_kind, counts("SELECT kind, COUNT(*) FROM reports GROUP BY kind"));
  JALA_TRY_ASSIGN(stats.reports_by_country, counts("SELECT country, COUNT(*) FROM reports GROUP BY country"));
  JALA_TRY_ASSIGN(stats.reports_by_source, counts("SELECT source, COUNT(*) FROM reports GROUP BY source"));
  JALA_TRY_ASSIGN(stats.selectors_by_type,
                  counts(fmt::format("SELECT type, COUNT(*) FROM ({}) AS named GROUP BY type", k_named_selectors)));
  return stats;
}

}  // namespace jala::storage
