// Replaying an account's transfers into a balance with no traced money (labelled_balance.h): how a trace
// catches an account up to the moment traced money first reaches it (pass.h), and how the ledger sets its
// money checkpoints (ledger.h), so that the two agree to the last bit. Internal to the flow library.
#pragma once

#include <algorithm>
#include <cstddef>
#include <limits>
#include <span>

#include "jala/flow/ledger.h"

namespace jala::flow {

inline constexpr TransferId k_no_transfer = std::numeric_limits<TransferId>::max();

// Where a replay of an account's transfers stands: its first receipt and first payment not yet applied.
struct ReplayCursor {
  std::size_t in = 0;
  std::size_t out = 0;
};

// Applies the account's next transfer, if it comes before transfer `t`, to `balance`, untainted. False
// when none before `t` is left. (A receipt and a payment are never one transfer: the ledger leaves out
// payments to oneself.)
template <class Balance>
bool apply_next_untainted(std::span<const Leg> receipts, std::span<const Leg> payments, ReplayCursor& at,
                          Balance& balance, TransferId t) {
  const TransferId next_in = at.in < receipts.size() ? receipts[at.in].transfer : k_no_transfer;
  const TransferId next_out = at.out < payments.size() ? payments[at.out].transfer : k_no_transfer;
  if (std::min(next_in, next_out) >= t) return false;
  if (next_out < next_in) {
    balance.spend_untainted(payments[at.out++].usd);
  } else {
    balance.receive_untainted(receipts[at.in++].usd);
  }
  return true;
}

}  // namespace jala::flow
