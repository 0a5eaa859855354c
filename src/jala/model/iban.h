// International Bank Account Numbers (ISO 13616): validation and the canonical value of the `iban`
// selector. A value normalises only when its country is in the SWIFT IBAN registry, it has that
// country's exact length, and its ISO 7064 mod-97 check holds. The country's BBAN layout (which
// positions are letters or digits) is not checked.
//
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "jala/base/result.h"

namespace jala::model {

// Longest input accepted after trimming surrounding whitespace (spaced IBANs included); longer text
// is rejected before any parsing.
inline constexpr std::size_t k_max_iban_input_bytes = 128;

// Compact upper-case IBAN (ISO 13616), checksum-valid. Accepts spaced or compact text in either case,
// with an optional leading "IBAN" or "IBAN:". Errors name the precise reason.
Result<std::string> normalise_iban(std::string_view raw);

// The IBAN length of an ISO 3166-1 alpha-2 country code (upper case) in the SWIFT IBAN registry, or
// nothing when the country does not issue IBANs.
std::optional<std::size_t> iban_length(std::string_view country_code);

// The national bank code of a canonical IBAN, as the SWIFT IBAN registry places it in the BBAN (FR: five
// digits, DE: eight, IT: five after the check letter), without the branch; empty for a value that is not
// a canonical IBAN of a registry country.
std::string_view iban_bank_code(std::string_view iban);

}  // namespace jala::model
