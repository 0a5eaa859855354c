// The ledger of some accounts (ReadView::ledger_of), on every backend: the transactions into or out of
// those accounts and no others, each as the whole ledger holds it, with the accounts in the whole
// ledger's order, so that anything computed from the part matches the whole.

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <set>

#include "backends.h"

namespace jala::storage {
namespace {

using model::Selector;
using model::SelectorType;

class LedgerConformance : public BackendTest {
 protected:
  void put(const std::vector<model::Transaction>& transactions) {
    const Status status = m_store->write([&](WriteTransaction& transaction) -> Status {
      for (const model::Transaction& t : transactions) JALA_TRY(transaction.put_transaction(t));
      return {};
    });
    ASSERT_TRUE(status.ok()) << status.error().message();
  }

  flow::Ledger read(const std::function<Result<flow::Ledger>(const ReadView&)>& query) {
    flow::Ledger ledger;
    const Status status = m_store->read([&](const ReadView& view) -> Status {
      JALA_TRY_ASSIGN(ledger, query(view));
      return {};
    });
    EXPECT_TRUE(status.ok()) << status.error().message();
    return ledger;
  }

};

Selector account(int n) {
  return n % 2 == 0 ? Selector{SelectorType::phone, fmt::format("+8491234{:04}", n)}
                    : Selector{SelectorType::iban, fmt::format("GB82WEST1234569876{:04}", n)};
}

model::Transaction payment(std::string id, int from, int to, std::int64_t second, double amount) {
  model::Transaction transaction;
  transaction.source = "VN-SBV";
  transaction.id = std::move(id);
  transaction.from = account(from);
  transaction.to = account(to);
  transaction.amount = amount;
  transaction.currency = from % 3 == 0 ? "USDT" : "VND";
  transaction.at = Timestamp{1'767'225'600'000'000 + second * 1'000'000};
  transaction.channel = from % 3 == 0 ? model::Channel::crypto : model::Channel::bank;
  return transaction;
}

// Everything the ledger knows of a transfer, its accounts by name.
std::string describe(const flow::Ledger& ledger, flow::TransferId t) {
  const flow::Transfer& transfer = ledger.transfer(t);
  return fmt::format("{}/{} {} -> {} at {} {} {} ({} USD) by {}", ledger.source(t), ledger.record_id(t),
                     ledger.account(transfer.from).to_string(), ledger.account(transfer.to).to_string(),
                     transfer.at.unix_micros, transfer.amount, ledger.currency(t), transfer.usd,
                     model::to_string(transfer.channel));
}

std::vector<std::string> describe(const flow::Ledger& ledger, std::span<const flow::TransferId> transfers) {
  std::vector<std::string> out;
  for (const flow::TransferId t : transfers) out.push_back(describe(ledger, t));
  return out;
}

std::vector<flow::TransferId> every_transfer(const flow::Ledger& ledger) {
  std::vector<flow::TransferId> ids(ledger.transfer_count());
  for (flow::TransferId t = 0; t < ids.size(); ++t) ids[t] = t;
  return ids;
}

// Random payments among 12 accounts, many at the same second (ties go by id, here against the order of
// storing), some to oneself.
std::vector<model::Transaction> random_payments() {
  std::mt19937 random(7);
  std::vector<model::Transaction> payments;
  for (int i = 0; i < 200; ++i) {
    const int from = static_cast<int>(random() % 12);
    const int to = random() % 20 == 0 ? from : static_cast<int>(random() % 12);
    const auto second = static_cast<std::int64_t>(random() % 40);
    payments.push_back(
        payment(fmt::format("T{:03}", 999 - i), from, to, second, 1.0 + static_cast<double>(random() % 1000)));
  }
  return payments;
}

TEST_P(LedgerConformance, HoldsTheAccountsTransactionsAsTheWholeLedgerDoes) {
  put(random_payments());
  const std::vector<Selector> asked = {account(3), account(8), account(3), Selector{SelectorType::phone, "+1555"}};
  const flow::Ledger whole = read([](const ReadView& view) { return view.ledger(); });
  const flow::Ledger part = read([&](const ReadView& view) { return view.ledger_of(asked); });

  const std::set<std::optional<flow::AccountId>> wanted = {whole.find(account(3)), whole.find(account(8))};
  std::vector<std::string> want;
  for (flow::TransferId t = 0; t < whole.transfer_count(); ++t) {
    const flow::Transfer& transfer = whole.transfer(t);
    if (wanted.contains(transfer.from) || wanted.contains(transfer.to)) want.push_back(describe(whole, t));
  }
  ASSERT_FALSE(want.empty());
  EXPECT_EQ(describe(part, every_transfer(part)), want);

  for (const Selector& named : {account(3), account(8)}) {
    const flow::AccountId in_whole = *whole.find(named);
    const std::optional<flow::AccountId> in_part = part.find(named);
    ASSERT_TRUE(in_part) << named.to_string();
    EXPECT_EQ(describe(part, part.outgoing(*in_part)), describe(whole, whole.outgoing(in_whole)));
    EXPECT_EQ(describe(part, part.incoming(*in_part)), describe(whole, whole.incoming(in_whole)));
  }
  std::vector<flow::AccountId> order;  // the part's accounts, as the whole numbers them
  for (flow::AccountId a = 0; a < part.account_count(); ++a) order.push_back(*whole.find(part.account(a)));
  EXPECT_TRUE(std::is_sorted(order.begin(), order.end()));
  EXPECT_EQ(std::set(order.begin(), order.end()).size(), order.size());
}

TEST_P(LedgerConformance, OfNoKnownAccountIsEmpty) {
  put({payment("a", 1, 2, 0, 10)});
  const std::vector<Selector> unknown = {account(3)};
  for (const std::vector<Selector>& asked : {std::vector<Selector>{}, unknown}) {
    const flow::Ledger part = read([&](const ReadView& view) { return view.ledger_of(asked); });
    EXPECT_EQ(part.transfer_count(), 0U);
    EXPECT_EQ(part.account_count(), 0U);
  }
}

// A transaction updated to another receiver leaves the old one's ledger.
TEST_P(LedgerConformance, FollowsUpdatedTransactions) {
  put({payment("a", 1, 2, 0, 10), payment("b", 1, 4, 1, 20)});
  put({payment("a", 1, 6, 0, 10)});
  const std::vector<Selector> old_receiver = {account(2)};
  EXPECT_EQ(read([&](const ReadView& view) { return view.ledger_of(old_receiver); }).transfer_count(), 0U);
  const std::vector<Selector> sender = {account(1)};
  const flow::Ledger part = read([&](const ReadView& view) { return view.ledger_of(sender); });
  std::vector<std::string> got;
  for (flow::TransferId t = 0; t < part.transfer_count(); ++t) {
    got.push_back(fmt::format("{} -> {}", part.record_id(t), part.account(part.transfer(t).to).to_string()));
  }
  const std::vector<std::string> want = {"a -> phone:+84912340006", "b -> phone:+84912340004"};
  EXPECT_EQ(got, want);
}

// A bulk load drops the indexes that find an account's transactions and builds them again: the same
// answers without them, loaded meanwhile, and after; dropping or building twice is harmless.
TEST_P(LedgerConformance, GivesTheSameAnswersWhileItsIndexesAreDroppedAndAfter) {
  const std::vector<model::Transaction> payments = random_payments();
  const std::size_t half = payments.size() / 2;
  put({payments.begin(), payments.begin() + static_cast<std::ptrdiff_t>(half)});
  const std::vector<Selector> asked = {account(5), account(9)};
  const auto part = [&] {
    const flow::Ledger ledger = read([&](const ReadView& view) { return view.ledger_of(asked); });
    return describe(ledger, every_transfer(ledger));
  };
  const std::vector<std::string> before = part();
  const auto each = [&](Status (WriteTransaction::*change)()) {
    for (int time = 0; time < 2; ++time) {
      const Status changed = m_store->write([&](WriteTransaction& t) { return (t.*change)(); });
      ASSERT_TRUE(changed.ok()) << changed.error().message();
    }
  };
  each(&WriteTransaction::start_bulk_load);
  EXPECT_EQ(part(), before);
  put({payments.begin() + static_cast<std::ptrdiff_t>(half), payments.end()});
  const std::vector<std::string> loaded = part();
  EXPECT_GT(loaded.size(), before.size());
  each(&WriteTransaction::finish_bulk_load);
  EXPECT_EQ(part(), loaded);
}

INSTANTIATE_TEST_SUITE_P(EveryBackend, LedgerConformance, ::testing::ValuesIn(backends()),
                         [](const ::testing::TestParamInfo<Backend>& param) { return param.param.name; });

}  // namespace
}  // namespace jala::storage
