// The bank table of data/banks/ (banks.tsv and ambiguous-aliases.tsv, compiled into the binary): the
// names people write for each bank, so that "Vietcombank", "VCB", "Ngân hàng Ngoại thương" and
// "BFTVVNVX" give one BANK. The lookup rules are those of data/banks/README.md ("A resolver looks a
// name up like this").
//
// Built on first use; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jala/base/result.h"

namespace jala::model {

// A bank name folded for matching: ICU "Any-Latin; Latin-ASCII; Lower", then only ASCII letters and
// digits. Empty for scripts ICU cannot romanise (Lao, Khmer).
Result<std::string> fold_bank_name(std::string_view name);

// The canonical BANK (a BIC8, or the folded name of a bank without one) for a bank written as `name`
// in a report from `country` (ISO 3166-1 alpha-2, or empty); nullopt when the table does not know the
// name, or when the name is ambiguous in that country.
std::optional<std::string> resolve_bank(std::string_view name, std::string_view country);

// The BIC8 of a bank in the table whose BIC of 8 or 11 characters, in any case, `folded` is
// ("bftvvnvx" -> "BFTVVNVX"); nullopt for anything else.
std::optional<std::string> known_bic8(std::string_view folded);

// A name of the table as written, with what resolve_bank() takes for it: its folded match key, or the name
// itself for scripts that fold to nothing (Lao, Khmer). Folded once, when the table is built.
struct WrittenName {
  std::string_view text;  // a view into the compiled-in table
  std::string key;
};
// A row of banks.tsv as written, for extraction's keywords.
struct WrittenBank {
  std::string_view bic8;           // "-" when the row has none
  std::vector<WrittenName> names;  // its name, then its aliases
};
const std::vector<WrittenBank>& written_banks();
// The names of ambiguous-aliases.tsv as written, each once.
const std::vector<WrittenName>& written_ambiguous_aliases();

// Rows in the table, for tests and diagnostics.
std::size_t bank_table_size();

}  // namespace jala::model
