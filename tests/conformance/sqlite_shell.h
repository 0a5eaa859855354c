// The sqlite3 shell run on a store file, as an older Jala or an administrator would: for the SQLite tests.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include <fmt/core.h>

namespace jala::storage {

// Runs `sql` on the store file with the sqlite3 shell, as an older Jala would have left the store;
// the shell's exit status.
inline int run_sqlite3(const std::filesystem::path& store, std::string_view sql) {
  const std::filesystem::path script = store.string() + ".sql";
  std::ofstream(script) << sql;
  return std::system(fmt::format("sqlite3 '{}' < '{}'", store.string(), script.string()).c_str());
}

// What the sqlite3 shell prints for `sql` on the store file.
inline std::string sqlite3_output(const std::filesystem::path& store, std::string_view sql) {
  const std::filesystem::path out = store.string() + ".out";
  if (run_sqlite3(store, ".output " + out.string() + "\n" + std::string(sql)) != 0) return "(sqlite3 failed)";
  std::ifstream in(out);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace jala::storage
