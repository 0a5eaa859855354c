// Builds validated reports and transactions from named field values. The JSON Lines and CSV readers
// both feed it, so that every format gives the same record, the same checks and the same reasons.
// Each error names its field ("country: 'VNM' is an ISO 3166-1 alpha-3 code; ...").
// Not thread-safe; one builder per record.
#pragma once

#include <bitset>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "jala/base/result.h"
#include "jala/model/report.h"
#include "jala/model/transaction.h"

namespace jala::intake {

using Record = std::variant<model::Report, model::Transaction>;

enum class RecordType { report, transaction };
Result<RecordType> parse_record_type(std::string_view text);

// The field names each record type knows, and those it requires.
bool is_report_field(std::string_view name);
bool is_transaction_field(std::string_view name);
std::span<const std::string_view> required_report_fields();
std::span<const std::string_view> required_transaction_fields();

class ReportBuilder {
 public:
  // Sets a field given as text. Fields with structure (loss, selectors) have their own setters.
  // Unknown fields are ignored, so that feeds may carry extra data; duplicates are errors.
  Status set(std::string_view field, std::string_view value);
  Status set_loss(double amount, std::string_view currency);
  Status set_loss_amount(double amount);
  void add_selector(std::string_view type, std::string_view raw);
  // Parses "type:value|type:value" (the CSV form).
  Status add_selectors(std::string_view joined);

  // Checks required fields, normalises the selectors with the report's country as the default phone
  // region, and validates the whole report.
  Result<model::Report> finish();

 private:
  Status mark(std::string_view field);

  model::Report m_report;
  std::bitset<16> m_seen;
  bool m_has_loss_amount = false;
  std::string m_loss_currency;
  std::vector<std::pair<std::string, std::string>> m_raw_selectors;
};

class TransactionBuilder {
 public:
  Status set(std::string_view field, std::string_view value);  // unknown fields are ignored
  Status set_amount(double amount);
  Result<model::Transaction> finish();

 private:
  Status mark(std::string_view field);

  model::Transaction m_transaction;
  std::bitset<16> m_seen;
};

// Adds the selectors that extraction finds in the report's text, with their spans
// (Report::text_selectors), using the report's country as the default phone region: what finish() does
// for every record, and what the STIX and MISP readers do for the reports share/ gives them. None for a
// withdrawn report.
void add_text_selectors(model::Report& report);

// Parses a decimal number written as text ("1500", "1500.25", "-3e2"): the CSV form of amounts.
Result<double> parse_decimal(std::string_view text);

}  // namespace jala::intake
