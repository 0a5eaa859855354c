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

// Found in review: after a record over the limit, the rest of its quoted field was read as records, and
// its closing quote opened a field that swallowed the valid records after it, unnamed. The reader now
// skips to the record's real end, over lines too long to hold as well.
TEST(CsvReader, ReadsOnAfterTheWholeOfARecordOverTheLimit) {
  const std::string long_text =
      std::string(30, 'a') + "\n" + std::string(30, 'b') + "\n" + std::string(50, 'c') + "\nend of text\"";
  const std::vector<CsvRecord> got = read_all("e1,one\ne2,\"" + long_text + "\ne3,three\ne4,\"quoted\"\ne5,five\n", 40);
  ASSERT_EQ(got.size(), 5u);
  EXPECT_EQ(got[0].fields, (Fields{"e1", "one"}));
  EXPECT_FALSE(got[1].status.ok());
  EXPECT_EQ(got[1].line, 2u);
  EXPECT_EQ(got[2].fields, (Fields{"e3", "three"}));
  EXPECT_EQ(got[2].line, 6u);
  EXPECT_EQ(got[3].fields, (Fields{"e4", "quoted"}));
  EXPECT_EQ(got[4].fields, (Fields{"e5", "five"}));
}

}  // namespace
}  // namespace jala::intake
