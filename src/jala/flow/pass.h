// The tracing pass behind trace_transfers and trace_back (trace.h): money followed forward through
// time-respecting transfers, in ledger order, with each traced payment's money under a label
// (labelled_balance.h). A forward trace puts all its seeds under one label; a backward trace gives each
// candidate origin payment its own, and so traces them all in one pass, each as if alone. Internal to
// the flow library.
//
// The pass steps only the payments of followed accounts (those holding some label's taint) and the
// seeds. What a followed account receives from accounts that carry no label is untainted, so it is
// applied when the account next pays or receives a label: its balance sees the same transfers in the
// same order. An account reached again after it stopped being followed catches up on what it missed,
// untainted. Each account's transfers are read in sequence from the ledger's per-account lists, so a
// busy payer does not cost a visit to transfer records spread across the ledger.
#pragma once

#include <algorithm>
#include <functional>
#include <optional>
#include <queue>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

#include "jala/flow/labelled_balance.h"
#include "jala/flow/ledger.h"
#include "jala/flow/replay.h"
#include "jala/flow/trace.h"

namespace jala::flow {

// Why taint that a payer spends at hop `hop` (1 for a seed) stops at the payer, or nothing when it goes on
// to the receiver: the hop limit, or under a cent (trace.h).
inline std::optional<EndReason> stops_at_payer(const TraceOptions& options, double taint, std::uint32_t hop) {
  if (hop > options.max_hops) return EndReason::max_hops;
  if (taint < k_dust_usd) return EndReason::dust;
  return std::nullopt;
}

// A payment the pass traces, and the label its money travels under.
struct Seed {
  TransferId transfer = 0;
  Label label = 0;
};

// What a pass reports, and what only its caller knows. Observer has:
//   bool returns_to(Label label, AccountId account): whether `account` is where the label's money came
//     from (a seed's payer), where it stops (EndReason::returned);
//   void hop(TransferId t, const LabelTaint& taint): taint that transfer `t` carries, before it may end
//     at the receiver;
//   void end(AccountId account, EndReason reason, const LabelTaint& taint): where taint stops;
//   static constexpr bool k_wants_held: whether taint still held at the end is reported (EndReason::held).
template <class Balance, class Observer>
class Pass {
 public:
  // `seeds`: sorted by transfer, each transfer once.
  Pass(const Ledger& ledger, const TraceOptions& options, std::span<const Seed> seeds, Observer& observer)
      : m_ledger(ledger),
        m_options(options),
        m_seeds(seeds),
        m_observer(observer),
        m_end(ledger.end_of(options.until)) {}

  // Steps every transfer the traced money reaches; then what followed accounts still hold ends as held.
  void run() && {
    for (;;) {
      const TransferId t = next_event();
      if (t == k_no_transfer || t >= m_end) break;
      if (m_next_seed < m_seeds.size() && t == m_seeds[m_next_seed].transfer) {
        pay(m_seeds[m_next_seed++]);
        m_last = t;
        continue;
      }
      const AccountId account = account_of(m_pending.top());
      m_pending.pop();
      Tracked* from = followed(account);
      // Queued twice (followed again before its turn), or no longer followed.
      if ((m_last && t <= *m_last) || from == nullptr || next_payment_of(account, *from) != t) continue;
      pay_from(t, account, *from);
    }
    if constexpr (Observer::k_wants_held) {
      for (auto& [account, tracked] : m_tracked) {
        if (!tracked.followed) continue;
        for (const LabelTaint& held : tracked.balance.held()) m_observer.end(account, EndReason::held, held);
      }
    }
  }

 private:
  struct Tracked {
    Balance balance;
    ReplayCursor cursor;    // the first of the account's transfers not yet applied to its balance
    bool followed = false;  // while it holds any label's taint
  };
  // What the pass reads of a transfer.
  struct Payment {
    AccountId from;
    AccountId to;
    model::Channel channel;
    double usd;
  };

  Tracked* followed(AccountId account) {
    const auto found = m_tracked.find(account);
    return found != m_tracked.end() && found->second.followed ? &found->second : nullptr;
  }

  TransferId next_payment_of(AccountId account, const Tracked& tracked) const {
    const std::span<const Leg> out = m_ledger.payments(account);
    return tracked.cursor.out < out.size() ? out[tracked.cursor.out].transfer : k_no_transfer;
  }

  void queue_next_payment(AccountId account, const Tracked& tracked) {
    if (const TransferId next = next_payment_of(account, tracked); next != k_no_transfer) queue(next, account);
  }
  void queue(TransferId payment, AccountId account) { m_pending.push(std::uint64_t{payment} << 32 | account); }

  // Applies the account's transfers before `t` to its balance, untainted: a label reaches it by `t`. An
  // account new to the pass starts from its last money checkpoint before `t`, if it has one.
  void catch_up(AccountId account, Tracked& tracked, TransferId t) {
    if (tracked.cursor.in == 0 && tracked.cursor.out == 0) {
      const std::span<const MoneyCheckpoint> checkpoints = m_ledger.money_checkpoints(account);
      const auto after =
          std::lower_bound(checkpoints.begin(), checkpoints.end(), t,
                           [](const MoneyCheckpoint& c, TransferId before) { return c.through < before; });
      if (after != checkpoints.begin()) {
        const MoneyCheckpoint& checkpoint = *(after - 1);
        tracked.balance.restore(checkpoint);
        tracked.cursor = {checkpoint.receipts, checkpoint.payments};
      }
    }
    const std::span<const Leg> in = m_ledger.receipts(account);
    const std::span<const Leg> out = m_ledger.payments(account);
    while (apply_next_untainted(in, out, tracked.cursor, tracked.balance, t)) {
    }
  }

  // Applies what the account received before `t` and has not applied yet: no label came with it.
  void receive_untainted_before(AccountId account, Tracked& tracked, TransferId t) {
    const std::span<const Leg> in = m_ledger.receipts(account);
    while (tracked.cursor.in < in.size() && in[tracked.cursor.in].transfer < t) {
      tracked.balance.receive_untainted(in[tracked.cursor.in++].usd);
    }
  }

  // A seed: all of its money carries its label. Its payer is where the label comes from, so it never
  // holds that label, and it is not spent from here.
  void pay(const Seed& seed) {
    const Transfer& transfer = m_ledger.transfer(seed.transfer);
    m_spent.assign(1, {seed.label, transfer.usd, 0});
    carry_on(seed.transfer, {transfer.from, transfer.to, transfer.channel, transfer.usd});
  }

  // The first transfer still to step: the next seed or the next queued payment (perhaps stale).
  TransferId next_event() const {
    const TransferId seed = m_next_seed < m_seeds.size() ? m_seeds[m_next_seed].transfer : k_no_transfer;
    return std::min(seed, m_pending.empty() ? k_no_transfer : transfer_of(m_pending.top()));
  }

  // Payment `t` of a followed account, then its next payments for as long as nothing else comes first: a
  // busy account that holds a little taint steps through its payments without the queue.
  void pay_from(TransferId t, AccountId account, Tracked& from) {
    for (;;) {
      spend(t, account, from);
      m_last = t;
      if (!from.followed) return;
      skip_untainted_payments(account, from);
      const TransferId next = next_payment_of(account, from);
      if (next == k_no_transfer) return;
      if (next >= next_event() || next >= m_end) {
        queue(next, account);
        return;
      }
      t = next;
    }
  }

  // Applies the account's next payments that take only untainted money (a FIFO account whose taint waits
  // behind other money), ahead of their turn: they carry nothing, so no one else sees them.
  void skip_untainted_payments(AccountId account, Tracked& tracked) {
    const std::span<const Leg> out = m_ledger.payments(account);
    while (tracked.cursor.out < out.size() && out[tracked.cursor.out].transfer < m_end &&
           tracked.balance.spend_if_untainted(out[tracked.cursor.out].usd)) {
      ++tracked.cursor.out;
    }
  }

  // One payment of a followed account.
  void spend(TransferId t, AccountId account, Tracked& from) {
    receive_untainted_before(account, from, t);
    const Leg& leg = m_ledger.payments(account)[from.cursor.out++];
    const Payment payment{account, leg.other, leg.channel, leg.usd};
    from.balance.spend(payment.usd, m_spent);
    carry_on(t, payment);
    // A label whose taint here is spent, or under a cent, is no longer followed here: the rest is dust.
    for (const LabelTaint& spent : m_spent) {
      if (from.balance.follows(spent.label) && from.balance.approximate_taint(spent.label) < k_dust_usd) {
        m_observer.end(account, EndReason::dust, {spent.label, from.balance.clear(spent.label), 0});
      }
    }
    from.followed = from.balance.follows_any();
  }

  // The labels' taint in m_spent leaves the payer with payment `t`: past the hop limit or under a cent it
  // stops at the payer; the rest is carried to the receiver.
  void carry_on(TransferId t, const Payment& payment) {
    m_carried.clear();
    for (const LabelTaint& spent : m_spent) {
      if (spent.taint <= 0) continue;
      const std::uint32_t hop = spent.hop + 1;
      if (const std::optional<EndReason> stop = stops_at_payer(m_options, spent.taint, hop)) {
        m_observer.end(payment.from, *stop, spent);
      } else {
        m_carried.push_back({spent.label, spent.taint, hop});
        m_observer.hop(t, m_carried.back());
      }
    }
    if (!m_carried.empty()) deliver(t, payment);
  }

  // The carried labels arrive with payment `t`: they end at its receiver, or the receiver holds them.
  void deliver(TransferId t, const Payment& payment) {
    end_at_receiver(t, payment);
    if (m_carried.empty()) return;  // a followed receiver applies the payment, untainted, when it next acts
    Tracked* to = followed(payment.to);
    if (to != nullptr) {
      receive_untainted_before(payment.to, *to, t);
    } else {
      to = &m_tracked.try_emplace(payment.to, Tracked{Balance(m_ledger.receipts(payment.to)), ReplayCursor{}, false})
                .first->second;
      catch_up(payment.to, *to, t);  // from the start, or from where it stopped
      to->followed = true;
      queue_next_payment(payment.to, *to);
    }
    to->balance.receive(payment.usd, m_carried);
    ++to->cursor.in;
  }

  // Ends the carried labels whose trace stops at the receiver of payment `t` (trace.h): cash, an
  // off-ramp, the label's own origin, or an account that pays nothing more.
  void end_at_receiver(TransferId t, const Payment& payment) {
    std::optional<EndReason> all;
    if (payment.channel == model::Channel::cash) {
      all = EndReason::cash;
    } else if (m_options.cashout_accounts.contains(payment.to)) {
      all = EndReason::cashout;
    }
    if (all) {
      for (const LabelTaint& carried : m_carried) m_observer.end(payment.to, *all, carried);
      m_carried.clear();
      return;
    }
    const Tracked* to = followed(payment.to);
    std::optional<bool> pays_on;
    std::erase_if(m_carried, [&](const LabelTaint& carried) {
      if (m_observer.returns_to(carried.label, payment.to)) {
        m_observer.end(payment.to, EndReason::returned, carried);
        return true;
      }
      if (to != nullptr && to->balance.follows(carried.label)) return false;
      if (!pays_on) pays_on = pays_after(payment.to, t);
      if (*pays_on) return false;
      m_observer.end(payment.to, EndReason::no_outflow, carried);
      return true;
    });
  }

  // Does `account` pay anything after transfer `after`, within the window?
  bool pays_after(AccountId account, TransferId after) const {
    if (!m_ledger.makes_payments(account)) return false;
    const std::span<const TransferId> out = m_ledger.outgoing(account);
    const auto next = std::upper_bound(out.begin(), out.end(), after);
    return next != out.end() && *next < m_end;
  }

  // A followed account's next payment: the transfer in the high half, so that events order by it.
  using Event = std::uint64_t;
  static TransferId transfer_of(Event event) { return static_cast<TransferId>(event >> 32); }
  static AccountId account_of(Event event) { return static_cast<AccountId>(event); }

  const Ledger& m_ledger;
  const TraceOptions& m_options;
  std::span<const Seed> m_seeds;
  Observer& m_observer;
  TransferId m_end;  // the first transfer after options.until
  std::size_t m_next_seed = 0;
  std::optional<TransferId> m_last;  // the last transfer stepped
  std::priority_queue<Event, std::vector<Event>, std::greater<>> m_pending;
  std::unordered_map<AccountId, Tracked> m_tracked;
  std::vector<LabelTaint> m_spent;    // by the payment being stepped, per label
  std::vector<LabelTaint> m_carried;  // on to its receiver, per label
};

// Runs a pass under the rule of `options`.
template <class Observer>
void run_pass(const Ledger& ledger, const TraceOptions& options, std::span<const Seed> seeds, Observer& observer) {
  if (options.rule == TaintRule::fifo) {
    Pass<LabelledFifoBalance, Observer>(ledger, options, seeds, observer).run();
  } else {
    Pass<LabelledProportionalBalance, Observer>(ledger, options, seeds, observer).run();
  }
}

}  // namespace jala::flow
