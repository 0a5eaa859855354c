// Ledgers for the flow tests: small hand-made ones and random ones. Test-only.
#pragma once

#include <fmt/core.h>

#include <random>
#include <string>
#include <vector>

#include "jala/flow/ledger.h"

namespace jala::flow::testing {

inline constexpr std::int64_t k_hour_micros = 3'600LL * 1'000'000;

// A ledger in US dollars; accounts "bank:TESTBANK:<n>" for n in 0..accounts-1.
class TestLedger {
 public:
  // `money_checkpoint_every`: LedgerBuilder::set_money_checkpoint_every.
  explicit TestLedger(std::size_t accounts, std::size_t money_checkpoint_every = k_money_checkpoint_every) {
    m_builder.set_money_checkpoint_every(money_checkpoint_every);
    for (std::size_t a = 0; a < accounts; ++a) {
      m_builder.add_account({model::SelectorType::bank, fmt::format("testbank:{}", a)});
    }
  }
  // A transfer of `usd` dollars at `hour` hours.
  TestLedger& pay(AccountId from, AccountId to, double usd, std::int64_t hour,
                  model::Channel channel = model::Channel::bank) {
    m_ids.push_back(fmt::format("T{:06d}", m_ids.size()));
    (void)m_builder.add({"TEST", m_ids.back(), from, to, Timestamp{hour * k_hour_micros}, usd, "USD", channel});
    return *this;
  }
  Ledger build() { return std::move(m_builder).build(); }

 private:
  LedgerBuilder m_builder;
  std::vector<std::string> m_ids;
};

// `transfers` random transfers among `accounts` accounts over `hours` hours, some of them cash.
inline Ledger random_ledger(std::mt19937_64& random, std::size_t accounts, std::size_t transfers, std::int64_t hours,
                            std::size_t money_checkpoint_every = k_money_checkpoint_every) {
  TestLedger ledger(accounts, money_checkpoint_every);
  std::uniform_int_distribution<AccountId> account(0, static_cast<AccountId>(accounts - 1));
  std::uniform_int_distribution<std::int64_t> hour(0, hours);
  std::uniform_real_distribution<double> usd(1.0, 1'000.0);
  std::bernoulli_distribution cash(0.05);
  for (std::size_t t = 0; t < transfers; ++t) {
    // One draw after another: as arguments of one call, the compilers drew them in different orders, so
    // GCC's and Clang's builds tested different ledgers.
    const AccountId from = account(random);
    const AccountId to = account(random);
    const double amount = std::round(usd(random) * 100) / 100;
    const std::int64_t at = hour(random);
    const model::Channel channel = cash(random) ? model::Channel::cash : model::Channel::bank;
    ledger.pay(from, to, amount, at, channel);
  }
  return ledger.build();
}

}  // namespace jala::flow::testing
