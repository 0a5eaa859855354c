// Phone numbers to E.164 with libphonenumber. The record's country is the default region for
// national formats ("0912 345 678" reported in VN is +84912345678); numbers written with "+" or an
// international "00" prefix need no region.
#include <phonenumbers/phonenumberutil.h>

#include <optional>

#include "jala/base/remembered.h"
#include "jala/model/normalisers.h"
#include "jala/model/phone_prefixes.h"
#include "jala/model/phone_validation.h"
#include "jala/model/text.h"

namespace jala::model {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

constexpr std::size_t k_max_phone_bytes = 64;
// Parsing and validating with libphonenumber costs tens of microseconds (ICU regular expressions), and
// the same numbers recur across reports, so outcomes are remembered per thread, up to this many.
constexpr std::size_t k_max_remembered_phones = 1 << 16;
constexpr std::string_view k_phone_separators = " \t-.()/";  // ignored by libphonenumber when parsing

// The number a WhatsApp link names, as written: "wa.me/NUMBER", and the "send" page of api.whatsapp.com,
// web.whatsapp.com or the app's own scheme with "phone=NUMBER" in its query ("send?phone=", and "send/?phone="
// where wa.me redirects to). nullopt when `raw` is no such link.
std::optional<std::string_view> whatsapp_link_number(std::string_view raw) {
  std::string lowered = ascii_lower(raw.substr(0, std::min<std::size_t>(raw.size(), 40)));
  std::string_view rest = lowered;
  for (const std::string_view scheme : {"https://", "http://", "whatsapp://"}) {
    if (rest.starts_with(scheme)) {
      rest.remove_prefix(scheme.size());
      break;
    }
  }
  if (rest.starts_with("www.")) rest.remove_prefix(4);
  const std::size_t host_length = rest.starts_with("wa.me/")              ? 6
                                  : rest.starts_with("api.whatsapp.com/") ? 17
                                  : rest.starts_with("web.whatsapp.com/") ? 17
                                  : lowered.starts_with("whatsapp://")    ? 0
                                                                          : std::string_view::npos;
  if (host_length == std::string_view::npos) return std::nullopt;
  const std::size_t path_start = (lowered.size() - rest.size()) + host_length;
  std::string_view path = raw.substr(path_start);
  if (host_length == 6) return path.substr(0, path.find_first_of("/?&#"));  // wa.me/NUMBER
  if (!ascii_lower(path.substr(0, 5)).starts_with("send")) return std::nullopt;
  const std::size_t query = path.find('?');
  if (query == std::string_view::npos) return std::nullopt;
  for (std::string_view parameters = path.substr(query + 1); !parameters.empty();) {
    const std::string_view parameter = parameters.substr(0, parameters.find_first_of("&#"));
    if (ascii_lower(parameter.substr(0, 6)) == "phone=") return parameter.substr(6);
    if (parameter.size() == parameters.size() || parameters[parameter.size()] == '#') break;
    parameters.remove_prefix(parameter.size() + 1);
  }
  return std::nullopt;
}

// A number in E.164 read again: its E.164 form, if it is a valid number.
std::optional<std::string> e164_of(const PhoneNumberUtil& util, const std::string& e164) {
  PhoneNumber number;
  if (util.Parse(e164, "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR || !is_valid_number(number)) {
    return std::nullopt;
  }
  std::string formatted;
  util.Format(number, PhoneNumberUtil::E164, &formatted);
  return formatted;
}

// `text` is `raw` with a leading "00" written "+".
Result<std::string> parse_phone(std::string_view raw, const std::string& text, const NormaliseContext& context) {
  const std::string region = context.default_region.empty() ? "ZZ" : ascii_upper(context.default_region);

  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  PhoneNumberUtil::ErrorType parsed = PhoneNumberUtil::NO_PARSING_ERROR;
  if (std::optional<PhoneNumber> quick = read_valid_number_quickly(text, region)) {
    number = *std::move(quick);
  } else {
    parsed = util.Parse(text, region, &number);
  }
  if (parsed == PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR) {
    if (region == "ZZ") {
      return invalid_argument("'{}' has no country code and no default region to read it in", raw);
    }
    return invalid_argument("'{}' has an unknown country code", raw);
  }
  if (parsed != PhoneNumberUtil::NO_PARSING_ERROR) {
    return invalid_argument("'{}' is not a phone number", raw);
  }
  if (!is_valid_number(number)) {
    std::string region_code;
    util.GetRegionCodeForCountryCode(number.country_code(), &region_code);
    return invalid_argument("'{}' is not a valid phone number in {}", raw, region_code);
  }
  std::string e164;
  util.Format(number, PhoneNumberUtil::E164, &e164);
  // A selector must normalise to itself, but libphonenumber is not idempotent for a few numbers
  // (Mexico's old mobile "1": +52 1 12 412 432 068 gives +5212412432068, which reads back as
  // +522412432068). So the canonical form is the first that reads back as itself, and a number
  // without one within two readings is refused. Input that was already this E.164 string (as
  // extraction passes "+" and the digits) reads back as itself, and so does a number that starts with
  // no national prefix of its calling code; both are spared the second parse.
  if (text == e164) return e164;
  std::string national_number;
  util.GetNationalSignificantNumber(number, &national_number);
  if (!may_strip_national_prefix(number.country_code(), national_number)) return e164;
  for (int reading = 0; reading < 2; ++reading) {
    const std::optional<std::string> again = e164_of(util, e164);
    if (again == e164) return e164;
    if (!again) break;
    e164 = *again;
  }
  return invalid_argument("'{}' has no stable E.164 form", raw);
}

}  // namespace

Result<std::string> normalise_phone(std::string_view raw, const NormaliseContext& context) {
  if (raw.size() > k_max_phone_bytes) {
    return invalid_argument("phone value is longer than {} bytes", k_max_phone_bytes);
  }
  thread_local TextMap<Result<std::string>> outcomes;
  // "00" is the international prefix in most of the world; libphonenumber only knows it per region.
  const std::string text = raw.starts_with("00") ? "+" + std::string(raw.substr(2)) : std::string(raw);
  // The key is what is parsed, less what cannot change the outcome: separators. It keeps the region even
  // for international forms, which libphonenumber reads again in the region when their calling code is
  // unknown ("+0238…" is a Cape Verdean number in CV, where "0" is the international prefix, and no number
  // elsewhere).
  std::string key;
  for (char c : text) {
    if (k_phone_separators.find(c) == std::string_view::npos) key += c;
  }
  key += '|';
  key += context.default_region;
  return remembered(outcomes, k_max_remembered_phones, key, [&] { return parse_phone(raw, text, context); });
}

std::string phone_country(std::string_view e164) {
  if (e164.size() > k_max_phone_bytes || !e164.starts_with('+')) return {};
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (util.Parse(std::string(e164), "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR) return {};
  std::string region;
  util.GetRegionCodeForNumber(number, &region);
  return region.size() == 2 && region != "ZZ" ? region : std::string();
}

bool grouped_as_national_phone(std::string_view digits, std::span<const std::size_t> groups, std::string_view region) {
  if (digits.size() > k_max_phone_bytes || region.size() != 2) return false;
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (util.Parse(std::string(digits), ascii_upper(region), &number) != PhoneNumberUtil::NO_PARSING_ERROR ||
      !is_valid_number(number)) {
    return false;
  }
  std::string national;
  util.Format(number, PhoneNumberUtil::NATIONAL, &national);
  std::size_t group = 0;
  std::size_t run = 0;
  const auto close_group = [&] {
    if (run == 0) return true;
    const bool same = group < groups.size() && groups[group] == run;
    ++group;
    run = 0;
    return same;
  };
  for (const char c : national) {
    if (c >= '0' && c <= '9') {
      ++run;
    } else if (!close_group()) {
      return false;
    }
  }
  return close_group() && group == groups.size();
}

// WhatsApp accounts are phone numbers; a wa.me link names one too.
Result<std::string> normalise_whatsapp(std::string_view raw, const NormaliseContext& context) {
  if (const std::optional<std::string_view> link_number = whatsapp_link_number(raw)) {
    // The number is international, its "+" often left out or percent-encoded ("%2B855…").
    std::optional<std::string> number = percent_decoded(*link_number);
    if (!number || number->empty()) return invalid_argument("a WhatsApp link without a number: '{}'", raw);
    if (!number->starts_with('+')) number->insert(0, 1, '+');
    return normalise_phone(*number, context);
  }
  return normalise_phone(raw, context);
}

}  // namespace jala::model
