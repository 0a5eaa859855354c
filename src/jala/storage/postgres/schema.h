// The PostgreSQL backend's schema and its migrations. Internal to storage/postgres/.
#pragma once

#include "jala/base/result.h"
#include "jala/storage/postgres/connection.h"

namespace jala::storage::postgres {

int current_schema_version();

// Brings the database's schema (in the connection's search_path) to this build's version, under an
// advisory lock so that two nodes opening one database at once migrate it once. A store already at this
// version is only read, without the lock, so that opening it waits for no writer and needs no right to
// create tables. Refuses a schema newer than this build, and a database without a store unless
// `create_if_missing` (then it is not_found).
Status migrate(Connection& connection, bool create_if_missing);

// The advisory lock that every write transaction takes first: writers run one at a time, as the
// evidence log's appends require (store.h, WriteTransaction), and readers are never blocked.
inline constexpr std::int64_t k_write_lock = 0x4a414c41;  // "JALA"

}  // namespace jala::storage::postgres
