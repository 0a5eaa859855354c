#include "jala/intake/csv_reader.h"

#include <gtest/gtest.h>

namespace jala::intake {
namespace {

std::vector<CsvRecord> read_all(std::string_view data, std::size_t max_bytes = 1000) {
  StringByteSource source(data);
  CsvReader reader(source, max_bytes);
  std::vector<CsvRecord> out;
  while (true) {
    Result<std::optional<CsvRecord>> record = reader.next();
    EXPECT_TRUE(record.ok());
    if (!record.ok() || !*record) break;
    out.push_back(std::move(**record));
  }
  return out;
}

using Fields = std::vector<std::string>;

TEST(CsvReader, ReadsQuotedFieldsWithCommasQuotesAndLineBreaks) {
  const std::vector<CsvRecord> got = read_all("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"line1\nline2\"\n1,,3\r\n");
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].fields, (Fields{"a", "b", "c"}));
  EXPECT_EQ(got[1].fields, (Fields{"x, y", "say \"hi\"", "line1\nline2"}));
  EXPECT_EQ(got[1].line, 2u);
  EXPECT_EQ(got[2].fields, (Fields{"1", "", "3"}));
  EXPECT_EQ(got[2].line, 4u);
}

TEST(CsvReader, AStrayQuoteSpoilsOnlyItsOwnRecord) {
  const std::vector<CsvRecord> got = read_all("a,b\"c,d\nok,1\n");
  ASSERT_EQ(got.size(), 2u);
  ASSERT_FALSE(got[0].status.ok());
  EXPECT_NE(got[0].status.error().message().find("quote inside unquoted field 2"), std::string::npos);
  EXPECT_EQ(got[1].fields, (Fields{"ok", "1"}));
}

TEST(CsvReader, ReportsTextAfterAClosingQuote) {
  const std::vector<CsvRecord> got = read_all("\"a\"b,c\n");
  ASSERT_EQ(got.size(), 1u);
  ASSERT_FALSE(got[0].status.ok());
  EXPECT_NE(got[0].status.error().message().find("after a closing quote"), std::string::npos);
}

TEST(CsvReader, ReportsAnUnclosedQuoteAtTheEnd) {
  const std::vector<CsvRecord> got = read_all("ok\n\"never closed\nmore");
  ASSERT_EQ(got.size(), 2u);
  ASSERT_FALSE(got[1].status.ok());
  EXPECT_NE(got[1].status.error().message().find("not closed"), std::string::npos);
}

TEST(CsvReader, BoundsRecordSize) {
  const std::vector<CsvRecord> got = read_all("\"" + std::string(30, 'x') + "\n" + std::string(30, 'y') + "\"\nok\n", 40);
  ASSERT_GE(got.size(), 1u);
  ASSERT_FALSE(got[0].status.ok());
  EXPECT_NE(got[0].status.error().message().find("longer than 40 bytes"), std::string::npos);
}

}  // namespace
}  // namespace jala::intake
