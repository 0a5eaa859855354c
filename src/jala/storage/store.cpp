#include "jala/storage/store.h"

#include <algorithm>

#include "jala/storage/sqlite/sqlite_store.h"

namespace jala::storage {

Result<PutOutcome> WriteTransaction::put_report(const model::Report& report) {
  JALA_TRY(model::validate(report));
  return do_put_report(report, model::content_hash(report));
}

Result<PutOutcome> WriteTransaction::put_transaction(const model::Transaction& transaction) {
  JALA_TRY(model::validate(transaction));
  return do_put_transaction(transaction, model::content_hash(transaction));
}

Result<std::unique_ptr<Store>> open_store(std::string_view location) {
  if (location.starts_with("postgresql://") || location.starts_with("postgres://")) {
    return unavailable("PostgreSQL stores are not supported by this build yet; use an SQLite path");
  }
  JALA_TRY_ASSIGN(std::unique_ptr<SqliteStore> store, SqliteStore::open(location));
  return std::unique_ptr<Store>(std::move(store));
}

void sort_counts(Counts& counts) {
  std::sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
}

}  // namespace jala::storage
