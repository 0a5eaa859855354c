// What Jala reads from a STIX 2.1 pattern (an indicator's `pattern`, pattern_type "stix"): the
// equality comparisons of an object property with a string, observation by observation. Everything
// else a pattern can say (other operators, numbers, qualifiers such as WITHIN, nested paths) names no
// selector and is skipped, not refused. The reader never trusts the text: it is bounded in size and in
// comparisons, and malformed text (an unclosed string or bracket) is an error.
//
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "jala/base/result.h"

namespace jala::share {

inline constexpr std::size_t k_max_pattern_bytes = std::size_t{64} * 1024;
inline constexpr std::size_t k_max_pattern_comparisons = 1000;

// "[user-account:account_login = 'a\'b']" holds {"user-account", "account_login", "a'b"}.
struct PatternEquality {
  std::string object_type;
  std::string property;  // a top-level property; comparisons of nested paths are skipped
  std::string value;     // the unescaped string
};

// The equalities of each observation expression ([...]), in order; an observation without any is left
// out.
Result<std::vector<std::vector<PatternEquality>>> pattern_equalities(std::string_view pattern);

// An observable a pattern names: an object type and the values its properties must equal.
struct PatternObservable {
  std::string type;
  std::vector<std::pair<std::string, std::string>> properties;
};

// The observables of a pattern: in each observation, the equalities of one object type make one
// observable; a property compared with several values (an OR) makes one observable per value, with
// the type's other, single-valued, properties.
Result<std::vector<PatternObservable>> pattern_observables(std::string_view pattern);

}  // namespace jala::share
