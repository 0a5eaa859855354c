// Links of the platforms whose links name an account ("t.me/NAME", "wa.me/NUMBER"): such a link gives that
// account's selector instead of url: and domain:.
#include <algorithm>
#include <array>
#include <optional>

#include "jala/extract/document.h"
#include "jala/model/normalisers.h"
#include "jala/model/text.h"

namespace jala::extract {
namespace {

using model::SelectorType;

// The hosts, and the type of the account their links name.
struct PlatformHost {
  std::string_view host;
  SelectorType type;
};
constexpr std::array<PlatformHost, 16> k_platform_hosts = {{
    {"t.me", SelectorType::telegram},
    {"telegram.me", SelectorType::telegram},
    {"telegram.dog", SelectorType::telegram},
    {"line.me", SelectorType::line},
    {"facebook.com", SelectorType::facebook},
    {"m.facebook.com", SelectorType::facebook},
    {"fb.com", SelectorType::facebook},
    {"instagram.com", SelectorType::instagram},
    {"tiktok.com", SelectorType::tiktok},
    {"x.com", SelectorType::x},
    {"twitter.com", SelectorType::x},
    {"mobile.twitter.com", SelectorType::x},
    {"wa.me", SelectorType::whatsapp},
    {"api.whatsapp.com", SelectorType::whatsapp},
    {"web.whatsapp.com", SelectorType::whatsapp},
    {"zalo.me", SelectorType::zalo},
}};

// The host of a URL: after the scheme and any user info, before the port, path or query.
std::string_view url_host(std::string_view url) {
  if (const std::size_t scheme = url.find("://"); scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  if (const std::size_t at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
  if (url.starts_with('[')) return url.substr(1, url.find(']') - 1);
  return url.substr(0, url.rfind(':'));
}

// The number of a Telegram phone link ("t.me/+84912345678", spaced as numbers are), which opens a chat
// with the account on that number; nullopt for any other link (an invite, "t.me/+AbCd…", has letters).
std::optional<std::string_view> telegram_phone_link_number(std::string_view url) {
  const std::size_t scheme = url.find("://");
  const std::size_t path = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (path == std::string_view::npos || path + 1 >= url.size() || url[path + 1] != '+') return std::nullopt;
  std::string_view number = url.substr(path + 1);
  number = number.substr(0, number.find_first_of("/?#"));
  const auto digits = std::count_if(number.begin(), number.end(), is_digit);
  const bool spaced_digits =
      std::all_of(number.begin() + 1, number.end(), [](char c) { return is_digit(c) || c == ' ' || c == '-'; });
  if (!spaced_digits || digits < 7) return std::nullopt;
  return number;
}

}  // namespace

// A profile link gives the account (and, for WhatsApp and Zalo, the phone) and nothing else; a Telegram
// phone link gives the phone.
bool add_platform_link(Document& document, std::string_view url, std::size_t start, std::size_t end) {
  std::string host = model::ascii_lower(url_host(url));
  if (host.starts_with("www.")) host.erase(0, 4);
  std::optional<SelectorType> type;
  for (const PlatformHost& platform : k_platform_hosts) {
    if (host == platform.host) type = platform.type;
  }
  if (!type) return false;
  if (*type == SelectorType::telegram) {
    if (const std::optional<std::string_view> number = telegram_phone_link_number(url)) {
      Result<std::string> phone = model::normalise_phone(*number, document.normalise_context());
      if (!phone.ok()) return false;
      document.add(SelectorType::phone, std::move(phone).value(), start, end, k_format_confidence);
      return true;
    }
  }
  Result<model::Selector> account = model::normalise_selector(*type, url, document.normalise_context());
  if (!account.ok()) return false;
  if (const std::optional<std::string_view> phone = model::phone_named_by(*account)) {
    document.add(SelectorType::phone, std::string(*phone), start, end, k_format_confidence);
  }
  document.add(*type, std::move(account)->value, start, end, k_format_confidence);
  return true;
}

}  // namespace jala::extract
