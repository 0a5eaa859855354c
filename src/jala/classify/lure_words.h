// The multilingual words behind lure facts (lure_facts.h), over folded text (lower case, Latin letters
// without diacritics, decimal digits as ASCII): currencies, pay periods, destinations, perks and
// employer markers. A term of ASCII letters matches only as whole words; an Arabic term where its word
// starts, after the prefixes Arabic writes on words (lure_text::find_term); any other term (Thai, Khmer,
// Lao, Burmese, Chinese, Korean, Japanese, symbols) matches anywhere but inside words_containing_terms().
// Internal to classify/.
#pragma once

#include <algorithm>
#include <span>
#include <string_view>

namespace jala::classify::lure_words {

// A term and what it stands for: a currency code, a pay period, a country code or a perk.
struct Term {
  std::string_view text;
  std::string_view means;
};

// Currency symbols and words before an amount ("$1,500", "RM 3000") and after it ("1500 USD"). "HAN"
// means the currency that Han characters and ¥ stand for in the text: yuan, or yen in Japanese. A longer
// term comes before a shorter one it starts with ("ريال قطري" before "ريال").
std::span<const Term> currencies_before();
std::span<const Term> currencies_after();
// Number words after an amount: "15tr", "3 juta", "1万", with the value they multiply by as `means`
// ("1000000") and, for words only one currency uses ("triệu" for VND), that currency after a "/".
std::span<const Term> multipliers();
// Pay periods after an amount ("/tháng", "per month") and before it ("月薪", "เงินเดือน").
std::span<const Term> periods_after();
std::span<const Term> periods_before();
// Words that name pay; an amount near one is the salary.
std::span<const std::string_view> pay_words();
// Words for overtime pay: an amount right after one is no salary.
std::span<const std::string_view> overtime_words();
// Places where the compounds are, and where lures send people, by ISO 3166-1 alpha-2 code.
std::span<const Term> destinations();
// "visa", "flight", "housing", "meals".
std::span<const Term> perks();
// Words that take a perk back: right before it ("khong ho tro visa", "no flight", "不包机票") or right after
// it ("ve may bay tu tuc", "机票自理", "flight not included").
std::span<const std::string_view> negations_before();
std::span<const std::string_view> negations_after();
// "or" and its kin: a perk joined by one to a perk taken back is taken back too ("no visa or flight").
std::span<const std::string_view> disjunctions();
// Words before a company's name ("Công ty", "PT") and after it ("Co., Ltd", "Group", "公司").
std::span<const std::string_view> employer_prefixes();
std::span<const std::string_view> employer_suffixes();

// Words that contain a term and mean something else ("소비자", consumer, holds "비자", visa): a term
// found inside one is not that term.
std::span<const std::string_view> words_containing_terms();

// Whether no entry of a table is empty: a table declared longer than its list ends in empty terms, which
// would match everywhere (each table's file asserts it at compile time).
constexpr std::string_view term_text(const Term& term) { return term.text; }
constexpr std::string_view term_text(std::string_view word) { return word; }
constexpr bool none_empty(const auto& terms) {
  return std::ranges::none_of(terms, [](const auto& term) { return term_text(term).empty(); });
}

}  // namespace jala::classify::lure_words
