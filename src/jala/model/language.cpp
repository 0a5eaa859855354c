#include "jala/model/language.h"

#include "jala/model/text.h"

namespace jala::model {
namespace {

constexpr std::size_t k_max_tag_length = 64;

bool all_of(std::string_view text, bool (*predicate)(char)) {
  for (char c : text) {
    if (!predicate(c)) return false;
  }
  return true;
}

}  // namespace

// A simplified RFC 5646 "langtag": language (2-3 letters, or 4-8 reserved/registered), then subtags of
// 1-8 alphanumerics. Scripts (4 letters) are title-cased, regions (2 letters) upper-cased, the rest
// lower-cased, as RFC 5646 section 2.1.1 recommends. Underscores are accepted for hyphens because
// locale ids ("vi_VN") are common in exports.
Result<std::string> parse_language_tag(std::string_view text) {
  if (text.empty()) return invalid_argument("language tag is empty");
  if (text.size() > k_max_tag_length) {
    return invalid_argument("language tag is longer than {} characters", k_max_tag_length);
  }
  std::string out;
  std::size_t position = 0;
  bool first = true;
  while (position <= text.size()) {
    std::size_t end = text.find_first_of("-_", position);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view subtag = text.substr(position, end - position);
    if (subtag.empty() || subtag.size() > 8 || !all_of(subtag, is_ascii_alnum)) {
      return invalid_argument("'{}' is not a BCP 47 language tag (bad subtag '{}')", text, subtag);
    }
    if (first) {
      if (!all_of(subtag, is_ascii_alpha) || subtag.size() == 1) {
        return invalid_argument("'{}' is not a BCP 47 language tag (the language must be letters)", text);
      }
      out += ascii_lower(subtag);
    } else {
      out += '-';
      if (subtag.size() == 4 && all_of(subtag, is_ascii_alpha)) {
        std::string script = ascii_lower(subtag);
        script[0] = static_cast<char>(script[0] - 'a' + 'A');
        out += script;
      } else if (subtag.size() == 2 && all_of(subtag, is_ascii_alpha)) {
        out += ascii_upper(subtag);
      } else {
        out += ascii_lower(subtag);
      }
    }
    first = false;
    position = end + 1;
  }
  return out;
}

}  // namespace jala::model
