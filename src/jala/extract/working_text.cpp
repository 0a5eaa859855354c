#include "jala/extract/working_text.h"

#include <algorithm>
#include <array>
#include <limits>
#include <stdexcept>

#include "jala/extract/ascii.h"
#include "jala/extract/bytes16.h"

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
    {"[.]", '.'},
    {"(.)", '.'},
    {"[dot]", '.'},
    {"(dot)", '.'},
    {"{.}", '.'},
    {"[at]", '@'},
    {"(at)", '@'},
    {"[@]", '@'},
    {"(@)", '@'},
    {"[:]", ':'},
}};

// The bytes that may end a run copied as it is: the brackets of refang tokens and the dot of a spaced
// dot (the spaces before them belong to the unit, and are found by looking back), the "x" of "hxxp",
// and the lead bytes of the folded digits and symbols (U+00A0 and U+06xx to U+FFxx). Spaces and "h",
// which are common, are not among them.
constexpr std::array<bool, 256> k_special = [] {
  std::array<bool, 256> special{};
  for (unsigned char c : std::string_view("[({.xX\xC2\xD9\xDB\xE0\xE1\xE2\xEF")) special[c] = true;
  return special;
}();

// Bytes that, before "hxxp", put it inside a word or another URL.
constexpr std::string_view k_url_inner_bytes =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_=?&/:.%#+-";

std::size_t skip_spaces(std::string_view text, std::size_t i) {
  while (i < text.size() && text[i] == ' ') ++i;
  return i;
}

// The ASCII form of a decimal digit, or of a full-width or no-break form that changes how a number or
// address reads; 0 for any other code point.
char fold_symbol(char32_t code_point) {
  for (char32_t zero : k_digit_zeros) {
    if (code_point >= zero && code_point < zero + 10) return static_cast<char>('0' + (code_point - zero));
  }
  switch (code_point) {
    case 0xFF0B: return '+';
    case 0xFF0D:
    case 0x2010:
    case 0x2011:
    case 0x2013: return '-';
    case 0xFF08: return '(';
    case 0xFF09: return ')';
    // Chinese keyboards' full-width at sign and full stop in an address ("kefu8899＠qq.com", "hr@a．com").
    case 0xFF20: return '@';
    case 0xFF0E: return '.';
    case 0x00A0:
    case 0x202F: return ' ';
    default: return 0;
  }
}

// True when the UTF-8 sequence at `i` is one that fold_symbol() folds, read from its bytes: most
// non-ASCII characters (every Thai, Khmer or Chinese letter) are ruled out without decoding.
bool is_foldable(std::string_view text, std::size_t i) {
  if (i + 1 >= text.size()) return false;
  const auto second = static_cast<unsigned char>(text[i + 1]);
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead == 0xC2) return second == 0xA0;                    // U+00A0
  if (lead == 0xD9) return second >= 0xA0 && second <= 0xA9;  // Arabic-Indic digits
  if (lead == 0xDB) return second >= 0xB0 && second <= 0xB9;  // Extended Arabic-Indic digits
  if (i + 2 >= text.size()) return false;
  const auto third = static_cast<unsigned char>(text[i + 2]);
  const auto in = [third](unsigned char low, unsigned char high) { return third >= low && third <= high; };
  switch (lead << 8 | second) {
    case 0xE0A5:                                                                             // Devanagari digits
    case 0xE0A7: return in(0xA6, 0xAF);                                                      // Bengali digits
    case 0xE0B9:                                                                             // Thai digits
    case 0xE0BB: return in(0x90, 0x99);                                                      // Lao digits
    case 0xE181: return in(0x80, 0x89);                                                      // Myanmar digits
    case 0xE19F: return in(0xA0, 0xA9);                                                      // Khmer digits
    case 0xE280: return third == 0x90 || third == 0x91 || third == 0x93 || third == 0xAF;    // dashes, U+202F
    case 0xEFBC:                                                                             // full-width
      return in(0x88, 0x89) || third == 0x8B || third == 0x8D || third == 0x8E || in(0x90, 0x99) || third == 0xA0;
    default: return false;
  }
}

// The offset of the first of the 16 bytes at `p` where copyable_end() may stop; 16 when there is none.
// It reads the byte before `p` and the two after the block, and looks at each byte with its neighbours,
// so that what is common in text passes: a dot not after a space, an "x" not after an "h", and the Thai,
// Lao, Vietnamese and Myanmar letters that share a lead byte with a folded digit. What it flags is a
// superset of where the byte loop stops, which then decides.
std::size_t first_unit_that_may_change_of_16(const char* p) {
  const Bytes16 before = load16(p - 1);
  const Bytes16 at = load16(p);
  const Bytes16 second = load16(p + 1);
  const Bytes16 third = load16(p + 2);
  const Bytes16 second_or_2 = second | 2;  // 0xA5 and 0xA7 alike, 0xB9 and 0xBB alike
  const auto hit = (at == '[') | (at == '(') | (at == '{') | ((at == '.') & (before == ' ')) |
                   (((at | 0x20) == 'x') & ((before | 0x20) == 'h')) | ((at == 0xC2) & (second == 0xA0)) |
                   (at == 0xD9) | (at == 0xDB) |
                   ((at == 0xE0) & (((second_or_2 == 0xA7) & ((third & 0xF0) == 0xA0)) |
                                    ((second_or_2 == 0xBB) & ((third & 0xF0) == 0x90)))) |
                   ((at == 0xE1) & ((second == 0x81) | (second == 0x9F))) | ((at == 0xE2) & (second == 0x80)) |
                   ((at == 0xEF) & (second == 0xBC));
  return first_set_lane(hit);
}

// first_unit_that_may_change_of_16() at `i` (after the first byte), on a zero-padded copy near the end of
// the text: a zero byte never changes.
std::size_t first_unit_that_may_change(std::string_view text, std::size_t i) {
  const char* block = text.data() + i;
  std::array<char, 1 + k_block + 2> padded{};
  if (text.size() - i < k_block + 2) {
    text.copy(padded.data(), text.size() - i + 1, i - 1);
    block = padded.data() + 1;
  }
  return std::min(first_unit_that_may_change_of_16(block), text.size() - i);
}

// The end of the run from `from` that is copied as it is: up to the first unit that may change.
std::size_t copyable_end(std::string_view text, std::size_t from) {
  std::size_t i = from;
  while (i < text.size()) {
    if (i > 0) {
      const std::size_t offset = first_unit_that_may_change(text, i);
      i += offset;
      if (offset == k_block) continue;
      if (i == text.size()) break;
    }
    const unsigned char byte = static_cast<unsigned char>(text[i]);
    if (!k_special[byte]) {
      ++i;
      continue;
    }
    if (byte >= 0x80) {
      if (is_foldable(text, i)) return i;
    } else if (byte == 'x' || byte == 'X') {
      if (i > from && (text[i - 1] == 'h' || text[i - 1] == 'H')) return i - 1;  // maybe "hxxp"
    } else {
      // A bracket, or a dot after a space: the unit starts at the spaces before it.
      std::size_t unit = i;
      while (unit > from && text[unit - 1] == ' ') --unit;
      if (byte != '.' || unit < i) return unit;
    }
    ++i;
  }
  return i;
}

}  // namespace

WorkingText::WorkingText(std::string_view original) {
  if (original.size() >= std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("extract: a text must be shorter than 4 GiB");
  }
  std::size_t i = 0;
  while (i < original.size()) {
    // Most bytes are copied as they are; only these can start a refang token, a folded digit or symbol.
    const std::size_t plain_end = copyable_end(original, i);
    if (plain_end > i) {
      if (m_copying) m_copy.append(original.substr(i, plain_end - i));
      i = plain_end;
      continue;
    }
    const char c = original[i];
    const unsigned char byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      const CodePoint code_point = decode_utf8(original, i);
      append(original, fold_symbol(code_point.value), i, i + code_point.length);
      i += code_point.length;
      continue;
    }
    // "hxxp" starts a defanged URL only where a URL can start: not inside a word, nor inside another
    // URL's query or path ("?ref=hxxp:./x" is kept as written).
    if ((c == 'h' || c == 'H') && starts_with_folded(original, i, "hxxp") &&
        (i == 0 || k_url_inner_bytes.find(original[i - 1]) == std::string_view::npos)) {
      append(original, c, i, i + 1);
      append(original, original[i + 1] == 'X' ? 'T' : 't', i + 1, i + 2);
      append(original, original[i + 2] == 'X' ? 'T' : 't', i + 2, i + 3);
      i += 3;
      continue;
    }
    // The last working byte so far: a refang token or spaced dot counts only after a word.
    const bool after_alnum = i > 0 && is_alnum(m_copying ? m_copy.back() : original[i - 1]);
    // A refang token, with the spaces around it when it sits between two words.
    const std::size_t token_at = c == ' ' ? skip_spaces(original, i) : i;
    if (token_at < original.size() &&
        (original[token_at] == '[' || original[token_at] == '(' || original[token_at] == '{') &&
        (token_at == i || after_alnum)) {
      bool matched = false;
      for (const Refang& refang : k_refangs) {
        if (!starts_with_folded(original, token_at, refang.token)) continue;
        std::size_t after = token_at + refang.token.size();
        const std::size_t after_spaces = skip_spaces(original, after);
        if (after_spaces < original.size() && is_alnum(original[after_spaces])) after = after_spaces;
        append(original, refang.replacement, i, after);
        i = after;
        matched = true;
        break;
      }
      if (matched) continue;
    }
    // "label . label": a dot written with spaces between two host labels. Not before a capital letter,
    // which starts a sentence ("my passport . In Cambodia"), where joining would make up a host
    // ("passport.in") and hide a real one before it ("golden-lotus.com . Cảm ơn").
    if (c == ' ' && after_alnum) {
      const std::size_t dot = skip_spaces(original, i);
      if (dot < original.size() && original[dot] == '.' && dot + 1 < original.size() && original[dot + 1] == ' ') {
        const std::size_t next = skip_spaces(original, dot + 1);
        if (next < original.size() && is_alnum(original[next]) && !is_upper(original[next])) {
          append(original, '.', i, next);
          i = next;
          continue;
        }
      }
    }
    append(original, c, i, i + 1);
    ++i;
  }
  m_text = m_copying ? std::string_view(m_copy) : original;
}

void WorkingText::append(std::string_view original, char c, std::size_t unit_start, std::size_t unit_end) {
  const bool unchanged = unit_end == unit_start + 1 && original[unit_start] == c;
  if (!m_copying) {
    if (unchanged) return;  // the working text is still the original up to here
    m_copy.reserve(original.size());
    m_copy.assign(original.substr(0, unit_start));
    m_copying = true;
  }
  m_copy.push_back(c);
  if (unit_end != unit_start + 1) {
    m_stretches.push_back({static_cast<std::uint32_t>(m_copy.size()), static_cast<std::uint32_t>(unit_end)});
  }
}

std::size_t WorkingText::original_offset(std::size_t working_offset) const {
  const auto after =
      std::upper_bound(m_stretches.begin(), m_stretches.end(), working_offset,
                       [](std::size_t offset, const Stretch& stretch) { return offset < stretch.working_start; });
  if (after == m_stretches.begin()) return working_offset;
  const Stretch& stretch = *(after - 1);
  return stretch.original_start + (working_offset - stretch.working_start);
}

}  // namespace jala::extract
