// Run by the build: folds the bank table's names that are not ASCII with ICU, and writes them as a C++
// source defining bank_names_folded_at_build() (bank_names.h).
//
//   fold_bank_names OUT_CPP
#include <fmt/core.h>

#include <iostream>
#include <set>
#include <string>

#include "jala/model/bank_names.h"
#include "jala/model/generated_source.h"
#include "jala/model/text.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: fold_bank_names OUT_CPP\n";
    return 2;
  }
  std::set<std::string_view> names;
  for (const std::string_view name : jala::model::names_to_fold()) {
    if (!jala::model::is_ascii(name)) names.insert(name);
  }
  std::string entries;
  for (const std::string_view name : names) {
    const jala::Result<std::string> folded = jala::model::transliterate_bank_name(name);
    if (!folded.ok()) {
      std::cerr << "fold_bank_names: " << folded.error().message() << "\n";
      return 1;
    }
    entries += fmt::format("      {{{}, {}}},\n", jala::model::cpp_string_literal(name),
                           jala::model::cpp_string_literal(*folded));
  }
  return jala::model::write_generated_table(argv[1], "fold_bank_names", "jala/model/bank_names.h",
                                            "std::span<const FoldedName> bank_names_folded_at_build()", "FoldedName",
                                            entries);
}
