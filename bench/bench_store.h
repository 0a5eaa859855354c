// The store a benchmark reads: named by $JALA_BENCH_DB and filled by the benchmark's run.sh. A benchmark
// without its store cannot run, so these exit with the reason instead of returning an error.
#pragma once

#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>

#include "jala/storage/store.h"

namespace jala::bench {

// Opens $JALA_BENCH_DB; `holding` says what the store must hold and which script fills it.
inline std::unique_ptr<storage::Store> open_bench_store(std::string_view holding) {
  const char* path = std::getenv("JALA_BENCH_DB");
  if (path == nullptr) {
    std::cerr << "set JALA_BENCH_DB to a store with " << holding << "\n";
    std::exit(2);
  }
  auto store = storage::open_store(path);
  if (!store.ok()) {
    std::cerr << store.error().message() << "\n";
    std::exit(2);
  }
  return std::move(store).value();
}

// What `read` returns from one read transaction of `store`.
template <typename Read>
auto read_bench_store(storage::Store& store, Read read) {
  std::optional<typename std::invoke_result_t<Read, const storage::ReadView&>::value_type> value;
  const Status status = store.read([&](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(value, read(view));
    return {};
  });
  if (!status.ok()) {
    std::cerr << status.error().message() << "\n";
    std::exit(2);
  }
  return std::move(*value);
}

}  // namespace jala::bench
