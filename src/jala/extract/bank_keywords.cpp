#include <algorithm>
#include <array>
#include <optional>
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

// Which of the table's names are cues, and how they match. A bank's name is evidence only where it cannot be
// an ordinary word or phrase, since the number after it becomes an account instead of a phone (review):
// - a name in a script other than Latin, or with letters beyond ASCII ("Ngoại thương", foreign trade; "Sài
//   Gòn"; Thai "ทหารไทย", a Thai soldier; Chinese "工行" inside "员工行政"), only when it holds its script's
//   word for bank ("ธนาคาร", "银行", "은행", "Ngân hàng"), or is one of the few names that reports use alone
//   and that are no word (below);
// - an ASCII name of several words in any case when it says "bank" ("MB BANK", "public bank"), otherwise
//   only as the table writes it;
// - one word of five letters or more in any case ("vpbank", "KRUNGTHAI");
// - none that is also an ordinary word or name ("boost", "chase", Indonesian "permata", jewel and a woman's
//   name, the Lao surname "Phongsavanh", "first direct"): the bank is then read by its longer names;
// - an acronym of two or three capitals only when listed below: most of them are other things as well ("HDB"
//   is Singapore's housing board, "BOC" the Philippine customs, "ABC" anyone).
constexpr std::array<std::string_view, 16> k_bank_words = {
    "bank", "ngân hàng", "ngan hang", "banque", "banco", "ธนาคาร", "银行", "銀行",
    "은행", "뱅크",      "ທະນາຄານ",   "ធនាគារ", "ဘဏ်",    "بنك",    "مصرف", "बैंक"};
constexpr std::array<std::string_view, 10> k_short_names_used_alone = {
    "กสิกร",     "กสิกรไทย", "ไทยพาณิชย์", "กรุงไทย",           "กรุงศรี",
    "中國信託", "អេស៊ីលីដា",  "농협",     "Société Générale", "Crédit Agricole"};
constexpr std::array<std::string_view, 26> k_acronyms_of_banks = {
    "VCB", "TCB", "ACB", "VIB", "SHB", "KBZ", "AYA", "ABA", "BCA", "BRI", "BNI", "BTN", "PBB",
    "BDO", "BPI", "CCB", "SCB", "BBL", "KTB", "TTB", "KKP", "LDB", "DBS", "RHB", "HLB", "UOB"};
constexpr std::array<std::string_view, 16> k_names_that_are_words = {
    "boost", "cake",    "caixa",    "chase",    "fortis",  "halifax",   "jenius",       "nationwide",
    "niaga", "permata", "starling", "digibank", "ping an", "hang seng", "first direct", "phongsavanh"};

constexpr std::size_t k_min_letters_in_any_case = 5;
constexpr std::size_t k_max_acronym_letters = 3;

template <std::size_t count>
bool is_listed(const std::array<std::string_view, count>& list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

// How a name of the table matches, or nullopt when it is no cue.
std::optional<Match> how_to_match(std::string_view name) {
  const std::string lowered = model::ascii_lower(name);
  if (!model::is_ascii(name)) {
    const bool has_bank_word = std::any_of(k_bank_words.begin(), k_bank_words.end(), [&](std::string_view word) {
      return lowered.find(word) != std::string::npos;
    });
    if (!has_bank_word && !is_listed(k_short_names_used_alone, name)) return std::nullopt;
    return Match::any_case;  // Hyperscan folds ASCII letters only
  }
  if (is_listed(k_names_that_are_words, lowered)) return std::nullopt;
  // A phrase matches in any case only when it says "bank" ("MB BANK", "public bank"; not "first direct").
  if (name.find(' ') != std::string_view::npos) {
    return lowered.find("bank") != std::string::npos ? Match::any_case : Match::exact;
  }
  const auto letters = static_cast<std::size_t>(std::count_if(name.begin(), name.end(), model::is_ascii_alpha));
  const bool acronym = letters <= k_max_acronym_letters &&
                       std::none_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  if (acronym) return is_listed(k_acronyms_of_banks, name) ? std::optional(Match::exact) : std::nullopt;
  return letters >= k_min_letters_in_any_case ? Match::any_case : Match::exact;
}

// Banks, not e-wallets, whose accounts are phone numbers.
bool names_a_bank(const model::WrittenBank& row) {
  return row.bic8 != "-" || model::ascii_lower(row.names.front().text).find("bank") != std::string::npos;
}

}  // namespace

std::vector<Keyword> bank_keywords(std::span<const Keyword> other_keywords) {
  std::set<std::string, std::less<>> taken;
  for (const Keyword& keyword : other_keywords) taken.insert(model::ascii_lower(keyword.text));
  std::vector<Keyword> keywords;
  auto add = [&](const Keyword& keyword) {
    if (keyword.text.empty() || !taken.insert(model::ascii_lower(keyword.text)).second) return;
    keywords.push_back(keyword);
  };
  for (const Keyword& keyword : k_banks_beyond_the_table) add(keyword);
  auto add_name = [&](const model::WrittenName& name) {
    if (const std::optional<Match> match = how_to_match(name.text)) add({name.text, Cue::bank, *match, name.key});
  };
  for (const model::WrittenBank& row : model::written_banks()) {
    if (!names_a_bank(row)) continue;
    for (const model::WrittenName& name : row.names) add_name(name);
  }
  for (const model::WrittenName& alias : model::written_ambiguous_aliases()) add_name(alias);
  return keywords;
}

}  // namespace jala::extract
