#include "jala/storage/postgres/schema.h"

#include <fmt/format.h>

#include <array>
#include <string_view>

namespace jala::storage::postgres {
namespace {

// The same tables as the SQLite backend's schema 7 (storage/sqlite/schema.cpp), in PostgreSQL's
// types. Text compares by bytes (COLLATE "C"), so that every ORDER BY gives the order SQLite and the
// memory store give. Times are microseconds since the Unix epoch, UTC. Append new migrations at the
// end; never edit one that has shipped.
constexpr std::array<std::string_view, 3> k_migrations = {
    R"sql(
CREATE TABLE reports (
  report_key     BIGSERIAL PRIMARY KEY,
  source         TEXT COLLATE "C" NOT NULL,
  source_id      TEXT COLLATE "C" NOT NULL,
  kind           TEXT COLLATE "C" NOT NULL,
  country        TEXT COLLATE "C" NOT NULL,
  reported_at    BIGINT NOT NULL,
  language       TEXT COLLATE "C" NOT NULL,
  victim_country TEXT COLLATE "C" NOT NULL,
  loss_amount    DOUBLE PRECISION,
  loss_currency  TEXT COLLATE "C",
  tlp            TEXT COLLATE "C" NOT NULL,
  text           TEXT NOT NULL,
  content_hash   BYTEA NOT NULL,
  UNIQUE (source, source_id)
);
CREATE TABLE selectors (
  selector_key BIGSERIAL PRIMARY KEY,
  type         TEXT COLLATE "C" NOT NULL,
  value        TEXT COLLATE "C" NOT NULL,
  UNIQUE (type, value)
);
CREATE TABLE report_selectors (
  report_key   BIGINT NOT NULL REFERENCES reports (report_key),
  position     INTEGER NOT NULL,
  selector_key BIGINT NOT NULL REFERENCES selectors (selector_key),
  raw          TEXT NOT NULL,
  span_start   BIGINT,
  span_end     BIGINT,
  confidence   DOUBLE PRECISION,
  PRIMARY KEY (report_key, position)
);
CREATE INDEX report_selectors_by_selector ON report_selectors (selector_key, report_key);
CREATE TABLE transactions (
  transaction_key BIGSERIAL PRIMARY KEY,
  source          TEXT COLLATE "C" NOT NULL,
  source_id       TEXT COLLATE "C" NOT NULL,
  from_key        BIGINT NOT NULL REFERENCES selectors (selector_key),
  to_key          BIGINT NOT NULL REFERENCES selectors (selector_key),
  amount          DOUBLE PRECISION NOT NULL,
  currency        TEXT COLLATE "C" NOT NULL,
  at              BIGINT NOT NULL,
  channel         TEXT COLLATE "C" NOT NULL,
  reference       TEXT COLLATE "C" NOT NULL,
  content_hash    BYTEA NOT NULL,
  UNIQUE (source, source_id)
);
CREATE INDEX transactions_by_from ON transactions (from_key, at);
CREATE INDEX transactions_by_to ON transactions (to_key, at);
CREATE TABLE log_entries (
  leaf_index BIGINT PRIMARY KEY,
  entry      TEXT NOT NULL
);
CREATE TABLE log_nodes (
  level INTEGER NOT NULL,
  idx   BIGINT NOT NULL,
  hash  BYTEA NOT NULL,
  PRIMARY KEY (level, idx)
);
CREATE TABLE log_records (
  kind       TEXT COLLATE "C" NOT NULL,
  source     TEXT COLLATE "C" NOT NULL,
  source_id  TEXT COLLATE "C" NOT NULL,
  leaf_index BIGINT NOT NULL,
  PRIMARY KEY (kind, source, source_id)
);
CREATE INDEX log_records_by_leaf ON log_records (kind, leaf_index);
CREATE TABLE shared_objects (
  collection    TEXT COLLATE "C" NOT NULL,
  object_id     TEXT COLLATE "C" NOT NULL,
  version       TEXT COLLATE "C" NOT NULL,
  object_type   TEXT COLLATE "C" NOT NULL,
  tlp           INTEGER NOT NULL,
  origin        TEXT COLLATE "C" NOT NULL,
  added_us      BIGINT NOT NULL,
  object        TEXT NOT NULL,
  record_source TEXT COLLATE "C" NOT NULL,
  record_id     TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (collection, object_id, version)
);
CREATE UNIQUE INDEX shared_objects_by_added ON shared_objects (collection, added_us);
CREATE TABLE partners (
  name        TEXT COLLATE "C" PRIMARY KEY,
  secret_hash TEXT NOT NULL,
  tlp_max     INTEGER NOT NULL,
  collections TEXT COLLATE "C" NOT NULL,
  added_us    BIGINT NOT NULL,
  revoked_us  BIGINT,
  overlap_max_set          BIGINT NOT NULL,
  overlap_sessions_per_day BIGINT NOT NULL
);
CREATE TABLE share_state (
  name  TEXT COLLATE "C" PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE report_assessments (
  report_key BIGINT PRIMARY KEY REFERENCES reports (report_key),
  label      TEXT COLLATE "C" NOT NULL,
  category   TEXT COLLATE "C" NOT NULL,
  scam_score DOUBLE PRECISION NOT NULL
);
CREATE TABLE lure_facts (
  report_key       BIGINT PRIMARY KEY REFERENCES reports (report_key),
  salary_amount    DOUBLE PRECISION,
  salary_currency  TEXT COLLATE "C",
  salary_period    TEXT COLLATE "C",
  salary_usd_month DOUBLE PRECISION,
  destinations     TEXT COLLATE "C" NOT NULL,
  perks            TEXT COLLATE "C" NOT NULL,
  employer         TEXT NOT NULL
);
)sql",
    // 1 -> 2: the leaf of a record's latest logged version in the record's own row, written by the
    // insert itself, as in SQLite's schema 9; log_records keeps the custody chains.
    R"sql(
ALTER TABLE reports ADD COLUMN leaf_index BIGINT;
ALTER TABLE transactions ADD COLUMN leaf_index BIGINT;
UPDATE reports r SET leaf_index = l.leaf_index FROM log_records l
  WHERE l.kind = 'report' AND l.source = r.source AND l.source_id = r.source_id;
UPDATE transactions t SET leaf_index = l.leaf_index FROM log_records l
  WHERE l.kind = 'transaction' AND l.source = t.source AND l.source_id = t.source_id;
DELETE FROM log_records WHERE kind IN ('report', 'transaction');
DROP INDEX log_records_by_leaf;
CREATE INDEX reports_by_leaf ON reports (leaf_index);
)sql",
    // 2 -> 3: a report its source withdrew (model::Report::withdrawn), as in SQLite's schema 12.
    R"sql(
ALTER TABLE reports ADD COLUMN withdrawn BOOLEAN NOT NULL DEFAULT FALSE;
)sql",
};

Result<int> read_version(Connection& connection) {
  JALA_TRY_ASSIGN(const Rows rows, connection.query("SELECT version FROM jala_schema"));
  if (rows.size() != 1) return data_loss("the table jala_schema holds {} rows, not one", rows.size());
  return static_cast<int>(rows.integer(0, 0));
}

// The version of the store in the connection's search_path, or nullopt when it holds none.
Result<std::optional<int>> stored_version(Connection& connection) {
  JALA_TRY_ASSIGN(const Rows found, connection.query("SELECT (to_regclass('jala_schema') IS NOT NULL)::INTEGER"));
  if (found.integer(0, 0) == 0) return std::optional<int>();
  JALA_TRY_ASSIGN(const int version, read_version(connection));
  return std::optional<int>(version);
}

Status refuse_newer(int version) {
  return failed_precondition("the store has schema version {}, newer than this jala understands ({}); upgrade jala",
                             version, current_schema_version());
}

}  // namespace

int current_schema_version() { return static_cast<int>(k_migrations.size()); }

Status migrate(Connection& connection, bool create_if_missing) {
  JALA_TRY_ASSIGN(const std::optional<int> found, stored_version(connection));
  if (!found && !create_if_missing) {
    return not_found("there is no store in this database and schema (nothing was ingested there; is --db right?)");
  }
  if (found && *found == current_schema_version()) return {};
  if (found && *found > current_schema_version()) return refuse_newer(*found);
  JALA_TRY(connection.execute("BEGIN"));
  auto rollback_on_error = [&](Status status) -> Status {
    if (!status.ok()) (void)connection.execute("ROLLBACK");
    return status;
  };
  JALA_TRY(rollback_on_error(connection.execute(
      fmt::format("{}; CREATE TABLE IF NOT EXISTS jala_schema (version INTEGER NOT NULL);"
                  " INSERT INTO jala_schema (version) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM jala_schema)",
                  k_take_write_lock))));
  Result<int> version = read_version(connection);
  if (!version.ok()) return rollback_on_error(std::move(version).error());
  if (*version > current_schema_version()) return rollback_on_error(refuse_newer(*version));
  for (int step = *version; step < current_schema_version(); ++step) {
    JALA_TRY(rollback_on_error(connection.execute(k_migrations[static_cast<std::size_t>(step)])));
    JALA_TRY(rollback_on_error(connection.execute(fmt::format("UPDATE jala_schema SET version = {}", step + 1))));
  }
  return connection.execute("COMMIT");
}

}  // namespace jala::storage::postgres
