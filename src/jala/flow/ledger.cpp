#include "jala/flow/ledger.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <numeric>

#include "jala/flow/labelled_balance.h"
#include "jala/flow/replay.h"
#include "jala/graph/usd_rates.h"
#include "jala/model/text.h"

namespace jala::flow {
namespace {

constexpr AccountId k_empty_slot = std::numeric_limits<AccountId>::max();
constexpr std::size_t k_max_table = std::numeric_limits<std::uint16_t>::max();

std::size_t hash_of(const model::Selector& selector) {
  return std::hash<std::string_view>{}(selector.value) * 31 + static_cast<std::size_t>(selector.type);
}

// Transaction ids in the order their source numbered them: runs of digits compared by value ("T9" before
// "T10", as a date-only export lists them), other bytes one by one; ids equal so ("7", "007") by their
// bytes, so that the order is total.
bool numbered_before(std::string_view x, std::string_view y) {
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < x.size() && j < y.size()) {
    if (!model::is_ascii_digit(x[i]) || !model::is_ascii_digit(y[j])) {
      if (x[i] != y[j]) return static_cast<unsigned char>(x[i]) < static_cast<unsigned char>(y[j]);
      ++i;
      ++j;
      continue;
    }
    while (i < x.size() && x[i] == '0') ++i;
    while (j < y.size() && y[j] == '0') ++j;
    std::size_t x_end = i;
    std::size_t y_end = j;
    while (x_end < x.size() && model::is_ascii_digit(x[x_end])) ++x_end;
    while (y_end < y.size() && model::is_ascii_digit(y[y_end])) ++y_end;
    if (x_end - i != y_end - j) return x_end - i < y_end - j;
    if (const int order = x.substr(i, x_end - i).compare(y.substr(j, y_end - j)); order != 0) return order < 0;
    i = x_end;
    j = y_end;
  }
  if (i < x.size() || j < y.size()) return j < y.size() && i == x.size();
  return x < y;
}

// Slots for `count` accounts at most half full, a power of two for masking.
base::HugePageVector<AccountId> index_accounts(const base::HugePageVector<model::Selector>& accounts) {
  std::size_t slots = 16;
  while (slots < 2 * accounts.size()) slots *= 2;
  base::HugePageVector<AccountId> index(slots, k_empty_slot);
  for (AccountId id = 0; id < accounts.size(); ++id) {
    std::size_t slot = hash_of(accounts[id]) & (slots - 1);
    while (index[slot] != k_empty_slot) slot = (slot + 1) & (slots - 1);
    index[slot] = id;
  }
  return index;
}

// Counting sort of transfers by one of their accounts (`endpoint`); they stay in time order within an
// account. Each is listed twice: by id, and as a leg with what tracing reads of it.
void index_by(const base::HugePageVector<Transfer>& transfers, std::size_t accounts, AccountId Transfer::*endpoint,
              base::HugePageVector<TransferId>& ids, base::HugePageVector<Leg>& legs,
              base::HugePageVector<std::uint32_t>& offsets) {
  AccountId Transfer::*other = endpoint == &Transfer::from ? &Transfer::to : &Transfer::from;
  offsets.assign(accounts + 1, 0);
  for (const Transfer& transfer : transfers) ++offsets[transfer.*endpoint + 1];
  std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
  ids.resize(transfers.size());
  legs.resize(transfers.size());
  base::HugePageVector<std::uint32_t> next(offsets.begin(), offsets.end() - 1);
  for (TransferId t = 0; t < transfers.size(); ++t) {
    const Transfer& transfer = transfers[t];
    const std::uint32_t at = next[transfer.*endpoint]++;
    ids[at] = t;
    legs[at] = {transfer.usd, t, transfer.*other, transfer.channel};
  }
}

// The account's money after every `every` of its transfers, replayed as a trace would replay it
// (replay.h), under both rules at once; appended to `checkpoints`.
void add_money_checkpoints(const Ledger& ledger, AccountId account, std::size_t every,
                           std::vector<MoneyCheckpoint>& checkpoints) {
  const std::span<const Leg> in = ledger.receipts(account);
  const std::span<const Leg> out = ledger.payments(account);
  LabelledFifoBalance fifo(in);
  LabelledProportionalBalance proportional;
  // Both balances read the same transfers in the same steps; each has its own cursor, as in a trace.
  ReplayCursor fifo_at;
  ReplayCursor proportional_at;
  std::size_t next_mark = every;
  while (apply_next_untainted(in, out, fifo_at, fifo, k_no_transfer)) {
    apply_next_untainted(in, out, proportional_at, proportional, k_no_transfer);
    if (fifo_at.in + fifo_at.out < next_mark) continue;
    next_mark += every;
    MoneyCheckpoint& checkpoint = checkpoints.emplace_back();
    checkpoint.through =
        std::max(fifo_at.in > 0 ? in[fifo_at.in - 1].transfer : 0, fifo_at.out > 0 ? out[fifo_at.out - 1].transfer : 0);
    checkpoint.receipts = static_cast<std::uint32_t>(fifo_at.in);
    checkpoint.payments = static_cast<std::uint32_t>(fifo_at.out);
    fifo.save(checkpoint);
    proportional.save(checkpoint);
  }
}

}  // namespace

std::span<const MoneyCheckpoint> Ledger::money_checkpoints(AccountId id) const {
  const auto found = std::lower_bound(m_checkpoint_starts.begin(), m_checkpoint_starts.end(), id,
                                      [](const auto& start, AccountId wanted) { return start.first < wanted; });
  if (found == m_checkpoint_starts.end() || found->first != id) return {};
  const std::size_t end = found + 1 == m_checkpoint_starts.end() ? m_checkpoints.size() : (found + 1)->second;
  return std::span(m_checkpoints).subspan(found->second, end - found->second);
}

std::optional<AccountId> Ledger::find(const model::Selector& account) const {
  if (m_account_index.empty()) return std::nullopt;  // never built
  const std::size_t mask = m_account_index.size() - 1;
  for (std::size_t slot = hash_of(account) & mask; m_account_index[slot] != k_empty_slot; slot = (slot + 1) & mask) {
    if (m_accounts[m_account_index[slot]] == account) return m_account_index[slot];
  }
  return std::nullopt;
}

TransferId Ledger::begin_of(Timestamp since) const {
  const auto begin = std::lower_bound(m_transfers.begin(), m_transfers.end(), since,
                                      [](const Transfer& transfer, Timestamp time) { return transfer.at < time; });
  return static_cast<TransferId>(begin - m_transfers.begin());
}

TransferId Ledger::end_of(Timestamp until) const {
  const auto end = std::upper_bound(m_transfers.begin(), m_transfers.end(), until,
                                    [](Timestamp time, const Transfer& transfer) { return time < transfer.at; });
  return static_cast<TransferId>(end - m_transfers.begin());
}

std::optional<TransferId> Ledger::find_transfer(Timestamp at, std::string_view transaction_source,
                                                std::string_view transaction_id) const {
  auto it = std::lower_bound(m_transfers.begin(), m_transfers.end(), at,
                             [](const Transfer& transfer, Timestamp time) { return transfer.at < time; });
  for (; it != m_transfers.end() && it->at == at; ++it) {  // a few at most
    const auto t = static_cast<TransferId>(it - m_transfers.begin());
    if (record_id(t) == transaction_id && source(t) == transaction_source) return t;
  }
  return std::nullopt;
}

std::string_view Ledger::record_id(TransferId id) const {
  const std::uint64_t begin = id == 0 ? 0 : m_id_ends[id - 1];
  return std::string_view(m_ids).substr(begin, m_id_ends[id] - begin);
}

AccountId LedgerBuilder::add_account(model::Selector account) {
  m_ledger.m_accounts.push_back(std::move(account));
  return static_cast<AccountId>(m_ledger.m_accounts.size() - 1);
}

std::uint16_t LedgerBuilder::intern(std::vector<std::string>& table, std::string_view name) {
  // Tables hold a few dozen sources and currencies, and records arrive in runs of the same one.
  for (std::size_t i = table.size(); i-- > 0;) {
    if (table[i] == name) return static_cast<std::uint16_t>(i);
  }
  table.emplace_back(name);
  return static_cast<std::uint16_t>(table.size() - 1);
}

Status LedgerBuilder::add(const TransferRecord& record) {
  Ledger& ledger = m_ledger;
  if (ledger.m_transfers.size() >= std::numeric_limits<TransferId>::max()) {
    return invalid_argument("more than {} transactions", std::numeric_limits<TransferId>::max());
  }
  if (ledger.m_currencies.size() >= k_max_table || ledger.m_sources.size() >= k_max_table) {
    return invalid_argument("more than {} currencies or sources", k_max_table);
  }
  if (record.from >= ledger.m_accounts.size() || record.to >= ledger.m_accounts.size()) {
    return invalid_argument("transaction {}/{} names an account that was not added", record.source, record.id);
  }
  if (record.from == record.to) {
    ++ledger.m_self_transfers;
    return {};
  }
  const std::optional<double> rate = graph::usd_per_unit(record.currency);
  if (!rate) ++ledger.m_unpriced;
  ledger.m_transfers.push_back({record.from, record.to, record.at, record.amount, record.amount * rate.value_or(0.0),
                                intern(ledger.m_currencies, record.currency), record.channel});
  ledger.m_source_of.push_back(intern(ledger.m_sources, record.source));
  ledger.m_ids += record.id;
  ledger.m_id_ends.push_back(ledger.m_ids.size());
  return {};
}

void LedgerBuilder::reserve(std::size_t transfers, std::size_t id_bytes) {
  m_ledger.m_transfers.reserve(transfers);
  m_ledger.m_source_of.reserve(transfers);
  m_ledger.m_id_ends.reserve(transfers);
  m_ledger.m_ids.reserve(id_bytes);
}

Ledger LedgerBuilder::build() && {
  Ledger& ledger = m_ledger;
  const std::size_t count = ledger.m_transfers.size();
  // Sorted as compact (time, id) pairs, so that the sort reads the transfers themselves only on a tie.
  struct TimeOrder {
    Timestamp at;
    TransferId id;
  };
  base::HugePageVector<TimeOrder> time_order(count);
  for (TransferId t = 0; t < count; ++t) time_order[t] = {ledger.m_transfers[t].at, t};
  std::sort(time_order.begin(), time_order.end(), [&](const TimeOrder& x, const TimeOrder& y) {
    if (x.at != y.at) return x.at < y.at;
    const std::string_view source_x = ledger.source(x.id);
    const std::string_view source_y = ledger.source(y.id);
    if (source_x != source_y) return source_x < source_y;
    return numbered_before(ledger.record_id(x.id), ledger.record_id(y.id));
  });
  Ledger sorted;
  sorted.m_accounts = std::move(ledger.m_accounts);
  sorted.m_currencies = std::move(ledger.m_currencies);
  sorted.m_sources = std::move(ledger.m_sources);
  sorted.m_unpriced = ledger.m_unpriced;
  sorted.m_self_transfers = ledger.m_self_transfers;
  sorted.m_transfers.reserve(count);
  sorted.m_source_of.reserve(count);
  sorted.m_id_ends.reserve(count);
  sorted.m_ids.reserve(ledger.m_ids.size());
  for (const TimeOrder& entry : time_order) {
    const TransferId t = entry.id;
    sorted.m_transfers.push_back(ledger.m_transfers[t]);
    sorted.m_source_of.push_back(ledger.m_source_of[t]);
    sorted.m_ids += ledger.record_id(t);
    sorted.m_id_ends.push_back(sorted.m_ids.size());
  }
  ledger = Ledger{};
  sorted.m_account_index = index_accounts(sorted.m_accounts);
  const std::size_t accounts = sorted.m_accounts.size();
  index_by(sorted.m_transfers, accounts, &Transfer::from, sorted.m_out, sorted.m_out_legs, sorted.m_out_offsets);
  index_by(sorted.m_transfers, accounts, &Transfer::to, sorted.m_in, sorted.m_in_legs, sorted.m_in_offsets);
  sorted.m_makes_payments.resize(accounts);
  sorted.m_first_receipt.assign(accounts, std::numeric_limits<TransferId>::max());
  for (AccountId a = 0; a < accounts; ++a) {
    sorted.m_makes_payments[a] = sorted.m_out_offsets[a + 1] > sorted.m_out_offsets[a];
    if (sorted.m_in_offsets[a + 1] > sorted.m_in_offsets[a]) {
      sorted.m_first_receipt[a] = sorted.m_in[sorted.m_in_offsets[a]];
    }
    const std::size_t transfers = sorted.receipts(a).size() + sorted.payments(a).size();
    if (transfers >= m_checkpoint_every) {
      sorted.m_checkpoint_starts.emplace_back(a, static_cast<std::uint32_t>(sorted.m_checkpoints.size()));
      add_money_checkpoints(sorted, a, m_checkpoint_every, sorted.m_checkpoints);
    }
  }
  return sorted;
}

}  // namespace jala::flow
