#include "jala/model/phone_prefixes.h"

#include <phonenumbers/phonenumberutil.h>
#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <limits>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "jala/model/phone_patterns.h"
#include "jala/model/phone_validation.h"

namespace jala::model {
namespace {

using i18n::phonenumbers::PhoneMetadata;
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

// The lengths libphonenumber allows a national significant number.
constexpr std::size_t k_min_national_digits = 2;
constexpr std::size_t k_max_national_digits = 17;

bool all_digits(std::string_view text) {
  return std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; });
}

// Whether an international prefix pattern can only match text that starts "00": it starts so and has no
// alternative at its top level.
bool starts_with_double_zero_only(std::string_view pattern) {
  if (!pattern.starts_with("00")) return false;
  int depth = 0;
  for (const char c : pattern) {
    if (c == '(' || c == '[') ++depth;
    if (c == ')' || c == ']') --depth;
    if (c == '|' && depth == 0) return false;
  }
  return true;
}

// What matching a prefix pattern at a number's start can give (ICU's lookingAt, as libphonenumber's first
// step in stripping a national prefix): the length matched, or one of these.
constexpr int k_no_match = -1;
constexpr int k_unknown_match = std::numeric_limits<int>::max();  // a pattern that did not compile, an error

int match_at_start(const icu::RegexPattern* pattern, std::string_view text) {
  if (pattern == nullptr) return k_unknown_match;
  thread_local std::unordered_map<const icu::RegexPattern*, std::unique_ptr<icu::RegexMatcher>> matchers;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher>& matcher = matchers[pattern];
  if (matcher == nullptr) matcher.reset(pattern->matcher(status));
  if (U_FAILURE(status) || matcher == nullptr) return k_unknown_match;
  const icu::UnicodeString input =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  matcher->reset(input);
  if (!matcher->lookingAt(status)) return U_FAILURE(status) ? k_unknown_match : k_no_match;
  const int end = matcher->end(status);
  return U_FAILURE(status) ? k_unknown_match : end;
}

// A region whose national numbers may be read as "0" and the rest: its calling code, and its national
// prefix pattern (nullptr when the prefix is "0" itself).
struct ZeroPrefixRegion {
  int calling_code = 0;
  const icu::RegexPattern* pattern = nullptr;
};

class PrefixRules {
 public:
  static const PrefixRules& get() {
    static const PrefixRules rules;
    return rules;
  }

  bool may_strip(int calling_code, std::string_view national_number) const {
    if (!m_loaded) return true;
    if (const auto patterned = m_patterned.find(calling_code); patterned != m_patterned.end()) {
      if (std::ranges::any_of(patterned->second, [&](const std::unique_ptr<icu::RegexPattern>& pattern) {
            return match_at_start(pattern.get(), national_number) != k_no_match;
          })) {
        return true;
      }
    }
    const auto plain = m_plain.find(calling_code);
    return plain != m_plain.end() && std::ranges::any_of(plain->second, [&](const std::string& prefix) {
             return national_number.starts_with(prefix);
           });
  }

  // A region whose numbers may be read as "0" and the national number, or nullptr.
  const ZeroPrefixRegion* zero_prefix_region(std::string_view region) const {
    const auto found = m_zero_prefix_regions.find(std::string(region));
    return found != m_zero_prefix_regions.end() ? &found->second : nullptr;
  }

 private:
  PrefixRules() {
    const i18n::phonenumbers::PhoneMetadataCollection* collection = phone_metadata();
    m_loaded = collection != nullptr;
    if (!m_loaded) return;
    for (const PhoneMetadata& region : collection->metadata()) {
      const std::string& prefix = region.national_prefix_for_parsing();
      if (prefix.empty()) continue;
      const bool zero_prefix = region.national_prefix_transform_rule().empty() &&
                               starts_with_double_zero_only(region.international_prefix());
      if (all_digits(prefix)) {
        m_plain[region.country_code()].push_back(prefix);
        if (zero_prefix && prefix == "0") {
          m_zero_prefix_regions.emplace(region.id(), ZeroPrefixRegion{region.country_code()});
        }
        continue;
      }
      // libphonenumber matches the same pattern with ICU; one that does not compile here is taken to match
      // anything.
      UErrorCode status = U_ZERO_ERROR;
      std::unique_ptr<icu::RegexPattern> compiled(
          icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(prefix), 0, status));
      if (U_FAILURE(status)) compiled.reset();
      if (zero_prefix && compiled != nullptr) {
        m_zero_prefix_regions.emplace(region.id(), ZeroPrefixRegion{region.country_code(), compiled.get()});
      }
      m_patterned[region.country_code()].push_back(std::move(compiled));
    }
  }

  bool m_loaded = false;
  std::unordered_map<int, std::vector<std::string>> m_plain;
  // The prefixes that are patterns, by calling code.
  std::unordered_map<int, std::vector<std::unique_ptr<icu::RegexPattern>>> m_patterned;
  std::unordered_map<std::string, ZeroPrefixRegion> m_zero_prefix_regions;
};

std::optional<PhoneNumber> valid_number(int calling_code, std::string_view national_number) {
  if (national_number.size() < k_min_national_digits || national_number.size() > k_max_national_digits ||
      national_number.front() == '0') {
    return std::nullopt;
  }
  PhoneNumber number;
  number.set_country_code(calling_code);
  number.set_national_number(std::stoull(std::string(national_number)));
  if (!is_valid_number(number)) return std::nullopt;
  return number;
}

}  // namespace

bool may_strip_national_prefix(int calling_code, std::string_view national_number) {
  return PrefixRules::get().may_strip(calling_code, national_number);
}

std::optional<PhoneNumber> read_valid_number_quickly(std::string_view digits, std::string_view region) {
  const bool international = digits.starts_with('+');
  if (international) digits.remove_prefix(1);
  if (digits.empty() || !all_digits(digits)) return std::nullopt;
  const PrefixRules& rules = PrefixRules::get();
  if (!international) {
    // The parser takes a leading "00" for the international prefix, and strips the "0" otherwise: the
    // "0" is what the national prefix for parsing matches, and a valid rest matches the region's general
    // pattern. No calling code starts with "0", so the number cannot be taken for one written without its
    // "+".
    const ZeroPrefixRegion* zero = rules.zero_prefix_region(region);
    if (zero == nullptr || digits.size() < 2 || digits[0] != '0' || digits[1] == '0') return std::nullopt;
    if (zero->pattern != nullptr && match_at_start(zero->pattern, digits) != 1) return std::nullopt;
    return valid_number(zero->calling_code, digits.substr(1));
  }
  // No calling code starts with "0" ("+0…" is no number to the parser). Calling codes are prefix-free:
  // the parser takes the first of one to three digits that is one.
  if (digits.front() == '0') return std::nullopt;
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  for (std::size_t length = 1; length <= 3 && length < digits.size(); ++length) {
    const int calling_code = std::stoi(std::string(digits.substr(0, length)));
    std::string code_region;
    util.GetRegionCodeForCountryCode(calling_code, &code_region);
    if (code_region == "ZZ") continue;
    const std::string_view national_number = digits.substr(length);
    if (rules.may_strip(calling_code, national_number)) return std::nullopt;
    return valid_number(calling_code, national_number);
  }
  return std::nullopt;
}

}  // namespace jala::model
