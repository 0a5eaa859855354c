// What the bank table and its build-time folding (fold_bank_names.cpp) share: reading the table's text,
// and folding a name with ICU.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "jala/base/result.h"

namespace jala::model {

// The rows of a tab-separated table after its header line, each as its columns; empty lines skipped.
std::vector<std::vector<std::string_view>> tsv_rows(std::string_view tsv);

// The table's text, compiled in (bank_table_data.cpp.in).
extern const std::string_view k_banks_tsv;
extern const std::string_view k_ambiguous_bank_aliases_tsv;

// The bank names of the table that are folded for matching: each row's name and its aliases from
// banks.tsv, and the first column of ambiguous-aliases.tsv.
std::vector<std::string_view> names_to_fold();

// The ASCII letters and digits of `text`, in lower case: what folding keeps.
std::string ascii_alnum_lowered(std::string_view text);

// `name` through ICU "Any-Latin; Latin-ASCII; Lower", then ascii_alnum_lowered(). Building the
// transliterator takes about a billion instructions, once per thread.
Result<std::string> transliterate_bank_name(std::string_view name);

// Each name of names_to_fold() that is not ASCII, with its transliterate_bank_name(), computed when Jala was
// built (by fold_bank_names.cpp, into a generated source), so that a process need not build the
// transliterator unless it meets a bank name that is in no table.
struct FoldedName {
  std::string_view name;
  std::string_view folded;
};
std::span<const FoldedName> bank_names_folded_at_build();

}  // namespace jala::model
