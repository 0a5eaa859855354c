// JSON documents from untrusted bytes (a partner's STIX bundle, a MISP export, a TAXII request or
// response, an evidence package's files): parsed only after a
// streaming pass has checked the size, the nesting depth and the number of values, so that a hostile
// document is refused before it is built, and with a precise reason.
//
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "jala/base/result.h"

namespace jala {

struct JsonLimits {
  std::size_t max_bytes = std::size_t{64} << 20;
  std::size_t max_depth = 32;
  std::size_t max_values = 4'000'000;  // every scalar, object and array counts one
};

// The document, or an error naming the limit passed or the byte offset of the syntax error.
Result<nlohmann::json> parse_untrusted_json(std::string_view bytes, const JsonLimits& limits);

// Typed reads of an object's members that never throw: nothing when `object` is not an object, the
// member is absent, or it has another type.
std::optional<std::string_view> string_member(const nlohmann::json& object, std::string_view key);
const nlohmann::json* object_member(const nlohmann::json& object, std::string_view key);
const nlohmann::json* array_member(const nlohmann::json& object, std::string_view key);

}  // namespace jala
