// The store: where a node keeps its reports, transactions and selectors. A narrow interface with a
// read-only view and a write transaction; every backend (memory/, sqlite/, postgres/) passes
// the one conformance suite in tests/conformance/. SQL dialects stay inside the backends.
//
// Ownership and threads: a Store is owned by its opener (unique_ptr) and used from one thread at a
// time. Views and transactions live only inside the callback that receives them.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "jala/base/result.h"
#include "jala/base/sha256.h"
#include "jala/evidence/merkle.h"
#include "jala/flow/ledger.h"
#include "jala/graph/link_input.h"
#include "jala/model/report.h"
#include "jala/model/transaction.h"
#include "jala/storage/sharing.h"

namespace jala::storage {

struct RecordKey {
  std::string source;
  std::string id;
  auto operator<=>(const RecordKey&) const =
      default;  // NOLINT(modernize-use-nullptr): clang-tidy 14 misreads defaulted <=>
};

// What a put did: a new record, the same content again, or new content for a known key. A new record and
// new content each append an entry to the evidence log in the same transaction.
enum class PutOutcome { added, unchanged, updated };

struct SelectorReports {
  std::int64_t count = 0;
  std::vector<RecordKey> first;
};

// A report whose assessment holds lure facts (model/assessment.h).
struct LureReport {
  RecordKey key;
  std::string country;  // of the reporting agency
  Timestamp reported_at;
  model::LureFacts facts;
};

// A count per name, largest first, then by name.
using Counts = std::vector<std::pair<std::string, std::int64_t>>;

struct StoreStats {
  std::int64_t reports = 0;
  std::int64_t transactions = 0;
  std::int64_t selectors = 0;  // distinct canonical selectors
  Counts reports_by_kind;
  Counts reports_by_country;
  Counts reports_by_source;
  Counts selectors_by_type;
};

// Where a read of the report-selector graph stopped, so that the reports a store gains later can be
// added to it without reading it all again (ReadView::extend_link_input). The fields are the store's
// own; callers only keep the cursor beside the graph it was read with.
struct LinkInputCursor {
  std::uint64_t log_size = 0;                   // the evidence log's size at the read
  std::int64_t last_report_key = 0;             // the newest report read, in the store's keys
  std::vector<graph::SelectorId> selector_ids;  // the graph's selector ids, by the store's selector keys
};

class ReadView {
 public:
  virtual ~ReadView() = default;

  virtual Result<std::optional<model::Report>> find_report(const RecordKey& key) const = 0;
  virtual Result<std::optional<model::Transaction>> find_transaction(const RecordKey& key) const = 0;
  // find_report() and find_transaction() of each key, in order: one read for all where the backend can
  // (the audit's).
  virtual Result<std::vector<std::optional<model::Report>>> find_reports(std::span<const RecordKey> keys) const;
  virtual Result<std::vector<std::optional<model::Transaction>>> find_transactions(
      std::span<const RecordKey> keys) const;
  // Reports that name the selector, ordered by key.
  virtual Result<std::vector<RecordKey>> reports_with_selector(const model::Selector& selector) const = 0;
  // How many reports name the selector, and the first `limit` of them in the order the backend keeps
  // them (SQLite: the order stored), read without sorting them all: a lookup that stays cheap for a
  // selector in thousands of reports (the HTTP API's).
  virtual Result<SelectorReports> first_reports_with_selector(const model::Selector& selector,
                                                              std::size_t limit) const = 0;
  virtual Result<StoreStats> stats() const = 0;
  // Every report with the distinct selectors it names (form and text), in key order: what linking reads.
  Result<graph::LinkInput> link_input() const;
  // Adds to `input`, read through `cursor` (both empty at first), the reports stored since, exactly as a
  // new read would hold them, and moves the cursor on. Returns false, leaving both as they were, when
  // a report the graph holds has been stored again since (its selectors may differ): only a new read is
  // right then, as after an error. What keeps a million-report graph current without reading it all again.
  virtual Result<bool> extend_link_input(graph::LinkInput& input, LinkInputCursor& cursor) const = 0;
  // The reports whose assessment holds lure facts, in key order: what `jala lures` filters.
  virtual Result<std::vector<LureReport>> lure_reports() const = 0;
  // Every transaction as the time-ordered account graph that tracing and mule scoring read.
  virtual Result<flow::Ledger> ledger() const = 0;
  // Only the transactions into or out of any of `accounts` (repeats allowed; accounts no transaction
  // names are skipped), read through the store's indexes, as a ledger of those alone. Each of `accounts`
  // has the same transfers as in ledger(), in the same order, and the accounts keep ledger()'s relative
  // order, so what a computation reads of them comes out the same from either.
  virtual Result<flow::Ledger> ledger_of(std::span<const model::Selector> accounts) const = 0;

  // The evidence log (docs/formats/evidence.md): one leaf per stored version of every record.
  virtual Result<std::uint64_t> log_size() const = 0;
  virtual Result<std::string> log_entry(std::uint64_t index) const = 0;
  // The hash of a complete subtree of the log.
  virtual Result<evidence::Hash> log_node(evidence::NodeId id) const = 0;
  // Whether the leaves (level 0) are stored hashes. When they are not, log_node hashes the entry, so
  // an audit has nothing to compare a recomputed leaf with.
  virtual bool log_stores_leaves() const = 0;
  // The hashes of several complete subtrees, in the order asked (a proof's nodes, read at once).
  virtual Result<std::vector<evidence::Hash>> log_nodes(std::span<const evidence::NodeId> ids) const = 0;
  // The entries from `first` on, `count` of them (fewer past the log's end), and the stored hash of each
  // of `ids`, or nothing where the store has none or holds no SHA-256 hash: one read each where the
  // backend can, for an audit, which reads every entry and node.
  virtual Result<std::vector<std::string>> log_entries(std::uint64_t first, std::size_t count) const;
  virtual Result<std::vector<std::optional<evidence::Hash>>> stored_log_nodes(
      std::span<const evidence::NodeId> ids) const;
  // The leaf of the latest logged version of a record (`kind` "report" or "transaction"), or of the
  // latest event of a record's custody chain (`kind` "custody:report" or "custody:transaction"), if any.
  virtual Result<std::optional<std::uint64_t>> log_index(std::string_view kind, const RecordKey& key) const = 0;
  // log_index() of each key, in order.
  virtual Result<std::vector<std::optional<std::uint64_t>>> log_indexes(std::string_view kind,
                                                                        std::span<const RecordKey> keys) const;
  // Records the store holds whose row names no leaf of the log (none, or one past its end), as (kind,
  // key), by kind then key: rows written behind Jala's back, or left by entries cut off the log's end.
  virtual Result<std::vector<std::pair<std::string, RecordKey>>> unlogged_records() const = 0;
  // Reports whose latest version was logged after leaf `after` (or from the start), by leaf, at most
  // `limit`: what is new since a cursor.
  virtual Result<std::vector<std::pair<std::uint64_t, RecordKey>>> reports_logged_after(
      std::optional<std::uint64_t> after, std::size_t limit) const = 0;

  // The distinct selectors that reports marked at one of `levels` name (form and text), by type then
  // value, leaving out the reports of `other_sources`: a node's set for private overlap (share/psi.h),
  // without the reports partners shared with it, which are theirs to disclose.
  virtual Result<std::vector<model::Selector>> selectors_of_reports(
      std::span<const model::Tlp> levels, std::span<const std::string> other_sources) const = 0;
  // Sharing (sharing.h): a page of a collection's objects, by the time they were added.
  virtual Result<std::vector<SharedObject>> shared_objects(const SharedObjectQuery& query) const = 0;
  virtual Result<std::optional<Partner>> find_partner(std::string_view name) const = 0;
  virtual Result<std::vector<Partner>> partners() const = 0;  // by name
  virtual Result<std::optional<std::string>> share_state(std::string_view name) const = 0;
  // Every store state whose name begins with `prefix`, as (name, value), by name.
  virtual Result<std::vector<std::pair<std::string, std::string>>> share_states_with_prefix(
      std::string_view prefix) const = 0;

  // One past the log leaf of the first record version stored by the latest write transaction that stored
  // any: it changes exactly when records are added or changed, unlike log_size(), which custody events (a
  // partner's read) grow too. What caches of analyses over the records key on. 0 when no record was
  // stored since the store kept it (2026-12-04), so the first record, at leaf 0, changes it too.
  Result<std::uint64_t> records_changed_at() const;
};

// The log's nodes as a view reads them, for the proofs of evidence/merkle.h (a transaction sees its own
// appends). The view must outlive it.
class LogNodes final : public evidence::NodeReader {
 public:
  explicit LogNodes(const ReadView& view) : m_view(view) {}
  Result<evidence::Hash> node(evidence::NodeId id) const override { return m_view.log_node(id); }
  Result<std::vector<evidence::Hash>> nodes(std::span<const evidence::NodeId> ids) const override {
    return m_view.log_nodes(ids);
  }

 private:
  const ReadView& m_view;
};

// A record's canonical JSON (model::to_json, keys in byte order, no white space): the bytes a log
// entry's hash covers, and what an evidence package holds.
std::string canonical_record(const model::Report& report);
std::string canonical_record(const model::Transaction& transaction);
// The lower-case hex SHA-256 of a record's canonical JSON, as log entries hold it.
std::string record_sha256(const model::Report& report);
std::string record_sha256(const model::Transaction& transaction);

// What storing a record computes from the record alone: its model::content_hash(), which tells a changed
// record from an unchanged one, and the evidence log's entry for it (which holds its record_sha256()) with
// the entry's leaf hash, logged if the version is new. They are most of a put's CPU time, so an ingest
// computes them on a thread of its own, ahead of the store; the entry's `logged_at` is when they were made.
struct RecordDigests {
  Sha256Digest content_hash{};
  std::string log_entry;
  evidence::Hash log_leaf{};
};
RecordDigests digests_of(const model::Report& report);
RecordDigests digests_of(const model::Transaction& transaction);

// A custody event (docs/formats/evidence.md): who did what with a record, when, and on what legal
// basis. Each is a leaf of the evidence log that names the item's previous leaf (the later of its last
// custody event and its latest logged version), so an item's events form a chain back to the version
// they concern.
enum class CustodyAction { collected, ingested, exported, shared, accessed };
std::string_view to_string(CustodyAction action);

struct CustodyEvent {
  CustodyAction action = CustodyAction::accessed;
  std::string record_kind;  // "report" or "transaction"
  RecordKey key;
  std::string who;          // a user or partner id
  std::string legal_basis;  // free text or a reference such as an MLA request number
  std::string detail;       // e.g. the SHA-256 of the package it went into
  Timestamp at;
};

// A report or a transaction, as a hint names it (WriteTransaction::expect_records).
using RecordRef = std::variant<const model::Report*, const model::Transaction*>;

class WriteTransaction : public ReadView {
 public:
  // Adds or replaces the record with the same (source, id); idempotent for equal content. A report's
  // assessment is derived, not content: an unchanged report that carries one replaces the stored one.
  Result<PutOutcome> put_report(const model::Report& report) { return put_report(report, digests_of(report)); }
  Result<PutOutcome> put_transaction(const model::Transaction& transaction) {
    return put_transaction(transaction, digests_of(transaction));
  }
  // The same with the record's digests computed beforehand; they must be digests_of(record).
  Result<PutOutcome> put_report(const model::Report& report, const RecordDigests& digests);
  Result<PutOutcome> put_transaction(const model::Transaction& transaction, const RecordDigests& digests);
  // A hint before many puts: the records about to be put, in order. A backend whose statements are
  // round trips (PostgreSQL) looks up at once the keys of every selector they name and which of the
  // records are stored (with their content hashes), and reserves keys for new reports, so that the puts
  // then wait for nothing; the others ignore it. The puts' outcomes
  // are the same with or without it, and it binds nothing: a record hinted and never put is fine (it may
  // leave its selectors stored, named by nothing, as an update may; no answer counts those).
  virtual Status expect_records(std::span<const RecordRef> records) {
    (void)records;
    return {};
  }
  // Appends an entry to the evidence log: its leaf and the subtrees it completes, in this transaction.
  Result<std::uint64_t> append_log(std::string_view entry);
  // Appends a custody event for a logged record, chained to the record's previous leaf; returns its leaf.
  Result<std::uint64_t> append_custody(const CustodyEvent& event);

  // Adds a version of an object to its collection, stamping when it was added (true). The same
  // (collection, id, version) again changes nothing (false), unless it comes from the same origin at a
  // lower TLP: then it replaces the held one, with its JSON (and so its marking), its record, and a new
  // time added, so that incremental readers that may now see it get it (an observable that an amber
  // report named, and now a green one too, is shared at green). Another origin never lowers an object's
  // TLP.
  virtual Result<bool> put_shared_object(const SharedObject& object) = 0;
  // Raises a version that has no newer one to carry a higher TLP (an observable has one version): the held
  // (collection, id, version) from the same origin below the object's TLP takes this JSON, its record and
  // TLP, and is served only to partners allowed that TLP (to none at TLP:RED). True when one was held
  // below it. A later put at a lower TLP lowers it again, as above.
  virtual Result<bool> raise_shared_object(const SharedObject& object) = 0;
  // Adds or replaces the partner with that name.
  virtual Status put_partner(const Partner& partner) = 0;
  virtual Status set_share_state(std::string_view name, std::string_view value) = 0;

  // Bulk loading (`jala ingest --bulk`). start_bulk_load() drops the indexes that a large load would
  // otherwise keep in order one random insert at a time: the two that find an account's transactions and,
  // in SQLite, the one that keeps selectors unique, whose uniqueness this connection then keeps in memory
  // (every selector's key, read once; about 100 bytes each). finish_bulk_load() builds whatever index is
  // missing (a sort, much cheaper than millions of random inserts) and is a no-op when none is; run it
  // also after a bulk load that was interrupted. Meanwhile every answer stays the same, though reading one
  // account's transactions scans them all, and another connection's write first builds the selectors'
  // index again.
  virtual Status start_bulk_load() = 0;
  virtual Status finish_bulk_load() = 0;

 protected:
  virtual Status do_append_log(std::uint64_t index, std::string_view entry, std::span<const evidence::Node> nodes) = 0;
  // Records that leaf `index` logs the latest event of the custody chain `kind` of the record.
  virtual Status do_note_custody(std::string_view kind, const RecordKey& key, std::uint64_t index) = 0;
  // `content_hash` is the record's model::content_hash(). `leaf` is the log leaf that the version will
  // have if it is added or updated: the backend keeps it with the record, as log_index() reads it.
  // Stores the report with its assessment when it is added or updated.
  virtual Result<PutOutcome> do_put_report(const model::Report& report, const Sha256Digest& content_hash,
                                           std::uint64_t leaf) = 0;
  // Replaces the assessment of a stored report.
  virtual Status do_put_assessment(const RecordKey& key, const model::Assessment& assessment) = 0;
  virtual Result<PutOutcome> do_put_transaction(const model::Transaction& transaction, const Sha256Digest& content_hash,
                                                std::uint64_t leaf) = 0;

 private:
  // The log's right edge as this transaction's appends leave it, read at its first append, so that
  // later appends read neither nodes nor the log's size from the backend. A transaction holds the
  // store's write lock for its whole life, so nobody else can move the edge meanwhile.
  std::optional<evidence::CompactRange> m_log_edge;
  bool m_records_changed = false;  // records_changed_at() moved on in this transaction

  // The leaf the next append_log() will give: the log's size, after this transaction's appends.
  Result<std::uint64_t> next_log_leaf();
  // Logs a stored version of a record, at `leaf` (what next_log_leaf() gave before the put).
  Status log_record(std::string_view kind, const RecordKey& key, const RecordDigests& digests, std::uint64_t leaf);
  // Appends `entry`, whose leaf hash is `leaf_hash`; returns its leaf.
  Result<std::uint64_t> append_log(std::string_view entry, const evidence::Hash& leaf_hash);
};

class Store {
 public:
  virtual ~Store() = default;

  // Runs `body` on a consistent snapshot.
  virtual Status read(const std::function<Status(const ReadView&)>& body) = 0;
  // Runs `body` in one transaction: committed durably when it returns success, rolled back when it
  // fails (and then nothing it wrote is kept).
  virtual Status write(const std::function<Status(WriteTransaction&)>& body) = 0;
};

// Runs `get` (const ReadView& -> Result<T>) on a consistent snapshot and returns what it gave, or the
// read's own failure: the one way to read a single value.
template <typename Get>
auto read_value(Store& store, Get&& get) -> decltype(get(std::declval<const ReadView&>())) {
  std::optional<decltype(get(std::declval<const ReadView&>()))> got;
  const Status read = store.read([&](const ReadView& view) -> Status {
    got.emplace(get(view));
    return {};
  });
  if (!read.ok()) return read.error();
  return std::move(*got);
}

// Tuning for an opened store. PostgreSQL's own settings govern a PostgreSQL store, which ignores all but
// create_if_missing.
struct StoreOptions {
  // The most memory SQLite's page cache may take (it grows only as pages are used). Bulk loads want
  // the store's randomly written indexes to fit: a store of 10,000,000 transactions has about 600 MB
  // of them, and every index page that misses the cache is read and written again at each commit.
  std::size_t sqlite_cache_mib = 64;
  // Whether a missing store (an SQLite file, or the tables in a PostgreSQL database) is created. Commands
  // that only read a store refuse a missing one: a mistyped path would otherwise give a new, empty store,
  // in which they find nothing.
  bool create_if_missing = true;
};
// What `jala ingest` opens its store with (docs/performance.md, Money flow).
inline constexpr StoreOptions k_bulk_load_options{.sqlite_cache_mib = 1024};
// What commands that only read open their store with.
inline constexpr StoreOptions k_existing_store_options{.create_if_missing = false};

// Opens the store named by a location: a `postgresql://` URL, or a path to an SQLite file, which
// is created on first use unless the options say otherwise (then a missing file is not_found).
Result<std::unique_ptr<Store>> open_store(std::string_view location, const StoreOptions& options = {});
// Whether a location names a PostgreSQL store (`postgresql://` or `postgres://`) rather than a file.
bool is_postgres_location(std::string_view location);

// Sorts counts largest first, then by name; shared by every backend so that output is identical.
void sort_counts(Counts& counts);

}  // namespace jala::storage
