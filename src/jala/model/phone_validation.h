// Phone number validity as libphonenumber's IsValidNumber decides it, with each region's patterns compiled
// by Hyperscan when Jala is built (phone_patterns.h) instead of matched one by one with ICU's regular
// expressions, which cost about 2.7 µs a number here.
#pragma once

#include <phonenumbers/phonenumber.pb.h>

namespace jala::model {

// What PhoneNumberUtil::IsValidNumber(number) returns: the number's region is the first of its calling
// code's regions whose leading digits (or, without them, whose number types) it matches, and it is valid
// when it matches that region's general pattern and one of its types, each with its possible lengths.
// libphonenumber decides for a calling code whose patterns were not compiled. Thread-safe.
bool is_valid_number(const i18n::phonenumbers::PhoneNumber& number);

}  // namespace jala::model
