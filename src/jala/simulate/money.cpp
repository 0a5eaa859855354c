#include "jala/simulate/money.h"

#include <fmt/core.h>
#include <cmath>
#include <nlohmann/json.hpp>

#include "jala/base/time.h"
#include "jala/simulate/simulator.h"

namespace jala::simulate {
namespace {

constexpr std::uint64_t k_pool_stream = 0x6d6f6e6579;  // "money"
constexpr std::size_t k_merchants = 64;
constexpr std::size_t k_employers = 16;
constexpr double k_usdt_per_usd = 1.0;
constexpr std::int64_t k_hour = 3'600;
constexpr std::int64_t k_day = 86'400;

std::string bank_selector(const BankAccount& account) { return "bank:" + account.canonical(); }

// Amounts in whole units for currencies without minor units in practice, else cents.
double rounded(double amount, std::string_view currency) {
  if (currency == "VND" || currency == "IDR" || currency == "KRW") return std::max(1.0, std::round(amount));
  return std::max(0.01, std::round(amount * 100.0) / 100.0);
}

}  // namespace

std::string format_time(std::int64_t unix_seconds) { return format_rfc3339(Timestamp{unix_seconds * 1'000'000}); }

MoneyTrail::MoneyTrail(std::uint64_t seed, SimulationOutput& output) : m_output(output) {
  Random random(seed, k_pool_stream);
  const Country& singapore = country("SG");
  BankAccount processor{&singapore.banks[0], &singapore, "0720118833"};
  m_merchants.push_back(processor);  // hubs().payment_processor_bank
  while (m_merchants.size() < k_merchants) m_merchants.push_back(make_bank_account(random, random.pick(countries())));
  while (m_employers.size() < k_employers) m_employers.push_back(make_bank_account(random, random.pick(countries())));
}

void MoneyTrail::write(std::string_view from, std::string_view to, double amount, std::string_view currency,
                       std::int64_t at_seconds, std::string_view channel, std::string_view reference) {
  nlohmann::ordered_json record;
  record["record"] = "transaction";
  record["id"] = fmt::format("TX-{:010d}", ++m_transactions);
  record["source"] = "SIM-PAYMENTS";
  record["from"] = from;
  record["to"] = to;
  record["amount"] = rounded(amount, currency);
  record["currency"] = currency;
  record["at"] = format_time(at_seconds);
  record["channel"] = channel;
  if (!reference.empty()) record["reference"] = reference;
  m_output.write_transaction(record.dump() + "\n");
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
      const BankAccount& merchant = m_merchants[random.zipf_rank(m_merchants.size(), 1.0)];
      write(bank_selector(make_bank_account(random, home)), bank_selector(merchant), amount, home.currency, at_seconds,
            "card", fmt::format("order {}", random.between(100'000, 999'999)));
      break;
    }
    case 1: {  // payroll: one employer pays many employees, salary-sized amounts
      const BankAccount& employer = m_employers[random.below(m_employers.size())];
      write(bank_selector(employer), bank_selector(make_bank_account(random, *employer.country)),
            (800.0 + 2'000.0 * random.unit()) / employer.country->usd_per_unit, employer.country->currency, at_seconds,
            "bank", "salary");
      break;
    }
    default:  // people paying each other
      write(bank_selector(make_bank_account(random, home)), bank_selector(make_bank_account(random, home)), amount,
            home.currency, at_seconds, "bank", "");
  }
}

}  // namespace jala::simulate
