#include "jala/storage/sqlite/share_statements.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <limits>

#include "jala/base/json_text.h"
#include "jala/model/text.h"
#include "jala/storage/sql_sharing.h"
#include "jala/storage/store.h"

namespace jala::storage::sqlite {
namespace {

// "?, ?, ?" for a list of `count` parameters.
std::string placeholders(std::size_t count) {
  std::string list;
  for (std::size_t i = 0; i < count; ++i) list += i == 0 ? "?" : ", ?";
  return list;
}

Result<model::Tlp> tlp_of(std::int64_t stored) {
  if (stored < 0 || stored > static_cast<std::int64_t>(model::Tlp::red)) {
    return data_loss("a shared row has TLP {}, which is no level", stored);
  }
  return static_cast<model::Tlp>(stored);
}

Result<Partner> read_partner(const Statement& row) {
  Partner partner;
  partner.name = row.column_text(0);
  partner.secret_hash = row.column_text(1);
  JALA_TRY_ASSIGN(partner.tlp_max, tlp_of(row.column_int(2)));
  partner.collections = model::split_list(row.column_text(3), ',');
  partner.added = Timestamp{row.column_int(4)};
  if (!row.column_is_null(5)) partner.revoked = Timestamp{row.column_int(5)};
  partner.overlap_max_set = static_cast<std::uint32_t>(std::clamp<std::int64_t>(row.column_int(6), 0, UINT32_MAX));
  partner.overlap_sessions_per_day =
      static_cast<std::uint32_t>(std::clamp<std::int64_t>(row.column_int(7), 0, UINT32_MAX));
  return partner;
}

constexpr std::string_view k_partner_columns =
    "name, secret_hash, tlp_max, collections, added_us, revoked_us, overlap_max_set, overlap_sessions_per_day";

}  // namespace

Result<Statement*> ShareStatements::prepared(std::optional<Statement>& slot, std::string_view sql) const {
  if (!slot) {
    JALA_TRY_ASSIGN(Statement statement, Statement::prepare(m_db, sql));
    slot.emplace(std::move(statement));
  }
  return &*slot;
}

Result<std::vector<SharedObject>> ShareStatements::objects(const SharedObjectQuery& query) const {
  // The version filter compares with the chosen version of the same id among those the TLP lets through.
  // Asked for ids, the primary key finds them: the unary + keeps SQLite from walking the whole collection
  // by the added-time index instead (it did, for every Get Object).
  const std::string_view added = query.ids.empty() ? "added_us" : "+added_us";
  std::string sql = fmt::format(
      "SELECT object_id, version, object_type, tlp, origin, added_us, object, record_source, record_id"
      " FROM shared_objects AS o"
      " WHERE collection = ? AND tlp <= ? AND {} > ?"
      " AND (SELECT w.tlp FROM shared_objects AS w WHERE w.collection = o.collection AND w.object_id = o.object_id"
      " ORDER BY w.version DESC LIMIT 1) <= ?",
      added);
  if (!query.types.empty()) sql += fmt::format(" AND object_type IN ({})", placeholders(query.types.size()));
  if (!query.ids.empty()) sql += fmt::format(" AND object_id IN ({})", placeholders(query.ids.size()));
  const VersionMatch& versions = query.versions;
  sql +=
      version_condition(versions, placeholders(versions.exact.size()), placeholders(versions.exact_added.size()), "?");
  sql += fmt::format(" ORDER BY {} LIMIT ?", added);
  JALA_TRY_ASSIGN(Statement statement, Statement::prepare(m_db, sql));
  int parameter = 1;
  statement.bind(parameter++, query.collection);
  statement.bind(parameter++, static_cast<std::int64_t>(query.tlp_max));
  statement.bind(parameter++,
                 query.added_after ? query.added_after->unix_micros : std::numeric_limits<std::int64_t>::min());
  statement.bind(parameter++, static_cast<std::int64_t>(query.tlp_max));
  for (const std::string& type : query.types) statement.bind(parameter++, type);
  for (const std::string& id : query.ids) statement.bind(parameter++, id);
  if (!versions.all) {
    for (const std::string& version : versions.exact) statement.bind(parameter++, version);
    for (const Timestamp time : versions.exact_added) statement.bind(parameter++, time.unix_micros);
    for (const bool chosen : {versions.first, versions.last}) {
      if (chosen) statement.bind(parameter++, static_cast<std::int64_t>(query.tlp_max));
    }
  }
  statement.bind(parameter, static_cast<std::int64_t>(query.limit));
  std::vector<SharedObject> page;
  for (;;) {
    JALA_TRY_ASSIGN(const bool row, statement.step());
    if (!row) break;
    SharedObject object;
    object.collection = query.collection;
    object.id = statement.column_text(0);
    object.version = statement.column_text(1);
    object.type = statement.column_text(2);
    JALA_TRY_ASSIGN(object.tlp, tlp_of(statement.column_int(3)));
    object.origin = statement.column_text(4);
    object.added = Timestamp{statement.column_int(5)};
    object.object = statement.column_text(6);
    object.record_source = statement.column_text(7);
    object.record_id = statement.column_text(8);
    page.push_back(std::move(object));
  }
  return page;
}

Result<std::vector<model::Selector>> ShareStatements::selectors_of_reports(
    std::span<const model::Tlp> levels, std::span<const std::string> other_sources) const {
  std::vector<model::Selector> selectors;
  if (levels.empty()) return selectors;
  // The sources to leave out are bound as one JSON array, however many there are.
  JALA_TRY_ASSIGN(Statement statement,
                  Statement::prepare(m_db, fmt::format("SELECT DISTINCT s.type, s.value FROM selectors s"
                                                       " JOIN report_selectors rs USING (selector_key)"
                                                       " JOIN reports r USING (report_key) WHERE r.tlp IN ({})"
                                                       " AND r.source NOT IN (SELECT value FROM json_each(?))",
                                                       placeholders(levels.size()))));
  int parameter = 1;
  for (const model::Tlp level : levels) statement.bind(parameter++, model::to_string(level));
  std::string sources = "[";
  for (const std::string& source : other_sources) {
    if (sources.size() > 1) sources += ',';
    append_json_string(sources, source);
  }
  sources += ']';
  statement.bind(parameter, sources);
  for (;;) {
    JALA_TRY_ASSIGN(const bool row, statement.step());
    if (!row) break;
    JALA_TRY_ASSIGN(model::Selector selector, read_selector(statement, 0));
    selectors.push_back(std::move(selector));
  }
  std::sort(selectors.begin(), selectors.end());
  return selectors;
}

Result<SelectorReports> ShareStatements::first_reports_with_selector(const model::Selector& selector,
                                                                     std::size_t limit) const {
  // Both walk the (selector_key, report_key) index; only the first `limit` reports are joined.
  JALA_TRY_ASSIGN(Statement * count,
                  prepared(m_selector_report_count,
                           "SELECT COUNT(DISTINCT report_key) FROM report_selectors WHERE selector_key ="
                           " (SELECT selector_key FROM selectors WHERE type = ? AND value = ?)"));
  count->bind(1, model::to_string(selector.type)).bind(2, selector.value);
  Result<bool> counted = count->step();
  SelectorReports found;
  found.count = counted.ok() && *counted ? count->column_int(0) : 0;
  count->reset();
  if (!counted.ok()) return std::move(counted).error();
  JALA_TRY_ASSIGN(Statement * first,
                  prepared(m_first_selector_reports,
                           "SELECT r.source, r.source_id FROM (SELECT DISTINCT report_key FROM report_selectors"
                           " WHERE selector_key = (SELECT selector_key FROM selectors WHERE type = ? AND value = ?)"
                           " ORDER BY report_key LIMIT ?) JOIN reports r USING (report_key) ORDER BY report_key"));
  first->bind(1, model::to_string(selector.type)).bind(2, selector.value);
  first->bind(3, static_cast<std::int64_t>(std::min<std::size_t>(limit, std::numeric_limits<std::int64_t>::max())));
  for (;;) {
    Result<bool> row = first->step();
    if (!row.ok()) {
      first->reset();
      return std::move(row).error();
    }
    if (!*row) break;
    found.first.push_back({std::string(first->column_text(0)), std::string(first->column_text(1))});
  }
  first->reset();
  return found;
}

Result<bool> ShareStatements::put_object(const SharedObject& object, Timestamp now) const {
  // Stamped now, or just after the collection's newest object: unique and increasing per collection. Held
  // from the same origin at a higher TLP, the object is replaced (store.h says why). Both statements take
  // the same parameters.
  JALA_TRY_ASSIGN(Statement * lowered,
                  prepared(m_lower_object,
                           "UPDATE shared_objects SET tlp = ?5, object = ?8, record_source = ?9, record_id = ?10,"
                           " added_us = MAX(?7, (SELECT MAX(added_us) + 1 FROM shared_objects WHERE collection = ?1))"
                           " WHERE collection = ?1 AND object_id = ?2 AND version = ?3 AND object_type = ?4"
                           " AND origin = ?6 AND tlp > ?5"));
  JALA_TRY_ASSIGN(Statement * insert,
                  prepared(m_insert_object,
                           "INSERT INTO shared_objects (collection, object_id, version, object_type, tlp, origin,"
                           " added_us, object, record_source, record_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, MAX(?7,"
                           " COALESCE((SELECT MAX(added_us) + 1 FROM shared_objects WHERE collection = ?1), ?7)), ?8,"
                           " ?9, ?10) ON CONFLICT (collection, object_id, version) DO NOTHING"));
  for (Statement* statement : {lowered, insert}) {
    statement->bind(1, object.collection).bind(2, object.id).bind(3, object.version).bind(4, object.type);
    statement->bind(5, static_cast<std::int64_t>(object.tlp)).bind(6, object.origin).bind(7, now.unix_micros);
    statement->bind(8, object.object).bind(9, object.record_source).bind(10, object.record_id);
    JALA_TRY(statement->run());
    if (sqlite3_changes64(m_db) > 0) return true;
  }
  return false;
}

Result<bool> ShareStatements::raise_object(const SharedObject& object) const {
  JALA_TRY_ASSIGN(
      Statement raise,
      Statement::prepare(m_db,
                         "UPDATE shared_objects SET tlp = ?5, object = ?6, record_source = ?7, record_id = ?8"
                         " WHERE collection = ?1 AND object_id = ?2 AND version = ?3 AND origin = ?4"
                         " AND tlp < ?5"));
  raise.bind(1, object.collection).bind(2, object.id).bind(3, object.version).bind(4, object.origin);
  raise.bind(5, static_cast<std::int64_t>(object.tlp)).bind(6, object.object);
  raise.bind(7, object.record_source).bind(8, object.record_id);
  JALA_TRY(raise.run());
  return sqlite3_changes64(m_db) > 0;
}

Result<std::optional<Partner>> ShareStatements::find_partner(std::string_view name) const {
  JALA_TRY_ASSIGN(Statement statement,
                  Statement::prepare(m_db, fmt::format("SELECT {} FROM partners WHERE name = ?", k_partner_columns)));
  statement.bind(1, name);
  JALA_TRY_ASSIGN(const bool row, statement.step());
  if (!row) return std::optional<Partner>();
  JALA_TRY_ASSIGN(Partner partner, read_partner(statement));
  return std::optional<Partner>(std::move(partner));
}

Result<std::vector<Partner>> ShareStatements::partners() const {
  JALA_TRY_ASSIGN(Statement statement,
                  Statement::prepare(m_db, fmt::format("SELECT {} FROM partners ORDER BY name", k_partner_columns)));
  std::vector<Partner> all;
  for (;;) {
    JALA_TRY_ASSIGN(const bool row, statement.step());
    if (!row) break;
    JALA_TRY_ASSIGN(Partner partner, read_partner(statement));
    all.push_back(std::move(partner));
  }
  return all;
}

Status ShareStatements::put_partner(const Partner& partner) const {
  JALA_TRY_ASSIGN(
      Statement statement,
      Statement::prepare(m_db, fmt::format("INSERT OR REPLACE INTO partners ({}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                           k_partner_columns)));
  statement.bind(1, partner.name).bind(2, partner.secret_hash).bind(3, static_cast<std::int64_t>(partner.tlp_max));
  statement.bind(4, model::join_list(partner.collections, ',')).bind(5, partner.added.unix_micros);
  if (partner.revoked) {
    statement.bind(6, partner.revoked->unix_micros);
  } else {
    statement.bind_null(6);
  }
  statement.bind(7, std::int64_t{partner.overlap_max_set}).bind(8, std::int64_t{partner.overlap_sessions_per_day});
  return statement.run();
}

Result<std::optional<std::string>> ShareStatements::state(std::string_view name) const {
  JALA_TRY_ASSIGN(Statement statement, Statement::prepare(m_db, "SELECT value FROM share_state WHERE name = ?"));
  statement.bind(1, name);
  JALA_TRY_ASSIGN(const bool row, statement.step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(std::string(statement.column_text(0)));
}

Result<std::vector<std::pair<std::string, std::string>>> ShareStatements::states_with_prefix(
    std::string_view prefix) const {
  JALA_TRY_ASSIGN(Statement statement, Statement::prepare(m_db,
                                                          "SELECT name, value FROM share_state"
                                                          " WHERE substr(name, 1, length(?1)) = ?1 ORDER BY name"));
  statement.bind(1, prefix);
  std::vector<std::pair<std::string, std::string>> states;
  while (true) {
    JALA_TRY_ASSIGN(const bool row, statement.step());
    if (!row) break;
    states.emplace_back(std::string(statement.column_text(0)), std::string(statement.column_text(1)));
  }
  return states;
}

Status ShareStatements::set_state(std::string_view name, std::string_view value) const {
  JALA_TRY_ASSIGN(Statement statement,
                  Statement::prepare(m_db, "INSERT OR REPLACE INTO share_state (name, value) VALUES (?, ?)"));
  statement.bind(1, name).bind(2, value);
  return statement.run();
}

Result<std::vector<std::pair<std::uint64_t, RecordKey>>> ShareStatements::reports_logged_after(
    std::optional<std::uint64_t> after, std::size_t limit) const {
  JALA_TRY_ASSIGN(Statement statement, Statement::prepare(m_db,
                                                          "SELECT leaf_index, source, source_id FROM reports"
                                                          " WHERE leaf_index > ? ORDER BY leaf_index LIMIT ?"));
  statement.bind(1, after ? static_cast<std::int64_t>(*after) : std::int64_t{-1});
  statement.bind(2, static_cast<std::int64_t>(limit));
  std::vector<std::pair<std::uint64_t, RecordKey>> records;
  for (;;) {
    JALA_TRY_ASSIGN(const bool row, statement.step());
    if (!row) break;
    records.emplace_back(static_cast<std::uint64_t>(statement.column_int(0)),
                         RecordKey{std::string(statement.column_text(1)), std::string(statement.column_text(2))});
  }
  return records;
}

}  // namespace jala::storage::sqlite
