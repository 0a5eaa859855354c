// Regression: a CSV field with invalid UTF-8 (found by fuzz_csv_reader) reached the JSON renderer,
// which threw and ended the process. Invalid UTF-8 must be a clean, named rejection of that record.
#include <gtest/gtest.h>

#include "jala/intake/record_reader.h"

namespace jala::intake {
namespace {

TEST(Regression, CsvFieldWithInvalidUtf8IsRejectedNotFatal) {
  const std::string data =
      "id,source,kind,country,reported_at,selectors,text\n"
      "r1,VN-MPS,victim_complaint,VN,2025-11-02T10:00:00Z,telegram:@ab\x9c" "cdef,text\n"
      "r2,VN-MPS,victim_complaint,VN,2025-11-02T10:00:00Z,,ok\n";
  StringByteSource source(data);
  const auto reader = make_record_reader(Format::csv, source);
  auto first = reader->next();
  ASSERT_TRUE(first.ok() && *first);
  ASSERT_FALSE((*first)->record.ok());
  EXPECT_NE((*first)->record.error().message().find("field 6 is not valid UTF-8"), std::string::npos);
  auto second = reader->next();
  ASSERT_TRUE(second.ok() && *second);
  EXPECT_TRUE((*second)->record.ok());
}

TEST(Regression, ModelRejectsASelectorWhoseRawTextIsInvalidUtf8) {
  model::Report report;
  report.source = "S";
  report.id = "1";
  report.country = "VN";
  report.selectors.push_back({model::Selector{model::SelectorType::telegram, "abcdef"}, "@ab\x9c"});
  const Status got = model::validate(report);
  ASSERT_FALSE(got.ok());
  EXPECT_NE(got.error().message().find("selectors[0]"), std::string::npos);
}

}  // namespace
}  // namespace jala::intake
