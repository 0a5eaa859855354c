// Selector extraction from free text: finds every phone, e-mail, URL, domain, IP, wallet, IBAN, bank
// account and messaging or social handle that a scam report, chat export or lure ad carries, and
// returns each one in the canonical form of the selector table with the span it came from.
//
// Method: a cheap-first cascade. The text is refanged ("hxxp", "[.]", "(at)", spaced dots) and its
// Unicode decimal digits folded to ASCII into a working copy that maps every byte back to the
// original; one pass over the working copy finds candidate spans per type with a character-class
// table; only candidates that survive cheap shape filters reach the model's strict normalisers
// (libphonenumber, checksums, the public suffix list), which have the last word. The rules for what is
// and is not a selector are those of tests/data/README.md.
//
// Pure functions over a string view; thread-safe (the model's normalisers keep per-thread caches).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "jala/model/selector.h"

namespace jala::extract {

// One selector found in a text. Owns its strings.
struct Finding {
  model::Selector selector;  // canonical
  std::size_t start = 0;     // UTF-8 byte offsets into the original text (before refanging)
  std::size_t end = 0;
  std::string raw;          // the original text of the span: text.substr(start, end - start)
  double confidence = 0.0;  // 0..1: checksummed forms high, keyword-dependent forms lower
};

struct ExtractContext {
  std::string_view country;  // ISO 3166-1 alpha-2: the default region for national phone formats
};

// Every selector in `text`, in order of `start` (then selector), with no duplicate (selector, start).
// `text` is UTF-8 (invalid bytes are read as non-letters) and shorter than 4 GiB; a longer text is a
// programmer error (std::length_error): split documents before extraction.
std::vector<Finding> extract(std::string_view text, const ExtractContext& context);

// `text` as extraction reads it: refanged ("hxxp", "[.]", "(at)", "[:]", spaced dots) and with every
// decimal digit in ASCII (working_text.h). For reading one value typed by a person, e.g. a search.
std::string refang(std::string_view text);

}  // namespace jala::extract
