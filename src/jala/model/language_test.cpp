#include "jala/model/language.h"

#include <gtest/gtest.h>

namespace jala::model {
namespace {

TEST(LanguageTag, PutsSubtagsInCanonicalCase) {
  EXPECT_EQ(*parse_language_tag("vi"), "vi");
  EXPECT_EQ(*parse_language_tag("zh-hant-tw"), "zh-Hant-TW");
  EXPECT_EQ(*parse_language_tag("EN_gb"), "en-GB");
  EXPECT_EQ(*parse_language_tag("km-KH"), "km-KH");
  EXPECT_EQ(*parse_language_tag("es-419"), "es-419");
}

TEST(LanguageTag, RejectsMalformedTags) {
  for (std::string_view bad : {"", "v", "vi--VN", "vi-", "123", "vi-VN-toolongsubtag", "tiếng"}) {
    EXPECT_FALSE(parse_language_tag(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace jala::model
