#include "jala/intake/line_reader.h"

#include <gtest/gtest.h>

#include "jala/intake/trickle_source_for_tests.h"

namespace jala::intake {
namespace {

struct GotLine {
  std::string text;
  std::uint64_t number;
  bool too_long;
  bool operator==(const GotLine&) const = default;
};

std::vector<GotLine> read_all(ByteSource& source, std::size_t max_line) {
  LineReader reader(source, max_line);
  std::vector<GotLine> out;
  while (true) {
    Result<std::optional<Line>> line = reader.next();
    EXPECT_TRUE(line.ok());
    if (!line.ok() || !*line) break;
    out.push_back({std::string((*line)->text), (*line)->number, (*line)->too_long});
  }
  return out;
}

TEST(LineReader, SplitsLfAndCrlfAndKeepsAFinalLineWithoutNewline) {
  StringByteSource source("a\r\nbb\n\nccc");
  const std::vector<GotLine> want = {{"a", 1, false}, {"bb", 2, false}, {"", 3, false}, {"ccc", 4, false}};
  EXPECT_EQ(read_all(source, 100), want);
}

TEST(LineReader, SkipsAByteOrderMark) {
  StringByteSource source("\xEF\xBB\xBFx\ny\n");
  const std::vector<GotLine> want = {{"x", 1, false}, {"y", 2, false}};
  EXPECT_EQ(read_all(source, 100), want);
}

TEST(LineReader, ReportsOverlongLinesAndGoesOn) {
  const std::string data = "short\n" + std::string(50, 'x') + "\nnext\n" + std::string(20, 'y');
  for (std::size_t step : {1, 3, 7, 4096}) {
    TrickleSource source(data, step);
    const std::vector<GotLine> want = {{"short", 1, false}, {"", 2, true}, {"next", 3, false}, {"", 4, true}};
    EXPECT_EQ(read_all(source, 10), want) << "step " << step;
  }
}

TEST(LineReader, CountsConsumedBytes) {
  StringByteSource source("ab\ncd\n");
  LineReader reader(source, 10);
  ASSERT_TRUE(reader.next().ok());
  EXPECT_EQ(reader.bytes_consumed(), 3u);
  ASSERT_TRUE(reader.next().ok());
  EXPECT_EQ(reader.bytes_consumed(), 6u);
}

TEST(LineReader, AgreesWithANaiveSplitOnRandomInput) {
  std::uint32_t state = 12345;
  auto next_random = [&] { return state = state * 1664525u + 1013904223u; };
  for (int round = 0; round < 200; ++round) {
    std::string data;
    const std::size_t length = next_random() % 200;
    for (std::size_t i = 0; i < length; ++i) data += "ab\n\r"[next_random() % 4];
    const std::size_t max_line = 1 + next_random() % 20;

    std::vector<GotLine> want;
    std::size_t start = 0;
    std::uint64_t number = 0;
    while (start < data.size()) {
      std::size_t end = data.find('\n', start);
      const bool final_line = end == std::string::npos;
      if (final_line) end = data.size();
      std::string text = data.substr(start, end - start);
      const bool too_long = text.size() > max_line;
      if (!too_long && !text.empty() && text.back() == '\r') text.pop_back();
      want.push_back({too_long ? "" : text, ++number, too_long});
      start = end + 1;
    }
    TrickleSource source(data, 1 + next_random() % 8);
    ASSERT_EQ(read_all(source, max_line), want) << "round " << round;
  }
}

}  // namespace
}  // namespace jala::intake
