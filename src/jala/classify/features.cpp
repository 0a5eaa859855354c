#include "jala/classify/features.h"

#include <fmt/core.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>
#include <optional>
#include <set>
#include <span>
#include <unordered_map>

#include "jala/base/utf8.h"
#include "jala/classify/cues.h"
#include "jala/extract/extract.h"
#include "jala/extract/lookalike.h"
#include "jala/model/selector.h"
#include "jala/model/text.h"

namespace jala::classify {
namespace {

constexpr std::size_t k_max_word_codepoints = 40;
constexpr std::size_t k_max_features = 8192;
// The radix of Collector's sort: half a bucket's bits.
constexpr unsigned k_radix_bits = (k_feature_bits + 1) / 2;
constexpr std::uint32_t k_radix = 1U << k_radix_bits;

// FNV-1a over a feature's space and text, fed in pieces, so that a feature made of several (a word pair,
// a word with its boundary marks) is hashed without being built, and so that the n-grams that start at
// one place extend one another's state.
class Fnv1a {
 public:
  explicit Fnv1a(char space) { mix(space); }
  void mix(char c) {
    m_hash ^= static_cast<unsigned char>(c);
    m_hash *= 0x100000001b3ULL;
  }
  void mix(std::string_view piece) {
    for (const char c : piece) mix(c);
  }
  std::uint64_t value() const { return m_hash; }

 private:
  std::uint64_t m_hash = 0xcbf29ce484222325ULL;
};

// A token: a run of letters and digits of the folded text, as UTF-8, with its code point boundaries.
struct Token {
  std::string_view text;
  std::span<const std::uint32_t> boundaries;  // byte offset in `text` of each code point, then the end
  bool spaced_script = true;                  // false for Thai, Lao, Khmer, Burmese, Han runs
};

// The tokens of a text, their bytes and boundaries kept in two buffers instead of two allocations each.
class Tokens {
 public:
  explicit Tokens(std::size_t text_bytes) {
    m_text.reserve(text_bytes);
    m_boundaries.reserve(text_bytes + 1);
  }

  // Appends code point `c` to the token being built.
  void append(UChar32 c) {
    m_boundaries.push_back(static_cast<std::uint32_t>(m_text.size() - m_token_start));
    char buffer[4];
    std::int32_t length = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<std::uint8_t*>(buffer), length, 4, c, error);
    if (!error) m_text.append(buffer, static_cast<std::size_t>(length));
  }
  void mark_unspaced() { m_spaced = false; }
  bool building() const { return m_text.size() > m_token_start; }
  // Ends the token being built, if any.
  void finish() {
    if (building()) {
      m_boundaries.push_back(static_cast<std::uint32_t>(m_text.size() - m_token_start));
      m_spans.push_back({m_token_start, m_text.size(), m_boundaries_start, m_boundaries.size(), m_spaced});
    }
    m_token_start = m_text.size();
    m_boundaries_start = m_boundaries.size();
    m_spaced = true;
  }

  std::size_t size() const { return m_spans.size(); }
  Token operator[](std::size_t i) const {
    const Span& span = m_spans[i];
    return {std::string_view(m_text).substr(span.text_start, span.text_end - span.text_start),
            std::span(m_boundaries).subspan(span.boundaries_start, span.boundaries_end - span.boundaries_start),
            span.spaced_script};
  }

 private:
  struct Span {
    std::size_t text_start, text_end, boundaries_start, boundaries_end;
    bool spaced_script;
  };
  std::string m_text;
  std::vector<std::uint32_t> m_boundaries;
  std::vector<Span> m_spans;
  std::size_t m_token_start = 0;
  std::size_t m_boundaries_start = 0;
  bool m_spaced = true;
};

bool is_label_byte(char c) { return model::is_ascii_alnum(c) || c == '-'; }

// The names RFC 2606 reserves for examples (the top-level domains example, test, invalid and localhost,
// and example.com, .net and .org), blanked out of a host: they name no real site, so they tell nothing
// about a message, but the project's own training examples write their hosts with them, and a model
// trained on those had learnt "example" as evidence of a scam ("For example, …" scored 0.92). `storage`
// holds the blanked copy when one is needed; the text keeps its length.
std::string_view without_reserved_domain_names(std::string_view text, std::string& storage) {
  constexpr std::array<std::string_view, 4> k_reserved_top_level = {"example", "test", "invalid", "localhost"};
  constexpr std::array<std::string_view, 3> k_example_parents = {"com", "net", "org"};
  std::string_view out = text;
  for (std::size_t dot = text.find('.'); dot != std::string_view::npos; dot = text.find('.', dot + 1)) {
    std::size_t before = dot;
    while (before > 0 && is_label_byte(text[before - 1])) --before;
    std::size_t after = dot + 1;
    while (after < text.size() && is_label_byte(text[after])) ++after;
    if (before == dot || after == dot + 1) continue;  // not a dot between two labels
    // The labels as written, so in lower case only: "khóa.Invalid OTP" is a sentence run on after its dot.
    const std::string_view label_before = text.substr(before, dot - before);
    const std::string_view label_after = text.substr(dot + 1, after - dot - 1);
    std::size_t blank_start = 0;
    std::size_t blank_end = 0;
    if (std::find(k_reserved_top_level.begin(), k_reserved_top_level.end(), label_after) !=
        k_reserved_top_level.end()) {
      blank_start = dot + 1;
      blank_end = after;
    } else if (label_before == "example" &&
               !(after + 1 < text.size() && text[after] == '.' && is_label_byte(text[after + 1])) &&
               std::find(k_example_parents.begin(), k_example_parents.end(), label_after) != k_example_parents.end()) {
      blank_start = before;
      blank_end = dot;
    } else {
      continue;
    }
    if (out.data() != storage.data()) {
      storage.assign(text);
      out = storage;
    }
    std::fill(storage.begin() + static_cast<std::ptrdiff_t>(blank_start),
              storage.begin() + static_cast<std::ptrdiff_t>(blank_end), ' ');
  }
  return out;
}

bool unspaced(UScriptCode script) {
  return script == USCRIPT_THAI || script == USCRIPT_LAO || script == USCRIPT_KHMER || script == USCRIPT_MYANMAR ||
         script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA;
}

// Lower case; marks on Latin letters dropped (after NFD), đ as d; digits as 0. Tokens split at
// anything that is not a letter, a digit or a mark.
Tokens tokenize(std::string_view text, bool& has_currency_symbol, bool& has_digit) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(error);
  icu::UnicodeString decomposed;
  const icu::UnicodeString source =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
  if (U_SUCCESS(error)) nfd->normalize(source, decomposed, error);
  if (U_FAILURE(error)) decomposed = source;

  Tokens tokens(text.size());
  UScriptCode base_script = USCRIPT_COMMON;
  for (std::int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    const std::int8_t type = u_charType(c);
    if (type == U_CURRENCY_SYMBOL) has_currency_symbol = true;
    if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK) {
      if (base_script == USCRIPT_LATIN || !tokens.building()) continue;  // diacritics, and stray marks
    } else if (u_isdigit(c)) {
      has_digit = true;
      c = '0';
      base_script = USCRIPT_COMMON;
    } else if (u_isalpha(c)) {
      c = u_tolower(c);
      if (c == 0x0111) c = 'd';  // đ has no decomposition
      UErrorCode script_error = U_ZERO_ERROR;
      base_script = uscript_getScript(c, &script_error);
      if (unspaced(base_script)) tokens.mark_unspaced();
    } else {
      tokens.finish();
      base_script = USCRIPT_COMMON;
      continue;
    }
    tokens.append(c);
  }
  tokens.finish();
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
    Fnv1a hash(space);
    for (const std::string_view piece : pieces) hash.mix(piece);
    add(hash, named);
  }

  // The feature hashed as `hash`, explained by the name `named`.
  void add(const Fnv1a& feature, std::uint32_t named) {
    if (m_hashes.size() >= k_max_features) return;
    const std::uint64_t hash = feature.value();
    m_hashes.push_back(static_cast<std::uint32_t>((hash ^ (hash >> 32)) & (k_buckets - 1)));
    if (m_explain) m_name_of.push_back(named);
  }

  // A name for features to be explained by; 0 when not explaining.
  // Features described alike share a name ("digits of a number" for every number in a Chinese run), so
  // `why` sums them once instead of listing the same words twice.
  std::uint32_t name(char space, std::string_view text) {
    if (!m_explain) return 0;
    std::string described = describe(space, text);
    const auto [known, added] = m_index_of_name.try_emplace(described, static_cast<std::uint32_t>(m_names.size()));
    if (added) m_names.push_back(std::move(described));
    return known->second;
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

  // Digits are folded to 0, so a token of zeros is a number: named by its length ("a 4-digit number",
  // "words \"is <6-digit number>\""), and the digits in a longer token as "<number>" ("月薪<number>美金"),
  // not as the zeros the model sees.
  static bool is_number(std::string_view token) {
    return !token.empty() && token.find_first_not_of('0') == std::string_view::npos;
  }
  // At most k_shown_bytes of it, then "…": a text of one long token (a pasted hash, a run of Thai) would
  // otherwise be quoted whole in `why`.
  static std::string with_numbers_named(std::string_view text) {
    constexpr std::size_t k_shown_bytes = 60;
    std::string shown;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] != '0') {
        shown += text[i];
      } else if (i == 0 || text[i - 1] != '0') {
        shown += "<number>";
      }
    }
    if (shown.size() > k_shown_bytes) shown = std::string(truncate_utf8(shown, k_shown_bytes)) + "…";
    return shown;
  }
  // A single letter or mark of an alphabet or abugida (Thai, Khmer, Lao, Burmese): one code point below
  // the CJK blocks (U+2E80), whose single characters are words ("骗", "钱") and stay named.
  static bool is_lone_letter(std::string_view text) {
    const auto code_points = std::count_if(text.begin(), text.end(),
                                           [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; });
    constexpr std::string_view k_first_cjk = "\u2E80";
    return code_points == 1 && text < k_first_cjk;
  }
  // A combining mark read apart from its letter (Japanese "゙" of "ガ" after NFD): nothing a reader can tell.
  static bool starts_with_mark(std::string_view text) {
    std::int32_t at = 0;
    UChar32 first = 0;
    U8_NEXT(reinterpret_cast<const std::uint8_t*>(text.data()), at, static_cast<std::int32_t>(text.size()), first);
    const std::int8_t type = u_charType(first);
    return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK;
  }
  static std::string describe(char space, std::string_view text) {
    switch (space) {
      case 'w':
        return is_number(text) ? fmt::format("a {}-digit number", text.size())
                               : "word \"" + with_numbers_named(text) + "\"";
      case 'b': {
        std::string words;
        for (std::size_t start = 0; start <= text.size();) {
          const std::size_t end = std::min(text.find(' ', start), text.size());
          const std::string_view word = text.substr(start, end - start);
          if (!words.empty()) words += ' ';
          words += is_number(word) ? fmt::format("<{}-digit number>", word.size()) : with_numbers_named(word);
          start = end + 1;
        }
        return "words \"" + words + "\"";
      }
      case 'c':
        if (is_number(text)) return "digits of a number";
        if (is_lone_letter(text) || starts_with_mark(text)) return {};
        return "text \"" + with_numbers_named(text) + "\"";
      default: return std::string(text);
    }
  }

  bool m_explain;
  std::vector<std::uint32_t> m_hashes;
  std::vector<std::string> m_names;
  std::unordered_map<std::string, std::uint32_t> m_index_of_name;
  std::vector<std::uint32_t> m_name_of;  // per hash
};

// Character n-grams: of words of spaced scripts with boundary marks ("<word>", as fastText), 3 to 5
// code points, named as the word; of runs of unspaced scripts as they are, 1 to 3, each named as itself
// (a run of Thai or Chinese is often a whole clause).
void add_char_ngrams(Collector& collector, const Token& token, std::uint32_t word_name) {
  const std::string_view text = token.text;
  const std::span<const std::uint32_t> boundaries = token.boundaries;
  const std::size_t code_points = boundaries.size() - 1;
  // The code points [from, to) of the text, as bytes.
  const auto bytes = [&](std::size_t from, std::size_t to) {
    return text.substr(boundaries[from], boundaries[to] - boundaries[from]);
  };
  if (!token.spaced_script) {
    for (std::size_t start = 0; start < code_points; ++start) {
      Fnv1a hash('c');
      for (std::size_t n = 1; n <= 3 && start + n <= code_points; ++n) {
        hash.mix(bytes(start + n - 1, start + n));
        collector.add(hash, collector.name('c', bytes(start, start + n)));
      }
    }
    return;
  }
  // Over "<", the code points, ">": position p > 0 is code point p - 1. The n-grams of one start extend
  // one another; ">" ends the last.
  const std::size_t count = code_points + 2;
  for (std::size_t start = 0; start + 3 <= count; ++start) {
    Fnv1a hash('c');
    if (start == 0) hash.mix('<');
    const std::size_t first = std::max<std::size_t>(start, 1) - 1;  // code points [first, mixed) are in
    std::size_t mixed = first;
    for (std::size_t n = 3; n <= 5 && start + n <= count; ++n) {
      const std::size_t last = std::min(start + n, code_points + 1) - 1;
      hash.mix(bytes(mixed, last));
      mixed = last;
      if (start + n < count) {
        collector.add(hash, word_name);
      } else {
        Fnv1a ended = hash;
        ended.mix('>');
        collector.add(ended, word_name);
      }
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
  std::string blanked;
  const Tokens tokens = tokenize(without_reserved_domain_names(text, blanked), currency_symbol, digit);
  Collector collector(explain);
  bool money = currency_symbol && digit;
  bool urgency = false;
  bool perk = false;
  bool destination = false;
  bool job = false;
  std::optional<std::string_view> previous;
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    const Token token = tokens[t];
    const std::string_view word = token.text;
    const std::uint32_t word_name = collector.name('w', word);
    if (token.boundaries.size() - 1 <= k_max_word_codepoints) collector.add('w', {word}, word_name);
    if (previous) collector.add('b', {*previous, " ", word});
    add_char_ngrams(collector, token, word_name);
    if (token.spaced_script) {
      const cues::WordCues cue = cues::word_cues(word);
      const bool money_word = cue.money;
      // "15tr", "500k", "3jt": a number with a money suffix.
      const std::size_t digits_end = word.find_first_not_of('0');
      const bool suffixed =
          digits_end > 0 && digits_end != std::string_view::npos &&
          (word.substr(digits_end) == "k" || word.substr(digits_end) == "tr" || word.substr(digits_end) == "jt" ||
           word.substr(digits_end) == "m" || money_word || cues::word_cues(word.substr(digits_end)).money);
      money = money || suffixed || (money_word && digit);
      urgency = urgency || cue.urgency;
      perk = perk || cue.perk;
      destination = destination || cue.destination;
      job = job || cue.job;
    } else {
      money = money || (digit && cues::run_has_money(word));
      urgency = urgency || cues::run_has_urgency(word);
      perk = perk || cues::run_has_perk(word);
      destination = destination || cues::run_has_destination(word);
      job = job || cues::run_has_job(word);
    }
    previous = word;
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
