#include "jala/storage/sqlite/sqlite_store.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <string>

#include "jala/storage/ledger_indexes.h"
#include "jala/storage/sql_stats.h"
#include "jala/storage/sqlite/assessment_statements.h"
#include "jala/storage/sqlite/ledger_query.h"
#include "jala/storage/sqlite/link_input_query.h"
#include "jala/storage/sqlite/log_statements.h"
#include "jala/storage/sqlite/open_file.h"
#include "jala/storage/sqlite/schema.h"
#include "jala/storage/sqlite/selector_keys.h"
#include "jala/storage/sqlite/share_statements.h"
#include "jala/storage/sqlite/statement.h"

namespace jala::storage {

using sqlite::read_selector;
using sqlite::Statement;

// Prepared once per connection and reused for every record.
class SqliteStore::Statements {
 public:
  static Result<Statements> prepare(sqlite3* db) {
    auto p = [db](std::string_view sql) { return Statement::prepare(db, sql); };
    JALA_TRY_ASSIGN(Statement find_report_hash,
                    p("SELECT report_key, content_hash FROM reports WHERE source = ? AND source_id = ?"));
    JALA_TRY_ASSIGN(
        Statement insert_report,
        p("INSERT INTO reports (source, source_id, kind, country, reported_at, language, victim_country, loss_amount,"
          " loss_currency, tlp, text, content_hash, leaf_index, withdrawn)"
          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
          " ON CONFLICT (source, source_id) DO NOTHING"));
    JALA_TRY_ASSIGN(
        Statement update_report,
        p("UPDATE reports SET kind = ?3, country = ?4, reported_at = ?5, language = ?6, victim_country = ?7,"
          " loss_amount = ?8, loss_currency = ?9, tlp = ?10, text = ?11, content_hash = ?12, leaf_index = ?13,"
          " withdrawn = ?14 WHERE report_key = ?15"));
    JALA_TRY_ASSIGN(Statement delete_report_selectors, p("DELETE FROM report_selectors WHERE report_key = ?"));
    JALA_TRY_ASSIGN(
        Statement insert_report_selector,
        p("INSERT INTO report_selectors (report_key, position, selector_key, raw, span_start, span_end, confidence)"
          " VALUES (?, ?, ?, ?, ?, ?, ?)"));
    JALA_TRY_ASSIGN(
        Statement find_report,
        p("SELECT report_key, kind, country, reported_at, language, victim_country, loss_amount, loss_currency, tlp,"
          " text, withdrawn FROM reports WHERE source = ? AND source_id = ?"));
    JALA_TRY_ASSIGN(Statement report_selectors,
                    p("SELECT s.type, s.value, rs.raw, rs.span_start, rs.span_end, rs.confidence"
                      " FROM report_selectors rs JOIN selectors s USING (selector_key)"
                      " WHERE rs.report_key = ? ORDER BY rs.position"));
    JALA_TRY_ASSIGN(
        Statement reports_with_selector,
        p("SELECT DISTINCT r.source, r.source_id FROM selectors s JOIN report_selectors rs USING (selector_key)"
          " JOIN reports r USING (report_key) WHERE s.type = ? AND s.value = ? ORDER BY r.source, r.source_id"));
    JALA_TRY_ASSIGN(Statement find_transaction_hash,
                    p("SELECT transaction_key, content_hash FROM transactions WHERE source = ? AND source_id = ?"));
    JALA_TRY_ASSIGN(
        Statement insert_transaction,
        p("INSERT INTO transactions (source, source_id, from_key, to_key, amount, currency, at, channel, reference,"
          " content_hash, leaf_index) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
          " ON CONFLICT (source, source_id) DO NOTHING"));
    JALA_TRY_ASSIGN(
        Statement update_transaction,
        p("UPDATE transactions SET from_key = ?3, to_key = ?4, amount = ?5, currency = ?6, at = ?7, channel = ?8,"
          " reference = ?9, content_hash = ?10, leaf_index = ?11 WHERE transaction_key = ?12"));
    JALA_TRY_ASSIGN(Statement find_transaction,
                    p("SELECT f.type, f.value, t.type, t.value, x.amount, x.currency, x.at, x.channel, x.reference"
                      " FROM transactions x JOIN selectors f ON f.selector_key = x.from_key"
                      " JOIN selectors t ON t.selector_key = x.to_key WHERE x.source = ? AND x.source_id = ?"));
    return Statements{
        std::move(find_report_hash),        std::move(insert_report),          std::move(update_report),
        std::move(delete_report_selectors), std::move(insert_report_selector), std::move(find_report),
        std::move(report_selectors),        std::move(reports_with_selector),  std::move(find_transaction_hash),
        std::move(insert_transaction),      std::move(update_transaction),     std::move(find_transaction)};
  }

  Statement find_report_hash, insert_report, update_report, delete_report_selectors, insert_report_selector,
      find_report, report_selectors, reports_with_selector, find_transaction_hash, insert_transaction,
      update_transaction, find_transaction;
};

struct SqliteStore::Parts {
  sqlite::Connection connection;
  Statements statements;
  sqlite::LogStatements log;
  sqlite::ShareStatements share;
  sqlite::AssessmentStatements assessments;
  sqlite::SelectorKeys selector_keys;
};

namespace {

template <typename Row>
Result<std::optional<Row>> none() {
  return std::optional<Row>();
}

// Reads and writes through one connection; the read-only view is the same object used as const.
class SqliteView final : public WriteTransaction {
 public:
  explicit SqliteView(SqliteStore::Parts& parts)
      : m_db(parts.connection.get()),
        m_statements(parts.statements),
        m_log(parts.log),
        m_share(parts.share),
        m_assessments(parts.assessments),
        m_selector_keys(parts.selector_keys) {}

  Result<std::vector<std::pair<std::uint64_t, RecordKey>>> reports_logged_after(std::optional<std::uint64_t> after,
                                                                                std::size_t limit) const override {
    return m_share.reports_logged_after(after, limit);
  }
  Result<std::vector<SharedObject>> shared_objects(const SharedObjectQuery& query) const override {
    return m_share.objects(query);
  }
  Result<SelectorReports> first_reports_with_selector(const model::Selector& selector,
                                                      std::size_t limit) const override {
    return m_share.first_reports_with_selector(selector, limit);
  }
  Result<std::vector<model::Selector>> selectors_of_reports(std::span<const model::Tlp> levels,
                                                            std::span<const std::string> other_sources) const override {
    return m_share.selectors_of_reports(levels, other_sources);
  }
  Result<std::optional<Partner>> find_partner(std::string_view name) const override {
    return m_share.find_partner(name);
  }
  Result<std::vector<Partner>> partners() const override { return m_share.partners(); }
  Result<std::optional<std::string>> share_state(std::string_view name) const override { return m_share.state(name); }
  Result<std::vector<std::pair<std::string, std::string>>> share_states_with_prefix(
      std::string_view prefix) const override {
    return m_share.states_with_prefix(prefix);
  }
  Result<bool> put_shared_object(const SharedObject& object) override { return m_share.put_object(object, now()); }
  Result<bool> raise_shared_object(const SharedObject& object) override { return m_share.raise_object(object); }
  Status put_partner(const Partner& partner) override { return m_share.put_partner(partner); }
  Status start_bulk_load() override {
    JALA_TRY(sqlite::execute(m_db, k_drop_ledger_indexes));
    return m_selector_keys.start_bulk_load();
  }
  Status finish_bulk_load() override {
    JALA_TRY(sqlite::execute(m_db, k_build_ledger_indexes));
    return m_selector_keys.finish_bulk_load();
  }
  Status set_share_state(std::string_view name, std::string_view value) override {
    return m_share.set_state(name, value);
  }

  Result<std::uint64_t> log_size() const override { return m_log.size(); }
  Result<std::string> log_entry(std::uint64_t index) const override { return m_log.entry(index); }
  Result<evidence::Hash> log_node(evidence::NodeId id) const override { return m_log.node(id); }
  bool log_stores_leaves() const override { return false; }  // since schema 10
  Result<std::vector<evidence::Hash>> log_nodes(std::span<const evidence::NodeId> ids) const override {
    return m_log.nodes(ids);
  }
  Result<std::optional<std::uint64_t>> log_index(std::string_view kind, const RecordKey& key) const override {
    return m_log.record_index(kind, key.source, key.id);
  }
  Result<std::vector<std::pair<std::string, RecordKey>>> unlogged_records() const override {
    JALA_TRY_ASSIGN(Statement scan,
                    Statement::prepare(m_db,
                                       "WITH log AS (SELECT COALESCE(MAX(leaf_index) + 1, 0) AS size FROM log_entries)"
                                       " SELECT 'report', source, source_id FROM reports, log"
                                       " WHERE leaf_index IS NULL OR leaf_index >= log.size"
                                       " UNION ALL SELECT 'transaction', source, source_id FROM transactions, log"
                                       " WHERE leaf_index IS NULL OR leaf_index >= log.size ORDER BY 1, 2, 3"));
    std::vector<std::pair<std::string, RecordKey>> records;
    while (true) {
      JALA_TRY_ASSIGN(const bool row, scan.step());
      if (!row) break;
      records.emplace_back(std::string(scan.column_text(0)),
                           RecordKey{std::string(scan.column_text(1)), std::string(scan.column_text(2))});
    }
    return records;
  }

  Result<std::optional<model::Report>> find_report(const RecordKey& key) const override {
    Statement& find = m_statements.find_report;
    find.bind(1, key.source).bind(2, key.id);
    JALA_TRY_ASSIGN(const bool found, find.step());
    if (!found) {
      find.reset();
      return none<model::Report>();
    }
    model::Report report;
    report.source = key.source;
    report.id = key.id;
    const std::int64_t report_key = find.column_int(0);
    Result<model::ReportKind> kind = model::parse_report_kind(find.column_text(1));
    Result<model::Tlp> tlp = model::parse_tlp(find.column_text(8));
    if (!kind.ok() || !tlp.ok()) {
      find.reset();
      return data_loss("report {}/{} has an unreadable kind or TLP in the store", key.source, key.id);
    }
    report.kind = *kind;
    report.tlp = *tlp;
    report.country = find.column_text(2);
    report.reported_at = Timestamp{find.column_int(3)};
    report.language = find.column_text(4);
    report.victim_country = find.column_text(5);
    if (!find.column_is_null(6)) report.loss = model::Money{find.column_double(6), std::string(find.column_text(7))};
    report.text = find.column_text(9);
    report.withdrawn = find.column_int(10) != 0;
    find.reset();

    Statement& selectors = m_statements.report_selectors;
    selectors.bind(1, report_key);
    while (true) {
      JALA_TRY_ASSIGN(const bool row, selectors.step());
      if (!row) break;
      JALA_TRY_ASSIGN(const model::Selector selector, read_selector(selectors, 0));
      if (selectors.column_is_null(3)) {
        // A row with a confidence but no span was derived from the form (model::derived_selectors).
        if (selectors.column_is_null(5)) report.selectors.push_back({selector, std::string(selectors.column_text(2))});
      } else {
        report.text_selectors.push_back({selector, static_cast<std::uint32_t>(selectors.column_int(3)),
                                         static_cast<std::uint32_t>(selectors.column_int(4)),
                                         selectors.column_double(5)});
      }
    }
    selectors.reset();
    JALA_TRY_ASSIGN(report.assessment, m_assessments.find(report_key));
    return std::optional<model::Report>(std::move(report));
  }

  Result<std::optional<model::Transaction>> find_transaction(const RecordKey& key) const override {
    Statement& find = m_statements.find_transaction;
    find.bind(1, key.source).bind(2, key.id);
    JALA_TRY_ASSIGN(const bool found, find.step());
    if (!found) {
      find.reset();
      return none<model::Transaction>();
    }
    model::Transaction transaction;
    transaction.source = key.source;
    transaction.id = key.id;
    Result<model::Selector> from = read_selector(find, 0);
    Result<model::Selector> to = read_selector(find, 2);
    Result<model::Channel> channel = model::parse_channel(find.column_text(7));
    if (!from.ok() || !to.ok() || !channel.ok()) {
      find.reset();
      return data_loss("transaction {}/{} is unreadable in the store", key.source, key.id);
    }
    transaction.from = std::move(from).value();
    transaction.to = std::move(to).value();
    transaction.amount = find.column_double(4);
    transaction.currency = find.column_text(5);
    transaction.at = Timestamp{find.column_int(6)};
    transaction.channel = *channel;
    transaction.reference = find.column_text(8);
    find.reset();
    return std::optional<model::Transaction>(std::move(transaction));
  }

  Result<std::vector<RecordKey>> reports_with_selector(const model::Selector& selector) const override {
    Statement& find = m_statements.reports_with_selector;
    find.bind(1, model::to_string(selector.type)).bind(2, selector.value);
    std::vector<RecordKey> out;
    while (true) {
      JALA_TRY_ASSIGN(const bool row, find.step());
      if (!row) break;
      out.push_back({std::string(find.column_text(0)), std::string(find.column_text(1))});
    }
    find.reset();
    return out;
  }

  Result<bool> extend_link_input(graph::LinkInput& input, LinkInputCursor& cursor) const override {
    JALA_TRY_ASSIGN(const std::uint64_t size, m_log.size());
    return sqlite::extend_link_input(m_db, size, input, cursor);
  }
  Result<std::vector<LureReport>> lure_reports() const override { return m_assessments.lure_reports(); }
  Result<flow::Ledger> ledger() const override { return sqlite::read_ledger(m_db); }
  Result<flow::Ledger> ledger_of(std::span<const model::Selector> accounts) const override {
    return sqlite::read_ledger_of(m_db, accounts);
  }

  Result<StoreStats> stats() const override {
    return read_sql_stats([this](std::string_view sql) { return count(sql); },
                          [this](std::string_view sql) { return counts(sql); });
  }

 protected:
  Result<PutOutcome> do_put_report(const model::Report& report, const Sha256Digest& content_hash,
                                   std::uint64_t leaf) override {
    SqliteStore::Statements& s = m_statements;
    // Insert first: new reports, the common case, need no lookup. Only on a conflict is the stored
    // hash read, to tell an unchanged report from an updated one.
    bind_report(s.insert_report, report, content_hash, leaf);
    JALA_TRY(s.insert_report.run());
    std::int64_t report_key = sqlite3_last_insert_rowid(m_db);
    PutOutcome outcome = PutOutcome::added;
    if (sqlite3_changes(m_db) == 0) {
      JALA_TRY_ASSIGN(const std::optional<StoredReport> stored, find_stored_report(report.source, report.id));
      if (!stored) return internal_error("report {}/{} conflicts but cannot be found", report.source, report.id);
      report_key = stored->key;
      if (equal_hash(stored->content_hash, content_hash)) return PutOutcome::unchanged;
      outcome = PutOutcome::updated;
      bind_report(s.update_report, report, content_hash, leaf);
      s.update_report.bind(15, report_key);
      JALA_TRY(s.update_report.run());
      JALA_TRY(s.delete_report_selectors.bind(1, report_key).run());
    }

    std::int64_t position = 0;
    for (const model::ReportSelector& named : report.selectors) {
      JALA_TRY_ASSIGN(const std::int64_t selector_key, m_selector_keys.intern(named.selector));
      s.insert_report_selector.bind(1, report_key).bind(2, position++).bind(3, selector_key).bind(4, named.raw);
      s.insert_report_selector.bind_null(5).bind_null(6).bind_null(7);
      JALA_TRY(s.insert_report_selector.run());
    }
    for (const model::ReportSelector& derived : model::derived_selectors(report)) {
      JALA_TRY_ASSIGN(const std::int64_t selector_key, m_selector_keys.intern(derived.selector));
      s.insert_report_selector.bind(1, report_key).bind(2, position++).bind(3, selector_key).bind(4, derived.raw);
      s.insert_report_selector.bind_null(5).bind_null(6).bind(7, model::k_derived_confidence);
      JALA_TRY(s.insert_report_selector.run());
    }
    for (const model::TextSelector& found : report.text_selectors) {
      JALA_TRY_ASSIGN(const std::int64_t selector_key, m_selector_keys.intern(found.selector));
      const std::string_view raw = std::string_view(report.text).substr(found.start, found.end - found.start);
      s.insert_report_selector.bind(1, report_key).bind(2, position++).bind(3, selector_key).bind(4, raw);
      s.insert_report_selector.bind(5, std::int64_t{found.start}).bind(6, std::int64_t{found.end});
      s.insert_report_selector.bind(7, found.confidence);
      JALA_TRY(s.insert_report_selector.run());
    }
    JALA_TRY(m_assessments.put(report_key, report.assessment));
    return outcome;
  }

  Status do_put_assessment(const RecordKey& key, const model::Assessment& assessment) override {
    JALA_TRY_ASSIGN(const std::optional<StoredReport> stored, find_stored_report(key.source, key.id));
    if (!stored) return internal_error("report {}/{} has an assessment but cannot be found", key.source, key.id);
    return m_assessments.put(stored->key, assessment);
  }

  Status do_append_log(std::uint64_t index, std::string_view entry, std::span<const evidence::Node> nodes) override {
    return m_log.append(index, entry, nodes);
  }
  Status do_note_custody(std::string_view kind, const RecordKey& key, std::uint64_t index) override {
    return m_log.note_custody(kind, key.source, key.id, index);
  }

  Result<PutOutcome> do_put_transaction(const model::Transaction& transaction, const Sha256Digest& content_hash,
                                        std::uint64_t leaf) override {
    // Most puts add: insert first, and look for the stored version only when there is one.
    SqliteStore::Statements& s = m_statements;
    JALA_TRY_ASSIGN(const std::int64_t from_key, m_selector_keys.intern(transaction.from));
    JALA_TRY_ASSIGN(const std::int64_t to_key, m_selector_keys.intern(transaction.to));
    const auto bind_columns = [&](Statement& write) {
      write.bind(1, transaction.source).bind(2, transaction.id).bind(3, from_key).bind(4, to_key);
      write.bind(5, transaction.amount).bind(6, transaction.currency).bind(7, transaction.at.unix_micros);
      write.bind(8, model::to_string(transaction.channel)).bind(9, transaction.reference);
      write.bind_blob(10, content_hash.data(), content_hash.size()).bind(11, static_cast<std::int64_t>(leaf));
    };
    bind_columns(s.insert_transaction);
    JALA_TRY(s.insert_transaction.run());
    if (sqlite3_changes(m_db) == 1) return PutOutcome::added;

    s.find_transaction_hash.bind(1, transaction.source).bind(2, transaction.id);
    JALA_TRY_ASSIGN(const bool exists, s.find_transaction_hash.step());
    if (!exists) {
      s.find_transaction_hash.reset();
      return internal_error("transaction {}/{} vanished while being stored", transaction.source, transaction.id);
    }
    const std::int64_t transaction_key = s.find_transaction_hash.column_int(0);
    const bool same = equal_hash(s.find_transaction_hash.column_blob(1), content_hash);
    s.find_transaction_hash.reset();
    if (same) return PutOutcome::unchanged;
    bind_columns(s.update_transaction);
    s.update_transaction.bind(12, transaction_key);
    JALA_TRY(s.update_transaction.run());
    return PutOutcome::updated;
  }

 private:
  struct StoredReport {
    std::int64_t key = 0;
    std::string content_hash;
  };

  // The key and content hash of the stored report `source`/`id`, or nothing when there is none.
  Result<std::optional<StoredReport>> find_stored_report(std::string_view source, std::string_view id) {
    Statement& find = m_statements.find_report_hash;
    find.bind(1, source).bind(2, id);
    JALA_TRY_ASSIGN(const bool exists, find.step());
    std::optional<StoredReport> stored;
    if (exists) stored = StoredReport{find.column_int(0), std::string(find.column_blob(1))};
    find.reset();
    return stored;
  }

  static void bind_report(Statement& write, const model::Report& report, const Sha256Digest& content_hash,
                          std::uint64_t leaf) {
    write.bind(1, report.source).bind(2, report.id).bind(3, model::to_string(report.kind)).bind(4, report.country);
    write.bind(5, report.reported_at.unix_micros).bind(6, report.language).bind(7, report.victim_country);
    if (report.loss) {
      write.bind(8, report.loss->amount).bind(9, report.loss->currency);
    } else {
      write.bind_null(8).bind_null(9);
    }
    write.bind(10, model::to_string(report.tlp)).bind(11, report.text);
    write.bind_blob(12, content_hash.data(), content_hash.size()).bind(13, static_cast<std::int64_t>(leaf));
    write.bind(14, std::int64_t{report.withdrawn ? 1 : 0});
  }

  static bool equal_hash(std::string_view stored, const Sha256Digest& digest) {
    return stored.size() == digest.size() && std::memcmp(stored.data(), digest.data(), digest.size()) == 0;
  }

  Result<std::int64_t> count(std::string_view sql) const {
    JALA_TRY_ASSIGN(Statement statement, Statement::prepare(m_db, sql));
    JALA_TRY_ASSIGN(const bool row, statement.step());
    return row ? statement.column_int(0) : 0;
  }

  Result<Counts> counts(std::string_view sql) const {
    JALA_TRY_ASSIGN(Statement statement, Statement::prepare(m_db, sql));
    Counts out;
    while (true) {
      JALA_TRY_ASSIGN(const bool row, statement.step());
      if (!row) break;
      out.emplace_back(std::string(statement.column_text(0)), statement.column_int(1));
    }
    sort_counts(out);
    return out;
  }

  sqlite3* m_db;
  SqliteStore::Statements& m_statements;
  sqlite::LogStatements& m_log;
  sqlite::ShareStatements& m_share;
  sqlite::AssessmentStatements& m_assessments;
  sqlite::SelectorKeys& m_selector_keys;
};

}  // namespace

SqliteStore::SqliteStore(std::unique_ptr<Parts> parts) : m_parts(std::move(parts)) {}
SqliteStore::~SqliteStore() = default;

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(std::string_view path, const StoreOptions& options) {
  // Memory statistics take a process-wide mutex on every SQLite allocation; Jala never reads them.
  // This must be set before SQLite initialises, so once, before the first connection.
  static const int memory_statistics_off = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)memory_statistics_off;
  const std::string file(path);
  const bool in_memory = file == ":memory:";
  const bool existed = in_memory || ::access(file.c_str(), F_OK) == 0;
  if (!existed && !options.create_if_missing) {
    return not_found("there is no store at '{}' (nothing was ingested there; is --db right?)", file);
  }
  if (!existed) sqlite::create_store_file(file, options);
  JALA_TRY_ASSIGN(sqlite::Connection connection, sqlite::open_configured(file, file, options));
  if (!existed) ::chmod(file.c_str(), S_IRUSR | S_IWUSR);
  JALA_TRY_ASSIGN(Statements statements, Statements::prepare(connection.get()));
  JALA_TRY_ASSIGN(sqlite::LogStatements log, sqlite::LogStatements::prepare(connection.get()));
  sqlite::ShareStatements share(connection.get());
  JALA_TRY_ASSIGN(sqlite::AssessmentStatements assessments, sqlite::AssessmentStatements::prepare(connection.get()));
  JALA_TRY_ASSIGN(sqlite::SelectorKeys selector_keys, sqlite::SelectorKeys::prepare(connection.get()));
  auto parts = std::make_unique<Parts>(Parts{std::move(connection), std::move(statements), std::move(log),
                                             std::move(share), std::move(assessments), std::move(selector_keys)});
  return std::make_unique<SqliteStore>(std::move(parts));
}

Status SqliteStore::read(const std::function<Status(const ReadView&)>& body) {
  sqlite3* db = m_parts->connection.get();
  JALA_TRY(sqlite::execute(db, "BEGIN"));
  SqliteView view(*m_parts);
  Status status = body(view);
  JALA_TRY(sqlite::execute(db, status.ok() ? "COMMIT" : "ROLLBACK"));
  return status;
}

Status SqliteStore::write(const std::function<Status(WriteTransaction&)>& body) {
  sqlite3* db = m_parts->connection.get();
  JALA_TRY(sqlite::execute(db, "BEGIN IMMEDIATE"));
  m_parts->selector_keys.start_write();
  SqliteView transaction(*m_parts);
  Status status = body(transaction);
  if (status.ok()) status = sqlite::execute(db, "COMMIT");
  if (!status.ok()) {
    (void)sqlite::execute(db, "ROLLBACK");
    m_parts->selector_keys.forget();
  }
  return status;
}

}  // namespace jala::storage
