#include "jala/share/stix_export.h"

#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "jala/share/stix_common.h"
#include "jala/share/stix_extensions.h"
#include "jala/share/stix_import.h"
#include "jala/share/stix_network.h"
#include "jala/share/stix_pattern.h"
#include "jala/share/stix_selectors.h"
#include "jala/share/stix_values_for_tests.h"

namespace jala::share {
namespace {

using testing::selector;
using testing::test_node;
using testing::test_report;

std::vector<std::string> types_of(const std::vector<nlohmann::json>& objects) {
  std::vector<std::string> types;
  types.reserve(objects.size());
  for (const nlohmann::json& object : objects) {
    types.push_back(object["type"]);
  }
  return types;
}

TEST(TlpMarking, IsTheOfficialTlp2Object) {
  const nlohmann::json got = tlp_marking_object(model::Tlp::amber_strict);
  const nlohmann::json want = nlohmann::json::parse(R"({
    "type": "marking-definition", "spec_version": "2.1",
    "id": "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
    "created": "2022-10-01T00:00:00.000Z", "name": "TLP:AMBER+STRICT",
    "extensions": {"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d":
                   {"extension_type": "property-extension", "tlp_2_0": "amber+strict"}}})");
  EXPECT_EQ(got, want);
  EXPECT_EQ(tlp_marking_id(model::Tlp::clear), "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487");
  EXPECT_EQ(tlp_marking_id(model::Tlp::green), "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb");
  EXPECT_EQ(tlp_marking_id(model::Tlp::amber), "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421");
  EXPECT_EQ(tlp_marking_id(model::Tlp::red), "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");
  // Both TLP versions read back; TLP 1.0 white is clear.
  EXPECT_EQ(tlp_of_marking_id("marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"), model::Tlp::clear);
  EXPECT_EQ(tlp_of_marking_id("marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed"), model::Tlp::red);
  EXPECT_EQ(tlp_of_marking_id("marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"), model::Tlp::red);
  EXPECT_EQ(tlp_of_marking_id("marking-definition--00000000-0000-4000-8000-000000000000"), std::nullopt);
}

TEST(ExtensionDefinitions, HaveFixedIds) {
  // Published in docs/formats/stix.md; Python: uuid5(Jala namespace, '["extension-definition","KEY","1.0.0"]').
  EXPECT_EQ(extension_id(JalaExtension::phone_number), "extension-definition--17ec3b82-0b4a-557c-a53a-e649577b8a21");
  EXPECT_EQ(extension_id(JalaExtension::cryptocurrency_wallet),
            "extension-definition--f7075403-bedb-5892-a368-ca8f219d96ed");
  EXPECT_EQ(extension_id(JalaExtension::bank_account), "extension-definition--4bc8d6de-fe5e-5c22-aab1-91580cdf454c");
  EXPECT_EQ(extension_id(JalaExtension::report), "extension-definition--5494c981-486f-50f7-9193-72562eed4d71");
  EXPECT_EQ(jala_identity_id(), "identity--78837d8a-c6ca-53a2-8363-e43a78966d6a");
  EXPECT_EQ(extension_definition_object(JalaExtension::phone_number)["extension_types"],
            nlohmann::json::array({"new-sco"}));
}

TEST(SelectorObject, MapsEveryTypeToItsSco) {
  struct Case {
    std::string_view typed;
    nlohmann::json want;  // without id and spec_version
  };
  const std::vector<Case> cases = {
      {"phone:+84912345678", {{"type", "phone-number"}, {"value", "+84912345678"}}},
      {"email:a@example.com", {{"type", "email-addr"}, {"value", "a@example.com"}}},
      {"ip:2001:db8::1", {{"type", "ipv6-addr"}, {"value", "2001:db8::1"}}},
      // STIX urls are URIs: what URIs never hold raw is percent-encoded (RFC 3987's IRI to URI mapping).
      {"url:https://xn--v-jga.vn/việc?q=a\\b|c'd",
       {{"type", "url"}, {"value", "https://xn--v-jga.vn/vi%E1%BB%87c?q=a%5Cb%7Cc'd"}}},
      {"wallet:btc:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
       {{"type", "cryptocurrency-wallet"}, {"value", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"}, {"chain", "btc"}}},
      {"iban:GB82WEST12345698765432", {{"type", "bank-account"}, {"iban", "GB82WEST12345698765432"}}},
      {"bank:BFTVVNVX:0123456789", {{"type", "bank-account"}, {"bic", "BFTVVNVX"}, {"account_number", "0123456789"}}},
      {"bank:somebank:12345678", {{"type", "bank-account"}, {"bank", "somebank"}, {"account_number", "12345678"}}},
      {"x:lucky_job", {{"type", "user-account"}, {"account_type", "twitter"}, {"account_login", "lucky_job"}}},
      {"whatsapp:+84912345679",
       {{"type", "user-account"}, {"account_type", "whatsapp"}, {"account_login", "+84912345679"}}},
  };
  for (const Case& c : cases) {
    nlohmann::json got = selector_object(selector(c.typed));
    EXPECT_EQ(got["id"], selector_object_id(selector(c.typed))) << c.typed;
    EXPECT_EQ(got["spec_version"], "2.1");
    const std::optional<JalaExtension> extension = extension_of_sco_type(c.want["type"].get<std::string>());
    EXPECT_EQ(got.contains("extensions"), extension.has_value()) << c.typed;
    if (extension) {
      EXPECT_EQ(got["extensions"][extension_id(*extension)], nlohmann::json({{"extension_type", "new-sco"}}));
    }
    got.erase("id");
    got.erase("spec_version");
    got.erase("extensions");
    EXPECT_EQ(got, c.want) << c.typed;
  }
}

TEST(Pattern, EscapesQuotesAndBackslashes) {
  EXPECT_EQ(pattern_string_literal("it's a \\ test"), "'it\\'s a \\\\ test'");
  EXPECT_EQ(selector_pattern(selector("telegram:lucky_job")),
            "[user-account:account_type = 'telegram' AND user-account:account_login = 'lucky_job']");
  EXPECT_EQ(selector_pattern(selector("bank:BFTVVNVX:0123456789")),
            "[bank-account:bic = 'BFTVVNVX' AND bank-account:account_number = '0123456789']");
  // What the pattern says reads back as the same value, quote included.
  const model::Selector email = selector("email:o'neil@example.com");
  EXPECT_EQ(selector_pattern(email), "[email-addr:value = 'o\\'neil@example.com']");
  const auto observations = pattern_equalities(selector_pattern(email));
  ASSERT_TRUE(observations.ok()) << observations.error().message();
  ASSERT_EQ(observations->size(), 1U);
  EXPECT_EQ((*observations)[0][0].value, email.value);
}

TEST(ReportObjects, AreTheReportItsObservedDataAndOneScoPerSelector) {
  const model::Report report = test_report();
  const std::vector<nlohmann::json> objects = report_objects(report, test_node());
  ASSERT_EQ(objects.size(), 2 + report.selectors.size());
  EXPECT_EQ(objects[0]["type"], "report");
  EXPECT_EQ(objects[1]["type"], "observed-data");
  const nlohmann::json& out = objects[0];
  EXPECT_EQ(out["id"], report_object_id("VN-MPS", "2026-0001"));
  EXPECT_EQ(out["created_by_ref"], identity_id(test_node()));
  EXPECT_EQ(out["published"], "2026-03-01T01:15:00.250Z");
  EXPECT_EQ(out["created"], "2026-03-01T01:15:00.250Z");
  EXPECT_EQ(out["object_marking_refs"], nlohmann::json::array({tlp_marking_id(model::Tlp::amber)}));
  EXPECT_EQ(out["lang"], "vi");
  EXPECT_EQ(out["description"], report.text);
  const nlohmann::json want_extension = {{"extension_type", "property-extension"},
                                         {"source", "VN-MPS"},
                                         {"report_id", "2026-0001"},
                                         {"kind", "victim_complaint"},
                                         {"country", "VN"},
                                         {"victim_country", "VN"},
                                         {"loss", {{"amount", 1500.0}, {"currency", "USD"}}}};
  EXPECT_EQ(out["extensions"][extension_id(JalaExtension::report)], want_extension);
  // The report refers to its observed-data and every SCO; the observed-data to every SCO.
  std::set<std::string> scos;
  for (std::size_t i = 2; i < objects.size(); ++i) {
    scos.insert(objects[i]["id"]);
    EXPECT_EQ(objects[i]["object_marking_refs"], out["object_marking_refs"]);
  }
  EXPECT_EQ(scos.size(), report.selectors.size());
  EXPECT_EQ(out["object_refs"].size(), 1 + scos.size());
  EXPECT_EQ(out["object_refs"][0], objects[1]["id"]);
  EXPECT_EQ(std::set<std::string>(objects[1]["object_refs"].begin(), objects[1]["object_refs"].end()), scos);
}

TEST(ReportObjects, AreTheSameOnEveryExport) {
  const model::Report report = test_report();
  EXPECT_EQ(report_objects(report, test_node()), report_objects(report, test_node()));
  EXPECT_EQ(make_bundle(report_objects(report, test_node())), make_bundle(report_objects(report, test_node())));
  // A later modification keeps every id and moves only `modified`.
  const std::vector<nlohmann::json> later = report_objects(report, test_node(), *parse_rfc3339("2026-04-01T00:00:00Z"));
  EXPECT_EQ(later[0]["id"], report_objects(report, test_node())[0]["id"]);
  EXPECT_EQ(later[0]["modified"], "2026-04-01T00:00:00.000Z");
}

TEST(ReportObjects, OfATextOnlyReportReferToTheAuthor) {
  model::Report report = test_report();
  report.selectors.clear();
  const std::vector<nlohmann::json> objects = report_objects(report, test_node());
  EXPECT_EQ(types_of(objects), std::vector<std::string>{"report"});
  EXPECT_EQ(objects[0]["object_refs"], nlohmann::json::array({identity_id(test_node())}));
}

// A withdrawn report is published revoked, and reads back withdrawn.
TEST(ReportObjects, OfAWithdrawnReportAreItsRevokedVersion) {
  model::Report report = test_report();
  EXPECT_FALSE(report_objects(report, test_node())[0].contains("revoked"));
  report.selectors.clear();
  report.withdrawn = true;
  const std::vector<nlohmann::json> objects = report_objects(report, test_node());
  EXPECT_EQ(types_of(objects), std::vector<std::string>{"report"});
  EXPECT_EQ(objects[0]["revoked"], true);
  const Result<DocumentImport> imported = import_stix(make_bundle(objects).dump(), {});
  ASSERT_TRUE(imported.ok()) << imported.error().message();
  ASSERT_EQ(imported->reports.size(), 1U);
  ASSERT_TRUE(imported->reports[0].report.ok()) << imported->reports[0].report.error().message();
  model::Report back = *imported->reports[0].report;
  EXPECT_TRUE(back.withdrawn);
  EXPECT_EQ(back.source, report.source);
  EXPECT_EQ(back.id, report.id);
  // Found in review: the name Jala made was read into the text, so every round trip changed the report.
  EXPECT_EQ(back.text, report.text);
}

TEST(IdentityObjects, AreTheAgencyItsCountryAndTheLinkBetween) {
  const std::vector<nlohmann::json> objects = identity_objects(test_node());
  EXPECT_EQ(types_of(objects), (std::vector<std::string>{"identity", "location", "relationship"}));
  EXPECT_EQ(objects[0]["identity_class"], "organization");
  EXPECT_EQ(objects[0]["sectors"], nlohmann::json::array({"government-national"}));
  EXPECT_EQ(objects[1]["country"], "VN");
  EXPECT_EQ(objects[2]["relationship_type"], "located-at");
  EXPECT_EQ(objects[2]["source_ref"], objects[0]["id"]);
  EXPECT_EQ(objects[2]["target_ref"], objects[1]["id"]);
}

TEST(Indicator, OfALureAccountMatchesItsObservable) {
  const LureAccount lure{selector("telegram:lucky_job"), *parse_rfc3339("2026-02-01T00:00:00Z"), model::Tlp::green,
                         "Advertised on job boards"};
  const nlohmann::json got = lure_indicator_object(lure, test_node());
  EXPECT_EQ(got["pattern"], "[user-account:account_type = 'telegram' AND user-account:account_login = 'lucky_job']");
  EXPECT_EQ(got["pattern_type"], "stix");
  EXPECT_EQ(got["valid_from"], "2026-02-01T00:00:00.000Z");
  EXPECT_EQ(got["indicator_types"], nlohmann::json::array({"malicious-activity"}));
  EXPECT_EQ(got["object_marking_refs"], nlohmann::json::array({tlp_marking_id(model::Tlp::green)}));
  EXPECT_EQ(got["id"], lure_indicator_object(lure, test_node())["id"]);
}

TEST(Sighting, OfALureAccountIsASightingOfItsIndicatorByTheNode) {
  const Timestamp first = *parse_rfc3339("2026-02-01T00:00:00Z");
  const std::string seen_in = observed_data_object_id("VN-MPS", "2026-0001");
  const std::vector<nlohmann::json> got =
      lure_account_objects({selector("phone:+84912345678"), first, model::Tlp::amber, ""},
                           {"", {seen_in}, first, *parse_rfc3339("2026-02-03T00:00:00Z"), 4, model::Tlp::amber},
                           test_node());
  ASSERT_EQ(types_of(got), (std::vector<std::string>{"indicator", "sighting"}));
  EXPECT_EQ(got[1]["sighting_of_ref"], got[0]["id"]);
  EXPECT_EQ(got[1]["observed_data_refs"], nlohmann::json::array({seen_in}));
  EXPECT_EQ(got[1]["where_sighted_refs"], nlohmann::json::array({identity_id(test_node())}));
  EXPECT_EQ(got[1]["count"], 4);
  EXPECT_EQ(got[1]["last_seen"], "2026-02-03T00:00:00.000Z");
}

TEST(Bundle, KeepsEachIdOnceWithTheMostRestrictiveMarkingAndAddsDefinitions) {
  model::Report amber = test_report(model::Tlp::amber);
  model::Report red = test_report(model::Tlp::red);
  red.id = "2026-0002";
  std::vector<nlohmann::json> objects = report_objects(amber, test_node());
  for (nlohmann::json& object : report_objects(red, test_node())) {
    objects.push_back(std::move(object));
  }
  const nlohmann::json bundle = make_bundle(objects);
  EXPECT_EQ(bundle["type"], "bundle");
  EXPECT_TRUE(bundle["id"].get<std::string>().starts_with("bundle--"));
  std::set<std::string> ids;
  std::size_t definitions = 0;
  for (const nlohmann::json& object : bundle["objects"]) {
    EXPECT_TRUE(ids.insert(object["id"]).second) << "twice: " << object["id"];
    definitions += object["type"] == "extension-definition" ? 1 : 0;
    if (object["id"] == selector_object_id(selector("telegram:lucky_job"))) {
      EXPECT_EQ(object["object_marking_refs"], nlohmann::json::array({tlp_marking_id(model::Tlp::red)}));
    }
  }
  EXPECT_TRUE(ids.contains(std::string(tlp_marking_id(model::Tlp::amber))));
  EXPECT_TRUE(ids.contains(std::string(tlp_marking_id(model::Tlp::red))));
  EXPECT_FALSE(ids.contains(std::string(tlp_marking_id(model::Tlp::green))));
  EXPECT_TRUE(ids.contains(jala_identity_id()));
  EXPECT_EQ(definitions, 4U);  // phone-number, cryptocurrency-wallet, bank-account and the report extension
  // 2 reports, 2 observed-data, the SCOs once, 2 markings, 4 definitions and their author.
  EXPECT_EQ(bundle["objects"].size(), 4 + amber.selectors.size() + 2 + 4 + 1);
}

TEST(NetworkObjects, AreAGroupingAndTheLinksWithTheirReasons) {
  NetworkExport network;
  network.id = "N0123456789ab";
  network.score = 7.5;
  network.reports = {{"VN-MPS", "1"}, {"TH-CIB", "9"}};
  network.links = {{selector("phone:+84912345678"), {{"VN-MPS", "1"}, {"TH-CIB", "9"}}, {}}};
  network.countries = {"TH", "VN"};
  network.victims = 2;
  network.first_report = *parse_rfc3339("2026-01-01T00:00:00Z");
  network.last_report = *parse_rfc3339("2026-02-01T00:00:00Z");
  network.tlp = model::Tlp::amber_strict;
  const std::vector<nlohmann::json> objects = network_objects(network, test_node());
  ASSERT_EQ(types_of(objects), (std::vector<std::string>{"grouping", "relationship", "relationship"}));
  const nlohmann::json& grouping = objects[0];
  EXPECT_EQ(grouping["context"], "suspicious-activity");
  EXPECT_EQ(grouping["id"], network_object_id("N0123456789ab"));
  EXPECT_EQ(grouping["object_marking_refs"], nlohmann::json::array({tlp_marking_id(model::Tlp::amber_strict)}));
  const std::set<std::string> refs(grouping["object_refs"].begin(), grouping["object_refs"].end());
  EXPECT_TRUE(refs.contains(report_object_id("VN-MPS", "1")));
  EXPECT_TRUE(refs.contains(report_object_id("TH-CIB", "9")));
  EXPECT_TRUE(refs.contains(selector_object_id(selector("phone:+84912345678"))));
  EXPECT_EQ(objects[1]["source_ref"], report_object_id("VN-MPS", "1"));
  EXPECT_EQ(objects[1]["target_ref"], selector_object_id(selector("phone:+84912345678")));
  EXPECT_EQ(objects[1]["relationship_type"], "related-to");
  EXPECT_EQ(objects[1]["description"],
            "Report VN-MPS/1 names phone:+84912345678, which other reports also name; the shared selector links them "
            "into one network.");
}

TEST(NetworkExport, TakesTheLinksWhoNamesThemAndTheTlpFromTheLinkInput) {
  graph::LinkInput input;
  const graph::SelectorId phone = input.add_selector(selector("phone:+84912345678"));
  const graph::SelectorId alone = input.add_selector(selector("telegram:lucky_job"));
  const std::vector<graph::SelectorId> first = {phone, alone};
  const std::vector<graph::SelectorId> second = {phone};
  input.add_report({"VN-MPS", "1", model::ReportKind::victim_complaint, "VN", "", {}, {}, model::Tlp::clear}, first);
  input.add_report({"TH-CIB", "9", model::ReportKind::lure_ad, "TH", "", {}, {}, model::Tlp::green}, second);
  graph::NetworkSummary summary;
  summary.id = "N1";
  summary.reports = {0, 1};
  summary.selectors = {phone};
  const NetworkExport got = network_export(input, summary);
  ASSERT_EQ(got.links.size(), 1U);
  EXPECT_EQ(got.links[0].selector, selector("phone:+84912345678"));
  EXPECT_EQ(got.links[0].reports, (std::vector<ReportKey>{{"VN-MPS", "1"}, {"TH-CIB", "9"}}));
  EXPECT_EQ(got.reports, (std::vector<ReportKey>{{"VN-MPS", "1"}, {"TH-CIB", "9"}}));
  EXPECT_EQ(got.tlp, model::Tlp::green) << "the most restrictive level of its reports";
}

// Found in review: a link written in two forms was told to partners as two selectors "which other reports
// also name", though each form was named by one report only.
TEST(NetworkExport, ALinkInTwoFormsIsToldAsOneWithEachReportsOwnForm) {
  graph::LinkInput input;
  const graph::SelectorId plain = input.add_selector(selector("url:http://bit.ly/3abcXYZ"));
  const graph::SelectorId secure = input.add_selector(selector("url:https://bit.ly/3abcXYZ"));
  input.add_report({"VN-MPS", "sms", model::ReportKind::victim_complaint, "VN", "", {}, {}, model::Tlp::clear},
                   std::vector{plain});
  input.add_report({"TH-CIB", "ad", model::ReportKind::lure_ad, "TH", "", {}, {}, model::Tlp::clear},
                   std::vector{secure});
  graph::NetworkSummary summary;
  summary.id = "N1";
  summary.reports = {0, 1};
  summary.selectors = {plain, secure};
  const NetworkExport got = network_export(input, summary);
  ASSERT_EQ(got.links.size(), 2U);
  EXPECT_EQ(got.links[0].reports, (std::vector<ReportKey>{{"VN-MPS", "sms"}}));
  EXPECT_EQ(got.links[0].same_link_as, std::vector{selector("url:https://bit.ly/3abcXYZ")});
  EXPECT_EQ(got.links[1].reports, (std::vector<ReportKey>{{"TH-CIB", "ad"}}));
  EXPECT_EQ(got.links[1].same_link_as, std::vector{selector("url:http://bit.ly/3abcXYZ")});
  const std::vector<nlohmann::json> objects = network_objects(got, test_node());
  ASSERT_EQ(objects.size(), 3U);
  EXPECT_EQ(objects[0]["description"], "Jala network N1: 2 reports linked by 1 shared selectors.");
  EXPECT_EQ(objects[1]["target_ref"], selector_object_id(selector("url:http://bit.ly/3abcXYZ")));
  EXPECT_EQ(objects[1]["description"],
            "Report VN-MPS/sms names url:http://bit.ly/3abcXYZ, one link with url:https://bit.ly/3abcXYZ, which "
            "other reports also name in one of these forms; the shared link links them into one network.");
  EXPECT_EQ(objects[2]["target_ref"], selector_object_id(selector("url:https://bit.ly/3abcXYZ")));
}

}  // namespace
}  // namespace jala::share
