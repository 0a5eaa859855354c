// The PostgreSQL backend, for a node whose store is shared by several processes or machines: the same
// tables as the SQLite backend (schema.cpp), one database (or schema, by the URL's search_path) per
// node. A read runs on a REPEATABLE READ snapshot; a write is one transaction that first takes an
// advisory lock, so writers queue (the evidence log's appends need one writer at a time) while readers
// go on. Passes the conformance suite in tests/conformance/.
//
// Ownership and threads: owns one connection; use from one thread at a time.
#pragma once

#include <memory>
#include <string>

#include "jala/storage/store.h"

namespace jala::storage {

class PostgresStore final : public Store {
 public:
  // Connects to `url` (`postgresql://…`, libpq's syntax) and migrates the schema to this build's version;
  // a database without a store is not_found unless `create_if_missing`.
  static Result<std::unique_ptr<PostgresStore>> open(const std::string& url, bool create_if_missing = true);
  ~PostgresStore() override;

  Status read(const std::function<Status(const ReadView&)>& body) override;
  Status write(const std::function<Status(WriteTransaction&)>& body) override;

  struct Parts;  // defined in the .cpp, so only open() can make one
  explicit PostgresStore(std::unique_ptr<Parts> parts);

 private:
  std::unique_ptr<Parts> m_parts;
};

}  // namespace jala::storage
