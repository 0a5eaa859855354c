#include "jala/storage/sqlite/ledger_query.h"

#include <algorithm>
#include <vector>

#include "jala/storage/sqlite/statement.h"
#include "jala/storage/transaction_rows.h"

namespace jala::storage::sqlite {
namespace {

// What a ledger needs of a transaction, in TransactionRow's order.
constexpr std::string_view k_transaction_columns = "from_key, to_key, amount, currency, at, channel, source, source_id";

// A row of k_transaction_columns.
Status add_row(TransactionRows& rows, const Statement& row) {
  return rows.add({row.column_int(0), row.column_int(1), row.column_double(2), row.column_text(3), row.column_int(4),
                   row.column_text(5), row.column_text(6), row.column_text(7)});
}

}  // namespace

Result<flow::Ledger> read_ledger(sqlite3* db) {
  // First the transactions, so that only the selectors they name become accounts.
  JALA_TRY_ASSIGN(Statement scan,
                  Statement::prepare(
                      db, fmt::format("SELECT {} FROM transactions ORDER BY transaction_key", k_transaction_columns)));
  TransactionRows rows;
  {
    // Keys are rowids, so the largest bounds the count, and is found without a scan.
    JALA_TRY_ASSIGN(Statement last, Statement::prepare(db, "SELECT max(transaction_key) FROM transactions"));
    JALA_TRY_ASSIGN(const bool row, last.step());
    if (row && last.column_int(0) > 0) rows.reserve(static_cast<std::size_t>(last.column_int(0)));
  }
  while (true) {
    JALA_TRY_ASSIGN(const bool row, scan.step());
    if (!row) break;
    JALA_TRY(add_row(rows, scan));
  }
  AccountNumbering accounts(rows);
  flow::LedgerBuilder builder;
  JALA_TRY_ASSIGN(Statement selectors,
                  Statement::prepare(db, "SELECT selector_key, type, value FROM selectors ORDER BY selector_key"));
  while (true) {
    JALA_TRY_ASSIGN(const bool row, selectors.step());
    if (!row) break;
    const std::int64_t key = selectors.column_int(0);
    if (!accounts.named(key)) continue;
    JALA_TRY_ASSIGN(model::Selector account, read_selector(selectors, 1));
    accounts.number(key, builder.add_account(std::move(account)));
  }
  JALA_TRY(accounts.check_all_numbered());
  JALA_TRY(rows.add_to(builder, [&](std::int64_t key) { return accounts(key); }));
  return std::move(builder).build();
}

Result<flow::Ledger> read_ledger_of(sqlite3* db, std::span<const model::Selector> accounts) {
  JALA_TRY_ASSIGN(Statement find_key,
                  Statement::prepare(db, "SELECT selector_key FROM selectors WHERE type = ? AND value = ?"));
  std::vector<std::int64_t> wanted;  // the accounts' selector keys, ascending
  for (const model::Selector& account : accounts) {
    find_key.bind(1, model::to_string(account.type)).bind(2, account.value);
    JALA_TRY_ASSIGN(const bool found, find_key.step());
    if (found) wanted.push_back(find_key.column_int(0));
    find_key.reset();
  }
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());

  // Through the indexes transactions_by_from and transactions_by_to. A transaction between two wanted
  // accounts comes once, with its sender.
  JALA_TRY_ASSIGN(Statement sent, Statement::prepare(db, fmt::format("SELECT {} FROM transactions WHERE from_key = ?",
                                                                     k_transaction_columns)));
  JALA_TRY_ASSIGN(Statement received, Statement::prepare(db, fmt::format("SELECT {} FROM transactions WHERE to_key = ?",
                                                                         k_transaction_columns)));
  TransactionRows rows;
  for (const std::int64_t key : wanted) {
    for (Statement* query : {&sent, &received}) {
      query->bind(1, key);
      while (true) {
        JALA_TRY_ASSIGN(const bool row, query->step());
        if (!row) break;
        if (query == &received && std::binary_search(wanted.begin(), wanted.end(), query->column_int(0))) continue;
        JALA_TRY(add_row(rows, *query));
      }
      query->reset();
    }
  }

  // Accounts in selector key order, as read_ledger numbers them.
  std::vector<std::int64_t> named(rows.selector_keys().begin(), rows.selector_keys().end());
  std::sort(named.begin(), named.end());
  named.erase(std::unique(named.begin(), named.end()), named.end());
  JALA_TRY_ASSIGN(Statement find_selector,
                  Statement::prepare(db, "SELECT type, value FROM selectors WHERE selector_key = ?"));
  flow::LedgerBuilder builder;
  for (const std::int64_t key : named) {
    find_selector.bind(1, key);
    JALA_TRY_ASSIGN(const bool found, find_selector.step());
    if (!found) return data_loss("a transaction names selector key {}, which is missing", key);
    JALA_TRY_ASSIGN(model::Selector account, read_selector(find_selector, 0));
    find_selector.reset();
    builder.add_account(std::move(account));
  }
  JALA_TRY(rows.add_to(builder, [&](std::int64_t key) {
    return static_cast<flow::AccountId>(std::lower_bound(named.begin(), named.end(), key) - named.begin());
  }));
  return std::move(builder).build();
}

}  // namespace jala::storage::sqlite
