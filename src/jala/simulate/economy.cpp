#include "jala/simulate/economy.h"

#include <fmt/core.h>
#include <algorithm>
#include <cmath>

namespace jala::simulate {
namespace {

constexpr std::uint64_t k_operation_stream = 0x6f70;  // "op": one stream per operation, offset by its rank
constexpr std::size_t k_reports_per_operation = 150;
constexpr std::size_t k_max_operations = 20'000;
constexpr std::size_t k_max_contacts = 40;

// What an operation of `expected_reports` reports owns grows like its square root: a big operation
// runs many phones and accounts, but far fewer than it has victims, so they recur across reports.
std::size_t scaled(double expected_reports, double per_sqrt, std::size_t at_least, std::size_t at_most) {
  const auto count = static_cast<std::size_t>(std::lround(per_sqrt * std::sqrt(expected_reports)));
  return std::clamp(count, at_least, at_most);
}

const Country& victim_country(Random& random) {
  // Earlier countries in the table report more (Zipf over the table's order).
  return countries()[random.zipf_rank(countries().size(), 0.8)];
}

Contact messaging_contact(Random& random, const Country& phone_country) {
  switch (random.below(4)) {
    case 0: return {model::SelectorType::telegram, make_handle(random), nullptr};
    case 1: return {model::SelectorType::line, make_handle(random), nullptr};
    case 2: return {model::SelectorType::whatsapp, make_phone(random, phone_country), &phone_country};
    default: return {model::SelectorType::zalo, make_phone(random, phone_country), &phone_country};
  }
}

Operation make_operation(const EconomyParameters& parameters, std::size_t rank, double weight) {
  Random random(parameters.seed, k_operation_stream + rank);
  Operation operation;
  operation.id = fmt::format("op-{:06d}", rank + 1);
  operation.compound = fmt::format("compound-{:04d}", rank / parameters.operations_per_compound + 1);
  operation.weight = weight;
  const double expected_reports = weight * static_cast<double>(parameters.reports);
  operation.active_days =
      std::clamp<std::int64_t>(30 + static_cast<std::int64_t>(std::sqrt(expected_reports) * 10), 30, k_simulated_days);
  operation.active_from_day = random.between(0, k_simulated_days - operation.active_days);

  const std::size_t victim_countries = scaled(expected_reports, 0.25, 1, 6);
  while (operation.victim_countries.size() < victim_countries) {
    const Country* candidate = &victim_country(random);
    if (std::find(operation.victim_countries.begin(), operation.victim_countries.end(), candidate) ==
        operation.victim_countries.end()) {
      operation.victim_countries.push_back(candidate);
    }
  }
  const Country& compound_country = country(random.pick(compound_countries()));

  const std::size_t contacts = scaled(expected_reports, 0.6, 2, k_max_contacts);
  for (std::size_t i = 0; i < contacts; ++i) {
    // Phones come from the compound's country and from the victims' countries.
    const Country& phone_country =
        random.chance(0.5) ? compound_country : *operation.victim_countries[random.below(victim_countries)];
    switch (random.below(5)) {
      case 0:
        operation.contacts.push_back({model::SelectorType::phone, make_phone(random, phone_country), &phone_country});
        break;
      case 1:
        operation.contacts.push_back(
            {model::SelectorType::domain, make_site_domain(random, SiteTheme::investment), nullptr});
        break;
      case 2: {
        // One draw per statement, the domain first: the order GCC builds always drew them in (random.h).
        const std::string domain = make_site_domain(random, SiteTheme::job);
        std::string address = make_handle(random);
        address += '@';
        address += domain;
        operation.contacts.push_back({model::SelectorType::email, std::move(address), nullptr});
        break;
      }
      default: operation.contacts.push_back(messaging_contact(random, phone_country));
    }
  }
  const std::size_t recruiters = scaled(expected_reports, 0.15, 1, 10);
  for (std::size_t i = 0; i < recruiters; ++i) {
    operation.recruiters.push_back({model::SelectorType::telegram, make_handle(random), nullptr});
  }
  operation.recruiters.push_back({model::SelectorType::domain, make_site_domain(random, SiteTheme::job), nullptr});

  const std::size_t collectors_per_country =
      scaled(expected_reports / static_cast<double>(victim_countries), 0.2, 1, 8);
  for (const Country* each : operation.victim_countries) {
    for (std::size_t i = 0; i < collectors_per_country; ++i) {
      operation.collectors.push_back(make_bank_account(random, *each));
    }
  }
  const std::size_t mules = scaled(expected_reports, 0.1, 1, 12);
  for (std::size_t i = 0; i < mules; ++i) {
    const Country& mule_country = random.chance(0.5)
                                      ? compound_country
                                      : *random.pick(std::span<const Country* const>(operation.victim_countries));
    operation.mules.push_back(make_bank_account(random, mule_country));
  }
  const std::size_t wallets = scaled(expected_reports, 0.1, 1, 10);
  for (std::size_t i = 0; i < wallets; ++i) {
    const std::uint64_t chain = random.below(10);
    operation.cashout_wallets.push_back(make_wallet(random, chain < 7   ? Chain::tron
                                                            : chain < 9 ? Chain::ethereum
                                                                        : Chain::bitcoin));
  }
  return operation;
}

}  // namespace

std::size_t default_operations(std::size_t reports) {
  return std::clamp<std::size_t>(reports / k_reports_per_operation, 4, k_max_operations);
}

std::vector<const BankAccount*> Operation::collectors_in(const Country& in) const {
  std::vector<const BankAccount*> found;
  for (const BankAccount& account : collectors) {
    if (account.country == &in) found.push_back(&account);
  }
  return found;
}

Economy::Economy(const EconomyParameters& parameters) {
  const std::size_t count = parameters.operations != 0 ? parameters.operations : default_operations(parameters.reports);
  double total = 0.0;
  std::vector<double> weights;
  for (std::size_t rank = 0; rank < count; ++rank) {
    weights.push_back(std::pow(static_cast<double>(rank + 1), -parameters.size_exponent));
    total += weights.back();
  }
  double cumulative = 0.0;
  for (std::size_t rank = 0; rank < count; ++rank) {
    m_operations.push_back(make_operation(parameters, rank, weights[rank] / total));
    cumulative += weights[rank] / total;
    m_cumulative_weight.push_back(cumulative);
  }
}

Operation& Economy::draw(Random& random) {
  const double point = random.unit() * m_cumulative_weight.back();
  const auto found = std::upper_bound(m_cumulative_weight.begin(), m_cumulative_weight.end(), point);
  const auto rank = static_cast<std::size_t>(std::min<std::ptrdiff_t>(
      found - m_cumulative_weight.begin(), static_cast<std::ptrdiff_t>(m_operations.size()) - 1));
  return m_operations[rank];
}

}  // namespace jala::simulate
