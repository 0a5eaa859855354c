#include "jala/simulate/surface.h"

#include <algorithm>

#include "jala/model/text.h"
#include "jala/simulate/identities.h"

namespace jala::simulate {
namespace {

// Digits after the country code, grouped in threes with `separator`, the last group taking the rest.
std::string grouped(std::string_view digits, char separator) {
  std::string text;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && i % 3 == 0 && digits.size() - i >= 2) text += separator;
    text += digits[i];
  }
  return text;
}

std::string_view subscriber_digits(std::string_view e164, std::string_view calling_code) {
  return e164.substr(1 + calling_code.size());
}

std::string write_phone(Random& random, const Mention& mention, const Country& report_country) {
  const std::string_view e164 = mention.value;
  const Country& number_country = *mention.phone_country;
  const std::string_view subscriber = subscriber_digits(e164, number_country.calling_code);
  std::string text;
  switch (random.below(5)) {
    case 0: text = std::string(e164); break;
    case 1: text = "00" + std::string(number_country.calling_code) + " " + grouped(subscriber, ' '); break;
    default:
      // National formats only where the reader's default region is the number's own.
      if (&number_country == &report_country && mention.national_form == NationalForm::allowed) {
        text = std::string(number_country.trunk_prefix) + grouped(subscriber, random.chance(0.3) ? '-' : ' ');
      } else {
        text = international_spaced(e164, number_country.calling_code);
      }
  }
  return random.chance(0.08) ? full_width_digits(text) : text;
}

std::string defanged(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '.') {
      out += "[.]";
    } else if (c == '@') {
      out += "[at]";
    } else {
      out += c;
    }
  }
  return out;
}

std::string wallet_address(Random& random, std::string_view canonical) {
  const std::string_view address = canonical.substr(canonical.find(':') + 1);
  if (canonical.starts_with("eth:") && random.chance(0.5)) return eip55_form(address);
  return std::string(address);
}

// A typo that no normaliser can read back as the intended value.
std::string mistyped(Random& random, std::string text) {
  if (text.size() < 6) return text + "x";
  if (!model::is_ascii(text)) {
    // Full-width digits: cut the number short, at a character boundary.
    std::size_t cut = text.size() / 2;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
    return text.substr(0, cut);
  }
  const std::size_t at = 2 + random.below(text.size() - 4);
  if (text[at] >= '0' && text[at] <= '9') {
    text.erase(at, 1);  // a dropped digit
  } else {
    text[at] = text[at] == 'x' ? 'q' : 'x';  // a wrong letter
  }
  return text;
}

}  // namespace

std::string international_spaced(std::string_view e164, std::string_view calling_code) {
  return "+" + std::string(calling_code) + " " + grouped(subscriber_digits(e164, calling_code), ' ');
}

Written write_in_text(Random& random, const Mention& mention, const Country& report_country, double typo_rate) {
  using model::SelectorType;
  std::string text;
  switch (mention.type) {
    case SelectorType::phone:
    case SelectorType::zalo: text = write_phone(random, mention, report_country); break;
    case SelectorType::whatsapp:
      text = random.chance(0.2) ? "wa.me/" + mention.value.substr(1) : write_phone(random, mention, report_country);
      break;
    case SelectorType::telegram: text = random.chance(0.3) ? "t.me/" + mention.value : "@" + mention.value; break;
    case SelectorType::domain:
      text = random.chance(0.3)   ? defanged(mention.value)
             : random.chance(0.5) ? "https://" + mention.value + "/register?ref=" + std::to_string(random.below(10'000))
                                  : mention.value;
      break;
    case SelectorType::email: text = random.chance(0.4) ? defanged(mention.value) : mention.value; break;
    case SelectorType::bank: text = std::string(mention.bank->name) + " " + mention.account_digits; break;
    case SelectorType::wallet: text = wallet_address(random, mention.value); break;
    default:  // line and the other handles are written as they are
      text = mention.value;
  }
  if (random.chance(typo_rate)) return {mistyped(random, std::move(text)), Usability::mistyped};
  return {std::move(text), Usability::usable};
}

std::string write_in_form(Random& random, const Mention& mention, const Country& report_country) {
  using model::SelectorType;
  switch (mention.type) {
    case SelectorType::phone:
      if (mention.phone_country == &report_country && mention.national_form == NationalForm::allowed &&
          random.chance(0.5)) {
        const std::string_view subscriber = subscriber_digits(mention.value, report_country.calling_code);
        return std::string(report_country.trunk_prefix) + grouped(subscriber, '.');
      }
      return international_spaced(mention.value, mention.phone_country->calling_code);
    case SelectorType::whatsapp:
    case SelectorType::zalo: return international_spaced(mention.value, mention.phone_country->calling_code);
    case SelectorType::telegram: return random.chance(0.5) ? "@" + mention.value : "https://t.me/" + mention.value;
    case SelectorType::domain: return random.chance(0.5) ? "www." + mention.value : mention.value;
    case SelectorType::bank:
      return random.chance(0.5) ? std::string(mention.bank->name) + " " + mention.account_digits
                                : std::string(mention.bank->bic8) + ": " + mention.account_digits;
    case SelectorType::wallet: return wallet_address(random, mention.value);
    default: return mention.value;
  }
}

}  // namespace jala::simulate
