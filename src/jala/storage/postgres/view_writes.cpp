// Writing reports, transactions and selectors in the PostgreSQL backend (view.h): the hint a chunk of
// records gives first (expect_records), so that the puts after it need not wait for answers, and the puts.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <unordered_set>
#include <vector>

#include "jala/storage/ledger_indexes.h"
#include "jala/storage/postgres/view.h"

namespace jala::storage::postgres {
namespace {

constexpr std::size_t k_max_cached_selector_keys = 1 << 20;

// A selector's key in SelectorKeys: its type's byte, then its value.
std::string selector_cache_key(const model::Selector& selector) {
  std::string key(1, static_cast<char>(selector.type));
  key += selector.value;
  return key;
}

// A transaction's stored columns, in the order do_put_transaction() gives their values.
constexpr std::string_view k_stored_transaction_columns =
    "transactions (source, source_id, from_key, to_key, amount, currency, at, channel, reference, content_hash,"
    " leaf_index)";

std::string_view as_bytes(const Sha256Digest& digest) {
  return {reinterpret_cast<const char*>(digest.data()), digest.size()};
}

Params report_params(const model::Report& report, const Sha256Digest& content_hash, std::uint64_t leaf) {
  Params params;
  params.text(report.source).text(report.id).text(model::to_string(report.kind)).text(report.country);
  params.integer(report.reported_at.unix_micros).text(report.language).text(report.victim_country);
  if (report.loss) {
    params.real(report.loss->amount).text(report.loss->currency);
  } else {
    params.null().null();
  }
  params.text(model::to_string(report.tlp)).text(report.text).bytes(as_bytes(content_hash));
  params.integer(static_cast<std::int64_t>(leaf));
  return params.text(report.withdrawn ? "true" : "false");
}

}  // namespace

Result<std::int64_t> View::intern(const model::Selector& selector) {
  std::string cache_key = selector_cache_key(selector);
  if (const auto cached = m_selector_keys.find(cache_key); cached != m_selector_keys.end()) return cached->second;
  // One round trip: the key if the selector is stored, else the key of the row inserted now. Only a row
  // inserted draws a sequence number (writers hold the write lock, so nobody adds it meanwhile), so the
  // keys stay dense for the bulk reads; INSERT … ON CONFLICT would spend one on every known selector.
  JALA_TRY_ASSIGN(const Rows rows,
                  query("WITH found AS (SELECT selector_key FROM selectors WHERE type = $1 AND value = $2),"
                        " added AS (INSERT INTO selectors (type, value) SELECT $1, $2"
                        " WHERE NOT EXISTS (SELECT 1 FROM found) RETURNING selector_key)"
                        " SELECT selector_key FROM found UNION ALL SELECT selector_key FROM added",
                        Params().text(model::to_string(selector.type)).text(selector.value)));
  if (rows.size() != 1) return internal_error("selector {} could not be stored", selector.to_string());
  const std::int64_t key = rows.integer(0, 0);
  if (m_selector_keys.size() >= k_max_cached_selector_keys) m_selector_keys.clear();
  m_selector_keys.emplace(std::move(cache_key), key);
  return key;
}

Status View::intern_all(std::span<const model::Selector> selectors) {
  std::vector<const model::Selector*> unknown;  // in the order given, each once
  std::unordered_set<std::string> seen;
  for (const model::Selector& selector : selectors) {
    std::string cache_key = selector_cache_key(selector);
    if (!m_selector_keys.contains(cache_key) && seen.insert(std::move(cache_key)).second) unknown.push_back(&selector);
  }
  if (unknown.empty()) return {};
  if (m_selector_keys.size() + unknown.size() > k_max_cached_selector_keys) m_selector_keys.clear();
  std::vector<std::string_view> types;
  std::vector<std::string_view> values;
  for (const model::Selector* selector : unknown) {
    types.push_back(model::to_string(selector->type));
    values.push_back(selector->value);
  }
  const auto remember = [&](const Rows& rows) -> Status {
    for (std::size_t row = 0; row < rows.size(); ++row) {
      JALA_TRY_ASSIGN(const model::Selector selector, rows.selector(row, 1));
      m_selector_keys[selector_cache_key(selector)] = rows.integer(row, 0);
    }
    return {};
  };
  JALA_TRY_ASSIGN(
      const Rows found,
      query("SELECT s.selector_key, s.type, s.value FROM selectors s"
            " JOIN unnest($1::text[], $2::text[]) AS w(type, value) ON s.type = w.type AND s.value = w.value",
            Params().texts(types).texts(values)));
  JALA_TRY(remember(found));
  // The rest are new: one insert for all (writers hold the write lock, so none can appear meanwhile).
  types.clear();
  values.clear();
  for (const model::Selector* selector : unknown) {
    if (m_selector_keys.contains(selector_cache_key(*selector))) continue;
    types.push_back(model::to_string(selector->type));
    values.push_back(selector->value);
  }
  if (types.empty()) return {};
  JALA_TRY_ASSIGN(const Rows added,
                  query("INSERT INTO selectors (type, value) SELECT * FROM unnest($1::text[], $2::text[])"
                        " RETURNING selector_key, type, value",
                        Params().texts(types).texts(values)));
  if (added.size() != types.size()) return internal_error("{} new selectors gave {} keys", types.size(), added.size());
  return remember(added);
}

Status View::expect_records(std::span<const RecordRef> records) {
  // What the last hint said is dropped, so that a transaction of many chunks holds one chunk's worth; a
  // record of an earlier chunk is found stored, as the rows gathered for it are sent before the lookups.
  m_expected_reports.clear();
  m_expected_transactions.clear();
  // Every selector in the order the puts would store it, so that new ones get the keys they would get
  // without the hint (keys show in outputs, e.g. GraphML ids, which must not depend on the backend).
  std::vector<model::Selector> selectors;
  std::vector<RecordKey> transactions;
  std::vector<RecordKey> reports;
  for (const RecordRef& record : records) {
    if (const auto* report = std::get_if<const model::Report*>(&record)) {
      reports.push_back({(*report)->source, (*report)->id});
      for (const model::ReportSelector& named : (*report)->selectors) selectors.push_back(named.selector);
      for (model::ReportSelector& derived : model::derived_selectors(**report)) {
        selectors.push_back(std::move(derived.selector));
      }
      for (const model::TextSelector& found : (*report)->text_selectors) selectors.push_back(found.selector);
      continue;
    }
    const model::Transaction* transaction = std::get<const model::Transaction*>(record);
    selectors.push_back(transaction->from);
    selectors.push_back(transaction->to);
    transactions.push_back({transaction->source, transaction->id});
  }
  JALA_TRY(intern_all(selectors));
  JALA_TRY(expect_reports(reports));
  if (transactions.empty()) return {};
  JALA_TRY_ASSIGN(const Rows stored, query(fmt::format("SELECT w.place, t.content_hash FROM {} JOIN transactions t"
                                                       " ON t.source = w.source AND t.source_id = w.source_id",
                                                       k_asked_records),
                                           record_key_arrays(transactions)));
  for (std::size_t row = 0; row < stored.size(); ++row) {
    JALA_TRY_ASSIGN(const std::size_t place, asked_place(stored, row, transactions.size()));
    m_expected_transactions.insert_or_assign(transactions[place], stored.bytes(row, 1));
  }
  for (RecordKey& key : transactions) m_expected_transactions.try_emplace(std::move(key));
  return {};
}

Status View::expect_reports(std::span<const RecordKey> reports) {
  if (reports.empty()) return {};
  JALA_TRY_ASSIGN(const Rows stored,
                  query(fmt::format("SELECT w.place, r.report_key, r.content_hash FROM {} JOIN reports r"
                                    " ON r.source = w.source AND r.source_id = w.source_id",
                                    k_asked_records),
                        record_key_arrays(reports)));
  for (std::size_t row = 0; row < stored.size(); ++row) {
    JALA_TRY_ASSIGN(const std::size_t place, asked_place(stored, row, reports.size()));
    m_expected_reports.insert_or_assign(reports[place], StoredRecord{stored.integer(row, 1), stored.bytes(row, 2)});
  }
  // A key for each new report, in the order of the puts, which is the order they would draw them in.
  std::vector<const RecordKey*> absent;
  std::set<RecordKey> seen;
  for (const RecordKey& key : reports) {
    if (!m_expected_reports.contains(key) && seen.insert(key).second) absent.push_back(&key);
  }
  if (absent.empty()) return {};
  JALA_TRY_ASSIGN(const Rows reserved,
                  query("SELECT nextval(pg_get_serial_sequence('reports', 'report_key')) FROM generate_series(1, $1)"
                        " ORDER BY 1",
                        Params().integer(static_cast<std::int64_t>(absent.size()))));
  if (reserved.size() != absent.size()) {
    return internal_error("{} new reports were given {} keys", absent.size(), reserved.size());
  }
  for (std::size_t i = 0; i < absent.size(); ++i) {
    m_expected_reports.insert_or_assign(*absent[i], StoredRecord{reserved.integer(i, 0), std::string()});
  }
  return {};
}

Result<PutOutcome> View::do_put_report(const model::Report& report, const Sha256Digest& content_hash,
                                       std::uint64_t leaf) {
  constexpr std::string_view k_columns =
      "kind = $3, country = $4, reported_at = $5, language = $6, victim_country = $7, loss_amount = $8,"
      " loss_currency = $9, tlp = $10, text = $11, content_hash = $12, leaf_index = $13, withdrawn = $14";
  std::int64_t report_key = 0;
  PutOutcome outcome = PutOutcome::added;
  if (const auto expected = m_expected_reports.find(RecordKey{report.source, report.id});
      expected != m_expected_reports.end()) {
    // Known from the hint: nothing to wait for.
    StoredRecord& stored = expected->second;
    report_key = stored.key;
    if (stored.content_hash.empty()) {
      JALA_TRY(
          run("INSERT INTO reports (source, source_id, kind, country, reported_at, language, victim_country,"
              " loss_amount, loss_currency, tlp, text, content_hash, leaf_index, withdrawn, report_key) VALUES"
              " ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
              report_params(report, content_hash, leaf).integer(report_key)));
    } else if (stored.content_hash == as_bytes(content_hash)) {
      return PutOutcome::unchanged;
    } else {
      outcome = PutOutcome::updated;
    }
    stored.content_hash = as_bytes(content_hash);
  } else {
    // Insert first: new reports, the common case, take one round trip. Only on a conflict is the stored
    // hash read, to tell an unchanged report from an updated one (a conflict spends a report key; keys
    // need only grow).
    JALA_TRY_ASSIGN(const Rows inserted,
                    query("INSERT INTO reports (source, source_id, kind, country, reported_at, language,"
                          " victim_country, loss_amount, loss_currency, tlp, text, content_hash, leaf_index,"
                          " withdrawn) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"
                          " ON CONFLICT (source, source_id) DO NOTHING RETURNING report_key",
                          report_params(report, content_hash, leaf)));
    if (inserted.size() == 1) {
      report_key = inserted.integer(0, 0);
    } else {
      JALA_TRY_ASSIGN(const std::optional<StoredRecord> stored, find_stored("reports", {report.source, report.id}));
      if (!stored) return internal_error("report {}/{} conflicts but cannot be found", report.source, report.id);
      if (stored->content_hash == as_bytes(content_hash)) return PutOutcome::unchanged;
      outcome = PutOutcome::updated;
      report_key = stored->key;
    }
  }
  if (outcome == PutOutcome::updated) {
    Params params = report_params(report, content_hash, leaf);
    JALA_TRY(
        run(fmt::format("UPDATE reports SET {} WHERE report_key = $15 AND source = $1 AND source_id = $2", k_columns),
            params.integer(report_key)));
    JALA_TRY(run("DELETE FROM report_selectors WHERE report_key = $1", Params().integer(report_key)));
  }

  // Gathered into multi-row inserts, sent after the report's row.
  constexpr std::string_view k_insert_selector =
      "INSERT INTO report_selectors (report_key, position, selector_key, raw, span_start, span_end, confidence)"
      " SELECT * FROM unnest($1::bigint[], $2::integer[], $3::bigint[], $4::text[], $5::bigint[], $6::bigint[],"
      " $7::double precision[])";
  std::int64_t position = 0;
  for (const model::ReportSelector& named : report.selectors) {
    JALA_TRY_ASSIGN(const std::int64_t selector_key, intern(named.selector));
    JALA_TRY(m_connection.insert_row(
        k_insert_selector,
        Params().integer(report_key).integer(position++).integer(selector_key).text(named.raw).null().null().null()));
  }
  for (const model::ReportSelector& derived : model::derived_selectors(report)) {
    JALA_TRY_ASSIGN(const std::int64_t selector_key, intern(derived.selector));
    JALA_TRY(m_connection.insert_row(k_insert_selector, Params()
                                                            .integer(report_key)
                                                            .integer(position++)
                                                            .integer(selector_key)
                                                            .text(derived.raw)
                                                            .null()
                                                            .null()
                                                            .real(model::k_derived_confidence)));
  }
  for (const model::TextSelector& found : report.text_selectors) {
    JALA_TRY_ASSIGN(const std::int64_t selector_key, intern(found.selector));
    const std::string_view raw = std::string_view(report.text).substr(found.start, found.end - found.start);
    JALA_TRY(m_connection.insert_row(k_insert_selector, Params()
                                                            .integer(report_key)
                                                            .integer(position++)
                                                            .integer(selector_key)
                                                            .text(raw)
                                                            .integer(found.start)
                                                            .integer(found.end)
                                                            .real(found.confidence)));
  }
  JALA_TRY(put_assessment(report_key, report.assessment, outcome == PutOutcome::added));
  return outcome;
}

Status View::do_put_assessment(const RecordKey& key, const model::Assessment& assessment) {
  if (const auto expected = m_expected_reports.find(key);
      expected != m_expected_reports.end() && !expected->second.content_hash.empty()) {
    return put_assessment(expected->second.key, assessment, false);
  }
  JALA_TRY_ASSIGN(const std::optional<StoredRecord> stored, find_stored("reports", key));
  if (!stored) return internal_error("report {}/{} has an assessment but cannot be found", key.source, key.id);
  return put_assessment(stored->key, assessment, false);
}

Result<PutOutcome> View::do_put_transaction(const model::Transaction& transaction, const Sha256Digest& content_hash,
                                            std::uint64_t leaf) {
  JALA_TRY_ASSIGN(const std::int64_t from_key, intern(transaction.from));
  JALA_TRY_ASSIGN(const std::int64_t to_key, intern(transaction.to));
  Params params;
  params.text(transaction.source).text(transaction.id).integer(from_key).integer(to_key).real(transaction.amount);
  params.text(transaction.currency).integer(transaction.at.unix_micros).text(model::to_string(transaction.channel));
  params.text(transaction.reference).bytes(as_bytes(content_hash)).integer(static_cast<std::int64_t>(leaf));
  const auto update = [&] {
    return run(
        "UPDATE transactions SET from_key = $3, to_key = $4, amount = $5, currency = $6, at = $7,"
        " channel = $8, reference = $9, content_hash = $10, leaf_index = $11 WHERE source = $1"
        " AND source_id = $2",
        params);
  };
  if (const auto expected = m_expected_transactions.find(RecordKey{transaction.source, transaction.id});
      expected != m_expected_transactions.end()) {
    // Known from the hint: nothing to wait for. A new one is gathered into a multi-row insert.
    std::string& stored_hash = expected->second;
    PutOutcome outcome = PutOutcome::added;
    if (stored_hash.empty()) {
      JALA_TRY(m_connection.insert_row(
          fmt::format("INSERT INTO {} SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[],"
                      " $5::double precision[], $6::text[], $7::bigint[], $8::text[], $9::text[], $10::bytea[],"
                      " $11::bigint[])",
                      k_stored_transaction_columns),
          params));
    } else if (stored_hash == as_bytes(content_hash)) {
      return PutOutcome::unchanged;
    } else {
      JALA_TRY(update());
      outcome = PutOutcome::updated;
    }
    stored_hash = as_bytes(content_hash);
    return outcome;
  }
  // Insert first, as for reports: a new transaction takes one round trip.
  JALA_TRY_ASSIGN(const Rows inserted,
                  query(fmt::format("INSERT INTO {} VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
                                    " ON CONFLICT (source, source_id) DO NOTHING RETURNING transaction_key",
                                    k_stored_transaction_columns),
                        params));
  if (inserted.size() == 1) return PutOutcome::added;
  JALA_TRY_ASSIGN(const std::optional<StoredRecord> stored,
                  find_stored("transactions", {transaction.source, transaction.id}));
  if (!stored) {
    return internal_error("transaction {}/{} conflicts but cannot be found", transaction.source, transaction.id);
  }
  if (stored->content_hash == as_bytes(content_hash)) return PutOutcome::unchanged;
  JALA_TRY(update());
  return PutOutcome::updated;
}

Status View::start_bulk_load() { return m_connection.execute(k_drop_ledger_indexes); }
Status View::finish_bulk_load() { return m_connection.execute(k_build_ledger_indexes); }

}  // namespace jala::storage::postgres
