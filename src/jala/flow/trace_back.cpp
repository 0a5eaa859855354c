// trace_back (trace.h): the walk back to candidate origin payments, then one forward pass that traces
// every candidate's money at once, each under its own label.
#include <algorithm>
#include <functional>
#include <optional>
#include <queue>
#include <unordered_map>
#include <utility>

#include "jala/flow/labelled_balance.h"
#include "jala/flow/replay.h"
#include "jala/flow/trace.h"

namespace jala::flow {
namespace {

// Whether taint spent at hop `hop` (1 for an origin payment) goes on to the receiver, as the forward
// tracer decides it (trace.cpp): within the hop limit, and not dust.
bool carried_on(const TraceOptions& options, double taint, std::uint32_t hop) {
  return taint > 0 && hop <= options.max_hops && taint >= k_dust_usd;
}

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
      const std::span<const TransferId> in = ledger.incoming(receiver);
      const std::span<const AccountId> payers = ledger.payers(receiver);
      const std::span<const double> usd = ledger.incoming_usd(receiver);
      for (auto i = static_cast<std::size_t>(std::lower_bound(in.begin(), in.end(), begin) - in.begin());
           i < in.size() && in[i] < bound; ++i) {
        const TransferId t = in[i];
        if (ledger.received_before(payers[i], t)) {
          if (payers[i] != account) next.emplace_back(payers[i], t);
        } else if (receiver != account) {
          candidates.through.push_back(t);
        } else if (carried_on(options, usd[i], 1)) {
          candidates.direct.push_back({t, usd[i]});  // the account is where its trace ends
        }
      }
    }
    frontier = std::move(next);
  }
  std::sort(candidates.through.begin(), candidates.through.end());
  candidates.through.erase(std::unique(candidates.through.begin(), candidates.through.end()), candidates.through.end());
  return candidates;
}

// How much of each payment's money reaches `target`, each payment traced alone and stopped there, in one
// pass: the forward tracer's steps (trace.cpp), with each payment's taint under its own label, so that an
// account is replayed once for all of them. Each label ends where that payment's own trace would: cash,
// an off-ramp, its origin (money returned), an account that pays nothing more, the hop limit, or dust.
//
// The pass steps only the payments of followed accounts, in ledger order. What a followed account
// receives from accounts that carry no label is untainted, so it is applied only when the account next
// pays or receives a label: the balance sees the same transfers in the same order.
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
        m_end(ledger.end_of(options.until)),
        m_reached(payments.size()),
        m_reached_as_cash(payments.size()) {
    m_origins.reserve(payments.size());
    for (const TransferId payment : payments) m_origins.push_back(ledger.transfer(payment).from);
  }

  std::vector<double> run() && {
    std::size_t next_payment = 0;
    std::optional<TransferId> last;
    for (;;) {
      const TransferId payment = next_payment < m_payments.size() ? m_payments[next_payment] : k_no_transfer;
      const TransferId event = m_pending.empty() ? k_no_transfer : m_pending.top().first;
      const TransferId t = std::min(payment, event);
      if (t == k_no_transfer || t >= m_end) break;
      if (t == payment) {
        pay(next_payment++);
      } else {
        const AccountId account = m_pending.top().second;
        m_pending.pop();
        Tracked* from = followed(account);
        // Queued twice (followed again before its turn), or no longer followed.
        if ((last && t <= *last) || from == nullptr || next_payment_of(account, *from) != t) continue;
        spend(t, account, *from);
      }
      last = t;
    }
    // Summed as a forward trace's endpoints at the target are: the cash, the rest, then both.
    for (std::size_t label = 0; label < m_reached.size(); ++label) m_reached[label] += m_reached_as_cash[label];
    return std::move(m_reached);
  }

 private:
  struct Tracked {
    Balance balance;
    Cursor cursor;
    bool followed = false;  // while it holds any label's taint
  };

  Tracked* followed(AccountId account) {
    const auto found = m_tracked.find(account);
    return found != m_tracked.end() && found->second.followed ? &found->second : nullptr;
  }

  TransferId next_payment_of(AccountId account, const Tracked& tracked) const {
    const std::span<const TransferId> out = m_ledger.outgoing(account);
    return tracked.cursor.out < out.size() ? out[tracked.cursor.out] : k_no_transfer;
  }

  void queue_next_payment(AccountId account, const Tracked& tracked) {
    if (const TransferId next = next_payment_of(account, tracked); next != k_no_transfer) {
      m_pending.push({next, account});
    }
  }

  // Applies what the account received before `t` and has not applied yet: no label came with it.
  void receive_untainted_before(AccountId account, Tracked& tracked, TransferId t) {
    const std::span<const TransferId> in = m_ledger.incoming(account);
    const std::span<const double> usd = m_ledger.incoming_usd(account);
    while (tracked.cursor.in < in.size() && in[tracked.cursor.in] < t) {
      tracked.balance.receive_untainted(usd[tracked.cursor.in++]);
    }
  }

  // An origin payment: its sender has received nothing, so holds no label; only its own label moves.
  void pay(std::size_t index) {
    const TransferId t = m_payments[index];
    const Transfer& transfer = m_ledger.transfer(t);
    m_carried.clear();
    if (carried_on(m_options, transfer.usd, 1)) m_carried.push_back({static_cast<Label>(index), transfer.usd, 1});
    deliver(t, {transfer.to, transfer.channel, transfer.usd});
  }

  // The next payment of a followed account.
  void spend(TransferId t, AccountId account, Tracked& from) {
    receive_untainted_before(account, from, t);
    const std::size_t index = from.cursor.out++;
    const Payment payment{m_ledger.payees(account)[index], m_ledger.outgoing_channels(account)[index],
                          m_ledger.outgoing_usd(account)[index]};
    from.balance.spend(payment.usd, m_spent);
    m_carried.clear();
    for (const LabelTaint& spent : m_spent) {
      if (carried_on(m_options, spent.taint, spent.hop + 1)) {
        m_carried.push_back({spent.label, spent.taint, spent.hop + 1});
      }
    }
    if (!m_carried.empty()) deliver(t, payment);
    // A label whose taint here is spent, or under a cent, is no longer followed here.
    for (const LabelTaint& spent : m_spent) {
      if (from.balance.follows(spent.label) && from.balance.approximate_taint(spent.label) < k_dust_usd) {
        from.balance.clear(spent.label);
      }
    }
    from.followed = from.balance.follows_any();
    if (from.followed) queue_next_payment(account, from);
  }

  // What the pass reads of a transfer.
  struct Payment {
    AccountId to;
    model::Channel channel;
    double usd;
  };

  // The carried labels arrive with payment `t`: they end at its receiver, or the receiver holds them.
  void deliver(TransferId t, const Payment& payment) {
    end_labels_at(t, payment);
    if (m_carried.empty()) return;  // a followed receiver applies the transfer, untainted, when it next acts
    Tracked* to = followed(payment.to);
    if (to != nullptr) {
      receive_untainted_before(payment.to, *to, t);
    } else {
      to = &m_tracked.try_emplace(payment.to, Tracked{Balance(m_ledger.incoming_usd(payment.to)), Cursor{}, false})
                .first->second;
      catch_up(m_ledger, payment.to, to->cursor, to->balance, t);  // from the start, or where it stopped
      to->followed = true;
      queue_next_payment(payment.to, *to);
    }
    to->balance.receive(payment.usd, m_carried);
    ++to->cursor.in;
  }

  // Ends the carried labels whose trace stops at the receiver of transfer `t`, as the forward tracer's
  // end_at does; the taint that reaches the target is counted.
  void end_labels_at(TransferId t, const Payment& payment) {
    if (m_carried.empty()) return;
    if (payment.to == m_target) {  // as an off-ramp, or as where cash was taken (a cash point)
      std::vector<double>& sums = payment.channel == model::Channel::cash ? m_reached_as_cash : m_reached;
      for (const LabelTaint& carried : m_carried) sums[carried.label] += carried.taint;
      m_carried.clear();
      return;
    }
    if (payment.channel == model::Channel::cash || m_options.cashout_accounts.contains(payment.to)) {
      m_carried.clear();
      return;
    }
    const Tracked* to = followed(payment.to);
    std::optional<bool> pays_on;
    std::erase_if(m_carried, [&](const LabelTaint& carried) {
      if (m_origins[carried.label] == payment.to) return true;  // returned
      if (to != nullptr && to->balance.follows(carried.label)) return false;
      if (!pays_on) pays_on = pays_after(m_ledger, payment.to, t, m_end);
      return !*pays_on;  // no outflow
    });
  }

  using Event = std::pair<TransferId, AccountId>;  // a followed account's next payment

  const Ledger& m_ledger;
  std::span<const TransferId> m_payments;
  std::vector<AccountId> m_origins;  // by label: who paid it
  AccountId m_target;
  const TraceOptions& m_options;
  TransferId m_end;                       // the first transfer after options.until
  std::vector<double> m_reached;          // by label: paid into the target
  std::vector<double> m_reached_as_cash;  // by label: taken as cash there
  std::priority_queue<Event, std::vector<Event>, std::greater<>> m_pending;
  std::unordered_map<AccountId, Tracked> m_tracked;
  std::vector<LabelTaint> m_spent;    // by the payment being stepped, per label
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
