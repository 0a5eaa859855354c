// How the tracers (trace.cpp, trace_back.cpp) step through one account's own transfers: a cursor over
// its incoming and outgoing transfers, merged in ledger order, and the untainted replay of what a trace
// skipped while the account held none of its money. Internal to the flow library.
#pragma once

#include <algorithm>
#include <cstddef>
#include <limits>
#include <span>

#include "jala/flow/ledger.h"

namespace jala::flow {

inline constexpr TransferId k_no_transfer = std::numeric_limits<TransferId>::max();

// The first of an account's transfers not yet applied to its balance, incoming and outgoing.
struct Cursor {
  std::size_t in = 0;
  std::size_t out = 0;
};

// The account's next transfer not yet applied, or k_no_transfer.
inline TransferId next_of(const Ledger& ledger, AccountId account, const Cursor& cursor) {
  const std::span<const TransferId> in = ledger.incoming(account);
  const std::span<const TransferId> out = ledger.outgoing(account);
  const TransferId next_in = cursor.in < in.size() ? in[cursor.in] : k_no_transfer;
  const TransferId next_out = cursor.out < out.size() ? out[cursor.out] : k_no_transfer;
  return std::min(next_in, next_out);
}

// Applies the account's transfers before `t` to its balance, untainted: taint reaches it by `t`.
// Balance has receive_untainted(usd) and spend_untainted(usd) (balance.h, labelled_balance.h).
template <class Balance>
void catch_up(const Ledger& ledger, AccountId account, Cursor& cursor, Balance& balance, TransferId t) {
  const std::span<const TransferId> in = ledger.incoming(account);
  const std::span<const TransferId> out = ledger.outgoing(account);
  const std::span<const double> in_usd = ledger.incoming_usd(account);
  const std::span<const double> out_usd = ledger.outgoing_usd(account);
  for (TransferId next = next_of(ledger, account, cursor); next < t; next = next_of(ledger, account, cursor)) {
    // A payment to itself is both: spent first, then received, as the tracers apply it.
    if (cursor.out < out.size() && out[cursor.out] == next) balance.spend_untainted(out_usd[cursor.out++]);
    if (cursor.in < in.size() && in[cursor.in] == next) balance.receive_untainted(in_usd[cursor.in++]);
  }
}

// Does `account` pay anything after transfer `after` and before transfer `end`?
inline bool pays_after(const Ledger& ledger, AccountId account, TransferId after, TransferId end) {
  if (!ledger.makes_payments(account)) return false;
  const std::span<const TransferId> out = ledger.outgoing(account);
  const auto next = std::upper_bound(out.begin(), out.end(), after);
  return next != out.end() && *next < end;
}

}  // namespace jala::flow
