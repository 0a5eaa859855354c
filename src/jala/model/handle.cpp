// Messaging and social handles. One rule table, one entry per platform: the profile link prefixes that
// name an account, the characters and length the platform allows, and whether the name is case-folded.
// A value may be a bare name, "@name", or a profile link.
#include <array>

#include "jala/model/normalisers.h"
#include "jala/model/text.h"

namespace jala::model {
namespace {

struct HandleRule {
  std::string_view platform;
  std::array<std::string_view, 6> link_prefixes;  // lower-case, without scheme or "www."
  std::string_view extra_characters;              // allowed besides ASCII letters and digits
  std::size_t min_length;
  std::size_t max_length;
};

// Limits from each platform's own rules for user names (Telegram 5-32 [a-z0-9_]; Instagram 1-30
// [a-z0-9._]; TikTok 2-24 [a-z0-9._]; X 1-15 [a-z0-9_]; Facebook 5-50 [a-z0-9.] or a numeric id;
// LINE ids 1-20 [a-z0-9._-]; WeChat ids 6-20 [a-z0-9_-]; Zalo: a phone number or a numeric id).
constexpr HandleRule k_telegram{"telegram", {"t.me/", "telegram.me/", "telegram.dog/"}, "_", 5, 32};
constexpr HandleRule k_line{"line", {"line.me/ti/p/~", "line.me/ti/p/", "line.me/r/ti/p/~", "line.me/r/ti/p/"}, "._-", 1, 20};
constexpr HandleRule k_wechat{"wechat", {"weixin.qq.com/r/", "u.wechat.com/"}, "_-", 6, 20};
constexpr HandleRule k_zalo{"zalo", {"zalo.me/"}, "", 5, 20};
constexpr HandleRule k_facebook{"facebook", {"facebook.com/", "fb.com/", "m.facebook.com/", "fb.me/"}, ".", 5, 50};
constexpr HandleRule k_instagram{"instagram", {"instagram.com/", "instagr.am/"}, "._", 1, 30};
constexpr HandleRule k_tiktok{"tiktok", {"tiktok.com/@", "tiktok.com/"}, "._", 2, 24};
constexpr HandleRule k_x{"x", {"x.com/", "twitter.com/", "mobile.twitter.com/"}, "_", 1, 15};

std::string_view strip_link(std::string_view value, const HandleRule& rule, bool& was_link) {
  std::string_view rest = value;
  for (std::string_view scheme : {"https://", "http://"}) {
    if (rest.size() >= scheme.size() && ascii_lower(rest.substr(0, scheme.size())) == scheme) {
      rest.remove_prefix(scheme.size());
    }
  }
  if (rest.size() >= 4 && ascii_lower(rest.substr(0, 4)) == "www.") rest.remove_prefix(4);
  for (std::string_view prefix : rule.link_prefixes) {
    if (prefix.empty()) continue;
    if (rest.size() > prefix.size() && ascii_lower(rest.substr(0, prefix.size())) == prefix) {
      was_link = true;
      rest.remove_prefix(prefix.size());
      return rest.substr(0, rest.find_first_of("/?#"));
    }
  }
  was_link = false;
  return value;
}

Result<std::string> normalise_handle(std::string_view raw, const HandleRule& rule) {
  bool was_link = false;
  std::string_view name = strip_link(raw, rule, was_link);
  if (!was_link && name.starts_with('@')) name.remove_prefix(1);
  if (name.size() < rule.min_length || name.size() > rule.max_length) {
    return invalid_argument("'{}' is not a {} account: a name has {} to {} characters", raw.substr(0, 80),
                            rule.platform, rule.min_length, rule.max_length);
  }
  for (char c : name) {
    if (!is_ascii_alnum(c) && rule.extra_characters.find(c) == std::string_view::npos) {
      return invalid_argument("'{}' is not a {} account: '{}' is not allowed in a name", raw.substr(0, 80),
                              rule.platform, c);
    }
  }
  return ascii_lower(name);
}

}  // namespace

Result<std::string> normalise_telegram(std::string_view raw, const NormaliseContext&) {
  return normalise_handle(raw, k_telegram);
}
Result<std::string> normalise_line(std::string_view raw, const NormaliseContext&) {
  return normalise_handle(raw, k_line);
}
Result<std::string> normalise_wechat(std::string_view raw, const NormaliseContext&) {
  return normalise_handle(raw, k_wechat);
}
Result<std::string> normalise_facebook(std::string_view raw, const NormaliseContext&) {
  return normalise_handle(raw, k_facebook);
}
Result<std::string> normalise_instagram(std::string_view raw, const NormaliseContext&) {
  return normalise_handle(raw, k_instagram);
}
Result<std::string> normalise_tiktok(std::string_view raw, const NormaliseContext&) {
  return normalise_handle(raw, k_tiktok);
}
Result<std::string> normalise_x(std::string_view raw, const NormaliseContext&) {
  return normalise_handle(raw, k_x);
}

// Zalo accounts are registered to phone numbers, so a phone number names one in E.164; otherwise a
// numeric Zalo id or a zalo.me link.
Result<std::string> normalise_zalo(std::string_view raw, const NormaliseContext& context) {
  bool was_link = false;
  const std::string_view name = strip_link(raw, k_zalo, was_link);
  if (Result<std::string> phone = normalise_phone(name, context); phone.ok()) return phone;
  return normalise_handle(raw, k_zalo);
}

}  // namespace jala::model
