// The SQLite schema and its migrations. The schema version is SQLite's `user_version`; migration N
// takes a store from version N to N+1, in one transaction.
#pragma once

#include "jala/base/result.h"

struct sqlite3;

namespace jala::storage::sqlite {

// The version this build writes.
int current_schema_version();

// Brings the store up to current_schema_version(). Fails with failed_precondition when the store was
// written by a newer Jala.
Status migrate(sqlite3* connection);

}  // namespace jala::storage::sqlite
