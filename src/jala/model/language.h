// BCP 47 language tags (RFC 5646), checked for well-formedness and put in canonical case
// ("zh-hant-tw" -> "zh-Hant-TW"). Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "jala/base/result.h"

namespace jala::model {

Result<std::string> parse_language_tag(std::string_view text);

}  // namespace jala::model
