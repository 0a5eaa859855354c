// Splits a byte stream into lines without ever holding more than one bounded buffer: memory stays
// constant whatever the input size. Accepts LF and CRLF endings and a UTF-8 byte-order mark at the
// start. A line longer than the limit is skipped and reported as too long, never truncated.
// Not thread-safe; one reader per stream.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "jala/intake/byte_source.h"

namespace jala::intake {

struct Line {
  std::string_view text;    // without the line ending; valid until the next call to next()
  std::uint64_t number = 0;  // 1-based
  bool too_long = false;     // the line exceeded the limit; `text` is empty
};

class LineReader {
 public:
  LineReader(ByteSource& source, std::size_t max_line_bytes);

  // The next line, or nullopt at the end of the input.
  Result<std::optional<Line>> next();
  // Bytes consumed so far, for progress.
  std::uint64_t bytes_consumed() const { return m_consumed; }

 private:
  Status fill();
  Line take_line(std::size_t length, std::size_t consumed, bool skipping);

  ByteSource& m_source;
  std::size_t m_max_line_bytes;
  std::vector<char> m_buffer;
  std::size_t m_begin = 0;  // first unconsumed byte
  std::size_t m_end = 0;    // one past the last byte read
  std::size_t m_scanned = 0;  // bytes after m_begin already searched for '\n'
  bool m_at_eof = false;
  bool m_at_start = true;
  std::uint64_t m_line_number = 0;
  std::uint64_t m_consumed = 0;
};

}  // namespace jala::intake
