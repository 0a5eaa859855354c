#include <algorithm>
#include <array>
#include <set>
#include <string>

#include "jala/extract/keywords.h"
#include "jala/model/bank_table.h"
#include "jala/model/text.h"

namespace jala::extract {
namespace {

// Written forms of banks the table does not list yet (outside its countries); keys resolve by folding.
constexpr std::array k_banks_beyond_the_table = std::to_array<Keyword>({
    {"HDFC Bank", Cue::bank, Match::exact, "hdfcbank"},
    {"HDFC", Cue::bank, Match::exact, "hdfcbank"},
    {"एचडीएफसी बैंक", Cue::bank, Match::exact, "hdfcbank"},
    {"एचडीएफसी", Cue::bank, Match::exact, "hdfcbank"},
    {"SBI", Cue::bank, Match::exact, "sbi"},
    {"State Bank of India", Cue::bank, Match::any_case, "sbi"},
    {"भारतीय स्टेट बैंक", Cue::bank, Match::exact, "sbi"},
    {"Emirates NBD", Cue::bank, Match::any_case, "emiratesnbd"},
    {"بنك الإمارات دبي الوطني", Cue::bank, Match::exact, "emiratesnbd"},
    {"Al Rajhi Bank", Cue::bank, Match::any_case, "alrajhibank"},
    {"Al Rajhi", Cue::bank, Match::any_case, "alrajhibank"},
    {"مصرف الراجحي", Cue::bank, Match::exact, "alrajhibank"},
    {"الراجحي", Cue::bank, Match::exact, "alrajhibank"},
    // Traditional script of an ambiguous alias; in Traditional Chinese it is Taiwan's CTBC.
    {"中信銀行", Cue::bank, Match::exact, "ctbc"},
});

// Bank names that are also ordinary words in the reports' languages ("boost", "chase", Indonesian "permata",
// jewel): they name the bank only as the table writes them. Indonesian "mandiri" (independent) is not one:
// real messages write the bank in lower case ("rekeningnya mandiri : 900-00-…").
constexpr std::array<std::string_view, 11> k_names_that_are_words = {
    "boost", "cake", "caixa", "chase", "fortis", "halifax", "jenius", "nationwide", "niaga", "permata", "starling"};

constexpr std::size_t k_min_letters_in_any_case = 5;

// A name of five letters or more matches in any case ("vpbank", "KRUNGTHAI"); a shorter one only as
// written ("ACB", "BAY", "ING", "Jago"), so that ordinary words do not trigger it. ASCII letters are the
// only ones Hyperscan folds, so a name in another script is matched as written either way.
Match match_rule(std::string_view name) {
  if (std::any_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
    return Match::any_case;
  }
  const auto letters = std::count_if(name.begin(), name.end(), model::is_ascii_alpha);
  const std::string lowered = model::ascii_lower(name);
  const bool is_word =
      std::find(k_names_that_are_words.begin(), k_names_that_are_words.end(), lowered) != k_names_that_are_words.end();
  return letters >= static_cast<long>(k_min_letters_in_any_case) && !is_word ? Match::any_case : Match::exact;
}

bool names_a_bank(const model::WrittenBank& row) {
  return row.bic8 != "-" || model::ascii_lower(row.name).find("bank") != std::string::npos;
}

}  // namespace

std::vector<Keyword> bank_keywords(std::span<const Keyword> other_keywords, std::deque<std::string>& key_storage) {
  std::set<std::string, std::less<>> taken;
  for (const Keyword& keyword : other_keywords) taken.insert(model::ascii_lower(keyword.text));
  std::vector<Keyword> keywords;
  auto add = [&](const Keyword& keyword) {
    if (keyword.text.empty() || !taken.insert(model::ascii_lower(keyword.text)).second) return;
    keywords.push_back(keyword);
  };
  // Lao and Khmer names fold to nothing; the resolver looks them up as written.
  auto key_of = [&](std::string_view name) -> std::string_view {
    Result<std::string> folded = model::fold_bank_name(name);
    if (!folded.ok() || folded->empty()) return name;
    return key_storage.emplace_back(std::move(folded).value());
  };
  for (const Keyword& keyword : k_banks_beyond_the_table) add(keyword);
  for (const model::WrittenBank& row : model::written_banks()) {
    if (!names_a_bank(row)) continue;
    add({row.name, Cue::bank, match_rule(row.name), key_of(row.name)});
    for (const std::string_view alias : row.aliases) add({alias, Cue::bank, match_rule(alias), key_of(alias)});
  }
  for (const std::string_view alias : model::written_ambiguous_aliases()) {
    add({alias, Cue::bank, match_rule(alias), key_of(alias)});
  }
  return keywords;
}

}  // namespace jala::extract
