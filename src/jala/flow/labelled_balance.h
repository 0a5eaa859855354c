// Many traces in one balance (pass.h): each label is the money of one traced payment (trace_back) or of
// all the seeds (a forward trace), traced as if it were the only one. The money itself (the dollars
// received and paid) is the same in every trace; only its taint differs. So the arithmetic is that of
// reference_balance.h, done label by label in the same order, and each label's taint is what FifoBalance
// or ProportionalBalance would give that label's own trace, to the last bit.
//
// A label is followed in an account while it holds at least some of its taint: from the first tainted
// receipt until clear().
//
// Value types; thread-compatible.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <span>
#include <utility>
#include <vector>

#include "jala/flow/ledger.h"

namespace jala::flow {

using Label = std::uint32_t;

// One label's taint in US dollars, received, held or spent, and its hop count (the largest).
struct LabelTaint {
  Label label = 0;
  double taint = 0;
  std::uint32_t hop = 0;
};

// Values by label in a vector sorted by label: accounts hold few labels, or receive them in order.
template <class Value>
class LabelMap {
 public:
  Value* find(Label label) {
    const auto at = lower_bound(label);
    return at != m_entries.end() && at->first == label ? &at->second : nullptr;
  }
  const Value* find(Label label) const { return const_cast<LabelMap*>(this)->find(label); }
  Value& operator[](Label label) {
    auto at = lower_bound(label);
    if (at == m_entries.end() || at->first != label) at = m_entries.insert(at, {label, Value{}});
    return at->second;
  }
  void erase(Label label) {
    const auto at = lower_bound(label);
    if (at != m_entries.end() && at->first == label) m_entries.erase(at);
  }
  bool empty() const { return m_entries.empty(); }
  auto begin() { return m_entries.begin(); }
  auto end() { return m_entries.end(); }
  auto begin() const { return m_entries.begin(); }
  auto end() const { return m_entries.end(); }

 private:
  auto lower_bound(Label label) {
    return std::lower_bound(m_entries.begin(), m_entries.end(), label,
                            [](const auto& entry, Label wanted) { return entry.first < wanted; });
  }
  std::vector<std::pair<Label, Value>> m_entries;
};

// Sums entries of the same label, in their order (as one trace's Spent sums its lots), keeping the
// largest hop; leaves one entry per label, sorted by label.
inline void sum_by_label(std::vector<LabelTaint>& entries) {
  const auto unsorted = std::adjacent_find(entries.begin(), entries.end(),
                                           [](const LabelTaint& a, const LabelTaint& b) { return a.label >= b.label; });
  if (unsorted == entries.end()) return;  // one entry per label already, in order (the usual case)
  std::stable_sort(entries.begin(), entries.end(),
                   [](const LabelTaint& a, const LabelTaint& b) { return a.label < b.label; });
  std::size_t kept = 0;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (kept > 0 && entries[kept - 1].label == entries[i].label) {
      entries[kept - 1].taint += entries[i].taint;
      entries[kept - 1].hop = std::max(entries[kept - 1].hop, entries[i].hop);
    } else {
      entries[kept++] = entries[i];
    }
  }
  entries.resize(kept);
}

// FIFO over an account's receipts as the ledger lists them (Ledger::receipts), in place: each receipt
// of more than nothing is a lot, so only the first lot's remainder and the tainted lots are stored, and an
// untainted receipt costs nothing. The arithmetic is FifoBalance's, lot by lot.
class LabelledFifoBalance {
 public:
  explicit LabelledFifoBalance(std::span<const Leg> receipts = {}) : m_receipts(receipts) {}

  // The account's next receipt, `usd` dollars, with its labels: at most one entry per label, each above zero.
  void receive(double usd, std::span<const LabelTaint> taints) {
    const std::size_t receipt = m_received;
    arrive();
    if (usd <= 0 || taints.empty()) return;
    TaintedLot& lot = m_tainted.emplace_back(TaintedLot{receipt, {}});
    for (const LabelTaint& taint : taints) {
      lot.taints.push_back({taint.label, std::min(taint.taint, usd), taint.hop});
      m_held[taint.label] += lot.taints.back().taint;
    }
  }
  void receive_untainted(double /*usd: the receipt's, known*/) { arrive(); }

  // Each label's taint in the money paid, one entry per label (sorted by label) in `spent`.
  void spend(double usd, std::vector<LabelTaint>& spent) {
    spent.clear();
    take_lots(usd, k_no_stop, [&](double take) {
      if (m_tainted.empty() || m_tainted.front().receipt != m_front) return;
      for (LabelTaint& held : m_tainted.front().taints) {
        if (held.taint <= 0) continue;
        const double taint = take >= m_front_usd ? held.taint : held.taint * (take / m_front_usd);
        spent.push_back({held.label, taint, held.hop});
        held.taint -= taint;
      }
    });
    sum_by_label(spent);
    for (const LabelTaint& paid : spent) m_held[paid.label] -= paid.taint;
  }
  // The balance holds no taint (no label is followed).
  void spend_untainted(double usd) {
    take_lots(usd, k_no_stop, [](double /*take*/) {});
  }

  // Spends `usd` if it takes only money ahead of the first tainted lot, and returns whether it did (else
  // nothing changes). Such a payment carries no taint, and receipts only queue behind the tainted lot, so
  // the pass may apply it before receipts that come earlier in the ledger and get the same balance.
  bool spend_if_untainted(double usd) {
    if (m_tainted.empty()) return false;
    const std::size_t front = m_front;
    const double front_usd = m_front_usd;
    if (take_lots(usd, m_tainted.front().receipt, [](double /*take*/) {})) return true;
    m_front = front;  // no lot was dropped: all lay ahead of the tainted one
    m_front_usd = front_usd;
    return false;
  }

  // Takes the money of a checkpoint (ledger.h), on a balance that has applied none of its receipts yet.
  void restore(const MoneyCheckpoint& checkpoint) {
    m_received = checkpoint.receipts;
    m_front = checkpoint.fifo_front;
    m_front_usd = checkpoint.fifo_front_usd;
  }
  // Writes its money into a checkpoint; only while it holds no taint.
  void save(MoneyCheckpoint& checkpoint) const {
    checkpoint.fifo_front = static_cast<std::uint32_t>(m_front);
    checkpoint.fifo_front_usd = m_front_usd;
  }

  bool follows(Label label) const { return m_held.find(label) != nullptr; }
  bool follows_any() const { return !m_held.empty(); }
  // A running total of the label's taint (FifoBalance::approximate_taint).
  double approximate_taint(Label label) const {
    const double* held = m_held.find(label);
    return held != nullptr ? *held : 0;
  }
  // Drops the label's taint (the money stays), which is no longer followed here, and returns how much it
  // was, summed lot by lot (FifoBalance::clear_taint).
  double clear(Label label) {
    double cleared = 0;
    for (TaintedLot& lot : m_tainted) {
      std::erase_if(lot.taints, [&](const LabelTaint& taint) {
        if (taint.label != label) return false;
        cleared += taint.taint;
        return true;
      });
    }
    std::erase_if(m_tainted, [](const TaintedLot& lot) { return lot.taints.empty(); });
    m_held.erase(label);
    return cleared;
  }
  // The taint of each followed label, summed lot by lot (FifoBalance::taint), sorted by label.
  std::vector<LabelTaint> held() const {
    LabelMap<double> sums;
    for (const auto& [label, total] : m_held) sums[label] = 0;
    for (const TaintedLot& lot : m_tainted) {
      for (const LabelTaint& taint : lot.taints) *sums.find(taint.label) += taint.taint;
    }
    std::vector<LabelTaint> held;
    for (auto& [label, sum] : sums) held.push_back({label, sum, 0});
    return held;
  }

 private:
  struct TaintedLot {
    std::size_t receipt;
    std::vector<LabelTaint> taints;  // by label, at most one each
  };

  static constexpr std::size_t k_no_stop = SIZE_MAX;

  // FifoBalance::spend's steps: takes `usd` from the lots in order, calling bite(take) before each take
  // from the first lot. Returns false, partway, if it comes to receipt `stop` with money still to take.
  template <class Bite>
  bool take_lots(double usd, std::size_t stop, const Bite& bite) {
    while (usd > 0 && m_front < m_received) {
      if (m_front >= stop) return false;
      if (m_front_usd <= 0) {  // a receipt of nothing is no lot
        next_lot();
        continue;
      }
      const double take = std::min(usd, m_front_usd);
      bite(take);
      m_front_usd -= take;
      usd -= take;
      if (m_front_usd <= 0) next_lot();
    }
    return true;
  }

  // The next receipt arrives; when nothing was left, it is the first lot.
  void arrive() {
    if (m_front == m_received) m_front_usd = m_receipts[m_front].usd;
    ++m_received;
  }
  // The first lot is spent: the next receipt, if any, is the first lot.
  void next_lot() {
    if (!m_tainted.empty() && m_tainted.front().receipt == m_front) m_tainted.pop_front();
    if (++m_front < m_received) m_front_usd = m_receipts[m_front].usd;
  }

  std::span<const Leg> m_receipts;
  std::size_t m_received = 0;        // receipts so far
  std::size_t m_front = 0;           // the first receipt not yet spent
  double m_front_usd = 0;            // what is left of it, while m_front < m_received
  std::deque<TaintedLot> m_tainted;  // in receipt order, none spent
  LabelMap<double> m_held;           // the running totals of followed labels
};

class LabelledProportionalBalance {
 public:
  // The receipts are not needed: the tainted share is a running total.
  explicit LabelledProportionalBalance(std::span<const Leg> /*receipts*/ = {}) {}

  // `taints`: at most one entry per label, each above zero.
  void receive(double usd, std::span<const LabelTaint> taints) {
    if (usd <= 0) return;
    m_usd += usd;
    for (const LabelTaint& taint : taints) {
      Held& held = m_held[taint.label];
      if (!held.followed) {
        held.followed = true;
        ++m_followed;
      }
      // ProportionalBalance's rule: taint that arrives where none is held starts the hop count again.
      held.hop = held.taint == 0 ? taint.hop : std::max(held.hop, taint.hop);
      held.taint += std::min(taint.taint, usd);
    }
  }
  void receive_untainted(double usd) { receive(usd, {}); }

  // Each followed label's taint in the money paid, one entry per label (sorted by label) in `spent`.
  void spend(double usd, std::vector<LabelTaint>& spent) {
    spent.clear();
    if (usd <= 0 || m_usd <= 0) return;
    for (auto& [label, held] : m_held) {
      if (!held.followed) continue;
      const double taint = usd < m_usd ? held.taint * (usd / m_usd) : held.taint;
      held.taint -= taint;
      spent.push_back({label, taint, held.hop});
    }
    m_usd = std::max(0.0, m_usd - usd);
  }
  // The balance holds no taint (no label is followed).
  void spend_untainted(double usd) {
    if (usd > 0 && m_usd > 0) m_usd = std::max(0.0, m_usd - usd);
  }

  // Every payment carries the tainted share: none can be applied out of turn.
  static bool spend_if_untainted(double /*usd*/) { return false; }

  // Takes the money of a checkpoint (ledger.h), on a balance that has applied none of its transfers yet.
  void restore(const MoneyCheckpoint& checkpoint) { m_usd = checkpoint.usd; }
  // Writes its money into a checkpoint; only while it holds no taint.
  void save(MoneyCheckpoint& checkpoint) const { checkpoint.usd = m_usd; }

  bool follows(Label label) const {
    const Held* held = m_held.find(label);
    return held != nullptr && held->followed;
  }
  bool follows_any() const { return m_followed > 0; }
  double approximate_taint(Label label) const {
    const Held* held = m_held.find(label);
    return held != nullptr ? held->taint : 0;
  }
  // Drops the label's taint, which is no longer followed here, and returns how much it was.
  double clear(Label label) {
    Held* held = m_held.find(label);
    if (held == nullptr || !held->followed) return 0;
    held->followed = false;
    --m_followed;
    return std::exchange(held->taint, 0.0);
  }
  // The taint of each followed label, sorted by label.
  std::vector<LabelTaint> held() const {
    std::vector<LabelTaint> held;
    for (const auto& [label, taint] : m_held) {
      if (taint.followed) held.push_back({label, taint.taint, taint.hop});
    }
    return held;
  }

 private:
  struct Held {
    double taint = 0;
    std::uint32_t hop = 0;
    bool followed = false;
  };
  double m_usd = 0;
  LabelMap<Held> m_held;  // every label the account ever held
  std::size_t m_followed = 0;
};

}  // namespace jala::flow
