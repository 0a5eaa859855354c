// One line of `jala extract --jsonl` input: `{"id":..., "text":..., "country":...?}` (interface spec).
// The id may be any JSON value and is echoed back exactly, as minified JSON.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "jala/base/result.h"

namespace jala::intake {

// The longest line read as a request: the longest text (parse_extract_request) plus its JSON escapes.
inline constexpr std::size_t k_max_extract_request_line_bytes = 2 << 20;

struct ExtractRequest {
  std::string id_json;  // the "id" value as minified JSON; "null" when absent
  std::string text;
  std::string country;  // canonical ISO 3166-1 alpha-2, or empty when the line gives none
};

// Parses one line; the error names the field ("text: must be a string"). Thread-safe.
Result<ExtractRequest> parse_extract_request(std::string_view line);

}  // namespace jala::intake
