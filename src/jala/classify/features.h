// What the classifier sees in a message (docs/model.md): hashed character n-grams and words of a
// folded copy of the text (lower case; Latin letters without their diacritics, so "lương" and
// "luong" meet; digits as 0), and cues that carry across languages: the selector types the message
// names (from extract/), URL shorteners, look-alike hosts, money amounts, urgency, visa-and-flight
// perks, and salary with a foreign destination and a job. Values are scaled to unit length.
//
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "jala/model/selector.h"

namespace jala::classify {

inline constexpr unsigned k_feature_bits = 18;
inline constexpr std::uint32_t k_buckets = 1U << k_feature_bits;
// Only the first this many bytes of a message are read; a longer one is classified by its start.
inline constexpr std::size_t k_max_message_bytes = std::size_t{64} * 1024;

struct Features {
  std::vector<std::uint32_t> buckets;  // distinct, ascending
  std::vector<float> values;
  // When explaining (else both empty): what the buckets came from, each once, and for each bucket the
  // index of its name. A word's character n-grams are named as the word. A single letter or mark of an
  // unspaced alphabet ("่" in Thai) has an empty name: it tells a reader nothing, so `why` leaves it out
  // (a single Chinese or Japanese character is a word, and keeps its name).
  std::vector<std::string> names;
  std::vector<std::uint32_t> name_of;
};

// `country` is the default region for phone numbers in the text (ISO 3166-1 alpha-2, may be empty).
Features featurize(std::string_view text, std::string_view country, bool explain);
// The same from the selectors extraction already found in the text (as intake has them).
Features featurize(std::string_view text, std::span<const model::Selector> found, bool explain);

}  // namespace jala::classify
