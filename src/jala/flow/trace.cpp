#include "jala/flow/trace.h"

#include <algorithm>
#include <functional>
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

class Tracer {
 public:
  Tracer(const Ledger& ledger, std::span<const TransferId> seeds, const TraceOptions& options)
      : m_ledger(ledger), m_options(options), m_seeds(seeds.begin(), seeds.end()) {
    std::sort(m_seeds.begin(), m_seeds.end());
    m_seeds.erase(std::unique(m_seeds.begin(), m_seeds.end()), m_seeds.end());
    for (const TransferId seed : m_seeds) {
      m_origins.insert(ledger.transfer(seed).from);
      m_pending.push(seed);
    }
  }

  Trace run() {
    Trace trace;
    TransferId last = 0;
    bool any = false;
    while (!m_pending.empty()) {
      const TransferId t = m_pending.top();
      m_pending.pop();
      if (any && t == last) continue;  // queued by both of its accounts
      any = true;
      last = t;
      const Transfer& transfer = m_ledger.transfer(t);
      if (transfer.at > m_options.until) break;
      step(t, transfer, trace);
    }
    for (const auto& [account, balance] : m_active) m_endpoints.add(account, EndReason::held, held_taint(balance));
    trace.endpoints = m_endpoints.sorted();
    return trace;
  }

 private:
  void step(TransferId t, const Transfer& transfer, Trace& trace) {
    Spent spent;
    if (std::binary_search(m_seeds.begin(), m_seeds.end(), t)) {
      spent = {transfer.usd, 0};
      trace.seeded_usd += transfer.usd;
    } else if (const auto from = m_active.find(transfer.from); from != m_active.end()) {
      spent = spend(from->second, transfer.usd);
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
      } else if (!m_active.contains(transfer.to)) {
        activate(transfer.to, t);
      }
    }
    if (const auto to = m_active.find(transfer.to); to != m_active.end()) {
      receive(to->second, transfer.usd, spent.taint, hop);
    }
  }

  // Where taint arriving by transfer `t` stops, if it does.
  std::optional<EndReason> end_at(TransferId t, const Transfer& transfer) const {
    if (transfer.channel == model::Channel::cash) return EndReason::cash;
    if (m_options.cashout_accounts.contains(transfer.to)) return EndReason::cashout;
    if (m_origins.contains(transfer.to)) return EndReason::returned;
    if (!m_active.contains(transfer.to) && !pays_after(m_ledger, transfer.to, t, m_options.until)) {
      return EndReason::no_outflow;
    }
    return std::nullopt;
  }

  // Replays the account's transfers before `t` (all untainted: taint reaches an account first by `t`)
  // and queues those after it.
  void activate(AccountId account, TransferId t) {
    Balance balance = empty_balance(m_options.rule);
    const std::span<const TransferId> in = m_ledger.incoming(account);
    const std::span<const TransferId> out = m_ledger.outgoing(account);
    auto i = in.begin();
    auto o = out.begin();
    while ((i != in.end() && *i < t) || (o != out.end() && *o < t)) {
      if (o == out.end() || *o >= t || (i != in.end() && *i < *o)) {
        receive(balance, m_ledger.transfer(*i++).usd, 0, 0);
      } else {
        spend(balance, m_ledger.transfer(*o++).usd);
      }
    }
    for (; i != in.end(); ++i) {
      if (*i > t) m_pending.push(*i);
    }
    for (; o != out.end(); ++o) m_pending.push(*o);
    m_active.emplace(account, std::move(balance));
  }

  const Ledger& m_ledger;
  const TraceOptions& m_options;
  std::vector<TransferId> m_seeds;
  std::unordered_set<AccountId> m_origins;
  std::priority_queue<TransferId, std::vector<TransferId>, std::greater<>> m_pending;
  std::unordered_map<AccountId, Balance> m_active;
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
  return Tracer(ledger, seeds, options).run();
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
