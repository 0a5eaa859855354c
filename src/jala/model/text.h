// Small ASCII text helpers shared by the model's parsers and normalisers. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jala::model {

std::string ascii_lower(std::string_view text);
std::string ascii_upper(std::string_view text);
// Whether `text` is `lower` when its ASCII capitals are lowered (`lower` is in lower case): "Address" is
// "address". Without a copy.
bool equals_ascii_lowered(std::string_view text, std::string_view lower);
std::string_view trim_ascii_space(std::string_view text);
// "a,b,,c" split at `separator` into {"a", "b", "c"}: empty items are dropped.
std::vector<std::string> split_list(std::string_view text, char separator);
// The reverse: {"a", "b"} joined by `separator` into "a,b".
std::string join_list(const std::vector<std::string>& items, char separator);

// Whether every byte of `text` is ASCII.
bool is_ascii(std::string_view text);
bool is_ascii_alpha(char c);
bool is_ascii_digit(char c);
bool is_ascii_alnum(char c);
bool is_ascii_hex_digit(char c);

// Percent-decodes `text` (RFC 3986): "%XX" of two hex digits is that byte, a '%' not followed by two is
// itself, and '+' is a space when `plus_is_space` (as in forms). nullopt when a byte decodes to NUL, which
// would cut the value short wherever it is used as a C string.
std::optional<std::string> percent_decoded(std::string_view text, bool plus_is_space = false);

}  // namespace jala::model
