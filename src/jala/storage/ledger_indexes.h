// The indexes that find an account's transactions, as both SQL backends define them (schema 1 of
// each): what a bulk load drops and builds again (store.h, WriteTransaction::start_bulk_load).
// The statements are the same in SQLite and PostgreSQL.
#pragma once

#include <string_view>

namespace jala::storage {

inline constexpr std::string_view k_drop_ledger_indexes =
    "DROP INDEX IF EXISTS transactions_by_from; DROP INDEX IF EXISTS transactions_by_to;";
// Builds those that are missing; a no-op when both exist.
inline constexpr std::string_view k_build_ledger_indexes =
    "CREATE INDEX IF NOT EXISTS transactions_by_from ON transactions (from_key, at);"
    " CREATE INDEX IF NOT EXISTS transactions_by_to ON transactions (to_key, at);";

}  // namespace jala::storage
