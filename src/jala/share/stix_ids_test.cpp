#include "jala/share/stix_ids.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "jala/share/stix_common.h"
#include "jala/share/stix_selectors.h"

namespace jala::share {
namespace {

constexpr Uuid k_dns_namespace = {0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1,
                                  0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};

TEST(UuidV5, MatchesTheRfc9562Example) {
  // RFC 9562 appendix A.4: UUIDv5 of "www.example.com" in the DNS namespace.
  EXPECT_EQ(format_uuid(uuid_v5(k_dns_namespace, "www.example.com")), "2ed6657d-e927-568b-95e1-2665a8aea6a2");
}

TEST(ScoId, MatchesTheStixSpecificationExamples) {
  // STIX 2.1 Errata 01 corrected its examples to the ids the section 2.9 algorithm gives.
  EXPECT_EQ(sco_id("domain-name", {{"value", "example.com"}}), "domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7");
  EXPECT_EQ(sco_id("ipv4-addr", {{"value", "198.51.100.3"}}), "ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4");
}

TEST(ScoId, OfSelectorsUsesTheIdContributingPropertiesOnly) {
  struct Case {
    model::Selector selector;
    std::string want;
  };
  // Wants computed independently: Python's uuid.uuid5 over json.dumps(sort_keys, compact separators).
  const std::vector<Case> cases = {
      {{model::SelectorType::domain, "example.com"}, "domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7"},
      {{model::SelectorType::ip, "198.51.100.3"}, "ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4"},
      {{model::SelectorType::telegram, "lucky_job"}, "user-account--64424286-f07f-5ee8-8fff-ba324e8ac084"},
      {{model::SelectorType::phone, "+84912345678"}, "phone-number--dbc73286-5e47-5b54-a12b-19136a6eb4a2"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(selector_object_id(c.selector), c.want) << c.selector.to_string();
  }
}

TEST(CanonicalJson, SortsKeysAndEscapesMinimally) {
  const nlohmann::json document = {{"value", "qu\xC3\xAA\x01\"\\"}, {"account_type", "x"}};
  EXPECT_EQ(canonical_json(document), "{\"account_type\":\"x\",\"value\":\"qu\xC3\xAA\\u0001\\\"\\\\\"}");
}

TEST(JalaObjectId, IsTheUuidV5OfTheTypeAndPartsInJalasNamespace) {
  // Python: uuid5(UUID('573ed034-9bea-41aa-a2eb-949e187ebcda'), '["report","VN-MPS","123"]').
  EXPECT_EQ(jala_object_id("report", {"VN-MPS", "123"}), "report--233b2aec-c1b8-5611-a5ae-b152f06ca798");
  // Parts cannot run into one another: ("a|b", "c") and ("a", "b|c") differ.
  EXPECT_NE(jala_object_id("report", {"a|b", "c"}), jala_object_id("report", {"a", "b|c"}));
}

TEST(StixTime, HasExactlyThreeFractionDigits) {
  struct Case {
    std::int64_t micros;
    std::string want;
  };
  const std::vector<Case> cases = {
      {0, "1970-01-01T00:00:00.000Z"},
      {1'500'000, "1970-01-01T00:00:01.500Z"},
      {1'772'327'700'123'999, "2026-03-01T01:15:00.123Z"},
      {-1, "1969-12-31T23:59:59.999Z"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(format_stix_time(Timestamp{c.micros}), c.want) << c.micros;
  }
}

}  // namespace
}  // namespace jala::share
