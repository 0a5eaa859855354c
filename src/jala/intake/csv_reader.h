// Reads RFC 4180 CSV records from a byte stream: comma-separated fields, double-quoted fields that may
// hold commas, doubled quotes and line breaks. Built on LineReader, so memory stays bounded: a record
// longer than the limit is skipped and reported. Not thread-safe; one reader per stream.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jala/intake/line_reader.h"

namespace jala::intake {

struct CsvRecord {
  std::uint64_t line = 0;           // line where the record starts, 1-based
  std::vector<std::string> fields;  // empty when `status` failed
  Status status;                    // a malformed record: unbalanced quotes, too long
};

class CsvReader {
 public:
  CsvReader(ByteSource& source, std::size_t max_record_bytes);

  // The next record, or nullopt at the end. Blank lines are skipped.
  Result<std::optional<CsvRecord>> next();
  std::uint64_t bytes_consumed() const { return m_lines.bytes_consumed(); }

 private:
  // Reads on to the end of a record too long to keep: while `inside` a quoted field, to the line that
  // closes it.
  Status skip_quoted_rest(bool inside);

  LineReader m_lines;
  std::size_t m_max_record_bytes;
  std::string m_record;
};

// Splits one complete record's text into fields. Fails on a stray quote inside an unquoted field, text
// after a closing quote, or an unclosed quote.
Status split_csv_record(std::string_view text, std::vector<std::string>& fields);

}  // namespace jala::intake
