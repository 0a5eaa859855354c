// Messaging and social handles. One rule table, one entry per platform: the profile link prefixes that
// name an account, the characters and length the platform allows, and whether the name is case-folded.
// A value may be a bare name, "@name", or a profile link.
#include <array>
#include <optional>

#include "jala/base/utf8.h"
#include "jala/model/normalisers.h"
#include "jala/model/text.h"

namespace jala::model {
namespace {

struct HandleRule {
  std::string_view platform;
  // Lower-case, without scheme or "www."; a longer prefix before any prefix of it.
  std::array<std::string_view, 8> link_prefixes;
  std::string_view extra_characters;              // allowed besides ASCII letters and digits
  std::size_t min_length;
  std::size_t max_length;
  // Link paths that name no account (invite links, groups, posts, share, search and login pages), refused
  // with a reason.
  std::array<std::string_view, 40> non_account_paths = {};
};

// Limits from each platform's own rules for user names (Telegram 5-32 [a-z0-9_]; Instagram 1-30
// [a-z0-9._]; TikTok 2-24 [a-z0-9._]; X 1-15 [a-z0-9_]; Facebook 5-50 [a-z0-9.] or a numeric id;
// LINE ids 1-20 [a-z0-9._-]; WeChat ids 6-20 [a-z0-9_-]; Zalo: a phone number or a numeric id).
// "t.me/s/NAME" is a public channel's web preview; LINE official accounts are "@id" ("%40id" when
// the link is URL-encoded) after "ti/p/", personal ids "~id".
constexpr HandleRule k_telegram{
    "telegram", {"t.me/s/", "t.me/", "telegram.me/s/", "telegram.me/", "telegram.dog/"},    "_", 5,
    32,         {"joinchat", "+", "addstickers", "share", "proxy", "socks", "c", "addlist"}};
constexpr HandleRule k_line{"line",
                            {"line.me/ti/p/~", "line.me/ti/p/@", "line.me/ti/p/%40", "line.me/ti/p/",
                             "line.me/r/ti/p/~", "line.me/r/ti/p/@", "line.me/r/ti/p/%40", "line.me/r/ti/p/"},
                            "._-",
                            1,
                            20};
constexpr HandleRule k_wechat{"wechat", {"weixin.qq.com/r/", "u.wechat.com/"}, "_-", 6, 20};
constexpr HandleRule k_zalo{"zalo", {"zalo.me/"}, "", 5, 20};
// The platforms' own pages are no accounts (review: every Marketplace listing was "facebook:marketplace", every
// Instagram post "instagram:p", and linked every report that quoted one). A story's link names its account
// after "stories/".
constexpr HandleRule k_facebook{
    "facebook",
    {"facebook.com/", "fb.com/", "m.facebook.com/", "fb.me/"},
    ".",
    5,
    50,
    {"groups",      "pages",         "events",  "watch",    "share",      "photo.php", "permalink.php", "story.php",
     "marketplace", "photo",         "photos",  "login",    "login.php",  "reels",     "hashtag",       "sharer",
     "sharer.php",  "dialog",        "help",    "policies", "privacy",    "settings",  "gaming",        "business",
     "messages",    "notifications", "search",  "home.php", "video.php",  "stories",   "friends",       "bookmarks",
     "live",        "l.php",         "plugins", "media",    "checkpoint", "recover",   "watch.php",     "ads"}};
constexpr HandleRule k_instagram{"instagram",
                                 {"instagram.com/stories/", "instagr.am/stories/", "instagram.com/", "instagr.am/"},
                                 "._",
                                 1,
                                 30,
                                 {"p", "reel", "reels", "tv", "explore", "accounts", "direct", "about", "legal",
                                  "developer", "web", "challenge", "s", "ar"}};
constexpr HandleRule k_tiktok{"tiktok",
                              {"tiktok.com/@", "tiktok.com/"},
                              "._",
                              2,
                              24,
                              {"t", "discover", "tag", "music", "foryou", "explore", "live", "login", "search",
                               "following", "friends", "upload", "messages", "legal", "about"}};
constexpr HandleRule k_x{"x",
                         {"x.com/", "twitter.com/", "mobile.twitter.com/"},
                         "_",
                         1,
                         15,
                         {"i", "intent", "search", "home", "explore", "hashtag", "settings", "messages",
                          "notifications", "compose", "login", "signup", "share", "tos", "privacy", "account"}};

// The path after a profile-link prefix ("name/12?x" for "https://t.me/name/12?x"), or nullopt when
// `value` is not a link of this platform.
std::optional<std::string_view> link_path(std::string_view value, const HandleRule& rule) {
  std::string_view rest = value;
  for (std::string_view scheme : {"https://", "http://"}) {
    if (rest.size() >= scheme.size() && ascii_lower(rest.substr(0, scheme.size())) == scheme) {
      rest.remove_prefix(scheme.size());
    }
  }
  if (rest.size() >= 4 && ascii_lower(rest.substr(0, 4)) == "www.") rest.remove_prefix(4);
  for (std::string_view prefix : rule.link_prefixes) {
    if (!prefix.empty() && rest.size() > prefix.size() && ascii_lower(rest.substr(0, prefix.size())) == prefix) {
      return rest.substr(prefix.size());
    }
  }
  return std::nullopt;
}

// The account a link path names: its first segment, except Facebook's numeric "profile.php?id=N".
Result<std::string_view> account_in_path(std::string_view raw, std::string_view path, const HandleRule& rule) {
  const std::string_view segment = path.starts_with('+') ? "+" : path.substr(0, path.find_first_of("/?#"));
  for (std::string_view reserved : rule.non_account_paths) {
    if (!reserved.empty() && ascii_lower(segment) == reserved) {
      return invalid_argument("'{}' is a {} link that names no account", truncate_utf8(raw, 80), rule.platform);
    }
  }
  constexpr std::string_view k_profile_id = "profile.php?id=";
  if (&rule == &k_facebook && ascii_lower(path.substr(0, k_profile_id.size())) == k_profile_id) {
    const std::string_view id = path.substr(k_profile_id.size());
    return id.substr(0, id.find_first_of("&#/"));
  }
  return segment;
}

Result<std::string> normalise_handle(std::string_view raw, const HandleRule& rule) {
  std::string_view name = raw;
  if (const std::optional<std::string_view> path = link_path(raw, rule)) {
    JALA_TRY_ASSIGN(name, account_in_path(raw, *path, rule));
  } else if (name.starts_with('@')) {
    name.remove_prefix(1);
  }
  if (name.size() < rule.min_length || name.size() > rule.max_length) {
    return invalid_argument("'{}' is not a {} account: a name has {} to {} characters", truncate_utf8(raw, 80),
                            rule.platform, rule.min_length, rule.max_length);
  }
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (!is_ascii_alnum(c) && rule.extra_characters.find(c) == std::string_view::npos) {
      // The whole character named, not its first byte: up to four bytes, cut where a next one starts.
      std::size_t end = i + 1;
      while (end < name.size() && end - i < 4 && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80) ++end;
      return invalid_argument("'{}' is not a {} account: '{}' is not allowed in a name", truncate_utf8(raw, 80),
                              rule.platform, truncate_utf8(name.substr(i, end - i), 4));
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
  const std::optional<std::string_view> path = link_path(raw, k_zalo);
  const std::string_view number = path ? path->substr(0, path->find_first_of("/?#")) : raw;
  if (Result<std::string> phone = normalise_phone(number, context); phone.ok()) return phone;
  return normalise_handle(raw, k_zalo);
}

}  // namespace jala::model
