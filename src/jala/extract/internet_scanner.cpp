// Scanners for the internet forms: URLs (with the profile links of messaging and social platforms),
// e-mails, bare host names, IP addresses, and platform handles named by a keyword.
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

#include "jala/extract/document.h"
#include "jala/extract/lookalike.h"
#include "jala/extract/number_run.h"
#include "jala/model/normalisers.h"
#include "jala/model/text.h"

namespace jala::extract {
namespace {

using model::SelectorType;

// Which non-ASCII letters a host or URL may hold. Latin letters with a diacritic always (IDN hosts are
// written with them) and soft hyphens (IDNA drops them). Letters that spoofed hosts borrow from other
// scripts ("myеtherwallet.com" with a Cyrillic 'е') are tried first; when that reading fails, the host
// is read again without them, so that "example.com" glued to a Russian word still counts.
enum class HostLetters { with_borrowed, latin_only };

bool is_host_letter(char32_t code_point, HostLetters letters) {
  constexpr char32_t k_soft_hyphen = 0x00AD;
  return is_latin_letter(code_point) || code_point == k_soft_hyphen ||
         (letters == HostLetters::with_borrowed && is_lookalike_script_letter(code_point));
}

// Length of the non-ASCII host letter at `i`, or 0: another character, or bytes that are not UTF-8 (which
// decode_utf8 gives one at a time, and which would otherwise read as Latin-1 letters).
std::size_t host_letter_length(std::string_view text, std::size_t i, HostLetters letters) {
  const CodePoint code_point = decode_utf8(text, i);
  return code_point.length > 1 && is_host_letter(code_point.value, letters) ? code_point.length : 0;
}

// Length of the host character at `i` (ASCII letter, digit, '-', '_', '.', or a host letter), or 0.
// Any other non-ASCII character ends a host or URL.
std::size_t host_char_length(std::string_view text, std::size_t i, HostLetters letters) {
  const char c = text[i];
  if (is_alnum(c) || c == '-' || c == '_' || c == '.') return 1;
  if (static_cast<unsigned char>(c) < 0x80) return 0;
  return host_letter_length(text, i, letters);
}

std::size_t host_end(std::string_view text, std::size_t i, HostLetters letters) {
  while (i < text.size()) {
    const std::size_t length = host_char_length(text, i, letters);
    if (length == 0) break;
    i += length;
  }
  return i;
}

// The end of a URL that starts at `start`: at white space, a quote or angle bracket, or a non-ASCII
// character that is not a host letter; then without trailing sentence punctuation.
std::size_t url_end(std::string_view text, std::size_t start, HostLetters letters) {
  std::size_t i = start;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c <= 0x20 || c == '"' || c == '<' || c == '>' || c == '`' || c == '\'') break;
    if (c >= 0x80) {
      const std::size_t length = host_letter_length(text, i, letters);
      if (length == 0) break;
      i += length;
      continue;
    }
    ++i;
  }
  constexpr std::string_view k_trailing = ".,;:!?)]}*";
  while (i > start && k_trailing.find(text[i - 1]) != std::string_view::npos) {
    if (text[i - 1] == ')' && text.substr(start, i - start).find('(') != std::string_view::npos) break;
    --i;
  }
  return i;
}

// A letter, mark or digit of any script: an IDN host written in its own script ("ไทย.com", "例子.中国").
bool is_idn_host_character(char32_t code_point) {
  const auto c = static_cast<UChar32>(code_point);
  const std::int8_t type = u_charType(c);
  return u_isalpha(c) || u_isdigit(c) || type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

// The end of a host after a URL's scheme, written in any script: "https://ไทย.com", "http://例子.中国/x". A
// label that starts with an ASCII character goes on only with host letters (host_char_length), so that
// "https://ไทย.comสมัคร", with no space before the Thai word, ends at ".com".
std::size_t idn_host_end(std::string_view text, std::size_t i) {
  bool label_start = true;
  bool ascii_label = false;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '.') {
      label_start = true;
      ++i;
      continue;
    }
    if (label_start) ascii_label = static_cast<unsigned char>(c) < 0x80;
    label_start = false;
    if (ascii_label || static_cast<unsigned char>(c) < 0x80) {
      const std::size_t length = host_char_length(text, i, HostLetters::with_borrowed);
      if (length == 0) break;
      i += length;
      continue;
    }
    const CodePoint code_point = decode_utf8(text, i);
    if (code_point.length == 1 || !is_idn_host_character(code_point.value)) break;  // not UTF-8
    i += code_point.length;
  }
  return i;
}

// Whether the path segment or query key that ends just before `i` ('/' or '=' at i - 1) names an address:
// "/address/", "#/address/", "/account/", "?addr=", "&wallet=".
bool names_an_address(std::string_view text, std::size_t url_start, std::size_t i) {
  constexpr std::array<std::string_view, 5> k_address_words = {"address", "addr", "account", "accounts", "wallet"};
  const std::size_t name_end = i - 1;
  std::size_t name_start = name_end;
  while (name_start > url_start && is_alpha(text[name_start - 1])) --name_start;
  if (name_start == url_start || name_start == name_end) return false;
  const char before = text[name_start - 1];
  if (text[name_end] == '/' ? before != '/' : before != '?' && before != '&' && before != '#') return false;
  const std::string_view name = text.substr(name_start, name_end - name_start);
  return std::any_of(k_address_words.begin(), k_address_words.end(),
                     [&](std::string_view word) { return model::equals_ascii_lowered(name, word); });
}

// The wallet a URL names as an address: an explorer's page ("tronscan.org/#/address/T…",
// "etherscan.io/address/0x…") or a payment page's parameter ("?addr=T…"). Each is read by add_wallet, so
// only an address whose checksum holds is one; the URL's canonical form may drop it (a fragment). Other
// segments are not tried: long random tokens in links are common, and no wallet is named there.
void add_wallets_in_url(Document& document, std::size_t start, std::size_t end) {
  const std::string_view text = document.text();
  for (std::size_t i = start + 1; i < end; ++i) {
    if ((text[i - 1] == '/' || text[i - 1] == '=') && is_alnum(text[i]) && names_an_address(text, start, i)) {
      if (const std::size_t wallet_end = add_wallet(document, i); wallet_end != 0) i = wallet_end;
    }
  }
}

// url: and, for its host, domain: (registrable domain) or ip: (model::url_host_selector). Returns the end
// of what it read, or 0.
std::size_t add_url(Document& document, std::size_t start, std::size_t end) {
  const std::string_view text = document.text();
  const std::string_view url = text.substr(start, end - start);
  if (add_platform_link(document, url, start, end)) return end;
  // "wa.me/+66 81 234 5678": the number of a link written spaced, as numbers are, read with as many groups
  // as make an account. Only when the link alone names none, else every such link would be the one URL
  // "http://wa.me/+66".
  if (is_digit(text[end - 1])) {
    // The number the link ends with: "wa.me/+66", "api.whatsapp.com/send?phone=66".
    const NumberRun number = read_number(text, start + url.find_last_not_of("+0123456789") + 1);
    for (std::size_t group = std::min(number.group_count, number.group_ends.size()); group-- > 0;) {
      const std::size_t spaced_end = number.group_ends[group];
      if (spaced_end <= end) break;
      if (spaced_end < text.size() && is_alpha(text[spaced_end])) continue;  // glued to a word: no number's end
      if (add_platform_link(document, text.substr(start, spaced_end - start), start, spaced_end)) return spaced_end;
    }
  }
  Result<std::string> canonical = model::normalise_url(url, document.normalise_context());
  if (!canonical.ok()) return 0;
  model::Selector selector{SelectorType::url, std::move(canonical).value()};
  const std::optional<model::Selector> host = model::url_host_selector(selector);
  document.add(SelectorType::url, std::move(selector.value), start, end, k_format_confidence);
  if (host) document.add(host->type, host->value, start, end, k_format_confidence);
  add_wallets_in_url(document, start, end);
  return end;
}

std::size_t local_part_end(std::string_view text, std::size_t i) {
  constexpr std::string_view k_local_specials = "._%+-";
  while (i < text.size() && (is_alnum(text[i]) || k_local_specials.find(text[i]) != std::string_view::npos)) ++i;
  return i;
}

std::string_view trim_host(std::string_view text, std::size_t start, std::size_t end) {
  while (end > start && (text[end - 1] == '.' || text[end - 1] == '-')) --end;
  return text.substr(start, end - start);
}

// The platforms whose account names a keyword can introduce (rule 7 of the corpus README).
constexpr std::initializer_list<Cue> k_platform_cues = {Cue::telegram, Cue::whatsapp,  Cue::zalo,   Cue::line,
                                                        Cue::wechat,   Cue::instagram, Cue::tiktok, Cue::x,
                                                        Cue::facebook, Cue::phone_only};

std::optional<SelectorType> handle_type(Cue cue) {
  switch (cue) {
    case Cue::telegram: return SelectorType::telegram;
    case Cue::line: return SelectorType::line;
    case Cue::wechat: return SelectorType::wechat;
    case Cue::instagram: return SelectorType::instagram;
    case Cue::tiktok: return SelectorType::tiktok;
    case Cue::x: return SelectorType::x;
    default: return std::nullopt;
  }
}

std::size_t name_end(std::string_view text, std::size_t i) {
  while (i < text.size() && (is_word(text[i]) || text[i] == '.' || text[i] == '-')) ++i;
  while (text[i - 1] == '.' || text[i - 1] == '-') --i;
  return i;
}

constexpr std::size_t k_handle_cue_window = 40;  // bytes between a platform keyword and its @name
constexpr std::size_t k_version_cue_window = 12;  // "version: 2.0.0.1", "版本号：4.2.0.12"

}  // namespace

std::size_t scan_url(Document& document, std::size_t start) {
  const std::string_view text = document.text();
  if (!starts_with_folded(text, start, "http://") && !starts_with_folded(text, start, "https://") &&
      !starts_with_folded(text, start, "www.")) {
    return 0;
  }
  const std::size_t end = url_end(text, start, HostLetters::with_borrowed);
  // A host in a script of its own, which url_end stops inside: only after a scheme, which says where it starts.
  if (const std::size_t scheme = text.substr(start, 8).find("://"); scheme != std::string_view::npos) {
    // User info ("https://ธนาคาร.com@evil.com/") is no host: the host follows the last '@'.
    std::size_t host_start = start + scheme + 3;
    std::size_t host_stop = idn_host_end(text, host_start);
    while (host_stop < text.size() && text[host_stop] == '@') {
      host_start = host_stop + 1;
      host_stop = idn_host_end(text, host_start);
    }
    if (host_stop > end) {
      const bool goes_on =
          host_stop < text.size() && std::string_view("/:?#").find(text[host_stop]) != std::string_view::npos;
      const std::size_t idn_end = goes_on ? url_end(text, host_stop, HostLetters::with_borrowed)
                                          : host_start + trim_host(text, host_start, host_stop).size();
      if (const std::size_t added_end = add_url(document, start, idn_end); added_end != 0) return added_end;
    }
  }
  if (const std::size_t added_end = add_url(document, start, end); added_end != 0) return added_end;
  const std::size_t latin_end = url_end(text, start, HostLetters::latin_only);
  if (latin_end != end) {
    if (const std::size_t added_end = add_url(document, start, latin_end); added_end != 0) return added_end;
  }
  return latin_end;
}

// The addresses in [from, to) of a mailto: link (its path, or the value of a to, cc or bcc field), parted
// by commas, written or escaped ("%2C"). Each that has percent escapes is decoded and read as an e-mail
// address, and its span claimed whether it is one or not (so that "hr%40lotus.com" gives no domain
// "40lotus.com"); the others are left to the scanners, which find plain addresses and whatever else a
// piece holds ("t.me/…").
void add_encoded_addresses(Document& document, std::size_t from, std::size_t to) {
  const std::string_view text = document.text();
  for (std::size_t piece = from; piece < to;) {
    std::size_t piece_end = piece;
    std::size_t next = to;
    for (; piece_end < to; ++piece_end) {
      if (text[piece_end] == ',') {
        next = piece_end + 1;
        break;
      }
      if (starts_with_folded(text, piece_end, "%2c")) {
        next = piece_end + 3;
        break;
      }
    }
    const std::string_view raw = text.substr(piece, piece_end - piece);
    if (raw.find('%') != std::string_view::npos) {
      const std::optional<std::string> decoded = model::percent_decoded(raw);
      if (decoded) {
        Result<std::string> email =
            model::normalise_email(model::trim_ascii_space(*decoded), document.normalise_context());
        if (email.ok()) {
          document.add(SelectorType::email, std::move(email).value(), piece, piece_end, k_format_confidence);
        }
      }
      document.claim(piece, piece_end);
    }
    piece = next;
  }
}

// A mailto: link's escaped addresses ("mailto:hr%40lotus.com", "mailto:?to=hr%40lotus.com&subject=CV"),
// decoded. Returns the end of "mailto:", after which the scanners go on as in any text (the link's plain
// addresses, and its query's phones and links, are found as such), or 0 when `start` is no mailto: link.
// Only the first k_max_mailto_bytes of a link are read: the scanners go on inside it, so a text of nested
// links ("mailto:mailto:…") would otherwise read to its end from each of them.
constexpr std::size_t k_max_mailto_bytes = 2'048;

std::size_t scan_encoded_mailto(Document& document, std::size_t start) {
  constexpr std::string_view k_scheme = "mailto:";
  const std::string_view text = document.text();
  if (!starts_with_folded(text, start, k_scheme)) return 0;
  const std::size_t end =
      url_end(text.substr(0, std::min(text.size(), start + k_max_mailto_bytes)), start, HostLetters::latin_only);
  const std::size_t path = start + k_scheme.size();
  const std::size_t query = std::min(text.substr(path, end - path).find('?'), end - path) + path;
  add_encoded_addresses(document, path, query);
  for (std::size_t field = query + 1; field < end;) {
    const std::size_t field_end = std::min(text.substr(field, end - field).find('&'), end - field) + field;
    for (const std::string_view name : {"to=", "cc=", "bcc="}) {
      if (starts_with_folded(text, field, name)) add_encoded_addresses(document, field + name.size(), field_end);
    }
    field = field_end + 1;
  }
  return path;
}

std::size_t scan_email(Document& document, std::size_t start) {
  const std::string_view text = document.text();
  const std::size_t at = local_part_end(text, start);
  if (at < text.size() && text[at] == ':') {
    const std::size_t app_link = scan_app_link(document, start);
    return app_link != 0 ? app_link : scan_encoded_mailto(document, start);
  }
  if (at == start || at >= text.size() || text[at] != '@') return 0;
  std::size_t end = 0;
  for (const HostLetters letters : {HostLetters::with_borrowed, HostLetters::latin_only}) {
    const std::string_view host = trim_host(text, at + 1, host_end(text, at + 1, letters));
    if (at + 1 + host.size() == end) break;  // no borrowed letter: the same reading again
    end = at + 1 + host.size();
    Result<std::string> email = model::normalise_email(text.substr(start, end - start), document.normalise_context());
    if (email.ok()) {
      document.add(SelectorType::email, std::move(email).value(), start, end, k_format_confidence);
      return end;
    }
  }
  // A wallet with the chain after '@' (an EIP-681 payment link, "ethereum:0x…@56?value=…") is the wallet.
  if (const std::size_t wallet_end = add_wallet(document, start); wallet_end == at) return wallet_end;
  document.claim(start, end);  // a UPI id ("name@okaxis") or a broken address: no handle inside
  return end;
}

// Whether a bare name of two labels is two sentences without the space between them ("I was there.It was
// hot", "place.No reason", "quiz.Win a prize"): the second label is a word that starts a sentence, written in
// title case after a lower-case letter, and a top-level domain only by chance. Real hosts are written so too
// ("Paypal.Com", "Tiki.Vn", "Zalo.Me"), so only these words count. `dot` is the last label's.
bool is_run_on_sentence(std::string_view text, std::size_t start, std::size_t dot, std::size_t end) {
  constexpr std::array<std::string_view, 21> k_sentence_words = {"as",  "at",  "be",   "by",    "click", "do",   "help",
                                                                 "how", "in",  "info", "is",    "it",    "meet", "no",
                                                                 "now", "one", "open", "promo", "so",    "to",   "win"};
  const std::string_view label = text.substr(dot + 1, end - dot - 1);
  if (text.substr(start, dot - start).find('.') != std::string_view::npos || !is_lower(text[dot - 1]) ||
      !is_upper(label[0]) || !std::all_of(label.begin() + 1, label.end(), is_lower)) {
    return false;
  }
  return std::any_of(k_sentence_words.begin(), k_sentence_words.end(),
                     [&](std::string_view word) { return model::equals_ascii_lowered(label, word); });
}

// Whether a bare name ends in "No" or "NO" for "number", before a number: "Acc.No. 1234", "Tel.NO: 0912…",
// "STK.No 0123…". In lower case it is Norway's domain ("finn.no: 5 ads", "finn.no:8080/login").
bool is_number_label(std::string_view text, std::size_t dot, std::size_t end) {
  const std::string_view label = text.substr(dot + 1, end - dot - 1);
  if ((label != "No" && label != "NO") || end == text.size() ||
      std::string_view(".:# ").find(text[end]) == std::string_view::npos) {
    return false;
  }
  std::size_t after = end + 1;
  while (after < text.size() && text[after] == ' ') ++after;
  return after < text.size() && is_digit(text[after]);
}

// A bare host name ending at `stop` gives domain:; followed by a path or port it is a URL without a
// scheme. Returns the end of what it added, or 0.
std::size_t add_host(Document& document, std::size_t start, std::size_t stop, HostLetters letters) {
  const std::string_view text = document.text();
  const std::string_view host = trim_host(text, start, stop);
  const std::size_t end = start + host.size();
  const std::size_t dot = host.rfind('.');
  if (dot == std::string_view::npos || dot + 2 >= host.size() || !is_alpha(host[dot + 1])) return 0;
  if (is_number_label(text, start + dot, end)) return 0;
  if (end < text.size() &&
      (text[end] == '/' || (text[end] == ':' && end + 1 < text.size() && is_digit(text[end + 1])))) {
    const std::size_t url_stop = url_end(text, start, letters);
    if (const std::size_t added_end = add_url(document, start, url_stop); added_end != 0) return added_end;
  }
  if (is_run_on_sentence(text, start, start + dot, end)) return 0;
  Result<std::string> domain = model::normalise_domain(host, document.normalise_context());
  if (!domain.ok()) return 0;
  document.add(SelectorType::domain, std::move(domain).value(), start, end, k_format_confidence);
  return end;
}

std::size_t scan_host(Document& document, std::size_t start) {
  const std::string_view text = document.text();
  if (!is_alnum(text[start]) && (static_cast<unsigned char>(text[start]) < 0x80 ||
                                 host_char_length(text, start, HostLetters::with_borrowed) == 0)) {
    return 0;
  }
  const std::size_t stop = host_end(text, start, HostLetters::with_borrowed);
  if (const std::size_t end = add_host(document, start, stop, HostLetters::with_borrowed); end != 0) return end;
  const std::size_t latin_stop = host_end(text, start, HostLetters::latin_only);
  return latin_stop == stop ? 0 : add_host(document, start, latin_stop, HostLetters::latin_only);
}

// True when a version word comes right before [start, end), with only a label's punctuation between
// ("version 2.0.0.1", "Ver: 10.1.0.3", "版本号：4.2.0.12"), not in "version 2 on server 203.0.113.7", and
// no path follows ("new version 45.76.1.2/app.apk" names a host).
bool is_version_number(const Document& document, std::size_t start, std::size_t end) {
  const std::string_view text = document.text();
  if (end < text.size() && text[end] == '/') return false;
  const CueHit* cue = cue_before(document.cues(), text, start, k_version_cue_window, {Cue::version_label});
  if (cue == nullptr) return false;
  std::string_view between = text.substr(cue->end, start - cue->end);
  while (!between.empty()) {
    if (std::string_view(" .:#=").find(between.front()) != std::string_view::npos) {
      between.remove_prefix(1);
    } else if (between.starts_with("：") || between.starts_with("号") || between.starts_with("號")) {
      between.remove_prefix(3);  // each three bytes in UTF-8
    } else {
      return false;
    }
  }
  return true;
}

std::size_t scan_ip(Document& document, std::size_t start) {
  const std::string_view text = document.text();
  std::size_t end = start;
  std::size_t colons = 0;
  std::size_t dots = 0;
  std::size_t digits = 0;
  while (end < text.size() &&
         (std::isxdigit(static_cast<unsigned char>(text[end])) != 0 || text[end] == ':' || text[end] == '.')) {
    colons += text[end] == ':';
    dots += text[end] == '.';
    digits += std::isxdigit(static_cast<unsigned char>(text[end])) != 0;
    ++end;
  }
  if (digits == 0) return 0;  // "::" alone is punctuation ("zalo:: 0563…"), not the unspecified address
  while (end > start && text[end - 1] == '.') {
    --end;
    --dots;
  }
  if (end < text.size() && is_word(text[end])) return 0;
  // An IPv4 address with its port ("185.220.101.4:8080/admin", "45.77.12.9:3128"): the address, and the port
  // claimed so that nothing else reads it.
  if (colons == 1 && dots == 3) {
    const std::size_t colon = text.find(':', start);
    const std::string_view port = text.substr(colon + 1, end - colon - 1);
    if (port.empty() || port.size() > 5 || !std::all_of(port.begin(), port.end(), is_digit)) return 0;
    Result<std::string> ip = model::normalise_ip(text.substr(start, colon - start), document.normalise_context());
    if (!ip.ok()) return 0;
    document.add(SelectorType::ip, std::move(ip).value(), start, colon, k_format_confidence);
    document.claim(colon, end);
    return end;
  }
  if (colons < 2 && dots != 3) return 0;
  if (colons == 0 && is_version_number(document, start, end)) {
    document.claim(start, end);  // "app version 2.0.0.1": no address, and no number inside
    return end;
  }
  if (colons > 0 && end > start + 1 && text[end - 1] == ':' && text[end - 2] != ':') --end;
  Result<std::string> ip = model::normalise_ip(text.substr(start, end - start), document.normalise_context());
  if (!ip.ok()) return 0;
  document.add(SelectorType::ip, std::move(ip).value(), start, end, k_format_confidence);
  return end;
}

// "@name": an account only when a platform keyword introduces it in the same clause.
std::size_t scan_mention(Document& document, std::size_t start) {
  const std::string_view text = document.text();
  if (text[start] != '@') return 0;
  const std::size_t end = name_end(text, start + 1);
  if (end <= start + 1) return 0;
  const CueHit* cue = cue_before(document.cues(), text, start, k_handle_cue_window, k_platform_cues);
  const std::optional<SelectorType> type = cue != nullptr ? handle_type(cue->cue) : std::nullopt;
  if (type) {
    Result<model::Selector> handle =
        model::normalise_selector(*type, text.substr(start, end - start), document.normalise_context());
    if (handle.ok()) document.add(*type, std::move(handle)->value, start, end, k_keyword_confidence);
  }
  return end;
}

// "Telegram: hr_james68", "微信号为wxid_x", "라인 아이디 yuna_invest88", "WeChat ID is wealth-profit",
// "Telegram MYAT_SOPHIA". A name that no colon introduces must look like an account (a digit or '_') or
// stand alone (at the end, before a bracket or a non-Latin word) in lower case and with four letters or
// more, so "Telegram group chat" gives none, nor do products and words that real messages put after a
// platform's name ("LINE Pay", "LINE OFFICIAL", "TikTok Kitchen", Indonesian "instagram nya"). The bare
// letter X introduces no name at all: "X kg", "X(t)", "Ragnarok X: Next Generation"; an X account is
// found by its URL or an "@name".
constexpr std::size_t k_min_standalone_name = 4;

// Words that follow a platform's name in reports and chat exports but name no account ("a Telegram group",
// "Telegram: Deleted Account", "saw it on TikTok yesterday", "LINE official", Indonesian "grup Telegram
// lowongan", job vacancy); compared in lower case.
constexpr std::array<std::string_view, 36> k_words_after_a_platform = {
    "account",  "admin",   "anonymous", "app",       "call",    "channel",  "channels", "chat",  "chats",
    "deleted",  "desktop", "group",     "groups",    "grup",    "hidden",   "kanal",    "link",  "live",
    "lowongan", "message", "messages",  "messenger", "none",    "number",   "official", "page",  "private",
    "profile",  "removed", "support",   "today",     "unknown", "username", "video",    "voice", "yesterday"};

bool is_word_after_a_platform(std::string_view name) {
  std::string lowered(name);
  for (char& c : lowered) c = lower(c);
  return std::find(k_words_after_a_platform.begin(), k_words_after_a_platform.end(), lowered) !=
         k_words_after_a_platform.end();
}

void scan_bare_names(Document& document) {
  const std::string_view text = document.text();
  // Words between a platform keyword and the name; the first group introduces it like a colon.
  constexpr std::array<std::string_view, 7> k_introducers = {":", "：", "៖", "为", "是", "is ", "ID is "};
  constexpr std::array<std::string_view, 5> k_fillers = {" ", "(", ")", "ID", "아이디"};
  for (const CueHit& cue : document.cues()) {
    const std::optional<SelectorType> type = handle_type(cue.cue);
    if (!type || (cue.cue == Cue::x && cue.end - cue.start == 1)) continue;
    std::size_t i = cue.end;
    bool introduced = false;
    for (bool moved = true; moved && i < text.size();) {
      moved = false;
      for (std::string_view word : k_introducers) {
        if (text.substr(i, word.size()) == word) {
          i += word.size();
          introduced = moved = true;
        }
      }
      for (std::string_view word : k_fillers) {
        if (text.substr(i, word.size()) == word) {
          i += word.size();
          moved = true;
        }
      }
    }
    if (i >= text.size() || !is_alnum(text[i]) || document.is_claimed(i) || is_word(text[i - 1]) ||
        cue_after(document.cues(), text, i, 0, k_platform_cues) != nullptr) {  // "엑스(X)" names the platform twice
      continue;
    }
    const std::size_t end = name_end(text, i);
    const std::string_view name = text.substr(i, end - i);
    bool has_letter = false;
    bool has_capital = false;
    bool looks_like_account = false;
    for (char c : name) {
      has_letter = has_letter || is_alpha(c);
      has_capital = has_capital || (c >= 'A' && c <= 'Z');
      looks_like_account = looks_like_account || c == '_' || is_digit(c);
    }
    const auto ends_phrase = [&](std::size_t at) {
      return at == text.size() || text[at] == ')' || text[at] == '(' || static_cast<unsigned char>(text[at]) >= 0x80;
    };
    const bool stands_alone = !has_capital && name.size() >= k_min_standalone_name &&
                              (ends_phrase(end) || (text[end] == ' ' && ends_phrase(end + 1)));
    if (!has_letter || !(introduced || looks_like_account || stands_alone) || is_word_after_a_platform(name) ||
        (end < text.size() && (text[end] == '@' || text[end] == '/'))) {
      continue;
    }
    Result<model::Selector> handle = model::normalise_selector(*type, name, document.normalise_context());
    if (handle.ok()) document.add(*type, std::move(handle)->value, i, end, k_keyword_confidence);
  }
}

}  // namespace jala::extract
