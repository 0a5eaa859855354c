// Small ASCII text helpers shared by the model's parsers and normalisers. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace jala::model {

std::string ascii_lower(std::string_view text);
std::string ascii_upper(std::string_view text);
std::string_view trim_ascii_space(std::string_view text);
// Untrusted input quoted for an error message: at most 32 bytes, cut on a UTF-8 boundary ("..." marks
// the cut), with control characters, invisible characters and invalid UTF-8 escaped, so that the
// message is safe to log and to put in JSON. Includes the quotes: 'VNM'.
std::string quote_untrusted(std::string_view text);

bool is_ascii_alpha(char c);
bool is_ascii_digit(char c);
bool is_ascii_alnum(char c);

}  // namespace jala::model
