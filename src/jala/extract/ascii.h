// Byte classes of ASCII text for the scanners: one table lookup per byte. Internal to jala::extract.
//
// Pure functions; thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace jala::extract {

enum CharClass : unsigned char { k_digit = 1, k_alpha = 2, k_word = 4, k_token_start = 8 };

constexpr std::array<unsigned char, 256> k_char_classes = [] {
  std::array<unsigned char, 256> classes{};
  for (int c = '0'; c <= '9'; ++c) classes[c] = k_digit | k_word | k_token_start;
  for (int c = 'a'; c <= 'z'; ++c) classes[c] = k_alpha | k_word | k_token_start;
  for (int c = 'A'; c <= 'Z'; ++c) classes[c] = k_alpha | k_word | k_token_start;
  classes['_'] = k_word;
  for (unsigned char c : std::string_view("+(@:")) classes[c] = k_token_start;  // phones, handles, IPv6 "::1"
  return classes;
}();

inline unsigned char class_of(char c) { return k_char_classes[static_cast<unsigned char>(c)]; }
inline bool is_digit(char c) { return (class_of(c) & k_digit) != 0; }
inline bool is_alpha(char c) { return (class_of(c) & k_alpha) != 0; }
inline bool is_alnum(char c) { return (class_of(c) & (k_digit | k_alpha)) != 0; }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
// Part of a word for boundary tests: ASCII letters, digits and '_'.
inline bool is_word(char c) { return (class_of(c) & k_word) != 0; }
inline char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
inline char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

// Whether `text` at `i` starts with `prefix` (lower case), ignoring the case of ASCII letters.
inline bool starts_with_folded(std::string_view text, std::size_t i, std::string_view prefix) {
  if (text.size() - i < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    if (lower(text[i + k]) != prefix[k]) return false;
  }
  return true;
}

}  // namespace jala::extract
