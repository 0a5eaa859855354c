// trace_back (trace.h): the walk back to candidate origin payments, then one forward pass that traces
// every candidate's money at once, each under its own label.
#include <algorithm>
#include <iterator>
#include <unordered_map>
#include <utility>

#include "jala/flow/pass.h"
#include "jala/flow/trace.h"

namespace jala::flow {
namespace {

struct Candidates {
  std::vector<Funding> direct;      // paid to the account itself: all of each reaches it, at once
  std::vector<TransferId> through;  // paid to others, which may pass some of it on: sorted, unique
};

// Origin payments that could have funded `account`: a time-respecting walk back along incoming
// transfers, up to max_hops. An account is walked again only with a later bound than before.
Candidates candidate_payments(const Ledger& ledger, AccountId account, const TraceOptions& options) {
  Candidates candidates;
  const TransferId begin = ledger.begin_of(options.since);
  const TransferId end = ledger.end_of(options.until);
  std::unordered_map<AccountId, TransferId> walked;  // account -> the bound it was walked with
  std::vector<std::pair<AccountId, TransferId>> frontier{{account, end}};
  for (std::uint32_t hop = 1; hop <= options.max_hops && !frontier.empty(); ++hop) {
    std::vector<std::pair<AccountId, TransferId>> next;
    for (const auto& [receiver, bound] : frontier) {
      const auto [seen, fresh] = walked.try_emplace(receiver, bound);
      if (!fresh) {
        if (seen->second >= bound) continue;
        seen->second = bound;
      }
      // What the receiver got in the window, before the bound: read in sequence, beside the transfers.
      const std::span<const Leg> in = ledger.receipts(receiver);
      const auto first =
          std::lower_bound(in.begin(), in.end(), begin, [](const Leg& leg, TransferId t) { return leg.transfer < t; });
      for (auto leg = first; leg != in.end() && leg->transfer < bound; ++leg) {
        if (ledger.received_before(leg->other, leg->transfer)) {
          if (leg->other != account) next.emplace_back(leg->other, leg->transfer);
        } else if (receiver != account) {
          candidates.through.push_back(leg->transfer);
        } else if (leg->usd > 0 && !stops_at_payer(options, leg->usd, 1)) {
          candidates.direct.push_back({leg->transfer, leg->usd});  // the account is where its trace ends
        }
      }
    }
    frontier = std::move(next);
  }
  std::sort(candidates.through.begin(), candidates.through.end());
  candidates.through.erase(std::unique(candidates.through.begin(), candidates.through.end()), candidates.through.end());
  return candidates;
}

// How much of each payment's money arrives at `target`, each payment traced alone and stopped there: one
// pass (pass.h) with each payment under its own label.
class Reaching {
 public:
  static constexpr bool k_wants_held = false;

  Reaching(const Ledger& ledger, std::span<const TransferId> payments, AccountId target)
      : m_target(target), m_paid(payments.size()), m_as_cash(payments.size()) {
    m_origins.reserve(payments.size());
    for (const TransferId payment : payments) m_origins.push_back(ledger.transfer(payment).from);
  }
  bool returns_to(Label label, AccountId account) const { return m_origins[label] == account; }
  void hop(TransferId /*t*/, const LabelTaint& /*taint*/) {}
  // The target is an off-ramp to the pass; cash taken there arrives there too (a cash point).
  void end(AccountId account, EndReason reason, const LabelTaint& taint) {
    if (account != m_target) return;
    if (reason == EndReason::cashout) m_paid[taint.label] += taint.taint;
    if (reason == EndReason::cash) m_as_cash[taint.label] += taint.taint;
  }

  // By label. Summed as a forward trace's endpoints at the target would be: the cash, the rest, then both.
  std::vector<double> reached() && {
    for (std::size_t label = 0; label < m_paid.size(); ++label) m_paid[label] += m_as_cash[label];
    return std::move(m_paid);
  }

 private:
  AccountId m_target;
  std::vector<AccountId> m_origins;  // by label: who paid it
  std::vector<double> m_paid;        // by label: paid into the target
  std::vector<double> m_as_cash;     // by label: taken as cash there
};

std::vector<double> taint_reaching(const Ledger& ledger, std::span<const TransferId> payments, AccountId target,
                                   const TraceOptions& options) {
  TraceOptions forward = options;
  forward.cashout_accounts.insert(target);  // money that reaches the target stops there, counted once
  std::vector<Seed> seeds;
  seeds.reserve(payments.size());
  for (std::size_t label = 0; label < payments.size(); ++label) {
    seeds.push_back({payments[label], static_cast<Label>(label)});
  }
  Reaching reaching(ledger, payments, target);
  run_pass(ledger, forward, seeds, reaching);
  return std::move(reaching).reached();
}

}  // namespace

std::vector<Funding> trace_back(const Ledger& ledger, AccountId account, const TraceOptions& options) {
  const Candidates candidates = candidate_payments(ledger, account, options);
  const std::vector<double> reached = taint_reaching(ledger, candidates.through, account, options);
  std::vector<Funding> through;
  for (std::size_t i = 0; i < candidates.through.size(); ++i) {
    if (reached[i] > 0) through.push_back({candidates.through[i], reached[i]});
  }
  std::vector<Funding> funding;
  funding.reserve(candidates.direct.size() + through.size());
  std::merge(candidates.direct.begin(), candidates.direct.end(), through.begin(), through.end(),
             std::back_inserter(funding), [](const Funding& a, const Funding& b) { return a.payment < b.payment; });
  return funding;
}

}  // namespace jala::flow
