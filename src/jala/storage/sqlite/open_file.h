// Opening an SQLite store's file: its settings, its migration, and the creation of a new one.
#pragma once

#include <string>

#include "jala/base/result.h"
#include "jala/storage/sqlite/statement.h"
#include "jala/storage/store.h"

namespace jala::storage::sqlite {

// Opens the SQLite file at `path` (creating it when missing), applies the store's settings and brings
// its schema up to date; errors name the store as `file`.
Result<Connection> open_configured(const std::string& path, const std::string& file, const StoreOptions& options);

// Builds a new store's tables under a private name beside `file` and links the finished file into place,
// so that no process ever sees the store without its tables: one that opened it in between would have
// queued for the write lock to create them, behind a whole ingest's batches. When two processes create
// the same store at once, the first link wins and both open that store. Where that cannot be done (an
// SQLite URI, a name too long for the temporary's, a file system without hard links) nothing is made, and
// the store is created in place when it is opened, as before; a process killed in the moment of creation
// leaves its "<file>.creating-XXXXXX" behind (docs/known-issues.md).
void create_store_file(const std::string& file, const StoreOptions& options);

}  // namespace jala::storage::sqlite
