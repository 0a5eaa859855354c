#include "jala/extract/lexicon.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace jala::extract {
namespace {

struct Found {
  std::string text;
  Cue cue;
  std::string bank_key;
  bool operator==(const Found&) const = default;
};

std::vector<Found> cues_in(std::string_view text) {
  std::vector<Found> found;
  for (const CueHit& hit : find_cues(text)) {
    found.push_back({std::string(text.substr(hit.start, hit.end - hit.start)), hit.cue, std::string(hit.bank_key)});
  }
  return found;
}

TEST(Lexicon, AsciiKeywordsAreWholeWordsInAnyCaseUnlessWrittenExactly) {
  EXPECT_EQ(cues_in("add me on TELEGRAM or Zalo"),
            (std::vector<Found>{{"TELEGRAM", Cue::telegram, ""}, {"Zalo", Cue::zalo, ""}}));
  EXPECT_EQ(cues_in("telegrammed, hotelegram, zalos"), std::vector<Found>{});  // inside or before more letters
  // "TG" and "LINE" are written exactly: "tg" and "line" are ordinary text.
  EXPECT_EQ(cues_in("TG: @name, tg, LINE, line"),
            (std::vector<Found>{{"TG", Cue::telegram, ""}, {"LINE", Cue::line, ""}}));
}

TEST(Lexicon, KeywordsInScriptsWithoutSpacesMatchInsideWords) {
  EXPECT_EQ(cues_in("请加微信号abc123或者电话"),
            (std::vector<Found>{{"微信号", Cue::wechat, ""}, {"电话", Cue::phone_label, ""}}));
  EXPECT_EQ(cues_in("โอนเข้ากสิกรไทยเลขที่"), (std::vector<Found>{{"กสิกรไทย", Cue::bank, "ksikrthiy"}}));
}

TEST(Lexicon, TheLongestKeywordAtAPlaceWinsAndHidesTheOnesInsideIt) {
  // "line id" over "Line"/"LINE"; "纸飞机" over the "飞机" inside it.
  EXPECT_EQ(cues_in("line id: abc"), (std::vector<Found>{{"line id", Cue::line, ""}}));
  EXPECT_EQ(cues_in("纸飞机联系"), (std::vector<Found>{{"纸飞机", Cue::telegram, ""}}));
  EXPECT_EQ(cues_in("Kasikornbank"), (std::vector<Found>{{"Kasikornbank", Cue::bank, "kasikornbank"}}));
}

TEST(Lexicon, ABankNameMayBeGluedToItsAccountNumberButAShortKeywordMayNot) {
  EXPECT_EQ(cues_in("ICBC6222021234567890"), (std::vector<Found>{{"ICBC", Cue::bank, "icbc"}}));
  EXPECT_EQ(cues_in("ICBCX 1234"), std::vector<Found>{});
  // Found on real messages: "DBP07052024" is a code after Điện Biên Phủ's initials, not Development Bank of
  // the Philippines glued to an account; a name of three letters is not glued.
  EXPECT_EQ(cues_in("DBP07052024"), std::vector<Found>{});
  EXPECT_EQ(cues_in("TG1 WA2 X9"), std::vector<Found>{});
  EXPECT_EQ(cues_in("WA 0812"), (std::vector<Found>{{"WA", Cue::whatsapp, ""}}));
}

// Every bank of data/banks/banks.tsv is a cue by each of its names (until 2026-12-07 extraction knew 70 names
// of its own, and an account at VPBank, ACB, Hana Bank or Wells Fargo gave nothing). A name of five letters
// or more matches in any case, a shorter one only as written; an e-wallet keyed by phone number stays one.
TEST(Lexicon, EveryBankOfTheTableIsACueByEachOfItsNames) {
  // Each carries its name's match key (data/banks/README.md), folded once.
  EXPECT_EQ(cues_in("vpbank, Ngân hàng Á Châu, 하나은행"),
            (std::vector<Found>{{"vpbank", Cue::bank, "vpbank"},
                                {"Ngân hàng Á Châu", Cue::bank, "nganhangachau"},
                                {"하나은행", Cue::bank, "hanaeunhaeng"}}));
  EXPECT_EQ(cues_in("ACB acb"), (std::vector<Found>{{"ACB", Cue::bank, "acb"}}));
  EXPECT_EQ(cues_in("MoMo"), (std::vector<Found>{{"MoMo", Cue::phone_only, ""}}));
  // A name that is also an ordinary word or name is none; the bank's longer names are ("Chase Bank").
  EXPECT_EQ(cues_in("chase Chase Permata"), std::vector<Found>{});
  EXPECT_EQ(cues_in("CHASE BANK"), (std::vector<Found>{{"CHASE BANK", Cue::bank, "chasebank"}}));
}

TEST(Lexicon, CuesComeInOrderOfStartWithTheirSpans) {
  const std::string text = "OTP 4821, ☎ or 电话 then tele";
  const std::vector<CueHit> hits = find_cues(text);
  ASSERT_GE(hits.size(), 3U);
  for (std::size_t i = 1; i < hits.size(); ++i) EXPECT_LE(hits[i - 1].end, hits[i].start);
  EXPECT_EQ(text.substr(hits.front().start, hits.front().end - hits.front().start), "OTP");
  EXPECT_EQ(text.substr(hits.back().start, hits.back().end - hits.back().start), "tele");
  EXPECT_TRUE(find_cues("").empty());
}

TEST(Lexicon, ScansFromManyThreadsAtOnceAgree) {
  const std::string text = "Vietcombank STK 0123456789, zalo 0912345678, 微信 wxid_abc, TG @name";
  const std::vector<Found> expected = cues_in(text);
  ASSERT_FALSE(expected.empty());
  std::vector<std::vector<Found>> seen(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < seen.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round) seen[t] = cues_in(text);
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::vector<Found>& found : seen) EXPECT_EQ(found, expected);
}

}  // namespace
}  // namespace jala::extract
