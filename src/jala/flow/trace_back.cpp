// trace_back (trace.h): the walk back to candidate origin payments, then one forward pass that traces
// every candidate's money at once, each under its own label.
#include <algorithm>
#include <functional>
#include <limits>
#include <optional>
#include <queue>
#include <unordered_map>
#include <utility>

#include "jala/flow/labelled_balance.h"
#include "jala/flow/replay.h"
#include "jala/flow/trace.h"

namespace jala::flow {
namespace {

// Origin payments that could have funded `account`: a time-respecting walk back along incoming
// transfers, up to max_hops. An account is walked again only with a later bound than before.
std::vector<TransferId> candidate_payments(const Ledger& ledger, AccountId account, const TraceOptions& options) {
  std::vector<TransferId> candidates;
  std::unordered_map<AccountId, TransferId> walked;  // account -> the bound it was walked with
  std::vector<std::pair<AccountId, TransferId>> frontier{{account, static_cast<TransferId>(ledger.transfer_count())}};
  for (std::uint32_t hop = 1; hop <= options.max_hops && !frontier.empty(); ++hop) {
    std::vector<std::pair<AccountId, TransferId>> next;
    for (const auto& [receiver, bound] : frontier) {
      const auto [seen, fresh] = walked.try_emplace(receiver, bound);
      if (!fresh) {
        if (seen->second >= bound) continue;
        seen->second = bound;
      }
      for (const TransferId t : ledger.incoming(receiver)) {
        const Transfer& transfer = ledger.transfer(t);
        if (t >= bound || transfer.at < options.since || transfer.at > options.until) continue;
        if (!ledger.received_before(transfer.from, t)) {
          candidates.push_back(t);
        } else if (transfer.from != account) {
          next.emplace_back(transfer.from, t);
        }
      }
    }
    frontier = std::move(next);
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  return candidates;
}

// How much of each payment's money reaches `target`, each payment traced alone and stopped there, in one
// pass: the forward tracer's steps (trace.cpp), with each payment's taint under its own label, so that an
// account is replayed once for all of them. Each label ends where that payment's own trace would: cash,
// an off-ramp, its origin (money returned), an account that pays nothing more, the hop limit, or dust.
template <class Balance>
class ReachingTracer {
 public:
  // `payments`: sorted and unique; each one's label is its index.
  ReachingTracer(const Ledger& ledger, std::span<const TransferId> payments, AccountId target,
                 const TraceOptions& options)
      : m_ledger(ledger),
        m_payments(payments),
        m_target(target),
        m_options(options),
        m_reached(payments.size()),
        m_reached_as_cash(payments.size()) {
    for (const TransferId payment : payments) m_pending.push({payment, k_no_account});
  }

  std::vector<double> run() && {
    std::optional<TransferId> last;
    while (!m_pending.empty()) {
      const auto [t, account] = m_pending.top();
      m_pending.pop();
      if (last && t <= *last) continue;  // queued for both of its accounts, or as a payment too
      if (account != k_no_account) {
        const Tracked* tracked = followed(account);
        if (tracked == nullptr || next_of(m_ledger, account, tracked->cursor) != t) continue;
      }
      if (m_ledger.transfer(t).at > m_options.until) break;
      step(t);
      last = t;
    }
    // Summed as a forward trace's endpoints at the target are: the cash, the rest, then both.
    for (std::size_t label = 0; label < m_reached.size(); ++label) m_reached[label] += m_reached_as_cash[label];
    return std::move(m_reached);
  }

 private:
  static constexpr AccountId k_no_account = std::numeric_limits<AccountId>::max();

  struct Tracked {
    Balance balance;
    Cursor cursor;
    bool followed = false;  // while it holds any label's taint
  };

  Tracked* followed(AccountId account) {
    const auto found = m_tracked.find(account);
    return found != m_tracked.end() && found->second.followed ? &found->second : nullptr;
  }

  void queue_next(AccountId account, const Tracked& tracked) {
    if (const TransferId next = next_of(m_ledger, account, tracked.cursor); next != k_no_transfer) {
      m_pending.push({next, account});
    }
  }

  void step(TransferId t) {
    const Transfer& transfer = m_ledger.transfer(t);
    // A payment's sender received nothing before it, so holds no taint and is not followed then.
    Tracked* from = followed(transfer.from);
    m_spent.clear();
    if (from != nullptr) {
      from->balance.spend(transfer.usd, m_spent);
      ++from->cursor.out;
    }
    if (std::binary_search(m_payments.begin(), m_payments.end(), t)) {
      const auto label =
          static_cast<Label>(std::lower_bound(m_payments.begin(), m_payments.end(), t) - m_payments.begin());
      m_spent.push_back({label, transfer.usd, 0});
    }
    m_carried.clear();
    for (const LabelTaint& spent : m_spent) {
      if (spent.taint <= 0 || spent.hop + 1 > m_options.max_hops || spent.taint < k_dust_usd) continue;
      m_carried.push_back({spent.label, spent.taint, spent.hop + 1});
    }
    end_labels_at(t, transfer);
    Tracked* to = followed(transfer.to);
    if (to == nullptr && !m_carried.empty()) {
      to = &m_tracked[transfer.to];
      catch_up(m_ledger, transfer.to, to->cursor, to->balance, t);  // from the start, or where it stopped
      to->followed = true;
    }
    if (to != nullptr) {
      to->balance.receive(transfer.usd, m_carried);
      ++to->cursor.in;
      queue_next(transfer.to, *to);
    }
    if (from != nullptr) {
      // A label whose taint here is spent, or under a cent, is no longer followed here.
      for (const LabelTaint& spent : m_spent) {
        if (from->balance.follows(spent.label) && from->balance.approximate_taint(spent.label) < k_dust_usd) {
          from->balance.clear(spent.label);
        }
      }
      from->followed = from->balance.follows_any();
      if (from->followed && transfer.from != transfer.to) queue_next(transfer.from, *from);
    }
  }

  // Ends the carried labels whose trace stops at the receiver of transfer `t`, as the forward tracer's
  // end_at does; the taint that reaches the target is counted.
  void end_labels_at(TransferId t, const Transfer& transfer) {
    if (m_carried.empty()) return;
    if (transfer.to == m_target) {  // as an off-ramp, or as where cash was taken (a cash point)
      std::vector<double>& sums = transfer.channel == model::Channel::cash ? m_reached_as_cash : m_reached;
      for (const LabelTaint& carried : m_carried) sums[carried.label] += carried.taint;
      m_carried.clear();
      return;
    }
    if (transfer.channel == model::Channel::cash || m_options.cashout_accounts.contains(transfer.to)) {
      m_carried.clear();
      return;
    }
    const Tracked* to = followed(transfer.to);
    std::optional<bool> pays_on;
    std::erase_if(m_carried, [&](const LabelTaint& carried) {
      if (m_ledger.transfer(m_payments[carried.label]).from == transfer.to) return true;  // returned
      if (to != nullptr && to->balance.follows(carried.label)) return false;
      if (!pays_on) pays_on = pays_after(m_ledger, transfer.to, t, m_options.until);
      return !*pays_on;  // no outflow
    });
  }

  using Event = std::pair<TransferId, AccountId>;  // a transfer, and the followed account it is next for

  const Ledger& m_ledger;
  std::span<const TransferId> m_payments;
  AccountId m_target;
  const TraceOptions& m_options;
  std::vector<double> m_reached;          // by label: paid into the target
  std::vector<double> m_reached_as_cash;  // by label: taken as cash there
  std::priority_queue<Event, std::vector<Event>, std::greater<>> m_pending;
  std::unordered_map<AccountId, Tracked> m_tracked;
  std::vector<LabelTaint> m_spent;    // by the transfer being stepped, per label
  std::vector<LabelTaint> m_carried;  // on to its receiver, per label
};

std::vector<double> taint_reaching(const Ledger& ledger, std::span<const TransferId> payments, AccountId target,
                                   const TraceOptions& options) {
  if (options.rule == TaintRule::fifo) {
    return ReachingTracer<LabelledFifoBalance>(ledger, payments, target, options).run();
  }
  return ReachingTracer<LabelledProportionalBalance>(ledger, payments, target, options).run();
}

}  // namespace

std::vector<Funding> trace_back(const Ledger& ledger, AccountId account, const TraceOptions& options) {
  const std::vector<TransferId> candidates = candidate_payments(ledger, account, options);
  const std::vector<double> reached = taint_reaching(ledger, candidates, account, options);
  std::vector<Funding> funding;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (reached[i] > 0) funding.push_back({candidates[i], reached[i]});
  }
  return funding;
}

}  // namespace jala::flow
