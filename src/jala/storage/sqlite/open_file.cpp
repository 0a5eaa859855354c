// Opening an SQLite store's file: its settings, its migration, and the creation of a new one.
#include "jala/storage/sqlite/open_file.h"

#include <sqlite3.h>
#include <unistd.h>

#include <cstdlib>

#include <fmt/core.h>

#include "jala/storage/sqlite/schema.h"

namespace jala::storage::sqlite {
namespace {

Status configure(sqlite3* db, const StoreOptions& options) {
  sqlite3_busy_timeout(db, 10'000);
  // 16 KiB pages for a new store; the pragma leaves a store that has pages as it is. Fewer, fuller pages
  // mean fewer B-tree levels and page-cache lookups per row (docs/performance.md, the bulk load).
  JALA_TRY(execute(db, "PRAGMA page_size = 16384"));
  JALA_TRY(execute(db, "PRAGMA journal_mode = WAL"));
  // A committed write survives power loss, as Store::write promises (ADR 0005): in WAL mode, FULL syncs
  // the WAL at every commit, which batches make cheap. NORMAL would sync only at checkpoints, so the
  // last commits could be lost with the machine, though not with the process.
  JALA_TRY(execute(db, "PRAGMA synchronous = FULL"));
  JALA_TRY(execute(db, "PRAGMA foreign_keys = ON"));
  return execute(db, fmt::format("PRAGMA cache_size = -{}", options.sqlite_cache_mib * 1024));  // in KiB
}

}  // namespace

Result<Connection> open_configured(const std::string& path, const std::string& file, const StoreOptions& options) {
  sqlite3* raw = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  Connection connection(raw);
  if (rc != SQLITE_OK) {
    if (connection == nullptr) return unavailable("cannot open store '{}': out of memory", file);
    return last_error(connection.get(), fmt::format("cannot open store '{}'", file));
  }
  if (Status configured = configure(connection.get(), options); !configured.ok()) {
    return configured.error().with_context(fmt::format("store '{}'", file));
  }
  if (Status migrated = migrate(connection.get()); !migrated.ok()) {
    return migrated.error().with_context(fmt::format("store '{}'", file));
  }
  return connection;
}

void create_store_file(const std::string& file, const StoreOptions& options) {
  // An SQLite URI ("file:…?mode=…") is no file name to add a suffix to.
  if (file.starts_with("file:")) return;
  // A name of its own (mkstemp: private, and unique even between processes with the same pid, as in
  // containers sharing a volume).
  std::string building = file + ".creating-XXXXXX";
  const int descriptor = ::mkstemp(building.data());
  if (descriptor < 0) return;
  ::close(descriptor);
  const auto remove_building = [&] {
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) ::unlink((building + suffix).c_str());
  };
  {
    // A failure here (a name too long for SQLite's own "-journal" beside it, say) leaves the store to be
    // created in place, where a real fault is reported.
    const Result<Connection> connection = open_configured(building, file, options);
    if (!connection.ok()) {
      remove_building();
      return;
    }
  }  // closing the only connection folds the write-ahead log into the file
  // A file system without hard links refuses the link; the store is then created in place too.
  (void)::link(building.c_str(), file.c_str());
  remove_building();
}

}  // namespace jala::storage::sqlite
