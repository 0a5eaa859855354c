#include "jala/storage/transaction_rows.h"

#include <limits>

namespace jala::storage {
namespace {

constexpr flow::AccountId k_unnamed = std::numeric_limits<flow::AccountId>::max();
constexpr flow::AccountId k_named = k_unnamed - 1;  // named by a transaction, not yet numbered

}  // namespace

void TransactionRows::reserve(std::size_t transactions) {
  m_keys.reserve(2 * transactions);
  m_amounts.reserve(transactions);
  m_times.reserve(transactions);
  m_channels.reserve(transactions);
  m_text_ends.reserve(3 * transactions);
}

Status TransactionRows::add(const TransactionRow& row) {
  for (const std::int64_t key : {row.from_key, row.to_key}) {
    if (key < 0) return data_loss("a transaction names selector key {}", key);
    m_keys.push_back(key);
  }
  m_amounts.push_back(row.amount);
  m_times.push_back(row.at);
  JALA_TRY_ASSIGN(const model::Channel channel, model::parse_channel(row.channel));
  m_channels.push_back(channel);
  m_id_bytes += row.id.size();
  for (const std::string_view text : {row.currency, row.source, row.id}) {
    m_text += text;
    m_text_ends.push_back(m_text.size());
  }
  return {};
}


AccountNumbering::AccountNumbering(const TransactionRows& rows) : m_rows(rows) {
  for (const std::int64_t key : rows.selector_keys()) {
    const auto index = static_cast<std::size_t>(key);
    if (index >= m_account_of_key.size()) m_account_of_key.resize(index + 1, k_unnamed);
    m_account_of_key[index] = k_named;
  }
}

bool AccountNumbering::named(std::int64_t key) const {
  return key >= 0 && key < key_limit() && m_account_of_key[static_cast<std::size_t>(key)] != k_unnamed;
}

Status AccountNumbering::check_all_numbered() const {
  for (const std::int64_t key : m_rows.selector_keys()) {
    if (m_account_of_key[static_cast<std::size_t>(key)] == k_named) {
      return data_loss("a transaction names selector key {}, which is missing", key);
    }
  }
  return {};
}

}  // namespace jala::storage
