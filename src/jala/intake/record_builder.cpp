#include "jala/intake/record_builder.h"

#include <array>
#include <charconv>
#include <cmath>

#include "jala/base/utf8.h"
#include "jala/extract/extract.h"
#include "jala/model/country.h"
#include "jala/model/currency.h"
#include "jala/model/language.h"
#include "jala/model/text.h"

namespace jala::intake {
namespace {

// Field names in the order of their bit in the builders' `m_seen`.
constexpr std::array<std::string_view, 15> k_report_fields = {
    "record",         "id",  "source", "kind",      "country",     "reported_at",   "text",     "language",
    "victim_country", "tlp", "loss",   "selectors", "loss_amount", "loss_currency", "withdrawn"};
constexpr std::array<std::string_view, 5> k_required_report_fields = {"id", "source", "kind", "country",
                                                                      "reported_at"};
constexpr std::array<std::string_view, 10> k_transaction_fields = {
    "record", "id", "source", "from", "to", "amount", "currency", "at", "channel", "reference"};
constexpr std::array<std::string_view, 8> k_required_transaction_fields = {
    "id", "source", "from", "to", "amount", "currency", "at", "channel"};

template <std::size_t N>
int field_index(const std::array<std::string_view, N>& fields, std::string_view field) {
  for (std::size_t i = 0; i < N; ++i) {
    if (fields[i] == field) return static_cast<int>(i);
  }
  return -1;
}

template <std::size_t N>
Status mark_field(std::bitset<16>& seen, const std::array<std::string_view, N>& fields, std::string_view field) {
  const int index = field_index(fields, field);
  if (index < 0) return {};
  if (seen.test(static_cast<std::size_t>(index))) return invalid_argument("{}: appears twice", field);
  seen.set(static_cast<std::size_t>(index));
  return {};
}

template <std::size_t N, std::size_t M>
Status check_required(const std::bitset<16>& seen, const std::array<std::string_view, N>& fields,
                      const std::array<std::string_view, M>& required) {
  for (std::string_view field : required) {
    if (!seen.test(static_cast<std::size_t>(field_index(fields, field)))) {
      return invalid_argument("{}: is required", field);
    }
  }
  return {};
}

// Runs a field parser and prefixes its error with the field's name.
template <typename T>
Result<T> in_field(std::string_view field, Result<T> parsed) {
  if (!parsed.ok()) return parsed.error().with_context(field);
  return parsed;
}

Status check_record_type(std::string_view value, RecordType want) {
  JALA_TRY_ASSIGN(const RecordType got, in_field("record", parse_record_type(value)));
  if (got != want) return invalid_argument("record: '{}' does not fit this record's fields", value);
  return {};
}

// An account money moves between: an IBAN, a bank account, a wallet, or a phone number for e-wallets.
Result<model::Selector> parse_account(std::string_view value) {
  JALA_TRY_ASSIGN(model::Selector account, model::parse_selector(value, {}));
  using enum model::SelectorType;
  if (account.type != iban && account.type != bank && account.type != wallet && account.type != phone) {
    return invalid_argument("{} is not an account: money moves between iban, bank, wallet and phone selectors",
                            account.to_string());
  }
  return account;
}

}  // namespace

bool is_report_field(std::string_view name) { return field_index(k_report_fields, name) >= 0; }
bool is_transaction_field(std::string_view name) { return field_index(k_transaction_fields, name) >= 0; }
std::span<const std::string_view> required_report_fields() { return k_required_report_fields; }
std::span<const std::string_view> required_transaction_fields() { return k_required_transaction_fields; }

Result<RecordType> parse_record_type(std::string_view text) {
  if (text == "report") return RecordType::report;
  if (text == "transaction") return RecordType::transaction;
  return invalid_argument("'{}' is not a record type (report, transaction)", truncate_utf8(text, 40));
}

Result<double> parse_decimal(std::string_view text) {
  const std::string_view trimmed = model::trim_ascii_space(text);
  double value = 0;
  const auto [end, error] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), value);
  if (error != std::errc() || end != trimmed.data() + trimmed.size() || trimmed.empty() || !std::isfinite(value)) {
    return invalid_argument("'{}' is not a number", truncate_utf8(text, 40));
  }
  return value;
}

Status ReportBuilder::mark(std::string_view field) { return mark_field(m_seen, k_report_fields, field); }

Status ReportBuilder::set(std::string_view field, std::string_view value) {
  // An empty value (an empty CSV cell, a JSON null) is absent: a required field given so is missing.
  if (value.empty() && field != "id" && field != "source") return {};
  JALA_TRY(mark(field));
  if (field == "record") return check_record_type(value, RecordType::report);
  if (field == "id") {
    m_report.id = value;
  } else if (field == "source") {
    m_report.source = value;
  } else if (field == "kind") {
    JALA_TRY_ASSIGN(m_report.kind, in_field("kind", model::parse_report_kind(value)));
  } else if (field == "country") {
    JALA_TRY_ASSIGN(m_report.country, in_field("country", model::parse_country(value)));
  } else if (field == "reported_at") {
    JALA_TRY_ASSIGN(m_report.reported_at, in_field("reported_at", parse_rfc3339(value)));
  } else if (field == "text") {
    m_report.text = value;
  } else if (field == "language") {
    JALA_TRY_ASSIGN(m_report.language, in_field("language", model::parse_language_tag(value)));
  } else if (field == "victim_country") {
    JALA_TRY_ASSIGN(m_report.victim_country, in_field("victim_country", model::parse_country(value)));
  } else if (field == "tlp") {
    JALA_TRY_ASSIGN(m_report.tlp, in_field("tlp", model::parse_tlp(value)));
  } else if (field == "loss_amount") {
    JALA_TRY_ASSIGN(const double amount, in_field("loss_amount", parse_decimal(value)));
    return set_loss_amount(amount);
  } else if (field == "loss_currency") {
    JALA_TRY_ASSIGN(m_loss_currency, in_field("loss_currency", model::parse_currency(value)));
  } else if (field == "selectors") {
    return add_selectors(value);
  } else if (field == "withdrawn") {
    // Any case, as spreadsheets write TRUE and FALSE.
    const std::string folded = model::ascii_lower(value);
    if (folded != "true" && folded != "false") return invalid_argument("withdrawn: must be true or false");
    m_report.withdrawn = folded == "true";
  } else if (field == "loss") {
    return invalid_argument("loss: must be an object {{\"amount\": number, \"currency\": code}}");
  }
  return {};
}

Status ReportBuilder::set_loss_amount(double amount) {
  if (!std::isfinite(amount) || amount < 0) return invalid_argument("loss.amount: must be a number, zero or more");
  m_has_loss_amount = true;
  m_report.loss = model::Money{amount, {}};
  return {};
}

Status ReportBuilder::set_loss(double amount, std::string_view currency) {
  JALA_TRY(mark("loss"));
  JALA_TRY(set_loss_amount(amount));
  JALA_TRY_ASSIGN(m_loss_currency, in_field("loss.currency", model::parse_currency(currency)));
  return {};
}

void ReportBuilder::add_selector(std::string_view type, std::string_view raw) {
  m_raw_selectors.emplace_back(type, raw);
}

Status ReportBuilder::add_selectors(std::string_view joined) {
  while (!joined.empty()) {
    const std::size_t bar = joined.find('|');
    const std::string_view pair = model::trim_ascii_space(joined.substr(0, bar));
    joined = bar == std::string_view::npos ? std::string_view() : joined.substr(bar + 1);
    if (pair.empty()) continue;
    const std::size_t colon = pair.find(':');
    if (colon == std::string_view::npos) {
      return invalid_argument("selectors: '{}' is not a type:value pair", truncate_utf8(pair, 80));
    }
    add_selector(pair.substr(0, colon), pair.substr(colon + 1));
    if (m_raw_selectors.size() > model::k_max_selectors_per_report) break;  // finish() reports the limit
  }
  return {};
}

Result<model::Report> ReportBuilder::finish() {
  JALA_TRY(check_required(m_seen, k_report_fields, k_required_report_fields));
  if (m_has_loss_amount != !m_loss_currency.empty()) {
    return invalid_argument("loss: needs both an amount and a currency");
  }
  if (m_report.loss) m_report.loss->currency = m_loss_currency;
  if (m_raw_selectors.size() > model::k_max_selectors_per_report) {
    return invalid_argument("selectors: more than {}", model::k_max_selectors_per_report);
  }
  const model::NormaliseContext context{m_report.country};
  for (std::size_t i = 0; i < m_raw_selectors.size(); ++i) {
    const auto& [type_name, raw] = m_raw_selectors[i];
    Result<model::SelectorType> type = model::parse_selector_type(type_name);
    if (!type.ok()) return type.error().with_context(fmt::format("selectors[{}]", i));
    Result<model::Selector> selector = model::normalise_selector(*type, raw, context);
    if (!selector.ok()) return selector.error().with_context(fmt::format("selectors[{}]", i));
    m_report.selectors.push_back({std::move(selector).value(), raw});
  }
  JALA_TRY(model::validate(m_report));
  add_text_selectors(m_report);
  return std::move(m_report);
}

void add_text_selectors(model::Report& report) {
  // The selectors the text carries, with their spans: what links reports that came without a form.
  // A withdrawn report links nothing, so its text is not read for them.
  if (report.withdrawn) return;
  for (extract::Finding& finding : extract::extract(report.text, {report.country})) {
    report.text_selectors.push_back({std::move(finding.selector), static_cast<std::uint32_t>(finding.start),
                                     static_cast<std::uint32_t>(finding.end), finding.confidence});
  }
}

Status TransactionBuilder::mark(std::string_view field) { return mark_field(m_seen, k_transaction_fields, field); }

Status TransactionBuilder::set(std::string_view field, std::string_view value) {
  if (value.empty() && field != "id" && field != "source") return {};  // absent, as for reports
  JALA_TRY(mark(field));
  if (field == "record") return check_record_type(value, RecordType::transaction);
  if (field == "id") {
    m_transaction.id = value;
  } else if (field == "source") {
    m_transaction.source = value;
  } else if (field == "from") {
    JALA_TRY_ASSIGN(m_transaction.from, in_field("from", parse_account(value)));
  } else if (field == "to") {
    JALA_TRY_ASSIGN(m_transaction.to, in_field("to", parse_account(value)));
  } else if (field == "amount") {
    JALA_TRY_ASSIGN(m_transaction.amount, in_field("amount", parse_decimal(value)));
  } else if (field == "currency") {
    JALA_TRY_ASSIGN(m_transaction.currency, in_field("currency", model::parse_currency(value)));
  } else if (field == "at") {
    JALA_TRY_ASSIGN(m_transaction.at, in_field("at", parse_rfc3339(value)));
  } else if (field == "channel") {
    JALA_TRY_ASSIGN(m_transaction.channel, in_field("channel", model::parse_channel(value)));
  } else if (field == "reference") {
    m_transaction.reference = value;
  }
  return {};
}

Status TransactionBuilder::set_amount(double amount) {
  JALA_TRY(mark("amount"));
  m_transaction.amount = amount;
  return {};
}

Result<model::Transaction> TransactionBuilder::finish() {
  JALA_TRY(check_required(m_seen, k_transaction_fields, k_required_transaction_fields));
  JALA_TRY(model::validate(m_transaction));
  return std::move(m_transaction);
}

}  // namespace jala::intake
