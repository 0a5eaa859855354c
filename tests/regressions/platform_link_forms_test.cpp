// Regression: Telegram's public channel preview (t.me/s/NAME) and LINE's official-account links
// (line.me/R/ti/p/@id) were refused, so neither the form nor extraction gave their account.
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "jala/extract/extract.h"
#include "jala/model/selector.h"

namespace jala::model {
namespace {

std::string normalised(SelectorType type, std::string_view raw) {
  const Result<Selector> got = normalise_selector(type, raw, {"TH"});
  return got.ok() ? got->value : "error: " + got.error().message();
}

TEST(Regression, TelegramChannelPreviewsNameTheChannel) {
  for (const std::string_view raw : {"https://t.me/s/Golden_Lotus_HR", "t.me/s/golden_lotus_hr/245",
                                     "https://telegram.me/s/golden_lotus_hr", "https://t.me/golden_lotus_hr"}) {
    EXPECT_EQ(normalised(SelectorType::telegram, raw), "golden_lotus_hr") << raw;
  }
  EXPECT_NE(normalised(SelectorType::telegram, "t.me/s/joinchat").find("names no account"), std::string::npos);
}

TEST(Regression, LineOfficialAccountLinksNameTheAccount) {
  for (const std::string_view raw :
       {"https://line.me/R/ti/p/@nong.mai88", "line.me/ti/p/@Nong.Mai88", "https://line.me/R/ti/p/%40nong.mai88",
        "@nong.mai88", "https://line.me/ti/p/~nong.mai88"}) {
    EXPECT_EQ(normalised(SelectorType::line, raw), "nong.mai88") << raw;
  }
}

TEST(Regression, ExtractionGivesTheAccountOfEitherLink) {
  std::vector<std::string> got;
  for (const extract::Finding& finding :
       extract::extract("Kênh: https://t.me/s/golden_lotus_hr, LINE https://line.me/R/ti/p/@nong.mai88", {"TH"})) {
    got.push_back(finding.selector.to_string());
  }
  EXPECT_EQ(got, (std::vector<std::string>{"telegram:golden_lotus_hr", "line:nong.mai88"}));
}

// Found in review: a platform's own pages were read as accounts named after the page ("facebook:marketplace",
// "instagram:p", "x:i"), which linked every report that quoted a listing or a post; a story's link lost its
// account ("instagram:stories").
TEST(Regression, APlatformsOwnPagesNameNoAccount) {
  for (const auto& [type, raw] : std::vector<std::pair<SelectorType, std::string_view>>{
           {SelectorType::facebook, "https://www.facebook.com/marketplace/item/1234567890123/"},
           {SelectorType::facebook, "facebook.com/photo/?fbid=1234"},
           {SelectorType::facebook, "https://www.facebook.com/login/"},
           {SelectorType::instagram, "https://www.instagram.com/p/CxYz123AbC/"},
           {SelectorType::instagram, "instagram.com/reel/CxYz123AbC"},
           {SelectorType::instagram, "instagram.com/explore/tags/jobs/"},
           {SelectorType::x, "https://x.com/i/status/1234567890"},
           {SelectorType::x, "twitter.com/intent/tweet?text=hi"},
           {SelectorType::x, "x.com/search?q=scam"},
           {SelectorType::tiktok, "tiktok.com/t/ZT8abcdef/"}}) {
    EXPECT_NE(normalised(type, raw).find("names no account"), std::string::npos) << raw;
  }
  EXPECT_EQ(normalised(SelectorType::instagram, "instagram.com/stories/jobs_vn88/3301234/"), "jobs_vn88");
  EXPECT_EQ(normalised(SelectorType::facebook, "https://www.facebook.com/lotus.hr"), "lotus.hr");
  EXPECT_EQ(normalised(SelectorType::x, "https://x.com/lotus_hr/status/1234567890"), "lotus_hr");
  std::vector<std::string> got;
  for (const extract::Finding& finding :
       extract::extract("Bài đăng https://www.facebook.com/marketplace/item/1234567890123/ và "
                        "https://www.instagram.com/p/CxYz123AbC/",
                        {"VN"})) {
    got.push_back(finding.selector.to_string());
  }
  EXPECT_EQ(got, (std::vector<std::string>{"url:https://www.facebook.com/marketplace/item/1234567890123/",
                                           "domain:facebook.com", "url:https://www.instagram.com/p/CxYz123AbC/",
                                           "domain:instagram.com"}));
}

}  // namespace
}  // namespace jala::model
