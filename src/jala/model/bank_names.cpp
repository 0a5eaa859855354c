#include "jala/model/bank_names.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

#include "jala/model/text.h"

namespace jala::model {

std::vector<std::vector<std::string_view>> tsv_rows(std::string_view tsv) {
  std::vector<std::vector<std::string_view>> rows;
  bool header = true;
  while (!tsv.empty()) {
    const std::size_t end = std::min(tsv.find('\n'), tsv.size());
    std::string_view line = tsv.substr(0, end);
    tsv.remove_prefix(std::min(end + 1, tsv.size()));
    if (header || line.empty()) {
      header = false;
      continue;
    }
    std::vector<std::string_view> columns;
    for (std::size_t tab = line.find('\t'); tab != std::string_view::npos; tab = line.find('\t')) {
      columns.push_back(line.substr(0, tab));
      line.remove_prefix(tab + 1);
    }
    columns.push_back(line);
    rows.push_back(std::move(columns));
  }
  return rows;
}

std::vector<std::string_view> names_to_fold() {
  std::vector<std::string_view> names;
  for (const auto& row : tsv_rows(k_banks_tsv)) {
    if (row.size() != 4) continue;
    names.push_back(row[2]);
    std::string_view aliases = row[3];
    while (!aliases.empty()) {
      const std::size_t bar = std::min(aliases.find('|'), aliases.size());
      names.push_back(aliases.substr(0, bar));
      aliases.remove_prefix(std::min(bar + 1, aliases.size()));
    }
  }
  for (const auto& row : tsv_rows(k_ambiguous_bank_aliases_tsv)) {
    if (!row.empty()) names.push_back(row[0]);
  }
  return names;
}

Result<std::string> transliterate_bank_name(std::string_view name) {
  // Transliterators are costly to build and not documented as thread-safe: one per thread.
  thread_local std::unique_ptr<icu::Transliterator> transliterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(made) : nullptr;
  }();
  if (transliterator == nullptr) return internal_error("ICU transliterator Any-Latin is unavailable");
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  transliterator->transliterate(text);
  std::string folded;
  text.toUTF8String(folded);
  return ascii_alnum_lowered(folded);
}

std::string ascii_alnum_lowered(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (is_ascii_alnum(c)) out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return out;
}

}  // namespace jala::model
