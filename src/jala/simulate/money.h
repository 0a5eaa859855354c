// The money trail of the simulated economy, written as transaction records (docs/formats/intake.md):
// a victim's payments to an operation's collector, each passed on to a second-layer mule a few hours
// later less a cut (pass-through timing and amount decay), then cashed out to one of the operation's
// crypto wallets; and legitimate background traffic: merchants (many payers, one payee), payrolls
// (one payer, many payees) and transfers between people.
//
// Not thread-safe: one per simulation.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "jala/simulate/economy.h"
#include "jala/simulate/random.h"

namespace jala::simulate {

class SimulationOutput;

class MoneyTrail {
 public:
  // Merchants and employers are drawn once from `seed`.
  MoneyTrail(std::uint64_t seed, SimulationOutput& output);

  // A victim in `victim_country` loses `loss_local` (in its currency) to `operation`, the last payment
  // at `reported_at_seconds` or before.
  void write_scam_payments(Random& random, const Operation& operation, const Country& victim_country, double loss_local,
                           std::int64_t reported_at_seconds);
  // One legitimate transaction around `at_seconds`.
  void write_background(Random& random, std::int64_t at_seconds);

  std::size_t transactions() const { return m_transactions; }

 private:
  void write(std::string_view from, std::string_view to, double amount, std::string_view currency,
             std::int64_t at_seconds, std::string_view channel, std::string_view reference);

  SimulationOutput& m_output;
  std::vector<BankAccount> m_merchants;  // the shared payment processor is merchant 0
  std::vector<BankAccount> m_employers;
  std::size_t m_transactions = 0;
};

// RFC 3339 in UTC for seconds since the Unix epoch.
std::string format_time(std::int64_t unix_seconds);
// 2025-01-01T00:00:00Z: day 0 of every simulation.
inline constexpr std::int64_t k_simulation_epoch_seconds = 1'735'689'600;

}  // namespace jala::simulate
