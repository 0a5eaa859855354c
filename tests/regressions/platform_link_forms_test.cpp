// Regression: Telegram's public channel preview (t.me/s/NAME) and LINE's official-account links
// (line.me/R/ti/p/@id) were refused, so neither the form nor extraction gave their account.
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

}  // namespace
}  // namespace jala::model
