#include "jala/flow/trace.h"

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <set>

#include "jala/flow/reference_balance.h"
#include "jala/flow/test_ledgers.h"

namespace jala::flow {
namespace {

using testing::k_hour_micros;
using testing::TestLedger;
using EndpointSums = std::map<std::pair<AccountId, EndReason>, double>;

EndpointSums sums(const Trace& trace) {
  EndpointSums sums;
  for (const Endpoint& end : trace.endpoints) sums[{end.account, end.reason}] += end.taint_usd;
  return sums;
}

// The reference tracer: every account's balance from the first transfer to the last, in one pass
// over the whole ledger. Slow and plain, written from the rules in trace.h, not from pass.h.
struct ReferenceTrace {
  double seeded = 0;
  std::vector<Hop> hops;
  EndpointSums endpoints;
};

template <typename Balance>
ReferenceTrace reference_trace(const Ledger& ledger, const std::set<TransferId>& seeds, const TraceOptions& options) {
  ReferenceTrace result;
  std::set<AccountId> origins;
  for (const TransferId seed : seeds) origins.insert(ledger.transfer(seed).from);
  std::vector<std::optional<TransferId>> last_payment(ledger.account_count());
  for (TransferId t = 0; t < ledger.transfer_count(); ++t) {
    if (ledger.transfer(t).at <= options.until) last_payment[ledger.transfer(t).from] = t;
  }
  std::vector<Balance> balances(ledger.account_count());
  std::vector<bool> holds_taint(ledger.account_count(), false);
  const auto end = [&](AccountId account, EndReason reason, double taint) {
    if (taint > 0) result.endpoints[{account, reason}] += taint;
  };
  for (TransferId t = 0; t < ledger.transfer_count(); ++t) {
    const Transfer& transfer = ledger.transfer(t);
    if (transfer.at > options.until) break;
    Spent spent;
    if (seeds.contains(t)) {
      spent = {transfer.usd, 0};
      result.seeded += transfer.usd;
    } else {
      spent = balances[transfer.from].spend(transfer.usd);
    }
    const bool spent_from_holder = !seeds.contains(t) && holds_taint[transfer.from];
    const std::uint32_t hop = spent.hop + 1;
    if (spent.taint > 0 && hop > options.max_hops) {
      end(transfer.from, EndReason::max_hops, spent.taint);
      spent.taint = 0;
    }
    if (spent.taint > 0 && spent.taint < k_dust_usd) {
      end(transfer.from, EndReason::dust, spent.taint);
      spent.taint = 0;
    }
    if (spent.taint > 0) {
      result.hops.push_back({t, spent.taint, hop});
      std::optional<EndReason> stop;
      if (transfer.channel == model::Channel::cash) {
        stop = EndReason::cash;
      } else if (options.cashout_accounts.contains(transfer.to)) {
        stop = EndReason::cashout;
      } else if (origins.contains(transfer.to)) {
        stop = EndReason::returned;
      } else if (!holds_taint[transfer.to] && !(last_payment[transfer.to] && *last_payment[transfer.to] > t)) {
        stop = EndReason::no_outflow;
      }
      if (stop) {
        end(transfer.to, *stop, spent.taint);
        spent.taint = 0;
      } else {
        holds_taint[transfer.to] = true;
      }
    }
    balances[transfer.to].receive(transfer.usd, spent.taint, hop);
    // An account whose taint is spent, or under a cent, is no longer followed: the rest is dust.
    if (spent_from_holder && holds_taint[transfer.from] && balances[transfer.from].approximate_taint() < k_dust_usd) {
      end(transfer.from, EndReason::dust, balances[transfer.from].clear_taint());
      holds_taint[transfer.from] = false;
    }
  }
  for (AccountId a = 0; a < ledger.account_count(); ++a) {
    if (holds_taint[a] && balances[a].taint() > 0) end(a, EndReason::held, balances[a].taint());
  }
  return result;
}

ReferenceTrace reference(const Ledger& ledger, const std::set<TransferId>& seeds, const TraceOptions& options) {
  if (options.rule == TaintRule::fifo) return reference_trace<FifoBalance>(ledger, seeds, options);
  return reference_trace<ProportionalBalance>(ledger, seeds, options);
}

// Conservation, and no tainted payment before the taint that funds it.
void expect_properties(const Ledger& ledger, const Trace& trace) {
  double ended = 0;
  for (const Endpoint& end : trace.endpoints) ended += end.taint_usd;
  EXPECT_NEAR(ended, trace.seeded_usd, 1e-9 * std::max(1.0, trace.seeded_usd));
  std::map<AccountId, double> balance;  // tainted money in minus out, per account, along the hops
  for (const Hop& hop : trace.hops) {
    const Transfer& transfer = ledger.transfer(hop.transfer);
    if (hop.hop > 1) {
      balance[transfer.from] -= hop.taint_usd;
      EXPECT_GE(balance[transfer.from], -1e-9 * std::max(1.0, trace.seeded_usd))
          << "transfer " << hop.transfer << " carries taint its sender had not received";
    }
    balance[transfer.to] += hop.taint_usd;
  }
}

TEST(Trace, FollowsAVictimPaymentThroughTheMulesToTheWallet) {
  // 0 victim, 1 collector, 2 mule, 3 wallet; 4 pays the collector clean money first.
  TestLedger built(5);
  built
      .pay(4, 1, 300, 0)     // clean money the collector already holds
      .pay(0, 1, 1'000, 10)  // the victim's payment
      .pay(1, 2, 1'200, 12)  // FIFO: 300 clean, then 900 of the victim's
      .pay(2, 3, 1'150, 20, model::Channel::crypto)
      .pay(1, 2, 100, 30);  // the last 100 of the victim's money
  const Ledger ledger = built.build();
  const std::vector<TransferId> seeds{1};
  const Trace trace = trace_transfers(ledger, seeds, {});
  EXPECT_DOUBLE_EQ(trace.seeded_usd, 1'000);
  ASSERT_EQ(trace.hops.size(), 4);
  EXPECT_EQ(trace.hops[1].transfer, 2);
  EXPECT_DOUBLE_EQ(trace.hops[1].taint_usd, 900);
  EXPECT_EQ(trace.hops[1].hop, 2);
  // One payment is one lot: the mule's 1,150 out of the 1,200 it got carry 1,150/1,200 of its 900.
  EXPECT_DOUBLE_EQ(trace.hops[2].taint_usd, 862.5);
  EXPECT_EQ(trace.hops[2].hop, 3);
  EXPECT_DOUBLE_EQ(trace.hops[3].taint_usd, 100);
  const EndpointSums ends = sums(trace);
  EXPECT_DOUBLE_EQ((ends.at({3, EndReason::no_outflow})), 862.5);
  EXPECT_DOUBLE_EQ((ends.at({2, EndReason::held})), 137.5);  // still with the mule: it paid nothing after
  expect_properties(ledger, trace);
}

TEST(Trace, ProportionalRuleDilutesByTheBalance) {
  TestLedger built(4);
  built.pay(3, 1, 300, 0).pay(0, 1, 100, 1).pay(1, 2, 200, 2);
  const Ledger ledger = built.build();
  TraceOptions options;
  options.rule = TaintRule::proportional;
  const std::vector<TransferId> seeds{1};
  const Trace trace = trace_transfers(ledger, seeds, options);
  ASSERT_EQ(trace.hops.size(), 2);
  EXPECT_DOUBLE_EQ(trace.hops[1].taint_usd, 50);  // a quarter of the 400 was tainted
  const EndpointSums ends = sums(trace);
  EXPECT_DOUBLE_EQ((ends.at({1, EndReason::held})), 50);
  EXPECT_DOUBLE_EQ((ends.at({2, EndReason::no_outflow})), 50);
}

// Found in review: an account's proportional pool kept the hop count of taint it had paid out long before,
// so later money through the same mule was stopped by --max-hops too early, in the wrong account.
TEST(Trace, ProportionalTaintInAnEmptyPoolCountsItsOwnHops) {
  // 0 pays along 1, 2, 3 to 4 (hops 1 to 4), emptying 3; later it pays 3 again (hop 1), then on to 6.
  TestLedger built(7);
  built.pay(0, 1, 100, 1).pay(1, 2, 100, 2).pay(2, 3, 100, 3).pay(3, 4, 100, 4);
  built.pay(0, 3, 50, 5).pay(3, 5, 50, 6).pay(5, 6, 50, 7);
  const Ledger ledger = built.build();
  TraceOptions options;
  options.rule = TaintRule::proportional;
  options.max_hops = 4;
  const Trace trace = trace_account(ledger, 0, options);
  ASSERT_EQ(trace.hops.size(), 7U);
  std::map<TransferId, std::uint32_t> hops;
  for (const Hop& hop : trace.hops) hops[hop.transfer] = hop.hop;
  EXPECT_EQ(hops, (std::map<TransferId, std::uint32_t>{{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 1}, {5, 2}, {6, 3}}));
  const EndpointSums ends = sums(trace);
  EXPECT_DOUBLE_EQ((ends.at({4, EndReason::no_outflow})), 100);
  EXPECT_DOUBLE_EQ((ends.at({6, EndReason::no_outflow})), 50);
  EXPECT_EQ(ends.size(), 2U);
  expect_properties(ledger, trace);
}

TEST(Trace, StopsAtCashOffRampsHopLimitsAndTheWindow) {
  TestLedger built(6);
  built.pay(0, 1, 100, 0).pay(1, 2, 60, 1, model::Channel::cash).pay(1, 3, 40, 2).pay(3, 4, 40, 3).pay(4, 5, 40, 50);
  const Ledger ledger = built.build();
  const std::vector<TransferId> seeds{0};
  TraceOptions options;
  options.max_hops = 3;
  EndpointSums ends = sums(trace_transfers(ledger, seeds, options));
  EXPECT_DOUBLE_EQ((ends.at({2, EndReason::cash})), 60);
  EXPECT_DOUBLE_EQ((ends.at({4, EndReason::max_hops})), 40);

  options = {};
  options.until = Timestamp{10 * k_hour_micros};  // the last payment is outside the window
  ends = sums(trace_transfers(ledger, seeds, options));
  EXPECT_DOUBLE_EQ((ends.at({4, EndReason::no_outflow})), 40);

  options = {};
  options.cashout_accounts = {3};
  ends = sums(trace_transfers(ledger, seeds, options));
  EXPECT_DOUBLE_EQ((ends.at({3, EndReason::cashout})), 40);
}

TEST(Trace, MoneyThatComesBackToTheTracedAccountStopsThere) {
  TestLedger built(3);
  built.pay(0, 1, 100, 0).pay(1, 2, 100, 1).pay(2, 0, 90, 2).pay(2, 1, 5, 3).pay(1, 0, 1, 4);
  const Ledger ledger = built.build();
  const Trace trace = trace_account(ledger, 0, {});
  EXPECT_DOUBLE_EQ(trace.seeded_usd, 100);
  const EndpointSums ends = sums(trace);
  EXPECT_DOUBLE_EQ((ends.at({0, EndReason::returned})), 91);
  EXPECT_DOUBLE_EQ((ends.at({1, EndReason::held})), 4);
  EXPECT_DOUBLE_EQ((ends.at({2, EndReason::held})), 5);
  expect_properties(ledger, trace);
}

TEST(TraceBack, FindsTheVictimsWhoseMoneyReachedAMule) {
  // Victims 0 and 1 pay collector 2, which pays mule 3; victim 4 pays collector 5, which pays someone else.
  TestLedger built(7);
  built.pay(0, 2, 100, 0).pay(1, 2, 50, 1).pay(2, 3, 150, 2).pay(4, 5, 70, 3).pay(5, 6, 70, 4).pay(0, 5, 10, 5);
  const Ledger ledger = built.build();
  const std::vector<Funding> funding = trace_back(ledger, 3, {});
  ASSERT_EQ(funding.size(), 2);
  EXPECT_EQ(ledger.transfer(funding[0].payment).from, 0);
  EXPECT_DOUBLE_EQ(funding[0].reached_usd, 100);
  EXPECT_EQ(ledger.transfer(funding[1].payment).from, 1);
  EXPECT_DOUBLE_EQ(funding[1].reached_usd, 50);
}

// Found in review: a victim paid back later (a refund, a scam's "commission") was no longer an origin,
// so `trace --back` lost its payment. Only money received before a payment makes the payer a mule.
TEST(TraceBack, AVictimPaidBackLaterIsStillAnOrigin) {
  // Victim 0 pays collector 1, which pays mule 2; four days later 1 pays 0 a "commission".
  TestLedger built(3);
  built.pay(0, 1, 1000, 0).pay(1, 2, 900, 1).pay(1, 0, 50, 4 * 24);
  const Ledger ledger = built.build();
  const std::vector<Funding> funding = trace_back(ledger, 2, {});
  ASSERT_EQ(funding.size(), 1);
  EXPECT_EQ(ledger.transfer(funding[0].payment).from, 0);
  EXPECT_DOUBLE_EQ(funding[0].reached_usd, 900);
}

// Options of the property tests: either rule, 1 to 10 hops, sometimes a window's end, sometimes an off-ramp.
TraceOptions random_options(std::mt19937_64& random, std::size_t accounts) {
  TraceOptions options;
  options.rule = random() % 2 == 0 ? TaintRule::fifo : TaintRule::proportional;
  options.max_hops = 1 + static_cast<std::uint32_t>(random() % 10);
  if (random() % 3 == 0) options.until = Timestamp{static_cast<std::int64_t>(random() % 100) * k_hour_micros};
  if (random() % 3 == 0) options.cashout_accounts = {static_cast<AccountId>(random() % accounts)};
  return options;
}

// Money checkpoints (ledger.h) for the random ledgers: every few transfers in most rounds, so that traces
// often start an account from one, and the shipped interval in every fourth.
std::size_t money_checkpoint_every(int round) {
  return round % 4 == 0 ? k_money_checkpoint_every : 1 + static_cast<std::size_t>(round % 7);
}

// trace_back finds exactly the origin payments whose forward trace, stopped at the account, brings money
// to it, with the same amounts: checked against a forward trace of every origin payment in the ledger.
TEST(TraceBack, AgreesWithAForwardTraceOfEveryOriginPaymentOnRandomLedgers) {
  std::mt19937_64 random(20261205);
  std::size_t found = 0;
  for (int round = 0; round < 1000; ++round) {
    const std::size_t accounts = 2 + random() % 30;
    const Ledger ledger =
        testing::random_ledger(random, accounts, 1 + random() % 400, 100, money_checkpoint_every(round));
    const TraceOptions options = random_options(random, accounts);
    const auto account = static_cast<AccountId>(random() % accounts);

    TraceOptions forward = options;
    forward.cashout_accounts.insert(account);
    std::map<TransferId, double> expected;
    for (TransferId t = 0; t < ledger.transfer_count(); ++t) {
      const Transfer& payment = ledger.transfer(t);
      if (ledger.received_before(payment.from, t) || payment.at > options.until) continue;
      double reached = 0;
      for (const Endpoint& end : trace_transfers(ledger, std::span(&t, 1), forward).endpoints) {
        if (end.account == account) reached += end.taint_usd;
      }
      if (reached > 0) expected[t] = reached;
    }
    std::map<TransferId, double> got;
    for (const Funding& funding : trace_back(ledger, account, options)) got[funding.payment] = funding.reached_usd;
    SCOPED_TRACE(::testing::Message() << "round " << round);
    EXPECT_EQ(got, expected);
    found += got.size();
  }
  EXPECT_GT(found, 100U) << "the random ledgers should give many origins";
}

// The fast tracer agrees exactly with the reference on random ledgers, for both rules, any seeds,
// hop limits and windows; and both conserve money and respect time.
TEST(Trace, AgreesExactlyWithTheReferenceOnRandomLedgers) {
  std::mt19937_64 random(20261201);
  std::size_t hops = 0;
  for (int round = 0; round < 500; ++round) {
    const std::size_t accounts = 2 + random() % 30;
    const Ledger ledger =
        testing::random_ledger(random, accounts, 1 + random() % 400, 100, money_checkpoint_every(round));
    const TraceOptions options = random_options(random, accounts);
    std::set<TransferId> seeds;
    for (std::size_t s = 1 + random() % 3; s > 0; --s)
      seeds.insert(static_cast<TransferId>(random() % ledger.transfer_count()));
    const std::vector<TransferId> seed_list(seeds.begin(), seeds.end());

    const Trace fast = trace_transfers(ledger, seed_list, options);
    const ReferenceTrace slow = reference(ledger, seeds, options);
    SCOPED_TRACE(::testing::Message() << "round " << round);
    EXPECT_EQ(fast.seeded_usd, slow.seeded);
    ASSERT_EQ(fast.hops.size(), slow.hops.size());
    for (std::size_t h = 0; h < fast.hops.size(); ++h) {
      EXPECT_EQ(fast.hops[h].transfer, slow.hops[h].transfer);
      EXPECT_EQ(fast.hops[h].taint_usd, slow.hops[h].taint_usd);
      EXPECT_EQ(fast.hops[h].hop, slow.hops[h].hop);
    }
    EXPECT_EQ(sums(fast), slow.endpoints);
    expect_properties(ledger, fast);
    hops += fast.hops.size();
  }
  EXPECT_GT(hops, 1'000) << "the random ledgers should move taint many hops";
}

}  // namespace
}  // namespace jala::flow
