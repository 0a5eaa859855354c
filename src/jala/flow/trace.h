// Forward taint tracing (docs/flow.md): where money went, hop by hop, through time-respecting
// transfers: a transfer carries taint only from money its sender received before it (or at the same
// instant, earlier in ledger order). Taint is measured in US dollars and conserved: what the seeds
// carry equals the sum over the endpoints, where the trace stops:
//   - cash: a cash withdrawal (channel `cash`) takes it out of the accounts;
//   - cashout: an account the caller lists as a known off-ramp (an exchange's deposit wallet);
//   - no_outflow: an account that makes no payment after the taint arrives;
//   - returned: the traced account itself, when money comes back to it (a cycle);
//   - max_hops: the hop limit stopped it in this account;
//   - dust: less than a cent left this account in one payment, not followed further;
//   - held: still in this account's balance when the ledger (or the time window) ends.
//
// Only accounts that hold taint are followed (pass.h); each is replayed from its first transfer when the
// taint first reaches it, so a trace costs the transfers of the accounts it reaches, never the whole
// ledger.
//
// Pure functions over an immutable ledger; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "jala/base/result.h"
#include "jala/base/time.h"
#include "jala/flow/ledger.h"

namespace jala::flow {

// How a payment's taint is taken from an account's money (docs/flow.md):
//   - fifo: money leaves in the order it arrived; a payment carries the taint of the oldest money it spends;
//   - proportional ("haircut"): every payment carries the account's tainted share at that moment.
enum class TaintRule { fifo, proportional };
std::string_view to_string(TaintRule rule);
// "fifo" or "proportional".
Result<TaintRule> parse_taint_rule(std::string_view text);

struct TraceOptions {
  TaintRule rule = TaintRule::fifo;
  std::uint32_t max_hops = 8;                      // transfers from a seed; the seed is hop 1
  Timestamp since{INT64_MIN};                      // an account's payments before this are not seeds
  Timestamp until{INT64_MAX};                      // transfers after this are not followed
  std::unordered_set<AccountId> cashout_accounts;  // known off-ramps: taint stops there
};
// invalid_argument when `since` is later than `until`: a window no payment can be in, which is a mistake
// to say rather than an empty trace.
Status check_window(const TraceOptions& options);

// Below this many dollars, a payment's taint is not followed (endpoint `dust`).
inline constexpr double k_dust_usd = 0.01;

enum class EndReason { cash, cashout, no_outflow, returned, max_hops, dust, held };
std::string_view to_string(EndReason reason);

struct Hop {
  TransferId transfer = 0;
  double taint_usd = 0;
  std::uint32_t hop = 0;  // 1 for a seed
};

struct Endpoint {
  AccountId account = 0;
  EndReason reason = EndReason::held;
  double taint_usd = 0;
};

struct Trace {
  double seeded_usd = 0;
  std::vector<Hop> hops;            // in transfer (time) order
  std::vector<Endpoint> endpoints;  // largest first, then by account and reason; one per (account, reason)
};

// Traces the money of the given transfers (each one fully tainted), e.g. a victim's payments.
Trace trace_transfers(const Ledger& ledger, std::span<const TransferId> seeds, const TraceOptions& options);
// Traces every payment `account` made between options.since and options.until.
Trace trace_account(const Ledger& ledger, AccountId account, const TraceOptions& options);

// Backward from an account: the payments of origin accounts (accounts that receive nothing: victims,
// in a scam) whose money reached `account`, with how much of each reached it under the rule: exactly what
// a forward trace of each payment alone, stopped at `account`, brings there (paid in, or taken there as
// cash). Found by a time-respecting walk back along incoming transfers, then confirmed by one forward pass
// that traces every candidate's money at once, each under its own label (pass.h).
struct Funding {
  TransferId payment = 0;
  double reached_usd = 0;
};
std::vector<Funding> trace_back(const Ledger& ledger, AccountId account, const TraceOptions& options);

}  // namespace jala::flow
