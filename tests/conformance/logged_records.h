// Records whose log leaves a schema upgrade must keep: two reports (one stored twice), a transaction
// and a custody event, written by write_logged_records() and checked, after the upgrade, by
// expect_logged_records(). For the SQLite and PostgreSQL upgrade tests.
#pragma once

#include <gtest/gtest.h>

#include "jala/storage/store.h"
#include "sample_report.h"

namespace jala::storage {

inline Status write_logged_records(WriteTransaction& t) {
  JALA_TRY(t.put_report(make_report("a")));             // leaf 0
  JALA_TRY(t.put_transaction(make_transaction("t1")));  // leaf 1
  JALA_TRY(t.put_report(make_report("b")));             // leaf 2
  JALA_TRY(t.put_report(make_report("a", "again")));    // leaf 3
  JALA_TRY(t.append_custody(make_export("transaction", {"VN-SBV", "t1"})));  // leaf 4
  return {};
}

inline Status expect_logged_records(const ReadView& view) {
  JALA_TRY_ASSIGN(const auto a, view.log_index("report", {"VN-MPS", "a"}));
  JALA_TRY_ASSIGN(const auto b, view.log_index("report", {"VN-MPS", "b"}));
  JALA_TRY_ASSIGN(const auto t1, view.log_index("transaction", {"VN-SBV", "t1"}));
  JALA_TRY_ASSIGN(const auto custody, view.log_index("custody:transaction", {"VN-SBV", "t1"}));
  JALA_TRY_ASSIGN(const auto none, view.log_index("transaction", {"VN-SBV", "t2"}));
  EXPECT_EQ(a, 3U);
  EXPECT_EQ(b, 2U);
  EXPECT_EQ(t1, 1U);
  EXPECT_EQ(custody, 4U);
  EXPECT_FALSE(none.has_value());
  JALA_TRY_ASSIGN(const auto unlogged, view.unlogged_records());
  EXPECT_TRUE(unlogged.empty());
  JALA_TRY_ASSIGN(const auto reports, view.reports_logged_after(2, 10));
  EXPECT_EQ(reports.size(), 1U);
  if (!reports.empty()) {
    EXPECT_EQ(reports[0].first, 3U);
    EXPECT_EQ(reports[0].second.id, "a");
  }
  return {};
}

}  // namespace jala::storage
