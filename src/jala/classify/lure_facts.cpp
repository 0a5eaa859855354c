#include "jala/classify/lure_facts.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jala/classify/features.h"
#include "jala/classify/lure_words.h"
#include "jala/graph/usd_rates.h"
#include "jala/model/text.h"

namespace jala::classify {
namespace {

using lure_words::Term;

// The text folded for matching (lower case, Latin letters without diacritics, decimal digits as
// ASCII, runs of white space as one space), with where each of its bytes came from in the original,
// so that a name found in it can be quoted as written.
struct Folded {
  std::string text;
  std::vector<std::uint32_t> origin;  // per byte of `text`: the original offset of its code point
  std::uint32_t original_size = 0;

  std::uint32_t original_at(std::size_t at) const { return at < origin.size() ? origin[at] : original_size; }
};

void append(Folded& folded, UChar32 c, std::uint32_t origin) {
  char buffer[4];
  std::int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<std::uint8_t*>(buffer), length, 4, c, error);
  if (error) return;
  folded.text.append(buffer, static_cast<std::size_t>(length));
  folded.origin.insert(folded.origin.end(), static_cast<std::size_t>(length), origin);
}

bool is_mark(UChar32 c) {
  const std::int8_t type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK;
}

Folded fold(std::string_view text) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(error);
  if (U_FAILURE(error)) nfd = nullptr;
  Folded folded;
  folded.original_size = static_cast<std::uint32_t>(text.size());
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  bool after_latin = false;
  bool after_space = true;
  for (std::int32_t i = 0; i < length;) {
    const auto start = static_cast<std::uint32_t>(i);
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) continue;
    if (u_isspace(c)) {
      if (!after_space) append(folded, ' ', start);
      after_space = true;
      after_latin = false;
      continue;
    }
    after_space = false;
    if (is_mark(c)) {
      if (!after_latin) append(folded, c, start);  // Latin diacritics go; Thai or Khmer vowel signs stay
      continue;
    }
    after_latin = false;
    if (u_isdigit(c)) {
      c = '0' + u_charDigitValue(c);
    } else if (u_isalpha(c)) {
      c = u_tolower(c);
      if (c == 0x0111) c = 'd';  // đ has no decomposition
      UErrorCode script_error = U_ZERO_ERROR;
      if (uscript_getScript(c, &script_error) == USCRIPT_LATIN) {
        after_latin = true;
        icu::UnicodeString decomposition;
        if (nfd != nullptr && nfd->getDecomposition(c, decomposition)) c = decomposition.char32At(0);
      }
    }
    append(folded, c, start);
  }
  return folded;
}

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Whether `term` is at `at`, as a whole word where it begins or ends with an ASCII letter.
bool term_at(std::string_view text, std::size_t at, std::string_view term) {
  if (text.substr(at, term.size()) != term) return false;
  if (is_letter(term.front()) && at > 0 && is_letter(text[at - 1])) return false;
  const std::size_t end = at + term.size();
  return !(is_letter(term.back()) && end < text.size() && is_letter(text[end]));
}

std::optional<std::size_t> find_term(std::string_view text, std::string_view term, std::size_t from = 0) {
  for (std::size_t at = text.find(term, from); at != std::string_view::npos; at = text.find(term, at + 1)) {
    if (term_at(text, at, term)) return at;
  }
  return std::nullopt;
}

std::string_view text_of(const Term& term) { return term.text; }
std::string_view text_of(std::string_view word) { return word; }

// The first of `terms` (lure_words' terms or plain words) at `at`.
template <typename T>
const T* term_starting(std::string_view text, std::size_t at, std::span<const T> terms) {
  const auto found =
      std::find_if(terms.begin(), terms.end(), [&](const T& term) { return term_at(text, at, text_of(term)); });
  return found == terms.end() ? nullptr : &*found;
}

// The first of `terms` that ends at `end`.
template <typename T>
const T* term_ending(std::string_view text, std::size_t end, std::span<const T> terms) {
  const auto found = std::find_if(terms.begin(), terms.end(), [&](const T& term) {
    const std::string_view term_text = text_of(term);
    return term_text.size() <= end && term_at(text, end - term_text.size(), term_text);
  });
  return found == terms.end() ? nullptr : &*found;
}

std::size_t skip_spaces(std::string_view text, std::size_t at) {
  while (at < text.size() && text[at] == ' ') ++at;
  return at;
}

// A number as ads write it: "1500", "1,500", "1.500.000" (groups of three), "2.5".
struct Number {
  double value = 0;
  std::size_t end = 0;
};

Number read_number(std::string_view text, std::size_t at) {
  std::string digits;
  std::size_t i = at;
  while (i < text.size() && is_digit(text[i])) digits += text[i++];
  // Groups of exactly three digits after a separator are thousands: "1,500", "1.500.000".
  while (i + 3 < text.size() && (text[i] == ',' || text[i] == '.' || text[i] == '\'') && is_digit(text[i + 1]) &&
         is_digit(text[i + 2]) && is_digit(text[i + 3]) && (i + 4 == text.size() || !is_digit(text[i + 4]))) {
    digits.append(text.substr(i + 1, 3));
    i += 4;
  }
  if (i + 1 < text.size() && (text[i] == '.' || text[i] == ',') && is_digit(text[i + 1])) {
    std::size_t j = i + 1;
    while (j < text.size() && is_digit(text[j])) ++j;
    if (j - i - 1 <= 2) {
      digits += '.';
      digits.append(text.substr(i + 1, j - i - 1));
      i = j;
    }
  }
  Number number{0, i};
  std::from_chars(digits.data(), digits.data() + digits.size(), number.value);
  return number;
}

// An amount and what follows it: "15tr", "1,500-3,000 USD".
struct Amount {
  double value = 0;
  std::string currency;  // explicit, else the one a number word implies; empty if neither
  std::size_t start = 0;
  std::size_t end = 0;
};

// The multiplier at `at`, if any: its factor, the currency it implies, and where it ends.
std::size_t apply_multiplier(std::string_view text, std::size_t at, double& value, std::string& implied) {
  const std::size_t word = skip_spaces(text, at);
  const Term* multiplier = term_starting(text, word, lure_words::multipliers());
  if (multiplier == nullptr || word - at > 1) return at;
  const std::string_view means = multiplier->means;
  const std::size_t slash = means.find('/');
  double factor = 1;
  std::from_chars(means.data(), means.data() + std::min(slash, means.size()), factor);
  value *= factor;
  if (slash != std::string_view::npos) implied = std::string(means.substr(slash + 1));
  return word + multiplier->text.size();
}

bool is_range_mark(std::string_view text, std::size_t at) {
  return term_at(text, at, "-") || term_at(text, at, "–") || term_at(text, at, "~") || term_at(text, at, "to") ||
         term_at(text, at, "den") || term_at(text, at, "hingga") || term_at(text, at, "sampai") ||
         term_at(text, at, "a") || term_at(text, at, "至") || term_at(text, at, "ถึง") || term_at(text, at, "〜") ||
         term_at(text, at, "～");
}

// Whether the text at `at` ends an amount: its end, a space, punctuation or a currency.
bool ends_amount(std::string_view text, std::size_t at) {
  if (at >= text.size() || text[at] == ' ') return true;
  const auto c = static_cast<unsigned char>(text[at]);
  if (c < 0x80) return !is_letter(text[at]) && !is_digit(text[at]);
  return term_at(text, at, "，") || term_at(text, at, "。") || term_at(text, at, "！") || term_at(text, at, "、") ||
         term_starting(text, at, lure_words::currencies_after()) != nullptr;
}

// "1万5千", "1万2千5百", "1万5000", "1万5": after 万 (ten thousand) the rest of the amount, in thousands
// and hundreds marked by 千 and 百, as four digits, or, as speech has it ("一万五" is 15,000), as a single
// digit that ends the amount ("1万8小时" is 10,000 and eight hours). Where the amount ends.
std::size_t add_rest_after_myriad(std::string_view text, std::size_t at, double& value) {
  if (!(text.substr(0, at).ends_with("万") || text.substr(0, at).ends_with("萬"))) return at;
  const auto single_digit = [&](std::size_t i) {
    return i < text.size() && is_digit(text[i]) && !(i + 1 < text.size() && is_digit(text[i + 1]));
  };
  std::size_t digits_end = at;
  while (digits_end < text.size() && is_digit(text[digits_end])) ++digits_end;
  if (digits_end - at == 4 && ends_amount(text, digits_end)) {
    value += read_number(text, at).value;
    return digits_end;
  }
  if (!single_digit(at)) return at;
  const double thousands = text[at] - '0';
  constexpr std::string_view k_thousand = "千";
  constexpr std::string_view k_hundred = "百";
  if (term_at(text, at + 1, k_thousand)) {
    value += thousands * 1000;
    const std::size_t hundreds = at + 1 + k_thousand.size();
    if (single_digit(hundreds) && term_at(text, hundreds + 1, k_hundred)) {
      value += (text[hundreds] - '0') * 100;
      return hundreds + 1 + k_hundred.size();
    }
    return hundreds;
  }
  if (!ends_amount(text, at + 1)) return at;
  value += thousands * 1000;
  return at + 1;
}

// Japanese writes 万 (ten thousand) as Chinese does, for yen: text with kana (U+3040–U+30FF, UTF-8 E3 81–83)
// is Japanese.
bool has_kana(std::string_view text) {
  for (std::size_t at = text.find('\xE3'); at != std::string_view::npos && at + 1 < text.size();
       at = text.find('\xE3', at + 1)) {
    const auto second = static_cast<unsigned char>(text[at + 1]);
    if (second >= 0x81 && second <= 0x83) return true;
  }
  return false;
}

// `myriad_currency`: what 万 and 千 imply, CNY, or JPY in Japanese text.
Amount read_amount(std::string_view text, std::size_t start, std::string_view myriad_currency) {
  Amount amount{0, "", start, start};
  const Number number = read_number(text, start);
  amount.value = number.value;
  std::string implied;
  std::size_t at = add_rest_after_myriad(text, apply_multiplier(text, number.end, amount.value, implied), amount.value);
  // A range: the lower end is the amount; the upper end's multiplier applies to both when the lower
  // has none ("15-20tr").
  const std::size_t mark = skip_spaces(text, at);
  if (mark < text.size() && is_range_mark(text, mark)) {
    std::size_t upper = mark;
    while (upper < text.size() && !is_digit(text[upper])) ++upper;
    if (upper - mark <= 8 && upper < text.size()) {
      const Number high = read_number(text, upper);
      double high_value = high.value;
      const bool lower_had_multiplier = at != number.end;
      at = apply_multiplier(text, high.end, high_value, implied);
      if (!lower_had_multiplier && at != high.end) apply_multiplier(text, high.end, amount.value, implied);
    }
  }
  const Term* before = term_ending(text, start > 0 && text[start - 1] == ' ' ? start - 1 : start,
                                   lure_words::currencies_before());
  const std::size_t after_at = skip_spaces(text, at);
  const Term* after = after_at - at <= 1 ? term_starting(text, after_at, lure_words::currencies_after()) : nullptr;
  if (after != nullptr) {
    amount.currency = after->means;
    at = after_at + after->text.size();
  } else if (before != nullptr) {
    amount.currency = before->means;
  } else {
    amount.currency = implied == "CNY" ? std::string(myriad_currency) : implied;
  }
  amount.end = at;
  return amount;
}

std::optional<model::PayPeriod> period_after(std::string_view text, std::size_t at) {
  at = skip_spaces(text, at);
  if (at < text.size() && text[at] == '/') at = skip_spaces(text, at + 1);
  const Term* period = term_starting(text, at, lure_words::periods_after());
  if (period == nullptr) return std::nullopt;
  return *model::parse_pay_period(period->means);
}

std::optional<model::PayPeriod> period_before(std::string_view text, std::size_t start) {
  constexpr std::size_t k_window = 40;
  const std::string_view window = text.substr(start > k_window ? start - k_window : 0, std::min(start, k_window));
  for (const Term& term : lure_words::periods_before()) {
    if (find_term(window, term.text)) return *model::parse_pay_period(term.means);
  }
  return std::nullopt;
}

bool pay_word_before(std::string_view text, std::size_t start) {
  constexpr std::size_t k_window = 60;
  const std::string_view window = text.substr(start > k_window ? start - k_window : 0, std::min(start, k_window));
  return std::any_of(lure_words::pay_words().begin(), lure_words::pay_words().end(),
                     [&](std::string_view word) { return find_term(window, word).has_value(); });
}

double months_per(model::PayPeriod period) {
  switch (period) {
    case model::PayPeriod::hour: return 160;  // 40 hours a week
    case model::PayPeriod::day: return 26;    // six days a week
    case model::PayPeriod::week: return 52.0 / 12.0;
    case model::PayPeriod::month: return 1;
    case model::PayPeriod::year: return 1.0 / 12.0;
  }
  return 1;
}

std::optional<model::Salary> find_salary(std::string_view text) {
  const std::string_view myriad_currency = has_kana(text) ? "JPY" : "CNY";
  struct Candidate {
    model::Salary salary;
    bool has_period = false;
    bool near_pay_word = false;
  };
  std::vector<Candidate> candidates;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (!is_digit(text[at]) || (at > 0 && (is_digit(text[at - 1]) || text[at - 1] == '.' || text[at - 1] == ','))) {
      continue;
    }
    const Amount amount = read_amount(text, at, myriad_currency);
    at = std::max(at, amount.end);
    if (amount.currency.empty() || amount.value <= 0) continue;
    std::optional<model::PayPeriod> period = period_after(text, amount.end);
    if (!period) period = period_before(text, amount.start);
    Candidate candidate{{amount.value, amount.currency, period.value_or(model::PayPeriod::month), std::nullopt},
                        period.has_value(), pay_word_before(text, amount.start)};
    if (const std::optional<double> rate = graph::usd_per_unit(amount.currency)) {
      const double usd = amount.value * *rate * months_per(candidate.salary.period);
      candidate.salary.usd_per_month = std::round(usd * 100) / 100;  // to the cent
    }
    candidates.push_back(std::move(candidate));
  }
  for (const auto wanted : {&Candidate::has_period, &Candidate::near_pay_word}) {
    const auto found = std::find_if(candidates.begin(), candidates.end(), [&](const Candidate& c) { return c.*wanted; });
    if (found != candidates.end()) return found->salary;
  }
  return std::nullopt;  // an amount that is neither pay for a time nor called pay: a ransom, a fee, a loss
}

// Where the Hangul word that goes on at `at` ends: Korean attaches particles to a noun ("항공권은"), and a
// term may be the start of a longer word ("항공" of "항공권"). Hangul syllables are U+AC00–U+D7A3, UTF-8
// EA B0 80 to ED 9E A3.
std::size_t hangul_word_end(std::string_view text, std::size_t at) {
  while (at + 2 < text.size()) {
    const auto lead = static_cast<unsigned char>(text[at]);
    const auto second = static_cast<unsigned char>(text[at + 1]);
    const bool syllable =
        (lead == 0xEA && second >= 0xB0) || lead == 0xEB || lead == 0xEC || (lead == 0xED && second <= 0x9E);
    if (!syllable) break;
    at += 3;
  }
  return at;
}

// Whether the mention of a term at [at, end) is taken back by a negation right before or after it (after
// the rest of its word, in Korean).
bool is_negated(std::string_view text, std::size_t at, std::size_t end) {
  std::size_t before = at;
  while (before > 0 && text[before - 1] == ' ') --before;
  const std::size_t word_end = hangul_word_end(text, end);
  return term_ending(text, before, lure_words::negations_before()) != nullptr ||
         term_starting(text, skip_spaces(text, end), lure_words::negations_after()) != nullptr ||
         (word_end != end &&
          term_starting(text, skip_spaces(text, word_end), lure_words::negations_after()) != nullptr);
}

// What each term means, in order of its first mention (not taken back by a negation, when asked).
enum class Negated { count, skip };

std::vector<std::string> mentioned(std::string_view text, std::span<const Term> terms,
                                   Negated negated = Negated::count) {
  std::vector<std::pair<std::size_t, std::string_view>> first;
  for (const Term& term : terms) {
    std::optional<std::size_t> at = find_term(text, term.text);
    while (at && negated == Negated::skip && is_negated(text, *at, *at + term.text.size())) {
      at = find_term(text, term.text, *at + 1);
    }
    if (!at) continue;
    const auto known = std::find_if(first.begin(), first.end(), [&](const auto& f) { return f.second == term.means; });
    if (known == first.end()) {
      first.emplace_back(*at, term.means);
    } else {
      known->first = std::min(known->first, *at);
    }
  }
  std::sort(first.begin(), first.end());
  std::vector<std::string> out;
  out.reserve(first.size());
  for (const auto& [at, means] : first) out.emplace_back(means);
  return out;
}

std::vector<std::string> perks_in(std::string_view text) {
  constexpr std::array<std::string_view, 4> k_order = {"visa", "flight", "housing", "meals"};
  const std::vector<std::string> found = mentioned(text, lure_words::perks(), Negated::skip);
  std::vector<std::string> out;
  for (const std::string_view perk : k_order) {
    if (std::find(found.begin(), found.end(), perk) != found.end()) out.emplace_back(perk);
  }
  return out;
}

// Employer names, quoted from the original text.
bool starts_name(std::string_view word) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(word.data());
  std::int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(bytes, i, static_cast<std::int32_t>(word.size()), c);
  return c >= 0 && (u_isupper(c) || u_istitle(c) || u_isdigit(c));
}

bool is_name_end(char c) { return c == ' ' || c == ',' || c == '.' || c == ':' || c == ';' || c == '!' || c == '\n'; }

std::string trimmed_name(std::string_view name) {
  while (!name.empty() && (is_name_end(name.back()) || name.back() == '(' || name.back() == '-')) name.remove_suffix(1);
  return std::string(name);
}

constexpr std::size_t k_max_name_words = 5;

// "Công ty TNHH Hoàng Long", "PT Maju Jaya": the prefix and the capitalised words after it.
std::string name_after(std::string_view original, std::size_t prefix_start, std::size_t prefix_end) {
  std::size_t end = prefix_end;
  std::size_t words = 0;
  for (std::size_t at = prefix_end; words < k_max_name_words;) {
    while (at < original.size() && original[at] == ' ') ++at;
    std::size_t word_end = at;
    while (word_end < original.size() && !is_name_end(original[word_end])) ++word_end;
    if (word_end == at || !starts_name(original.substr(at, word_end - at))) break;
    end = word_end;
    ++words;
    at = word_end;
  }
  return words == 0 ? std::string() : trimmed_name(original.substr(prefix_start, end - prefix_start));
}

// "Telegram" in "Telegram Group" names a platform, not a company.
bool is_platform(std::string_view word) {
  constexpr std::array<std::string_view, 12> k_platforms = {"telegram", "whatsapp", "facebook", "zalo",   "line",   "wechat",
                                                            "viber",    "signal",   "tiktok",   "instagram", "kakao", "messenger"};
  const std::string lower = model::ascii_lower(word);
  return std::find(k_platforms.begin(), k_platforms.end(), lower) != k_platforms.end();
}

// "Golden Fortune Group": the capitalised words before the suffix, and the suffix.
std::string name_before(std::string_view original, std::size_t suffix_start, std::size_t suffix_end) {
  std::size_t start = suffix_start;
  std::size_t words = 0;
  for (std::size_t at = suffix_start; words < k_max_name_words - 1 && at > 0;) {
    std::size_t word_end = at;
    while (word_end > 0 && original[word_end - 1] == ' ') --word_end;
    std::size_t word_start = word_end;
    while (word_start > 0 && !is_name_end(original[word_start - 1])) --word_start;
    const std::string_view word = original.substr(word_start, word_end - word_start);
    if (word.empty() || !starts_name(word) || is_platform(word)) break;
    start = word_start;
    ++words;
    at = word_start;
  }
  return words == 0 ? std::string() : trimmed_name(original.substr(start, suffix_end - start));
}

// The name a marker of a script without spaces introduces: the rest of its word, else the next word,
// at most k_max_unspaced_name_bytes.
constexpr std::size_t k_max_unspaced_name_bytes = 90;

std::string unspaced_name(std::string_view original, std::size_t start, std::size_t marker_end) {
  std::size_t end = marker_end;
  if (end < original.size() && original[end] == ' ') ++end;
  const std::size_t limit = std::min(original.size(), end + k_max_unspaced_name_bytes);
  while (end < limit && !is_name_end(original[end])) ++end;
  while (end < original.size() && end > marker_end && (static_cast<unsigned char>(original[end]) & 0xC0U) == 0x80U) --end;
  return end - marker_end <= 1 ? std::string() : trimmed_name(original.substr(start, end - start));
}

// Han characters before "公司" or "集团", up to six.
std::string han_name_before(std::string_view original, std::size_t suffix_start, std::size_t suffix_end) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(original.data());
  auto start = static_cast<std::int32_t>(suffix_start);
  for (int count = 0; count < 6 && start > 0; ++count) {
    std::int32_t previous = start;
    UChar32 c = 0;
    U8_PREV(bytes, 0, previous, c);
    UErrorCode error = U_ZERO_ERROR;
    if (c < 0 || uscript_getScript(c, &error) != USCRIPT_HAN) break;
    start = previous;
  }
  if (static_cast<std::size_t>(start) == suffix_start) return {};
  return std::string(original.substr(static_cast<std::size_t>(start), suffix_end - static_cast<std::size_t>(start)));
}

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// For each of `markers`, its first mention in the text that `name_at` (marker, start, end in the
// original) makes a name of, with where it starts.
template <typename NameAt>
void add_names(const Folded& folded, std::span<const std::string_view> markers, NameAt name_at,
               std::vector<std::pair<std::size_t, std::string>>& found) {
  for (const std::string_view marker : markers) {
    for (std::optional<std::size_t> at = find_term(folded.text, marker); at; at = find_term(folded.text, marker, *at + 1)) {
      const std::uint32_t start = folded.original_at(*at);
      std::string name = name_at(marker, start, folded.original_at(*at + marker.size()));
      if (!name.empty()) {
        found.emplace_back(start, std::move(name));
        break;
      }
    }
  }
}

std::string find_employer(const Folded& folded, std::string_view original) {
  std::vector<std::pair<std::size_t, std::string>> found;
  add_names(folded, lure_words::employer_prefixes(), [&](std::string_view marker, std::size_t start, std::size_t end) {
    return is_ascii(marker) ? name_after(original, start, end) : unspaced_name(original, start, end);
  }, found);
  add_names(folded, lure_words::employer_suffixes(), [&](std::string_view marker, std::size_t start, std::size_t end) {
    return is_ascii(marker) ? name_before(original, start, end) : han_name_before(original, start, end);
  }, found);
  if (found.empty()) return {};
  return std::min_element(found.begin(), found.end())->second;
}

}  // namespace

model::LureFacts lure_facts(std::string_view text) {
  text = text.substr(0, std::min(text.size(), k_max_message_bytes));
  const Folded folded = fold(text);
  model::LureFacts facts;
  facts.salary = find_salary(folded.text);
  facts.destinations = mentioned(folded.text, lure_words::destinations());
  facts.perks = perks_in(folded.text);
  facts.employer = find_employer(folded, text);
  return facts;
}

}  // namespace jala::classify
