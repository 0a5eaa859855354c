#include "jala/extract/extract.h"

#include <algorithm>
#include <array>

#include "jala/extract/bytes16.h"
#include "jala/extract/document.h"
#include "jala/extract/lookalike.h"

namespace jala::extract {
namespace {

// The end of the word at `i`: ASCII letters, digits, '_' and Latin letters with diacritics.
std::size_t word_end(std::string_view text, std::size_t i) {
  while (i < text.size()) {
    if (is_word(text[i])) {
      ++i;
      continue;
    }
    const CodePoint code_point = decode_utf8(text, i);
    if (code_point.length == 1 || !is_latin_letter(code_point.value)) break;
    i += code_point.length;
  }
  return i;
}

// A token starts where the previous byte does not glue it to a word: not after a letter or digit, and
// not after '-', '.' or '/' that follow one ("INV-2026-91226", "v2.4.1").
bool is_token_boundary(std::string_view text, std::size_t i) {
  if (i == 0) return true;
  const char previous = text[i - 1];
  if (is_word(previous)) return false;
  if ((previous == '-' || previous == '.' || previous == '/') && i >= 2 && is_alnum(text[i - 2])) return false;
  return true;
}

// A non-ASCII character at which the main loop tries a host name: a Latin letter with a diacritic (IDN
// hosts are written with them), or a letter that spoofed hosts borrow from another script
// ("мyvaporwallet.com" with a Cyrillic 'м'). The skip table below is built from it, so the two cannot
// disagree.
bool may_start_host(char32_t code_point) {
  return is_latin_letter(code_point) || is_lookalike_script_letter(code_point);
}

// The bytes at which a scanner may start: ASCII token starts, and the lead bytes of the characters that
// may_start_host() accepts (a lead byte such as 0xE1 is shared with other scripts, Myanmar and Khmer,
// so the character is checked again after decoding). A stray byte that is not such a lead is read as a
// non-letter, as extract.h says. The leads are also kept as two ranges, of two-byte and of longer
// sequences, which a block of sixteen bytes is compared with at once.
struct StartBytes {
  std::array<bool, 256> table{};
  unsigned char two_byte_first = 0xFF, two_byte_span = 0;  // the range [first, first + span]
  unsigned char longer_first = 0xFF, longer_span = 0;
};

StartBytes make_start_bytes() {
  StartBytes starts;
  for (std::size_t c = 0; c < 0x80; ++c) starts.table[c] = (k_char_classes[c] & k_token_start) != 0;
  for (char32_t code_point = 0x80; code_point < 0x110000; ++code_point) {
    if (!may_start_host(code_point)) continue;
    const auto lead = static_cast<unsigned char>(code_point < 0x800     ? 0xC0U | (code_point >> 6U)
                                                 : code_point < 0x10000 ? 0xE0U | (code_point >> 12U)
                                                                        : 0xF0U | (code_point >> 18U));
    starts.table[lead] = true;
  }
  const auto set_range = [&starts](unsigned char from, unsigned char to, unsigned char& first, unsigned char& span) {
    for (unsigned lead = from; lead <= to; ++lead) {
      if (!starts.table[lead]) continue;
      if (first == 0xFF) first = static_cast<unsigned char>(lead);
      span = static_cast<unsigned char>(lead - first);
    }
  };
  set_range(0xC0, 0xDF, starts.two_byte_first, starts.two_byte_span);
  set_range(0xE0, 0xF7, starts.longer_first, starts.longer_span);
  return starts;
}

// Built once; read through a reference held for a whole document, since a function-local static is
// checked for its initialisation at every read.
const StartBytes& start_bytes() {
  static const StartBytes starts = make_start_bytes();
  return starts;
}

// The first byte at or after `i` at which a scanner may start (or the end). Blocks of sixteen bytes with
// none of the bytes the ranges allow are skipped at once: most of a Thai, Chinese or Korean text.
std::size_t next_possible_start(std::string_view text, std::size_t i, const StartBytes& starts) {
  while (text.size() - i >= k_block) {
    const Bytes16 at = load16(text.data() + i);
    const auto hit = ((at | 0x20) - 'a' < 26) | (at - '0' < 10) | (at == '+') | (at == '(') | (at == '@') |
                     (at == ':') | (at - starts.two_byte_first <= starts.two_byte_span) |
                     (at - starts.longer_first <= starts.longer_span);
    const std::size_t offset = first_set_lane(hit);
    i += offset;
    if (offset == k_block) continue;
    if (starts.table[static_cast<unsigned char>(text[i])]) return i;
    ++i;
  }
  while (i < text.size() && !starts.table[static_cast<unsigned char>(text[i])]) ++i;
  return i;
}

// The end of a word that every scanner would turn down, found without calling them; 0 when some scanner
// may accept it. Such a word starts with a letter, so it is no number, mention or IP address; its
// ASCII letters and digits are too few for a wallet and not shaped like an IBAN ("GB82"); and after its
// letters comes nothing that continues a URL scheme, an e-mail local part, a host name or an IP address
// ('.', '@', '-', '_', '%', '+', ':' or a non-ASCII character; a dot that ends a sentence does not). Most
// words of Latin-script text are plain, and the full cascade would scan each of them five times.
std::size_t plain_word_end(std::string_view text, std::size_t start) {
  std::size_t ascii_end = start;
  while (ascii_end < text.size() && is_alnum(text[ascii_end])) ++ascii_end;
  const std::size_t ascii_length = ascii_end - start;
  if (ascii_length == 0) {
    if (static_cast<unsigned char>(text[start]) < 0x80) return 0;  // '+', '(', '@', ':'
  } else if (!is_alpha(text[start]) || ascii_length >= k_min_wallet_length) {
    return 0;
  }
  if (ascii_length >= 4 && is_alpha(text[start + 1]) && is_digit(text[start + 2]) && is_digit(text[start + 3])) {
    return 0;
  }
  // The rest of the word: ASCII letters and digits, and Latin letters with diacritics.
  std::size_t end = ascii_end;
  while (end < text.size()) {
    if (is_alnum(text[end])) {
      ++end;
      continue;
    }
    if (static_cast<unsigned char>(text[end]) < 0x80) break;
    const CodePoint code_point = decode_utf8(text, end);
    if (!may_start_host(code_point.value)) break;
    end += code_point.length;
  }
  if (end == text.size()) return end;
  // Any other non-ASCII character might continue a host name (look-alike hosts mix scripts), so only the
  // scanners can tell.
  if (static_cast<unsigned char>(text[end]) >= 0x80) return 0;
  // A sentence end: a dot after the word, then a space or the end ("... nhận thưởng. Liên hệ"). Only a
  // URL may start "www." and end there.
  if (text[end] == '.' && (end + 1 == text.size() || text[end + 1] == ' ' || text[end + 1] == '\n') &&
      !(end - start == 3 && lower(text[start]) == 'w' && lower(text[start + 1]) == 'w' &&
        lower(text[start + 2]) == 'w')) {
    return end;
  }
  switch (text[end]) {
    case '.':
    case '@':
    case '-':
    case '_':
    case '%':
    case '+':
    case ':': return 0;
    // A wallet address may wrap at the end of a line: a word of letters and digits there goes to the scanners.
    case '\n':
      return end - start >= k_min_wrapped_wallet_part &&
                     std::any_of(text.begin() + static_cast<std::ptrdiff_t>(start),
                                 text.begin() + static_cast<std::ptrdiff_t>(end), is_digit)
                 ? 0
                 : end;
    default: return end;
  }
}

}  // namespace

Document::Document(std::string_view original, const ExtractContext& context)
    : m_original(original),
      m_working(original),
      m_cues(find_cues(m_working.text())),
      m_normalise_context{context.country} {}

void Document::add(model::SelectorType type, std::string value, std::size_t start, std::size_t end, double confidence) {
  const std::size_t original_start = m_working.original_start(start);
  const std::size_t original_end = m_working.original_end(end);
  m_findings.push_back({model::Selector{type, std::move(value)}, original_start, original_end,
                        std::string(m_original.substr(original_start, original_end - original_start)), confidence});
  claim(start, end);
}

void Document::claim(std::size_t start, std::size_t end) {
  if (start >= end) return;
  // The spans that touch or overlap [start, end) are merged into one.
  auto first = std::lower_bound(m_claimed.begin(), m_claimed.end(), start,
                                [](const Span& span, std::size_t at) { return span.end < at; });
  auto last = first;
  while (last != m_claimed.end() && last->start <= end) {
    start = std::min(start, last->start);
    end = std::max(end, last->end);
    ++last;
  }
  first = m_claimed.erase(first, last);
  m_claimed.insert(first, Span{start, end});
}

bool Document::is_claimed(std::size_t position) const {
  // Spans are mostly claimed behind the scanning position.
  if (m_claimed.empty() || position >= m_claimed.back().end) return false;
  const auto after = std::upper_bound(m_claimed.begin(), m_claimed.end(), position,
                                      [](std::size_t at, const Span& span) { return at < span.start; });
  return after != m_claimed.begin() && (after - 1)->end > position;
}

std::size_t Document::next_cue_end(std::size_t position) const {
  // Cues do not overlap, so their ends are in order too.
  const auto it = std::upper_bound(m_cues.begin(), m_cues.end(), position,
                                   [](std::size_t at, const CueHit& hit) { return at < hit.end; });
  return it == m_cues.end() ? text().size() : it->end;
}

bool Document::phone_label_ends_at(std::size_t end) const {
  const auto it = std::lower_bound(m_cues.begin(), m_cues.end(), end,
                                   [](const CueHit& hit, std::size_t at) { return hit.end < at; });
  return it != m_cues.end() && it->end == end && it->cue == Cue::phone_label;
}

std::vector<Finding> Document::take_findings() {
  std::sort(m_findings.begin(), m_findings.end(), [](const Finding& a, const Finding& b) {
    return a.start != b.start ? a.start < b.start : a.selector < b.selector;
  });
  m_findings.erase(
      std::unique(m_findings.begin(), m_findings.end(),
                  [](const Finding& a, const Finding& b) { return a.start == b.start && a.selector == b.selector; }),
      m_findings.end());
  return std::move(m_findings);
}

// The cascade's order matters: a URL holds hosts, e-mails hold hosts and @, IBANs and wallets hold
// digit runs, IPs look like numbers; so the forms that contain others go first, and each claims its
// span. Numbers (phones and bank accounts) come last because they are the least specific.
std::string refang(std::string_view text) { return std::string(WorkingText(text).text()); }

std::vector<Finding> extract(std::string_view text, const ExtractContext& context) {
  Document document(text, context);
  const std::string_view working = document.text();
  std::size_t i = 0;
  std::size_t cue_end = document.next_cue_end(0);  // the next end of a cue at or after i
  const StartBytes& starts = start_bytes();
  while (i < working.size()) {
    // Runs of bytes that start no selector (spaces, punctuation, Thai or Chinese text) are skipped in
    // one tight loop: only these bytes reach the checks below.
    i = next_possible_start(working, i, starts);
    if (i == working.size()) break;
    if (cue_end < i) cue_end = document.next_cue_end(i - 1);
    // A cue may end right before a token, or a phone label before a dot glued to it: "HP.010-1234-5678",
    // "Tel.012-3456789" (not "WhatsApp.2.23.24.76", a version).
    const auto after_cue = [&] {
      return cue_end == i || (i >= 2 && working[i - 1] == '.' && document.phone_label_ends_at(i - 1));
    };
    if (document.is_claimed(i) || !(is_token_boundary(working, i) || after_cue())) {
      ++i;
      continue;
    }
    std::size_t end = 0;
    std::size_t word_stop = 0;  // the end of the word at i, when it is known to be plain
    if ((class_of(working[i]) & k_token_start) != 0) {
      word_stop = plain_word_end(working, i);
      if (word_stop == 0) {
        for (auto* scanner :
             {scan_url, scan_email, scan_ip, scan_host, scan_mention, scan_iban, scan_wallet, scan_number}) {
          end = scanner(document, i);
          if (end != 0) break;
        }
      }
    } else {
      const CodePoint code_point = decode_utf8(working, i);
      // An IDN host may start here; any other character is skipped.
      if (!may_start_host(code_point.value)) {
        end = i + code_point.length;
      } else if (word_stop = plain_word_end(working, i); word_stop == 0) {
        end = scan_host(document, i);
      }
    }
    // Otherwise skip the rest of this word (a scanner starts only at a token boundary), but stop where a
    // cue ends inside it.
    const std::size_t next_cue_end = cue_end > i ? cue_end : document.next_cue_end(i);
    if (end > i) {
      i = end;
    } else {
      i = std::max(i + 1, std::min(word_stop != 0 ? word_stop : word_end(working, i), next_cue_end));
    }
  }
  scan_bare_names(document);
  return document.take_findings();
}

}  // namespace jala::extract
