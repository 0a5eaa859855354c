// How a selector is written: the surface forms people use in free text (national and international
// phone formats with spaces or dashes, full-width digits, defanged e-mails and domains "[at]" "[.]",
// profile links, EIP-55 mixed case) and in form fields, and the typos that make a written selector
// unusable. Every form written as usable is one Jala's extractor and normalisers turn back into the
// canonical value; simulate_test checks that.
//
// Pure functions of the Random passed in; thread-safe for distinct Randoms.
#pragma once

#include <string>

#include "jala/model/selector.h"
#include "jala/simulate/random.h"
#include "jala/simulate/world.h"

namespace jala::simulate {

enum class NationalForm { allowed, never };

// A selector as a report names it: its canonical value, and for phone-keyed selectors the country of
// the number (for national formats); for bank accounts the bank.
struct Mention {
  model::SelectorType type = model::SelectorType::phone;
  std::string value;                       // canonical, without "type:"
  const Country* phone_country = nullptr;  // phone, whatsapp, zalo
  const Bank* bank = nullptr;              // bank
  std::string account_digits;              // bank
  // Service numbers ("1900 54 54 13") have no trunk prefix, so they are written internationally.
  NationalForm national_form = NationalForm::allowed;

  std::string typed() const { return std::string(model::to_string(type)) + ":" + value; }
};

enum class Usability { usable, mistyped };

struct Written {
  std::string text;
  Usability usability = Usability::usable;
};

// `mention` as free text in a report from `report_country`; mistyped with probability `typo_rate`.
Written write_in_text(Random& random, const Mention& mention, const Country& report_country, double typo_rate);

// `mention` as the raw value of a form field (`selectors` entry) in a report from `report_country`;
// always one the normaliser accepts.
std::string write_in_form(Random& random, const Mention& mention, const Country& report_country);

// `e164` ("+84912345678") with its digits after the country code grouped by spaces ("+84 912 345 678").
std::string international_spaced(std::string_view e164, std::string_view calling_code);

}  // namespace jala::simulate
