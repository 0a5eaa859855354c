// Helpers for expectations about text: a Result<std::string> as text that a failed expectation can
// print, and checks of a table's codes. Tests include it as "support/text_expectations.h".
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

#include "jala/base/result.h"

namespace jala::testing {

// The value of a successful result, or "error: " and its message, so a failed expectation says why.
inline std::string value_or_error(const Result<std::string>& result) {
  return result.ok() ? result.value() : "error: " + result.error().message();
}

// The message of a parse that must fail with invalid_argument; a marker that fails any comparison
// otherwise.
inline std::string error_message(const Result<std::string>& result) {
  if (result.ok()) return "unexpected success: " + *result;
  if (result.error().code() != ErrorCode::invalid_argument) {
    return "unexpected code: " + std::string(to_string(result.error().code()));
  }
  return result.error().message();
}

inline bool is_upper_ascii_letters(std::string_view text) {
  return std::ranges::all_of(text, [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace jala::testing
