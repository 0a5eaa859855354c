// The money trail of the simulated economy, written as transaction records (docs/formats/intake.md):
// a victim's payments to an operation's collector, each passed on to a second-layer mule a few hours
// later less a cut (pass-through timing and amount decay), then cashed out to one of the operation's
// crypto wallets; and legitimate traffic that a mule detector must tell apart from it: merchants take
// card payments from many customers and pay a few suppliers a share of each week's takings (fan-in,
// then slow, partial, aggregated fan-out), and the sixteen busiest merchants but the payment processor
// sweep each day's takings at 23:00 to a main account of their own and pay their suppliers from there (fan-in, then all
// of it out within hours, aggregated, to one account, every day), employers are paid by a few clients and pay salaries
// (fan-out from steady income), and people pay each other.
//
// Not thread-safe: one per simulation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jala/simulate/economy.h"
#include "jala/simulate/random.h"

namespace jala::simulate {

class SimulationOutput;

// The legitimate businesses' accounts that appear in the transactions, as "bank:…" selectors.
struct LegitimateAccounts {
  std::vector<std::string> merchants;
  std::vector<std::string> merchant_main_accounts;  // where sweeping merchants move their takings
  std::vector<std::string> employers;
  std::vector<std::string> suppliers;  // paid by merchants
  std::vector<std::string> clients;    // paying employers
};

class MoneyTrail {
 public:
  // Merchants, employers, suppliers and clients are drawn once from `seed`. The businesses' own
  // periodic payments draw from a stream of their own, never from the Random passed to the writers,
  // so that the reports of a seed do not depend on them.
  MoneyTrail(std::uint64_t seed, SimulationOutput& output);

  // A victim in `victim_country` loses `loss_local` (in its currency) to `operation`, the last payment
  // at `reported_at_seconds` or before.
  void write_scam_payments(Random& random, const Operation& operation, const Country& victim_country, double loss_local,
                           std::int64_t reported_at_seconds);
  // One legitimate transaction at `at_seconds`, which must fall within the simulated year; merchants'
  // takings and employers' payrolls are added up for write_settlements.
  void write_background(Random& random, std::int64_t at_seconds);
  // The businesses' periodic payments, in time order: each merchant pays its suppliers a share of
  // each week's takings in the following days, and clients pay employers weekly or monthly invoices
  // that cover the year's payroll. Call once, after the last write_background: reports, and the
  // background traffic at their times, come in no time order, so no week's takings are complete
  // before the end of the run.
  void write_settlements();

  // The accounts of write_settlements' businesses that appear in the transactions written so far.
  LegitimateAccounts legitimate_accounts() const;
  std::size_t transactions() const { return m_transactions; }

 private:
  enum class Cadence { weekly, monthly };
  struct Merchant {
    BankAccount account;  // merchant 0 is the shared payment processor
    std::vector<BankAccount> suppliers;
    std::vector<double> supplier_weights;  // each supplier's usual part of a payout, largest first
    // Where a sweeping merchant moves each day's takings, and pays its suppliers from.
    std::optional<BankAccount> main_account;
    const BankAccount& paying_account() const { return main_account ? *main_account : account; }
  };
  struct Takings {  // a merchant's card payments in one week, or in one day up to its sweep
    double usd = 0.0;
    std::size_t payments = 0;
  };
  struct Client {
    BankAccount account;
    Cadence cadence = Cadence::monthly;
    double share = 0.0;        // of the employer's income, summing to 1 over its clients
    std::int64_t due_day = 0;  // day of the week (weekly) or of the month, less one (monthly)
  };
  struct Employer {
    BankAccount account;
    std::vector<Client> clients;
    double margin = 1.0;       // income over payroll
    double payroll_usd = 0.0;  // salaries paid in the year
  };
  // One payment of write_settlements, held until its week's payments are sorted by time.
  struct Payment {
    const BankAccount* from = nullptr;
    const BankAccount* to = nullptr;
    double amount = 0.0;  // in the payer's currency
    std::int64_t at_seconds = 0;
    bool sweep = false;  // a merchant's takings to its main account, not an invoice
  };

  // Writes one transaction and returns the amount as written (rounded to the currency's unit).
  double write(std::string_view from, std::string_view to, double amount, std::string_view currency,
               std::int64_t at_seconds, std::string_view channel, std::string_view reference);
  void add_supplier_payments(std::size_t closed_week, std::vector<Payment>& payments);
  void add_sweeps(std::size_t week, std::vector<Payment>& payments);
  void add_client_invoices(std::size_t week, std::vector<Payment>& payments);

  SimulationOutput& m_output;
  std::vector<Merchant> m_merchants;
  std::vector<Employer> m_employers;
  // By week of the simulated year, then by merchant: a fixed size, whatever the number of reports.
  std::vector<std::vector<Takings>> m_weekly_takings;
  // By day of the simulated year up to the sweep at 23:00, then by merchant.
  std::vector<std::vector<Takings>> m_daily_takings;
  Random m_settlement_random;
  Random m_sweep_random;  // a stream of its own, so that the other settlements are those of earlier versions
  std::size_t m_transactions = 0;
};

// RFC 3339 in UTC for seconds since the Unix epoch.
std::string format_time(std::int64_t unix_seconds);
// 2025-01-01T00:00:00Z: day 0 of every simulation.
inline constexpr std::int64_t k_simulation_epoch_seconds = 1'735'689'600;

}  // namespace jala::simulate
