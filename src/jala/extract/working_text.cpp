#include "jala/extract/working_text.h"

#include <array>

namespace jala::extract {
namespace {

// The first code point of each block of ten decimal digits folded to ASCII.
constexpr std::array<char32_t, 9> k_digit_zeros = {
    0x0660,  // Arabic-Indic
    0x06F0,  // Extended Arabic-Indic (Persian, Urdu)
    0x0966,  // Devanagari
    0x0E50,  // Thai
    0x0ED0,  // Lao
    0x1040,  // Myanmar
    0x17E0,  // Khmer
    0xFF10,  // full-width
    0x09E6,  // Bengali
};

// Defanging tokens and what they stand for. Bracketed tokens swallow the spaces around them
// ("name (at) domain (dot) com"), so the refanged value has none.
struct Refang {
  std::string_view token;  // matched case-insensitively
  char replacement;
};
constexpr std::array<Refang, 10> k_refangs = {{
    {"[.]", '.'}, {"(.)", '.'}, {"[dot]", '.'}, {"(dot)", '.'}, {"{.}", '.'},
    {"[at]", '@'}, {"(at)", '@'}, {"[@]", '@'}, {"(@)", '@'}, {"[:]", ':'},
}};

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_alnum(char c) { return (c >= '0' && c <= '9') || (lower(c) >= 'a' && lower(c) <= 'z'); }

bool starts_with_folded(std::string_view text, std::size_t i, std::string_view token) {
  if (text.size() - i < token.size()) return false;
  for (std::size_t k = 0; k < token.size(); ++k) {
    if (lower(text[i + k]) != token[k]) return false;
  }
  return true;
}

std::size_t skip_spaces(std::string_view text, std::size_t i) {
  while (i < text.size() && text[i] == ' ') ++i;
  return i;
}

// Full-width and no-break forms that change how a number or address reads.
char fold_symbol(char32_t code_point) {
  switch (code_point) {
    case 0xFF0B: return '+';
    case 0xFF0D: case 0x2010: case 0x2011: case 0x2013: return '-';
    case 0xFF08: return '(';
    case 0xFF09: return ')';
    case 0x00A0: case 0x202F: return ' ';
    default: return 0;
  }
}

}  // namespace

CodePoint decode_utf8(std::string_view text, std::size_t i) {
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

WorkingText::WorkingText(std::string_view original) {
  m_text.reserve(original.size());
  m_origin.reserve(original.size() + 1);
  std::size_t i = 0;
  while (i < original.size()) {
    const char c = original[i];
    const unsigned char byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      const CodePoint code_point = decode_utf8(original, i);
      char folded = fold_symbol(code_point.value);
      for (char32_t zero : k_digit_zeros) {
        if (code_point.value >= zero && code_point.value < zero + 10) {
          folded = static_cast<char>('0' + (code_point.value - zero));
        }
      }
      if (folded != 0) {
        append(folded, i);
        i += code_point.length;
        continue;
      }
      for (std::size_t k = 0; k < code_point.length; ++k) append(original[i + k], i + k);
      i += code_point.length;
      continue;
    }
    if ((c == 'h' || c == 'H') && (starts_with_folded(original, i, "hxxp") || starts_with_folded(original, i, "hxxps"))) {
      append(c, i);
      append(original[i + 1] == 'X' ? 'T' : 't', i + 1);
      append(original[i + 2] == 'X' ? 'T' : 't', i + 2);
      i += 3;
      continue;
    }
    // A refang token, with the spaces around it when it sits between two words.
    const std::size_t token_at = c == ' ' ? skip_spaces(original, i) : i;
    if (token_at < original.size() && (original[token_at] == '[' || original[token_at] == '(' || original[token_at] == '{') &&
        (token_at == i || (!m_text.empty() && is_alnum(m_text.back())))) {
      bool matched = false;
      for (const Refang& refang : k_refangs) {
        if (!starts_with_folded(original, token_at, refang.token)) continue;
        std::size_t after = token_at + refang.token.size();
        const std::size_t after_spaces = skip_spaces(original, after);
        if (after_spaces < original.size() && is_alnum(original[after_spaces])) after = after_spaces;
        append(refang.replacement, i);
        i = after;
        matched = true;
        break;
      }
      if (matched) continue;
    }
    // "label . label": a dot written with spaces between two host labels.
    if (c == ' ' && !m_text.empty() && is_alnum(m_text.back())) {
      const std::size_t dot = skip_spaces(original, i);
      if (dot < original.size() && original[dot] == '.' && dot + 1 < original.size() && original[dot + 1] == ' ') {
        const std::size_t next = skip_spaces(original, dot + 1);
        if (next < original.size() && is_alnum(original[next])) {
          append('.', i);
          i = next;
          continue;
        }
      }
    }
    append(c, i);
    ++i;
  }
  m_origin.push_back(static_cast<std::uint32_t>(original.size()));
}

void WorkingText::append(char c, std::size_t original_offset) {
  m_text.push_back(c);
  m_origin.push_back(static_cast<std::uint32_t>(original_offset));
}

}  // namespace jala::extract
