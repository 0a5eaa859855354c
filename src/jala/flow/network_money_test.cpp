#include "jala/flow/network_money.h"

#include <gtest/gtest.h>

#include "jala/flow/test_ledgers.h"

namespace jala::flow {
namespace {

TEST(NetworkMoney, CountsMoneyInOutAndBetweenTheNetworksAccounts) {
  // Network accounts 1 and 2. Victims 0 and 5 pay in; 1 pays 2; 2 pays the wallet 3 (which keeps it)
  // twice and the exchange 4 (which pays on) once.
  testing::TestLedger built(6);
  built.pay(0, 1, 100, 0).pay(5, 1, 50, 1).pay(1, 2, 145, 2).pay(2, 3, 60, 3).pay(2, 3, 40, 4).pay(2, 4, 45, 5);
  built.pay(4, 0, 1, 6);
  const Ledger ledger = built.build();
  const std::vector<AccountId> network{1, 2};
  const NetworkMoney money = network_money(ledger, network);
  EXPECT_DOUBLE_EQ(money.in_usd, 150);
  EXPECT_EQ(money.in_transfers, 2);
  EXPECT_DOUBLE_EQ(money.internal_usd, 145);
  EXPECT_DOUBLE_EQ(money.out_usd, 145);
  EXPECT_EQ(money.out_transfers, 3);
  ASSERT_EQ(money.exits.size(), 2);
  EXPECT_EQ(money.exits[0].account, 3);
  EXPECT_DOUBLE_EQ(money.exits[0].usd, 100);
  EXPECT_EQ(money.exits[0].transfers, 2);
  EXPECT_FALSE(money.exits[0].pays_on);
  EXPECT_TRUE(money.exits[1].pays_on);
  EXPECT_EQ(network_money(ledger, network, 1).exits.size(), 1);
}

// Found in review: an exit that had made a payment days before the network's money came was said to pay
// it on, though it kept all of it.
TEST(NetworkMoney, AnExitPaysOnOnlyWithPaymentsAfterTheNetworksMoneyCame) {
  // The exit 3 pays 4 at hour 0; the network's account 1 pays it at hour 5, and it pays nothing after.
  testing::TestLedger built(5);
  built.pay(3, 4, 500, 0).pay(0, 1, 1'000, 4).pay(1, 3, 980, 5);
  const Ledger ledger = built.build();
  const std::vector<AccountId> network{1};
  const NetworkMoney money = network_money(ledger, network);
  ASSERT_EQ(money.exits.size(), 1);
  EXPECT_EQ(money.exits[0].account, 3);
  EXPECT_FALSE(money.exits[0].pays_on);
}

}  // namespace
}  // namespace jala::flow
