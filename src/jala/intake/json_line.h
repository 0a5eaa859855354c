// One JSON Lines record parsed with simdjson's DOM, which in simdjson 3.0 (Debian 12) refuses integers
// beyond 64 bits (a NUMBER_ERROR). Exports write ids as numbers, and some ids are longer: such a line is
// parsed again with those integers written as strings of their digits. Internal to intake. Pure functions;
// thread-safe with a parser per thread.
#pragma once

#include <simdjson.h>

#include <string>
#include <string_view>

namespace jala::intake {

// `json` with every valid JSON integer outside strings that might not fit in 64 bits (more than 19 digits,
// or 18 when negative) but fits in a double (at most 308 digits) written as a string of its text ("-"
// included); other bytes as they are, so that a malformed number stays malformed.
std::string quote_big_integers(std::string_view json);

struct JsonLine {
  simdjson::dom::element root;
  bool big_integers_quoted = false;  // it was parsed with quote_big_integers
};

// The line parsed by `parser` (the element lives until the parser's next parse), or simdjson's error.
simdjson::error_code parse_json_line(simdjson::dom::parser& parser, std::string_view line, JsonLine& parsed);

}  // namespace jala::intake
