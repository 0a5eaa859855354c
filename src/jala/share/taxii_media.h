// The TAXII 2.1 media type in request headers (TAXII 2.1 section 1.6.8; RFC 9110 sections 8.3.1 and
// 12.5.1): types and parameter names are case-insensitive, parameters are parsed (`charset` and others
// are allowed, `version` must be 2.1 when given), and an Accept list is read range by range, with q=0
// refusing a range.
//
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string_view>

namespace jala::share {

// Whether a Content-Type is TAXII 2.1 JSON.
bool is_taxii_content_type(std::string_view content_type);
// Whether an Accept header lets the server answer TAXII 2.1 JSON; no header accepts anything.
bool accepts_taxii(std::optional<std::string_view> accept);

}  // namespace jala::share
