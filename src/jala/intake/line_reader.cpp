#include "jala/intake/line_reader.h"

#include <algorithm>
#include <cstring>

namespace jala::intake {
namespace {

constexpr std::size_t k_read_chunk = 1 << 20;
constexpr std::size_t k_initial_buffer = 64 << 10;

}  // namespace

// The buffer starts small and doubles while a line does not fit, up to one longest line plus one read.
LineReader::LineReader(ByteSource& source, std::size_t max_line_bytes)
    : m_source(source),
      m_max_line_bytes(max_line_bytes),
      m_buffer(std::min(k_initial_buffer, max_line_bytes + k_read_chunk + 2)) {}

// Moves the unconsumed bytes to the front, grows the buffer if it is full, and reads more.
Status LineReader::fill() {
  if (m_begin > 0) {
    std::memmove(m_buffer.data(), m_buffer.data() + m_begin, m_end - m_begin);
    m_end -= m_begin;
    m_begin = 0;
  }
  const std::size_t largest = m_max_line_bytes + k_read_chunk + 2;
  if (m_end == m_buffer.size() && m_buffer.size() < largest) {
    m_buffer.resize(std::min(largest, m_buffer.size() * 2));
  }
  JALA_TRY_ASSIGN(const std::size_t count,
                  m_source.read(std::span<char>(m_buffer.data() + m_end, m_buffer.size() - m_end)));
  if (count == 0) m_at_eof = true;
  m_end += count;
  if (m_at_start && m_end - m_begin >= 3) {
    if (std::memcmp(m_buffer.data() + m_begin, "\xEF\xBB\xBF", 3) == 0) {
      m_begin += 3;
      m_consumed += 3;
      m_scanned = 0;
    }
    m_at_start = false;
  }
  if (m_at_eof) m_at_start = false;
  return {};
}

// The line of `length` bytes at the start of the unconsumed input, consuming `consumed` bytes (the
// line and its newline, if any).
Line LineReader::take_line(std::size_t length, std::size_t consumed, bool skipping) {
  Line line;
  line.number = ++m_line_number;
  line.too_long = skipping || length > m_max_line_bytes;
  if (!line.too_long) {
    line.text = std::string_view(m_buffer.data() + m_begin, length);
    if (line.text.ends_with('\r')) line.text.remove_suffix(1);
  }
  m_begin += consumed;
  m_consumed += consumed;
  m_scanned = 0;
  return line;
}

Result<std::optional<Line>> LineReader::next() {
  bool skipping = false;  // inside a line that is already too long
  while (true) {
    const char* start = m_buffer.data() + m_begin;
    const std::size_t available = m_end - m_begin;
    const void* newline = std::memchr(start + m_scanned, '\n', available - m_scanned);
    if (newline != nullptr) {
      const auto length = static_cast<std::size_t>(static_cast<const char*>(newline) - start);
      return std::optional<Line>(take_line(length, length + 1, skipping));
    }
    if (m_at_eof) {
      if (available == 0 && !skipping) return std::optional<Line>();
      return std::optional<Line>(take_line(available, available, skipping));
    }
    if (available > m_max_line_bytes) {
      // Too long to keep: drop what we have and remember to drop the rest of the line.
      skipping = true;
      m_consumed += available;
      m_begin = m_end;
      m_scanned = 0;
    } else {
      m_scanned = available;
    }
    JALA_TRY(fill());
  }
}

}  // namespace jala::intake
