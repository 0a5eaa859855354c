// Text matching for lure facts (lure_facts.h): the text folded for matching, and the search for the terms
// of lure_words.h in it, as whole words where a script marks words.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "jala/classify/lure_words.h"

namespace jala::classify::lure_text {

// The text folded for matching (lower case, Latin letters without diacritics, decimal digits as
// ASCII, Arabic thousands and decimal separators as ',' and '.', without Arabic vowel marks and tatweel,
// runs of white space as one space), with
// where each of its bytes came from in the original, so that a name found in it can be quoted as written.
struct Folded {
  std::string text;
  std::vector<std::uint32_t> origin;  // per byte of `text`: the original offset of its code point
  std::uint32_t original_size = 0;

  std::uint32_t original_at(std::size_t at) const { return at < origin.size() ? origin[at] : original_size; }
};

Folded fold(std::string_view text);

inline bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Whether `term` is at `at`, as a whole word where it begins or ends with an ASCII letter.
bool term_at(std::string_view text, std::size_t at, std::string_view term);

// The first mention of `term` from `from` on, as a word: term_at; not inside a word that contains it and
// means something else (lure_words::words_containing_terms: "비자" is not in "소비자", "タイの" not in
// "ネクタイの"); and an Arabic term starts its word, after the prefixes Arabic writes on words ("والسكن",
// "بدبي"), so that "دبي" is not found in "أدبية".
std::optional<std::size_t> find_term(std::string_view text, std::string_view term, std::size_t from = 0);

inline std::string_view text_of(const lure_words::Term& term) { return term.text; }
inline std::string_view text_of(std::string_view word) { return word; }

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

std::size_t skip_spaces(std::string_view text, std::size_t at);

// Whether the code point at `at` is a Hangul syllable (U+AC00–U+D7A3, UTF-8 EA B0 80 to ED 9E A3).
bool is_hangul_at(std::string_view text, std::size_t at);

// Where the particle that Korean attaches to a noun, going on at `at`, ends ("항공권은", "숙소는"): after at
// most four Hangul syllables ("으로부터"); nullopt when the word goes on longer, and is then no particle.
std::optional<std::size_t> hangul_particle_end(std::string_view text, std::size_t at);

// Whether the mention of a term at `at` starts inside a word that means something else
// (lure_words::words_containing_terms: "소비자" holds "비자", "ネクタイの" starts "タイの" inside "ネクタイ",
// "원하시는" starts with the currency "원").
bool inside_other_word(std::string_view text, std::size_t at);

// Whether the code point at `at` is a Han character, kana or a Hangul syllable.
bool is_cjk_letter_at(std::string_view text, std::size_t at);

}  // namespace jala::classify::lure_text
