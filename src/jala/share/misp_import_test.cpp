#include "jala/share/misp_import.h"

#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "jala/share/misp_attributes.h"
#include "jala/share/stix_values_for_tests.h"

namespace jala::share {
namespace {

using testing::selector;
using testing::selectors_of;

ImportOptions vietnam() {
  ImportOptions options;
  options.default_country = "VN";
  return options;
}

constexpr std::string_view k_event = R"({"Event": {
  "uuid": "5a4e4fdd-1eb4-4ff3-9e87-43fa950d210f", "date": "2026-02-03", "timestamp": "1770000000",
  "info": "Fake job offers on Telegram", "Orgc": {"name": "TH-CIB", "nationality": "Thailand"},
  "Tag": [{"name": "tlp:green"}, {"name": "osint"}], "EventTag": [{"Tag": {"name": "TLP:AMBER+STRICT"}}],
  "Attribute": [
    {"type": "phone-number", "value": "+84 91 234 5678"},
    {"type": "email-src", "value": "HR@lucky-jobs.example.com"},
    {"type": "domain|ip", "value": "lucky-jobs.example.com|203.0.113.5"},
    {"type": "ip-dst|port", "value": "198.51.100.7|443"},
    {"type": "url", "value": "https://lucky-jobs.example.com/apply"},
    {"type": "btc", "value": "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"},
    {"type": "iban", "value": "GB82 WEST 1234 5698 7654 32"},
    {"type": "twitter-id", "value": "@lucky_job"},
    {"type": "link", "value": "https://www.virustotal.com/gui/file/abc"},
    {"type": "sha256", "value": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
    {"type": "phone-number", "value": "not a number"},
    {"type": "email-dst", "value": "victim@example.com", "deleted": true},
    {"type": "text", "value": "Pay the deposit to Vietcombank 0123456789 to start."}
  ],
  "Object": [
    {"name": "telegram-account", "Attribute": [{"type": "text", "object_relation": "username", "value": "@Lucky_HR"}]},
    {"name": "instant-message", "Attribute": [
      {"type": "text", "object_relation": "app-used", "value": "WhatsApp"},
      {"type": "text", "object_relation": "from-user", "value": "+84 91 234 5679"},
      {"type": "phone-number", "object_relation": "to-number", "value": "+84 91 234 5670"}]},
    {"name": "bank-account", "Attribute": [
      {"type": "bank-account-nr", "object_relation": "account", "value": "0123456789"},
      {"type": "text", "object_relation": "institution-name", "value": "Vietcombank"}]},
    {"name": "coin-address", "Attribute": [
      {"type": "btc", "object_relation": "address", "value": "0x52908400098527886E0F7030069857D2E4169EE7"},
      {"type": "text", "object_relation": "symbol", "value": "ETH"}]},
    {"name": "file", "deleted": true, "Attribute": [{"type": "url", "object_relation": "url", "value": "https://x.example"}]}
  ]}})";

TEST(MispImport, MapsAttributesObjectsTagsAndTheOrganisation) {
  const Result<DocumentImport> got = import_misp(k_event, {});
  ASSERT_TRUE(got.ok()) << got.error().message();
  ASSERT_EQ(got->reports.size(), 1U);
  ASSERT_TRUE(got->reports[0].report.ok()) << got->reports[0].report.error().message();
  const model::Report& report = *got->reports[0].report;
  EXPECT_EQ(report.id, "5a4e4fdd-1eb4-4ff3-9e87-43fa950d210f");
  EXPECT_EQ(report.source, "TH-CIB");
  EXPECT_EQ(report.country, "TH");  // the organisation's nationality, by name
  EXPECT_EQ(report.reported_at, *parse_rfc3339("2026-02-03T00:00:00Z"));
  EXPECT_EQ(report.tlp, model::Tlp::amber_strict);
  EXPECT_EQ(report.text, "Fake job offers on Telegram\n\nPay the deposit to Vietcombank 0123456789 to start.");
  const std::set<model::Selector> want = {
      selector("phone:+84912345678"),
      selector("email:hr@lucky-jobs.example.com"),
      selector("domain:lucky-jobs.example.com"),
      selector("ip:203.0.113.5"),
      selector("ip:198.51.100.7"),
      selector("url:https://lucky-jobs.example.com/apply"),
      selector("wallet:btc:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"),
      selector("iban:GB82WEST12345698765432"),
      selector("x:lucky_job"),
      selector("telegram:lucky_hr"),
      selector("whatsapp:+84912345679"),
      selector("whatsapp:+84912345670"),
      selector("phone:+84912345670"),
      selector("bank:BFTVVNVX:0123456789"),
      selector("wallet:eth:0x52908400098527886e0f7030069857d2e4169ee7"),
  };
  EXPECT_EQ(selectors_of(report), want);
  EXPECT_EQ(got->invalid_selectors, 1U);  // "not a number"
}

TEST(MispImport, ReadsEveryDocumentShape) {
  struct Case {
    std::string_view name;
    std::string_view document;
    std::size_t reports;
  };
  const std::vector<Case> cases = {
      {"bare event", R"({"info": "x", "date": "2026-01-01"})", 1},
      {"response list", R"({"response": [{"Event": {"info": "a", "date": "2026-01-01"}}, {"info": "b",
        "date": "2026-01-02"}, {"Galaxy": {}}]})",
       2},
      {"array",
       R"([{"Event": {"info": "a", "date": "2026-01-01"}}, {"Event": {"info": "b", "timestamp": 1767225600}}])", 2},
  };
  for (const Case& c : cases) {
    const Result<DocumentImport> got = import_misp(c.document, vietnam());
    ASSERT_TRUE(got.ok()) << c.name << ": " << got.error().message();
    EXPECT_EQ(got->reports.size(), c.reports) << c.name;
    for (const ImportedReport& report : got->reports) {
      EXPECT_TRUE(report.report.ok()) << c.name << ": " << report.report.error().message();
    }
  }
}

TEST(MispImport, IdentifiesAnEventWithoutUuidByItsContent) {
  const Result<DocumentImport> first = import_misp(R"({"info": "x", "date": "2026-01-01"})", vietnam());
  const Result<DocumentImport> again = import_misp(R"({ "date": "2026-01-01", "info": "x" })", vietnam());
  const Result<DocumentImport> other = import_misp(R"({"info": "y", "date": "2026-01-01"})", vietnam());
  ASSERT_TRUE(first.ok() && again.ok() && other.ok());
  EXPECT_TRUE(first->reports[0].report->id.starts_with("sha256-"));
  EXPECT_EQ(first->reports[0].report->id, again->reports[0].report->id);
  EXPECT_NE(first->reports[0].report->id, other->reports[0].report->id);
  EXPECT_EQ(first->reports[0].report->source, "misp");
  EXPECT_EQ(first->reports[0].report->tlp, model::Tlp::amber);
}

TEST(MispImport, SaysWhatIsWrong) {
  struct Case {
    std::string_view document;
    std::string want;
  };
  const std::vector<Case> document_errors = {
      {"{", "syntax error"},
      {R"({"name": "galaxy", "uuid": "x"})", "not a MISP event"},
      {"[]", "not a MISP event"},
  };
  for (const Case& c : document_errors) {
    const Result<DocumentImport> got = import_misp(c.document, vietnam());
    ASSERT_FALSE(got.ok()) << c.document;
    EXPECT_NE(got.error().message().find(c.want), std::string::npos) << got.error().message();
  }
  const std::vector<Case> event_errors = {
      {R"({"Object": []})", "date: the event has no date or timestamp"},
      {R"({"info": "x", "date": "2026-01-01", "Orgc": {"name": "A\u0001B"}})", "source: contains a control character"},
      {R"({"info": " ", "date": "2026-01-01"})", "a report needs text or selectors"},
  };
  for (const Case& c : event_errors) {
    const Result<DocumentImport> got = import_misp(c.document, vietnam());
    ASSERT_TRUE(got.ok()) << got.error().message();
    ASSERT_EQ(got->reports.size(), 1U);
    ASSERT_FALSE(got->reports[0].report.ok()) << c.document;
    EXPECT_NE(got->reports[0].report.error().message().find(c.want), std::string::npos)
        << got->reports[0].report.error().message();
  }
  ImportOptions no_country;
  const Result<DocumentImport> got = import_misp(R"({"info": "x", "date": "2026-01-01"})", no_country);
  ASSERT_TRUE(got.ok());
  EXPECT_NE(got->reports[0].report.error().message().find("--country"), std::string::npos);
}

TEST(MispImport, BoundsTheNumberOfItems) {
  ImportOptions options = vietnam();
  options.max_objects = 3;
  const Result<DocumentImport> got = import_misp(
      R"({"info": "x", "date": "2026-01-01", "Attribute": [{"type": "text", "value": "a"},
          {"type": "text", "value": "b"}, {"type": "text", "value": "c"}]})",
      options);
  ASSERT_FALSE(got.ok());
  EXPECT_NE(got.error().message().find("the limit is 3"), std::string::npos) << got.error().message();
}

TEST(MispAttributes, SplitCompositeValues) {
  const std::vector<Result<model::ReportSelector>> got =
      misp_attribute_selectors("domain|ip", "lucky-jobs.example.com|2001:db8::1", {"VN"});
  ASSERT_EQ(got.size(), 2U);
  EXPECT_EQ(got[0]->selector, selector("domain:lucky-jobs.example.com"));
  EXPECT_EQ(got[1]->selector, selector("ip:2001:db8::1"));
  EXPECT_EQ(got[0]->raw, "lucky-jobs.example.com");
  EXPECT_TRUE(misp_attribute_selectors("sha256", "ab", {"VN"}).empty());
}

}  // namespace
}  // namespace jala::share
