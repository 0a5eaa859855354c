#include "jala/classify/lure_facts.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jala/classify/features.h"
#include "jala/classify/lure_salary.h"
#include "jala/classify/lure_text.h"
#include "jala/classify/lure_words.h"
#include "jala/model/text.h"

namespace jala::classify {
namespace {

using lure_words::Term;
using namespace lure_text;

// Whether a negation at `at` takes back the perk written on it, not one before it: "包住不包吃" (housing,
// no meals), whose "不包" would otherwise take back the housing ("机票不包"). After a space or a line break
// it is the perk's before it: "机票不包 包吃住" (no flight; meals and housing).
bool negates_the_next_perk(std::string_view text, std::size_t at) {
  return std::ranges::any_of(lure_words::negations_before(), [&](std::string_view negation) {
    return term_at(text, at, negation) && term_starting(text, at + negation.size(), lure_words::perks()) != nullptr;
  });
}

// Commas that part the items of a list of perks ("no visa, flight or housing", "签证、机票或住宿"). Not the
// full-width comma, which parts clauses in Chinese ("不包吃，签证或机票公司负责": no meals; visa or flight).
constexpr std::array<std::string_view, 2> k_list_commas{",", "\u3001"};

// Whether a list of perks that goes on after `end` (after commas) is closed by a disjunction: "visa, flight
// or housing". A comma joins perks into one refusal only in such a list; after one without it, the
// perk is another clause: "no visa, flight included".
bool list_goes_on_to_a_disjunction(std::string_view text, std::size_t end) {
  constexpr std::size_t k_max_items = 3;
  for (std::size_t after = skip_spaces(text, end), items = 0; items < k_max_items; ++items) {
    if (term_starting(text, after, lure_words::disjunctions()) != nullptr) return true;
    const std::string_view* comma = term_starting(text, after, std::span<const std::string_view>(k_list_commas));
    if (comma == nullptr) return false;
    after = skip_spaces(text, after + comma->size());
    const Term* perk = term_starting(text, after, lure_words::perks());
    if (perk == nullptr) return false;
    after = skip_spaces(text, after + perk->text.size());
  }
  return false;
}

// Whether the mention of a term at [at, end) is taken back by a negation right before or after it (after
// the rest of its word, in Korean).
bool is_negated(std::string_view text, std::size_t at, std::size_t end) {
  std::size_t before = at;
  while (before > 0 && text[before - 1] == ' ') --before;
  if (const std::string_view* negation = term_ending(text, before, lure_words::negations_before())) {
    // Unless it is written on the perk before it, and a space parts it from this one: "机票不包 包吃住" (no
    // flight; meals and housing).
    const bool of_the_perk_before =
        before != at && term_ending(text, before - negation->size(), lure_words::perks()) != nullptr;
    if (!of_the_perk_before) return true;
  }
  // Joined by "or" to the perks before it, or by commas in a list that "or" closes, taken back with the
  // first of them: "we do not provide visa or flight", "không hỗ trợ visa hoặc vé máy bay", "no visa, flight
  // or housing". Three perks back at most (there are four), so that a text of "visa or visa or …" costs no
  // more than its length.
  constexpr std::size_t k_max_joined = 3;
  bool in_a_closed_list = list_goes_on_to_a_disjunction(text, end);
  for (std::size_t joined = before, steps = 0; steps < k_max_joined; ++steps) {
    const std::string_view* joiner = term_ending(text, joined, lure_words::disjunctions());
    if (joiner != nullptr) {
      in_a_closed_list = true;
    } else if (joiner = term_ending(text, joined, std::span<const std::string_view>(k_list_commas));
               joiner == nullptr || !in_a_closed_list) {
      break;
    }
    joined -= joiner->size();
    while (joined > 0 && text[joined - 1] == ' ') --joined;
    const Term* perk = term_ending(text, joined, lure_words::perks());
    if (perk == nullptr) break;
    joined -= perk->text.size();
    while (joined > 0 && text[joined - 1] == ' ') --joined;
    if (term_ending(text, joined, lure_words::negations_before()) != nullptr) return true;
  }
  // Right after the term, or after one or two more Latin words of its phrase ("visa fee not included",
  // "visa de travail non fourni"), but not past another perk's name or out of its clause: "Free visa
  // flight not provided" (a line break folds to a space) takes back the flight only.
  std::size_t after = skip_spaces(text, end);
  for (int words = 0; words <= 2; ++words) {
    if (term_starting(text, after, lure_words::negations_after()) != nullptr) {
      return !negates_the_next_perk(text, after);
    }
    if (term_starting(text, after, lure_words::perks()) != nullptr) break;
    const std::size_t word = after;
    while (after < text.size() && (is_letter(text[after]) || text[after] == '\'')) ++after;
    if (after == word) break;
    after = skip_spaces(text, after);
  }
  // In Korean, after the particle that ends the noun ("비자는 미제공").
  const std::optional<std::size_t> particle_end = hangul_particle_end(text, end);
  return particle_end && *particle_end != end &&
         term_starting(text, skip_spaces(text, *particle_end), lure_words::negations_after()) != nullptr;
}

// What each term means, in order of its first mention (not taken back by a negation, when asked).
enum class Negated { count, skip };

// Where mentions of `terms` are taken back, so that a shorter term inside a longer one taken back is too
// ("tiket" in "tiket pesawat tidak ditanggung", "billet" in "billet d avion a vos frais").
std::vector<std::pair<std::size_t, std::size_t>> negated_spans(std::string_view text, std::span<const Term> terms) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (const Term& term : terms) {
    for (std::optional<std::size_t> at = find_term(text, term.text); at; at = find_term(text, term.text, *at + 1)) {
      if (is_negated(text, *at, *at + term.text.size())) spans.emplace_back(*at, *at + term.text.size());
    }
  }
  return spans;
}

std::vector<std::string> mentioned(std::string_view text, std::span<const Term> terms,
                                   Negated negated = Negated::count) {
  const std::vector<std::pair<std::size_t, std::size_t>> taken_back =
      negated == Negated::skip ? negated_spans(text, terms) : std::vector<std::pair<std::size_t, std::size_t>>();
  const auto is_taken_back = [&](std::size_t at) {
    return std::ranges::any_of(taken_back, [&](const auto& span) { return span.first <= at && at < span.second; });
  };
  std::vector<std::pair<std::size_t, std::string_view>> first;
  for (const Term& term : terms) {
    std::optional<std::size_t> at = find_term(text, term.text);
    while (at && is_taken_back(*at)) at = find_term(text, term.text, *at + 1);
    if (!at) continue;
    const auto known = std::find_if(first.begin(), first.end(), [&](const auto& f) { return f.second == term.means; });
    if (known == first.end()) {
      first.emplace_back(*at, term.means);
    } else {
      known->first = std::min(known->first, *at);
    }
  }
  std::sort(first.begin(), first.end());
  std::vector<std::string> out;
  out.reserve(first.size());
  for (const auto& [at, means] : first) out.emplace_back(means);
  return out;
}

std::vector<std::string> perks_in(std::string_view text) {
  constexpr std::array<std::string_view, 4> k_order = {"visa", "flight", "housing", "meals"};
  const std::vector<std::string> found = mentioned(text, lure_words::perks(), Negated::skip);
  std::vector<std::string> out;
  for (const std::string_view perk : k_order) {
    if (std::find(found.begin(), found.end(), perk) != found.end()) out.emplace_back(perk);
  }
  return out;
}

// Employer names, quoted from the original text.
bool starts_name(std::string_view word) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(word.data());
  std::int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(bytes, i, static_cast<std::int32_t>(word.size()), c);
  return c >= 0 && (u_isupper(c) || u_istitle(c) || u_isdigit(c));
}

bool is_name_end(char c) { return c == ' ' || c == ',' || c == '.' || c == ':' || c == ';' || c == '!' || c == '\n'; }

std::string trimmed_name(std::string_view name) {
  while (!name.empty() && (is_name_end(name.back()) || name.back() == '(' || name.back() == '-')) name.remove_suffix(1);
  return std::string(name);
}

constexpr std::size_t k_max_name_words = 5;

// "Công ty TNHH Hoàng Long", "PT Maju Jaya": the prefix and the capitalised words after it.
std::string name_after(std::string_view original, std::size_t prefix_start, std::size_t prefix_end) {
  std::size_t end = prefix_end;
  std::size_t words = 0;
  for (std::size_t at = prefix_end; words < k_max_name_words;) {
    while (at < original.size() && original[at] == ' ') ++at;
    std::size_t word_end = at;
    while (word_end < original.size() && !is_name_end(original[word_end])) ++word_end;
    if (word_end == at || !starts_name(original.substr(at, word_end - at))) break;
    end = word_end;
    ++words;
    at = word_end;
  }
  return words == 0 ? std::string() : trimmed_name(original.substr(prefix_start, end - prefix_start));
}

// "Telegram" in "Telegram Group" names a platform, not a company.
bool is_platform(std::string_view word) {
  constexpr std::array<std::string_view, 12> k_platforms = {"telegram", "whatsapp", "facebook", "zalo",   "line",   "wechat",
                                                            "viber",    "signal",   "tiktok",   "instagram", "kakao", "messenger"};
  const std::string lower = model::ascii_lower(word);
  return std::find(k_platforms.begin(), k_platforms.end(), lower) != k_platforms.end();
}

// "Golden Fortune Group": the capitalised words before the suffix, and the suffix.
std::string name_before(std::string_view original, std::size_t suffix_start, std::size_t suffix_end) {
  std::size_t start = suffix_start;
  std::size_t words = 0;
  for (std::size_t at = suffix_start; words < k_max_name_words - 1 && at > 0;) {
    std::size_t word_end = at;
    while (word_end > 0 && original[word_end - 1] == ' ') --word_end;
    std::size_t word_start = word_end;
    while (word_start > 0 && !is_name_end(original[word_start - 1])) --word_start;
    const std::string_view word = original.substr(word_start, word_end - word_start);
    if (word.empty() || !starts_name(word) || is_platform(word)) break;
    start = word_start;
    ++words;
    at = word_start;
  }
  return words == 0 ? std::string() : trimmed_name(original.substr(start, suffix_end - start));
}

// The name a marker of a script without spaces introduces: the rest of its word, else the next word,
// at most k_max_unspaced_name_bytes.
constexpr std::size_t k_max_unspaced_name_bytes = 90;

std::string unspaced_name(std::string_view original, std::size_t start, std::size_t marker_end) {
  std::size_t end = marker_end;
  if (end < original.size() && original[end] == ' ') ++end;
  const std::size_t limit = std::min(original.size(), end + k_max_unspaced_name_bytes);
  while (end < limit && !is_name_end(original[end])) ++end;
  while (end < original.size() && end > marker_end && (static_cast<unsigned char>(original[end]) & 0xC0U) == 0x80U) --end;
  return end - marker_end <= 1 ? std::string() : trimmed_name(original.substr(start, end - start));
}

// Han characters before "公司" or "集团", up to six.
std::string han_name_before(std::string_view original, std::size_t suffix_start, std::size_t suffix_end) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(original.data());
  auto start = static_cast<std::int32_t>(suffix_start);
  for (int count = 0; count < 6 && start > 0; ++count) {
    std::int32_t previous = start;
    UChar32 c = 0;
    U8_PREV(bytes, 0, previous, c);
    UErrorCode error = U_ZERO_ERROR;
    if (c < 0 || uscript_getScript(c, &error) != USCRIPT_HAN) break;
    start = previous;
  }
  if (static_cast<std::size_t>(start) == suffix_start) return {};
  return std::string(original.substr(static_cast<std::size_t>(start), suffix_end - static_cast<std::size_t>(start)));
}

using model::is_ascii;

// For each of `markers`, its first mention in the text that `name_at` (marker, start, end in the
// original) makes a name of, with where it starts.
template <typename NameAt>
void add_names(const Folded& folded, std::span<const std::string_view> markers, NameAt name_at,
               std::vector<std::pair<std::size_t, std::string>>& found) {
  for (const std::string_view marker : markers) {
    for (std::optional<std::size_t> at = find_term(folded.text, marker); at; at = find_term(folded.text, marker, *at + 1)) {
      const std::uint32_t start = folded.original_at(*at);
      std::string name = name_at(marker, start, folded.original_at(*at + marker.size()));
      if (!name.empty()) {
        found.emplace_back(start, std::move(name));
        break;
      }
    }
  }
}

std::string find_employer(const Folded& folded, std::string_view original) {
  std::vector<std::pair<std::size_t, std::string>> found;
  add_names(folded, lure_words::employer_prefixes(), [&](std::string_view marker, std::size_t start, std::size_t end) {
    return is_ascii(marker) ? name_after(original, start, end) : unspaced_name(original, start, end);
  }, found);
  add_names(folded, lure_words::employer_suffixes(), [&](std::string_view marker, std::size_t start, std::size_t end) {
    return is_ascii(marker) ? name_before(original, start, end) : han_name_before(original, start, end);
  }, found);
  if (found.empty()) return {};
  return std::min_element(found.begin(), found.end())->second;
}

}  // namespace

model::LureFacts lure_facts(std::string_view text) {
  text = text.substr(0, std::min(text.size(), k_max_message_bytes));
  const Folded folded = fold(text);
  model::LureFacts facts;
  facts.salary = find_salary(folded.text, text);
  facts.destinations = mentioned(folded.text, lure_words::destinations());
  facts.perks = perks_in(folded.text);
  facts.employer = find_employer(folded, text);
  return facts;
}

}  // namespace jala::classify
