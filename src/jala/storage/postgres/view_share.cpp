// Sharing (storage/sharing.h) and the classifier's assessments in the PostgreSQL backend (view.h).
#include <fmt/format.h>

#include <unordered_map>

#include <algorithm>
#include <cstdint>

#include "jala/model/text.h"
#include "jala/storage/postgres/view.h"
#include "jala/storage/sql_sharing.h"

namespace jala::storage::postgres {
namespace {

constexpr std::string_view k_lure_columns =
    "l.salary_amount, l.salary_currency, l.salary_period, l.salary_usd_month, l.destinations, l.perks, l.employer";
constexpr std::string_view k_partner_columns =
    "name, secret_hash, tlp_max, collections, added_us, revoked_us, overlap_max_set, overlap_sessions_per_day";

// The lure facts in a row's columns from `first` on (k_lure_columns).
Result<model::LureFacts> read_lure(const Rows& rows, std::size_t row, int first) {
  model::LureFacts facts;
  if (!rows.is_null(row, first)) {
    JALA_TRY_ASSIGN(const model::PayPeriod period, model::parse_pay_period(rows.text(row, first + 2)));
    facts.salary = model::Salary{rows.real(row, first), std::string(rows.text(row, first + 1)), period, std::nullopt};
    if (!rows.is_null(row, first + 3)) facts.salary->usd_per_month = rows.real(row, first + 3);
  }
  facts.destinations = model::split_list(rows.text(row, first + 4), ',');
  facts.perks = model::split_list(rows.text(row, first + 5), ',');
  facts.employer = rows.text(row, first + 6);
  return facts;
}

Result<model::Tlp> tlp_of(std::int64_t stored) {
  if (stored < 0 || stored > static_cast<std::int64_t>(model::Tlp::red)) {
    return data_loss("a shared row has TLP {}, which is no level", stored);
  }
  return static_cast<model::Tlp>(stored);
}

Result<Partner> read_partner(const Rows& rows, std::size_t row) {
  Partner partner;
  partner.name = rows.text(row, 0);
  partner.secret_hash = rows.text(row, 1);
  JALA_TRY_ASSIGN(partner.tlp_max, tlp_of(rows.integer(row, 2)));
  partner.collections = model::split_list(rows.text(row, 3), ',');
  partner.added = Timestamp{rows.integer(row, 4)};
  if (!rows.is_null(row, 5)) partner.revoked = Timestamp{rows.integer(row, 5)};
  partner.overlap_max_set = static_cast<std::uint32_t>(std::clamp<std::int64_t>(rows.integer(row, 6), 0, UINT32_MAX));
  partner.overlap_sessions_per_day =
      static_cast<std::uint32_t>(std::clamp<std::int64_t>(rows.integer(row, 7), 0, UINT32_MAX));
  return partner;
}

// "$first, $first+1, …" for `count` parameters.
std::string placeholders(int first, std::size_t count) {
  std::string list;
  for (std::size_t i = 0; i < count; ++i) {
    fmt::format_to(std::back_inserter(list), "{}${}", i == 0 ? "" : ", ", first + static_cast<int>(i));
  }
  return list;
}

}  // namespace

Status View::put_assessment(std::int64_t report_key, const std::optional<model::Assessment>& assessment,
                            bool report_is_new) {
  const Params key = Params().integer(report_key);
  if (!assessment) {
    if (!report_is_new) JALA_TRY(run("DELETE FROM report_assessments WHERE report_key = $1", key));
  } else {
    JALA_TRY(
        run("INSERT INTO report_assessments (report_key, label, category, scam_score) VALUES ($1, $2, $3,"
            " $4) ON CONFLICT (report_key) DO UPDATE SET label = EXCLUDED.label, category ="
            " EXCLUDED.category, scam_score = EXCLUDED.scam_score",
            Params(key).text(assessment->label).text(assessment->category).real(assessment->scam_score)));
  }
  if (!assessment || !assessment->lure) {
    if (!report_is_new) JALA_TRY(run("DELETE FROM lure_facts WHERE report_key = $1", key));
    return {};
  }
  const model::LureFacts& lure = *assessment->lure;
  Params params = key;
  if (lure.salary) {
    params.real(lure.salary->amount).text(lure.salary->currency).text(model::to_string(lure.salary->period));
    if (lure.salary->usd_per_month) {
      params.real(*lure.salary->usd_per_month);
    } else {
      params.null();
    }
  } else {
    params.null().null().null().null();
  }
  params.text(model::join_list(lure.destinations, ',')).text(model::join_list(lure.perks, ',')).text(lure.employer);
  JALA_TRY(
      run("INSERT INTO lure_facts (report_key, salary_amount, salary_currency, salary_period,"
          " salary_usd_month, destinations, perks, employer) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
          " ON CONFLICT (report_key) DO UPDATE SET salary_amount = EXCLUDED.salary_amount,"
          " salary_currency = EXCLUDED.salary_currency, salary_period = EXCLUDED.salary_period,"
          " salary_usd_month = EXCLUDED.salary_usd_month, destinations = EXCLUDED.destinations,"
          " perks = EXCLUDED.perks, employer = EXCLUDED.employer",
          params));
  return {};
}

Result<std::unordered_map<std::int64_t, model::Assessment>> View::find_assessments(
    std::span<const std::int64_t> report_keys) const {
  JALA_TRY_ASSIGN(const Rows rows, query(fmt::format("SELECT a.report_key, a.label, a.category, a.scam_score,"
                                                     " l.report_key, {} FROM report_assessments a LEFT JOIN"
                                                     " lure_facts l USING (report_key) WHERE a.report_key ="
                                                     " ANY($1::bigint[])",
                                                     k_lure_columns),
                                         Params().integers(report_keys)));
  std::unordered_map<std::int64_t, model::Assessment> assessments;
  for (std::size_t row = 0; row < rows.size(); ++row) {
    const std::int64_t report_key = rows.integer(row, 0);
    model::Assessment assessment{std::string(rows.text(row, 1)), std::string(rows.text(row, 2)), rows.real(row, 3),
                                 std::nullopt};
    if (!rows.is_null(row, 4)) {
      Result<model::LureFacts> lure = read_lure(rows, row, 5);
      if (!lure.ok()) return data_loss("report {}'s lure facts are unreadable: {}", report_key, lure.error().message());
      assessment.lure = std::move(lure).value();
    }
    assessments.emplace(report_key, std::move(assessment));
  }
  return assessments;
}

Result<std::vector<LureReport>> View::lure_reports() const {
  JALA_TRY_ASSIGN(const Rows rows, query(fmt::format("SELECT r.source, r.source_id, r.country, r.reported_at, {}"
                                                     " FROM lure_facts l JOIN reports r USING (report_key)"
                                                     " ORDER BY r.source, r.source_id",
                                                     k_lure_columns)));
  std::vector<LureReport> reports;
  for (std::size_t row = 0; row < rows.size(); ++row) {
    Result<model::LureFacts> facts = read_lure(rows, row, 4);
    if (!facts.ok()) return data_loss("a report's lure facts are unreadable: {}", facts.error().message());
    reports.push_back({{std::string(rows.text(row, 0)), std::string(rows.text(row, 1))},
                       std::string(rows.text(row, 2)),
                       Timestamp{rows.integer(row, 3)},
                       std::move(facts).value()});
  }
  return reports;
}

Result<std::vector<SharedObject>> View::shared_objects(const SharedObjectQuery& query_of) const {
  // The version filter compares with the chosen version of the same id among those the TLP lets through.
  Params params;
  params.text(query_of.collection).integer(static_cast<std::int64_t>(query_of.tlp_max));
  params.integer(query_of.added_after ? query_of.added_after->unix_micros : INT64_MIN);
  std::string sql =
      "SELECT object_id, version, object_type, tlp, origin, added_us, object, record_source, record_id"
      " FROM shared_objects AS o WHERE collection = $1 AND tlp <= $2 AND added_us > $3"
      " AND (SELECT w.tlp FROM shared_objects AS w WHERE w.collection = o.collection AND w.object_id = o.object_id"
      " ORDER BY w.version DESC LIMIT 1) <= $2";
  // `column IN ($n, …)` over `values`, their parameters added.
  const auto in = [&](std::string_view column, const std::vector<std::string>& values) {
    std::string condition =
        fmt::format("{} IN ({})", column, placeholders(static_cast<int>(params.size()) + 1, values.size()));
    for (const std::string& value : values) params.text(value);
    return condition;
  };
  if (!query_of.types.empty()) sql += " AND " + in("object_type", query_of.types);
  if (!query_of.ids.empty()) sql += " AND " + in("object_id", query_of.ids);
  const VersionMatch& versions = query_of.versions;
  const std::string exact = placeholders(static_cast<int>(params.size()) + 1, versions.exact.size());
  const std::string added =
      placeholders(static_cast<int>(params.size() + versions.exact.size()) + 1, versions.exact_added.size());
  if (!versions.all) {  // else the lists are not in the SQL, and their parameters could not be typed
    for (const std::string& version : versions.exact) params.text(version);
    for (const Timestamp time : versions.exact_added) params.integer(time.unix_micros);
  }
  sql += version_condition(versions, exact, added, "$2");
  sql += fmt::format(" ORDER BY added_us LIMIT ${}", params.size() + 1);
  params.integer(static_cast<std::int64_t>(std::min<std::size_t>(query_of.limit, INT64_MAX)));
  JALA_TRY_ASSIGN(const Rows rows, query(sql, params));
  std::vector<SharedObject> page;
  for (std::size_t row = 0; row < rows.size(); ++row) {
    SharedObject object;
    object.collection = query_of.collection;
    object.id = rows.text(row, 0);
    object.version = rows.text(row, 1);
    object.type = rows.text(row, 2);
    JALA_TRY_ASSIGN(object.tlp, tlp_of(rows.integer(row, 3)));
    object.origin = rows.text(row, 4);
    object.added = Timestamp{rows.integer(row, 5)};
    object.object = rows.text(row, 6);
    object.record_source = rows.text(row, 7);
    object.record_id = rows.text(row, 8);
    page.push_back(std::move(object));
  }
  return page;
}

Result<bool> View::put_shared_object(const SharedObject& object) {
  // Stamped now, or just after the collection's newest object: unique and increasing per collection. Held
  // from the same origin at a higher TLP, the object is replaced (store.h says why). Both statements take
  // the same parameters.
  const Params params = Params()
                            .text(object.collection)
                            .text(object.id)
                            .text(object.version)
                            .text(object.type)
                            .integer(static_cast<std::int64_t>(object.tlp))
                            .text(object.origin)
                            .integer(now().unix_micros)
                            .text(object.object)
                            .text(object.record_source)
                            .text(object.record_id);
  JALA_TRY_ASSIGN(const Rows lowered,
                  query("UPDATE shared_objects SET tlp = $5, object = $8, record_source = $9, record_id = $10,"
                        " added_us = GREATEST($7, (SELECT MAX(added_us) + 1 FROM shared_objects WHERE collection = $1))"
                        " WHERE collection = $1 AND object_id = $2 AND version = $3 AND object_type = $4"
                        " AND origin = $6 AND tlp > $5",
                        params));
  if (lowered.changed() > 0) return true;
  JALA_TRY_ASSIGN(const Rows inserted,
                  query("INSERT INTO shared_objects (collection, object_id, version, object_type, tlp, origin,"
                        " added_us, object, record_source, record_id) VALUES ($1, $2, $3, $4, $5, $6, GREATEST($7,"
                        " COALESCE((SELECT MAX(added_us) + 1 FROM shared_objects WHERE collection = $1), $7)), $8,"
                        " $9, $10) ON CONFLICT (collection, object_id, version) DO NOTHING",
                        params));
  return inserted.changed() > 0;
}

Result<bool> View::raise_shared_object(const SharedObject& object) {
  JALA_TRY_ASSIGN(const Rows raised,
                  query("UPDATE shared_objects SET tlp = $5, object = $6, record_source = $7, record_id = $8"
                        " WHERE collection = $1 AND object_id = $2 AND version = $3 AND origin = $4 AND tlp < $5",
                        Params()
                            .text(object.collection)
                            .text(object.id)
                            .text(object.version)
                            .text(object.origin)
                            .integer(static_cast<std::int64_t>(object.tlp))
                            .text(object.object)
                            .text(object.record_source)
                            .text(object.record_id)));
  return raised.changed() > 0;
}

Result<std::optional<Partner>> View::find_partner(std::string_view name) const {
  JALA_TRY_ASSIGN(const Rows rows, query(fmt::format("SELECT {} FROM partners WHERE name = $1", k_partner_columns),
                                         Params().text(name)));
  if (rows.size() == 0) return std::optional<Partner>();
  JALA_TRY_ASSIGN(Partner partner, read_partner(rows, 0));
  return std::optional<Partner>(std::move(partner));
}

Result<std::vector<Partner>> View::partners() const {
  JALA_TRY_ASSIGN(const Rows rows, query(fmt::format("SELECT {} FROM partners ORDER BY name", k_partner_columns)));
  std::vector<Partner> all;
  for (std::size_t row = 0; row < rows.size(); ++row) {
    JALA_TRY_ASSIGN(Partner partner, read_partner(rows, row));
    all.push_back(std::move(partner));
  }
  return all;
}

Status View::put_partner(const Partner& partner) {
  Params params;
  params.text(partner.name).text(partner.secret_hash).integer(static_cast<std::int64_t>(partner.tlp_max));
  params.text(model::join_list(partner.collections, ',')).integer(partner.added.unix_micros);
  if (partner.revoked) {
    params.integer(partner.revoked->unix_micros);
  } else {
    params.null();
  }
  params.integer(partner.overlap_max_set).integer(partner.overlap_sessions_per_day);
  JALA_TRY(run(fmt::format("INSERT INTO partners ({}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (name) DO"
                           " UPDATE SET secret_hash = EXCLUDED.secret_hash, tlp_max = EXCLUDED.tlp_max,"
                           " collections = EXCLUDED.collections, added_us = EXCLUDED.added_us,"
                           " revoked_us = EXCLUDED.revoked_us, overlap_max_set = EXCLUDED.overlap_max_set,"
                           " overlap_sessions_per_day = EXCLUDED.overlap_sessions_per_day",
                           k_partner_columns),
               params));
  return {};
}

Result<std::optional<std::string>> View::share_state(std::string_view name) const {
  JALA_TRY_ASSIGN(const Rows rows, query("SELECT value FROM share_state WHERE name = $1", Params().text(name)));
  if (rows.size() == 0) return std::optional<std::string>();
  return std::optional<std::string>(std::string(rows.text(0, 0)));
}

Result<std::vector<std::pair<std::string, std::string>>> View::share_states_with_prefix(std::string_view prefix) const {
  JALA_TRY_ASSIGN(const Rows rows, query("SELECT name, value FROM share_state WHERE left(name, length($1)) = $1"
                                         " ORDER BY name",
                                         Params().text(prefix)));
  std::vector<std::pair<std::string, std::string>> states;
  for (std::size_t row = 0; row < rows.size(); ++row) {
    states.emplace_back(std::string(rows.text(row, 0)), std::string(rows.text(row, 1)));
  }
  return states;
}

Status View::set_share_state(std::string_view name, std::string_view value) {
  JALA_TRY(
      run("INSERT INTO share_state (name, value) VALUES ($1, $2) ON CONFLICT (name)"
          " DO UPDATE SET value = EXCLUDED.value",
          Params().text(name).text(value)));
  return {};
}

}  // namespace jala::storage::postgres
