// A Result<std::string> as text that a failed expectation can print. Tests include it as
// "support/result_text.h".
#pragma once

#include <string>

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

}  // namespace jala::testing
