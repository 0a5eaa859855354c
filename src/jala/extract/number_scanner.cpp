// Scanners for the number-like forms: IBANs, crypto wallets, phone numbers and bank accounts. Phone
// candidates pass cheap filters (digit count, international or trunk prefix, not a date, amount or
// labelled code) before libphonenumber, which costs tens of microseconds a call, confirms them.
#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>

#include "jala/base/remembered.h"
#include "jala/extract/document.h"
#include "jala/extract/number_run.h"
#include "jala/model/iban.h"
#include "jala/model/normalisers.h"
#include "jala/model/wallet.h"

namespace jala::extract {
namespace {

using model::SelectorType;

constexpr std::size_t k_min_phone_digits = 7;
constexpr std::size_t k_max_phone_digits = 15;
constexpr std::size_t k_min_account_digits = 6;
// Six digits after a bank's name are its one-time code ("BPI: 000481 ang OTP mo", "TPBank là 601730") unless
// an account label names them ("STK ACB 123456").
constexpr std::size_t k_min_unlabelled_account_digits = 7;
constexpr std::size_t k_messaging_cue_window = 40;  // "WhatsApp: +66 81 234 5678"
constexpr std::size_t k_label_window = 24;          // "OTP 123456", "tracking VN9068455837"
constexpr std::size_t k_bank_before_window = 64;
constexpr std::size_t k_label_before_bank_window =
    8;  // "tổng đài Vietcombank": a space or two    // "Vietcombank, STK 0071000123456"
constexpr std::size_t k_bic_window = 80;

// Countries whose national numbers start with the trunk prefix 0 (corpus README, rule 1).
constexpr std::array<std::string_view, 20> k_trunk_zero_countries = {"VN", "TH", "KH", "LA", "MM", "ID", "MY",
                                                                     "PH", "KR", "TW", "GB", "FR", "BE", "CH",
                                                                     "AU", "AE", "SA", "EG", "JO", "MA"};

// Words and symbols after or before a number that make it an amount or a measure.
constexpr std::array<std::string_view, 53> k_units_after = {
    "vnd",     "vnđ",    "đ",       "đồng",   "usd",  "usdt", "baht",  "บาท",   "$",    "%",   "rp",
    "rm",      "원",     "만원",    "€",      "eur",  "euro", "euros", "pesos", "peso", "php", "元",
    "円",      "฿",      "riel",    "kip",    "ກີບ",   "ks",   "inr",   "₹",     "sgd",  "dh",  "aed",
    "dollars", "dollar", "ringgit", "rupiah", "yuan", "idr",  "krw",   "myr",   "hkd",  "rmb", "cny",
    "twd",     "thb",    "khr",     "lak",    "mmk",  "kyat", "gbp",   "dong",  "vnĐ"};
constexpr std::array<std::string_view, 10> k_units_before = {"$", "฿", "rp", "rm", "€", "£", "₱", "₹", "₫", "s$"};

// The bytes that start a unit after a number, and that end a unit before one: most numbers are followed
// and preceded by none of them, and are ruled out with one lookup each.
template <std::size_t count>
constexpr std::array<bool, 256> unit_edge_bytes(const std::array<std::string_view, count>& units, bool last) {
  std::array<bool, 256> edges{};
  for (std::string_view unit : units) edges[static_cast<unsigned char>(last ? unit.back() : unit.front())] = true;
  return edges;
}
constexpr std::array<bool, 256> k_units_after_first_bytes = unit_edge_bytes(k_units_after, false);
constexpr std::array<bool, 256> k_units_before_last_bytes = unit_edge_bytes(k_units_before, true);

// "12/03/2026", "2026-03-12 23:05", "12.3.2569" (Buddhist era), "03/2026": the first groups read as a
// date, with one date separator between them.
bool looks_like_date(const NumberRun& run) {
  const auto& g = run.groups;
  const char separator = run.separators[0];
  if (run.plus || (separator != '/' && separator != '-' && separator != '.')) return false;
  if (run.group_count >= 3 && run.separators[1] == separator) {
    // Day-month-year with a two-digit year only as a whole run: "06.12.34.56.78" is a French phone.
    return (g[0] <= 2 && g[1] <= 2 && (g[2] == 4 || (g[2] == 2 && run.group_count == 3))) ||
           (g[0] == 4 && g[1] <= 2 && g[2] <= 2);
  }
  // "12/05 19:42": a day and month, whatever follows.
  return (run.group_count == 2 && g[0] <= 2 && g[1] == 4) || (separator == '/' && g[0] <= 2 && g[1] <= 2);
}

// True when the character at `i` continues a Latin word ("đã" is a word, "đ" alone is dong).
bool is_word_continuation(std::string_view text, std::size_t i) {
  return is_alpha(text[i]) || is_latin_letter(decode_utf8(text, i).value);
}

bool starts_with_unit_after(std::string_view text, std::size_t i) {
  if (!k_units_after_first_bytes[static_cast<unsigned char>(lower(text[i]))]) return false;
  for (std::string_view unit : k_units_after) {
    if (text.size() - i < unit.size()) continue;
    bool same = true;
    for (std::size_t k = 0; k < unit.size() && same; ++k) same = lower(text[i + k]) == unit[k];
    const std::size_t after = i + unit.size();
    if (same && (after == text.size() || !is_word_continuation(text, after))) return true;
  }
  return false;
}

bool looks_like_amount(std::string_view text, std::size_t start, std::size_t end) {
  std::size_t after = end;
  while (after < text.size() && text[after] == ' ') ++after;
  if (after == end && after + 1 < text.size() && (text[after] == ',' && is_digit(text[after + 1]))) return true;
  if (after < text.size() && starts_with_unit_after(text, after)) return true;
  std::size_t before = start;
  while (before > 0 && text[before - 1] == ' ') --before;
  if (before == 0 || !k_units_before_last_bytes[static_cast<unsigned char>(lower(text[before - 1]))]) return false;
  for (std::string_view unit : k_units_before) {
    if (before >= unit.size()) {
      bool same = true;
      for (std::size_t k = 0; k < unit.size() && same; ++k) same = lower(text[before - unit.size() + k]) == unit[k];
      if (same) return true;
    }
  }
  return false;
}

// "#17629864", "order # 48213377": a number sign marks an order, ticket or reference number. Such
// numbers are new in every report, so without this test each would cost a libphonenumber call.
bool is_after_number_sign(std::string_view text, std::size_t start) {
  if (start > 0 && text[start - 1] == ' ') --start;
  return start > 0 && text[start - 1] == '#';
}

bool needs_trunk_zero(std::string_view country) {
  return std::find(k_trunk_zero_countries.begin(), k_trunk_zero_countries.end(), country) !=
         k_trunk_zero_countries.end();
}

// A keyword with another number between it and this one labels that number ("Zalo: 09.. - Hotline:
// 02..", "CTBC - 5270..., 電話 0933..."). A date or a time between is no such number ("하나은행 12/05 19:42
// 123-456789-12345"): digits next to '/' or ':' do not count.
bool labels_another_number(std::string_view text, const CueHit& cue, std::size_t start) {
  std::size_t digits = 0;
  for (std::size_t i = cue.end; i < start;) {
    if (!is_digit(text[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < start && is_digit(text[end])) ++end;
    const bool date_or_time =
        (i > 0 && (text[i - 1] == '/' || text[i - 1] == ':')) || (text[end] == '/' || text[end] == ':');
    if (!date_or_time) digits += end - i;
    i = end;
  }
  return digits >= k_min_phone_digits;
}

// A label names the first number after it: "Kode Pin:477BFG7S, Info Hub:0896…" labels the pin only.
bool labels_this_number(std::string_view text, const CueHit* label, std::size_t start) {
  return label != nullptr && std::none_of(text.begin() + static_cast<std::ptrdiff_t>(label->end),
                                          text.begin() + static_cast<std::ptrdiff_t>(start), is_digit);
}

// A keyword that trails a number labels that one: "588-827-982053 (中信銀行)，電話0989 885 175".
bool follows_a_number(std::string_view text, const CueHit& cue) {
  std::size_t i = cue.start;
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '(')) --i;
  return i > 0 && is_digit(text[i - 1]);
}

// A keyword written right before a number, with at most spaces, ':' or '-' between, labels it:
// "Vietcombank 0071000123456", "Vietcombank: 0071…", whatever comes before the keyword.
bool labels_number_after(std::string_view text, const CueHit& cue) {
  std::size_t i = cue.end;
  while (i < text.size() && (text[i] == ' ' || text[i] == ':' || text[i] == '-')) ++i;
  return i < text.size() && is_digit(text[i]);
}

// A keyword right after a number, alone or in parentheses: "0912 345 678 (Zalo/ĐT)", "3129 8100 95 (BPI)".
const CueHit* cue_right_after(const Document& document, std::size_t end, std::initializer_list<Cue> wanted) {
  const std::string_view text = document.text();
  while (end < text.size() && (text[end] == ' ' || text[end] == '(')) ++end;
  return cue_after(document.cues(), text, end, 0, wanted);
}

// The BIC written in the same clause as an account, if any: 8 or 11 capitals and digits, which the
// model's bank normaliser recognises (a folded name comes back in lower case).
std::optional<std::string> bic_near(const Document& document, std::size_t start, std::size_t end,
                                    const std::string& digits) {
  const std::string_view text = document.text();
  const std::size_t from = start > k_bic_window ? start - k_bic_window : 0;
  const std::size_t to = std::min(text.size(), end + k_bic_window);
  for (std::size_t i = from; i < to; ++i) {
    if (!std::isupper(static_cast<unsigned char>(text[i])) || (i > 0 && is_word(text[i - 1]))) continue;
    std::size_t j = i;
    while (j < to && (std::isupper(static_cast<unsigned char>(text[j])) || is_digit(text[j]))) ++j;
    if ((j - i == 8 || j - i == 11) && (j == text.size() || !is_word(text[j]))) {
      Result<std::string> bank =
          model::normalise_bank(std::string(text.substr(i, j - i)) + " " + digits, document.normalise_context());
      if (bank.ok() && std::isupper(static_cast<unsigned char>(bank->front()))) return std::move(bank).value();
    }
    i = j;
  }
  return std::nullopt;
}

// "12.000.000": groups of three digits after dots are thousands, an amount ("thu phí 12.000.000").
bool has_thousands_groups(const NumberRun& run) {
  if (run.group_count < 2 || run.groups[0] > 3) return false;
  for (std::size_t g = 1; g < std::min(run.group_count, run.groups.size()); ++g) {
    if (run.groups[g] != 3 || run.separators[g - 1] != '.') return false;
  }
  return true;
}

// A label inside a selector found before ("https://a.com/?ref 0071…": the URL's "ref") labels nothing.
bool inside_a_finding(const Document& document, const CueHit* label) {
  return label != nullptr && document.is_claimed(label->start);
}

// A code label between the bank's name and the number: "BRI kode cek (02599875)", "SCB … <OTP 047977>".
bool is_labelled_code(const Document& document, std::size_t start, std::size_t bank_end) {
  const CueHit* code = cue_before(document.cues(), document.text(), start, k_label_window, {Cue::code_label});
  return code != nullptr && code->start >= bank_end && !inside_a_finding(document, code) &&
         labels_this_number(document.text(), code, start);
}

bool is_labelled_account(const Document& document, std::size_t start) {
  return labels_this_number(document.text(),
                            cue_before(document.cues(), document.text(), start, k_label_window, {Cue::account_label}),
                            start);
}

// A bank's hotline after its name, unlabelled ("Krungthai 02-111-1111", "지원팀(02-6404-0206)"): a number
// with a trunk zero, grouped as its country writes phone numbers, and not labelled an account. The country
// is the report's, else the bank's (its BIC's letters 5 and 6).
bool written_as_phone(const Document& document, std::size_t start, const NumberRun& run, std::string_view bank) {
  if (run.group_count < 2 || run.group_count > run.groups.size() || run.digits.front() != '0') return false;
  std::string_view region = document.country();
  if (region.empty() && bank.size() > 6 && std::isupper(static_cast<unsigned char>(bank.front()))) {
    region = bank.substr(4, 2);
  }
  if (region.empty() || is_labelled_account(document, start)) return false;
  return model::grouped_as_national_phone(run.digits, {run.groups.data(), run.group_count}, region);
}

// Whether a label that ends at `end` is followed by a value of its own: a colon, a number sign, or digits
// within a word or two ("kode unik 123").
bool introduces_a_value(std::string_view text, std::size_t end) {
  constexpr std::size_t k_own_value_window = 8;
  for (std::size_t i = end; i < text.size() && i < end + k_own_value_window; ++i) {
    if (text[i] == ':' || text[i] == '#' || is_digit(text[i])) return true;
    if (text[i] == '\n' || text[i] == '.' || text[i] == ',') return false;
  }
  return false;
}

// A bank account: digits with a bank named in the same phrase, keyed by the BIC when one is given.
bool add_bank_account(Document& document, std::size_t start, const NumberRun& run) {
  if (run.plus || run.digits.size() < k_min_account_digits || has_thousands_groups(run)) return false;
  if (run.digits.size() < k_min_unlabelled_account_digits && !is_labelled_account(document, start)) return false;
  const std::string_view text = document.text();
  // The nearer of a bank name and a phone label or messaging app decides: "BCEL One ໄປເບີ 020 7750 4101" is a
  // phone, and so is "VPBank Zalo 0912345678".
  const CueHit* bank = cue_before(
      document.cues(), text, start, k_bank_before_window,
      {Cue::bank, Cue::phone_label, Cue::whatsapp, Cue::zalo, Cue::telegram, Cue::line, Cue::wechat, Cue::phone_only});
  // A bank's name after another number labels that one ("588-827-982053 (中信銀行)"), unless the name is
  // written right before this one ("Zalo 0912345678 Vietcombank 0071000123456").
  if (bank != nullptr && (bank->cue != Cue::bank || labels_another_number(text, *bank, start) ||
                          (follows_a_number(text, *bank) && !labels_number_after(text, *bank)))) {
    bank = nullptr;
  }
  // A bank's name right after the number ("3129 8100 95 (BPI)"), unless it labels the next number.
  if (bank == nullptr) {
    bank = cue_right_after(document, run.end, {Cue::bank});
    if (bank != nullptr && labels_number_after(text, *bank)) bank = nullptr;
  }
  if (bank == nullptr) return false;
  // A phone label just before the bank's name ("hotline Kasikornbank 02 888 8888"): the bank's number. A code
  // label just before it ("Mã OTP Vietcombank của bạn là 6017302"): the bank's code; one further back names
  // nothing here ("Tôi đọc mã OTP rồi chuyển Vietcombank 0071000123456").
  if (const CueHit* label = cue_before(document.cues(), text, bank->start, k_label_before_bank_window,
                                       {Cue::phone_label, Cue::code_label});
      label != nullptr && labels_this_number(text, label, bank->start)) {
    return false;
  }
  // A code label right after the number names it ("VPBank: 48213579 la ma OTP"), unless it introduces a value
  // of its own ("BCA 1234567890 kode unik 123", "reference: gaji", "order #5567").
  if (const CueHit* code = cue_after(document.cues(), text, run.end, k_label_before_bank_window, {Cue::code_label});
      code != nullptr && !inside_a_finding(document, code) && !introduces_a_value(text, code->end)) {
    return false;
  }
  std::optional<std::string> value = bic_near(document, start, run.end, run.digits);
  // A code label before a BIC names the BIC ("kode SWIFT CENAIDJA nomor 493-692-9393").
  if (!value && is_labelled_code(document, start, bank->start < start ? bank->end : 0)) return false;
  if (!value) {
    Result<std::string> named =
        model::normalise_bank(std::string(bank->bank_key) + " " + run.digits, document.normalise_context());
    if (!named.ok()) return false;
    value = std::move(named).value();
  }
  if (written_as_phone(document, start, run, *value)) return false;
  document.add(SelectorType::bank, std::move(*value), start, run.end, k_keyword_confidence);
  return true;
}

bool add_phone(Document& document, std::size_t start, const NumberRun& run) {
  const std::string_view text = document.text();
  if (run.digits.size() < k_min_phone_digits || run.digits.size() > k_max_phone_digits + 2) return false;
  // WhatsApp and Zalo accounts are their phone numbers: the nearest platform keyword decides.
  const CueHit* label = cue_before(document.cues(), text, start, k_messaging_cue_window,
                                   {Cue::telegram, Cue::whatsapp, Cue::zalo, Cue::line, Cue::wechat, Cue::phone_only});
  if (label != nullptr && labels_another_number(text, *label, start)) label = nullptr;
  // A messaging app's account written with the report's country code and no "+" ("WA 6281234567890" in
  // Indonesia), read as international when it is no national number. Only the report's own country: a
  // local number without its trunk zero ("WA 81234567890") or an app's numeric ID ("LINE ID 3532272056")
  // would otherwise read as a foreign number. Where national numbers start with a trunk zero, digits without
  // it are no national number either.
  const bool app_account = !run.international && run.digits.front() != '0' && label != nullptr &&
                           label->cue != Cue::phone_only && !document.country().empty();
  const bool national = run.international || !needs_trunk_zero(document.country()) || run.digits.front() == '0';
  if (!national && !app_account) return false;
  if (is_after_number_sign(text, start)) return false;
  // A code or account label names the number after it, unless a phone label or a messaging app comes nearer
  // ("hóa đơn, SĐT 0912…", "Nak order WhatsApp 012-345 6789").
  const CueHit* code = cue_before(document.cues(), text, start, k_label_window,
                                  {Cue::code_label, Cue::account_label, Cue::phone_label, Cue::whatsapp, Cue::zalo,
                                   Cue::telegram, Cue::line, Cue::wechat, Cue::phone_only});
  if (code != nullptr && (code->cue == Cue::code_label || code->cue == Cue::account_label) &&
      !inside_a_finding(document, code) && labels_this_number(text, code, start)) {
    return false;
  }
  const std::string candidate =
      (run.international ? "+" : "") + (run.digits.starts_with("00") ? run.digits.substr(2) : run.digits);
  Result<std::string> phone = national ? model::normalise_phone(candidate, document.normalise_context())
                                       : invalid_argument("not a national number");
  if (!phone.ok() && app_account) {
    phone = model::normalise_phone("+" + run.digits, document.normalise_context());
    if (phone.ok() && model::phone_country(*phone) != document.country()) return false;
  }
  if (!phone.ok()) return false;
  if (label == nullptr) label = cue_right_after(document, run.end, {Cue::whatsapp, Cue::zalo});
  if (label != nullptr && (label->cue == Cue::whatsapp || label->cue == Cue::zalo)) {
    document.add(label->cue == Cue::whatsapp ? SelectorType::whatsapp : SelectorType::zalo, *phone, start, run.end,
                 k_phone_confidence);
  }
  document.add(SelectorType::phone, std::move(phone).value(), start, run.end, k_phone_confidence);
  return true;
}

// Checksums cost microseconds a token (Keccak-256 for EIP-55, double SHA-256 for base58check), and the
// same addresses recur across reports (a campaign gives its wallet to every victim), so each thread
// remembers its verdicts, as the phone normaliser does. Bounded: the memory is dropped when full.
constexpr std::size_t k_max_remembered_wallets = 1 << 14;

Result<std::string> normalise_wallet_remembered(std::string_view token) {
  thread_local TextMap<Result<std::string>> outcomes;
  return remembered(outcomes, k_max_remembered_wallets, token, [token] { return model::normalise_wallet(token); });
}

std::size_t alnum_end(std::string_view text, std::size_t i) {
  while (i < text.size() && is_alnum(text[i])) ++i;
  return i;
}

}  // namespace

std::size_t scan_iban(Document& document, std::size_t start) {
  const std::string_view text = document.text();
  if (text.size() - start < 4 || !is_alpha(text[start]) || !is_alpha(text[start + 1]) || !is_digit(text[start + 2]) ||
      !is_digit(text[start + 3])) {
    return 0;
  }
  const std::string country = {static_cast<char>(std::toupper(text[start])),
                               static_cast<char>(std::toupper(text[start + 1]))};
  const std::optional<std::size_t> length = model::iban_length(country);
  if (!length) return 0;
  std::string compact;
  std::size_t i = start;
  while (i < text.size() && compact.size() < *length) {
    if (is_alnum(text[i])) {
      compact += static_cast<char>(std::toupper(text[i]));
      ++i;
    } else if ((text[i] == ' ' || text[i] == '-' || text[i] == '\n') && i + 1 < text.size() && is_alnum(text[i + 1])) {
      ++i;  // groups written with spaces or dashes, or broken across lines: the checksum confirms the join
    } else {
      break;
    }
  }
  if (compact.size() != *length || (i < text.size() && is_alnum(text[i]))) return 0;
  Result<std::string> iban = model::normalise_iban(compact);
  if (!iban.ok()) return 0;
  document.add(SelectorType::iban, std::move(iban).value(), start, i, k_checksum_confidence);
  return i;
}

namespace {

// Any long alphanumeric token is claimed, valid or not, so that no phone is read from a hash or a
// near-miss address. Solana keys have no checksum and count only when the text names Solana.
std::optional<std::string> wallet_of(const Document& document, std::string_view token) {
  Result<std::string> wallet = normalise_wallet_remembered(token);
  if (!wallet.ok() && has_cue(document.cues(), Cue::solana)) {
    wallet = model::normalise_wallet("sol:" + std::string(token));
  }
  if (!wallet.ok()) return std::nullopt;
  return std::move(wallet).value();
}

// An address wrapped at the end of a line (chat exports, e-mail, PDFs) whose first part ends at `end`: the
// checksum confirms the join, so only an address that has one is joined (not Solana's, nor an Ethereum
// address in one case). Adds it and returns its end, or 0.
std::size_t add_wrapped_wallet(Document& document, std::size_t start, std::size_t end) {
  constexpr std::size_t k_max_wallet_length = 128;
  const std::string_view text = document.text();
  if (end - start < k_min_wrapped_wallet_part || end + 1 >= text.size() || text[end] != '\n' ||
      !is_alnum(text[end + 1])) {
    return 0;
  }
  const std::size_t second_end = alnum_end(text, end + 1);
  const std::size_t length = second_end - start - 1;
  if (length < k_min_wallet_length || length > k_max_wallet_length) return 0;
  std::string joined(text.substr(start, end - start));
  joined += text.substr(end + 1, second_end - end - 1);
  const bool one_case = std::none_of(joined.begin(), joined.end(), [](char c) { return c >= 'a' && c <= 'z'; }) ||
                        std::none_of(joined.begin(), joined.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (joined.starts_with("0x") && one_case) return 0;
  // Base58 addresses have no 0, O, I or l: most joins of two random tokens are refused here, before the
  // costly checks (an export with a code at every line's end would otherwise pay them per line).
  const bool encodable = joined.starts_with("0x") || starts_with_folded(joined, 0, "bc1") ||
                         starts_with_folded(joined, 0, "ltc1") || joined.find_first_of("0OIl") == std::string::npos;
  if (!encodable) return 0;
  Result<std::string> wallet = normalise_wallet_remembered(joined);
  if (!wallet.ok()) return 0;
  document.add(SelectorType::wallet, std::move(wallet).value(), start, second_end, k_checksum_confidence);
  return second_end;
}

}  // namespace

std::size_t add_wallet(Document& document, std::size_t start) {
  const std::string_view text = document.text();
  const std::size_t end = alnum_end(text, start);
  if (end - start >= k_min_wallet_length) {
    if (std::optional<std::string> wallet = wallet_of(document, text.substr(start, end - start))) {
      document.add(SelectorType::wallet, std::move(*wallet), start, end, k_checksum_confidence);
      return end;
    }
  }
  return add_wrapped_wallet(document, start, end);
}

std::size_t scan_wallet(Document& document, std::size_t start) {
  if (const std::size_t end = add_wallet(document, start); end != 0) return end;
  const std::size_t end = alnum_end(document.text(), start);
  if (end - start < k_min_wallet_length) return 0;
  document.claim(start, end);
  return end;
}

// Two numbers one after the other, read as one run that is neither a phone nor an account
// ("0912345678/0987654321", "010-1234-5678 010-9876-5432", "0912345678 14:35"): the longest first part that
// ends at a space or a slash and is a phone is one, and the rest is scanned as a number of its own (after a
// slash, which the main loop takes for a path, too). Zero when there is none.
std::size_t first_phone_of_a_run(Document& document, std::size_t start, const NumberRun& run) {
  const std::string_view text = document.text();
  for (std::size_t k = std::min(run.group_count, run.groups.size()); k-- > 1;) {
    const char separator = run.separators[k - 1];
    if (separator != ' ' && separator != '/') continue;
    const NumberRun part = read_number(text.substr(0, run.group_ends[k - 1]), start);
    if (!add_phone(document, start, part)) continue;
    std::size_t next = part.end;
    while (next < run.end && (text[next] == ' ' || text[next] == '/')) ++next;
    return next < run.end ? std::max(next, scan_number(document, next)) : part.end;
  }
  return 0;
}

// The run up to a date that follows it after a space ("0011001234567 07/12/2026 10:30"), or the whole run.
NumberRun before_a_date(std::string_view text, std::size_t start, const NumberRun& run) {
  const std::size_t groups = std::min(run.group_count, run.groups.size());
  for (std::size_t k = 1; k + 1 < groups; ++k) {
    if (run.separators[k - 1] == ' ' && run.separators[k] == '/' && run.groups[k] <= 2) {
      return read_number(text.substr(0, run.group_ends[k - 1]), start);
    }
  }
  return run;
}

std::size_t scan_number(Document& document, std::size_t start) {
  const std::string_view text = document.text();
  const char first = text[start];
  if (!is_digit(first) && first != '+' && first != '(') return 0;
  const NumberRun run = before_a_date(text, start, read_number(text, start));
  if (run.digits.empty()) return 0;
  // Digits glued to letters are part of a code ("EF08797875", "12kg").
  if (run.end < text.size() && is_alpha(text[run.end])) {
    document.claim(start, run.end);
    return run.end;
  }
  // Dates, times and amounts are neither phones nor accounts, whatever their digits. A date's time goes with
  // it ("12/05 19:42 123-456789-12345": the minutes are not the account's first digits).
  if (looks_like_date(run) || looks_like_amount(text, start, run.end)) {
    std::size_t end = run.end;
    while (end + 2 < text.size() && text[end] == ':' && is_digit(text[end + 1]) && is_digit(text[end + 2])) end += 3;
    document.claim(start, end);
    return end;
  }
  if (add_bank_account(document, start, run) || add_phone(document, start, run)) return run.end;
  if (const std::size_t end = first_phone_of_a_run(document, start, run); end != 0) return end;
  return run.end;
}

}  // namespace jala::extract
