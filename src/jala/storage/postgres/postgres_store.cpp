#include "jala/storage/postgres/postgres_store.h"

#include <fmt/format.h>

#include "jala/storage/postgres/schema.h"
#include "jala/storage/postgres/view.h"

namespace jala::storage {

struct PostgresStore::Parts {
  postgres::Connection connection;
  postgres::SelectorKeys selector_keys;
};

PostgresStore::PostgresStore(std::unique_ptr<Parts> parts) : m_parts(std::move(parts)) {}
PostgresStore::~PostgresStore() = default;

Result<std::unique_ptr<PostgresStore>> PostgresStore::open(const std::string& url, bool create_if_missing) {
  JALA_TRY_ASSIGN(postgres::Connection connection, postgres::Connection::open(url));
  // Times, numbers and text are Jala's own; the session must not reinterpret them.
  JALA_TRY(connection.execute("SET client_encoding = 'UTF8'; SET extra_float_digits = 3"));
  if (Status migrated = postgres::migrate(connection, create_if_missing); !migrated.ok()) {
    return migrated.error().with_context("PostgreSQL store");
  }
  return std::make_unique<PostgresStore>(std::make_unique<Parts>(Parts{std::move(connection), {}}));
}

Status PostgresStore::read(const std::function<Status(const ReadView&)>& body) {
  postgres::Connection& connection = m_parts->connection;
  JALA_TRY(connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"));
  const postgres::View view(connection, m_parts->selector_keys);
  Status status = body(view);
  const Status ended = connection.execute(status.ok() ? "COMMIT" : "ROLLBACK");
  return status.ok() ? ended : status;
}

Status PostgresStore::write(const std::function<Status(WriteTransaction&)>& body) {
  postgres::Connection& connection = m_parts->connection;
  JALA_TRY(connection.execute(fmt::format("BEGIN; {}", postgres::k_take_write_lock)));
  postgres::View transaction(connection, m_parts->selector_keys);
  Status status = body(transaction);
  if (status.ok()) status = connection.execute("COMMIT");
  if (!status.ok()) {
    (void)connection.execute("ROLLBACK");
    m_parts->selector_keys.clear();  // keys made in the rolled-back transaction no longer exist
  }
  return status;
}

}  // namespace jala::storage
