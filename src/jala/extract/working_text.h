// The working copy of a text that the scanners read: refanged ("hxxp" -> "http", "[.]" -> ".",
// "(at)" -> "@", "[:]" -> ":", "label . label" -> "label.label") and with every Unicode decimal digit
// (Thai, Khmer, Lao, Myanmar, Arabic-Indic, Devanagari, full-width) folded to ASCII. Each working
// byte remembers where its source starts in the original, so a working span maps back exactly.
//
// Value type; thread-compatible.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jala::extract {

class WorkingText {
 public:
  explicit WorkingText(std::string_view original);

  const std::string& text() const { return m_text; }
  // The original span [start, end) that the working span [start, end) came from.
  std::size_t original_start(std::size_t working_start) const { return m_origin[working_start]; }
  std::size_t original_end(std::size_t working_end) const { return m_origin[working_end]; }

 private:
  void append(char c, std::size_t original_offset);

  std::string m_text;
  // m_origin[i]: original offset of the source unit of working byte i; one extra entry holds the
  // original size. A unit (a refang token with the spaces it swallows, a folded digit) yields one
  // working byte, so the start of the next unit is the end of the previous one.
  std::vector<std::uint32_t> m_origin;
};

// Decodes the UTF-8 sequence at `text[i]`: its code point and length (1 for a stray byte).
struct CodePoint {
  char32_t value;
  std::size_t length;
};
CodePoint decode_utf8(std::string_view text, std::size_t i);

}  // namespace jala::extract
