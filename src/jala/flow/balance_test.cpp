#include "jala/flow/reference_balance.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <vector>

#include "jala/flow/labelled_balance.h"

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

// A labelled balance gives each label exactly what a balance of its own would give that label's taint
// alone: the same money received and spent, in the same order, to the last bit.
template <class Labelled, class Single>
void expect_labels_agree_with_their_own_balances(std::uint64_t seed) {
  std::mt19937_64 random(seed);
  constexpr Label k_labels = 4;
  struct Operation {
    bool receipt;
    double usd;
    std::vector<LabelTaint> taints;  // of a receipt
  };
  for (int round = 0; round < 200; ++round) {
    std::vector<Operation> operations;
    std::vector<Leg> receipts;  // as the ledger lists an account's
    for (int op = 0; op < 60; ++op) {
      // Now and then a receipt of nothing, which is no lot.
      const double usd = random() % 20 == 0 ? 0.0 : static_cast<double>(1 + random() % 100'000) / 100;
      Operation& operation = operations.emplace_back(Operation{random() % 2 == 0, usd, {}});
      if (!operation.receipt) continue;
      receipts.push_back({usd, static_cast<TransferId>(op), 0, model::Channel::bank});
      for (Label label = 0; label < k_labels && usd > 0; ++label) {
        if (random() % 3 == 0) {
          operation.taints.push_back({label, usd * static_cast<double>(random() % 100 + 1) / 100, 1 + label});
        }
      }
    }
    Labelled labelled(receipts);
    std::vector<Single> single(k_labels);
    std::vector<bool> followed(k_labels, false);
    std::vector<LabelTaint> spent;
    for (std::size_t op = 0; op < operations.size(); ++op) {
      const Operation& operation = operations[op];
      if (operation.receipt) {
        labelled.receive(operation.usd, operation.taints);
        for (Label label = 0; label < k_labels; ++label) {
          const auto own = std::find_if(operation.taints.begin(), operation.taints.end(),
                                        [&](const LabelTaint& t) { return t.label == label; });
          if (own != operation.taints.end()) {
            followed[label] = true;
            single[label].receive(operation.usd, own->taint, own->hop);
          } else {
            single[label].receive(operation.usd, 0, 0);
          }
        }
      } else {
        labelled.spend(operation.usd, spent);
        std::map<Label, LabelTaint> by_label;
        for (const LabelTaint& paid : spent) by_label[paid.label] = paid;
        EXPECT_EQ(by_label.size(), spent.size()) << "one entry per label";
        for (Label label = 0; label < k_labels; ++label) {
          const Spent own = single[label].spend(operation.usd);
          const double got = by_label.contains(label) ? by_label[label].taint : 0;
          EXPECT_EQ(got, own.taint) << "round " << round << " op " << op << " label " << label;
          if (own.taint > 0) {
            EXPECT_EQ(by_label[label].hop, own.hop);
          }
          // As the tracers do: a label whose taint falls under a cent is dropped.
          if (followed[label] && single[label].approximate_taint() < 0.01) {
            ASSERT_TRUE(labelled.follows(label));
            EXPECT_EQ(labelled.approximate_taint(label), single[label].approximate_taint());
            labelled.clear(label);
            single[label].clear_taint();
            followed[label] = false;
          }
        }
      }
      for (Label label = 0; label < k_labels; ++label) EXPECT_EQ(labelled.follows(label), followed[label]);
    }
  }
}

TEST(LabelledFifoBalance, GivesEachLabelWhatItsOwnFifoBalanceGives) {
  expect_labels_agree_with_their_own_balances<LabelledFifoBalance, FifoBalance>(1);
}

TEST(LabelledProportionalBalance, GivesEachLabelWhatItsOwnProportionalBalanceGives) {
  expect_labels_agree_with_their_own_balances<LabelledProportionalBalance, ProportionalBalance>(2);
}

}  // namespace
}  // namespace jala::flow
