#include "jala/intake/piece_reader.h"

#include <algorithm>

namespace jala::intake {
namespace {

bool is_utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// A byte no selector holds, before which a piece may end: a delimiter of lists and dumps, or the lead
// byte of a Chinese, Japanese or Korean character (U+3000 to U+DFFF; not the full-width forms, which
// read as ASCII). Letters and digits, and the punctuation of addresses, numbers and links, are not.
bool is_cut_before(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return c == ',' || c == ';' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '|' ||
         (byte >= 0xE3 && byte <= 0xED);
}

// Where a full buffer is cut: after the last line break, else after the last blank, else before the last
// byte no selector holds (is_cut_before), so that a selector is neither split nor read in two parts; else
// before the last character that starts at or after the middle. The cut is in the second half, so that
// a piece is never empty.
std::size_t cut_point(const std::string& buffer) {
  if (const std::size_t newline = buffer.rfind('\n'); newline != std::string::npos) return newline + 1;
  if (const std::size_t blank = buffer.find_last_of(" \t"); blank != std::string::npos) return blank + 1;
  for (std::size_t cut = buffer.size() - 1; cut > buffer.size() / 2; --cut) {
    if (is_cut_before(buffer[cut])) return cut;
  }
  std::size_t cut = buffer.size();
  while (cut > buffer.size() / 2 && is_utf8_continuation(buffer[cut - 1])) --cut;
  // The byte before the cut is now a lead byte or ASCII; cut before a lead byte so its character stays whole.
  if (cut > buffer.size() / 2 && static_cast<unsigned char>(buffer[cut - 1]) >= 0xC0) --cut;
  return cut > buffer.size() / 2 ? cut : buffer.size();
}

}  // namespace

PieceReader::PieceReader(ByteSource& source, std::size_t piece_bytes)
    : m_source(source), m_piece_bytes(std::max<std::size_t>(piece_bytes, 16)) {}

Result<std::optional<Piece>> PieceReader::next() {
  std::string buffer = std::move(m_carry);
  m_carry.clear();
  while (!m_at_eof && buffer.size() < m_piece_bytes) {
    const std::size_t filled = buffer.size();
    buffer.resize(m_piece_bytes);
    JALA_TRY_ASSIGN(const std::size_t count,
                    m_source.read(std::span<char>(buffer.data() + filled, m_piece_bytes - filled)));
    buffer.resize(filled + count);
    if (count == 0) m_at_eof = true;
  }
  if (buffer.empty()) return std::optional<Piece>();
  if (!m_at_eof) {
    const std::size_t cut = cut_point(buffer);
    m_carry.assign(buffer, cut);
    buffer.resize(cut);
  }
  Piece piece{std::move(buffer), m_offset};
  m_offset += piece.text.size();
  return std::optional<Piece>(std::move(piece));
}

}  // namespace jala::intake
