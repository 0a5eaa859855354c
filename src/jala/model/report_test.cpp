#include "jala/model/report.h"

#include <nlohmann/json.hpp>
#include <gtest/gtest.h>

#include "jala/model/transaction.h"

namespace jala::model {
namespace {

Report valid_report() {
  Report report;
  report.source = "VN-MPS";
  report.id = "2026-000123";
  report.kind = ReportKind::victim_complaint;
  report.country = "VN";
  report.reported_at = *parse_rfc3339("2026-03-01T08:15:00+07:00");
  report.text = "Tôi bị lừa đầu tư";
  return report;
}

void expect_invalid(const Report& report, std::string_view want) {
  const Status got = validate(report);
  ASSERT_FALSE(got.ok()) << "want an error containing: " << want;
  EXPECT_NE(got.error().message().find(want), std::string::npos) << got.error().message();
}

TEST(ReportKind, ParsesEveryKind) {
  for (std::string_view name : {"victim_complaint", "lure_ad", "chat_export", "suspicious_transaction_report",
                                "takedown", "other"}) {
    EXPECT_EQ(to_string(*parse_report_kind(name)), name);
  }
  EXPECT_FALSE(parse_report_kind("complaint").ok());
}

TEST(Report, ValidatesRequiredFieldsAndLimits) {
  EXPECT_TRUE(validate(valid_report()).ok());

  Report no_source = valid_report();
  no_source.source.clear();
  expect_invalid(no_source, "source: is required");

  Report long_id = valid_report();
  long_id.id.assign(k_max_identifier_bytes + 1, 'x');
  expect_invalid(long_id, "id: is 257 bytes; the limit is 256");

  Report nothing = valid_report();
  nothing.text = "  ";
  expect_invalid(nothing, "needs text or selectors");
  // Found in review: a text of zero-width spaces was a report, and listed as an empty lure.
  for (const std::string_view invisible : {"\u200b\u200b", "\u200e \u3000\ufeff\t", "\u2060\u200d"}) {
    nothing.text = invisible;
    expect_invalid(nothing, "needs text or selectors");
  }
  for (const std::string_view shown : {"\u200bA", "ស", "\u200b😀"}) {
    Report some = valid_report();
    some.selectors.clear();
    some.text = shown;
    EXPECT_TRUE(validate(some).ok()) << shown;
  }

  Report bad_utf8 = valid_report();
  bad_utf8.text = "abc\xff";
  expect_invalid(bad_utf8, "text: is not valid UTF-8");

  // Found in review: PostgreSQL cut text at a NUL, and the log then showed the report as changed.
  Report nul_text = valid_report();
  nul_text.text = std::string("hello\0world", 11);
  expect_invalid(nul_text, "text: contains a NUL character (U+0000)");
  Report nul_raw = valid_report();
  nul_raw.selectors.push_back({Selector{SelectorType::phone, "+84912345678"}, std::string("0912\0 345 678", 13)});
  expect_invalid(nul_raw, "selectors[0]: contains a NUL character");

  Report negative_loss = valid_report();
  negative_loss.loss = Money{-5, "USD"};
  expect_invalid(negative_loss, "loss.amount");

  Report control = valid_report();
  control.id = "a\nb";
  expect_invalid(control, "id: contains a control character");
  Report c1_control = valid_report();
  c1_control.source = "T\u009b2J";  // CSI, a terminal's escape as one character
  expect_invalid(c1_control, "source: contains a control character");
  // Found in review: the web UI could not open a report whose source or id was "." or "..".
  Report dot = valid_report();
  dot.id = ".";
  expect_invalid(dot, "id: '.' names a folder in a URL");
  Report dots = valid_report();
  dots.source = "..";
  expect_invalid(dots, "source: '..' names a folder in a URL");
  Report dotted = valid_report();
  dotted.id = "...";
  EXPECT_TRUE(validate(dotted).ok());
  // Found in review: "X1 " was a second transaction beside "X1", and a trace counted the transfer twice.
  Report padded = valid_report();
  padded.id = "X1 ";
  expect_invalid(padded, "id: 'X1 ' has a space at its start or end");
  Report padded_source = valid_report();
  padded_source.source = " BANK";
  expect_invalid(padded_source, "source: ' BANK' has a space at its start or end");
  Report latin = valid_report();  // a letter of U+0080 to U+00FF is no control
  latin.id = "caf\u00e9-\u00a0";
  EXPECT_TRUE(validate(latin).ok());

  Report withdrawn = valid_report();  // text and selectors may both go when the source withdraws it
  withdrawn.withdrawn = true;
  withdrawn.text.clear();
  EXPECT_TRUE(validate(withdrawn).ok());
  withdrawn.selectors.push_back({Selector{SelectorType::phone, "+84912345678"}, "0912 345 678"});
  expect_invalid(withdrawn, "a withdrawn report names none");
}

TEST(Report, CanonicalJsonIsDeterministicAndDefaultsTlp) {
  Report report = valid_report();
  report.selectors.push_back({Selector{SelectorType::phone, "+84912345678"}, "0912 345 678"});
  const nlohmann::json got = to_json(report);
  EXPECT_EQ(got.dump(), to_json(report).dump());
  EXPECT_EQ(got["reported_at"], "2026-03-01T01:15:00Z");
  EXPECT_EQ(got["tlp"], "amber");
  EXPECT_EQ(got["selectors"][0]["value"], "+84912345678");
  EXPECT_EQ(got["selectors"][0]["raw"], "0912 345 678");
  EXPECT_FALSE(got.contains("loss"));
  EXPECT_FALSE(got.contains("withdrawn"));  // so that the records of before keep their JSON
  EXPECT_NE(got.dump(), to_json(valid_report()).dump());
  report.selectors.clear();
  report.withdrawn = true;
  EXPECT_EQ(to_json(report)["withdrawn"], true);
}

TEST(Report, ContentHashSeesEveryField) {
  const Report base = valid_report();
  EXPECT_EQ(content_hash(base), content_hash(valid_report()));
  std::vector<Report> changed(9, base);
  changed[0].text += ".";
  changed[1].tlp = Tlp::red;
  changed[2].loss = Money{1, "USD"};
  changed[3].selectors.push_back({Selector{SelectorType::phone, "+84912345678"}, "0912 345 678"});
  changed[4].reported_at.unix_micros += 1;
  changed[5].language = "vi";
  changed[6].victim_country = "VN";
  changed[7].kind = ReportKind::lure_ad;
  changed[8].withdrawn = true;
  for (const Report& report : changed) EXPECT_NE(content_hash(report), content_hash(base));
}

TEST(Transaction, ValidatesAmountAndAccounts) {
  Transaction transaction;
  transaction.source = "VN-SBV";
  transaction.id = "t1";
  transaction.from = Selector{SelectorType::iban, "GB82WEST12345698765432"};
  transaction.to = Selector{SelectorType::wallet, "trx:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"};
  transaction.amount = 1500;
  transaction.currency = "USDT";
  EXPECT_TRUE(validate(transaction).ok());
  EXPECT_EQ(to_json(transaction)["to"], "wallet:trx:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");

  transaction.amount = 0;
  const Status got = validate(transaction);
  ASSERT_FALSE(got.ok());
  EXPECT_NE(got.error().message().find("amount"), std::string::npos);
  transaction.amount = 1500;
  // A time within a day of this machine's clock is plausible (time zones, skew); later, or before 1970, is not.
  transaction.at = Timestamp{now().unix_micros + 3'600'000'000};
  EXPECT_TRUE(validate(transaction).ok());
  transaction.at = Timestamp{now().unix_micros + 2 * 86'400'000'000};
  EXPECT_FALSE(validate(transaction).ok());
  transaction.at = Timestamp{-1};
  EXPECT_FALSE(validate(transaction).ok());
  transaction.at = Timestamp{};
  transaction.reference = std::string("inv\0001", 5);  // found in review: PostgreSQL refused the whole file
  const Status nul = validate(transaction);
  ASSERT_FALSE(nul.ok());
  EXPECT_EQ(nul.error().message(),
            "reference: contains a NUL character (U+0000), which a PostgreSQL store cannot hold");
  EXPECT_FALSE(parse_channel("wire").ok());
  EXPECT_EQ(*parse_channel("ewallet"), Channel::ewallet);
}

}  // namespace
}  // namespace jala::model
