// Importing what others publish: the OASIS STIX 2.1 examples, the cti-python-stix2 test data, misp-stix's
// STIX 2.1 exports, and PyMISP's MISP events (../shared/datasets). Each document must import without a
// document error and without a failed report, and together they must give a sensible number of reports
// and selectors. Skips, saying why, when the datasets are absent.
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "jala/share/misp_import.h"
#include "jala/share/stix_import.h"

namespace jala::share {
namespace {

namespace fs = std::filesystem;

fs::path datasets() { return fs::path(JALA_SHARED_DIR) / "datasets"; }

std::string read_file(const fs::path& path) {
  std::stringstream text;
  text << std::ifstream(path, std::ios::binary).rdbuf();
  return text.str();
}

std::vector<fs::path> json_files(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

ImportOptions foreign_feed() {
  ImportOptions options;
  options.default_country = "US";
  options.default_time = *parse_rfc3339("2026-01-01T00:00:00Z");
  return options;
}

struct Totals {
  std::size_t documents = 0;
  std::size_t reports = 0;
  std::size_t selectors = 0;
  std::set<model::Selector> distinct;
};

// Imports every document; each must import, and each of its reports must be valid.
Totals import_all(const std::vector<fs::path>& files,
                  Result<DocumentImport> (*importer)(std::string_view, const ImportOptions&)) {
  Totals totals;
  for (const fs::path& file : files) {
    const Result<DocumentImport> got = importer(read_file(file), foreign_feed());
    EXPECT_TRUE(got.ok()) << file << ": " << got.error().message();
    if (!got.ok()) {
      continue;
    }
    ++totals.documents;
    for (const ImportedReport& report : got->reports) {
      EXPECT_TRUE(report.report.ok()) << file << ": " << report.origin << ": " << report.report.error().message();
      if (report.report.ok()) {
        ++totals.reports;
        totals.selectors += report.report->selectors.size();
        for (const model::ReportSelector& selector : report.report->selectors) {
          totals.distinct.insert(selector.selector);
        }
      }
    }
  }
  return totals;
}

class Datasets : public ::testing::Test {
 protected:
  void need(const fs::path& folder) {
    if (!fs::is_directory(folder)) {
      GTEST_SKIP() << folder << " is absent: this test needs ../shared/datasets";
    }
  }
};

TEST_F(Datasets, OasisStixExamplesImport) {
  const fs::path examples = datasets() / "stix21-cti-documentation-examples" / "examples" / "example_json";
  const fs::path schema_examples = datasets() / "stix2-json-schemas" / "examples";
  need(examples);
  need(schema_examples);
  std::vector<fs::path> files = json_files(examples);
  for (const fs::path& file : json_files(schema_examples)) {
    files.push_back(file);
  }
  const Totals got = import_all(files, import_stix);
  EXPECT_EQ(got.documents, files.size());
  EXPECT_GE(got.reports, 10U);
  EXPECT_GE(got.distinct.size(), 30U);
  // The OASIS example "Indicator for a malicious URL".
  EXPECT_TRUE(got.distinct.contains(*model::parse_selector("url:http://x4z9arb.cn/4712/", {})));
}

TEST_F(Datasets, Stix2PythonTestDataImports) {
  const fs::path folder = datasets() / "stix2-python-testdata";
  need(folder);
  const Totals got = import_all(json_files(folder), import_stix);
  // The SCO examples bundle is one list of loose observables: one report naming its e-mail addresses,
  // addresses, domain, url and twitter account.
  EXPECT_GE(got.reports, 1U);
  EXPECT_GE(got.distinct.size(), 15U);
  EXPECT_TRUE(got.distinct.contains(*model::parse_selector("x:thegrugq_ebooks", {})));
}

TEST_F(Datasets, MispStixExportsImport) {
  const fs::path folder = datasets() / "misp-stix-testdata" / "tests";
  need(folder);
  std::vector<fs::path> files;
  for (const fs::path& file : json_files(folder)) {
    if (file.filename().string().find("stix21") != std::string::npos) {
      files.push_back(file);
    }
  }
  const Totals got = import_all(files, import_stix);
  EXPECT_EQ(got.documents, files.size());
  EXPECT_GE(got.reports, 10U);  // each event is a grouping; attribute collections give observed-data reports
  EXPECT_GE(got.distinct.size(), 4U);
}

TEST_F(Datasets, PymispEventsImport) {
  const fs::path folder = datasets() / "pymisp-events" / "tests";
  need(folder);
  // Events are the documents with an Event, or an event's info; the rest of the folder is galaxies,
  // object templates, sightings, a STIX bundle, and fragments that hold only objects.
  std::vector<fs::path> events;
  for (const fs::path& file : json_files(folder)) {
    const nlohmann::json document = nlohmann::json::parse(read_file(file), nullptr, false);
    if (document.is_object() &&
        (document.contains("Event") || document.contains("info") || document.contains("response"))) {
      events.push_back(file);
    } else {
      // Never a crash, and a reason when it is refused.
      const Result<DocumentImport> got = import_misp(read_file(file), foreign_feed());
      if (!got.ok()) {
        EXPECT_EQ(got.error().code(), ErrorCode::invalid_argument) << file;
      }
    }
  }
  EXPECT_GE(events.size(), 15U);
  const Totals got = import_all(events, import_misp);
  EXPECT_EQ(got.documents, events.size());
  EXPECT_GE(got.reports, events.size());
  EXPECT_GE(got.distinct.size(), 60U);
}

TEST_F(Datasets, MispJsonEventsOfMispStixImport) {
  const fs::path folder = datasets() / "misp-stix-testdata" / "tests";
  need(folder);
  const std::vector<fs::path> files = {folder / "test_events_collection_1.json",
                                       folder / "test_events_collection_2.json"};
  const Totals got = import_all(files, import_misp);
  EXPECT_GE(got.reports, 4U);
}

}  // namespace
}  // namespace jala::share
