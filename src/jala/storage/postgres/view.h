// The PostgreSQL backend's view and write transaction: one object over the store's connection, used as
// const for reads. Its methods are defined by subject: records (read in view_records.cpp; written, with
// the hint that comes first, in view_writes.cpp), the evidence log (view_log.cpp), sharing and assessments
// (view_share.cpp), and the whole-store reads that linking and flow analysis make (view_bulk.cpp).
// Internal to storage/postgres/.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

#include "jala/storage/postgres/connection.h"
#include "jala/storage/store.h"

namespace jala::storage::postgres {

// Selector keys known to be committed, by type byte then value; bounded, and dropped whenever a write
// rolls back.
using SelectorKeys = std::unordered_map<std::string, std::int64_t>;

// Many records asked at once: join this to a table on (source, source_id), with record_key_arrays() as $1
// and $2, and `w.place` numbers the records asked from 1.
inline constexpr std::string_view k_asked_records =
    "unnest($1::text[], $2::text[]) WITH ORDINALITY AS w(source, source_id, place)";
Params record_key_arrays(std::span<const RecordKey> keys);
// The place, from 0, of the item that row `row` answers: column 0 of a query over `asked` items numbered
// from 1 by WITH ORDINALITY.
Result<std::size_t> asked_place(const Rows& rows, std::size_t row, std::size_t asked);

class View final : public WriteTransaction {
 public:
  View(Connection& connection, SelectorKeys& selector_keys)
      : m_connection(connection), m_selector_keys(selector_keys) {}

  // Records (view_records.cpp).
  Result<std::optional<model::Report>> find_report(const RecordKey& key) const override;
  Result<std::vector<std::optional<model::Report>>> find_reports(std::span<const RecordKey> keys) const override;
  Result<std::optional<model::Transaction>> find_transaction(const RecordKey& key) const override;
  Result<std::vector<std::optional<model::Transaction>>> find_transactions(
      std::span<const RecordKey> keys) const override;
  Result<std::vector<RecordKey>> reports_with_selector(const model::Selector& selector) const override;
  Result<SelectorReports> first_reports_with_selector(const model::Selector& selector,
                                                      std::size_t limit) const override;
  Result<StoreStats> stats() const override;

  // Whole-store reads (view_bulk.cpp).
  Result<bool> extend_link_input(graph::LinkInput& input, LinkInputCursor& cursor) const override;
  Result<flow::Ledger> ledger() const override;
  Result<flow::Ledger> ledger_of(std::span<const model::Selector> accounts) const override;
  Result<std::vector<model::Selector>> selectors_of_reports(std::span<const model::Tlp> levels,
                                                            std::span<const std::string> other_sources) const override;

  // The evidence log (view_log.cpp).
  Result<std::uint64_t> log_size() const override;
  Result<std::string> log_entry(std::uint64_t index) const override;
  Result<evidence::Hash> log_node(evidence::NodeId id) const override;
  bool log_stores_leaves() const override { return true; }
  Result<std::vector<evidence::Hash>> log_nodes(std::span<const evidence::NodeId> ids) const override;
  Result<std::vector<std::string>> log_entries(std::uint64_t first, std::size_t count) const override;
  Result<std::vector<std::optional<evidence::Hash>>> stored_log_nodes(
      std::span<const evidence::NodeId> ids) const override;
  Result<std::optional<std::uint64_t>> log_index(std::string_view kind, const RecordKey& key) const override;
  Result<std::vector<std::optional<std::uint64_t>>> log_indexes(std::string_view kind,
                                                                std::span<const RecordKey> keys) const override;
  Result<std::vector<std::pair<std::string, RecordKey>>> unlogged_records() const override;
  Result<std::vector<std::pair<std::uint64_t, RecordKey>>> reports_logged_after(std::optional<std::uint64_t> after,
                                                                                std::size_t limit) const override;

  // Sharing and assessments (view_share.cpp).
  Result<std::vector<LureReport>> lure_reports() const override;
  Result<std::vector<SharedObject>> shared_objects(const SharedObjectQuery& query) const override;
  Result<std::optional<Partner>> find_partner(std::string_view name) const override;
  Result<std::vector<Partner>> partners() const override;
  Result<std::optional<std::string>> share_state(std::string_view name) const override;
  Result<std::vector<std::pair<std::string, std::string>>> share_states_with_prefix(
      std::string_view prefix) const override;
  Result<bool> put_shared_object(const SharedObject& object) override;
  Result<bool> raise_shared_object(const SharedObject& object) override;
  Status put_partner(const Partner& partner) override;
  Status set_share_state(std::string_view name, std::string_view value) override;
  Status start_bulk_load() override;
  Status finish_bulk_load() override;
  Status expect_records(std::span<const RecordRef> records) override;

 protected:
  Result<PutOutcome> do_put_report(const model::Report& report, const Sha256Digest& content_hash,
                                   std::uint64_t leaf) override;
  Status do_put_assessment(const RecordKey& key, const model::Assessment& assessment) override;
  Result<PutOutcome> do_put_transaction(const model::Transaction& transaction, const Sha256Digest& content_hash,
                                        std::uint64_t leaf) override;
  Status do_append_log(std::uint64_t index, std::string_view entry, std::span<const evidence::Node> nodes) override;
  Status do_note_custody(std::string_view kind, const RecordKey& key, std::uint64_t index) override;

 private:
  struct StoredRecord {
    std::int64_t key = 0;
    std::string content_hash;
  };
  // The key and content hash of a stored report or transaction (`table`), or nothing.
  Result<std::optional<StoredRecord>> find_stored(std::string_view table, const RecordKey& key) const;
  // The selector's key, stored now if it is new.
  Result<std::int64_t> intern(const model::Selector& selector);
  // The keys of these selectors, stored now where they are new, into m_selector_keys: two round trips.
  Status intern_all(std::span<const model::Selector> selectors);
  // Looks these reports up into m_expected_reports, and reserves a key for each that is not stored.
  Status expect_reports(std::span<const RecordKey> reports);
  // The report's assessment, replacing any (view_share.cpp); a report stored just now has none to replace.
  Status put_assessment(std::int64_t report_key, const std::optional<model::Assessment>& assessment,
                        bool report_is_new);
  // The assessments of these reports, by report key; a report without one is not in it.
  Result<std::unordered_map<std::int64_t, model::Assessment>> find_assessments(
      std::span<const std::int64_t> report_keys) const;
  // (place, hash) of each of `ids` that log_nodes holds, `place` counting `ids` from 1 (view_log.cpp).
  Result<Rows> select_log_nodes(std::span<const evidence::NodeId> ids) const;

  // Queries run on the connection even from const reads: preparing a statement changes no data.
  Result<Rows> query(std::string_view sql, const Params& params = {}) const { return m_connection.query(sql, params); }
  Status run(std::string_view sql, const Params& params = {}) { return m_connection.run(sql, params); }

  Connection& m_connection;
  SelectorKeys& m_selector_keys;
  // The content hash of each transaction that the last expect_records() looked up, or none for one not stored
  // yet, kept current by the puts: a new one's insert needs no answer, so it is gathered, and a stored
  // one is told unchanged or changed without a query.
  std::map<RecordKey, std::string> m_expected_transactions;
  // Reports that the last expect_records() looked up, with what their puts need to know: the stored key and
  // content hash, or for a report not stored yet the key reserved for it and no hash. The puts keep it
  // current, so none of them waits for an answer.
  std::map<RecordKey, StoredRecord> m_expected_reports;
};

}  // namespace jala::storage::postgres
