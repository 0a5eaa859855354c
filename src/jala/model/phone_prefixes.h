// What libphonenumber's metadata says about national prefixes, and the numbers that can be read without
// its parser because of it. The parser costs about 8 µs a number here (ICU regular expressions), most of
// extraction's time on text dense with phone numbers (docs/performance.md).
#pragma once

#include <phonenumbers/phonenumber.pb.h>

#include <optional>
#include <string_view>

namespace jala::model {

// Whether libphonenumber may strip a national prefix from `national_number`, a national significant number
// of `calling_code`, when it parses it (even written internationally, so "+52 1…" loses Mexico's old
// mobile "1"): when it starts with one of the code's prefixes of plain digits, or one of its prefix
// patterns matches at its start (ICU, as libphonenumber matches them). A number for which this is false
// reads back as itself.
bool may_strip_national_prefix(int calling_code, std::string_view national_number);

// `digits` read as libphonenumber's parser would read them in `region` (ISO 3166-1 alpha-2 upper case,
// or "ZZ"), for the two commonest forms, and only when the number is valid:
// - "+" and the digits, where the digits after the calling code start with no national prefix of it;
// - "0" and the digits, in a region whose national prefix is "0" (or a pattern that matches just that "0"
//   there) and whose international prefix starts "00", the digit after the "0" not a "0".
// nullopt for anything else, which the parser must read.
std::optional<i18n::phonenumbers::PhoneNumber> read_valid_number_quickly(std::string_view digits,
                                                                         std::string_view region);

}  // namespace jala::model
