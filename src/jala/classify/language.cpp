#include "jala/classify/language.h"

#include <cld2/public/compact_lang_det.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <map>

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

// Function words of Vietnamese without its diacritics; a message with several is Vietnamese.
constexpr std::array<std::string_view, 40> k_vietnamese_words{
    "anh", "ban",   "bi",  "cac",   "cho",  "chi",   "co",    "cong", "cua",   "da",   "dang", "den",   "duoc",  "em",
    "hay", "khong", "la",  "lam",   "lien", "luong", "mot",   "ngay", "nguoi", "nha",  "nhan", "nhieu", "nhung", "ngan",
    "roi", "se",    "tai", "thang", "thi",  "tien",  "trieu", "tren", "va",    "viec", "voi",  "xin"};
// Words that are as common in English, Indonesian or Tagalog, which never count alone.
constexpr std::array<std::string_view, 6> k_shared_words{"anh", "ban", "la", "se", "tai", "chi"};

// Counts letters per script, and Vietnamese function words among the ASCII words.
struct Census {
  std::map<UScriptCode, std::size_t> letters;
  std::size_t han = 0;
  std::size_t vietnamese_words = 0;
  std::size_t distinct_vietnamese_words = 0;
  std::size_t words = 0;
};

Census take_census(std::string_view text) {
  Census census;
  std::string word;
  bool ascii_word = true;
  std::array<bool, k_vietnamese_words.size()> seen{};
  const auto end_word = [&] {
    if (!word.empty()) {
      ++census.words;
      const auto found = std::find(k_vietnamese_words.begin(), k_vietnamese_words.end(), word);
      if (ascii_word && found != k_vietnamese_words.end()) {
        ++census.vietnamese_words;
        const auto index = static_cast<std::size_t>(found - k_vietnamese_words.begin());
        const bool shared = std::find(k_shared_words.begin(), k_shared_words.end(), word) != k_shared_words.end();
        if (!seen[index] && !shared) ++census.distinct_vietnamese_words;
        seen[index] = true;
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
    if (script == USCRIPT_HAN) ++census.han;
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
  // A script one language owns, if it is at least a third of the letters.
  for (const ScriptLanguage& owned : k_script_languages) {
    const auto found = census.letters.find(owned.script);
    if (found != census.letters.end() && 3 * found->second >= letters) {
      return owned.language;  // Japanese mixes kana with Han: kana decides
    }
  }
  if (3 * census.han >= letters) return "zh";
  if (census.distinct_vietnamese_words >= 2 && 4 * census.vietnamese_words >= census.words) return "vi";

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
  return code;
}

}  // namespace jala::classify
