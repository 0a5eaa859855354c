#include "jala/storage/sqlite/ledger_query.h"

#include <limits>
#include <vector>

#include "jala/storage/sqlite/statement.h"

namespace jala::storage::sqlite {
namespace {

constexpr flow::AccountId k_unnamed = std::numeric_limits<flow::AccountId>::max();
constexpr flow::AccountId k_named = k_unnamed - 1;  // named by a transaction, not yet numbered

}  // namespace

Result<flow::Ledger> read_ledger(sqlite3* db) {
  // First the transactions, so that only the selectors they name become accounts.
  JALA_TRY_ASSIGN(Statement scan, Statement::prepare(db,
                                                     "SELECT from_key, to_key, amount, currency, at, channel, source, "
                                                     "source_id FROM transactions ORDER BY transaction_key"));
  std::vector<std::int64_t> keys;  // from, to per transaction
  std::vector<double> amounts;
  std::vector<std::int64_t> times;
  std::vector<model::Channel> channels;
  std::string text;                    // currency, source and id of each transaction, concatenated
  std::vector<std::size_t> text_ends;  // three per transaction
  std::vector<flow::AccountId> account_of_key;
  while (true) {
    JALA_TRY_ASSIGN(const bool row, scan.step());
    if (!row) break;
    for (int column : {0, 1}) {
      const std::int64_t key = scan.column_int(column);
      if (key < 0) return data_loss("a transaction names selector key {}", key);
      keys.push_back(key);
      if (static_cast<std::size_t>(key) >= account_of_key.size()) {
        account_of_key.resize(static_cast<std::size_t>(key) + 1, k_unnamed);
      }
      account_of_key[static_cast<std::size_t>(key)] = k_named;
    }
    amounts.push_back(scan.column_double(2));
    times.push_back(scan.column_int(4));
    JALA_TRY_ASSIGN(const model::Channel channel, model::parse_channel(scan.column_text(5)));
    channels.push_back(channel);
    for (int column : {3, 6, 7}) {
      text += scan.column_text(column);
      text_ends.push_back(text.size());
    }
  }

  flow::LedgerBuilder builder;
  JALA_TRY_ASSIGN(Statement selectors,
                  Statement::prepare(db, "SELECT selector_key, type, value FROM selectors ORDER BY selector_key"));
  while (true) {
    JALA_TRY_ASSIGN(const bool row, selectors.step());
    if (!row) break;
    const auto key = static_cast<std::size_t>(selectors.column_int(0));
    if (key >= account_of_key.size() || account_of_key[key] == k_unnamed) continue;
    JALA_TRY_ASSIGN(const model::SelectorType type, model::parse_selector_type(selectors.column_text(1)));
    account_of_key[key] = builder.add_account({type, std::string(selectors.column_text(2))});
  }

  for (const std::int64_t key : keys) {
    if (account_of_key[static_cast<std::size_t>(key)] == k_named) {
      return data_loss("a transaction names selector key {}, which is missing", key);
    }
  }
  const std::string_view all(text);
  std::size_t begin = 0;
  const auto next_text = [&](std::size_t index) {
    const std::string_view field = all.substr(begin, text_ends[index] - begin);
    begin = text_ends[index];
    return field;
  };
  for (std::size_t i = 0; i < amounts.size(); ++i) {
    flow::TransferRecord record;
    record.currency = next_text(3 * i);
    record.source = next_text(3 * i + 1);
    record.id = next_text(3 * i + 2);
    record.from = account_of_key[static_cast<std::size_t>(keys[2 * i])];
    record.to = account_of_key[static_cast<std::size_t>(keys[2 * i + 1])];
    record.at = Timestamp{times[i]};
    record.amount = amounts[i];
    record.channel = channels[i];
    JALA_TRY(builder.add(record));
  }
  return std::move(builder).build();
}

}  // namespace jala::storage::sqlite
