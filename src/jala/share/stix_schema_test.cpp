// Every kind of object Jala exports validates against the official OASIS STIX 2.1 JSON schemas
// (../shared/datasets/stix2-json-schemas), checked by tests/share/validate_stix.py with
// python3-jsonschema. Skips, saying why, when either is missing.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "jala/share/stix_export.h"
#include "jala/share/stix_network.h"
#include "jala/share/stix_values_for_tests.h"
#include "support/scratch_folder.h"

namespace jala::share {
namespace {

namespace fs = std::filesystem;
using testing::selector;
using testing::test_node;
using testing::test_report;

fs::path schemas_dir() { return fs::path(JALA_SHARED_DIR) / "datasets" / "stix2-json-schemas"; }
fs::path validator_script() { return fs::path(JALA_SOURCE_DIR) / "tests" / "share" / "validate_stix.py"; }

struct Validation {
  int exit_code = 0;
  std::string output;
};

// Writes the document and runs the validator over it.
Validation validate(const nlohmann::json& document, std::string_view name) {
  const jala::testing::ScratchFolder scratch("stix-schema");
  const fs::path input = scratch.path() / fmt::format("{}.json", name);
  const fs::path output = scratch.path() / fmt::format("{}.out", name);
  std::ofstream(input) << document.dump(2);
  const std::string command = fmt::format("python3 '{}' '{}' '{}' > '{}' 2>&1", validator_script().string(),
                                          schemas_dir().string(), input.string(), output.string());
  const int status = std::system(command.c_str());
  std::stringstream text;
  text << std::ifstream(output).rdbuf();
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text.str()};
}

// A realistic export: the node, a report at every TLP level naming a selector of every type, their
// network, lure indicators, a sighting; make_bundle adds the markings and extension definitions.
nlohmann::json realistic_bundle() {
  const NodeIdentity node = test_node();
  std::vector<nlohmann::json> objects = identity_objects(node);
  NetworkExport network;
  network.id = "N0123456789ab";
  network.score = 11.25;
  network.first_report = *parse_rfc3339("2026-03-01T00:00:00Z");
  network.last_report = *parse_rfc3339("2026-03-05T00:00:00Z");
  network.countries = {"TH", "VN"};
  network.victims = 5;
  network.loss_usd = 7500;
  network.tlp = model::Tlp::red;
  for (const model::Tlp level : model::k_tlp_levels) {
    model::Report report = test_report(level);
    report.id = fmt::format("2026-{}", model::to_string(level));
    for (nlohmann::json& object : report_objects(report, node)) {
      objects.push_back(std::move(object));
    }
    network.reports.push_back({report.source, report.id});
  }
  for (const std::string_view typed : {"phone:+84912345678", "telegram:lucky_job", "bank:BFTVVNVX:0123456789"}) {
    network.links.push_back({selector(typed), network.reports, {}});
  }
  for (nlohmann::json& object : network_objects(network, node)) {
    objects.push_back(std::move(object));
  }
  for (const std::string_view typed :
       {"telegram:lucky_job", "url:https://example.com/a'b\\c", "wallet:eth:0x52908400098527886e0f7030069857d2e4169ee7",
        "iban:GB82WEST12345698765432", "email:scam.desk@example.com"}) {
    objects.push_back(lure_indicator_object(
        {selector(typed), *parse_rfc3339("2026-02-01T00:00:00Z"), model::Tlp::green, "Seen in job ads"}, node));
  }
  const Timestamp first = *parse_rfc3339("2026-03-01T00:00:00Z");
  for (nlohmann::json& object :
       lure_account_objects({selector("phone:+84912345678"), first, model::Tlp::amber, "Seen in job ads"},
                            {"", {observed_data_object_id(test_report(model::Tlp::amber).source, "2026-amber")}, first,
                             *parse_rfc3339("2026-03-04T12:00:00Z"), 3, model::Tlp::amber},
                            node)) {
    objects.push_back(std::move(object));
  }
  return make_bundle(objects);
}

class StixSchema : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::is_directory(schemas_dir() / "schemas")) {
      GTEST_SKIP() << schemas_dir() << " is absent: this test needs ../shared/datasets/stix2-json-schemas";
    }
    if (std::system("python3 -c 'import jsonschema' > /dev/null 2>&1") != 0) {
      GTEST_SKIP() << "python3 with jsonschema is absent (Debian package python3-jsonschema; scripts/install-deps)";
    }
  }
};

TEST_F(StixSchema, EveryExportedObjectValidates) {
  const nlohmann::json bundle = realistic_bundle();
  std::set<std::string> types;
  for (const nlohmann::json& object : bundle["objects"]) {
    types.insert(object["type"]);
  }
  const std::set<std::string> want_types = {"bank-account",
                                            "cryptocurrency-wallet",
                                            "domain-name",
                                            "email-addr",
                                            "extension-definition",
                                            "grouping",
                                            "identity",
                                            "indicator",
                                            "ipv4-addr",
                                            "ipv6-addr",
                                            "location",
                                            "marking-definition",
                                            "observed-data",
                                            "phone-number",
                                            "relationship",
                                            "report",
                                            "sighting",
                                            "url",
                                            "user-account"};
  EXPECT_EQ(types, want_types);

  const Validation got = validate(bundle, "bundle");
  EXPECT_EQ(got.exit_code, 0) << got.output;
  EXPECT_NE(got.output.find("0 errors"), std::string::npos) << got.output;
}

TEST_F(StixSchema, ValidatorRejectsABrokenObject) {
  // The control that shows the check is real: a report without `published` and with a second-precision
  // `created` breaks the report schema.
  nlohmann::json bundle = realistic_bundle();
  for (nlohmann::json& object : bundle["objects"]) {
    if (object["type"] == "report") {
      object.erase("published");
      object["created"] = "2026-03-01T01:15:00Z";
      break;
    }
  }
  const Validation got = validate(bundle, "broken");
  EXPECT_EQ(got.exit_code, 1) << got.output;
  EXPECT_NE(got.output.find("'published' is a required property"), std::string::npos) << got.output;
}

}  // namespace
}  // namespace jala::share
