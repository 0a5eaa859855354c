#include "jala/flow/balance.h"

#include <gtest/gtest.h>

namespace jala::flow {
namespace {

TEST(FifoBalance, SpendsTheOldestMoneyFirst) {
  FifoBalance balance;
  balance.receive(100, 0, 0);        // clean
  balance.receive(50, 50, 2);        // tainted, hop 2
  balance.receive(30, 0, 0);         // clean
  Spent spent = balance.spend(120);  // all the clean 100, then 20 of the tainted 50
  EXPECT_DOUBLE_EQ(spent.taint, 20);
  EXPECT_EQ(spent.hop, 2);
  spent = balance.spend(40);  // the other 30 tainted, then 10 clean
  EXPECT_DOUBLE_EQ(spent.taint, 30);
  EXPECT_DOUBLE_EQ(balance.taint(), 0);
  spent = balance.spend(1'000);  // more than the balance: the rest is of unknown, clean origin
  EXPECT_EQ(spent.taint, 0);
}

TEST(ProportionalBalance, EveryPaymentCarriesTheTaintedShare) {
  ProportionalBalance balance;
  balance.receive(75, 0, 0);
  balance.receive(25, 25, 1);
  Spent spent = balance.spend(40);  // a quarter tainted
  EXPECT_DOUBLE_EQ(spent.taint, 10);
  EXPECT_EQ(spent.hop, 1);
  EXPECT_DOUBLE_EQ(balance.taint(), 15);
  spent = balance.spend(500);  // beyond the balance: all that is left
  EXPECT_DOUBLE_EQ(spent.taint, 15);
  EXPECT_EQ(balance.taint(), 0);
  EXPECT_EQ(balance.spend(10).taint, 0);
}

}  // namespace
}  // namespace jala::flow
