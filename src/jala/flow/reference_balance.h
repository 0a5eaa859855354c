// Test-only: the reference arithmetic of taint tracing, one trace at a time. One account's balance as
// taint tracing sees it (docs/flow.md): how much of the money it holds is tainted, and how much of each
// payment it makes carries that taint. Two rules:
//   - FIFO: money leaves in the order it arrived; a payment carries the taint of the oldest money it
//     spends.
//   - proportional ("haircut"): every payment carries the account's tainted share at that moment.
// Money paid beyond the balance is of unknown, untainted origin. Amounts are in US dollars. The reference
// tracer of the tests is written with these; the tracers (pass.h) do the same arithmetic label by label
// (labelled_balance.h), and the tests check that they agree to the last bit.
//
// Value types; thread-compatible.
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <utility>

namespace jala::flow {

// What a payment carries: its tainted dollars and the hop count of the taint it spends (the largest).
struct Spent {
  double taint = 0;
  std::uint32_t hop = 0;
};

class FifoBalance {
 public:
  void receive(double usd, double taint, std::uint32_t hop) {
    // Every payment is a lot of its own, untainted ones too (they are never merged): the lots, and so the
    // arithmetic, are then the same whatever the taint, as in labelled_balance.h.
    if (usd <= 0) return;
    m_lots.push_back({usd, std::min(taint, usd), hop});
    m_taint += m_lots.back().taint;
  }

  Spent spend(double usd) {
    Spent spent;
    while (usd > 0 && !m_lots.empty()) {
      Lot& lot = m_lots.front();
      const double take = std::min(usd, lot.usd);
      if (lot.taint > 0) {
        const double taint = take >= lot.usd ? lot.taint : lot.taint * (take / lot.usd);
        spent.taint += taint;
        spent.hop = std::max(spent.hop, lot.hop);
        lot.taint -= taint;
      }
      lot.usd -= take;
      usd -= take;
      if (lot.usd <= 0) m_lots.pop_front();
    }
    m_taint -= spent.taint;
    return spent;
  }

  void receive_untainted(double usd) { receive(usd, 0, 0); }
  void spend_untainted(double usd) { spend(usd); }

  // The tainted dollars held, lot by lot.
  double taint() const {
    double total = 0;
    for (const Lot& lot : m_lots) total += lot.taint;
    return total;
  }
  // A running total of taint(), in O(1): for deciding whether any taint is left worth following.
  double approximate_taint() const { return m_taint; }
  // Drops all taint (the money stays) and returns how much it was.
  double clear_taint() {
    const double cleared = taint();
    for (Lot& lot : m_lots) lot.taint = 0;
    m_taint = 0;
    return cleared;
  }

 private:
  struct Lot {
    double usd;
    double taint;
    std::uint32_t hop;
  };
  std::deque<Lot> m_lots;
  double m_taint = 0;
};

class ProportionalBalance {
 public:
  void receive(double usd, double taint, std::uint32_t hop) {
    if (usd <= 0) return;
    m_usd += usd;
    if (taint > 0) {
      // The pool's hop is its taint's largest; taint that arrives in an empty pool starts it again.
      m_hop = m_taint == 0 ? hop : std::max(m_hop, hop);
      m_taint += std::min(taint, usd);
    }
  }

  Spent spend(double usd) {
    if (usd <= 0 || m_usd <= 0) return {};
    Spent spent{m_taint, m_hop};
    if (usd < m_usd) spent.taint = m_taint * (usd / m_usd);
    m_taint -= spent.taint;
    m_usd = std::max(0.0, m_usd - usd);
    return spent;
  }

  void receive_untainted(double usd) { receive(usd, 0, 0); }
  void spend_untainted(double usd) { spend(usd); }

  double taint() const { return m_taint; }
  double approximate_taint() const { return m_taint; }
  double clear_taint() { return std::exchange(m_taint, 0.0); }

 private:
  double m_usd = 0;
  double m_taint = 0;
  std::uint32_t m_hop = 0;
};

}  // namespace jala::flow
