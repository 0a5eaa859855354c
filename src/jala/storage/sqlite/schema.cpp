#include "jala/storage/sqlite/schema.h"

#include <array>
#include <string_view>

#include "jala/storage/sqlite/statement.h"

namespace jala::storage::sqlite {
namespace {

// Append new migrations at the end; never edit one that has shipped.
constexpr std::array<std::string_view, 12> k_migrations = {
    // 0 -> 1: reports, transactions and the selectors they name.
    R"sql(
CREATE TABLE reports (
  report_key     INTEGER PRIMARY KEY,
  source         TEXT NOT NULL,
  source_id      TEXT NOT NULL,
  kind           TEXT NOT NULL,
  country        TEXT NOT NULL,
  reported_at    INTEGER NOT NULL,          -- microseconds since the Unix epoch, UTC
  language       TEXT NOT NULL,
  victim_country TEXT NOT NULL,
  loss_amount    REAL,
  loss_currency  TEXT,
  tlp            TEXT NOT NULL,
  text           TEXT NOT NULL,
  content_hash   BLOB NOT NULL,             -- SHA-256 of the canonical JSON record
  UNIQUE (source, source_id)
);
CREATE TABLE selectors (
  selector_key INTEGER PRIMARY KEY,
  type         TEXT NOT NULL,
  value        TEXT NOT NULL,
  UNIQUE (type, value)
);
CREATE TABLE report_selectors (
  report_key   INTEGER NOT NULL REFERENCES reports (report_key),
  position     INTEGER NOT NULL,
  selector_key INTEGER NOT NULL REFERENCES selectors (selector_key),
  raw          TEXT NOT NULL,
  PRIMARY KEY (report_key, position)
) WITHOUT ROWID;
CREATE INDEX report_selectors_by_selector ON report_selectors (selector_key, report_key);
CREATE TABLE transactions (
  transaction_key INTEGER PRIMARY KEY,
  source          TEXT NOT NULL,
  source_id       TEXT NOT NULL,
  from_key        INTEGER NOT NULL REFERENCES selectors (selector_key),
  to_key          INTEGER NOT NULL REFERENCES selectors (selector_key),
  amount          REAL NOT NULL,
  currency        TEXT NOT NULL,
  at              INTEGER NOT NULL,
  channel         TEXT NOT NULL,
  reference       TEXT NOT NULL,
  content_hash    BLOB NOT NULL,
  UNIQUE (source, source_id)
);
CREATE INDEX transactions_by_from ON transactions (from_key, at);
CREATE INDEX transactions_by_to ON transactions (to_key, at);
)sql",
    // 1 -> 2: selectors found in a report's text keep their UTF-8 byte span and confidence; a
    // selector from the intake form has none (NULL).
    R"sql(
ALTER TABLE report_selectors ADD COLUMN span_start INTEGER;
ALTER TABLE report_selectors ADD COLUMN span_end INTEGER;
ALTER TABLE report_selectors ADD COLUMN confidence REAL;
)sql",
    // 2 -> 3: the evidence log (docs/formats/evidence.md): its entries, and the hash of every complete
    // subtree, so that appends and proofs read O(log n) nodes.
    R"sql(
CREATE TABLE log_entries (
  leaf_index INTEGER PRIMARY KEY,
  entry      TEXT NOT NULL
);
CREATE TABLE log_nodes (
  level INTEGER NOT NULL,
  idx   INTEGER NOT NULL,
  hash  BLOB NOT NULL,
  PRIMARY KEY (level, idx)
) WITHOUT ROWID;
)sql",
    // 3 -> 4: for each record, the leaf of its latest logged version, so that an evidence package finds
    // the proofs of its items without reading the whole log, and an audit finds unlogged rows.
    R"sql(
CREATE TABLE log_records (
  kind       TEXT NOT NULL,
  source     TEXT NOT NULL,
  source_id  TEXT NOT NULL,
  leaf_index INTEGER NOT NULL,
  PRIMARY KEY (kind, source, source_id)
) WITHOUT ROWID;
INSERT OR REPLACE INTO log_records (kind, source, source_id, leaf_index)
  SELECT json_extract(entry, '$.kind'), json_extract(entry, '$.source'), json_extract(entry, '$.id'), leaf_index
  FROM log_entries
  WHERE json_valid(entry) AND json_extract(entry, '$.kind') IN ('report', 'transaction')
  ORDER BY leaf_index;
)sql",
    // 4 -> 5: sharing with partner nodes (storage/sharing.h, docs/formats/taxii.md): the STIX objects of
    // each TAXII collection by the time they were added, partners' agreements, named state such as
    // cursors; and the records in log order, for what is new since a cursor.
    R"sql(
CREATE INDEX log_records_by_leaf ON log_records (kind, leaf_index);
CREATE TABLE shared_objects (
  collection  TEXT NOT NULL,
  object_id   TEXT NOT NULL,
  version     TEXT NOT NULL,
  object_type TEXT NOT NULL,
  tlp         INTEGER NOT NULL,
  origin      TEXT NOT NULL,
  added_us    INTEGER NOT NULL,
  object      TEXT NOT NULL,
  record_source TEXT NOT NULL,
  record_id     TEXT NOT NULL,
  PRIMARY KEY (collection, object_id, version)
) WITHOUT ROWID;
CREATE UNIQUE INDEX shared_objects_by_added ON shared_objects (collection, added_us);
CREATE TABLE partners (
  name        TEXT PRIMARY KEY,
  secret_hash TEXT NOT NULL,
  tlp_max     INTEGER NOT NULL,
  collections TEXT NOT NULL,
  added_us    INTEGER NOT NULL,
  revoked_us  INTEGER
) WITHOUT ROWID;
CREATE TABLE share_state (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
)sql",
    // 5 -> 6: what the classifier made of each report's text at intake, and the facts its lures promise
    // (model/assessment.h). Lists are comma-separated.
    R"sql(
CREATE TABLE report_assessments (
  report_key INTEGER PRIMARY KEY REFERENCES reports (report_key),
  label      TEXT NOT NULL,
  category   TEXT NOT NULL,
  scam_score REAL NOT NULL
);
CREATE TABLE lure_facts (
  report_key       INTEGER PRIMARY KEY REFERENCES reports (report_key),
  salary_amount    REAL,
  salary_currency  TEXT,
  salary_period    TEXT,
  salary_usd_month REAL,
  destinations     TEXT NOT NULL,  -- ISO 3166-1 alpha-2 codes
  perks            TEXT NOT NULL,
  employer         TEXT NOT NULL
);
)sql",
    // 6 -> 7: the log's nodes keyed by their place in tiles of six levels (sqlite::log_node_position),
    // so that a proof reads a page or two per six levels, and looked up by rowid, which is cheaper than
    // the (level, idx) key it replaces.
    R"sql(
CREATE TABLE log_nodes_in_tiles (
  position INTEGER PRIMARY KEY,
  hash     BLOB NOT NULL
);
INSERT INTO log_nodes_in_tiles (position, hash)
  SELECT ((level / 6) << 57) + ((idx >> (5 - level % 6)) << 6)
           + ((idx & ((1 << (5 - level % 6)) - 1)) << (level % 6 + 1)) + (1 << (level % 6)) - 1,
         hash
  FROM log_nodes ORDER BY 1;
DROP TABLE log_nodes;
ALTER TABLE log_nodes_in_tiles RENAME TO log_nodes;
)sql",
    // 7 -> 8: each partner's limits on private overlap (storage/sharing.h, ADR 0009); agreements made
    // before get the defaults.
    R"sql(
ALTER TABLE partners ADD COLUMN overlap_max_set INTEGER NOT NULL DEFAULT 1000000;
ALTER TABLE partners ADD COLUMN overlap_sessions_per_day INTEGER NOT NULL DEFAULT 24;
)sql",
    // 8 -> 9: the leaf of a record's latest logged version in the record's own row, written by the
    // insert itself, instead of in log_records under the same text key: two B-tree entries fewer per
    // stored record. log_records keeps the custody chains, which have no row.
    R"sql(
ALTER TABLE reports ADD COLUMN leaf_index INTEGER;
ALTER TABLE transactions ADD COLUMN leaf_index INTEGER;
UPDATE reports SET leaf_index = (SELECT l.leaf_index FROM log_records l
  WHERE l.kind = 'report' AND l.source = reports.source AND l.source_id = reports.source_id);
UPDATE transactions SET leaf_index = (SELECT l.leaf_index FROM log_records l
  WHERE l.kind = 'transaction' AND l.source = transactions.source AND l.source_id = transactions.source_id);
DELETE FROM log_records WHERE kind IN ('report', 'transaction');
DROP INDEX log_records_by_leaf;
CREATE INDEX reports_by_leaf ON reports (leaf_index);
)sql",
    // 9 -> 10: no leaves in log_nodes. A leaf is the hash of its entry, which log_entries holds, so it is
    // computed when read (a proof reads one); half the rows of log_nodes go, and an append writes one B-tree
    // entry fewer. The leaves are the even positions of the lowest band (log_node_position).
    R"sql(
DELETE FROM log_nodes WHERE position < (1 << 57) AND position % 2 = 0;
)sql",
    // 10 -> 11: selectors kept unique by an index of their own instead of a constraint, so that a bulk
    // load can drop it and build it again by a sort (WriteTransaction::start_bulk_load). SQLite cannot
    // drop a constraint: the table is rebuilt with the same keys (foreign keys are off while migrating).
    R"sql(
CREATE TABLE selectors_rebuilt (
  selector_key INTEGER PRIMARY KEY,
  type         TEXT NOT NULL,
  value        TEXT NOT NULL
);
INSERT INTO selectors_rebuilt (selector_key, type, value) SELECT selector_key, type, value FROM selectors;
DROP TABLE selectors;
ALTER TABLE selectors_rebuilt RENAME TO selectors;
CREATE UNIQUE INDEX selectors_by_value ON selectors (type, value);
)sql",
    // 11 -> 12: a report its source withdrew (model::Report::withdrawn) is kept, marked, with no selectors.
    R"sql(
ALTER TABLE reports ADD COLUMN withdrawn INTEGER NOT NULL DEFAULT 0;
)sql",
};

Result<int> read_version(sqlite3* connection) {
  JALA_TRY_ASSIGN(Statement statement, Statement::prepare(connection, "PRAGMA user_version"));
  JALA_TRY_ASSIGN(const bool has_row, statement.step());
  if (!has_row) return internal_error("PRAGMA user_version returned no row");
  return static_cast<int>(statement.column_int(0));
}

// Runs the migrations the store lacks, in one transaction.
Status apply_migrations(sqlite3* connection) {
  JALA_TRY(execute(connection, "BEGIN IMMEDIATE"));
  auto rollback_on_error = [&](Status status) -> Status {
    if (!status.ok()) (void)execute(connection, "ROLLBACK");
    return status;
  };
  Result<int> version = read_version(connection);
  if (!version.ok()) return rollback_on_error(std::move(version).error());
  if (*version > current_schema_version()) {
    return rollback_on_error(
        failed_precondition("the store has schema version {}, newer than this jala understands ({}); upgrade jala",
                            *version, current_schema_version()));
  }
  for (int step = *version; step < current_schema_version(); ++step) {
    JALA_TRY(rollback_on_error(execute(connection, k_migrations[static_cast<std::size_t>(step)])));
    JALA_TRY(rollback_on_error(execute(connection, fmt::format("PRAGMA user_version = {}", step + 1))));
  }
  return execute(connection, "COMMIT");
}

}  // namespace

int current_schema_version() { return static_cast<int>(k_migrations.size()); }

Status migrate(sqlite3* connection) {
  // An up-to-date store needs no write lock: opening it while an ingest writes (`jala stats` during a
  // long ingest) must not wait for the writer.
  JALA_TRY_ASSIGN(const int found, read_version(connection));
  if (found == current_schema_version()) return {};
  // A migration may rebuild a table that others refer to (10 -> 11), which SQLite allows only with foreign
  // keys off; the pragma has no effect inside a transaction, so it is set around it.
  JALA_TRY(execute(connection, "PRAGMA foreign_keys = OFF"));
  Status migrated = apply_migrations(connection);
  JALA_TRY(execute(connection, "PRAGMA foreign_keys = ON"));
  return migrated;
}

}  // namespace jala::storage::sqlite
