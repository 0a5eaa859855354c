// The evidence log's speed bars (docs/performance.md, "Evidence"), measured on SQLite stores in files:
// - durable appends: entries appended through WriteTransaction::append_log, in batches that Store::write
//   commits (one transaction, one durable commit each), against a floor of plain SQLite inserts of the
//   same rows with the hashes made beforehand;
// - inclusion proofs from logs of 10^4 leaves up to $JALA_BENCH_PROOF_LEAVES (default 10^7), to show how
//   the cost grows with log n, with the store's pages in memory and, as the worst case, on the disk.
//
// Stores live in $JALA_BENCH_DIR when set (the proof stores are kept there and reused by later runs),
// else in a temporary folder removed at exit. bench/evidence/run.sh runs it.
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <fmt/core.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <span>
#include <string>
#include <vector>

#include "deterministic_random.h"
#include "jala/base/sha256.h"
#include "jala/evidence/merkle.h"
#include "jala/storage/sqlite/log_statements.h"
#include "jala/storage/sqlite/sqlite_store.h"

namespace {

using namespace jala;
namespace fs = std::filesystem;

void fail(const Status& status) {
  if (status.ok()) return;
  std::cerr << status.error().message() << "\n";
  std::exit(2);
}

// Where the stores go, made once; a temporary folder is removed at exit.
const fs::path& bench_dir() {
  struct Dir {
    fs::path path;
    bool remove = false;
    ~Dir() {
      if (remove) fs::remove_all(path);
    }
  };
  static const Dir dir = [] {
    const char* given = std::getenv("JALA_BENCH_DIR");
    Dir made{given != nullptr ? fs::path(given)
                              : fs::temp_directory_path() / fmt::format("jala-bench-evidence-{}", ::getpid()),
             given == nullptr};
    fs::create_directories(made.path);
    return made;
  }();
  return dir.path;
}

void remove_store(const fs::path& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
}

// Log entries as WriteTransaction::put_report writes them: one line of JSON of 180 bytes (the
// entries of simulated reports are 174 and 175).
// A pool of distinct entries, reused in turn (the log does not require entries to differ).
const std::vector<std::string>& entries() {
  static const std::vector<std::string> pool = [] {
    std::vector<std::string> made;
    constexpr int k_pool = 1 << 16;
    made.reserve(k_pool);
    for (int i = 0; i < k_pool; ++i) {
      made.push_back(fmt::format(
          R"({{"kind":"report","source":"VN-MPS","id":"VN-MPS-2026-{:07}","sha256":"{}","logged_at":"2026-12-01T13:{:02}:{:02}.{:06}Z"}})",
          i, to_hex(sha256(std::to_string(i))), i / 3600 % 60, i / 60 % 60, i % 1'000'000));
    }
    return made;
  }();
  return pool;
}

std::unique_ptr<storage::Store> open_store(const fs::path& path) {
  auto store = storage::SqliteStore::open(path.string());
  if (!store.ok()) {
    std::cerr << store.error().message() << "\n";
    std::exit(2);
  }
  return std::move(store).value();
}

// Appends `count` entries in one Store::write, continuing the pool at `next`.
void append_batch(storage::Store& store, std::uint64_t& next, std::int64_t count) {
  const std::vector<std::string>& pool = entries();
  fail(store.write([&](storage::WriteTransaction& transaction) -> Status {
    for (std::int64_t i = 0; i < count; ++i) {
      JALA_TRY(transaction.append_log(pool[next++ % pool.size()]));
    }
    return {};
  }));
}

// Durable appends: `range(1)` entries into a fresh store in transactions of `range(0)`.
void BM_AppendLog(benchmark::State& state) {
  const std::int64_t batch = state.range(0);
  const std::int64_t total = state.range(1);
  const fs::path path = bench_dir() / "append.db";
  entries();
  for (auto _ : state) {
    state.PauseTiming();
    remove_store(path);
    std::unique_ptr<storage::Store> store = open_store(path);
    state.ResumeTiming();
    std::uint64_t next = 0;
    for (std::int64_t done = 0; done < total; done += batch) append_batch(*store, next, batch);
    state.PauseTiming();
    store.reset();
    remove_store(path);
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * total);
  state.counters["commits"] = static_cast<double>(total) / static_cast<double>(batch);
}

// The same appends in an in-memory SQLite database: the CPU cost alone, with no file or fsync.
void BM_AppendLogInMemoryDatabase(benchmark::State& state) {
  const std::int64_t batch = state.range(0);
  const std::int64_t total = state.range(1);
  entries();
  for (auto _ : state) {
    state.PauseTiming();
    std::unique_ptr<storage::Store> store = open_store(":memory:");
    state.ResumeTiming();
    std::uint64_t next = 0;
    for (std::int64_t done = 0; done < total; done += batch) append_batch(*store, next, batch);
    state.PauseTiming();
    store.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * total);
}

// The floor: the rows an append writes (its entry, its leaf and the nodes it completes, one more on
// average), with the hashes made beforehand, inserted by prepared statements into the store's tables
// with the store's journal and synchronous settings. No Merkle reads, no hashing.
void BM_BaselineRawSqliteInsert(benchmark::State& state) {
  const std::int64_t batch = state.range(0);
  const std::int64_t total = state.range(1);
  const std::vector<std::string>& pool = entries();
  const fs::path path = bench_dir() / "baseline.db";
  const evidence::Hash hash = sha256("a node");
  for (auto _ : state) {
    state.PauseTiming();
    remove_store(path);
    open_store(path).reset();  // the store's schema
    sqlite3* db = nullptr;
    sqlite3_open(path.string().c_str(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA cache_size = -65536", nullptr,
                 nullptr, nullptr);
    sqlite3_stmt* entry = nullptr;
    sqlite3_stmt* node = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO log_entries (leaf_index, entry) VALUES (?, ?)", -1, &entry, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO log_nodes (position, hash) VALUES (?, ?)", -1, &node, nullptr);
    state.ResumeTiming();
    for (std::int64_t index = 0; index < total;) {
      sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
      for (const std::int64_t end = index + batch; index < end; ++index) {
        const std::string& text = pool[static_cast<std::size_t>(index) % pool.size()];
        sqlite3_bind_int64(entry, 1, index);
        sqlite3_bind_text(entry, 2, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
        sqlite3_step(entry);
        sqlite3_reset(entry);
        // The leaf, then each parent it completes: as many as the low one bits of its index.
        for (unsigned level = 0; level == 0 || ((index >> (level - 1)) & 1) == 1; ++level) {
          const evidence::NodeId id{level, static_cast<std::uint64_t>(index >> level)};
          sqlite3_bind_int64(node, 1, storage::sqlite::log_node_position(id));
          sqlite3_bind_blob(node, 2, hash.data(), static_cast<int>(hash.size()), SQLITE_STATIC);
          sqlite3_step(node);
          sqlite3_reset(node);
        }
      }
      sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
    state.PauseTiming();
    sqlite3_finalize(entry);
    sqlite3_finalize(node);
    sqlite3_close(db);
    remove_store(path);
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * total);
}

// A store whose log_nodes hold the tree of `leaves` leaves over the entry pool, kept in the bench folder.
// The nodes are computed by evidence::CompactRange, as appends compute them, and written straight into
// the table in transactions of 1,000,000 leaves without a journal (a fixture need not survive a crash),
// which takes minutes at 10^8 leaves where appending through the store would take much longer. The
// store's log_entries stay empty: a proof never reads them, and leaving them out saves about 17 GB at
// 10^8 leaves. Proofs then read the file through the store as usual.
std::unique_ptr<storage::Store> store_with_leaves(std::uint64_t leaves) {
  const fs::path path = bench_dir() / fmt::format("proofs-{}.db", leaves);
  std::unique_ptr<storage::Store> store = open_store(path);  // makes the schema of a new file
  store.reset();
  sqlite3* db = nullptr;
  sqlite3_open(path.string().c_str(), &db);
  // Built for this size: its last leaf is there, and no leaf after it.
  sqlite3_stmt* leaf = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT EXISTS (SELECT 1 FROM log_nodes WHERE position = ?1)"
                     " AND NOT EXISTS (SELECT 1 FROM log_nodes WHERE position = ?2)",
                     -1, &leaf, nullptr);
  sqlite3_bind_int64(leaf, 1, storage::sqlite::log_node_position({0, leaves - 1}));
  sqlite3_bind_int64(leaf, 2, storage::sqlite::log_node_position({0, leaves}));
  const bool built = sqlite3_step(leaf) == SQLITE_ROW && sqlite3_column_int(leaf, 0) == 1;
  sqlite3_finalize(leaf);
  if (!built) {
    std::cerr << fmt::format("writing the nodes of {} leaves to {}\n", leaves, path.string());
    sqlite3_exec(db, "DELETE FROM log_nodes; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF", nullptr, nullptr,
                 nullptr);
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO log_nodes (position, hash) VALUES (?, ?)", -1, &insert, nullptr);
    const std::vector<std::string>& pool = entries();
    evidence::CompactRange edge;
    while (edge.size() < leaves) {
      sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
      for (const std::uint64_t end = std::min<std::uint64_t>(leaves, edge.size() + 1'000'000); edge.size() < end;) {
        for (const evidence::Node& node : edge.append(evidence::leaf_hash(pool[edge.size() % pool.size()]))) {
          sqlite3_bind_int64(insert, 1, storage::sqlite::log_node_position(node.id));
          sqlite3_bind_blob(insert, 2, node.hash.data(), static_cast<int>(node.hash.size()), SQLITE_STATIC);
          sqlite3_step(insert);
          sqlite3_reset(insert);
        }
      }
      sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
    sqlite3_finalize(insert);
  }
  sqlite3_close(db);
  // Written without syncs, the file would still be going to the disk while the first proofs run.
  const int file = ::open(path.c_str(), O_RDONLY);
  ::fsync(file);
  ::close(file);
  return open_store(path);
}

// Counts the nodes a proof reads, passing every read on as it came.
class CountingReader final : public evidence::NodeReader {
 public:
  explicit CountingReader(const evidence::NodeReader& nodes) : m_nodes(nodes) {}
  Result<evidence::Hash> node(evidence::NodeId id) const override {
    ++m_reads;
    return m_nodes.node(id);
  }
  Result<std::vector<evidence::Hash>> nodes(std::span<const evidence::NodeId> ids) const override {
    m_reads += ids.size();
    return m_nodes.nodes(ids);
  }
  std::size_t reads() const { return m_reads; }

 private:
  const evidence::NodeReader& m_nodes;
  mutable std::size_t m_reads = 0;
};

// Proves one random leaf and checks the proof against the root, so that a wrong fixture cannot pass.
Status check_a_proof(const storage::ReadView& view, std::uint64_t leaves) {
  const storage::LogNodes nodes(view);
  const std::uint64_t leaf = leaves / 3;
  JALA_TRY_ASSIGN(const evidence::Hash root, evidence::root(nodes, leaves));
  JALA_TRY_ASSIGN(const std::vector<evidence::Hash> proof, evidence::inclusion_proof(nodes, leaf, leaves));
  return evidence::verify_inclusion(evidence::leaf_hash(entries()[leaf % entries().size()]), leaf, leaves, proof, root);
}

// Inclusion proofs of random leaves in a log of `range(0)` leaves, as an export proves its items: all in
// one read transaction, against one tree size, whose right edge is read once (evidence::RightEdgeCache).
void BM_InclusionProof(benchmark::State& state) {
  const auto leaves = static_cast<std::uint64_t>(state.range(0));
  const std::unique_ptr<storage::Store> store = store_with_leaves(leaves);
  bench::DeterministicRandom random(1);
  std::size_t hashes = 0;
  std::size_t reads = 0;
  fail(store->read([&](const storage::ReadView& view) -> Status {
    JALA_TRY(check_a_proof(view, leaves));
    const storage::LogNodes log(view);
    const CountingReader counting(log);
    JALA_TRY_ASSIGN(const evidence::RightEdgeCache nodes, evidence::RightEdgeCache::read(counting, leaves));
    const std::size_t edge = counting.reads();
    for (auto _ : state) {
      JALA_TRY_ASSIGN(const std::vector<evidence::Hash> proof,
                      evidence::inclusion_proof(nodes, random.below(leaves), leaves));
      hashes += proof.size();
      benchmark::DoNotOptimize(proof.data());
    }
    reads = counting.reads() - edge;
    return {};
  }));
  const auto per_proof = [&](std::size_t count) {
    return static_cast<double>(count) / static_cast<double>(state.iterations());
  };
  state.counters["proof_hashes"] = per_proof(hashes);
  state.counters["store_reads"] = per_proof(reads);
}

// Each proof alone, in a read transaction of its own and reading the right edge too (as a server would
// answer one request).
void BM_InclusionProofOwnTransaction(benchmark::State& state) {
  const auto leaves = static_cast<std::uint64_t>(state.range(0));
  const std::unique_ptr<storage::Store> store = store_with_leaves(leaves);
  bench::DeterministicRandom random(1);
  std::size_t reads = 0;
  for (auto _ : state) {
    fail(store->read([&](const storage::ReadView& view) -> Status {
      const storage::LogNodes log(view);
      const CountingReader counting(log);
      JALA_TRY_ASSIGN(const std::vector<evidence::Hash> proof,
                      evidence::inclusion_proof(counting, random.below(leaves), leaves));
      benchmark::DoNotOptimize(proof.data());
      reads += counting.reads();
      return {};
    }));
  }
  state.counters["store_reads"] = static_cast<double>(reads) / static_cast<double>(state.iterations());
}

// The worst case: before each proof the store is opened afresh and the kernel drops the file's cached
// pages, so every node read goes to the disk.
void BM_InclusionProofColdCache(benchmark::State& state) {
  const auto leaves = static_cast<std::uint64_t>(state.range(0));
  const fs::path path = bench_dir() / fmt::format("proofs-{}.db", leaves);
  store_with_leaves(leaves).reset();
  bench::DeterministicRandom random(1);
  for (auto _ : state) {
    state.PauseTiming();
    const int file = ::open(path.c_str(), O_RDONLY);
    ::posix_fadvise(file, 0, 0, POSIX_FADV_DONTNEED);
    ::close(file);
    const std::unique_ptr<storage::Store> store = open_store(path);
    state.ResumeTiming();
    fail(store->read([&](const storage::ReadView& view) -> Status {
      JALA_TRY_ASSIGN(const std::vector<evidence::Hash> proof,
                      evidence::inclusion_proof(storage::LogNodes(view), random.below(leaves), leaves));
      benchmark::DoNotOptimize(proof.data());
      return {};
    }));
  }
}

// Logs of 10^4 leaves up to $JALA_BENCH_PROOF_LEAVES (default 10^7; 10^8 writes a 10 GB store), each
// size a power of ten, so that the tree's right edge is ragged as in a real log.
void proof_sizes(benchmark::internal::Benchmark* b) {
  const char* given = std::getenv("JALA_BENCH_PROOF_LEAVES");
  const std::int64_t largest = given != nullptr ? std::atoll(given) : 10'000'000;
  for (std::int64_t leaves = 10'000; leaves <= largest; leaves *= 10) b->Arg(leaves);
}

// The hashing an append does: one leaf hash of its entry, and one node hash per subtree it completes
// (one on average).
void BM_LeafHash(benchmark::State& state) {
  const std::vector<std::string>& pool = entries();
  std::size_t next = 0;
  for (auto _ : state) benchmark::DoNotOptimize(evidence::leaf_hash(pool[next++ % pool.size()]));
  state.SetItemsProcessed(state.iterations());
}

void BM_NodeHash(benchmark::State& state) {
  evidence::Hash hash = sha256("a node");
  for (auto _ : state) {
    hash = evidence::node_hash(hash, hash);
    benchmark::DoNotOptimize(hash);
  }
  state.SetItemsProcessed(state.iterations());
}

void append_sizes(benchmark::internal::Benchmark* b) {
  b->Args({1, 2'000})->Args({10, 20'000})->Args({100, 200'000});
  for (const std::int64_t batch : {1'000, 10'000, 100'000}) b->Args({batch, 1'000'000});
}

// Rates are of wall-clock time (UseRealTime): waiting for the disk to sync is most of a small commit's
// cost and no CPU time. The last row grows the log to 10^7 leaves (a 2.9 GB store), to show that appends
// do not slow down as the log grows: each touches only the right-hand end of each table.
BENCHMARK(BM_AppendLog)
    ->Apply(append_sizes)
    ->Args({100'000, 10'000'000})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->UseRealTime();
BENCHMARK(BM_AppendLogInMemoryDatabase)
    ->Args({10'000, 1'000'000})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->UseRealTime();
BENCHMARK(BM_BaselineRawSqliteInsert)->Apply(append_sizes)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
BENCHMARK(BM_LeafHash);
BENCHMARK(BM_NodeHash);
// A second of proofs before measuring brings the pages of the store's upper levels into memory.
BENCHMARK(BM_InclusionProof)->Apply(proof_sizes)->Unit(benchmark::kMicrosecond)->MinWarmUpTime(1);
BENCHMARK(BM_InclusionProofOwnTransaction)->Apply(proof_sizes)->Unit(benchmark::kMicrosecond)->MinWarmUpTime(1);
BENCHMARK(BM_InclusionProofColdCache)->Apply(proof_sizes)->Unit(benchmark::kMicrosecond)->Iterations(200);

}  // namespace

BENCHMARK_MAIN();
