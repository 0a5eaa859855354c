// The operations of the simulated scam economy and what each one owns. Operations sit in compounds;
// their sizes are heavy-tailed (Zipf over rank: a few big fish, many small ones), and what they own
// grows with their size: contact phones from several countries, messaging handles, fake investment
// and job sites, recruiters' handles, collector accounts in each victim country, second-layer mules,
// and crypto cash-out wallets. docs/simulator.md describes the model and its parameters.
//
// Operations are built once, before any report, and are the only state that grows with the size of
// the run (never with the number of reports beyond it). Values; not thread-safe to build.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "jala/model/selector.h"
#include "jala/simulate/identities.h"
#include "jala/simulate/random.h"
#include "jala/simulate/world.h"

namespace jala::simulate {

struct EconomyParameters {
  std::uint64_t seed = 1;
  std::size_t operations = 0;  // 0: chosen from the number of reports (docs/simulator.md)
  std::size_t reports = 0;     // reports that will be drawn; sizes the operations
  double size_exponent = 1.1;  // Zipf exponent of operation sizes over their rank
  std::size_t operations_per_compound = 4;
};

// A selector an operation uses with victims. `phone_country` is set for phone-keyed selectors, so
// that a report from that country may write the number in national form.
struct Contact {
  model::SelectorType type = model::SelectorType::phone;
  std::string value;  // canonical
  const Country* phone_country = nullptr;

  std::string typed() const { return std::string(model::to_string(type)) + ":" + value; }
};

struct Operation {
  std::string id;                    // "op-000001": rank 1 is the biggest
  std::string compound;              // "compound-0001"
  double weight = 0.0;               // share of all operation reports, summing to 1 over operations
  std::int64_t active_from_day = 0;  // days after the simulation epoch
  std::int64_t active_days = 0;
  std::vector<const Country*> victim_countries;
  std::vector<Contact> contacts;             // phones, messaging handles, sites, e-mail; first ones most used
  std::vector<Contact> recruiters;           // Telegram handles that post the lure ads
  std::vector<BankAccount> collectors;       // in victim countries; victims pay these
  std::vector<BankAccount> mules;            // second layer: collectors pass the money on to these
  std::vector<std::string> cashout_wallets;  // canonical wallet values
  std::size_t reports = 0;                   // counted while reports are drawn

  // Collectors in `country`; every victim country has at least one.
  std::vector<const BankAccount*> collectors_in(const Country& country) const;
};

class Economy {
 public:
  explicit Economy(const EconomyParameters& parameters);

  std::vector<Operation>& operations() { return m_operations; }
  const std::vector<Operation>& operations() const { return m_operations; }
  // An operation drawn with probability proportional to its weight.
  Operation& draw(Random& random);

 private:
  std::vector<Operation> m_operations;
  std::vector<double> m_cumulative_weight;
};

// The simulated year, 2025, in days from the simulation epoch (money.h): reports and the legitimate
// traffic at their times fall within it.
inline constexpr std::int64_t k_simulated_days = 365;

// The number of operations for `reports` reports when none is given.
std::size_t default_operations(std::size_t reports);

}  // namespace jala::simulate
