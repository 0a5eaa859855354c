#include "jala/model/bank_table.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "jala/model/bank_names.h"
#include "jala/model/text.h"

namespace jala::model {

namespace {

constexpr std::string_view k_any_country = "*";
constexpr std::string_view k_unresolved = "-";

// The match key of data/banks/README.md: the folded name, or for scripts that fold to nothing the
// text in NFC, case-folded, without white space ("raw:" marks it, as check.py does).
std::string match_key(std::string_view name) {
  Result<std::string> folded = fold_bank_name(name);
  if (folded.ok() && !folded->empty()) return std::move(folded).value();
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  if (U_SUCCESS(status)) text = nfc->normalize(text, status);
  text.foldCase();
  std::string utf8;
  text.toUTF8String(utf8);
  std::string key = "raw:";
  for (char c : utf8) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') key += c;
  }
  return key == "raw:" ? std::string() : key;
}

// What resolve_bank() takes for a name whose match key is `key`: the key once folded, else the name itself
// (a "raw:" key is the resolver's own form of it).
std::string resolvable_key(std::string_view name, const std::string& key) {
  return key.empty() || key.starts_with("raw:") ? std::string(name) : key;
}

struct Table {
  std::unordered_map<std::string, std::string> bank_by_key;  // match key -> BANK
  // match key -> (country or "*", BANK or "-")
  std::unordered_map<std::string, std::vector<std::pair<std::string, std::string>>> ambiguous;
  std::unordered_map<std::string, std::string> bank_by_name;  // a row's name -> its BANK
  std::unordered_set<std::string> bic8s;
  std::vector<WrittenBank> written;
  std::vector<WrittenName> ambiguous_written;
  std::size_t rows = 0;
};

// The files are checked by data/banks/check.py; a malformed compiled-in table is a build defect.
Table build_table() {
  Table table;
  for (const auto& row : tsv_rows(k_banks_tsv)) {
    if (row.size() != 4) std::abort();
    const std::string_view bic8 = row[0];
    const std::string_view name = row[2];
    const std::string bank = bic8 != k_unresolved ? std::string(bic8) : fold_bank_name(name).value();
    table.bank_by_name.emplace(name, bank);
    if (bic8 != k_unresolved) table.bic8s.emplace(bic8);
    WrittenBank& written = table.written.emplace_back(WrittenBank{bic8, {}});
    const auto add_name = [&](std::string_view text) {
      std::string key = match_key(text);
      written.names.push_back({text, resolvable_key(text, key)});
      if (!key.empty()) table.bank_by_key.emplace(std::move(key), bank);
    };
    add_name(name);
    std::string_view aliases = row[3];
    while (!aliases.empty()) {
      const std::size_t bar = std::min(aliases.find('|'), aliases.size());
      add_name(aliases.substr(0, bar));
      aliases.remove_prefix(std::min(bar + 1, aliases.size()));
    }
    ++table.rows;
  }
  for (const auto& row : tsv_rows(k_ambiguous_bank_aliases_tsv)) {
    if (row.size() != 3) std::abort();
    // The bank column is a BIC8, the name of a row without one, or "-".
    const auto named = table.bank_by_name.find(std::string(row[2]));
    const std::string bank = named != table.bank_by_name.end() ? named->second : std::string(row[2]);
    const std::string key = match_key(row[0]);
    table.ambiguous[key].emplace_back(row[1], bank);
    if (std::none_of(table.ambiguous_written.begin(), table.ambiguous_written.end(),
                     [&](const WrittenName& written) { return written.text == row[0]; })) {
      table.ambiguous_written.push_back({row[0], resolvable_key(row[0], key)});
    }
  }
  return table;
}

const Table& table() {
  static const Table built = build_table();
  return built;
}

}  // namespace

Result<std::string> fold_bank_name(std::string_view name) {
  // ICU's transliteration leaves ASCII as it is, but for its case.
  if (is_ascii(name)) return ascii_alnum_lowered(name);
  static const std::unordered_map<std::string_view, std::string_view> folded_at_build = [] {
    std::unordered_map<std::string_view, std::string_view> folded;
    for (const FoldedName& entry : bank_names_folded_at_build()) folded.emplace(entry.name, entry.folded);
    return folded;
  }();
  if (const auto found = folded_at_build.find(name); found != folded_at_build.end()) {
    return std::string(found->second);
  }
  return transliterate_bank_name(name);
}

std::optional<std::string> resolve_bank(std::string_view name, std::string_view country) {
  const std::string key = match_key(name);
  if (key.empty()) return std::nullopt;
  const Table& bank_table = table();
  if (const auto ambiguous = bank_table.ambiguous.find(key); ambiguous != bank_table.ambiguous.end()) {
    const std::string* meaning = nullptr;
    for (const auto& [where, bank] : ambiguous->second) {
      if (where == country) meaning = &bank;
      if (where == k_any_country && meaning == nullptr) meaning = &bank;
    }
    if (meaning == nullptr || *meaning == k_unresolved) return std::nullopt;
    return *meaning;
  }
  if (const auto found = bank_table.bank_by_key.find(key); found != bank_table.bank_by_key.end()) return found->second;
  return std::nullopt;
}

std::optional<std::string> known_bic8(std::string_view folded) {
  constexpr std::size_t k_bic8 = 8;
  constexpr std::size_t k_bic11 = 11;
  if (folded.size() != k_bic8 && folded.size() != k_bic11) return std::nullopt;
  std::string bic8 = ascii_upper(folded.substr(0, k_bic8));
  if (!table().bic8s.contains(bic8)) return std::nullopt;
  return bic8;
}

const std::vector<WrittenBank>& written_banks() { return table().written; }

const std::vector<WrittenName>& written_ambiguous_aliases() { return table().ambiguous_written; }

std::size_t bank_table_size() { return table().rows; }

}  // namespace jala::model
