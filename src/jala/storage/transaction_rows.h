// Transactions as a backend's query returns them, kept compactly until their accounts are numbered:
// what both SQL backends read into a flow::Ledger. Accounts are the backend's selector keys until
// add_to() maps them. Internal to storage/. Thread-compatible.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "jala/base/huge_pages.h"
#include "jala/base/result.h"
#include "jala/flow/ledger.h"

namespace jala::storage {

// One transaction's columns, as read.
struct TransactionRow {
  std::int64_t from_key = 0;
  std::int64_t to_key = 0;
  double amount = 0;
  std::string_view currency;
  std::int64_t at = 0;  // microseconds since the Unix epoch
  std::string_view channel;
  std::string_view source;
  std::string_view id;
};

class TransactionRows {
 public:
  // Room for `transactions` rows, so that reading spares the copies of growth.
  void reserve(std::size_t transactions);
  Status add(const TransactionRow& row);

  // The selector keys of each transaction: from, then to.
  const base::HugePageVector<std::int64_t>& selector_keys() const { return m_keys; }

  // Adds every transaction, with `account_of(selector key)` as its accounts.
  template <typename AccountOf>
  Status add_to(flow::LedgerBuilder& builder, AccountOf account_of) const {
    const std::string_view all(m_text);
    std::size_t begin = 0;
    const auto next_text = [&](std::size_t index) {
      const std::string_view field = all.substr(begin, m_text_ends[index] - begin);
      begin = m_text_ends[index];
      return field;
    };
    builder.reserve(m_amounts.size(), m_id_bytes);
    for (std::size_t i = 0; i < m_amounts.size(); ++i) {
      flow::TransferRecord record;
      record.currency = next_text(3 * i);
      record.source = next_text(3 * i + 1);
      record.id = next_text(3 * i + 2);
      record.from = account_of(m_keys[2 * i]);
      record.to = account_of(m_keys[2 * i + 1]);
      record.at = Timestamp{m_times[i]};
      record.amount = m_amounts[i];
      record.channel = m_channels[i];
      JALA_TRY(builder.add(record));
    }
    return {};
  }

 private:
  base::HugePageVector<std::int64_t> m_keys;  // from, to per transaction
  base::HugePageVector<double> m_amounts;
  base::HugePageVector<std::int64_t> m_times;
  base::HugePageVector<model::Channel> m_channels;
  base::HugePageString m_text;                    // currency, source and id of each transaction, concatenated
  base::HugePageVector<std::size_t> m_text_ends;  // three per transaction
  std::size_t m_id_bytes = 0;                     // of the ids alone
};

// Numbers the accounts that transaction rows name, in selector key order, as ledger() does in every SQL
// backend: the backend reads its selectors in key order and numbers each that is named().
class AccountNumbering {
 public:
  explicit AccountNumbering(const TransactionRows& rows);

  // One past the largest key the rows name.
  std::int64_t key_limit() const { return static_cast<std::int64_t>(m_account_of_key.size()); }
  bool named(std::int64_t key) const;
  void number(std::int64_t key, flow::AccountId account) { m_account_of_key[static_cast<std::size_t>(key)] = account; }
  // Fails when a named key got no account: a transaction names a selector the store lacks.
  Status check_all_numbered() const;
  flow::AccountId operator()(std::int64_t key) const { return m_account_of_key[static_cast<std::size_t>(key)]; }

 private:
  const TransactionRows& m_rows;
  base::HugePageVector<flow::AccountId> m_account_of_key;  // k_unnamed, k_named, or the account
};

}  // namespace jala::storage
