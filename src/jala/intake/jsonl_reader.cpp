// JSON Lines intake: one report or transaction object per line (the interface spec's record form).
#include <simdjson.h>

#include <optional>

#include "jala/intake/json_line.h"
#include "jala/intake/line_reader.h"
#include "jala/intake/record_reader_impl.h"
#include "jala/model/text.h"

namespace jala::intake {
namespace {

namespace dom = simdjson::dom;

Result<std::string_view> string_field(std::string_view field, dom::element value) {
  std::string_view text;
  if (value.get_string().get(text) != simdjson::SUCCESS) return invalid_argument("{}: must be a string", field);
  return text;
}

// Ids are strings, but many exports write them as numbers; keep the number's text.
Result<std::string> identifier_field(std::string_view field, dom::element value) {
  std::int64_t number = 0;
  if (value.get_int64().get(number) == simdjson::SUCCESS) return std::to_string(number);
  std::uint64_t large = 0;  // 2^63 and above
  if (value.get_uint64().get(large) == simdjson::SUCCESS) return std::to_string(large);
  JALA_TRY_ASSIGN(const std::string_view text, string_field(field, value));
  return std::string(text);
}

Result<double> number_field(std::string_view field, dom::element value) {
  double number = 0;
  if (value.get_double().get(number) == simdjson::SUCCESS) return number;
  std::string_view text;
  if (value.get_string().get(text) == simdjson::SUCCESS) {
    Result<double> parsed = parse_decimal(text);
    if (parsed.ok()) return parsed;
  }
  return invalid_argument("{}: must be a number", field);
}

// The value of `key` in a nested object (`field` names it in errors): required, and once. A repeated key
// is refused like a repeated field of the record, never resolved by picking one.
Result<dom::element> nested_field(dom::object object, std::string_view key, std::string_view field) {
  std::optional<dom::element> found;
  for (const dom::key_value_pair pair : object) {
    if (pair.key != key) continue;
    if (found) return invalid_argument("{}: appears twice", field);
    found = pair.value;
  }
  if (!found) return invalid_argument("{}: is required", field);
  return *found;
}

Status read_loss(ReportBuilder& builder, dom::element value) {
  dom::object loss;
  if (value.get_object().get(loss) != simdjson::SUCCESS) {
    return invalid_argument("loss: must be an object {{\"amount\": number, \"currency\": code}}");
  }
  JALA_TRY_ASSIGN(const dom::element amount, nested_field(loss, "amount", "loss.amount"));
  JALA_TRY_ASSIGN(const dom::element currency, nested_field(loss, "currency", "loss.currency"));
  JALA_TRY_ASSIGN(const double number, number_field("loss.amount", amount));
  JALA_TRY_ASSIGN(const std::string_view code, string_field("loss.currency", currency));
  return builder.set_loss(number, code);
}

Status read_selectors(ReportBuilder& builder, dom::element value) {
  JALA_TRY(builder.set("selectors", ""));  // marks the field, so a repeated key is an error
  dom::array selectors;
  if (value.get_array().get(selectors) != simdjson::SUCCESS) {
    return invalid_argument("selectors: must be an array of {{\"type\": T, \"value\": V}}");
  }
  std::size_t index = 0;
  for (dom::element entry : selectors) {
    if (index >= model::k_max_selectors_per_report) {
      return invalid_argument("selectors: more than {}", model::k_max_selectors_per_report);
    }
    const std::string field = fmt::format("selectors[{}]", index++);
    dom::object pair;
    if (entry.get_object().get(pair) != simdjson::SUCCESS) {
      return invalid_argument("{}: needs \"type\" and \"value\"", field);
    }
    JALA_TRY_ASSIGN(const dom::element type, nested_field(pair, "type", field + ".type"));
    JALA_TRY_ASSIGN(const dom::element raw, nested_field(pair, "value", field + ".value"));
    JALA_TRY_ASSIGN(const std::string_view type_text, string_field(field + ".type", type));
    JALA_TRY_ASSIGN(const std::string_view raw_text, string_field(field + ".value", raw));
    builder.add_selector(type_text, raw_text);
  }
  return {};
}

Result<Record> build_report(dom::object object) {
  ReportBuilder builder;
  for (const dom::key_value_pair field : object) {
    if (field.value.is_null()) {
      JALA_TRY(builder.set(field.key, ""));
    } else if (field.key == "loss") {
      JALA_TRY(read_loss(builder, field.value));
    } else if (field.key == "selectors") {
      JALA_TRY(read_selectors(builder, field.value));
    } else if (field.key == "id" || field.key == "source") {
      JALA_TRY_ASSIGN(const std::string text, identifier_field(field.key, field.value));
      JALA_TRY(builder.set(field.key, text));
    } else if (field.value.is_string()) {
      JALA_TRY(builder.set(field.key, std::string_view(field.value.get_string().value_unsafe())));
    } else if (field.key == "withdrawn") {
      if (!field.value.is_bool()) return invalid_argument("withdrawn: must be true or false");
      JALA_TRY(builder.set(field.key, field.value.get_bool().value_unsafe() ? "true" : "false"));
    } else if (is_report_field(field.key)) {
      return invalid_argument("{}: must be a string", field.key);
    }
  }
  JALA_TRY_ASSIGN(model::Report report, builder.finish());
  return Record(std::move(report));
}

Result<Record> build_transaction(dom::object object) {
  TransactionBuilder builder;
  for (const dom::key_value_pair field : object) {
    if (field.value.is_null()) {
      JALA_TRY(builder.set(field.key, ""));
    } else if (field.key == "amount") {
      JALA_TRY_ASSIGN(const double amount, number_field("amount", field.value));
      JALA_TRY(builder.set_amount(amount));
    } else if (field.key == "id" || field.key == "source") {
      JALA_TRY_ASSIGN(const std::string text, identifier_field(field.key, field.value));
      JALA_TRY(builder.set(field.key, text));
    } else if (field.value.is_string()) {
      JALA_TRY(builder.set(field.key, std::string_view(field.value.get_string().value_unsafe())));
    } else if (is_transaction_field(field.key)) {
      return invalid_argument("{}: must be a string", field.key);
    }
  }
  JALA_TRY_ASSIGN(model::Transaction transaction, builder.finish());
  return Record(std::move(transaction));
}

// A record without "record" is a report; one that has every field only a transaction has was most likely
// meant as a transaction, and its report error says so.
bool has_transaction_only_fields(dom::object object) {
  for (const std::string_view field : {"from", "to", "amount", "currency", "at", "channel"}) {
    if (object[field].error() != simdjson::SUCCESS) return false;
  }
  return true;
}

Result<Record> build_untyped_record(dom::object object) {
  Result<Record> report = build_report(object);
  if (report.ok() || !has_transaction_only_fields(object)) return report;
  return invalid_argument(
      "{}; the record has from, to, amount, currency, at and channel, as a transaction does, but no "
      "\"record\":\"transaction\", so it was read as a report",
      report.error().message());
}

class JsonlRecordReader final : public RecordReader {
 public:
  explicit JsonlRecordReader(ByteSource& source) : m_lines(source, k_max_record_bytes) {}

  Result<std::optional<ParsedRecord>> next() override {
    while (true) {
      JALA_TRY_ASSIGN(const std::optional<Line> line, m_lines.next());
      if (!line) return std::optional<ParsedRecord>();
      if (line->too_long) {
        return std::optional<ParsedRecord>(
            ParsedRecord{line->number, invalid_argument("record is longer than {} bytes", k_max_record_bytes)});
      }
      if (model::trim_ascii_space(line->text).empty()) continue;
      return std::optional<ParsedRecord>(ParsedRecord{line->number, parse(line->text)});
    }
  }

  std::uint64_t bytes_consumed() const override { return m_lines.bytes_consumed(); }

 private:
  Result<Record> parse(std::string_view text) {
    JsonLine line;
    if (const auto error = parse_json_line(m_parser, text, line); error != simdjson::SUCCESS) {
      return invalid_argument("not valid JSON ({})", simdjson::error_message(error));
    }
    dom::object object;
    if (line.root.get_object().get(object) != simdjson::SUCCESS) {
      return invalid_argument("a record must be a JSON object");
    }
    std::string_view type_name;
    if (object["record"].get_string().get(type_name) != simdjson::SUCCESS) return build_untyped_record(object);
    Result<RecordType> type = parse_record_type(type_name);
    if (!type.ok()) return type.error().with_context("record");
    return *type == RecordType::report ? build_report(object) : build_transaction(object);
  }

  LineReader m_lines;
  dom::parser m_parser;
};

}  // namespace

std::unique_ptr<RecordReader> make_jsonl_reader(ByteSource& source) {
  return std::make_unique<JsonlRecordReader>(source);
}

}  // namespace jala::intake
