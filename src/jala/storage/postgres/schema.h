// The PostgreSQL backend's schema and its migrations. Internal to storage/postgres/.
#pragma once

#include <string_view>

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

// Takes the advisory lock that every write transaction (and a migration) takes first: the writers of one
// store run one at a time, as the evidence log's appends require (store.h, WriteTransaction), and readers
// are never blocked. The lock is the store's own, keyed by its schema (the connection's search_path), so
// the nodes that keep their stores in other schemas of the database do not wait for it; two schema names
// whose hashes collide share a lock, which costs waiting, never safety. Builds before 2026-12-07 took one
// lock for the whole database, the key 0x4a414c41 ("JALA"); a writer also holds that key shared, so that
// it and a writer of such a build, still running during an upgrade, never write at once.
inline constexpr std::string_view k_take_write_lock =
    "SELECT pg_advisory_xact_lock_shared(x'4a414c41'::BIGINT),"
    " pg_advisory_xact_lock(x'4a414c41'::INTEGER, hashtext(coalesce(current_schema(), '')))";

}  // namespace jala::storage::postgres
