#include "jala/classify/lure_text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <array>
#include <span>
#include <string>

namespace jala::classify::lure_text {
namespace {

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

// Han numerals: a digit's value (零 and 〇 are 0), or a unit's (十 10, 百 100, 千 1000), in everyday and
// financial forms; nullopt for any other character. 万 and 亿 are not read here: they stay as written,
// multipliers of the number before them, as after digits ("2万").
struct HanNumeral {
  int value;
  bool unit;
};
std::optional<HanNumeral> han_numeral(UChar32 c) {
  switch (c) {
    case U'零':
    case U'〇': return HanNumeral{0, false};
    case U'一':
    case U'壹': return HanNumeral{1, false};
    case U'二':
    case U'两':
    case U'兩':
    case U'贰':
    case U'貳': return HanNumeral{2, false};
    case U'三':
    case U'叁':
    case U'參': return HanNumeral{3, false};
    case U'四':
    case U'肆': return HanNumeral{4, false};
    case U'五':
    case U'伍': return HanNumeral{5, false};
    case U'六':
    case U'陆':
    case U'陸': return HanNumeral{6, false};
    case U'七':
    case U'柒': return HanNumeral{7, false};
    case U'八':
    case U'捌': return HanNumeral{8, false};
    case U'九':
    case U'玖': return HanNumeral{9, false};
    case U'十':
    case U'拾': return HanNumeral{10, true};
    case U'百':
    case U'佰': return HanNumeral{100, true};
    case U'千':
    case U'仟': return HanNumeral{1000, true};
    default: return std::nullopt;
  }
}

bool is_myriad(UChar32 c) { return c == U'万' || c == U'萬' || c == U'亿' || c == U'億'; }

// The value of Han numerals below ten thousand: "二十五" 25, "一千零五" 1,005, and as speech shortens them,
// a last digit one unit below the last unit ("一千二" 1,200, "三百五" 350).
std::int64_t han_numeral_value(std::span<const HanNumeral> numerals) {
  std::int64_t value = 0;
  std::int64_t pending = -1;
  std::int64_t last_unit = 1;
  for (const HanNumeral numeral : numerals) {
    if (!numeral.unit) {
      if (numeral.value == 0) last_unit = 1;  // 零: what follows is units
      pending = numeral.value == 0 ? -1 : numeral.value;
      continue;
    }
    value += (pending < 0 ? 1 : pending) * numeral.value;
    pending = -1;
    last_unit = numeral.value / 10;
  }
  return pending < 0 ? value : value + pending * last_unit;
}

// A Han number's value as the salary reader reads digits: the four digits after a number's 万 ("一万零五百"
// is 1万0500, "一万五千" 1万5000); thousands with their 千, which names the currency as after digits ("八千"
// is 8千, 8,000 yuan; "三千五" 3.5千; "八千零五十" 8.05千); else the digits ("二十五万" 25万, "五百" 500).
std::string han_number_as_written(std::int64_t value, bool after_number_myriad, bool before_myriad) {
  if (after_number_myriad) {
    std::string digits = std::to_string(value);
    return std::string(digits.size() < 4 ? 4 - digits.size() : 0, '0') + digits;
  }
  if (before_myriad || value < 1000 || value % 10 != 0) return std::to_string(value);
  std::string thousands = std::to_string(value / 1000);
  if (const std::int64_t rest = value % 1000; rest != 0) {
    std::string decimals = std::to_string(rest / 10);
    decimals.insert(0, 2 - decimals.size(), '0');
    if (decimals.back() == '0') decimals.pop_back();
    thousands += "." + decimals;
  }
  return thousands + "千";
}

struct HanRun {
  std::int32_t end;  // where the run of numerals ends
  bool appended;     // read as digits; else it is a word, to be folded as written
};

// Han numerals that write an amount, read as ASCII digits where fold() meets them at `at`: a run with a
// unit ("一千二", "十"), or one digit before 万 or 亿 ("两万") or right after a number's 万 ("一万五", which
// speech says for 15,000). Other runs are words ("一个月", "金三角") and stay.
HanRun append_han_number(Folded& folded, const std::uint8_t* bytes, std::int32_t at, std::int32_t length) {
  std::vector<HanNumeral> numerals;
  bool unit = false;
  std::int32_t end = at;
  UChar32 next = -1;
  for (std::int32_t i = at; i < length;) {
    U8_NEXT(bytes, i, length, next);
    const std::optional<HanNumeral> numeral = han_numeral(next);
    if (!numeral) break;
    numerals.push_back(*numeral);
    unit = unit || numeral->unit;
    end = i;
    next = -1;
  }
  const bool after_number_myriad = folded.text.size() >= 4 && is_digit(folded.text[folded.text.size() - 4]) &&
                                   (folded.text.ends_with("万") || folded.text.ends_with("萬"));
  const bool single_digit = numerals.size() == 1 && !unit;
  if (numerals.empty() || (numerals.front().unit && numerals.front().value != 10) ||
      !(unit || (single_digit && (is_myriad(next) || after_number_myriad)))) {
    return {end, false};
  }
  const std::string written =
      han_number_as_written(han_numeral_value(numerals), after_number_myriad && !single_digit, is_myriad(next));
  folded.text += written;
  folded.origin.insert(folded.origin.end(), written.size(), static_cast<std::uint32_t>(at));
  return {end, true};
}

}  // namespace

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
  std::int32_t word_numerals_end = 0;  // the end of the last run of Han numerals judged a word
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
    // Each run of Han numerals is judged once, at its start, so that a long run that is a word costs no
    // more than its length.
    if (static_cast<std::int32_t>(start) >= word_numerals_end && han_numeral(c)) {
      const HanRun run = append_han_number(folded, bytes, static_cast<std::int32_t>(start), length);
      if (run.appended) {
        i = run.end;
        after_latin = false;
        continue;
      }
      word_numerals_end = run.end;
    }
    if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640) continue;  // Arabic vowel marks, tatweel
    if (is_mark(c)) {
      if (!after_latin) append(folded, c, start);  // Latin diacritics go; Thai or Khmer vowel signs stay
      continue;
    }
    after_latin = false;
    if (c == 0x066C) {  // ARABIC THOUSANDS SEPARATOR
      c = ',';
    } else if (c == 0x066B) {  // ARABIC DECIMAL SEPARATOR
      c = '.';
    } else if (u_isdigit(c)) {
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

bool term_at(std::string_view text, std::size_t at, std::string_view term) {
  if (text.substr(at, term.size()) != term) return false;
  if (is_letter(term.front()) && at > 0 && is_letter(text[at - 1])) return false;
  const std::size_t end = at + term.size();
  return !(is_letter(term.back()) && end < text.size() && is_letter(text[end]));
}

namespace {

// The code point that ends before `at` (UTF-8), or -1.
UChar32 code_point_before(std::string_view text, std::size_t at) {
  if (at == 0) return -1;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  auto i = static_cast<std::int32_t>(at);
  UChar32 c = 0;
  U8_PREV(bytes, 0, i, c);
  return c;
}

bool is_hangul(UChar32 c) { return c >= 0xAC00 && c <= 0xD7A3; }

bool is_arabic_letter(UChar32 c) {
  UErrorCode error = U_ZERO_ERROR;
  return c >= 0 && u_isalpha(c) && uscript_getScript(c, &error) == USCRIPT_ARABIC;
}

// The code point at `at` (UTF-8), or -1 at the end.
UChar32 code_point_at(std::string_view text, std::size_t at) {
  if (at >= text.size()) return -1;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  auto i = static_cast<std::int32_t>(at);
  UChar32 c = 0;
  U8_NEXT(bytes, i, static_cast<std::int32_t>(text.size()), c);
  return c;
}

// Whether an Arabic term at `at` starts a word, or follows only the prefixes Arabic writes on a word: "و"
// (and), "ب", "ل", "ف" (in, for, then) and the article "ال" ("والسكن", "بدبي"); "أدبية" (literary) holds
// "دبي" after other letters.
bool starts_arabic_word(std::string_view text, std::size_t at) {
  constexpr std::array<std::string_view, 20> k_prefixes = {"و",   "ب",   "ل",    "ف",   "ك",    "ال",  "وال",
                                                           "بال", "لل",  "فال",  "كال", "وب",   "ول",  "فب",
                                                           "فل",  "ولل", "وبال", "فلل", "فبال", "وكال"};
  constexpr std::size_t k_longest_prefix = 4;  // letters; looking further would make a long word quadratic
  std::size_t word_start = at;
  for (std::size_t letters = 0; word_start > 0 && is_arabic_letter(code_point_before(text, word_start)); ++letters) {
    if (letters == k_longest_prefix) return false;
    word_start -= U8_LENGTH(code_point_before(text, word_start));
  }
  const std::string_view prefix = text.substr(word_start, at - word_start);
  return prefix.empty() || std::find(k_prefixes.begin(), k_prefixes.end(), prefix) != k_prefixes.end();
}

}  // namespace

bool inside_other_word(std::string_view text, std::size_t at) {
  for (const std::string_view word : lure_words::words_containing_terms()) {
    const std::size_t from = at + 1 > word.size() ? at + 1 - word.size() : 0;
    if (text.substr(from, at - from + word.size()).find(word) != std::string_view::npos) return true;
  }
  return false;
}

std::optional<std::size_t> find_term(std::string_view text, std::string_view term, std::size_t from) {
  for (std::size_t at = text.find(term, from); at != std::string_view::npos; at = text.find(term, at + 1)) {
    if (!term_at(text, at, term) || inside_other_word(text, at)) continue;
    if (is_arabic_letter(code_point_at(term, 0)) && !starts_arabic_word(text, at)) continue;
    return at;
  }
  return std::nullopt;
}

std::size_t skip_spaces(std::string_view text, std::size_t at) {
  while (at < text.size() && text[at] == ' ') ++at;
  return at;
}

bool is_hangul_at(std::string_view text, std::size_t at) {
  return at < text.size() && is_hangul(code_point_at(text, at));
}

std::optional<std::size_t> hangul_particle_end(std::string_view text, std::size_t at) {
  constexpr std::size_t k_longest_particle = 4;  // syllables; looking further would make a long word quadratic
  for (std::size_t syllables = 0; is_hangul_at(text, at); ++syllables) {
    if (syllables == k_longest_particle) return std::nullopt;
    at += 3;
  }
  return at;
}

bool is_cjk_letter_at(std::string_view text, std::size_t at) {
  if (at >= text.size()) return false;
  UErrorCode error = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(code_point_at(text, at), &error);
  return script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA || script == USCRIPT_HANGUL;
}

}  // namespace jala::classify::lure_text
