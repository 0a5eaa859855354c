// The PostgreSQL backend's whole-store reads (view.h): the report-selector graph for linking, the
// ledger for flow analysis, and a node's selectors for private overlap. The big ones scan through a
// cursor, a batch at a time. They build what the SQLite backend's reads build, in the same order.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "jala/storage/postgres/view.h"
#include "jala/storage/transaction_rows.h"

namespace jala::storage::postgres {
namespace {

constexpr std::size_t k_batch_rows = 20'000;
constexpr graph::SelectorId k_unknown = UINT32_MAX;

// What a ledger needs of a transaction, in TransactionRow's order.
constexpr std::string_view k_transaction_columns = "from_key, to_key, amount, currency, at, channel, source, source_id";

Status add_rows(TransactionRows& out, const Rows& rows) {
  for (std::size_t row = 0; row < rows.size(); ++row) {
    JALA_TRY(out.add({rows.integer(row, 0), rows.integer(row, 1), rows.real(row, 2), rows.text(row, 3),
                      rows.integer(row, 4), rows.text(row, 5), rows.text(row, 6), rows.text(row, 7)}));
  }
  return {};
}

// The numbers of a bigint[] in text form, "{1,2,3}".
Status parse_keys(std::string_view array, std::vector<std::int64_t>& keys) {
  keys.clear();
  if (array.size() < 2 || array.front() != '{' || array.back() != '}') {
    return data_loss("a report's selector keys are unreadable: {}", array);
  }
  const char* at = array.data() + 1;
  const char* const end = array.data() + array.size() - 1;
  while (at < end) {
    std::int64_t key = 0;
    const auto [next, error] = std::from_chars(at, end, key);
    if (error != std::errc()) return data_loss("a report's selector keys are unreadable: {}", array);
    keys.push_back(key);
    at = next < end && *next == ',' ? next + 1 : next;
    if (next == at && at < end) return data_loss("a report's selector keys are unreadable: {}", array);
  }
  return {};
}

}  // namespace

Result<bool> View::extend_link_input(graph::LinkInput& input, LinkInputCursor& cursor) const {
  JALA_TRY_ASSIGN(const std::uint64_t size, log_size());
  const bool first_read = input.report_count() == 0 && input.selector_count() == 0;
  if (!first_read) {
    if (size == cursor.log_size) return true;
    // A report the graph holds was stored again after the cursor's read: its log entry is newer.
    JALA_TRY_ASSIGN(
        const Rows changed,
        query("SELECT 1 FROM reports WHERE leaf_index >= $1 AND report_key <= $2 LIMIT 1",
              Params().integer(static_cast<std::int64_t>(cursor.log_size)).integer(cursor.last_report_key)));
    if (changed.size() > 0) return false;
  }
  // Selectors added since, in key order. Keys come from a sequence and only grow, so a vector indexed
  // by key is compact (interning spends no number on a selector that exists).
  std::vector<graph::SelectorId>& ids = cursor.selector_ids;
  const Status selectors_read = m_connection.scan(
      "SELECT selector_key, type, value FROM selectors WHERE selector_key >= $1"
      " ORDER BY selector_key",
      Params().integer(static_cast<std::int64_t>(ids.size())), k_batch_rows, [&](const Rows& rows) -> Status {
        for (std::size_t row = 0; row < rows.size(); ++row) {
          const auto key = static_cast<std::size_t>(rows.integer(row, 0));
          JALA_TRY_ASSIGN(model::Selector selector, rows.selector(row, 1));
          if (key >= ids.size()) ids.resize(key + 1, k_unknown);
          ids[key] = input.add_selector(std::move(selector));
        }
        return {};
      });
  JALA_TRY(selectors_read);
  // Reports added since, in key order, each with the keys of the selectors it names.
  std::vector<std::int64_t> keys;
  std::vector<graph::SelectorId> named;
  const Status reports_read = m_connection.scan(
      "SELECT report_key, source, source_id, kind, country, victim_country, reported_at, loss_amount,"
      " loss_currency, tlp, ARRAY(SELECT selector_key FROM report_selectors rs WHERE rs.report_key ="
      " r.report_key) FROM reports r WHERE report_key > $1 ORDER BY report_key",
      Params().integer(cursor.last_report_key), k_batch_rows, [&](const Rows& rows) -> Status {
        for (std::size_t row = 0; row < rows.size(); ++row) {
          const std::int64_t report_key = rows.integer(row, 0);
          graph::ReportFacts facts;
          facts.source = rows.text(row, 1);
          facts.id = rows.text(row, 2);
          JALA_TRY_ASSIGN(facts.kind, model::parse_report_kind(rows.text(row, 3)));
          facts.country = rows.text(row, 4);
          facts.victim_country = rows.text(row, 5);
          facts.reported_at = Timestamp{rows.integer(row, 6)};
          if (!rows.is_null(row, 7)) facts.loss = model::Money{rows.real(row, 7), std::string(rows.text(row, 8))};
          JALA_TRY_ASSIGN(facts.tlp, model::parse_tlp(rows.text(row, 9)));
          JALA_TRY(parse_keys(rows.text(row, 10), keys));
          named.clear();
          for (const std::int64_t key : keys) {
            if (key < 0 || static_cast<std::size_t>(key) >= ids.size() ||
                ids[static_cast<std::size_t>(key)] == k_unknown) {
              return data_loss("report {} names a missing selector", report_key);
            }
            named.push_back(ids[static_cast<std::size_t>(key)]);
          }
          std::sort(named.begin(), named.end());
          named.erase(std::unique(named.begin(), named.end()), named.end());
          input.add_report(std::move(facts), named);
          cursor.last_report_key = report_key;
        }
        return {};
      });
  JALA_TRY(reports_read);
  cursor.log_size = size;
  return true;
}

Result<flow::Ledger> View::ledger() const {
  // First the transactions, so that only the selectors they name become accounts, numbered in key order.
  TransactionRows rows;
  JALA_TRY(m_connection.scan(fmt::format("SELECT {} FROM transactions ORDER BY transaction_key", k_transaction_columns),
                             {}, k_batch_rows, [&](const Rows& batch) { return add_rows(rows, batch); }));
  AccountNumbering accounts(rows);
  flow::LedgerBuilder builder;
  const Status accounts_read =
      m_connection.scan("SELECT selector_key, type, value FROM selectors WHERE selector_key < $1 ORDER BY selector_key",
                        Params().integer(accounts.key_limit()), k_batch_rows, [&](const Rows& batch) -> Status {
                          for (std::size_t row = 0; row < batch.size(); ++row) {
                            const std::int64_t key = batch.integer(row, 0);
                            if (!accounts.named(key)) continue;
                            JALA_TRY_ASSIGN(model::Selector account, batch.selector(row, 1));
                            accounts.number(key, builder.add_account(std::move(account)));
                          }
                          return {};
                        });
  JALA_TRY(accounts_read);
  JALA_TRY(accounts.check_all_numbered());
  JALA_TRY(rows.add_to(builder, [&](std::int64_t key) { return accounts(key); }));
  return std::move(builder).build();
}

Result<flow::Ledger> View::ledger_of(std::span<const model::Selector> accounts) const {
  std::vector<std::int64_t> wanted;  // the accounts' selector keys, ascending
  for (const model::Selector& account : accounts) {
    JALA_TRY_ASSIGN(const Rows found, query("SELECT selector_key FROM selectors WHERE type = $1 AND value = $2",
                                            Params().text(model::to_string(account.type)).text(account.value)));
    if (found.size() == 1) wanted.push_back(found.integer(0, 0));
  }
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());

  // Through the indexes transactions_by_from and transactions_by_to, account by account, as the SQLite
  // backend reads them. A transaction between two wanted accounts comes once, with its sender.
  TransactionRows rows;
  for (const std::int64_t key : wanted) {
    JALA_TRY_ASSIGN(const Rows sent, query(fmt::format("SELECT {} FROM transactions WHERE from_key = $1 ORDER BY at,"
                                                       " transaction_key",
                                                       k_transaction_columns),
                                           Params().integer(key)));
    JALA_TRY(add_rows(rows, sent));
    JALA_TRY_ASSIGN(const Rows received,
                    query(fmt::format("SELECT {} FROM transactions WHERE to_key = $1 AND NOT (from_key = ANY($2))"
                                      " ORDER BY at, transaction_key",
                                      k_transaction_columns),
                          Params().integer(key).integers(wanted)));
    JALA_TRY(add_rows(rows, received));
  }

  // Accounts in selector key order, as ledger() numbers them.
  std::vector<std::int64_t> named(rows.selector_keys().begin(), rows.selector_keys().end());
  std::sort(named.begin(), named.end());
  named.erase(std::unique(named.begin(), named.end()), named.end());
  JALA_TRY_ASSIGN(const Rows selectors, query("SELECT selector_key, type, value FROM selectors WHERE selector_key ="
                                              " ANY($1) ORDER BY selector_key",
                                              Params().integers(named)));
  if (selectors.size() != named.size()) return data_loss("a transaction names a selector key which is missing");
  flow::LedgerBuilder builder;
  for (std::size_t row = 0; row < selectors.size(); ++row) {
    JALA_TRY_ASSIGN(model::Selector account, selectors.selector(row, 1));
    builder.add_account(std::move(account));
  }
  JALA_TRY(rows.add_to(builder, [&](std::int64_t key) {
    return static_cast<flow::AccountId>(std::lower_bound(named.begin(), named.end(), key) - named.begin());
  }));
  return std::move(builder).build();
}

Result<std::vector<model::Selector>> View::selectors_of_reports(std::span<const model::Tlp> levels,
                                                                std::span<const std::string> other_sources) const {
  std::vector<model::Selector> selectors;
  if (levels.empty()) return selectors;
  Params params;
  std::string list;
  for (std::size_t i = 0; i < levels.size(); ++i) {
    fmt::format_to(std::back_inserter(list), "{}${}", i == 0 ? "" : ", ", i + 1);
    params.text(model::to_string(levels[i]));
  }
  const std::vector<std::string_view> left_out(other_sources.begin(), other_sources.end());
  params.texts(left_out);
  const Status selectors_read =
      m_connection.scan(fmt::format("SELECT DISTINCT s.type, s.value FROM selectors s JOIN report_selectors rs"
                                    " USING (selector_key) JOIN reports r USING (report_key) WHERE r.tlp IN ({})"
                                    " AND r.source <> ALL (${}::text[])",
                                    list, levels.size() + 1),
                        params, k_batch_rows, [&](const Rows& rows) -> Status {
                          for (std::size_t row = 0; row < rows.size(); ++row) {
                            JALA_TRY_ASSIGN(model::Selector selector, rows.selector(row, 0));
                            selectors.push_back(std::move(selector));
                          }
                          return {};
                        });
  JALA_TRY(selectors_read);
  std::sort(selectors.begin(), selectors.end());
  return selectors;
}

}  // namespace jala::storage::postgres
