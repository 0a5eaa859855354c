// The SQLite backend's report assessments (model/assessment.h): prepared statements over
// report_assessments and lure_facts (schema 6).
// Internal to storage/sqlite/. Thread-compatible, like its connection.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "jala/base/result.h"
#include "jala/model/assessment.h"
#include "jala/storage/sqlite/statement.h"
#include "jala/storage/store.h"

namespace jala::storage::sqlite {

class AssessmentStatements {
 public:
  static Result<AssessmentStatements> prepare(sqlite3* db);

  // Replaces the report's assessment; nullopt removes it.
  Status put(std::int64_t report_key, const std::optional<model::Assessment>& assessment);
  Result<std::optional<model::Assessment>> find(std::int64_t report_key);
  Result<std::vector<LureReport>> lure_reports();

 private:
  AssessmentStatements(Statement remove_assessment, Statement remove_lure, Statement insert_assessment,
                       Statement insert_lure, Statement find, Statement lure_reports)
      : m_remove_assessment(std::move(remove_assessment)),
        m_remove_lure(std::move(remove_lure)),
        m_insert_assessment(std::move(insert_assessment)),
        m_insert_lure(std::move(insert_lure)),
        m_find(std::move(find)),
        m_lure_reports(std::move(lure_reports)) {}

  Statement m_remove_assessment;
  Statement m_remove_lure;
  Statement m_insert_assessment;
  Statement m_insert_lure;
  Statement m_find;
  Statement m_lure_reports;
};

}  // namespace jala::storage::sqlite
