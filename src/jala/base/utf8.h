// UTF-8 checks for untrusted text. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace jala {

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool is_valid_utf8(std::string_view text);

// The longest prefix of `text` of at most `max_bytes` bytes that does not split a UTF-8 sequence.
std::string_view truncate_utf8(std::string_view text, std::size_t max_bytes);

// Untrusted input made safe for a log line, whole: control characters, invisible characters and invalid
// UTF-8 escaped ("\n", "\x{ff}"), so that it cannot forge or break a line.
std::string escape_untrusted(std::string_view text);

// Untrusted text made safe to show on a terminal, one line of it: control characters (tab aside), the
// bidirectional controls that reorder what is shown (U+202E…) and invalid UTF-8 escaped (`\x1b`,
// `\u{202e}`, `\x{ff}`); every other character kept, zero-width joiners and spaces too, which Khmer,
// Burmese and emoji need.
std::string escape_for_terminal(std::string_view line);

// Untrusted input quoted for an error message: at most 32 bytes, cut on a UTF-8 boundary ("..." marks
// the cut), with control characters, invisible characters and invalid UTF-8 escaped, so that the
// message is safe to log and to put in JSON. Includes the quotes: 'VNM'.
std::string quote_untrusted(std::string_view text);

}  // namespace jala
