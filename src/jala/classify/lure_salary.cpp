#include "jala/classify/lure_salary.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "jala/classify/language.h"
#include "jala/classify/lure_text.h"
#include "jala/classify/lure_words.h"
#include "jala/graph/usd_rates.h"

namespace jala::classify {
namespace {

using lure_words::Term;
using namespace lure_text;

// A number as ads write it: "1500", "1,500", "1.500.000" (groups of three), "2.5"; and "2 000",
// "1 500 000" as French and Khmer write them, where the number is an amount (SpaceGroups).
struct Number {
  double value = 0;
  std::size_t end = 0;
  bool spaced = false;  // its thousands were grouped by spaces
};

// When a space groups thousands: never (the upper end of a range whose lower end was not so written: "18-35
// 800 USD"), or where the number is plainly an amount: a currency before it, or a currency or a range mark
// after it ("$800 100%" and "2 3 000" stay apart).
struct SpaceGroups {
  bool allowed = false;
  bool currency_before = false;
};

bool is_range_mark(std::string_view text, std::size_t at) {
  return term_at(text, at, "-") || term_at(text, at, "–") || term_at(text, at, "~") || term_at(text, at, "to") ||
         term_at(text, at, "den") || term_at(text, at, "hingga") || term_at(text, at, "sampai") ||
         term_at(text, at, "a") || term_at(text, at, "至") || term_at(text, at, "ถึง") || term_at(text, at, "〜") ||
         term_at(text, at, "～");
}

Number read_number(std::string_view text, std::size_t at, SpaceGroups spaces = {}) {
  std::string digits;
  std::size_t i = at;
  while (i < text.size() && is_digit(text[i])) digits += text[i++];
  // Groups of exactly three digits after a separator are thousands: "1,500", "1.500.000", and after one to
  // three digits, a space, as SpaceGroups allows.
  const bool may_group_by_space = spaces.allowed && digits.size() <= 3;
  std::optional<std::pair<std::size_t, std::size_t>> before_spaces;  // digits and position before a space group
  while (true) {
    std::size_t separator = 0;
    if (i < text.size() && (text[i] == ',' || text[i] == '.' || text[i] == '\'')) separator = 1;
    if (may_group_by_space && i < text.size() && text[i] == ' ') separator = 1;
    const std::size_t group = i + separator;
    if (separator == 0 || group + 3 > text.size() || !is_digit(text[group]) || !is_digit(text[group + 1]) ||
        !is_digit(text[group + 2]) || (group + 3 < text.size() && is_digit(text[group + 3]))) {
      break;
    }
    if (text[i] == ' ' && !before_spaces) before_spaces.emplace(digits.size(), i);
    digits.append(text.substr(group, 3));
    i = group + 3;
  }
  if (before_spaces) {
    const std::size_t next = skip_spaces(text, i);
    const bool amount_goes_on = term_starting(text, next, lure_words::currencies_after()) != nullptr ||
                                (next < text.size() && is_range_mark(text, next));
    const bool percent = i < text.size() && text[i] == '%';
    if (!amount_goes_on && !(spaces.currency_before && !percent)) {
      digits.resize(before_spaces->first);
      i = before_spaces->second;
      before_spaces.reset();
    }
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
  Number number{0, i, before_spaces.has_value()};
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
  value = std::round(value * factor * 100) / 100;  // to the cent: 8.05 × 1000 is 8049.999… in binary
  if (slash != std::string_view::npos) implied = std::string(means.substr(slash + 1));
  return word + multiplier->text.size();
}

// Whether the text at `at` ends an amount: its end, a space, punctuation or a currency.
bool ends_amount(std::string_view text, std::size_t at) {
  if (at >= text.size() || text[at] == ' ') return true;
  const auto c = static_cast<unsigned char>(text[at]);
  if (c < 0x80) return !is_letter(text[at]) && !is_digit(text[at]);
  return term_at(text, at, "，") || term_at(text, at, "。") || term_at(text, at, "！") || term_at(text, at, "、") ||
         term_starting(text, at, lure_words::currencies_after()) != nullptr;
}

// Korean number words: 십, 백 and 천 (ten, hundred, thousand) build a group of up to four digits, which 만
// (10^4) or 억 (10^8) scales, so "1억 2천만원" is 120,000,000 and "3천5백만원" 35,000,000. `value` holds the
// number read before `at`; a unit follows it directly or after a space, as does a later group's number.
// Digits written on the last 만 or 억 end the amount ("1만5000원" is 15,000), and a group after 억 without
// its 만 is in 만, as ads shorten it ("연봉 1억 2천" is 120,000,000). 만 and 억 imply won; 천 alone names
// no currency ("월 1천" is short for ten million won, or not). Where the amount ends, or `at` when no unit
// follows.
std::size_t apply_korean_units(std::string_view text, std::size_t at, double& value, std::string& implied) {
  constexpr std::array<std::pair<std::string_view, double>, 3> k_places{{{"십", 10}, {"백", 100}, {"천", 1000}}};
  constexpr std::array<std::pair<std::string_view, double>, 2> k_myriads{{{"만", 1e4}, {"억", 1e8}}};
  const auto unit_at = [&](const auto& units, std::size_t i) -> const std::pair<std::string_view, double>* {
    const auto found = std::ranges::find_if(units, [&](const auto& unit) { return term_at(text, i, unit.first); });
    return found == units.end() ? nullptr : &*found;
  };
  const auto one_space = [&](std::size_t i) { return i < text.size() && text[i] == ' ' ? i + 1 : i; };
  double total = 0;
  double group = 0;
  double last_myriad = 0;
  std::optional<double> digits = value;
  std::size_t end = at;
  for (std::size_t i = at;;) {
    const std::size_t word = one_space(i);
    const bool spaced = word != i;
    if (const auto* place = unit_at(k_places, word)) {
      // After a space only a number's unit: "100만 천천히" (slowly) is no thousand.
      if (spaced && !digits) break;
      group += digits.value_or(1) * place->second;  // "1억천만": a thousand without its 1
      digits.reset();
      i = end = word + place->first.size();
    } else if (const auto* myriad = unit_at(k_myriads, word)) {
      // Only a number's or a group's: "1천 만원", but "100만 만나요" (let's meet) is no more.
      if (!digits && group == 0) break;
      total += (group + digits.value_or(0)) * myriad->second;
      group = 0;
      digits.reset();
      last_myriad = myriad->second;
      implied = "KRW";
      i = end = word + myriad->first.size();
    } else if (end != at && !digits && word < text.size() && is_digit(text[word])) {
      const Number next = read_number(text, word);
      const std::size_t next_unit = one_space(next.end);
      if (unit_at(k_places, next_unit) != nullptr || unit_at(k_myriads, next_unit) != nullptr) {
        digits = next.value;
        i = next.end;
        continue;
      }
      if (!spaced && last_myriad > 0 && group == 0 && ends_amount(text, next.end)) {
        total += next.value;
        end = next.end;
      }
      break;
    } else {
      break;
    }
  }
  if (end == at) return at;
  if (last_myriad == 1e8) group *= 1e4;
  value = std::round((total + group) * 100) / 100;
  return end;
}

// The multiplier at `at`, or the Korean number words (apply_korean_units).
std::size_t apply_number_words(std::string_view text, std::size_t at, double& value, std::string& implied) {
  const std::size_t korean_end = apply_korean_units(text, at, value, implied);
  return korean_end != at ? korean_end : apply_multiplier(text, at, value, implied);
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

// "P50,000" is pesos, "p2" (a page, a part) is not: a wage in pesos after a bare "p" is at least this.
constexpr double k_min_pesos_after_p = 100;

// Whether a clause ends at `at` (the text's end, '/', or punctuation), or a pay period starts there.
bool ends_clause_or_names_period(std::string_view text, std::size_t at) {
  at = skip_spaces(text, at);
  if (at >= text.size()) return true;
  constexpr std::string_view k_clause_ends = "/.,;:!?)";
  if (k_clause_ends.find(text[at]) != std::string_view::npos) return true;
  return term_starting(text, at, lure_words::periods_after()) != nullptr;
}

// The currency is "HAN" where only 万, 千 or ¥ name it (find_salary decides which).
Amount read_amount(std::string_view text, std::size_t start) {
  Amount amount{0, "", start, start};
  const Term* before =
      term_ending(text, start > 0 && text[start - 1] == ' ' ? start - 1 : start, lure_words::currencies_before());
  const Number number = read_number(text, start, {true, before != nullptr});
  amount.value = number.value;
  std::string implied;
  std::size_t at =
      add_rest_after_myriad(text, apply_number_words(text, number.end, amount.value, implied), amount.value);
  // A range: the lower end is the amount; the upper end's multiplier applies to both when the lower
  // has none ("15-20tr").
  const std::size_t mark = skip_spaces(text, at);
  if (mark < text.size() && is_range_mark(text, mark)) {
    std::size_t upper = mark;
    while (upper < text.size() && !is_digit(text[upper])) ++upper;
    if (upper - mark <= 8 && upper < text.size()) {
      const Number high = read_number(text, upper, {number.spaced, before != nullptr});
      double high_value = high.value;
      const bool lower_had_multiplier = at != number.end;
      const std::size_t lower_end = at;
      at = apply_number_words(text, high.end, high_value, implied);
      if (!lower_had_multiplier && at != high.end) apply_number_words(text, high.end, amount.value, implied);
      // Korean thousands to a number of 만 or 억: "3천~5천만원" is 30,000,000 to 50,000,000.
      const auto ends_with = [&](std::size_t end, std::string_view word) {
        return text.substr(0, end).ends_with(word);
      };
      if (amount.value < 1e4 && (ends_with(lower_end, "천") || ends_with(lower_end, "백"))) {
        if (ends_with(at, "만")) amount.value *= 1e4;
        if (ends_with(at, "억")) amount.value *= 1e8;
      }
    }
  }
  const std::size_t after_at = skip_spaces(text, at);
  const Term* after = after_at - at <= 1 ? term_starting(text, after_at, lure_words::currencies_after()) : nullptr;
  // A currency after a space that starts another word is no currency: "월 500 원하시는" (who want), "1000
  // 불가능" (impossible). Written on the amount it is one ("300만원하고", 3,000,000 won and).
  if (after != nullptr && after_at != at && inside_other_word(text, after_at)) after = nullptr;
  // Vietnamese "đô" (dollar) folds to "do", also "because" and "by" ("tăng 20 do làm thêm"): a dollar only
  // where a period, a slash or the end of a clause follows ("1500 đô/tháng", "2 ngàn đô mỗi tháng").
  if (after != nullptr && after->text == "do" && !ends_clause_or_names_period(text, after_at + after->text.size())) {
    after = nullptr;
  }
  if (after != nullptr) {
    amount.currency = after->means;
    at = after_at + after->text.size();
  } else if (before != nullptr && !(before->text == "p" && amount.value < k_min_pesos_after_p)) {
    amount.currency = before->means;
  } else {
    amount.currency = implied;
  }
  amount.end = at;
  return amount;
}

std::optional<model::PayPeriod> period_after(std::string_view text, std::size_t at) {
  const std::size_t amount_end = at;
  at = skip_spaces(text, at);
  bool slash = false;
  if (at < text.size() && text[at] == '/') {
    slash = true;
    at = skip_spaces(text, at + 1);
  }
  const Term* period = term_starting(text, at, lure_words::periods_after());
  if (period == nullptr) return std::nullopt;
  // Vietnamese "năm" (year) folds to "nam", also "male": "15 triệu nam nữ" (men or women) is no yearly pay.
  if (!slash && period->text == "nam") return std::nullopt;
  // A one-character Han or Hangul period counts after '/' ("8000元/月起"), or written on the amount and
  // ending there ("3000元月，"); otherwise it starts another word: "30万円 日払いOK" and "30万円日払い" (paid
  // daily), "5만원 월요일까지" (by Monday).
  if (!slash && period->text.size() == 3 && is_cjk_letter_at(period->text, 0) &&
      (at != amount_end || is_cjk_letter_at(text, at + period->text.size()))) {
    return std::nullopt;
  }
  return *model::parse_pay_period(period->means);
}

std::optional<model::PayPeriod> period_before(std::string_view text, std::size_t start) {
  constexpr std::size_t k_window = 40;
  const std::string_view window = text.substr(start > k_window ? start - k_window : 0, std::min(start, k_window));
  for (const Term& term : lure_words::periods_before()) {
    for (std::optional<std::size_t> found = find_term(window, term.text); found;
         found = find_term(window, term.text, *found + 1)) {
      // After a digit a Hangul period is a date: "12월 1일" is the first of December.
      const bool date = *found > 0 && is_digit(window[*found - 1]) && is_hangul_at(window, *found);
      if (!date) return *model::parse_pay_period(term.means);
    }
  }
  return std::nullopt;
}

bool pay_word_before(std::string_view text, std::size_t start) {
  constexpr std::size_t k_window = 60;
  const std::string_view window = text.substr(start > k_window ? start - k_window : 0, std::min(start, k_window));
  return std::any_of(lure_words::pay_words().begin(), lure_words::pay_words().end(),
                     [&](std::string_view word) { return find_term(window, word).has_value(); });
}

// Whether an overtime word comes just before the amount ("overtime 5 USD", "lembur Rp50.000", "加班费10U").
bool overtime_before(std::string_view text, std::size_t start) {
  constexpr std::size_t k_window = 12;
  const std::string_view window = text.substr(start > k_window ? start - k_window : 0, std::min(start, k_window));
  return std::any_of(lure_words::overtime_words().begin(), lure_words::overtime_words().end(),
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

}  // namespace

std::optional<model::Salary> find_salary(std::string_view text, std::string_view original) {
  // What 万, 千 and ¥ stand for: yen in Japanese, else yuan. Asked of the language identifier (CLD2 on the
  // whole text) only when an amount needs it.
  std::optional<std::string_view> han_currency;
  const auto han = [&]() {
    if (!han_currency) han_currency = identify_language(original) == "ja" ? "JPY" : "CNY";
    return *han_currency;
  };
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
    Amount amount = read_amount(text, at);
    if (amount.currency == "HAN") amount.currency = han();
    at = std::max(at, amount.end);
    if (amount.currency.empty() || amount.value <= 0 || overtime_before(text, amount.start)) continue;
    std::optional<model::PayPeriod> period = period_after(text, amount.end);
    if (!period) period = period_before(text, amount.start);
    Candidate candidate{{amount.value, amount.currency, period.value_or(model::PayPeriod::month), std::nullopt},
                        period.has_value(),
                        pay_word_before(text, amount.start)};
    if (const std::optional<double> rate = graph::usd_per_unit(amount.currency)) {
      const double usd = amount.value * *rate * months_per(candidate.salary.period);
      candidate.salary.usd_per_month = std::round(usd * 100) / 100;  // to the cent
    }
    candidates.push_back(std::move(candidate));
  }
  for (const auto wanted : {&Candidate::has_period, &Candidate::near_pay_word}) {
    const auto found =
        std::find_if(candidates.begin(), candidates.end(), [&](const Candidate& c) { return c.*wanted; });
    if (found != candidates.end()) return found->salary;
  }
  return std::nullopt;  // an amount that is neither pay for a time nor called pay: a ransom, a fee, a loss
}

}  // namespace jala::classify
