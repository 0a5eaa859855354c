// The ledger: every stored transaction as a compact, time-ordered graph of accounts, what tracing and
// mule scoring read. Accounts are selectors, so the collector account a complaint names and the same
// account in a bank's transaction file are one node. Transfers are numbered in time order (ties by
// source, then id, numbers in ids by value: "T9" before "T10"), and each account lists its outgoing
// and incoming transfers in that order.
//
// Amounts keep their currency; each transfer also carries its value in US dollars
// (graph/usd_rates.h), the one unit in which taint is measured and conserved. A transfer in a currency
// without a rate is worth 0 USD and counted in `unpriced_transfers()`.
//
// Built once by LedgerBuilder (the store fills it in one pass: storage::ReadView::ledger()); then
// immutable and thread-safe to read.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "jala/base/huge_pages.h"
#include "jala/base/time.h"
#include "jala/model/selector.h"
#include "jala/model/transaction.h"

namespace jala::flow {

using AccountId = std::uint32_t;   // index into Ledger accounts
using TransferId = std::uint32_t;  // index into Ledger transfers: time order

struct Transfer {
  AccountId from = 0;
  AccountId to = 0;
  Timestamp at;
  double amount = 0;  // in `currency`
  double usd = 0;     // `amount` in US dollars; 0 when the currency has no rate
  std::uint16_t currency = 0;
  model::Channel channel = model::Channel::other;
};

// A transfer as one of its accounts lists it (Ledger::payments, Ledger::receipts).
struct Leg {
  double usd = 0;  // Transfer::usd
  TransferId transfer = 0;
  AccountId other = 0;  // the payee of a payment, the payer of a receipt
  model::Channel channel = model::Channel::other;
};

// The money an account holds after its transfers up to `through`, as a trace's balance holds it when no
// traced money has reached the account (labelled_balance.h, both rules): a trace that first reaches a
// busy account late starts from the last checkpoint before that, instead of replaying all it did before.
struct MoneyCheckpoint {
  TransferId through = 0;        // the account's last transfer applied; no later one is
  std::uint32_t receipts = 0;    // how many of its receipts (Ledger::receipts) are applied
  std::uint32_t payments = 0;    // how many of its payments (Ledger::payments)
  std::uint32_t fifo_front = 0;  // FIFO: the first receipt not wholly spent (== receipts when none is left)
  double fifo_front_usd = 0;     // FIFO: what is left of it
  double usd = 0;                // proportional: the balance
};

// An account gets a checkpoint every this many of its transfers.
inline constexpr std::size_t k_money_checkpoint_every = 64;

class Ledger {
 public:
  std::size_t account_count() const { return m_accounts.size(); }
  std::size_t transfer_count() const { return m_transfers.size(); }
  std::size_t unpriced_transfers() const { return m_unpriced; }
  // Transfers from an account to itself: they move no money, so the ledger leaves them out (no hop of a
  // trace, no flow in a score) and only counts them.
  std::size_t self_transfers() const { return m_self_transfers; }

  const model::Selector& account(AccountId id) const { return m_accounts[id]; }
  std::optional<AccountId> find(const model::Selector& account) const;

  const Transfer& transfer(TransferId id) const { return m_transfers[id]; }
  // The transfer of the transaction (source, id) made at `at` (as the store holds it): a binary search of
  // the time order.
  std::optional<TransferId> find_transfer(Timestamp at, std::string_view transaction_source,
                                          std::string_view transaction_id) const;
  std::string_view currency(TransferId id) const { return m_currencies[m_transfers[id].currency]; }
  // Every currency the transfers use, once each.
  std::span<const std::string> currencies() const { return m_currencies; }
  std::string_view source(TransferId id) const { return m_sources[m_source_of[id]]; }
  std::string_view record_id(TransferId id) const;

  // The account's transfers, in time order.
  std::span<const TransferId> outgoing(AccountId id) const { return slice(m_out, m_out_offsets, id); }
  std::span<const TransferId> incoming(AccountId id) const { return slice(m_in, m_in_offsets, id); }
  // The same transfers with what tracing reads of them, in the same order: stepping through an account
  // then reads one array in sequence instead of visiting transfer records spread across the ledger.
  std::span<const Leg> payments(AccountId id) const { return slice(m_out_legs, m_out_offsets, id); }
  std::span<const Leg> receipts(AccountId id) const { return slice(m_in_legs, m_in_offsets, id); }
  // Whether the account pays anything at all: one bit per account, so that it stays in the CPU's cache.
  bool makes_payments(AccountId id) const { return m_makes_payments[id]; }
  // The first transfer at or after `since`.
  TransferId begin_of(Timestamp since) const;
  // The first transfer after `until` (transfer_count() if none): transfers before it are at or before it.
  TransferId end_of(Timestamp until) const;
  // Whether the account had received anything before transfer `t`: a payer that had not is where money
  // starts (a victim), even when it is paid later (a refund, a scam's "commission").
  bool received_before(AccountId id, TransferId t) const { return m_first_receipt[id] < t; }
  // The account's money checkpoints, in order; none for an account with few transfers.
  std::span<const MoneyCheckpoint> money_checkpoints(AccountId id) const;

 private:
  friend class LedgerBuilder;
  template <class T>
  static std::span<const T> slice(const base::HugePageVector<T>& values,
                                  const base::HugePageVector<std::uint32_t>& offsets, AccountId id) {
    return std::span(values).subspan(offsets[id], offsets[id + 1] - offsets[id]);
  }

  base::HugePageVector<model::Selector> m_accounts;
  base::HugePageVector<AccountId> m_account_index;  // open addressing over m_accounts; k_empty_slot when free
  base::HugePageVector<Transfer> m_transfers;
  std::vector<std::string> m_currencies;
  std::vector<std::string> m_sources;
  base::HugePageVector<std::uint16_t> m_source_of;
  base::HugePageString m_ids;                     // every record id, concatenated in transfer order
  base::HugePageVector<std::uint64_t> m_id_ends;  // where each transfer's id ends in m_ids
  base::HugePageVector<TransferId> m_out;
  base::HugePageVector<Leg> m_out_legs;
  base::HugePageVector<std::uint32_t> m_out_offsets;
  base::HugePageVector<TransferId> m_in;
  base::HugePageVector<Leg> m_in_legs;
  base::HugePageVector<TransferId> m_first_receipt;  // by account; the largest TransferId if none
  base::HugePageVector<std::uint32_t> m_in_offsets;
  std::vector<bool> m_makes_payments;
  std::vector<MoneyCheckpoint> m_checkpoints;  // by account, then in order
  // The accounts that have checkpoints, ascending, each with the index of its first in m_checkpoints.
  std::vector<std::pair<AccountId, std::uint32_t>> m_checkpoint_starts;
  std::size_t m_unpriced = 0;
  std::size_t m_self_transfers = 0;
};

// What a store or a test knows of one transaction.
struct TransferRecord {
  std::string_view source;
  std::string_view id;
  AccountId from = 0;
  AccountId to = 0;
  Timestamp at;
  double amount = 0;
  std::string_view currency;
  model::Channel channel = model::Channel::other;
};

// Not thread-safe; one per ledger.
class LedgerBuilder {
 public:
  // Adds an account and returns its id; the caller keeps accounts distinct.
  AccountId add_account(model::Selector account);
  // Adds a transfer between added accounts; one from an account to itself is only counted
  // (Ledger::self_transfers). Fails beyond 2^32 - 1 transfers or 65,535 sources or currencies.
  Status add(const TransferRecord& record);
  // Room for `transfers` transfers in all, whose record ids take `id_bytes`: spares the copies of growth.
  void reserve(std::size_t transfers, std::size_t id_bytes);
  // An account gets a money checkpoint every `transfers` of its transfers (k_money_checkpoint_every
  // unless set; tests set a few, so that traces start from them often).
  void set_money_checkpoint_every(std::size_t transfers) { m_checkpoint_every = std::max<std::size_t>(transfers, 1); }
  // Orders the transfers in time, indexes them by account and sets the money checkpoints.
  Ledger build() &&;

 private:
  std::uint16_t intern(std::vector<std::string>& table, std::string_view name);
  Ledger m_ledger;
  std::size_t m_checkpoint_every = k_money_checkpoint_every;
};

}  // namespace jala::flow
