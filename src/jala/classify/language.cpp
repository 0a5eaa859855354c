#include "jala/classify/language.h"

#include <cld2/public/compact_lang_det.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <unordered_map>

namespace jala::classify {
namespace {

struct ScriptLanguage {
  UScriptCode script;
  const char* language;
};

// Scripts whose messages are, in practice, in one language.
constexpr std::array k_script_languages{
    ScriptLanguage{USCRIPT_KHMER, "km"},    ScriptLanguage{USCRIPT_LAO, "lo"},
    ScriptLanguage{USCRIPT_MYANMAR, "my"},  ScriptLanguage{USCRIPT_THAI, "th"},
    ScriptLanguage{USCRIPT_HANGUL, "ko"},   ScriptLanguage{USCRIPT_HIRAGANA, "ja"},
    ScriptLanguage{USCRIPT_KATAKANA, "ja"}, ScriptLanguage{USCRIPT_GEORGIAN, "ka"},
    ScriptLanguage{USCRIPT_ARMENIAN, "hy"}, ScriptLanguage{USCRIPT_SINHALA, "si"},
    ScriptLanguage{USCRIPT_TAMIL, "ta"},    ScriptLanguage{USCRIPT_BENGALI, "bn"},
    ScriptLanguage{USCRIPT_GUJARATI, "gu"}, ScriptLanguage{USCRIPT_ETHIOPIC, "am"},
};

// Function words that name a Latin-script language CLD2 misses in chats: Vietnamese written without its
// diacritics ("lam viec luong cao"), which CLD2 does not know without the tone marks, and Tagalog mixed
// with English ("Customer service sa Dubai, libre ang pagkain"), which CLD2 calls English. A message with
// at least two distinct strong words of a list, and the list's words at least 1/`share` of its words, is
// in that language. Weak words count towards the share but never alone, because English, Indonesian,
// Malay or Spanish use them too.
struct FunctionWords {
  const char* language;
  std::span<const std::string_view> strong;  // at most 64
  std::span<const std::string_view> weak;
  std::size_t share;
};

constexpr std::array<std::string_view, 34> k_vietnamese_strong{
    "bi",    "cac",   "cho",  "co",    "cong",  "cua",  "da",    "dang", "den",  "duoc",  "em",    "hay",
    "khong", "lam",   "lien", "luong", "mot",   "ngay", "nguoi", "nha",  "nhan", "nhieu", "nhung", "ngan",
    "roi",   "thang", "thi",  "tien",  "trieu", "tren", "va",    "viec", "voi",  "xin"};
constexpr std::array<std::string_view, 6> k_vietnamese_weak{"anh", "ban", "la", "se", "tai", "chi"};
constexpr std::array<std::string_view, 33> k_tagalog_strong{
    "ang",  "ng",    "mga",   "sa",   "ako",  "ikaw",  "naman",  "lang",  "kung",      "wala",    "walang",
    "yung", "namin", "natin", "kayo", "siya", "dito",  "doon",   "rin",   "lahat",     "sahod",   "trabaho",
    "tayo", "nyo",   "ninyo", "agad", "ko",   "pwede", "puwede", "gusto", "kailangan", "magkano", "niyo"};
constexpr std::array<std::string_view, 13> k_tagalog_weak{"at",  "na",   "ka",   "pa",   "ba",    "po",  "din",
                                                          "ito", "sila", "kami", "kasi", "libre", "nang"};
// Vietnamese first: a message that passes both tests is Vietnamese ("nang" is a Vietnamese word, and a
// weak one of Tagalog).
constexpr std::array k_function_words{
    FunctionWords{"vi", k_vietnamese_strong, k_vietnamese_weak, 4},
    FunctionWords{"tl", k_tagalog_strong, k_tagalog_weak, 10},
};
static_assert(k_vietnamese_strong.size() <= 64 && k_tagalog_strong.size() <= 64);

// Words that Malay uses and Indonesian does not, and the reverse: spellings (nombor/nomor, telefon/telepon,
// akaun/akun, pakej/paket, diskaun/diskon), vocabulary (percuma/gratis, syarikat/perusahaan, wang/uang,
// akaun/rekening) and chat forms (je, dah; gak, aja, banget). CLD2 confuses the two languages; when it names either,
// the side with more of its own words decides. Words both use are left out, though one uses them more: tak, boleh, nak.
constexpr std::array<std::string_view, 27> k_malay_words{
    "awak",    "percuma", "sahaja",    "wang",   "kat",     "syarikat", "jawatan", "sila",     "kerana",
    "encik",   "hantar",  "pejabat",   "nombor", "telefon", "akaun",    "mesej",   "sebarang", "jom",
    "ringgit", "rm",      "sekiranya", "je",     "sebab",   "dah",      "pakej",   "diskaun",  "bimbit"};
constexpr std::array<std::string_view, 34> k_indonesian_words{
    "bisa",    "saja",     "uang",   "gratis", "gak",   "nggak", "ga",    "rp",      "perusahaan",
    "silakan", "lowongan", "kantor", "kirim",  "pulsa", "kuota", "nomor", "telepon", "akun",
    "karena",  "bapak",    "banget", "udah",   "aja",   "dong",  "sih",   "rb",      "jt",
    "paket",   "rekening", "ketik",  "diskon", "lho",   "yth",   "hp"};

// Counts letters per script, and each function-word list's words among the ASCII words.
struct Census {
  std::map<UScriptCode, std::size_t> letters;
  std::size_t words = 0;
  std::array<std::size_t, k_function_words.size()> listed_words{};
  std::array<std::size_t, k_function_words.size()> distinct_strong_words{};
  std::size_t malay_words = 0;
  std::size_t indonesian_words = 0;
};

// What a word is in the lists above: one hash lookup per word instead of a search of every list.
struct WordRoles {
  std::array<int, k_function_words.size()> strong{};  // the place among the list's strong words, or -1
  std::array<bool, k_function_words.size()> weak{};
  bool malay = false;
  bool indonesian = false;
};

const std::unordered_map<std::string_view, WordRoles>& word_roles() {
  static const std::unordered_map<std::string_view, WordRoles> roles = [] {
    std::unordered_map<std::string_view, WordRoles> table;
    const auto role_of = [&](std::string_view word) -> WordRoles& {
      auto [found, added] = table.try_emplace(word);
      if (added) found->second.strong.fill(-1);
      return found->second;
    };
    for (std::size_t list = 0; list < k_function_words.size(); ++list) {
      const FunctionWords& words = k_function_words[list];
      for (std::size_t i = 0; i < words.strong.size(); ++i) role_of(words.strong[i]).strong[list] = static_cast<int>(i);
      for (const std::string_view word : words.weak) role_of(word).weak[list] = true;
    }
    for (const std::string_view word : k_malay_words) role_of(word).malay = true;
    for (const std::string_view word : k_indonesian_words) role_of(word).indonesian = true;
    return table;
  }();
  return roles;
}

Census take_census(std::string_view text) {
  const std::unordered_map<std::string_view, WordRoles>& roles = word_roles();
  Census census;
  std::string word;
  bool ascii_word = true;
  std::array<std::uint64_t, k_function_words.size()> strong_seen{};  // a bit per strong word
  const auto end_word = [&] {
    if (!word.empty()) {
      ++census.words;
      const auto found = ascii_word ? roles.find(word) : roles.end();
      if (found != roles.end()) {
        const WordRoles& role = found->second;
        census.malay_words += role.malay ? 1 : 0;
        census.indonesian_words += role.indonesian ? 1 : 0;
        for (std::size_t list = 0; list < k_function_words.size(); ++list) {
          if (role.strong[list] < 0 && !role.weak[list]) continue;
          ++census.listed_words[list];
          if (role.strong[list] < 0) continue;
          const std::uint64_t bit = std::uint64_t{1} << role.strong[list];
          if ((strong_seen[list] & bit) == 0) ++census.distinct_strong_words[list];
          strong_seen[list] |= bit;
        }
      }
    }
    word.clear();
    ascii_word = true;
  };
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(std::min<std::size_t>(text.size(), INT32_MAX));
  for (std::int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0 || !u_isalpha(c)) {
      end_word();
      continue;
    }
    UErrorCode error = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &error);
    if (U_FAILURE(error)) continue;
    ++census.letters[script];
    if (c < 0x80) {
      word += static_cast<char>(u_tolower(c));
    } else {
      ascii_word = false;
      word += '?';
    }
  }
  end_word();
  return census;
}

}  // namespace

std::string identify_language(std::string_view text) {
  const Census census = take_census(text);
  std::size_t letters = 0;
  for (const auto& [script, count] : census.letters) letters += count;
  if (letters == 0) return "und";
  const auto letters_of = [&](UScriptCode script) {
    const auto found = census.letters.find(script);
    return found == census.letters.end() ? std::size_t{0} : found->second;
  };
  // A script one language owns, if it is at least a third of the letters.
  for (const ScriptLanguage& owned : k_script_languages) {
    if (3 * letters_of(owned.script) >= letters) return owned.language;  // Japanese mixes kana with Han: kana decides
  }
  // Japanese written mostly in Han: Chinese has no kana, Japanese has some in nearly every sentence.
  const std::size_t han = letters_of(USCRIPT_HAN);
  const std::size_t kana = letters_of(USCRIPT_HIRAGANA) + letters_of(USCRIPT_KATAKANA);
  if (kana >= 2 && 20 * kana >= letters && 3 * (han + kana) >= letters) return "ja";
  if (3 * han >= letters) return "zh";
  for (std::size_t list = 0; list < k_function_words.size(); ++list) {
    const FunctionWords& words = k_function_words[list];
    if (census.distinct_strong_words[list] >= 2 && words.share * census.listed_words[list] >= census.words) {
      return words.language;
    }
  }

  bool reliable = false;
  int text_bytes = 0;
  CLD2::Language top3[3];
  int percent3[3];
  double scores3[3];
  int valid_prefix = 0;
  const CLD2::Language found = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      text.data(), static_cast<int>(std::min<std::size_t>(text.size(), INT32_MAX)), true, nullptr, 0, top3, percent3,
      scores3, nullptr, &text_bytes, &reliable, &valid_prefix);
  if (found == CLD2::UNKNOWN_LANGUAGE) return "und";
  std::string code = CLD2::LanguageCode(found);
  if (code == "un" || code == "xx") return "und";
  if (code == "zh-Hant") return "zh";
  // CLD2 still gives the codes that BCP 47 deprecated (ISO 639 withdrew them in 1989).
  for (const auto& [deprecated, current] : {std::pair{"iw", "he"}, std::pair{"jw", "jv"}, std::pair{"in", "id"},
                                            std::pair{"ji", "yi"}, std::pair{"mo", "ro"}}) {
    if (code == deprecated) return current;
  }
  if ((code == "id" || code == "ms") && census.malay_words != census.indonesian_words) {
    return census.malay_words > census.indonesian_words ? "ms" : "id";
  }
  return code;
}

}  // namespace jala::classify
