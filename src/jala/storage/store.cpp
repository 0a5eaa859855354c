#include "jala/storage/store.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "jala/storage/postgres/postgres_store.h"
#include "jala/storage/sqlite/sqlite_store.h"

namespace jala::storage {

namespace {

std::string log_entry_json(std::string_view kind, std::string_view source, std::string_view id,
                           const std::string& record_hash, Timestamp at) {
  const nlohmann::ordered_json entry = {
      {"kind", kind}, {"source", source}, {"id", id}, {"sha256", record_hash}, {"logged_at", format_rfc3339(at)}};
  return entry.dump();
}

}  // namespace

std::string canonical_record(const model::Report& report) { return model::to_json(report).dump(); }
std::string canonical_record(const model::Transaction& transaction) { return model::to_json(transaction).dump(); }

std::string record_sha256(const model::Report& report) { return to_hex(sha256(canonical_record(report))); }
std::string record_sha256(const model::Transaction& transaction) {
  return to_hex(sha256(canonical_record(transaction)));
}

std::string log_entry_for(std::string_view kind, const model::Report& report, Timestamp at) {
  return log_entry_json(kind, report.source, report.id, record_sha256(report), at);
}

std::string log_entry_for(std::string_view kind, const model::Transaction& transaction, Timestamp at) {
  return log_entry_json(kind, transaction.source, transaction.id, record_sha256(transaction), at);
}

Result<graph::LinkInput> ReadView::link_input() const {
  graph::LinkInput input;
  LinkInputCursor cursor;
  JALA_TRY(extend_link_input(input, cursor));  // from nothing: there is nothing to have changed
  return input;
}

Result<PutOutcome> WriteTransaction::put_report(const model::Report& report) {
  JALA_TRY(model::validate(report));
  JALA_TRY_ASSIGN(const PutOutcome outcome, do_put_report(report, model::content_hash(report)));
  if (outcome == PutOutcome::unchanged) {
    if (report.assessment) JALA_TRY(do_put_assessment({report.source, report.id}, *report.assessment));
  } else {
    JALA_TRY_ASSIGN(const std::uint64_t index, append_log(log_entry_for("report", report, now())));
    JALA_TRY(do_note_logged("report", {report.source, report.id}, index));
  }
  return outcome;
}

Result<PutOutcome> WriteTransaction::put_transaction(const model::Transaction& transaction) {
  JALA_TRY(model::validate(transaction));
  JALA_TRY_ASSIGN(const PutOutcome outcome, do_put_transaction(transaction, model::content_hash(transaction)));
  if (outcome != PutOutcome::unchanged) {
    JALA_TRY_ASSIGN(const std::uint64_t index, append_log(log_entry_for("transaction", transaction, now())));
    JALA_TRY(do_note_logged("transaction", {transaction.source, transaction.id}, index));
  }
  return outcome;
}

Result<std::uint64_t> WriteTransaction::append_log(std::string_view entry) {
  if (!m_log_edge) {
    JALA_TRY_ASSIGN(const std::uint64_t size, log_size());
    JALA_TRY_ASSIGN(m_log_edge, evidence::CompactRange::read(LogNodes(*this), size));
  }
  const std::uint64_t index = m_log_edge->size();
  const std::vector<evidence::Node> completed = m_log_edge->append(evidence::leaf_hash(entry));
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
  JALA_TRY_ASSIGN(std::optional<std::uint64_t> previous, log_index(chain_kind, event.key));
  if (!previous) {
    JALA_TRY_ASSIGN(previous, log_index(event.record_kind, event.key));
  }
  if (!previous) {
    return failed_precondition("{} {} {} is not in the evidence log", event.record_kind, event.key.source,
                               event.key.id);
  }
  const nlohmann::ordered_json entry = {{"kind", "custody"},
                                        {"action", to_string(event.action)},
                                        {"record", event.record_kind},
                                        {"source", event.key.source},
                                        {"id", event.key.id},
                                        {"who", event.who},
                                        {"legal_basis", event.legal_basis},
                                        {"detail", event.detail},
                                        {"previous", *previous},
                                        {"at", format_rfc3339(event.at)}};
  JALA_TRY_ASSIGN(const std::uint64_t index, append_log(entry.dump()));
  JALA_TRY(do_note_logged(chain_kind, event.key, index));
  return index;
}

bool is_postgres_location(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

Result<std::unique_ptr<Store>> open_store(std::string_view location) {
  if (is_postgres_location(location)) {
    JALA_TRY_ASSIGN(std::unique_ptr<PostgresStore> store, PostgresStore::open(std::string(location)));
    return std::unique_ptr<Store>(std::move(store));
  }
  JALA_TRY_ASSIGN(std::unique_ptr<SqliteStore> store, SqliteStore::open(location));
  return std::unique_ptr<Store>(std::move(store));
}

void sort_counts(Counts& counts) {
  std::sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
}

}  // namespace jala::storage
