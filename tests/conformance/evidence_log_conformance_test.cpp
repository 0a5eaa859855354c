// The evidence log, on every backend: appends in batches keep exactly the nodes a fresh recomputation
// gives, many nodes read at once are the nodes read one by one, and custody events chain to the
// version they concern.

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <random>

#include "backends.h"
#include "jala/evidence/memory_tree_for_tests.h"
#include "sample_report.h"

namespace jala::storage {
namespace {

class EvidenceLogConformance : public BackendTest {};

std::string entry(std::uint64_t index) { return fmt::format(R"({{"kind":"test","n":{}}})", index); }

// Every complete subtree of a tree of `size` leaves.
std::vector<evidence::NodeId> every_node(std::uint64_t size) {
  std::vector<evidence::NodeId> ids;
  for (unsigned level = 0; (size >> level) != 0; ++level) {
    for (std::uint64_t index = 0; index < (size >> level); ++index) ids.push_back({level, index});
  }
  return ids;
}

// A write transaction keeps the log's right edge between appends instead of reading it back each time.
// Over transactions of random sizes (some empty, some rolled back) it must store exactly the nodes that
// the entries give when appended one by one to a fresh tree, and see its own appends while it runs.
TEST_P(EvidenceLogConformance, AppendsInBatchesStoreTheNodesOfAFreshRecomputation) {
  std::mt19937_64 random(2026);
  evidence::MemoryTree want;
  for (int batch = 0; batch < 40; ++batch) {
    const std::uint64_t first = want.size();
    const std::uint64_t count = random() % 70;
    const bool roll_back = batch % 9 == 4;
    evidence::MemoryTree during = want;
    const Status status = m_store->write([&](WriteTransaction& transaction) -> Status {
      for (std::uint64_t i = first; i < first + count; ++i) {
        JALA_TRY_ASSIGN(const std::uint64_t index, transaction.append_log(entry(i)));
        EXPECT_EQ(index, i);
        during.append(entry(i));
        if (i % 17 == 0) {  // the transaction reads what it has appended so far
          JALA_TRY_ASSIGN(const std::uint64_t size, transaction.log_size());
          EXPECT_EQ(size, i + 1);
          JALA_TRY_ASSIGN(const evidence::Hash root, evidence::root(LogNodes(transaction), size));
          EXPECT_EQ(root, evidence::root(during, size).value());
        }
      }
      return roll_back ? internal_error("rolled back on purpose") : Status{};
    });
    ASSERT_EQ(status.ok(), !roll_back) << "batch " << batch;
    if (!roll_back) want = during;
  }
  ASSERT_GT(want.size(), 1000U);

  ASSERT_TRUE(m_store
                  ->read([&](const ReadView& view) -> Status {
                    JALA_TRY_ASSIGN(const std::uint64_t size, view.log_size());
                    EXPECT_EQ(size, want.size());
                    for (const evidence::NodeId id : every_node(size)) {
                      JALA_TRY_ASSIGN(const evidence::Hash got, view.log_node(id));
                      EXPECT_EQ(got, want.node(id).value()) << "level " << id.level << " index " << id.index;
                    }
                    for (std::uint64_t i = 0; i < size; i += 97) {
                      JALA_TRY_ASSIGN(const std::string stored, view.log_entry(i));
                      EXPECT_EQ(stored, entry(i));
                    }
                    return {};
                  })
                  .ok());
}

// A proof's nodes, read at once, come back in the order asked, repeats included, even when there are
// more than a backend reads in one query; a node the log lacks is not_found.
TEST_P(EvidenceLogConformance, ReadsManyNodesAtOnceInTheOrderAsked) {
  ASSERT_TRUE(m_store
                  ->write([&](WriteTransaction& transaction) -> Status {
                    for (std::uint64_t i = 0; i < 300; ++i) {
                      JALA_TRY(transaction.append_log(entry(i)));
                    }
                    return {};
                  })
                  .ok());
  std::vector<evidence::NodeId> ids = every_node(300);
  std::shuffle(ids.begin(), ids.end(), std::mt19937_64(7));
  ids.push_back(ids.front());
  ASSERT_TRUE(m_store
                  ->read([&](const ReadView& view) -> Status {
                    JALA_TRY_ASSIGN(const std::vector<evidence::Hash> got, view.log_nodes(ids));
                    EXPECT_EQ(got.size(), ids.size());
                    for (std::size_t i = 0; i < ids.size() && i < got.size(); ++i) {
                      JALA_TRY_ASSIGN(const evidence::Hash one, view.log_node(ids[i]));
                      EXPECT_EQ(got[i], one) << i;
                    }
                    JALA_TRY_ASSIGN(const std::vector<evidence::Hash> none, view.log_nodes({}));
                    EXPECT_TRUE(none.empty());
                    const std::vector<evidence::NodeId> missing = {{0, 3}, {0, 300}, {9, 0}};
                    const Result<std::vector<evidence::Hash>> got_missing = view.log_nodes(missing);
                    EXPECT_FALSE(got_missing.ok());
                    if (!got_missing.ok()) {
                      EXPECT_EQ(got_missing.error().code(), ErrorCode::not_found);
                    }
                    return {};
                  })
                  .ok());
}

// Found in review: an event after a record was stored again chained to the previous event, and so to
// the earlier version, while the new version, the one exported, was in no chain.
TEST_P(EvidenceLogConformance, ACustodyEventChainsToAVersionLoggedSinceTheLastEvent) {
  const CustodyEvent event = make_export("report", {"VN-MPS", "a"});
  std::vector<std::uint64_t> events;
  ASSERT_TRUE(m_store
                  ->write([&](WriteTransaction& t) -> Status {
                    JALA_TRY(t.put_report(make_report("a")));  // leaf 0
                    JALA_TRY_ASSIGN(const std::uint64_t first, t.append_custody(event));
                    JALA_TRY(t.put_report(make_report("a", "amended")));  // leaf 2
                    JALA_TRY_ASSIGN(const std::uint64_t second, t.append_custody(event));
                    JALA_TRY_ASSIGN(const std::uint64_t third, t.append_custody(event));
                    events = {first, second, third};
                    return {};
                  })
                  .ok());
  ASSERT_EQ(events, (std::vector<std::uint64_t>{1, 3, 4}));
  std::vector<std::uint64_t> previous;
  ASSERT_TRUE(m_store
                  ->read([&](const ReadView& view) -> Status {
                    for (const std::uint64_t leaf : events) {
                      JALA_TRY_ASSIGN(const std::string entry, view.log_entry(leaf));
                      previous.push_back(nlohmann::json::parse(entry).at("previous").get<std::uint64_t>());
                    }
                    JALA_TRY_ASSIGN(const std::optional<std::uint64_t> last,
                                    view.log_index("custody:report", event.key));
                    EXPECT_EQ(last, 4U);
                    return {};
                  })
                  .ok());
  EXPECT_EQ(previous, (std::vector<std::uint64_t>{0, 2, 3}));
}

// The reads an audit makes many at a time give what the reads of one give, in the order asked, with
// nothing for what the store lacks.
TEST_P(EvidenceLogConformance, BatchReadsGiveWhatSingleReadsGive) {
  model::Report named = make_report("a", "gọi 0912 345 678");
  named.text_selectors = {{model::Selector{model::SelectorType::phone, "+84912345678"}, 4, 16, 0.9}};
  model::Report assessed = make_report("b");
  assessed.assessment = model::Assessment{"scam", "investment", 0.91, std::nullopt};
  const model::Transaction paid = make_transaction("t1");
  model::Transaction other = make_transaction("t2");
  other.to = model::Selector{model::SelectorType::wallet, "trx:TRu3tnXafQM7hg7PePs3sEAJWR9qreLupf"};
  ASSERT_TRUE(m_store
                  ->write([&](WriteTransaction& t) -> Status {
                    JALA_TRY(t.put_report(named));
                    JALA_TRY(t.put_transaction(paid));
                    JALA_TRY(t.append_custody(make_export("report", {"VN-MPS", "a"})));
                    JALA_TRY(t.put_transaction(other));
                    JALA_TRY(t.put_report(assessed));
                    return {};
                  })
                  .ok());
  const std::vector<RecordKey> transactions = {
      {"VN-SBV", "t2"}, {"VN-SBV", "none"}, {"VN-SBV", "t1"}, {"VN-SBV", "t2"}};
  const std::vector<RecordKey> reports = {{"VN-MPS", "b"}, {"VN-MPS", "none"}, {"VN-MPS", "a"}};
  ASSERT_TRUE(
      m_store
          ->read([&](const ReadView& view) -> Status {
            JALA_TRY_ASSIGN(const auto found, view.find_transactions(transactions));
            EXPECT_EQ(found, (std::vector<std::optional<model::Transaction>>{other, std::nullopt, paid, other}));
            const std::vector<RecordKey> asked = {
                {"VN-MPS", "b"}, {"VN-MPS", "none"}, {"VN-MPS", "a"}, {"VN-MPS", "b"}};
            JALA_TRY_ASSIGN(const auto stored_reports, view.find_reports(asked));
            EXPECT_EQ(stored_reports,
                      (std::vector<std::optional<model::Report>>{assessed, std::nullopt, named, assessed}));
            for (const auto& [kind, keys] : {std::pair{"transaction", transactions}, std::pair{"report", reports},
                                             std::pair{"custody:report", reports}}) {
              JALA_TRY_ASSIGN(const auto leaves, view.log_indexes(kind, keys));
              std::vector<std::optional<std::uint64_t>> one_by_one;
              for (const RecordKey& key : keys) {
                JALA_TRY_ASSIGN(const auto leaf, view.log_index(kind, key));
                one_by_one.push_back(leaf);
              }
              EXPECT_EQ(leaves, one_by_one) << kind;
            }
            JALA_TRY_ASSIGN(const auto leaves, view.log_indexes("report", reports));
            EXPECT_EQ(leaves, (std::vector<std::optional<std::uint64_t>>{4, std::nullopt, 0}));
            JALA_TRY_ASSIGN(const auto chains, view.log_indexes("custody:report", reports));
            EXPECT_EQ(chains, (std::vector<std::optional<std::uint64_t>>{std::nullopt, std::nullopt, 2}));

            JALA_TRY_ASSIGN(const std::vector<std::string> entries, view.log_entries(1, 10));
            EXPECT_EQ(entries.size(), 4U);  // entries 1 to 4: the log ends there
            for (std::size_t i = 0; i < entries.size(); ++i) {
              JALA_TRY_ASSIGN(const std::string entry, view.log_entry(1 + i));
              EXPECT_EQ(entries[i], entry);
            }
            JALA_TRY_ASSIGN(const std::vector<std::string> past_end, view.log_entries(5, 3));
            EXPECT_TRUE(past_end.empty());

            std::vector<evidence::NodeId> ids = every_node(5);
            ids.push_back({1, 2});  // over entries 4 and 5: the log has no entry 5
            ids.push_back({3, 0});
            JALA_TRY_ASSIGN(const auto stored, view.stored_log_nodes(ids));
            for (std::size_t i = 0; i < ids.size(); ++i) {
              const Result<evidence::Hash> one = view.log_node(ids[i]);
              EXPECT_EQ(stored[i].has_value(), one.ok()) << ids[i].level << "/" << ids[i].index;
              if (one.ok() && stored[i]) {
                EXPECT_EQ(*stored[i], *one);
              }
            }
            EXPECT_FALSE(stored[ids.size() - 1].has_value());
            return {};
          })
          .ok());
}

// What caches of analyses key on: it moves when a write stores records, to one past the first one's leaf
// (so the first record of a store moves it too), and not for custody events, which grow the log as well,
// nor for a record stored again unchanged.
TEST_P(EvidenceLogConformance, RecordsChangedAtMovesWithRecordsAndNotWithCustody) {
  const auto changed_at = [&] {
    std::uint64_t leaf = 0;
    EXPECT_TRUE(m_store
                    ->read([&](const ReadView& view) -> Status {
                      JALA_TRY_ASSIGN(leaf, view.records_changed_at());
                      return {};
                    })
                    .ok());
    return leaf;
  };
  const auto write = [&](const std::function<Status(WriteTransaction&)>& body) {
    ASSERT_TRUE(m_store->write(body).ok());
  };
  EXPECT_EQ(changed_at(), 0U);         // nothing stored yet
  for (const char* id : {"a", "b"}) {  // leaves 0 and 1, one write each
    write([&](WriteTransaction& t) -> Status {
      JALA_TRY(t.put_report(make_report(id)));
      return {};
    });
    EXPECT_EQ(changed_at(), std::string_view(id) == "a" ? 1U : 2U);
  }
  write([](WriteTransaction& t) -> Status {
    JALA_TRY(t.append_custody(make_export("report", {"VN-MPS", "a"})));  // leaf 2
    JALA_TRY(t.put_report(make_report("b")));                            // unchanged: not logged
    return {};
  });
  EXPECT_EQ(changed_at(), 2U);
  write([](WriteTransaction& t) -> Status {
    JALA_TRY(t.append_custody(make_export("report", {"VN-MPS", "b"})));  // leaf 3
    JALA_TRY(t.put_report(make_report("b", "amended")));                 // leaf 4
    JALA_TRY(t.put_report(make_report("c")));                            // leaf 5
    return {};
  });
  EXPECT_EQ(changed_at(), 5U);
}

INSTANTIATE_TEST_SUITE_P(EveryBackend, EvidenceLogConformance, ::testing::ValuesIn(backends()),
                         [](const ::testing::TestParamInfo<Backend>& param) { return param.param.name; });

}  // namespace
}  // namespace jala::storage
