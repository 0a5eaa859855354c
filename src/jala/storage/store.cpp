#include "jala/storage/store.h"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <type_traits>

#include "jala/base/json_text.h"
#include "jala/storage/postgres/postgres_store.h"
#include "jala/storage/sqlite/sqlite_store.h"

namespace jala::storage {

namespace {

// The default of a batch read: `read` of each key, in order.
template <typename Read>
auto read_each(std::span<const RecordKey> keys, const Read& read)
    -> Result<std::vector<typename std::invoke_result_t<Read, const RecordKey&>::value_type>> {
  std::vector<typename std::invoke_result_t<Read, const RecordKey&>::value_type> found;
  found.reserve(keys.size());
  for (const RecordKey& key : keys) {
    JALA_TRY_ASSIGN(auto one, read(key));
    found.push_back(std::move(one));
  }
  return found;
}

// The store state that records_changed_at() reads.
constexpr std::string_view k_records_changed_state = "store:records-changed-at";

// The entry the log holds for a stored record: what it is, and the SHA-256 of its canonical JSON
// (model::to_json), so that the record as exported can be checked against the log. One line of JSON,
// as an nlohmann::ordered_json of these keys dumps it, written directly: it is on every put's path.
std::string log_entry_json(std::string_view kind, std::string_view source, std::string_view id,
                           std::string_view record_hash, Timestamp at) {
  std::string entry = "{\"kind\":";
  entry.reserve(160 + source.size() + id.size());
  append_json_string(entry, kind);
  entry += ",\"source\":";
  append_json_string(entry, source);
  entry += ",\"id\":";
  append_json_string(entry, id);
  entry += ",\"sha256\":";
  append_json_string(entry, record_hash);
  entry += ",\"logged_at\":";
  append_json_string(entry, format_rfc3339(at));
  entry += '}';
  return entry;
}

}  // namespace

std::string canonical_record(const model::Report& report) { return model::to_json(report).dump(); }
// model::to_json(transaction).dump(), written directly: a bulk load makes one for every transaction. The
// members in byte order, as nlohmann::json's std::map keeps them.
std::string canonical_record(const model::Transaction& transaction) {
  std::string out = "{\"amount\":";
  out.reserve(256);
  append_json_number(out, transaction.amount);
  out += ",\"at\":";
  append_json_string(out, format_rfc3339(transaction.at));
  out += ",\"channel\":";
  append_json_string(out, model::to_string(transaction.channel));
  out += ",\"currency\":";
  append_json_string(out, transaction.currency);
  out += ",\"from\":";
  append_json_string(out, transaction.from.to_string());
  out += ",\"id\":";
  append_json_string(out, transaction.id);
  out += ",\"record\":\"transaction\"";
  if (!transaction.reference.empty()) {
    out += ",\"reference\":";
    append_json_string(out, transaction.reference);
  }
  out += ",\"source\":";
  append_json_string(out, transaction.source);
  out += ",\"to\":";
  append_json_string(out, transaction.to.to_string());
  out += '}';
  return out;
}

std::string record_sha256(const model::Report& report) { return to_hex(sha256(canonical_record(report))); }
std::string record_sha256(const model::Transaction& transaction) {
  return to_hex(sha256(canonical_record(transaction)));
}

namespace {

RecordDigests make_digests(std::string_view kind, std::string_view source, std::string_view id,
                           const Sha256Digest& content_hash, std::string_view record_hash) {
  RecordDigests digests{content_hash, log_entry_json(kind, source, id, record_hash, now()), {}};
  digests.log_leaf = evidence::leaf_hash(digests.log_entry);
  return digests;
}

}  // namespace

RecordDigests digests_of(const model::Report& report) {
  return make_digests("report", report.source, report.id, model::content_hash(report), record_sha256(report));
}
RecordDigests digests_of(const model::Transaction& transaction) {
  return make_digests("transaction", transaction.source, transaction.id, model::content_hash(transaction),
                      record_sha256(transaction));
}

Result<std::vector<std::optional<model::Report>>> ReadView::find_reports(std::span<const RecordKey> keys) const {
  return read_each(keys, [&](const RecordKey& key) { return find_report(key); });
}

Result<std::vector<std::optional<model::Transaction>>> ReadView::find_transactions(
    std::span<const RecordKey> keys) const {
  return read_each(keys, [&](const RecordKey& key) { return find_transaction(key); });
}

Result<std::vector<std::string>> ReadView::log_entries(std::uint64_t first, std::size_t count) const {
  JALA_TRY_ASSIGN(const std::uint64_t size, log_size());
  std::vector<std::string> entries;
  for (std::uint64_t i = first; i < size && i - first < count; ++i) {
    JALA_TRY_ASSIGN(std::string entry, log_entry(i));
    entries.push_back(std::move(entry));
  }
  return entries;
}

Result<std::vector<std::optional<evidence::Hash>>> ReadView::stored_log_nodes(
    std::span<const evidence::NodeId> ids) const {
  std::vector<std::optional<evidence::Hash>> hashes;
  for (const evidence::NodeId& id : ids) {
    Result<evidence::Hash> stored = log_node(id);
    if (!stored.ok() && stored.error().code() != ErrorCode::not_found &&
        stored.error().code() != ErrorCode::data_loss) {
      return std::move(stored).error();
    }
    hashes.push_back(stored.ok() ? std::optional(*stored) : std::nullopt);
  }
  return hashes;
}

Result<std::vector<std::optional<std::uint64_t>>> ReadView::log_indexes(std::string_view kind,
                                                                        std::span<const RecordKey> keys) const {
  return read_each(keys, [&](const RecordKey& key) { return log_index(kind, key); });
}

Result<graph::LinkInput> ReadView::link_input() const {
  graph::LinkInput input;
  LinkInputCursor cursor;
  JALA_TRY(extend_link_input(input, cursor));  // from nothing: there is nothing to have changed
  return input;
}

Result<std::uint64_t> ReadView::records_changed_at() const {
  JALA_TRY_ASSIGN(const std::optional<std::string> stored, share_state(k_records_changed_state));
  if (!stored) return std::uint64_t{0};
  std::uint64_t leaf = 0;
  const auto [end, error] = std::from_chars(stored->data(), stored->data() + stored->size(), leaf);
  if (error != std::errc() || end != stored->data() + stored->size()) {
    return data_loss("the store state {} is '{}', not a log leaf", k_records_changed_state, *stored);
  }
  return leaf;
}

Result<PutOutcome> WriteTransaction::put_report(const model::Report& report, const RecordDigests& digests) {
  JALA_TRY(model::validate(report));
  JALA_TRY_ASSIGN(const std::uint64_t leaf, next_log_leaf());
  JALA_TRY_ASSIGN(const PutOutcome outcome, do_put_report(report, digests.content_hash, leaf));
  if (outcome == PutOutcome::unchanged) {
    if (report.assessment) JALA_TRY(do_put_assessment({report.source, report.id}, *report.assessment));
  } else {
    JALA_TRY(log_record("report", {report.source, report.id}, digests, leaf));
  }
  return outcome;
}

Result<PutOutcome> WriteTransaction::put_transaction(const model::Transaction& transaction,
                                                     const RecordDigests& digests) {
  JALA_TRY(model::validate(transaction));
  JALA_TRY_ASSIGN(const std::uint64_t leaf, next_log_leaf());
  JALA_TRY_ASSIGN(const PutOutcome outcome, do_put_transaction(transaction, digests.content_hash, leaf));
  if (outcome != PutOutcome::unchanged) {
    JALA_TRY(log_record("transaction", {transaction.source, transaction.id}, digests, leaf));
  }
  return outcome;
}

Status WriteTransaction::log_record(std::string_view kind, const RecordKey& key, const RecordDigests& digests,
                                    std::uint64_t leaf) {
  JALA_TRY_ASSIGN(const std::uint64_t index, append_log(digests.log_entry, digests.log_leaf));
  if (index != leaf) {
    return internal_error("{} {}/{} was stored for log leaf {} but logged at {}", kind, key.source, key.id, leaf,
                          index);
  }
  if (!m_records_changed) {  // once a transaction: leaves only grow, so the first is new
    JALA_TRY(set_share_state(k_records_changed_state, std::to_string(leaf + 1)));
    m_records_changed = true;
  }
  return {};
}

Result<std::uint64_t> WriteTransaction::next_log_leaf() {
  if (!m_log_edge) {
    JALA_TRY_ASSIGN(const std::uint64_t size, log_size());
    JALA_TRY_ASSIGN(m_log_edge, evidence::CompactRange::read(LogNodes(*this), size));
  }
  return m_log_edge->size();
}

Result<std::uint64_t> WriteTransaction::append_log(std::string_view entry) {
  return append_log(entry, evidence::leaf_hash(entry));
}

Result<std::uint64_t> WriteTransaction::append_log(std::string_view entry, const evidence::Hash& leaf_hash) {
  JALA_TRY_ASSIGN(const std::uint64_t index, next_log_leaf());
  const std::vector<evidence::Node> completed = m_log_edge->append(leaf_hash);
  if (Status appended = do_append_log(index, entry, completed); !appended.ok()) {
    m_log_edge.reset();  // the edge no longer says what the backend holds: read it again if asked
    return std::move(appended).error();
  }
  return index;
}

std::string_view to_string(CustodyAction action) {
  switch (action) {
    case CustodyAction::collected: return "collected";
    case CustodyAction::ingested: return "ingested";
    case CustodyAction::exported: return "exported";
    case CustodyAction::shared: return "shared";
    case CustodyAction::accessed: return "accessed";
  }
  return "accessed";
}

Result<std::uint64_t> WriteTransaction::append_custody(const CustodyEvent& event) {
  const std::string chain_kind = "custody:" + event.record_kind;
  JALA_TRY_ASSIGN(const std::optional<std::uint64_t> last_event, log_index(chain_kind, event.key));
  JALA_TRY_ASSIGN(const std::optional<std::uint64_t> version, log_index(event.record_kind, event.key));
  // A version logged since the last event is the one this event concerns: chaining to the last event
  // would tie it to an older version. The last event is then named as `earlier`, so that the record's
  // whole history stays reachable.
  std::optional<std::uint64_t> previous = last_event;
  std::optional<std::uint64_t> earlier;
  if (version && (!last_event || *version > *last_event)) {
    previous = version;
    earlier = last_event;
  }
  if (!previous) {
    return failed_precondition("{} {} {} is not in the evidence log", event.record_kind, event.key.source,
                               event.key.id);
  }
  nlohmann::ordered_json entry = {{"kind", "custody"},
                                  {"action", to_string(event.action)},
                                  {"record", event.record_kind},
                                  {"source", event.key.source},
                                  {"id", event.key.id},
                                  {"who", event.who},
                                  {"legal_basis", event.legal_basis},
                                  {"detail", event.detail},
                                  {"previous", *previous},
                                  {"at", format_rfc3339(event.at)}};
  if (earlier) entry["earlier"] = *earlier;
  JALA_TRY_ASSIGN(const std::uint64_t index, append_log(entry.dump()));
  JALA_TRY(do_note_custody(chain_kind, event.key, index));
  return index;
}

bool is_postgres_location(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

Result<std::unique_ptr<Store>> open_store(std::string_view location, const StoreOptions& options) {
  if (is_postgres_location(location)) {
    JALA_TRY_ASSIGN(std::unique_ptr<PostgresStore> store,
                    PostgresStore::open(std::string(location), options.create_if_missing));
    return std::unique_ptr<Store>(std::move(store));
  }
  JALA_TRY_ASSIGN(std::unique_ptr<SqliteStore> store, SqliteStore::open(location, options));
  return std::unique_ptr<Store>(std::move(store));
}

void sort_counts(Counts& counts) {
  std::sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
}

}  // namespace jala::storage
