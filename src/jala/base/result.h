// The one error model of Jala: fallible functions return Result<T>, which holds either a value or an
// Error (a code and a message). Propagate with JALA_TRY and JALA_TRY_ASSIGN. Exceptions are kept for
// programmer errors and fatal start-up only. Absent is not an error: lookups return
// Result<std::optional<T>>.
//
// Thread safety: value types; safe to move between threads, not to mutate concurrently.
#pragma once

#include <cassert>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

#include <fmt/core.h>

namespace jala {

enum class ErrorCode {
  invalid_argument,     // the caller's input is wrong; retrying the same input fails again
  not_found,            // the named thing does not exist
  already_exists,       // the thing to create exists
  failed_precondition,  // the system is not in a state where this can run (e.g. newer schema)
  unavailable,          // a resource (file, server) could not be reached; retry may help
  data_loss,            // stored data is corrupt or was changed behind Jala's back
  internal,             // a bug or an unexpected library failure
};

std::string_view to_string(ErrorCode code);

class [[nodiscard]] Error {
 public:
  Error(ErrorCode code, std::string message) : m_code(code), m_message(std::move(message)) {}

  ErrorCode code() const { return m_code; }
  const std::string& message() const { return m_message; }

  // Returns the same error with "context: " prepended to the message.
  Error with_context(std::string_view context) const& {
    return Error(m_code, fmt::format("{}: {}", context, m_message));
  }

 private:
  ErrorCode m_code;
  std::string m_message;
};

template <typename... Args>
Error invalid_argument(fmt::format_string<Args...> format, Args&&... args) {
  return Error(ErrorCode::invalid_argument, fmt::format(format, std::forward<Args>(args)...));
}
template <typename... Args>
Error not_found(fmt::format_string<Args...> format, Args&&... args) {
  return Error(ErrorCode::not_found, fmt::format(format, std::forward<Args>(args)...));
}
template <typename... Args>
Error failed_precondition(fmt::format_string<Args...> format, Args&&... args) {
  return Error(ErrorCode::failed_precondition, fmt::format(format, std::forward<Args>(args)...));
}
template <typename... Args>
Error unavailable(fmt::format_string<Args...> format, Args&&... args) {
  return Error(ErrorCode::unavailable, fmt::format(format, std::forward<Args>(args)...));
}
template <typename... Args>
Error data_loss(fmt::format_string<Args...> format, Args&&... args) {
  return Error(ErrorCode::data_loss, fmt::format(format, std::forward<Args>(args)...));
}
template <typename... Args>
Error internal_error(fmt::format_string<Args...> format, Args&&... args) {
  return Error(ErrorCode::internal, fmt::format(format, std::forward<Args>(args)...));
}

template <typename T>
class [[nodiscard]] Result {
  static_assert(!std::is_same_v<std::decay_t<T>, Error>, "Result<Error> is not meaningful");

 public:
  using value_type = T;

  template <typename U = T,
            typename = std::enable_if_t<std::is_constructible_v<T, U&&> &&
                                        !std::is_same_v<std::decay_t<U>, Error> &&
                                        !std::is_same_v<std::decay_t<U>, Result>>>
  Result(U&& value) : m_state(std::in_place_index<0>, std::forward<U>(value)) {}  // NOLINT
  Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}      // NOLINT

  bool ok() const { return m_state.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { assert(ok()); return std::get<0>(m_state); }
  const T& value() const& { assert(ok()); return std::get<0>(m_state); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(m_state)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const& { assert(!ok()); return std::get<1>(m_state); }
  Error&& error() && { assert(!ok()); return std::get<1>(std::move(m_state)); }

 private:
  std::variant<T, Error> m_state;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : m_error(std::move(error)), m_failed(true) {}  // NOLINT

  bool ok() const { return !m_failed; }
  explicit operator bool() const { return ok(); }
  const Error& error() const& { assert(!ok()); return m_error; }
  Error&& error() && { assert(!ok()); return std::move(m_error); }

 private:
  Error m_error{ErrorCode::internal, {}};
  bool m_failed = false;
};

using Status = Result<void>;

}  // namespace jala

#define JALA_CONCAT_INNER(a, b) a##b
#define JALA_CONCAT(a, b) JALA_CONCAT_INNER(a, b)

// Returns the error of a failed Result from the enclosing function.
#define JALA_TRY(expression)                                     \
  do {                                                           \
    auto&& jala_try_result = (expression);                       \
    if (!jala_try_result.ok()) return std::move(jala_try_result).error(); \
  } while (false)

// Declares or assigns `lhs` from a successful Result, or returns its error.
#define JALA_TRY_ASSIGN(lhs, expression) \
  JALA_TRY_ASSIGN_IMPL(JALA_CONCAT(jala_try_result_, __LINE__), lhs, expression)
// `lhs` may be a declaration ("const int x"), so it cannot be parenthesised.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define JALA_TRY_ASSIGN_IMPL(temporary, lhs, expression)          \
  auto temporary = (expression);                                  \
  if (!temporary.ok()) return std::move(temporary).error();       \
  lhs = std::move(temporary).value()
// NOLINTEND(bugprone-macro-parentheses)
