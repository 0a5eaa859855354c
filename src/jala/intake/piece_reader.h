// Splits a byte stream of free text into bounded pieces that end at a line break, so a text of any
// size can be processed in constant memory while each piece keeps its offset in the whole.
// A piece ends after the last '\n' that fits; a piece with no '\n' at all ends after its last ASCII
// space or tab, and failing that at the last UTF-8 character boundary, so no character is ever split.
// Not thread-safe; one reader per stream.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "jala/intake/byte_source.h"

namespace jala::intake {

struct Piece {
  std::string text;          // at most the reader's piece size
  std::uint64_t offset = 0;  // byte offset of text[0] in the whole stream
};

class PieceReader {
 public:
  PieceReader(ByteSource& source, std::size_t piece_bytes);

  // The next piece, or nullopt at the end of the input.
  Result<std::optional<Piece>> next();
  std::uint64_t bytes_consumed() const { return m_offset; }

 private:
  ByteSource& m_source;
  std::size_t m_piece_bytes;
  std::string m_carry;  // bytes read after the end of the previous piece
  std::uint64_t m_offset = 0;
  bool m_at_eof = false;
};

}  // namespace jala::intake
