// The embedded SQLite backend: one file per node, WAL journal, one transaction per write() (an ingest
// batch), synchronous=FULL so that a committed batch survives a crash or power loss.
//
// Ownership and threads: owns its connection; use from one thread at a time. Several processes may
// open the same file; writers wait up to the busy timeout for each other.
#pragma once

#include <memory>
#include <string_view>

#include "jala/storage/store.h"

struct sqlite3;

namespace jala::storage {

class SqliteStore final : public Store {
 public:
  // Opens or creates the store at `path` (":memory:" for a private in-memory database), migrating its
  // schema to this build's version. A new file is made readable by its owner only.
  static Result<std::unique_ptr<SqliteStore>> open(std::string_view path, const StoreOptions& options = {});
  ~SqliteStore() override;

  Status read(const std::function<Status(const ReadView&)>& body) override;
  Status write(const std::function<Status(WriteTransaction&)>& body) override;

  class Statements;
  struct Parts;  // defined in the .cpp, so only open() can make one
  explicit SqliteStore(std::unique_ptr<Parts> parts);

 private:
  std::unique_ptr<Parts> m_parts;
};

}  // namespace jala::storage
