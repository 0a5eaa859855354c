#include "jala/flow/suspects.h"

#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include <algorithm>
#include <array>

#include "jala/flow/features.h"
#include "jala/flow/test_ledgers.h"

namespace jala::flow {
namespace {

using testing::TestLedger;

const Suspect* find(const std::vector<Suspect>& suspects, AccountId account) {
  const auto found =
      std::find_if(suspects.begin(), suspects.end(), [&](const Suspect& s) { return s.account == account; });
  return found == suspects.end() ? nullptr : &*found;
}

// Accounts: 0 collector, 1 mule, 2 wallet, 3 merchant, 4 supplier, 5 employer, 6 client;
// victims, customers and employees from 100 on.
Ledger small_economy() {
  TestLedger built(400);
  AccountId next = 100;
  for (int day = 0; day < 28; ++day) {
    const std::int64_t hour = day * 24;
    // Two victims a day pay the collector, who forwards each payment within hours less a cut; the
    // mule buys crypto a day later.
    for (int v = 0; v < 2; ++v) {
      const double usd = 500 + 97 * ((day * 7 + v * 3) % 11);
      built.pay(next++, 0, usd, hour + v);
      built.pay(0, 1, usd * 0.98, hour + v + 3);
      built.pay(1, 2, usd * 0.97, hour + v + 20, model::Channel::crypto);
    }
    // Customers pay the merchant; once a week it pays a supplier part of the week's takings.
    for (int c = 0; c < 5; ++c) built.pay(next++, 3, 20 + 13 * c, hour + 8 + c);
    if (day % 7 == 6) built.pay(3, 4, 220, hour + 20);
    // The employer is paid by its client every week and pays salaries across the week.
    if (day % 7 == 0) built.pay(6, 5, 9'000, hour + 9);
    if (day % 2 == 0) built.pay(5, next++, 1'800 + 10 * day, hour + 30);
  }
  return built.build();
}

TEST(Suspects, FindsCollectorMuleAndCashOutButNotMerchantOrPayroll) {
  const Ledger ledger = small_economy();
  const std::vector<Suspect> suspects = find_suspects(ledger, {});
  const Suspect* collector = find(suspects, 0);
  const Suspect* mule = find(suspects, 1);
  const Suspect* wallet = find(suspects, 2);
  ASSERT_TRUE(collector && mule && wallet);
  EXPECT_EQ(collector->role, Role::collector);
  EXPECT_EQ(mule->role, Role::mule);
  EXPECT_EQ(wallet->role, Role::cashout);
  for (AccountId legitimate : {3, 4, 5, 6}) EXPECT_FALSE(find(suspects, legitimate)) << "account " << legitimate;
  EXPECT_EQ(suspects.size(), 3);
  // Every score comes with its reasons, the strongest first.
  EXPECT_NE(collector->why.front().find("within 48 hours"), std::string::npos) << collector->why.front();
  EXPECT_NE(wallet->why.front().find("suspect"), std::string::npos) << wallet->why.front();
  EXPECT_GT(wallet->held_usd, 0);
}

// Found in review: an account that got one cent from a collector and kept it scored 0.60 as a cash-out, so
// anyone could make an innocent account a suspect by sending it dust. Below US$100 from suspects, the
// evidence counts in proportion.
TEST(Suspects, DustFromASuspectMakesNoCashOut) {
  TestLedger built(400);
  AccountId next = 100;
  for (int day = 0; day < 28; ++day) {
    const std::int64_t hour = day * 24;
    const double usd = 500 + 97 * (day % 11);
    built.pay(next++, 0, usd, hour);
    built.pay(0, 1, usd * 0.98, hour + 3);
  }
  built.pay(0, 7, 0.01, 5);   // dust to an innocent account, 7
  built.pay(0, 8, 30, 6);     // a small payment, 8
  built.pay(0, 9, 2'000, 7);  // a real cash-out, 9
  const std::vector<Suspect> suspects = find_suspects(built.build(), {});
  ASSERT_TRUE(find(suspects, 0));
  EXPECT_FALSE(find(suspects, 7));
  EXPECT_FALSE(find(suspects, 8));
  const Suspect* cashout = find(suspects, 9);
  ASSERT_TRUE(cashout);
  EXPECT_EQ(cashout->role, Role::cashout);
  EXPECT_GE(cashout->score, 0.6);
}

// Found in review: an exit that had paid out its own earlier income kept all of a mule's 980 USD, but its
// lifetime share paid on (about a half) made it no cash-out, so the freeze list left it out. What it kept
// is judged from the first money a suspect sent it.
TEST(Suspects, AnExitThatPaidOutBeforeTheScamMoneyCameAndKeepsItIsACashOut) {
  TestLedger built(400);
  AccountId next = 100;
  built.pay(8, 7, 1'000, 0);  // the exit's own income, from 8, spent days later (to 9 and 10)
  built.pay(7, 9, 400, 3 * 24);
  built.pay(7, 10, 600, 5 * 24);
  for (int day = 0; day < 28; ++day) {
    const double usd = 500 + 97 * (day % 11);
    built.pay(next++, 0, usd, day * 24);
    built.pay(0, 1, usd * 0.98, day * 24 + 3);
    built.pay(1, 2, usd * 0.97, day * 24 + 5);
  }
  built.pay(1, 7, 980, 20 * 24 + 6);  // the mule pays the exit, which keeps it
  const Ledger ledger = built.build();
  const std::vector<Suspect> suspects = find_suspects(ledger, {});
  ASSERT_TRUE(find(suspects, 1));
  const Suspect* exit = find(suspects, 7);
  ASSERT_TRUE(exit);
  EXPECT_EQ(exit->role, Role::cashout);
  EXPECT_GE(exit->score, 0.6);
  EXPECT_DOUBLE_EQ(exit->held_usd, 980);
  EXPECT_EQ(exit->why.front(),
            "100% of what it holds came from 1 suspect(s), and it keeps it (it paid out 1000 USD before they paid it)");
  for (AccountId innocent : {8, 9, 10}) EXPECT_FALSE(find(suspects, innocent)) << "account " << innocent;
}

// Found in review (2026-12-07): victims (100–102) pay a collector (0), which forwards to a mule (1) within
// hours; the mule pays everything to an exit wallet (2) in one payment days later. The mule is a suspect
// only by its layering (money from the collector), so by the second round's scores alone its exit was fed
// by no suspect, and the freeze list left out the account that holds nine tenths of the money.
TEST(Suspects, TheExitOfAMuleThatIsASuspectOnlyByItsLayeringIsACashOut) {
  TestLedger built(200);
  const std::array<double, 3> paid = {1'000, 2'000, 1'500};
  for (int day = 0; day < 3; ++day) {
    built.pay(static_cast<AccountId>(100 + day), 0, paid[day], day * 24);
    built.pay(0, 1, paid[day] * 0.95, day * 24 + 5);
  }
  built.pay(1, 2, 4'000, 3 * 24, model::Channel::crypto);
  const std::vector<Suspect> suspects = find_suspects(built.build(), {});
  const Suspect* mule = find(suspects, 1);
  ASSERT_TRUE(mule);
  EXPECT_EQ(mule->role, Role::mule);
  const Suspect* exit = find(suspects, 2);
  ASSERT_TRUE(exit) << "the mule's exit is no suspect";
  EXPECT_EQ(exit->role, Role::cashout);
  EXPECT_DOUBLE_EQ(exit->score, 0.75);  // all of its money from a suspect (0.60), and by crypto (0.15)
  EXPECT_DOUBLE_EQ(exit->held_usd, 4'000);
}

// Found in the review of that change (2026-12-07): with one round more, not one per hop, a second slow mule
// (3) left its exit (2) out again. And a collector (0) that later keeps what two other collectors (4, 5) pay
// it must still feed its mule (1): the review saw that mule dropped when a cash-out's suspicion was zeroed
// (with another change of that day, since undone, that made the collector a cash-out).
TEST(Suspects, SuspicionReachesAnExitAlongAChainOfSlowHopsAndACollectorThatLaterKeepsStillFeedsItsMule) {
  for (const bool collector_later_keeps : {false, true}) {
    TestLedger built(200);
    const std::array<double, 3> paid = {1'000, 2'000, 1'500};
    for (int day = 0; day < 3; ++day) {
      built.pay(static_cast<AccountId>(100 + day), 0, paid[day], day * 24);
      built.pay(0, 1, paid[day] * 0.95, day * 24 + 5);
    }
    if (collector_later_keeps) {
      built.pay(1, 2, 4'000, 3 * 24, model::Channel::crypto);
      for (const AccountId other : {4, 5}) {
        for (int v = 0; v < 3; ++v) built.pay(static_cast<AccountId>(100 + v), other, 400, 4 * 24 + 4 * v);
        built.pay(other, 0, 1'100, 4 * 24 + 14, model::Channel::crypto);
      }
    } else {
      built.pay(1, 3, 4'000, 3 * 24);
      built.pay(3, 2, 2'000, 3 * 24 + 8, model::Channel::crypto);
      built.pay(3, 2, 1'900, 8 * 24 + 8, model::Channel::crypto);
    }
    const std::vector<Suspect> suspects = find_suspects(built.build(), {});
    SCOPED_TRACE(collector_later_keeps ? "the collector later keeps" : "a chain of two slow mules");
    const Suspect* mule = find(suspects, 1);
    ASSERT_TRUE(mule);
    EXPECT_EQ(mule->role, Role::mule);
    const Suspect* exit = find(suspects, 2);
    ASSERT_TRUE(exit);
    EXPECT_EQ(exit->role, Role::cashout);
    if (!collector_later_keeps) {
      ASSERT_TRUE(find(suspects, 3));
      EXPECT_EQ(find(suspects, 3)->role, Role::mule);
    }
  }
}

// A collector (0) and its mule (1), and an employer (5) paid by its client (6) weekly, which pays salaries
// three days later; the mule pays the employer 700 USD on `mule_pays_on_day`.
Ledger employer_paid_once_by_a_mule(int mule_pays_on_day) {
  TestLedger built(400);
  AccountId next = 100;
  for (int day = 0; day < 28; ++day) {
    const double usd = 500 + 97 * (day % 11);
    built.pay(next++, 0, usd, day * 24);
    built.pay(0, 1, usd * 0.98, day * 24 + 3);
    built.pay(1, 2, usd * 0.9, day * 24 + 5);
    if (day % 7 == 0) built.pay(6, 5, 4'000, day * 24 + 9);
    if (day % 7 == 3) built.pay(5, next++, 3'000, day * 24 + 10);
  }
  built.pay(1, 5, 700, mule_pays_on_day * 24 + 6);
  return built.build();
}

// An account that a suspect paid once and that then paid out as before, in other amounts and days later, keeps
// nothing of it: no cash-out.
TEST(Suspects, AnAccountThatPaysOnWhatASuspectSentItIsNoCashOut) {
  const std::vector<Suspect> suspects = find_suspects(employer_paid_once_by_a_mule(2), {});
  ASSERT_TRUE(find(suspects, 1));
  EXPECT_FALSE(find(suspects, 5));
}

// Found in review of the first version, which took the share of what the account received since the suspect
// paid it: a mule's payment after an employer's last salaries (day 24) was all it received since, so the
// employer, which holds 4,700 USD of its own besides, scored 0.6 as a cash-out.
TEST(Suspects, AnAccountPaidByASuspectAfterItsLastPaymentsIsNoCashOutForItsOwnMoney) {
  const std::vector<Suspect> suspects = find_suspects(employer_paid_once_by_a_mule(25), {});
  ASSERT_TRUE(find(suspects, 1));
  EXPECT_FALSE(find(suspects, 5));
}

TEST(Suspects, BeingNamedInReportsRaisesTheScoreAndSaysWhy) {
  const Ledger ledger = small_economy();
  const std::vector<Suspect> plain = find_suspects(ledger, {});
  const std::vector<ReportedAccount> reported{{1, 3, "N0007"}};
  const std::vector<Suspect> with_reports = find_suspects(ledger, reported);
  EXPECT_GT(find(with_reports, 1)->score, find(plain, 1)->score);
  EXPECT_EQ(find(with_reports, 1)->network, "N0007");
  const std::vector<std::string>& why = find(with_reports, 1)->why;
  EXPECT_TRUE(std::any_of(why.begin(), why.end(),
                          [](const std::string& w) { return w == "named in 3 report(s) of network N0007"; }));
}

// Found on the 10M simulation: a payment processor's account, a hub that 127,653 reports of unrelated
// networks name, earned the evidence of being named and ranked as a collector, and the two suppliers it pays
// as cash-outs. An account too common to link reports by is shown as named, and not counted.
TEST(Suspects, BeingNamedAsAHubOrABenignAccountIsNotCounted) {
  const Ledger ledger = small_economy();
  const std::vector<Suspect> plain = find_suspects(ledger, {});
  for (const auto& [naming, reason] :
       {std::pair{Naming::hub, "named in 3 report(s), but across unrelated networks, as a hub is (not counted)"},
        std::pair{Naming::benign, "named in 3 report(s), but on a warning list (not counted)"}}) {
    const std::vector<ReportedAccount> reported{{1, 3, "", naming}};
    const std::vector<Suspect> with_reports = find_suspects(ledger, reported);
    ASSERT_TRUE(find(with_reports, 1));
    EXPECT_EQ(find(with_reports, 1)->score, find(plain, 1)->score) << reason;
    EXPECT_EQ(find(with_reports, 1)->why.back(), reason);
  }
}

TEST(Suspects, TheParallelScanFindsWhatOneThreadFinds) {
  std::mt19937_64 random(7);
  // Many times k_accounts_per_task accounts, so that the scan is split across tasks.
  const Ledger ledger = testing::random_ledger(random, 40'000, 400'000, std::int64_t{24} * 60);
  const std::vector<Suspect> parallel = find_suspects(ledger, {});
  std::vector<Suspect> serial;
  {
    const tbb::global_control one_thread(tbb::global_control::max_allowed_parallelism, 1);
    serial = find_suspects(ledger, {});
  }
  ASSERT_GT(serial.size(), 50U);
  const auto [first, last] = std::minmax_element(
      serial.begin(), serial.end(), [](const Suspect& a, const Suspect& b) { return a.account < b.account; });
  ASSERT_GT(last->account - first->account, k_accounts_per_task) << "the suspects fall in one task";
  ASSERT_EQ(parallel.size(), serial.size());
  for (std::size_t i = 0; i < serial.size(); ++i) {
    EXPECT_EQ(parallel[i].account, serial[i].account) << "at " << i;
    EXPECT_EQ(parallel[i].score, serial[i].score) << "at " << i;
    EXPECT_EQ(parallel[i].why, serial[i].why) << "at " << i;
  }
}

// Found in review: an employer that pays twenty salaries within a day of its client's invoice scored as a
// collector (0.65), and its employees as cash-outs. Spreading money over many more accounts than pay it
// counts half as pass-through.
TEST(Suspects, AnEmployerPayingSalariesTheDayItIsPaidIsNoSuspect) {
  for (const int invoices : {1, 4}) {
    TestLedger built(30);  // 0 client, 1 employer, employees from 10
    for (int month = 0; month < invoices; ++month) {
      const std::int64_t hour = month * 30 * 24;
      built.pay(0, 1, 40'000, hour);
      for (AccountId employee = 10; employee < 30; ++employee) built.pay(1, employee, 2'000, hour + 15 + employee % 8);
    }
    const std::vector<Suspect> suspects = find_suspects(built.build(), {});
    EXPECT_TRUE(suspects.empty()) << invoices << " invoice(s): " << suspects.size() << " suspects, first "
                                  << (suspects.empty() ? 0 : suspects.front().account);
  }
}

// Found in review: an employer paying one salary a month was a "one-time payer", so the employee, whose rent
// left the day after, scored as a collector and the landlord as a cash-out. A payer whose payments recur a
// month apart in the same amount is none; one that pays three times within days still is (a victim).
TEST(Suspects, AMonthlySalaryPaidOnAsRentMakesNoSuspects) {
  TestLedger built(3);  // 0 employer, 1 employee, 2 landlord
  for (int month = 0; month < 3; ++month) {
    const std::int64_t hour = month * 30 * 24;
    built.pay(0, 1, 2'000, hour);
    built.pay(1, 2, 1'500, hour + 24);
  }
  EXPECT_TRUE(find_suspects(built.build(), {}).empty());

  TestLedger scam(3);  // the same payments three days apart: a victim paying a collector
  for (int day = 0; day < 3; ++day) {
    scam.pay(0, 1, 2'000, day * 72);
    scam.pay(1, 2, 1'950, day * 72 + 2);
  }
  const std::vector<Suspect> suspects = find_suspects(scam.build(), {});
  const Suspect* collector = find(suspects, 1);
  ASSERT_NE(collector, nullptr);
  EXPECT_EQ(collector->role, Role::collector);
}

// Found in review: the examples' task-scam victim, paid a "commission" by the scam's account and then paying it
// twenty times as much, scored as a mule: the commission was "out within 48 hours" in its larger payment. An
// account paying out three times what it receives spends its own money, and its pass-through does not count.
TEST(Suspects, AVictimToppingUpAfterACommissionIsNoMule) {
  TestLedger built(5);  // 0 victim, 1 scam account, 2 another victim, 3 mule, 4 wallet
  built.pay(0, 1, 1'000, 0);
  built.pay(1, 0, 1'300, 1);  // the commission
  built.pay(0, 1, 20'000, 24);
  built.pay(2, 1, 15'000, 25);
  built.pay(1, 3, 34'500, 30);
  built.pay(3, 4, 34'000, 44, model::Channel::crypto);
  const std::vector<Suspect> suspects = find_suspects(built.build(), {});
  EXPECT_EQ(find(suspects, 0), nullptr);
  EXPECT_NE(find(suspects, 1), nullptr);
}

// Found in review: a merchant that sweeps each day's card takings to an account of its own scored as a
// collector (rapid pass-through, fan-in that narrows, one-time payers). Paying one account once a day at
// the same time of day is a schedule, and its pass-through does not count; forwarding each payment as it
// comes, or twice in a day, is none.
TEST(Suspects, AMerchantSweepingEachDaysTakingsToItsOwnAccountIsNoSuspect) {
  // 0 merchant, 1 its main account, 2 supplier; 3 and 4 collectors, 5 and 6 their mules; payers from 100.
  TestLedger built(400);
  AccountId next = 100;
  for (int day = 0; day < 28; ++day) {
    const std::int64_t hour = day * 24;
    double takings = 0;
    for (int c = 0; c < 3; ++c) {
      const double usd = 40 + 17 * ((day + c) % 4);
      built.pay(next++, 0, usd, hour + 9 + 4 * c);
      takings += usd;
    }
    built.pay(0, 1, takings, hour + 23);
    if (day % 7 == 6) built.pay(1, 2, 3 * takings, hour + 26);
    // A collector forwards each victim's payment three hours after it comes, whenever that is.
    const double lost = 400 + 37 * (day % 5);
    built.pay(next++, 3, lost, hour + (day * 5) % 19);
    built.pay(3, 5, lost * 0.98, hour + (day * 5) % 19 + 3);
    // Another forwards at fixed hours, but two payments a day.
    for (int v = 0; v < 2; ++v) {
      built.pay(next++, 4, lost, hour + 1 + v);
      built.pay(4, 6, lost * 0.98, hour + 5 + v);
    }
  }
  const Ledger ledger = built.build();
  const base::HugePageVector<AccountFeatures> features = measure_accounts(ledger);
  EXPECT_EQ(features[0].scheduled_payments, 28U);
  EXPECT_EQ(features[0].payments_out, 28U);
  EXPECT_LT(features[3].scheduled_payments, 10U);
  EXPECT_EQ(features[4].scheduled_payments, 0U);  // two a day: no schedule

  const std::vector<Suspect> suspects = find_suspects(ledger, {});
  EXPECT_FALSE(find(suspects, 0));
  for (const AccountId collector : {3, 4}) {
    const Suspect* found = find(suspects, collector);
    ASSERT_TRUE(found) << "account " << collector;
    EXPECT_EQ(found->role, Role::collector);
  }
}

TEST(Suspects, AnEmptyLedgerHasNone) { EXPECT_TRUE(find_suspects(LedgerBuilder().build(), {}).empty()); }

}  // namespace
}  // namespace jala::flow
