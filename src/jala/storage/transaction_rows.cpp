#include "jala/storage/transaction_rows.h"

namespace jala::storage {

Status TransactionRows::add(const TransactionRow& row) {
  for (const std::int64_t key : {row.from_key, row.to_key}) {
    if (key < 0) return data_loss("a transaction names selector key {}", key);
    m_keys.push_back(key);
  }
  m_amounts.push_back(row.amount);
  m_times.push_back(row.at);
  JALA_TRY_ASSIGN(const model::Channel channel, model::parse_channel(row.channel));
  m_channels.push_back(channel);
  for (const std::string_view text : {row.currency, row.source, row.id}) {
    m_text += text;
    m_text_ends.push_back(m_text.size());
  }
  return {};
}

}  // namespace jala::storage
