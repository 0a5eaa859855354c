// The SQLite backend's selector interning: a selector's key in the selectors table, added when new,
// with the keys already known kept in memory. During a bulk load (ADR 0015) the index that keeps
// selectors unique is dropped and every stored key is held instead, so that uniqueness is kept here.
// Internal to storage/sqlite/. Thread-compatible, like its connection.
#pragma once

#include <cstdint>
#include <string>

#include "jala/base/result.h"
#include "jala/base/text_keys.h"
#include "jala/model/selector.h"
#include "jala/storage/sqlite/statement.h"

namespace jala::storage::sqlite {

class SelectorKeys {
 public:
  static Result<SelectorKeys> prepare(sqlite3* db);

  // The selector's key, added to the store if it is new. Call inside a write transaction.
  Result<std::int64_t> intern(const model::Selector& selector);

  // Drops the unique index; until finish_bulk_load() every stored key is held in memory.
  Status start_bulk_load();
  // Builds the index again and lets the memory shrink back to its bound.
  Status finish_bulk_load();

  // A write transaction starts: the index is checked again before the first new selector.
  void start_write() { m_index_checked = false; }
  // A write rolled back: keys it made no longer exist.
  void forget();

 private:
  SelectorKeys(sqlite3* db, Statement insert, Statement find)
      : m_db(db), m_insert(std::move(insert)), m_find(std::move(find)) {}

  Status read_every_key();

  sqlite3* m_db;
  Statement m_insert;
  Statement m_find;
  // Keyed by the type's byte and the value. Bounded, except during a bulk load, when they are every
  // selector's (complete) and keep selectors unique in place of their dropped index.
  base::TextKeys m_keys;
  bool m_bulk_load = false;
  bool m_complete = false;
  bool m_index_checked = false;  // in this write transaction
  std::string m_lookup;          // reused buffer: type byte, then the canonical value
};

}  // namespace jala::storage::sqlite
