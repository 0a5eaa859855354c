#include "jala/analysis/found_selector_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "jala/extract/extract.h"

namespace jala::analysis {
namespace {

// The text writer of `jala extract` and the JSON DOM that the API and `jala report show` use must agree.
TEST(FoundSelectorJson, TheTextWriterAgreesWithTheDom) {
  const Result<extract::WarningLists> lists = extract::WarningLists::load(JALA_SOURCE_DIR "/data/warninglists");
  ASSERT_TRUE(lists.ok()) << lists.error().message();
  const std::string text =
      "Call 0912 345 678 or +84 28 3823 4567, mail hr[at]job-vn[.]com, pay TQrY8tryqsYVCYS3MFbtffiPp2ccyn4STm, "
      "site https://www.google.com/x?a=\"b\" and https://xn--pple-43d.com/login, tg @vieclam_hcm, ip 203.0.113.7, "
      "raw\x01control and bad \xFF byte https://example.com/\xC3\x28";
  const std::vector<extract::Finding> findings = extract::extract(text, {"VN"});
  ASSERT_GE(findings.size(), 6U);
  bool saw_warning = false;
  bool saw_lookalike = false;
  for (const extract::Finding& finding : findings) {
    const nlohmann::ordered_json dom = found_selector_json<nlohmann::ordered_json>(
        finding.selector, finding.start + 7, finding.end + 7, finding.raw, finding.confidence, *lists);
    saw_warning = saw_warning || dom.contains("warning");
    saw_lookalike = saw_lookalike || dom.contains("lookalike");
    std::string written;
    append_found_selector_json(written, finding.selector, finding.start + 7, finding.end + 7, finding.raw,
                               finding.confidence, *lists);
    EXPECT_EQ(written, dom.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));

    nlohmann::ordered_json with_file = dom;
    with_file["file"] = "a \"b\".txt";
    written.clear();
    append_found_selector_json(written, finding.selector, finding.start + 7, finding.end + 7, finding.raw,
                               finding.confidence, *lists, R"(,"file":"a \"b\".txt")");
    EXPECT_EQ(written, with_file.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  EXPECT_TRUE(saw_warning) << "no finding on a warning list: the text no longer tests the list member";
  EXPECT_TRUE(saw_lookalike) << "no look-alike finding: the text no longer tests that member";
}

}  // namespace
}  // namespace jala::analysis
