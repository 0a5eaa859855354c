#include "jala/storage/sqlite/selector_keys.h"

#include <sqlite3.h>

namespace jala::storage::sqlite {
namespace {

constexpr std::size_t k_max_cached_keys = 1 << 20;

// The index that keeps selectors unique, which a bulk load drops (schema 11).
constexpr std::string_view k_drop_index = "DROP INDEX IF EXISTS selectors_by_value";
constexpr std::string_view k_build_index =
    "CREATE UNIQUE INDEX IF NOT EXISTS selectors_by_value ON selectors (type, value)";

}  // namespace

Result<SelectorKeys> SelectorKeys::prepare(sqlite3* db) {
  JALA_TRY_ASSIGN(Statement insert,
                  Statement::prepare(db, "INSERT INTO selectors (type, value) VALUES (?, ?) ON CONFLICT DO NOTHING"));
  JALA_TRY_ASSIGN(Statement find,
                  Statement::prepare(db, "SELECT selector_key FROM selectors WHERE type = ? AND value = ?"));
  return SelectorKeys(db, std::move(insert), std::move(find));
}

Result<std::int64_t> SelectorKeys::intern(const model::Selector& selector) {
  if (m_bulk_load && !m_complete) JALA_TRY(read_every_key());
  m_lookup.assign(1, static_cast<char>(selector.type));
  m_lookup += selector.value;
  if (const std::optional<std::int64_t> known = m_keys.find(m_lookup)) return *known;
  if (!m_bulk_load && !m_index_checked) {
    // A bulk load, here or in another process, may have dropped the index that keeps selectors unique
    // (it is running, or was interrupted): without it the insert below could add a second row.
    JALA_TRY(execute(m_db, k_build_index));
    m_index_checked = true;
  }
  const std::string_view type = model::to_string(selector.type);
  JALA_TRY(m_insert.bind(1, type).bind(2, selector.value).run());
  std::int64_t key = 0;
  if (sqlite3_changes(m_db) == 1) {
    key = sqlite3_last_insert_rowid(m_db);
  } else {
    m_find.bind(1, type).bind(2, selector.value);
    JALA_TRY_ASSIGN(const bool found, m_find.step());
    if (!found) {
      m_find.reset();
      return internal_error("selector {} vanished while being stored", selector.to_string());
    }
    key = m_find.column_int(0);
    m_find.reset();
  }
  if (!m_bulk_load && m_keys.size() >= k_max_cached_keys) m_keys.clear();
  m_keys.insert(m_lookup, key);
  return key;
}

Status SelectorKeys::start_bulk_load() {
  JALA_TRY(execute(m_db, k_drop_index));
  m_bulk_load = true;
  m_complete = false;  // read at the first intern()
  return {};
}

Status SelectorKeys::finish_bulk_load() {
  JALA_TRY(execute(m_db, k_build_index));
  m_bulk_load = false;
  if (m_keys.size() > k_max_cached_keys) m_keys.clear();
  return {};
}

void SelectorKeys::forget() {
  m_keys.clear();
  m_complete = false;
}

// Every stored selector's key, so that a bulk load keeps selectors unique without their index.
Status SelectorKeys::read_every_key() {
  JALA_TRY_ASSIGN(Statement all, Statement::prepare(m_db, "SELECT selector_key, type, value FROM selectors"));
  m_keys.clear();
  while (true) {
    JALA_TRY_ASSIGN(const bool row, all.step());
    if (!row) break;
    JALA_TRY_ASSIGN(const model::SelectorType type, model::parse_selector_type(all.column_text(1)));
    m_lookup.assign(1, static_cast<char>(type));
    m_lookup += all.column_text(2);
    if (!m_keys.find(m_lookup)) m_keys.insert(m_lookup, all.column_int(0));
  }
  m_complete = true;
  return {};
}

}  // namespace jala::storage::sqlite
