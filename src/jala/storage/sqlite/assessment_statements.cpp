#include "jala/storage/sqlite/assessment_statements.h"

#include <fmt/format.h>

#include <string>

#include "jala/model/text.h"

namespace jala::storage::sqlite {
namespace {

constexpr std::string_view k_lure_columns =
    "l.salary_amount, l.salary_currency, l.salary_period, l.salary_usd_month, l.destinations, l.perks, l.employer";

// The lure facts in a row's columns from `first` on (k_lure_columns).
Result<model::LureFacts> read_lure(const Statement& row, int first) {
  model::LureFacts facts;
  if (!row.column_is_null(first)) {
    JALA_TRY_ASSIGN(const model::PayPeriod period, model::parse_pay_period(row.column_text(first + 2)));
    facts.salary =
        model::Salary{row.column_double(first), std::string(row.column_text(first + 1)), period, std::nullopt};
    if (!row.column_is_null(first + 3)) facts.salary->usd_per_month = row.column_double(first + 3);
  }
  facts.destinations = model::split_list(row.column_text(first + 4), ',');
  facts.perks = model::split_list(row.column_text(first + 5), ',');
  facts.employer = row.column_text(first + 6);
  return facts;
}

}  // namespace

Result<AssessmentStatements> AssessmentStatements::prepare(sqlite3* db) {
  auto p = [db](std::string_view sql) { return Statement::prepare(db, sql); };
  JALA_TRY_ASSIGN(Statement remove_assessment, p("DELETE FROM report_assessments WHERE report_key = ?"));
  JALA_TRY_ASSIGN(Statement remove_lure, p("DELETE FROM lure_facts WHERE report_key = ?"));
  JALA_TRY_ASSIGN(Statement insert_assessment,
                  p("INSERT OR REPLACE INTO report_assessments (report_key, label, category, scam_score)"
                    " VALUES (?, ?, ?, ?)"));
  JALA_TRY_ASSIGN(Statement insert_lure,
                  p("INSERT OR REPLACE INTO lure_facts (report_key, salary_amount, salary_currency, salary_period,"
                    " salary_usd_month, destinations, perks, employer) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
  JALA_TRY_ASSIGN(Statement find, p(fmt::format("SELECT a.label, a.category, a.scam_score, l.report_key, {}"
                                                " FROM report_assessments a LEFT JOIN lure_facts l USING (report_key)"
                                                " WHERE a.report_key = ?",
                                                k_lure_columns)));
  JALA_TRY_ASSIGN(Statement lure_reports,
                  p(fmt::format("SELECT r.source, r.source_id, r.country, r.reported_at, {} FROM lure_facts l"
                                " JOIN reports r USING (report_key) ORDER BY r.source, r.source_id",
                                k_lure_columns)));
  return AssessmentStatements(std::move(remove_assessment), std::move(remove_lure), std::move(insert_assessment),
                              std::move(insert_lure), std::move(find), std::move(lure_reports));
}

Status AssessmentStatements::put(std::int64_t report_key, const std::optional<model::Assessment>& assessment) {
  if (!assessment) {
    JALA_TRY(m_remove_assessment.bind(1, report_key).run());
    return m_remove_lure.bind(1, report_key).run();
  }
  m_insert_assessment.bind(1, report_key).bind(2, assessment->label).bind(3, assessment->category);
  JALA_TRY(m_insert_assessment.bind(4, assessment->scam_score).run());
  if (!assessment->lure) return m_remove_lure.bind(1, report_key).run();
  const model::LureFacts& lure = *assessment->lure;
  m_insert_lure.bind(1, report_key);
  if (lure.salary) {
    m_insert_lure.bind(2, lure.salary->amount)
        .bind(3, lure.salary->currency)
        .bind(4, model::to_string(lure.salary->period));
    if (lure.salary->usd_per_month) {
      m_insert_lure.bind(5, *lure.salary->usd_per_month);
    } else {
      m_insert_lure.bind_null(5);
    }
  } else {
    m_insert_lure.bind_null(2).bind_null(3).bind_null(4).bind_null(5);
  }
  m_insert_lure.bind(6, model::join_list(lure.destinations, ',')).bind(7, model::join_list(lure.perks, ','));
  return m_insert_lure.bind(8, lure.employer).run();
}

Result<std::optional<model::Assessment>> AssessmentStatements::find(std::int64_t report_key) {
  m_find.bind(1, report_key);
  JALA_TRY_ASSIGN(const bool found, m_find.step());
  if (!found) {
    m_find.reset();
    return std::optional<model::Assessment>();
  }
  model::Assessment assessment{std::string(m_find.column_text(0)), std::string(m_find.column_text(1)),
                               m_find.column_double(2), std::nullopt};
  Result<model::LureFacts> lure =
      m_find.column_is_null(3) ? Result<model::LureFacts>(model::LureFacts()) : read_lure(m_find, 4);
  const bool has_lure = !m_find.column_is_null(3);
  m_find.reset();
  if (!lure.ok()) return data_loss("report {}'s lure facts are unreadable: {}", report_key, lure.error().message());
  if (has_lure) assessment.lure = std::move(lure).value();
  return std::optional<model::Assessment>(std::move(assessment));
}

Result<std::vector<LureReport>> AssessmentStatements::lure_reports() {
  std::vector<LureReport> reports;
  while (true) {
    Result<bool> row = m_lure_reports.step();
    if (!row.ok() || !*row) {
      m_lure_reports.reset();
      if (!row.ok()) return std::move(row).error();
      return reports;
    }
    Result<model::LureFacts> facts = read_lure(m_lure_reports, 4);
    if (!facts.ok()) {
      m_lure_reports.reset();
      return data_loss("a report's lure facts are unreadable: {}", facts.error().message());
    }
    reports.push_back({{std::string(m_lure_reports.column_text(0)), std::string(m_lure_reports.column_text(1))},
                       std::string(m_lure_reports.column_text(2)),
                       Timestamp{m_lure_reports.column_int(3)},
                       std::move(facts).value()});
  }
}

}  // namespace jala::storage::sqlite
