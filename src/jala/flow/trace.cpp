#include "jala/flow/trace.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <map>
#include <queue>
#include <unordered_map>

#include "jala/flow/replay.h"

namespace jala::flow {
namespace {

// Endpoints summed per (account, reason).
class Endpoints {
 public:
  void add(AccountId account, EndReason reason, double taint) {
    if (taint > 0) m_sums[{account, reason}] += taint;
  }
  std::vector<Endpoint> sorted() const {
    std::vector<Endpoint> endpoints;
    for (const auto& [key, taint] : m_sums) endpoints.push_back({key.first, key.second, taint});
    std::stable_sort(endpoints.begin(), endpoints.end(),
                     [](const Endpoint& a, const Endpoint& b) { return a.taint_usd > b.taint_usd; });
    return endpoints;
  }

 private:
  std::map<std::pair<AccountId, EndReason>, double> m_sums;
};

// Accounts are followed only while they hold taint. Each followed account has a cursor over its own
// transfers (incoming and outgoing merged in ledger order), and the queue holds each followed
// account's next transfer, so the trace visits transfers in ledger order without touching accounts
// it never reached. When an account's taint is spent (or falls below a cent), it stops being followed;
// should taint reach it again, its cursor catches up by replaying what it missed, untainted.
template <class Balance>
class Tracer {
 public:
  Tracer(const Ledger& ledger, std::span<const TransferId> seeds, const TraceOptions& options)
      : m_ledger(ledger), m_options(options), m_end(ledger.end_of(options.until)), m_seeds(seeds.begin(), seeds.end()) {
    std::sort(m_seeds.begin(), m_seeds.end());
    m_seeds.erase(std::unique(m_seeds.begin(), m_seeds.end()), m_seeds.end());
    for (const TransferId seed : m_seeds) {
      m_origins.insert(ledger.transfer(seed).from);
      m_pending.push({seed, k_no_account});
    }
  }

  Trace run() {
    Trace trace;
    std::optional<TransferId> last;
    while (!m_pending.empty()) {
      const auto [t, account] = m_pending.top();
      m_pending.pop();
      if (last && t <= *last) continue;  // queued for both of its accounts, or as a seed too
      if (account != k_no_account) {
        const auto found = m_tracked.find(account);
        if (found == m_tracked.end() || !found->second.followed ||
            next_of(m_ledger, account, found->second.cursor) != t) {
          continue;
        }
      }
      if (t >= m_end) break;  // after the window
      step(t, trace);
      last = t;
    }
    for (auto& [account, tracked] : m_tracked) {
      if (tracked.followed) m_endpoints.add(account, EndReason::held, tracked.balance.taint());
    }
    trace.endpoints = m_endpoints.sorted();
    return trace;
  }

 private:
  static constexpr AccountId k_no_account = std::numeric_limits<AccountId>::max();

  // An account the trace has reached: its balance, and its cursor (the first transfer not applied).
  struct Tracked {
    Balance balance;
    Cursor cursor;
    bool followed = false;
  };

  void queue_next(AccountId account, const Tracked& tracked) {
    if (const TransferId next = next_of(m_ledger, account, tracked.cursor); next != k_no_transfer) {
      m_pending.push({next, account});
    }
  }

  Tracked* followed(AccountId account) {
    const auto found = m_tracked.find(account);
    return found != m_tracked.end() && found->second.followed ? &found->second : nullptr;
  }

  void step(TransferId t, Trace& trace) {
    const Transfer& transfer = m_ledger.transfer(t);
    const bool seed = std::binary_search(m_seeds.begin(), m_seeds.end(), t);
    Tracked* from = seed ? nullptr : followed(transfer.from);  // a seed's sender is an origin, never followed
    Spent spent;
    if (seed) {
      spent = {transfer.usd, 0};
      trace.seeded_usd += transfer.usd;
    } else if (from != nullptr) {
      spent = from->balance.spend(transfer.usd);
      ++from->cursor.out;
    }
    const std::uint32_t hop = spent.hop + 1;
    if (spent.taint > 0 && hop > m_options.max_hops) {
      m_endpoints.add(transfer.from, EndReason::max_hops, spent.taint);
      spent.taint = 0;
    } else if (spent.taint > 0 && spent.taint < k_dust_usd) {
      m_endpoints.add(transfer.from, EndReason::dust, spent.taint);
      spent.taint = 0;
    }
    if (spent.taint > 0) {
      trace.hops.push_back({t, spent.taint, hop});
      if (const std::optional<EndReason> end = end_at(t, transfer)) {
        m_endpoints.add(transfer.to, *end, spent.taint);
        spent.taint = 0;
      } else if (followed(transfer.to) == nullptr) {
        Tracked& reached = m_tracked[transfer.to];
        catch_up(m_ledger, transfer.to, reached.cursor, reached.balance, t);  // from the start, or where it stopped
        reached.followed = true;
      }
    }
    if (Tracked* to = followed(transfer.to)) {
      to->balance.receive(transfer.usd, spent.taint, hop);
      ++to->cursor.in;
      queue_next(transfer.to, *to);
    }
    if (from != nullptr) {
      stop_when_spent(transfer.from, *from);
      if (from->followed && transfer.from != transfer.to) queue_next(transfer.from, *from);
    }
  }

  // An account whose taint is spent, or under a cent (then recorded as dust there), is no longer followed.
  void stop_when_spent(AccountId account, Tracked& tracked) {
    if (tracked.balance.approximate_taint() >= k_dust_usd) return;
    m_endpoints.add(account, EndReason::dust, tracked.balance.clear_taint());
    tracked.followed = false;
  }

  // Where taint arriving by transfer `t` stops, if it does.
  std::optional<EndReason> end_at(TransferId t, const Transfer& transfer) {
    if (transfer.channel == model::Channel::cash) return EndReason::cash;
    if (m_options.cashout_accounts.contains(transfer.to)) return EndReason::cashout;
    if (m_origins.contains(transfer.to)) return EndReason::returned;
    if (followed(transfer.to) == nullptr && !pays_after(m_ledger, transfer.to, t, m_end)) {
      return EndReason::no_outflow;
    }
    return std::nullopt;
  }

  using Event = std::pair<TransferId, AccountId>;  // a transfer, and the followed account it is next for

  const Ledger& m_ledger;
  const TraceOptions& m_options;
  TransferId m_end;  // the first transfer after options.until
  std::vector<TransferId> m_seeds;
  std::unordered_set<AccountId> m_origins;
  std::priority_queue<Event, std::vector<Event>, std::greater<>> m_pending;
  std::unordered_map<AccountId, Tracked> m_tracked;
  Endpoints m_endpoints;
};

}  // namespace

std::string_view to_string(EndReason reason) {
  switch (reason) {
    case EndReason::cash: return "cash";
    case EndReason::cashout: return "cashout";
    case EndReason::no_outflow: return "no_outflow";
    case EndReason::returned: return "returned";
    case EndReason::max_hops: return "max_hops";
    case EndReason::dust: return "dust";
    case EndReason::held: return "held";
  }
  return "held";
}

Trace trace_transfers(const Ledger& ledger, std::span<const TransferId> seeds, const TraceOptions& options) {
  if (options.rule == TaintRule::fifo) return Tracer<FifoBalance>(ledger, seeds, options).run();
  return Tracer<ProportionalBalance>(ledger, seeds, options).run();
}

Trace trace_account(const Ledger& ledger, AccountId account, const TraceOptions& options) {
  std::vector<TransferId> seeds;
  for (const TransferId t : ledger.outgoing(account)) {
    const Timestamp at = ledger.transfer(t).at;
    if (at >= options.since && at <= options.until) seeds.push_back(t);
  }
  return trace_transfers(ledger, seeds, options);
}

}  // namespace jala::flow
