// Many traces in one balance (trace_back): each label is one origin payment's money, traced as if it
// were the only one. The money itself (the dollars received and paid) is the same in every trace; only
// its taint differs. So the arithmetic is balance.h's, done label by label in the same order, and each
// label's taint is what FifoBalance or ProportionalBalance would give that payment's own trace, to the
// last bit.
//
// A label is followed in an account while it holds at least some of its taint: from the first tainted
// receipt until clear(), as the forward tracer follows an account (trace.cpp).
//
// Value types; thread-compatible.
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <span>
#include <vector>

#include "jala/flow/balance.h"

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

class LabelledFifoBalance {
 public:
  // `taints`: at most one entry per label, each above zero.
  void receive(double usd, std::span<const LabelTaint> taints) {
    if (usd <= 0) return;
    Lot& lot = m_lots.emplace_back(Lot{usd, {}});
    for (const LabelTaint& taint : taints) {
      lot.taints.push_back({taint.label, std::min(taint.taint, usd), taint.hop});
      m_held[taint.label] += lot.taints.back().taint;
    }
  }
  void receive_untainted(double usd) { receive(usd, {}); }

  // Each label's taint in the money paid, one entry per label (sorted by label) in `spent`.
  void spend(double usd, std::vector<LabelTaint>& spent) {
    spent.clear();
    while (usd > 0 && !m_lots.empty()) {
      Lot& lot = m_lots.front();
      const double take = std::min(usd, lot.usd);
      for (LabelTaint& held : lot.taints) {
        if (held.taint <= 0) continue;
        const double taint = take >= lot.usd ? held.taint : held.taint * (take / lot.usd);
        spent.push_back({held.label, taint, held.hop});
        held.taint -= taint;
      }
      lot.usd -= take;
      usd -= take;
      if (lot.usd <= 0) m_lots.pop_front();
    }
    sum_by_label(spent);
    for (const LabelTaint& paid : spent) m_held[paid.label] -= paid.taint;
  }
  // The balance holds no taint (no label is followed).
  void spend_untainted(double usd) {
    while (usd > 0 && !m_lots.empty()) {
      Lot& lot = m_lots.front();
      const double take = std::min(usd, lot.usd);
      lot.usd -= take;
      usd -= take;
      if (lot.usd <= 0) m_lots.pop_front();
    }
  }

  bool follows(Label label) const { return m_held.find(label) != nullptr; }
  bool follows_any() const { return !m_held.empty(); }
  // A running total of the label's taint (FifoBalance::approximate_taint).
  double approximate_taint(Label label) const {
    const double* held = m_held.find(label);
    return held != nullptr ? *held : 0;
  }
  // Drops the label's taint (the money stays); it is no longer followed here.
  void clear(Label label) {
    m_held.erase(label);
    for (Lot& lot : m_lots) {
      std::erase_if(lot.taints, [label](const LabelTaint& taint) { return taint.label == label; });
    }
  }

 private:
  struct Lot {
    double usd;
    std::vector<LabelTaint> taints;  // by label, at most one each
  };
  std::deque<Lot> m_lots;
  LabelMap<double> m_held;  // the running totals of followed labels
};

class LabelledProportionalBalance {
 public:
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
      held.taint += std::min(taint.taint, usd);
      held.hop = std::max(held.hop, taint.hop);
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

  bool follows(Label label) const {
    const Held* held = m_held.find(label);
    return held != nullptr && held->followed;
  }
  bool follows_any() const { return m_followed > 0; }
  double approximate_taint(Label label) const {
    const Held* held = m_held.find(label);
    return held != nullptr ? held->taint : 0;
  }
  // Drops the label's taint; its hop count stays, as ProportionalBalance::clear_taint keeps it.
  void clear(Label label) {
    Held* held = m_held.find(label);
    if (held == nullptr || !held->followed) return;
    held->taint = 0;
    held->followed = false;
    --m_followed;
  }

 private:
  struct Held {
    double taint = 0;
    std::uint32_t hop = 0;
    bool followed = false;
  };
  double m_usd = 0;
  LabelMap<Held> m_held;  // every label the account ever held, so that its hop count stays
  std::size_t m_followed = 0;
};

}  // namespace jala::flow
