// The working copy of a text that the scanners read: refanged ("hxxp" -> "http", "[.]" -> ".",
// "(at)" -> "@", "[:]" -> ":", "label . label" -> "label.label") and with every Unicode decimal digit
// (Thai, Khmer, Lao, Myanmar, Arabic-Indic, Devanagari, full-width) folded to ASCII. Each working
// byte remembers where its source starts in the original, so a working span maps back exactly.
//
// Most texts need no change at all, so the copy is made only from the first unit that changes, and the
// map back is sparse: one stretch per unit that changes length, each mapping working bytes to original
// bytes one to one until the next.
//
// Holds a view of the original, which must outlive it; thread-compatible.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jala::extract {

class WorkingText {
 public:
  // Throws std::length_error for an `original` of 4 GiB or more (offsets are 32-bit).
  explicit WorkingText(std::string_view original);
  WorkingText(const WorkingText&) = delete;  // m_text may view m_copy
  WorkingText& operator=(const WorkingText&) = delete;

  std::string_view text() const { return m_text; }
  // The original span [start, end) that the working span [start, end) came from.
  std::size_t original_start(std::size_t working_start) const { return original_offset(working_start); }
  std::size_t original_end(std::size_t working_end) const { return original_offset(working_end); }

 private:
  // Appends the working byte `c` for the original unit [unit_start, unit_end).
  void append(std::string_view original, char c, std::size_t unit_start, std::size_t unit_end);
  std::size_t original_offset(std::size_t working_offset) const;

  std::string_view m_text;  // the original itself, or m_copy once a unit changed
  std::string m_copy;
  bool m_copying = false;
  // From working_start on, working byte working_start + k came from original byte original_start + k.
  // Before the first stretch the two coincide. A unit (a refang token with the spaces it swallows, a
  // folded digit) yields one working byte, so the start of the next unit is the end of the previous one.
  struct Stretch {
    std::uint32_t working_start;
    std::uint32_t original_start;
  };
  std::vector<Stretch> m_stretches;
};

// Decodes the UTF-8 sequence at `text[i]`: its code point and length (1 for a stray byte). Inline, with
// is_latin_letter(), because the scanners call them for every character of Vietnamese or French words.
struct CodePoint {
  char32_t value;
  std::size_t length;
};
inline CodePoint decode_utf8(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const unsigned char lead = byte(0);
  std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  if (i + length > text.size()) return {lead, 1};
  char32_t value = length == 1 ? lead : lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(k) & 0xC0) != 0x80) return {lead, 1};
    value = (value << 6) | (byte(k) & 0x3F);
  }
  return {value, length};
}

// Latin letters with diacritics (Latin-1 Supplement to Latin Extended-B, Latin Extended Additional):
// Vietnamese and French words and IDN host names are written with them.
inline bool is_latin_letter(char32_t code_point) {
  return (code_point >= 0xC0 && code_point <= 0x24F && code_point != 0xD7 && code_point != 0xF7) ||
         (code_point >= 0x1E00 && code_point <= 0x1EFF);
}

}  // namespace jala::extract
