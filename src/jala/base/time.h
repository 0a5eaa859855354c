// Instants in time: RFC 3339 parsing and formatting, exact to the microsecond.
// Pure functions; thread-safe.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "jala/base/result.h"

namespace jala {

// Microseconds since 1970-01-01T00:00:00Z (UTC; leap seconds are not counted, as in POSIX time).
struct Timestamp {
  std::int64_t unix_micros = 0;
  auto operator<=>(const Timestamp&) const =
      default;  // NOLINT(modernize-use-nullptr): clang-tidy 14 misreads defaulted <=>
};

// Parses an RFC 3339 date-time ("2026-03-01T08:15:00+07:00", "2026-03-01T01:15:00.5Z"). The
// separator may be 'T', 't' or a space; the offset is 'Z', 'z' or +hh:mm/-hh:mm. A fraction is kept to
// the microsecond: up to 9 digits, of which those after the sixth must be zeros (a finer one is refused,
// never cut). A leap second (":60") is accepted only where UTC has one, 23:59:60 UTC on the last day of a
// month (in any offset), and folded into the next second; 60 seconds in any other minute is refused.
Result<Timestamp> parse_rfc3339(std::string_view text);

// Formats as UTC, "2026-03-01T01:15:00Z", with a fraction only when it is not zero
// ("2026-03-01T01:15:00.5Z"; trailing zeros dropped).
std::string format_rfc3339(Timestamp time);

// The current time of the system clock.
Timestamp now();

}  // namespace jala
