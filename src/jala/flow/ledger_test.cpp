#include "jala/flow/ledger.h"

#include <gtest/gtest.h>

#include "jala/flow/test_ledgers.h"

namespace jala::flow {
namespace {

TEST(Ledger, OrdersTransfersInTimeAndIndexesThemByAccount) {
  testing::TestLedger built(4);  // account 3 takes no part
  built.pay(0, 1, 10, 5).pay(1, 2, 9, 7).pay(0, 2, 4, 1).pay(2, 0, 1, 7, model::Channel::cash);
  const Ledger ledger = built.build();
  ASSERT_EQ(ledger.transfer_count(), 4);
  // Times 1, 5, 7, 7: the tie is broken by id (T000001 before T000003).
  EXPECT_EQ(ledger.record_id(0), "T000002");
  EXPECT_EQ(ledger.record_id(1), "T000000");
  EXPECT_EQ(ledger.record_id(2), "T000001");
  EXPECT_EQ(ledger.record_id(3), "T000003");
  EXPECT_EQ(ledger.source(3), "TEST");
  EXPECT_EQ(ledger.currency(3), "USD");
  EXPECT_EQ(std::vector<TransferId>(ledger.outgoing(0).begin(), ledger.outgoing(0).end()),
            (std::vector<TransferId>{0, 1}));
  EXPECT_EQ(std::vector<TransferId>(ledger.incoming(2).begin(), ledger.incoming(2).end()),
            (std::vector<TransferId>{0, 2}));
  EXPECT_TRUE(ledger.outgoing(1).size() == 1 && ledger.incoming(0).size() == 1);
  // Each account's transfers again as legs, in the same order, with their dollars, the other account
  // and the channel.
  const std::span<const Leg> paid = ledger.payments(0);
  ASSERT_EQ(paid.size(), 2);
  EXPECT_TRUE(paid[0].transfer == 0 && paid[0].usd == 4 && paid[0].other == 2 &&
              paid[0].channel == model::Channel::bank);
  EXPECT_TRUE(paid[1].transfer == 1 && paid[1].usd == 10 && paid[1].other == 1);
  const std::span<const Leg> got = ledger.receipts(2);
  ASSERT_EQ(got.size(), 2);
  EXPECT_TRUE(got[0].transfer == 0 && got[0].usd == 4 && got[0].other == 0);
  EXPECT_TRUE(got[1].transfer == 2 && got[1].usd == 9 && got[1].other == 1);
  EXPECT_EQ(ledger.payments(2)[0].channel, model::Channel::cash);
  // Account 1 first receives transfer 1 (0 pays it at hour 5); account 0 receives last, transfer 3.
  EXPECT_FALSE(ledger.received_before(1, 1));
  EXPECT_TRUE(ledger.received_before(1, 2));
  EXPECT_FALSE(ledger.received_before(3, 4)) << "an account that receives nothing";
  EXPECT_TRUE(ledger.makes_payments(0) && ledger.makes_payments(1) && ledger.makes_payments(2));
  EXPECT_FALSE(ledger.makes_payments(3));
  // The window as transfer bounds: the first at or after its start, the first after its end.
  EXPECT_EQ(ledger.begin_of(Timestamp{0}), 0);
  EXPECT_EQ(ledger.begin_of(Timestamp{2 * testing::k_hour_micros}), 1);
  EXPECT_EQ(ledger.begin_of(Timestamp{8 * testing::k_hour_micros}), 4);
  EXPECT_EQ(ledger.end_of(Timestamp{0}), 0);
  EXPECT_EQ(ledger.end_of(Timestamp{5 * testing::k_hour_micros}), 2);
  EXPECT_EQ(ledger.end_of(Timestamp{7 * testing::k_hour_micros}), 4);
  EXPECT_EQ(ledger.end_of(Timestamp{INT64_MAX}), 4);
}

// Every two of an account's transfers, the money it then holds under each rule, as a trace with no
// money of its own there would hold it.
TEST(Ledger, SetsMoneyCheckpointsEveryFewTransfersOfAnAccount) {
  testing::TestLedger built(3, 2);
  // Account 1 receives 10 and 20, pays 15, receives 5, pays 40 (more than it holds), receives 1.
  built.pay(0, 1, 10, 1).pay(0, 1, 20, 2).pay(1, 2, 15, 3).pay(0, 1, 5, 4).pay(1, 2, 40, 5).pay(2, 1, 1, 6);
  const Ledger ledger = built.build();
  const std::span<const MoneyCheckpoint> checkpoints = ledger.money_checkpoints(1);
  ASSERT_EQ(checkpoints.size(), 3);
  // After 10 and 20 came in: FIFO's first lot is the 10, whole; the balance 30.
  EXPECT_EQ(checkpoints[0].through, 1);
  EXPECT_TRUE(checkpoints[0].receipts == 2 && checkpoints[0].payments == 0);
  EXPECT_TRUE(checkpoints[0].fifo_front == 0 && checkpoints[0].fifo_front_usd == 10 && checkpoints[0].usd == 30);
  // After 15 paid and 5 received: the 10 is spent and 15 of the 20 is left; the balance 20.
  EXPECT_EQ(checkpoints[1].through, 3);
  EXPECT_TRUE(checkpoints[1].receipts == 3 && checkpoints[1].payments == 1);
  EXPECT_TRUE(checkpoints[1].fifo_front == 1 && checkpoints[1].fifo_front_usd == 15 && checkpoints[1].usd == 20);
  // 40 paid takes all 20 there is; then the 1 received is the only lot left.
  EXPECT_EQ(checkpoints[2].through, 5);
  EXPECT_TRUE(checkpoints[2].receipts == 4 && checkpoints[2].payments == 2);
  EXPECT_TRUE(checkpoints[2].fifo_front == 3 && checkpoints[2].fifo_front_usd == 1 && checkpoints[2].usd == 1);
  // Account 0 made three transfers: one checkpoint; account 2 made three.
  EXPECT_EQ(ledger.money_checkpoints(0).size(), 1);
  EXPECT_EQ(ledger.money_checkpoints(2).size(), 1);
  // At the shipped interval, accounts with few transfers have none.
  testing::TestLedger few(2);
  few.pay(0, 1, 10, 1);
  EXPECT_TRUE(few.build().money_checkpoints(1).empty());
}

// A payment from an account to itself moves no money: it is no hop and no flow, only counted.
TEST(Ledger, LeavesOutPaymentsFromAnAccountToItself) {
  testing::TestLedger built(2);
  built.pay(0, 1, 10, 1).pay(1, 1, 10, 2).pay(1, 1, 10, 3).pay(1, 0, 10, 4);
  const Ledger ledger = built.build();
  EXPECT_EQ(ledger.transfer_count(), 2);
  EXPECT_EQ(ledger.self_transfers(), 2);
  EXPECT_EQ(ledger.receipts(1).size(), 1);
  EXPECT_EQ(ledger.payments(1).size(), 1);
}

// Found in review: with a date-only export, ids compared as text put "10" before "9", so a mule's
// payment came before the money that funds it.
TEST(Ledger, OrdersTransfersAtOneInstantByTheNumbersInTheirIds) {
  LedgerBuilder builder;
  const AccountId victim = builder.add_account({model::SelectorType::bank, "testbank:victim"});
  const AccountId mule = builder.add_account({model::SelectorType::bank, "testbank:mule"});
  const Timestamp day{20 * 24 * testing::k_hour_micros};
  for (const std::string_view id : {"TX-10", "7", "TX-9", "TX-9b", "007", "TX-010", "TX-", "tx-1", "10"}) {
    ASSERT_TRUE(builder.add({"BANK", id, victim, mule, day, 1, "USD", model::Channel::bank}).ok());
  }
  const Ledger ledger = std::move(builder).build();
  std::vector<std::string_view> order;
  for (TransferId t = 0; t < ledger.transfer_count(); ++t) order.push_back(ledger.record_id(t));
  EXPECT_EQ(order,
            (std::vector<std::string_view>{"007", "7", "10", "TX-", "TX-9", "TX-9b", "TX-010", "TX-10", "tx-1"}));
}

TEST(Ledger, FindsAccountsBySelector) {
  testing::TestLedger built(1000);
  const Ledger ledger = built.build();
  for (AccountId a = 0; a < 1000; ++a) EXPECT_EQ(ledger.find(ledger.account(a)), a);
  EXPECT_FALSE(ledger.find({model::SelectorType::bank, "testbank:1000"}));
  EXPECT_FALSE(ledger.find({model::SelectorType::iban, "testbank:1"}));
}

// Each transfer is found by its time, source and id, whether or not others share its time; nothing is
// found when any of the three differs.
TEST(Ledger, FindsATransferByTimeSourceAndId) {
  std::mt19937_64 random(11);
  const Ledger ledger = testing::random_ledger(random, 50, 2'000, 100);  // about 20 transfers an hour
  std::vector<TransferId> got;
  std::vector<TransferId> want;
  for (TransferId t = 0; t < ledger.transfer_count(); ++t) {
    want.push_back(t);
    got.push_back(ledger.find_transfer(ledger.transfer(t).at, ledger.source(t), ledger.record_id(t)).value_or(~0U));
  }
  EXPECT_EQ(got, want);
  const Timestamp at = ledger.transfer(0).at;
  EXPECT_FALSE(ledger.find_transfer(Timestamp{at.unix_micros + 1}, "TEST", ledger.record_id(0)));
  EXPECT_FALSE(ledger.find_transfer(at, "OTHER", ledger.record_id(0)));
  EXPECT_FALSE(ledger.find_transfer(at, "TEST", "T999999"));
  EXPECT_FALSE(Ledger().find_transfer(at, "TEST", "T000000"));
}

TEST(Ledger, ConvertsToUsdAndCountsUnpricedCurrencies) {
  LedgerBuilder builder;
  const AccountId a = builder.add_account({model::SelectorType::bank, "x:1"});
  const AccountId b = builder.add_account({model::SelectorType::bank, "x:2"});
  ASSERT_TRUE(builder.add({"S", "1", a, b, Timestamp{0}, 100, "USD", model::Channel::bank}).ok());
  ASSERT_TRUE(builder.add({"S", "2", a, b, Timestamp{1}, 100, "XXX", model::Channel::bank}).ok());
  EXPECT_FALSE(builder.add({"S", "3", a, 7, Timestamp{1}, 1, "USD", model::Channel::bank}).ok());
  const Ledger ledger = std::move(builder).build();
  EXPECT_DOUBLE_EQ(ledger.transfer(0).usd, 100);
  EXPECT_EQ(ledger.transfer(1).usd, 0);
  EXPECT_EQ(ledger.unpriced_transfers(), 1);
}

}  // namespace
}  // namespace jala::flow
