#include "jala/classify/features.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>
#include <set>

#include "jala/classify/cues.h"
#include "jala/extract/extract.h"
#include "jala/extract/lookalike.h"
#include "jala/model/selector.h"

namespace jala::classify {
namespace {

constexpr std::size_t k_max_word_codepoints = 40;
constexpr std::size_t k_max_features = 8192;
// The radix of Collector's sort: half a bucket's bits.
constexpr unsigned k_radix_bits = (k_feature_bits + 1) / 2;
constexpr std::uint32_t k_radix = 1U << k_radix_bits;

// FNV-1a over a feature's space and text, the text given in pieces so that a feature made of several
// (a word pair, a word with its boundary marks) is hashed without being built.
std::uint64_t fnv1a(char space, std::initializer_list<std::string_view> pieces) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  const auto mix = [&](unsigned char c) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  };
  mix(static_cast<unsigned char>(space));
  for (const std::string_view piece : pieces) {
    for (const char c : piece) mix(static_cast<unsigned char>(c));
  }
  return hash;
}

void append_utf8(std::string& out, UChar32 c) {
  char buffer[4];
  std::int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<std::uint8_t*>(buffer), length, 4, c, error);
  if (!error) out.append(buffer, static_cast<std::size_t>(length));
}

// A token: a run of letters and digits of the folded text, as UTF-8, with its code point boundaries.
struct Token {
  std::string text;
  std::vector<std::uint32_t> boundaries;  // byte offset of each code point, then the end
  bool spaced_script = true;              // false for Thai, Lao, Khmer, Burmese, Han runs
};

bool unspaced(UScriptCode script) {
  return script == USCRIPT_THAI || script == USCRIPT_LAO || script == USCRIPT_KHMER || script == USCRIPT_MYANMAR ||
         script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA;
}

// Lower case; marks on Latin letters dropped (after NFD), đ as d; digits as 0. Tokens split at
// anything that is not a letter, a digit or a mark.
std::vector<Token> tokenize(std::string_view text, bool& has_currency_symbol, bool& has_digit) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(error);
  icu::UnicodeString decomposed;
  const icu::UnicodeString source =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
  if (U_SUCCESS(error)) nfd->normalize(source, decomposed, error);
  if (U_FAILURE(error)) decomposed = source;

  std::vector<Token> tokens;
  Token current;
  UScriptCode base_script = USCRIPT_COMMON;
  const auto finish = [&] {
    if (!current.text.empty()) {
      current.boundaries.push_back(static_cast<std::uint32_t>(current.text.size()));
      tokens.push_back(std::move(current));
    }
    current = Token{};
  };
  for (std::int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    const std::int8_t type = u_charType(c);
    if (type == U_CURRENCY_SYMBOL) has_currency_symbol = true;
    if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK) {
      if (base_script == USCRIPT_LATIN || current.text.empty()) continue;  // diacritics, and stray marks
    } else if (u_isdigit(c)) {
      has_digit = true;
      c = '0';
      base_script = USCRIPT_COMMON;
    } else if (u_isalpha(c)) {
      c = u_tolower(c);
      if (c == 0x0111) c = 'd';  // đ has no decomposition
      UErrorCode script_error = U_ZERO_ERROR;
      base_script = uscript_getScript(c, &script_error);
      if (unspaced(base_script)) current.spaced_script = false;
    } else {
      finish();
      base_script = USCRIPT_COMMON;
      continue;
    }
    current.boundaries.push_back(static_cast<std::uint32_t>(current.text.size()));
    append_utf8(current.text, c);
  }
  finish();
  return tokens;
}

class Collector {
 public:
  explicit Collector(bool explain) : m_explain(explain) {}

  // The feature whose text is `pieces` joined, named so.
  void add(char space, std::initializer_list<std::string_view> pieces) {
    if (m_hashes.size() >= k_max_features) return;
    std::uint32_t named = 0;
    if (m_explain) {
      std::string text;
      for (const std::string_view piece : pieces) text += piece;
      named = name(space, text);
    }
    add(space, pieces, named);
  }

  // The feature whose text is `pieces` joined, explained by the name `named` (from name()): a word's
  // character n-grams are named as the word, so that an explanation names words an analyst can read,
  // not fragments such as "ng>".
  void add(char space, std::initializer_list<std::string_view> pieces, std::uint32_t named) {
    if (m_hashes.size() >= k_max_features) return;
    const std::uint64_t hash = fnv1a(space, pieces);
    m_hashes.push_back(static_cast<std::uint32_t>((hash ^ (hash >> 32)) & (k_buckets - 1)));
    if (m_explain) m_name_of.push_back(named);
  }

  // A name for features to be explained by; 0 when not explaining.
  std::uint32_t name(char space, std::string_view text) {
    if (!m_explain) return 0;
    m_names.push_back(describe(space, text));
    return static_cast<std::uint32_t>(m_names.size() - 1);
  }

  Features finish() {
    Features features;
    for (const std::uint32_t i : order_by_bucket()) {
      const std::uint32_t bucket = m_hashes[i];
      if (!features.buckets.empty() && features.buckets.back() == bucket) {
        features.values.back() += 1.0F;
        continue;
      }
      features.buckets.push_back(bucket);
      features.values.push_back(1.0F);
      if (m_explain) features.name_of.push_back(m_name_of[i]);
    }
    float norm = 0;
    for (const float v : features.values) norm += v * v;
    norm = norm > 0 ? 1.0F / std::sqrt(norm) : 0.0F;
    for (float& v : features.values) v *= norm;
    features.names = std::move(m_names);
    return features;
  }

 private:
  // The features' indices by bucket, then by order of appearance: a stable radix sort on the bucket,
  // by its low half, then its high half (a message has a few hundred features; a comparison sort of
  // them took a fifth of classifying it).
  std::vector<std::uint32_t> order_by_bucket() const {
    std::vector<std::uint32_t> by_low(m_hashes.size());
    std::vector<std::uint32_t> order(m_hashes.size());
    std::array<std::uint32_t, k_radix + 1> starts{};
    for (const std::uint32_t bucket : m_hashes) ++starts[(bucket & (k_radix - 1)) + 1];
    for (std::size_t d = 1; d < starts.size(); ++d) starts[d] += starts[d - 1];
    for (std::uint32_t i = 0; i < m_hashes.size(); ++i) by_low[starts[m_hashes[i] & (k_radix - 1)]++] = i;
    starts.fill(0);
    for (const std::uint32_t bucket : m_hashes) ++starts[(bucket >> k_radix_bits) + 1];
    for (std::size_t d = 1; d < starts.size(); ++d) starts[d] += starts[d - 1];
    for (const std::uint32_t i : by_low) order[starts[m_hashes[i] >> k_radix_bits]++] = i;
    return order;
  }

  static std::string describe(char space, std::string_view text) {
    switch (space) {
      case 'w': return "word \"" + std::string(text) + "\"";
      case 'b': return "words \"" + std::string(text) + "\"";
      case 'c': return "text \"" + std::string(text) + "\"";
      default: return std::string(text);
    }
  }

  bool m_explain;
  std::vector<std::uint32_t> m_hashes;
  std::vector<std::string> m_names;
  std::vector<std::uint32_t> m_name_of;  // per hash
};

// Character n-grams: of words of spaced scripts with boundary marks ("<word>", as fastText), 3 to 5
// code points, named as the word; of runs of unspaced scripts as they are, 1 to 3, each named as itself
// (a run of Thai or Chinese is often a whole clause).
void add_char_ngrams(Collector& collector, const Token& token, std::uint32_t word_name) {
  const std::string_view text = token.text;
  const std::vector<std::uint32_t>& boundaries = token.boundaries;
  const std::size_t code_points = boundaries.size() - 1;
  if (!token.spaced_script) {
    for (std::size_t start = 0; start < code_points; ++start) {
      for (std::size_t n = 1; n <= 3 && start + n <= code_points; ++n) {
        collector.add('c', {text.substr(boundaries[start], boundaries[start + n] - boundaries[start])});
      }
    }
    return;
  }
  // Over "<", the code points, ">": position p > 0 is code point p - 1.
  const std::size_t count = code_points + 2;
  for (std::size_t start = 0; start < count; ++start) {
    for (std::size_t n = 3; n <= 5 && start + n <= count; ++n) {
      const std::size_t first = std::max<std::size_t>(start, 1) - 1;            // code points [first, last)
      const std::size_t last = std::min(start + n, code_points + 1) - 1;
      collector.add('c',
                    {start == 0 ? "<" : "", text.substr(boundaries[first], boundaries[last] - boundaries[first]),
                     start + n == count ? ">" : ""},
                    word_name);
    }
  }
}

}  // namespace

Features featurize(std::string_view text, std::string_view country, bool explain) {
  text = text.substr(0, std::min(text.size(), k_max_message_bytes));
  std::vector<model::Selector> found;
  for (extract::Finding& finding : extract::extract(text, {country})) found.push_back(std::move(finding.selector));
  return featurize(text, found, explain);
}

Features featurize(std::string_view text, std::span<const model::Selector> found, bool explain) {
  text = text.substr(0, std::min(text.size(), k_max_message_bytes));
  bool currency_symbol = false;
  bool digit = false;
  const std::vector<Token> tokens = tokenize(text, currency_symbol, digit);
  Collector collector(explain);
  bool money = currency_symbol && digit;
  bool urgency = false;
  bool perk = false;
  bool destination = false;
  bool job = false;
  const std::string* previous = nullptr;
  for (const Token& token : tokens) {
    const std::string_view word = token.text;
    const std::uint32_t word_name = collector.name('w', word);
    if (token.boundaries.size() - 1 <= k_max_word_codepoints) collector.add('w', {word}, word_name);
    if (previous != nullptr) collector.add('b', {*previous, " ", word});
    add_char_ngrams(collector, token, word_name);
    if (token.spaced_script) {
      const bool money_word = cues::is_money_word(word);
      // "15tr", "500k", "3jt": a number with a money suffix.
      const std::size_t digits_end = word.find_first_not_of('0');
      const bool suffixed =
          digits_end > 0 && digits_end != std::string_view::npos &&
          (word.substr(digits_end) == "k" || word.substr(digits_end) == "tr" || word.substr(digits_end) == "jt" ||
           word.substr(digits_end) == "m" || money_word || cues::is_money_word(word.substr(digits_end)));
      money = money || suffixed || (money_word && digit);
      urgency = urgency || cues::is_urgency_word(word);
      perk = perk || cues::is_perk_word(word);
      destination = destination || cues::is_destination_word(word);
      job = job || cues::is_job_word(word);
    } else {
      money = money || (digit && cues::run_has_money(word));
      urgency = urgency || cues::run_has_urgency(word);
      perk = perk || cues::run_has_perk(word);
      destination = destination || cues::run_has_destination(word);
      job = job || cues::run_has_job(word);
    }
    previous = &token.text;
  }

  // Cues that carry across languages.
  std::set<model::SelectorType> types;
  bool shortener = false;
  bool lookalike = false;
  for (const model::Selector& selector : found) {
    types.insert(selector.type);
    if (selector.type == model::SelectorType::url || selector.type == model::SelectorType::domain) {
      const std::string_view host = model::host_of(selector);
      shortener = shortener || cues::is_shortener_host(host);
      lookalike = lookalike || extract::is_lookalike_host(host);
    }
  }
  for (const model::SelectorType type : types) collector.add('s', {"names a ", model::to_string(type)});
  if (shortener) collector.add('s', {"a URL shortener"});
  if (lookalike) collector.add('s', {"a look-alike host"});
  if (money) collector.add('s', {"a money amount"});
  if (urgency) collector.add('s', {"urgency"});
  if (perk) collector.add('s', {"visa, flight or housing offered"});
  if (money && destination && job) collector.add('s', {"pay, a job and a destination abroad"});
  if (destination && job) collector.add('s', {"a job and a destination abroad"});
  return collector.finish();
}

}  // namespace jala::classify
