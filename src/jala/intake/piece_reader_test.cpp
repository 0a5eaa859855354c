#include "jala/intake/piece_reader.h"

#include <gtest/gtest.h>

#include "jala/intake/trickle_source_for_tests.h"

namespace jala::intake {
namespace {

std::vector<Piece> read_all(std::string_view data, std::size_t piece_bytes, std::size_t step) {
  TrickleSource source(data, step);
  PieceReader reader(source, piece_bytes);
  std::vector<Piece> pieces;
  while (true) {
    Result<std::optional<Piece>> piece = reader.next();
    EXPECT_TRUE(piece.ok());
    if (!piece.ok() || !piece->has_value()) break;
    pieces.push_back(std::move(**piece));
  }
  return pieces;
}

// The pieces, joined, are the input, and each one knows where it starts.
void expect_covers(const std::vector<Piece>& pieces, std::string_view data, std::size_t piece_bytes) {
  std::string joined;
  for (const Piece& piece : pieces) {
    EXPECT_EQ(piece.offset, joined.size());
    EXPECT_LE(piece.text.size(), piece_bytes);
    EXPECT_FALSE(piece.text.empty());
    joined += piece.text;
  }
  EXPECT_EQ(joined, data);
}

TEST(PieceReader, CutsAfterTheLastLineBreakThatFits) {
  const std::string data = "first line\nsecond line\nthird line that is longer\nend";
  const std::vector<Piece> pieces = read_all(data, 30, 7);
  expect_covers(pieces, data, 30);
  ASSERT_EQ(pieces.size(), 2U);
  EXPECT_EQ(pieces[0].text, "first line\nsecond line\n");
  EXPECT_EQ(pieces[1].text, "third line that is longer\nend");  // the rest fits in one piece
}

TEST(PieceReader, WithoutLineBreaksCutsAtABlankThenAtACharacterBoundary) {
  const std::string spaced = "số điện thoại 0912345678 liên hệ ngay hôm nay";
  const std::vector<Piece> at_blanks = read_all(spaced, 20, 3);
  expect_covers(at_blanks, spaced, 20);
  for (std::size_t i = 0; i + 1 < at_blanks.size(); ++i) {
    EXPECT_TRUE(at_blanks[i].text.ends_with(' ')) << at_blanks[i].text;
  }
  // Thai without spaces: every piece is whole UTF-8 characters (3 bytes each).
  std::string thai;
  for (int i = 0; i < 40; ++i) thai += "\xE0\xB8\x81";
  const std::vector<Piece> whole = read_all(thai, 20, 5);
  expect_covers(whole, thai, 20);
  for (const Piece& piece : whole) EXPECT_EQ(piece.text.size() % 3, 0U) << piece.text.size();
}

// Found in review: a line of Chinese text, or of comma-separated addresses, has no blank, and a cut at any
// character boundary split an e-mail address into a wrong one ("826@d220826.com" of "u220826@d220826.com").
// Such a piece ends before a delimiter or a Chinese, Japanese or Korean character.
TEST(PieceReader, WithoutBlanksCutsBeforeADelimiterOrAHanCharacterNotInsideAnAddress) {
  std::string addresses;
  for (int i = 0; i < 40; ++i) addresses += "user" + std::to_string(i) + "@d" + std::to_string(i) + ".com,";
  const std::vector<Piece> listed = read_all(addresses, 64, 7);
  expect_covers(listed, addresses, 64);
  for (std::size_t i = 1; i < listed.size(); ++i) EXPECT_TRUE(listed[i].text.starts_with(',')) << listed[i].text;

  std::string chinese;
  for (int i = 0; i < 10; ++i) chinese += "请联系客服邮箱ab@golden-lotus.com谢谢";
  const std::vector<Piece> han = read_all(chinese, 50, 9);
  expect_covers(han, chinese, 50);
  for (const Piece& piece : han) {
    if (piece.text.find('@') != std::string::npos) {
      EXPECT_NE(piece.text.find("ab@golden-lotus.com"), std::string::npos) << piece.text;
    }
    EXPECT_FALSE(piece.text.starts_with("b@") || piece.text.starts_with("olden")) << piece.text;
  }
}

TEST(PieceReader, EmptyInputGivesNoPiece) { EXPECT_TRUE(read_all("", 64, 4).empty()); }

}  // namespace
}  // namespace jala::intake
