#include "jala/flow/trace.h"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "jala/flow/pass.h"

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

// A forward trace: every seed's money under one label; hops and endpoints as they happen.
class ForwardTrace {
 public:
  static constexpr bool k_wants_held = true;

  ForwardTrace(std::span<const TransferId> seeds, const Ledger& ledger) {
    for (const TransferId seed : seeds) m_origins.insert(ledger.transfer(seed).from);
  }
  bool returns_to(Label /*the only one*/, AccountId account) const { return m_origins.contains(account); }
  void hop(TransferId t, const LabelTaint& taint) { m_trace.hops.push_back({t, taint.taint, taint.hop}); }
  void end(AccountId account, EndReason reason, const LabelTaint& taint) {
    m_endpoints.add(account, reason, taint.taint);
  }

  Trace finish(double seeded_usd) && {
    m_trace.seeded_usd = seeded_usd;
    m_trace.endpoints = m_endpoints.sorted();
    return std::move(m_trace);
  }

 private:
  std::unordered_set<AccountId> m_origins;  // the seeds' payers: money that comes back stops there
  Trace m_trace;
  Endpoints m_endpoints;
};

}  // namespace

std::string_view to_string(TaintRule rule) { return rule == TaintRule::fifo ? "fifo" : "proportional"; }

Result<TaintRule> parse_taint_rule(std::string_view text) {
  if (text == "fifo") return TaintRule::fifo;
  if (text == "proportional") return TaintRule::proportional;
  return invalid_argument("'{}' is not fifo or proportional", text);
}

Status check_window(const TraceOptions& options) {
  if (options.since <= options.until) return {};
  return invalid_argument("since {} is later than until {}: no payment is in that window",
                          format_rfc3339(options.since), format_rfc3339(options.until));
}

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
  std::vector<Seed> sorted;
  for (const TransferId seed : seeds) sorted.push_back({seed, 0});
  std::sort(sorted.begin(), sorted.end(), [](const Seed& a, const Seed& b) { return a.transfer < b.transfer; });
  sorted.erase(
      std::unique(sorted.begin(), sorted.end(), [](const Seed& a, const Seed& b) { return a.transfer == b.transfer; }),
      sorted.end());
  const TransferId end = ledger.end_of(options.until);
  double seeded = 0;
  for (const Seed& seed : sorted) {
    if (seed.transfer < end) seeded += ledger.transfer(seed.transfer).usd;
  }
  ForwardTrace trace(seeds, ledger);
  run_pass(ledger, options, sorted, trace);
  return std::move(trace).finish(seeded);
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
