// The indexes that find an account's transactions, as both SQL backends define them (schema 1 of
// each): what a bulk load drops and builds again (store.h, WriteTransaction::drop_ledger_indexes).
#pragma once

#include <array>
#include <string_view>
#include <utility>

namespace jala::storage {

// Each index's name and what it indexes.
inline constexpr std::array<std::pair<std::string_view, std::string_view>, 2> k_ledger_indexes{{
    {"transactions_by_from", "transactions (from_key, at)"},
    {"transactions_by_to", "transactions (to_key, at)"},
}};

}  // namespace jala::storage
