// A report and a transaction with every field set, and an export of one, for the storage suites.
#pragma once

#include <string>

#include "jala/model/report.h"
#include "jala/model/transaction.h"
#include "jala/storage/store.h"

namespace jala::storage {

inline model::Report make_report(std::string id, std::string text = "Tôi bị lừa 50 triệu") {
  model::Report report;
  report.source = "VN-MPS";
  report.id = std::move(id);
  report.kind = model::ReportKind::victim_complaint;
  report.country = "VN";
  report.reported_at = *parse_rfc3339("2026-03-01T08:15:00.25+07:00");
  report.text = std::move(text);
  report.language = "vi";
  report.victim_country = "VN";
  report.loss = model::Money{1500.5, "USDT"};
  report.tlp = model::Tlp::amber_strict;
  report.selectors = {
      {model::Selector{model::SelectorType::phone, "+84912345678"}, "0912 345 678"},
      {model::Selector{model::SelectorType::telegram, "golden_lotus_hr"}, "@Golden_Lotus_HR"},
  };
  return report;
}

inline model::Transaction make_transaction(std::string id) {
  model::Transaction transaction;
  transaction.source = "VN-SBV";
  transaction.id = std::move(id);
  transaction.from = model::Selector{model::SelectorType::iban, "GB82WEST12345698765432"};
  transaction.to = model::Selector{model::SelectorType::phone, "+84912345678"};
  transaction.amount = 250.75;
  transaction.currency = "EUR";
  transaction.at = *parse_rfc3339("2026-03-01T09:00:00Z");
  transaction.channel = model::Channel::bank;
  transaction.reference = "invoice 7";
  return transaction;
}

// An analyst's export of the record `key` of `kind` ("report" or "transaction").
inline CustodyEvent make_export(std::string kind, RecordKey key) {
  CustodyEvent event;
  event.record_kind = std::move(kind);
  event.key = std::move(key);
  event.action = CustodyAction::exported;
  event.who = "analyst";
  event.at = Timestamp{1'700'000'000'000'001};
  return event;
}

}  // namespace jala::storage
