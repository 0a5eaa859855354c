#include "jala/classify/lure_text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <array>

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
