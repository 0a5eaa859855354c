#include "jala/simulate/money.h"

#include <fmt/core.h>
#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <nlohmann/json.hpp>

#include "jala/base/time.h"
#include "jala/simulate/simulator.h"

namespace jala::simulate {
namespace {

constexpr std::uint64_t k_pool_stream = 0x6d6f6e6579;          // "money"
constexpr std::uint64_t k_settlement_stream = 0x736574746c65;  // "settle"
constexpr std::uint64_t k_sweep_stream = 0x7377656570;         // "sweep"
constexpr std::size_t k_merchants = 64;
constexpr std::size_t k_employers = 16;
constexpr double k_usdt_per_usd = 1.0;
constexpr std::int64_t k_hour = 3'600;
constexpr std::int64_t k_day = 86'400;
constexpr std::int64_t k_week = 7 * k_day;
// A sweeping merchant moves the day's takings at this time of day, and payments after it count for the
// next day. The busiest merchants after the payment processor sweep, as large businesses do.
constexpr std::int64_t k_sweep_at = 23 * k_hour;
constexpr std::size_t k_sweeping_merchants = 16;
// Weeks from the epoch that hold a day of the simulated year; the last one is a single day.
constexpr auto k_weeks = static_cast<std::size_t>((k_simulated_days + 6) / 7);
// The day of 2025 each month starts on.
constexpr std::array<std::int64_t, 12> k_month_start_days = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
// Even an employer with few simulated salaries has a business behind it: small runs draw only a few
// salaries a year, and clients' invoices sized to them would be smaller than one salary.
constexpr double k_minimum_income_usd = 60'000.0;

std::string bank_selector(const BankAccount& account) { return "bank:" + account.canonical(); }

// Amounts in whole units for currencies without minor units in practice, else cents.
double rounded(double amount, std::string_view currency) {
  if (currency == "VND" || currency == "IDR" || currency == "KRW") return std::max(1.0, std::round(amount));
  return std::max(0.01, std::round(amount * 100.0) / 100.0);
}

// Fixed shares that sum to 1, largest first, uneven so that one supplier or client is the main one.
std::vector<double> draw_shares(Random& random, std::size_t count) {
  std::vector<double> shares;
  double total = 0.0;
  for (std::size_t i = 0; i < count; ++i) total += shares.emplace_back(0.2 + random.unit());
  for (double& share : shares) share /= total;
  std::sort(shares.begin(), shares.end(), std::greater<>());
  return shares;
}

}  // namespace

std::string format_time(std::int64_t unix_seconds) { return format_rfc3339(Timestamp{unix_seconds * 1'000'000}); }

MoneyTrail::MoneyTrail(std::uint64_t seed, SimulationOutput& output)
    : m_output(output),
      m_weekly_takings(k_weeks, std::vector<Takings>(k_merchants)),
      m_daily_takings(static_cast<std::size_t>(k_simulated_days), std::vector<Takings>(k_merchants)),
      m_settlement_random(seed, k_settlement_stream),
      m_sweep_random(seed, k_sweep_stream) {
  Random random(seed, k_pool_stream);
  const Country& singapore = country("SG");
  m_merchants.push_back(
      {{&singapore.banks[0], &singapore, "0720118833"}, {}, {}, std::nullopt});  // hubs().payment_processor_bank
  while (m_merchants.size() < k_merchants) {
    m_merchants.push_back({make_bank_account(random, random.pick(countries())), {}, {}, std::nullopt});
  }
  while (m_employers.size() < k_employers) {
    m_employers.push_back({make_bank_account(random, random.pick(countries())), {}, 1.0, 0.0});
  }
  // Drawn after all merchants and employers, so that those do not depend on how many suppliers and
  // clients each has.
  for (Merchant& merchant : m_merchants) {
    merchant.supplier_weights = draw_shares(random, static_cast<std::size_t>(random.between(2, 5)));
    for (std::size_t i = 0; i < merchant.supplier_weights.size(); ++i) {
      merchant.suppliers.push_back(make_bank_account(random, *merchant.account.country));
    }
  }
  for (Employer& employer : m_employers) {
    employer.margin = 1.15 + 0.25 * random.unit();
    const std::vector<double> shares = draw_shares(random, static_cast<std::size_t>(random.between(2, 6)));
    for (const double share : shares) {
      // Mostly monthly, so that an employer gets fewer and larger payments than it makes.
      const Cadence cadence = random.chance(0.2) ? Cadence::weekly : Cadence::monthly;
      const std::int64_t due_day = cadence == Cadence::weekly ? random.between(0, 4) : random.between(0, 27);
      employer.clients.push_back({make_bank_account(random, *employer.account.country), cadence, share, due_day});
    }
  }
  // Drawn last, so that the merchants, employers and their partners are those of earlier versions.
  for (std::size_t index = 1; index <= k_sweeping_merchants; ++index) {
    m_merchants[index].main_account = make_bank_account(random, *m_merchants[index].account.country);
  }
}

double MoneyTrail::write(std::string_view from, std::string_view to, double amount, std::string_view currency,
                         std::int64_t at_seconds, std::string_view channel, std::string_view reference) {
  nlohmann::ordered_json record;
  record["record"] = "transaction";
  record["id"] = fmt::format("TX-{:010d}", ++m_transactions);
  record["source"] = "SIM-PAYMENTS";
  record["from"] = from;
  record["to"] = to;
  const double written = rounded(amount, currency);
  record["amount"] = written;
  record["currency"] = currency;
  record["at"] = format_time(at_seconds);
  record["channel"] = channel;
  if (!reference.empty()) record["reference"] = reference;
  m_output.write_transaction(record.dump() + "\n");
  return written;
}

void MoneyTrail::write_scam_payments(Random& random, const Operation& operation, const Country& victim_country,
                                     double loss_local, std::int64_t reported_at_seconds) {
  const std::string victim = bank_selector(make_bank_account(random, victim_country));
  const std::vector<const BankAccount*> collectors = operation.collectors_in(victim_country);
  const auto payments = static_cast<std::size_t>(random.between(1, 3));
  // Payments spread over the weeks before the report, the last one first in this loop.
  std::int64_t at = reported_at_seconds - random.between(k_hour, 5 * k_day);
  for (std::size_t i = 0; i < payments; ++i) {
    const double amount = loss_local / static_cast<double>(payments);
    const BankAccount& collector = *collectors[random.below(collectors.size())];
    write(victim, bank_selector(collector), amount, victim_country.currency, at, "bank",
          fmt::format("deposit {}", random.between(1000, 9999)));
    // Pass-through: the collector forwards within hours, keeping a cut of 0.5-3%.
    const std::int64_t forwarded_at = at + random.between(600, 12 * k_hour);
    const double forwarded = amount * (0.97 + 0.025 * random.unit());
    const BankAccount& mule = operation.mules[random.below(operation.mules.size())];
    write(bank_selector(collector), bank_selector(mule), forwarded, victim_country.currency, forwarded_at, "bank", "");
    // Cash-out: the mule buys USDT into one of the operation's wallets a day or so later.
    const double usdt = forwarded * victim_country.usd_per_unit * k_usdt_per_usd * (0.98 + 0.015 * random.unit());
    const std::string& wallet = operation.cashout_wallets[random.below(operation.cashout_wallets.size())];
    write(bank_selector(mule), "wallet:" + wallet, usdt, "USDT", forwarded_at + random.between(k_hour, 2 * k_day),
          "crypto", "");
    at -= random.between(k_day, 14 * k_day);
  }
}

void MoneyTrail::write_background(Random& random, std::int64_t at_seconds) {
  const Country& home = random.pick(countries());
  const double usd = 5.0 + 200.0 * (random.pareto(1.5) - 1.0);
  const double amount = std::min(usd, 50'000.0) / home.usd_per_unit;
  switch (random.below(3)) {
    case 0: {  // a customer pays a merchant: merchants collect from many payers
      const std::size_t merchant = random.zipf_rank(m_merchants.size(), 1.0);
      // One draw per statement, the order number first: the order GCC builds always drew them in
      // (random.h).
      const std::string order = fmt::format("order {}", random.between(100'000, 999'999));
      const std::string customer = bank_selector(make_bank_account(random, home));
      const double paid = write(customer, bank_selector(m_merchants[merchant].account), amount, home.currency,
                                at_seconds, "card", order);
      const auto week = static_cast<std::size_t>((at_seconds - k_simulation_epoch_seconds) / k_week);
      Takings& takings = m_weekly_takings.at(week)[merchant];
      takings.usd += paid * home.usd_per_unit;
      ++takings.payments;
      const auto day = static_cast<std::size_t>((at_seconds - k_simulation_epoch_seconds + k_day - k_sweep_at) / k_day);
      if (day < m_daily_takings.size()) {  // a payment after the year's last sweep stays with the merchant
        Takings& today = m_daily_takings[day][merchant];
        today.usd += paid * home.usd_per_unit;
        ++today.payments;
      }
      break;
    }
    case 1: {  // payroll: one employer pays many employees, salary-sized amounts
      Employer& employer = m_employers[random.below(m_employers.size())];
      const Country& home_of_employer = *employer.account.country;
      // The salary, then the employee (as above).
      const double salary_usd = 800.0 + 2'000.0 * random.unit();
      const std::string employee = bank_selector(make_bank_account(random, home_of_employer));
      const double paid = write(bank_selector(employer.account), employee, salary_usd / home_of_employer.usd_per_unit,
                                home_of_employer.currency, at_seconds, "bank", "salary");
      employer.payroll_usd += paid * home_of_employer.usd_per_unit;
      break;
    }
    default: {  // people paying each other
      // The payee, then the payer (as above).
      const std::string payee = bank_selector(make_bank_account(random, home));
      const std::string payer = bank_selector(make_bank_account(random, home));
      write(payer, payee, amount, home.currency, at_seconds, "bank", "");
    }
  }
}

void MoneyTrail::write_settlements() {
  std::vector<Payment> payments;
  // One week more than the year: the last week's takings are paid out in the days after it.
  for (std::size_t week = 0; week <= k_weeks; ++week) {
    payments.clear();
    if (week > 0) add_supplier_payments(week - 1, payments);
    add_sweeps(week, payments);
    add_client_invoices(week, payments);
    // Stable, so that payments at the same second keep the order they were drawn in on every platform.
    std::stable_sort(payments.begin(), payments.end(),
                     [](const Payment& left, const Payment& right) { return left.at_seconds < right.at_seconds; });
    for (const Payment& payment : payments) {
      write(bank_selector(*payment.from), bank_selector(*payment.to), payment.amount, payment.from->country->currency,
            payment.at_seconds, "bank",
            payment.sweep ? "daily sweep" : fmt::format("invoice {}", m_settlement_random.between(1000, 9999)));
    }
  }
}

void MoneyTrail::add_supplier_payments(std::size_t closed_week, std::vector<Payment>& payments) {
  const std::int64_t paid_from = k_simulation_epoch_seconds + static_cast<std::int64_t>(closed_week + 1) * k_week;
  for (std::size_t index = 0; index < m_merchants.size(); ++index) {
    const Takings& takings = m_weekly_takings[closed_week][index];
    if (takings.payments == 0) continue;
    const Merchant& merchant = m_merchants[index];
    // A share of the week's takings, in the merchant's currency, split over its main suppliers by
    // their usual parts with this week's orders varying them: amounts unlike any single card payment.
    // A quiet week pays no more suppliers than it had customers, so that even a small merchant is
    // paid by more accounts than it pays.
    const double payout =
        takings.usd * (0.3 + 0.3 * m_settlement_random.unit()) / merchant.account.country->usd_per_unit;
    const std::size_t paid_suppliers = std::min(merchant.suppliers.size(), takings.payments);
    std::vector<double> parts;
    double total = 0.0;
    for (std::size_t i = 0; i < paid_suppliers; ++i) {
      total += parts.emplace_back(merchant.supplier_weights[i] * (0.5 + m_settlement_random.unit()));
    }
    for (std::size_t i = 0; i < paid_suppliers; ++i) {
      // One draw per statement, the day first (random.h).
      const std::int64_t day = m_settlement_random.between(0, 2);
      const std::int64_t at = paid_from + day * k_day + m_settlement_random.between(k_hour, 10 * k_hour);
      payments.push_back({&merchant.paying_account(), &merchant.suppliers[i], payout * parts[i] / total, at});
    }
  }
}

void MoneyTrail::add_sweeps(std::size_t week, std::vector<Payment>& payments) {
  for (std::size_t day = week * 7; day < std::min(week * 7 + 7, m_daily_takings.size()); ++day) {
    const std::int64_t sweep_at = k_simulation_epoch_seconds + static_cast<std::int64_t>(day) * k_day + k_sweep_at;
    for (std::size_t index = 0; index < m_merchants.size(); ++index) {
      const Merchant& merchant = m_merchants[index];
      const Takings& takings = m_daily_takings[day][index];
      if (!merchant.main_account || takings.payments == 0) continue;
      payments.push_back({&merchant.account, &*merchant.main_account,
                          takings.usd / merchant.account.country->usd_per_unit,
                          sweep_at + m_sweep_random.between(0, k_hour - 1), true});
    }
  }
}

void MoneyTrail::add_client_invoices(std::size_t week, std::vector<Payment>& payments) {
  const auto first_day = static_cast<std::int64_t>(week) * 7;
  for (const Employer& employer : m_employers) {
    // The clients' invoices cover the year's payroll with a margin, whenever the salaries fell.
    const double income_usd = std::max(employer.payroll_usd, k_minimum_income_usd) * employer.margin;
    for (const Client& client : employer.clients) {
      std::vector<std::int64_t> due_days;
      if (client.cadence == Cadence::weekly) {
        due_days.push_back(first_day + client.due_day);
      } else {
        for (const std::int64_t month_start : k_month_start_days) {
          const std::int64_t day = month_start + client.due_day;
          if (day >= first_day && day < first_day + 7) due_days.push_back(day);
        }
      }
      const double per_invoice_usd = income_usd * client.share / (client.cadence == Cadence::weekly ? 52.0 : 12.0);
      for (const std::int64_t day : due_days) {
        if (day >= k_simulated_days) continue;
        const double usd = per_invoice_usd * (0.95 + 0.1 * m_settlement_random.unit());
        const std::int64_t at =
            k_simulation_epoch_seconds + day * k_day + m_settlement_random.between(k_hour, 10 * k_hour);
        payments.push_back({&client.account, &employer.account, usd / employer.account.country->usd_per_unit, at});
      }
    }
  }
}

LegitimateAccounts MoneyTrail::legitimate_accounts() const {
  LegitimateAccounts accounts;
  for (std::size_t index = 0; index < m_merchants.size(); ++index) {
    // A merchant's suppliers are paid main ones first, as many as its busiest week had customers; a
    // merchant no customer paid never appears.
    std::size_t busiest = 0;
    for (const std::vector<Takings>& week : m_weekly_takings) busiest = std::max(busiest, week[index].payments);
    if (busiest == 0) continue;
    const Merchant& merchant = m_merchants[index];
    accounts.merchants.push_back(bank_selector(merchant.account));
    if (merchant.main_account) accounts.merchant_main_accounts.push_back(bank_selector(*merchant.main_account));
    for (std::size_t i = 0; i < std::min(busiest, merchant.suppliers.size()); ++i) {
      accounts.suppliers.push_back(bank_selector(merchant.suppliers[i]));
    }
  }
  for (const Employer& employer : m_employers) {
    accounts.employers.push_back(bank_selector(employer.account));
    for (const Client& client : employer.clients) accounts.clients.push_back(bank_selector(client.account));
  }
  return accounts;
}

}  // namespace jala::simulate
