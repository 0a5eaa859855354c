#include "jala/flow/trace.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <map>
#include <queue>
#include <unordered_map>
#include <variant>

namespace jala::flow {
namespace {

using Balance = std::variant<FifoBalance, ProportionalBalance>;

Balance empty_balance(TaintRule rule) {
  if (rule == TaintRule::fifo) return FifoBalance{};
  return ProportionalBalance{};
}

void receive(Balance& balance, double usd, double taint, std::uint32_t hop) {
  std::visit([&](auto& b) { b.receive(usd, taint, hop); }, balance);
}

Spent spend(Balance& balance, double usd) {
  return std::visit([&](auto& b) { return b.spend(usd); }, balance);
}

double held_taint(const Balance& balance) {
  return std::visit([](const auto& b) { return b.taint(); }, balance);
}

double approximate_taint(const Balance& balance) {
  return std::visit([](const auto& b) { return b.approximate_taint(); }, balance);
}

double clear_taint(Balance& balance) {
  return std::visit([](auto& b) { return b.clear_taint(); }, balance);
}

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

// Does `account` pay anything after transfer `after`, up to `until`?
bool pays_after(const Ledger& ledger, AccountId account, TransferId after, Timestamp until) {
  const std::span<const TransferId> out = ledger.outgoing(account);
  const auto next = std::upper_bound(out.begin(), out.end(), after);
  return next != out.end() && ledger.transfer(*next).at <= until;
}

constexpr TransferId k_no_transfer = std::numeric_limits<TransferId>::max();

// An account as a trace replays it: its balance, and cursors over its own transfers (the first not yet
// applied to the balance, incoming and outgoing).
struct Tracked {
  Balance balance;
  std::size_t in = 0;
  std::size_t out = 0;
  bool followed = false;
};

// The account's next transfer not yet applied, or k_no_transfer.
TransferId next_of(const Ledger& ledger, AccountId account, const Tracked& tracked) {
  const std::span<const TransferId> in = ledger.incoming(account);
  const std::span<const TransferId> out = ledger.outgoing(account);
  const TransferId next_in = tracked.in < in.size() ? in[tracked.in] : k_no_transfer;
  const TransferId next_out = tracked.out < out.size() ? out[tracked.out] : k_no_transfer;
  return std::min(next_in, next_out);
}

// Applies the account's transfers before `t` to its balance, untainted: taint reaches it by `t`.
void catch_up(const Ledger& ledger, AccountId account, Tracked& tracked, TransferId t) {
  const std::span<const TransferId> in = ledger.incoming(account);
  const std::span<const TransferId> out = ledger.outgoing(account);
  for (TransferId next = next_of(ledger, account, tracked); next < t; next = next_of(ledger, account, tracked)) {
    // A payment to itself is both: spent first, then received, as the tracer applies it.
    if (tracked.out < out.size() && out[tracked.out] == next) {
      spend(tracked.balance, ledger.transfer(next).usd);
      ++tracked.out;
    }
    if (tracked.in < in.size() && in[tracked.in] == next) {
      receive(tracked.balance, ledger.transfer(next).usd, 0, 0);
      ++tracked.in;
    }
  }
}

// The untainted replays of accounts that several traces share (those of taint_reaching): each account's
// replay goes on from where the last trace left it, so traces taken in time order replay an account's
// history once between them, not once each. Replaying the same transfers in the same order gives the same
// balance to the last bit.
class Replays {
 public:
  Replays(const Ledger& ledger, TaintRule rule) : m_ledger(ledger), m_rule(rule) {}

  // A fresh account, as it stands just before transfer `t`.
  Tracked before(AccountId account, TransferId t) {
    auto [found, fresh] = m_replays.try_emplace(account, Replay{Tracked{empty_balance(m_rule)}, 0});
    Replay& replay = found->second;
    if (t < replay.before) replay = {Tracked{empty_balance(m_rule)}, 0};  // asked for an earlier time: again
    catch_up(m_ledger, account, replay.state, t);
    replay.before = t;
    return replay.state;
  }

 private:
  struct Replay {
    Tracked state;
    TransferId before;  // every transfer of the account before this one is applied, and none after
  };
  const Ledger& m_ledger;
  TaintRule m_rule;
  std::unordered_map<AccountId, Replay> m_replays;
};

// Accounts are followed only while they hold taint. Each followed account has a cursor over its own
// transfers (incoming and outgoing merged in ledger order), and the queue holds each followed
// account's next transfer, so the trace visits transfers in ledger order without touching accounts
// it never reached. When an account's taint is spent (or falls below a cent), it stops being followed;
// should taint reach it again, its cursor catches up by replaying what it missed, untainted.
class Tracer {
 public:
  // `replays` may be null: every account is then replayed from its start.
  Tracer(const Ledger& ledger, std::span<const TransferId> seeds, const TraceOptions& options, Replays* replays)
      : m_ledger(ledger), m_options(options), m_replays(replays), m_seeds(seeds.begin(), seeds.end()) {
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
        if (found == m_tracked.end() || !found->second.followed || next_of(m_ledger, account, found->second) != t) {
          continue;
        }
      }
      if (m_ledger.transfer(t).at > m_options.until) break;
      step(t, trace);
      last = t;
    }
    for (auto& [account, tracked] : m_tracked) {
      if (tracked.followed) m_endpoints.add(account, EndReason::held, held_taint(tracked.balance));
    }
    trace.endpoints = m_endpoints.sorted();
    return trace;
  }

 private:
  static constexpr AccountId k_no_account = std::numeric_limits<AccountId>::max();
  void queue_next(AccountId account, const Tracked& tracked) {
    if (const TransferId next = next_of(m_ledger, account, tracked); next != k_no_transfer) {
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
      spent = spend(from->balance, transfer.usd);
      ++from->out;
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
        const auto [found, fresh] = m_tracked.try_emplace(transfer.to, Tracked{empty_balance(m_options.rule)});
        if (fresh && m_replays != nullptr) {
          found->second = m_replays->before(transfer.to, t);
        } else {
          catch_up(m_ledger, transfer.to, found->second, t);  // from the start, or from where it stopped
        }
        found->second.followed = true;
      }
    }
    if (Tracked* to = followed(transfer.to)) {
      receive(to->balance, transfer.usd, spent.taint, hop);
      ++to->in;
      queue_next(transfer.to, *to);
    }
    if (from != nullptr) {
      stop_when_spent(transfer.from, *from);
      if (from->followed && transfer.from != transfer.to) queue_next(transfer.from, *from);
    }
  }

  // An account whose taint is spent, or under a cent (then recorded as dust there), is no longer followed.
  void stop_when_spent(AccountId account, Tracked& tracked) {
    if (approximate_taint(tracked.balance) >= k_dust_usd) return;
    m_endpoints.add(account, EndReason::dust, clear_taint(tracked.balance));
    tracked.followed = false;
  }

  // Where taint arriving by transfer `t` stops, if it does.
  std::optional<EndReason> end_at(TransferId t, const Transfer& transfer) {
    if (transfer.channel == model::Channel::cash) return EndReason::cash;
    if (m_options.cashout_accounts.contains(transfer.to)) return EndReason::cashout;
    if (m_origins.contains(transfer.to)) return EndReason::returned;
    if (followed(transfer.to) == nullptr && !pays_after(m_ledger, transfer.to, t, m_options.until)) {
      return EndReason::no_outflow;
    }
    return std::nullopt;
  }

  using Event = std::pair<TransferId, AccountId>;  // a transfer, and the followed account it is next for

  const Ledger& m_ledger;
  const TraceOptions& m_options;
  Replays* m_replays;
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
  return Tracer(ledger, seeds, options, nullptr).run();
}

std::vector<double> taint_reaching(const Ledger& ledger, std::span<const TransferId> payments, AccountId target,
                                   const TraceOptions& options) {
  TraceOptions forward = options;
  forward.cashout_accounts.insert(target);  // money that reaches the target stops there, counted once
  Replays replays(ledger, options.rule);
  std::vector<double> reached;
  reached.reserve(payments.size());
  for (const TransferId payment : payments) {
    double sum = 0;
    for (const Endpoint& end : Tracer(ledger, std::span(&payment, 1), forward, &replays).run().endpoints) {
      if (end.account == target) sum += end.taint_usd;
    }
    reached.push_back(sum);
  }
  return reached;
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
