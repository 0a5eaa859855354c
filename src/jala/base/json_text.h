// JSON values written straight into a string, byte for byte as nlohmann's `dump(-1, ' ', false,
// error_handler_t::replace)` writes them, for hot paths that would otherwise build a JSON DOM per value
// (`jala extract` writes one object per selector found). Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace jala {

// `text` as a quoted JSON string: '"', '\\' and control characters escaped, other characters as they
// are; invalid UTF-8 replaced by U+FFFD.
void append_json_string(std::string& out, std::string_view text);

// `value` as a JSON number: digits that read back as the same double, with ".0" on whole numbers; NaN
// and infinities as null.
void append_json_number(std::string& out, double value);

void append_json_number(std::string& out, std::uint64_t value);

// `value` in the digits append_json_number() writes for it (the shortest that read back as the same
// double), but always in fixed point and without ".0" on whole numbers: 0.00001 where JSON has 1e-05, 12
// where JSON has 12.0. For text that shows a figure as the JSON output does (an amount as the bank sent it,
// never 0.122999999999999998). NaN and infinities as "nan", "inf" and "-inf".
std::string shortest_fixed_decimal(double value);

}  // namespace jala
