// Ingest throughput: parse + validate + normalise + store, against two baselines measured in the same
// run: parsing alone (no store) and plain SQLite inserts of pre-made rows (no parsing, no checks), the
// floor any SQLite ingest must stand on.
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include <benchmark/benchmark.h>

#include "ingest/report_generator.h"
#include "jala/intake/ingest.h"
#include "jala/storage/sqlite/sqlite_store.h"

namespace {

const std::string& reports(std::int64_t count) {
  static std::map<std::int64_t, std::string> cache;
  std::string& data = cache[count];
  if (data.empty()) {
    jala::bench::ReportGenerator generator(1);
    for (std::int64_t i = 0; i < count; ++i) data += generator.next_line(static_cast<std::uint64_t>(i)) + "\n";
  }
  return data;
}

std::filesystem::path scratch_path() {
  return std::filesystem::temp_directory_path() / fmt::format("jala-bench-{}.db", ::getpid());
}

void remove_scratch_store() {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(scratch_path().string() + suffix, ignored);
}

// The scratch store is removed when the benchmarks end, as well as before each run.
const struct RemoveScratchStoreAtExit {
  ~RemoveScratchStoreAtExit() { remove_scratch_store(); }
} k_remove_scratch_store_at_exit;

std::filesystem::path scratch_store() {
  remove_scratch_store();
  return scratch_path();
}

void BM_IngestIntoSqlite(benchmark::State& state) {
  const std::string& data = reports(state.range(0));
  for (auto _ : state) {
    state.PauseTiming();
    const auto path = scratch_store();
    auto store = jala::storage::SqliteStore::open(path.string());
    state.ResumeTiming();
    jala::intake::StringByteSource source(data);
    auto counts = jala::intake::ingest(**store, source, "bench", jala::intake::Format::jsonl, {});
    if (!counts.ok() || counts->added != static_cast<std::uint64_t>(state.range(0))) state.SkipWithError("ingest failed");
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(data.size()));
}

void BM_ParseAndValidateOnly(benchmark::State& state) {
  const std::string& data = reports(state.range(0));
  for (auto _ : state) {
    jala::intake::StringByteSource source(data);
    auto reader = jala::intake::make_record_reader(jala::intake::Format::jsonl, source);
    std::int64_t good = 0;
    while (true) {
      auto next = reader->next();
      if (!next.ok() || !*next) break;
      good += (*next)->record.ok() ? 1 : 0;
    }
    if (good != state.range(0)) state.SkipWithError("records failed to parse");
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

// The floor: the same rows (one report row, three selector links) with prepared statements in one
// transaction, no parsing or validation.
void BM_BaselineRawSqliteInsert(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    const auto path = scratch_store();
    sqlite3* db = nullptr;
    sqlite3_open(path.string().c_str(), &db);
    sqlite3_exec(db,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                 "CREATE TABLE reports(k INTEGER PRIMARY KEY, source TEXT, id TEXT, text TEXT, UNIQUE(source, id));"
                 "CREATE TABLE selectors(k INTEGER PRIMARY KEY, type TEXT, value TEXT, UNIQUE(type, value));"
                 "CREATE TABLE links(report INTEGER, position INTEGER, selector INTEGER, PRIMARY KEY(report, position))"
                 " WITHOUT ROWID; CREATE INDEX links_by_selector ON links(selector, report);",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt *report = nullptr, *selector = nullptr, *link = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO reports(source, id, text) VALUES(?, ?, ?)", -1, &report, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO selectors(type, value) VALUES(?, ?) ON CONFLICT DO NOTHING", -1, &selector, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO links VALUES(?, ?, ?)", -1, &link, nullptr);
    const std::string text(250, 'x');
    state.ResumeTiming();
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    for (std::int64_t i = 0; i < state.range(0); ++i) {
      const std::string id = std::to_string(i);
      sqlite3_bind_text(report, 1, "BENCH", -1, SQLITE_STATIC);
      sqlite3_bind_text(report, 2, id.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(report, 3, text.c_str(), -1, SQLITE_STATIC);
      sqlite3_step(report);
      sqlite3_reset(report);
      const sqlite3_int64 report_key = sqlite3_last_insert_rowid(db);
      for (int position = 0; position < 3; ++position) {
        const std::string value = std::to_string((i * 7 + position * 13) % 50'000);
        sqlite3_bind_text(selector, 1, "phone", -1, SQLITE_STATIC);
        sqlite3_bind_text(selector, 2, value.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_step(selector);
        sqlite3_reset(selector);
        sqlite3_bind_int64(link, 1, report_key);
        sqlite3_bind_int(link, 2, position);
        sqlite3_bind_int64(link, 3, sqlite3_last_insert_rowid(db));
        sqlite3_step(link);
        sqlite3_reset(link);
      }
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    state.PauseTiming();
    sqlite3_finalize(report);
    sqlite3_finalize(selector);
    sqlite3_finalize(link);
    sqlite3_close(db);
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

BENCHMARK(BM_IngestIntoSqlite)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseAndValidateOnly)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BaselineRawSqliteInsert)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
