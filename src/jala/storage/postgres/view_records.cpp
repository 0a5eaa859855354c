// Reading reports, transactions and selectors in the PostgreSQL backend (view.h); view_writes.cpp writes them.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "jala/storage/postgres/view.h"
#include "jala/storage/sql_stats.h"

namespace jala::storage::postgres {

Params record_key_arrays(std::span<const RecordKey> keys) {
  std::vector<std::string_view> sources;
  std::vector<std::string_view> ids;
  sources.reserve(keys.size());
  ids.reserve(keys.size());
  for (const RecordKey& key : keys) {
    sources.push_back(key.source);
    ids.push_back(key.id);
  }
  return Params().texts(sources).texts(ids);
}

Result<std::size_t> asked_place(const Rows& rows, std::size_t row, std::size_t asked) {
  const std::int64_t place = rows.integer(row, 0);
  if (place < 1 || static_cast<std::size_t>(place) > asked) {
    return internal_error("a query over {} items asked answered for item {}", asked, place);
  }
  return static_cast<std::size_t>(place - 1);
}

Result<std::optional<View::StoredRecord>> View::find_stored(std::string_view table, const RecordKey& key) const {
  const std::string_view column = table == "reports" ? "report_key" : "transaction_key";
  JALA_TRY_ASSIGN(
      const Rows rows,
      query(fmt::format("SELECT {}, content_hash FROM {} WHERE source = $1 AND source_id = $2", column, table),
            Params().text(key.source).text(key.id)));
  if (rows.size() == 0) return std::optional<StoredRecord>();
  return std::optional<StoredRecord>(StoredRecord{rows.integer(0, 0), rows.bytes(0, 1)});
}

Result<std::optional<model::Report>> View::find_report(const RecordKey& key) const {
  JALA_TRY_ASSIGN(std::vector<std::optional<model::Report>> found, find_reports(std::span(&key, 1)));
  return std::move(found.front());
}

Result<std::vector<std::optional<model::Report>>> View::find_reports(std::span<const RecordKey> keys) const {
  // Three queries for all: the reports, their selectors, their assessments.
  JALA_TRY_ASSIGN(const Rows found,
                  query(fmt::format("SELECT w.place, r.report_key, r.kind, r.country, r.reported_at, r.language,"
                                    " r.victim_country, r.loss_amount, r.loss_currency, r.tlp, r.text, r.withdrawn"
                                    " FROM {} JOIN reports r ON r.source = w.source AND r.source_id = w.source_id",
                                    k_asked_records),
                        record_key_arrays(keys)));
  std::vector<std::optional<model::Report>> reports(keys.size());
  std::unordered_multimap<std::int64_t, std::size_t> places;  // report key -> places asked (a key may repeat)
  std::vector<std::int64_t> report_keys;
  for (std::size_t row = 0; row < found.size(); ++row) {
    JALA_TRY_ASSIGN(const std::size_t place, asked_place(found, row, keys.size()));
    const RecordKey& key = keys[place];
    Result<model::ReportKind> kind = model::parse_report_kind(found.text(row, 2));
    Result<model::Tlp> tlp = model::parse_tlp(found.text(row, 9));
    if (!kind.ok() || !tlp.ok()) {
      return data_loss("report {}/{} has an unreadable kind or TLP in the store", key.source, key.id);
    }
    model::Report& report = reports[place].emplace();
    report.source = key.source;
    report.id = key.id;
    report.kind = *kind;
    report.tlp = *tlp;
    report.country = found.text(row, 3);
    report.reported_at = Timestamp{found.integer(row, 4)};
    report.language = found.text(row, 5);
    report.victim_country = found.text(row, 6);
    if (!found.is_null(row, 7)) report.loss = model::Money{found.real(row, 7), std::string(found.text(row, 8))};
    report.text = found.text(row, 10);
    report.withdrawn = found.text(row, 11) == "t";
    const std::int64_t report_key = found.integer(row, 1);
    if (!places.contains(report_key)) report_keys.push_back(report_key);
    places.emplace(report_key, place);
  }
  if (report_keys.empty()) return reports;
  JALA_TRY_ASSIGN(const Rows selectors,
                  query("SELECT rs.report_key, s.type, s.value, rs.raw, rs.span_start, rs.span_end, rs.confidence"
                        " FROM report_selectors rs JOIN selectors s USING (selector_key)"
                        " WHERE rs.report_key = ANY($1::bigint[]) ORDER BY rs.report_key, rs.position",
                        Params().integers(report_keys)));
  for (std::size_t row = 0; row < selectors.size(); ++row) {
    JALA_TRY_ASSIGN(const model::Selector selector, selectors.selector(row, 1));
    const auto [first, last] = places.equal_range(selectors.integer(row, 0));
    for (auto at = first; at != last; ++at) {
      model::Report& report = *reports[at->second];
      if (selectors.is_null(row, 4)) {
        // A row with a confidence but no span was derived from the form (model::derived_selectors).
        if (selectors.is_null(row, 6)) report.selectors.push_back({selector, std::string(selectors.text(row, 3))});
      } else {
        report.text_selectors.push_back({selector, static_cast<std::uint32_t>(selectors.integer(row, 4)),
                                         static_cast<std::uint32_t>(selectors.integer(row, 5)),
                                         selectors.real(row, 6)});
      }
    }
  }
  JALA_TRY_ASSIGN(const auto assessments, find_assessments(report_keys));
  for (const auto& [report_key, assessment] : assessments) {
    const auto [first, last] = places.equal_range(report_key);
    for (auto at = first; at != last; ++at) reports[at->second]->assessment = assessment;
  }
  return reports;
}

Result<std::optional<model::Transaction>> View::find_transaction(const RecordKey& key) const {
  JALA_TRY_ASSIGN(std::vector<std::optional<model::Transaction>> found, find_transactions(std::span(&key, 1)));
  return std::move(found.front());
}

Result<std::vector<std::optional<model::Transaction>>> View::find_transactions(std::span<const RecordKey> keys) const {
  JALA_TRY_ASSIGN(const Rows found,
                  query(fmt::format("SELECT w.place, f.type, f.value, t.type, t.value, x.amount, x.currency, x.at,"
                                    " x.channel, x.reference FROM {} JOIN transactions x ON x.source = w.source AND"
                                    " x.source_id = w.source_id JOIN selectors f ON f.selector_key = x.from_key"
                                    " JOIN selectors t ON t.selector_key = x.to_key",
                                    k_asked_records),
                        record_key_arrays(keys)));
  std::vector<std::optional<model::Transaction>> transactions(keys.size());
  for (std::size_t row = 0; row < found.size(); ++row) {
    JALA_TRY_ASSIGN(const std::size_t place, asked_place(found, row, keys.size()));
    const RecordKey& key = keys[place];
    Result<model::Selector> from = found.selector(row, 1);
    Result<model::Selector> to = found.selector(row, 3);
    Result<model::Channel> channel = model::parse_channel(found.text(row, 8));
    if (!from.ok() || !to.ok() || !channel.ok()) {
      return data_loss("transaction {}/{} is unreadable in the store", key.source, key.id);
    }
    model::Transaction& transaction = transactions[place].emplace();
    transaction.source = key.source;
    transaction.id = key.id;
    transaction.from = std::move(from).value();
    transaction.to = std::move(to).value();
    transaction.amount = found.real(row, 5);
    transaction.currency = found.text(row, 6);
    transaction.at = Timestamp{found.integer(row, 7)};
    transaction.channel = *channel;
    transaction.reference = found.text(row, 9);
  }
  return transactions;
}

Result<std::vector<RecordKey>> View::reports_with_selector(const model::Selector& selector) const {
  JALA_TRY_ASSIGN(const Rows found,
                  query("SELECT DISTINCT r.source, r.source_id FROM selectors s JOIN report_selectors rs"
                        " USING (selector_key) JOIN reports r USING (report_key) WHERE s.type = $1 AND s.value = $2"
                        " ORDER BY r.source, r.source_id",
                        Params().text(model::to_string(selector.type)).text(selector.value)));
  std::vector<RecordKey> keys;
  keys.reserve(found.size());
  for (std::size_t row = 0; row < found.size(); ++row) {
    keys.push_back({std::string(found.text(row, 0)), std::string(found.text(row, 1))});
  }
  return keys;
}

Result<SelectorReports> View::first_reports_with_selector(const model::Selector& selector, std::size_t limit) const {
  // Both walk the (selector_key, report_key) index; only the first `limit` reports are joined.
  const Params named = Params().text(model::to_string(selector.type)).text(selector.value);
  JALA_TRY_ASSIGN(const Rows counted,
                  query("SELECT COUNT(DISTINCT report_key) FROM report_selectors WHERE selector_key ="
                        " (SELECT selector_key FROM selectors WHERE type = $1 AND value = $2)",
                        named));
  SelectorReports found;
  found.count = counted.size() == 1 ? counted.integer(0, 0) : 0;
  Params first = named;
  first.integer(static_cast<std::int64_t>(std::min<std::size_t>(limit, INT64_MAX)));
  JALA_TRY_ASSIGN(const Rows rows,
                  query("SELECT r.source, r.source_id FROM (SELECT DISTINCT report_key FROM report_selectors"
                        " WHERE selector_key = (SELECT selector_key FROM selectors WHERE type = $1 AND value = $2)"
                        " ORDER BY report_key LIMIT $3) AS f JOIN reports r USING (report_key) ORDER BY report_key",
                        first));
  for (std::size_t row = 0; row < rows.size(); ++row) {
    found.first.push_back({std::string(rows.text(row, 0)), std::string(rows.text(row, 1))});
  }
  return found;
}

Result<StoreStats> View::stats() const {
  const auto count = [&](std::string_view sql) -> Result<std::int64_t> {
    JALA_TRY_ASSIGN(const Rows rows, query(sql));
    return rows.size() == 1 ? rows.integer(0, 0) : 0;
  };
  const auto counts = [&](std::string_view sql) -> Result<Counts> {
    JALA_TRY_ASSIGN(const Rows rows, query(sql));
    Counts out;
    for (std::size_t row = 0; row < rows.size(); ++row) {
      out.emplace_back(std::string(rows.text(row, 0)), rows.integer(row, 1));
    }
    sort_counts(out);
    return out;
  };
  return read_sql_stats(count, counts);
}

}  // namespace jala::storage::postgres
