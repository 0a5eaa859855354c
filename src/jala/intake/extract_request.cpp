#include "jala/intake/extract_request.h"

#include <simdjson.h>

#include <optional>
#include <string>

#include "jala/intake/json_line.h"
#include "jala/model/country.h"
#include "jala/model/report.h"

namespace jala::intake {
namespace {

// The id's JSON text as the line writes it, minified, so that a number keeps its digits ("1e2", "1.50",
// "-0"; the parsed number would be printed "100.0", "1.5", "0"). The DOM has already checked the line;
// the on-demand parser only finds where the id's text is. Nothing when it cannot (a key written with
// escapes, which the DOM matches unescaped and the on-demand parser as written).
std::optional<std::string> id_as_written(std::string_view line) {
  thread_local simdjson::ondemand::parser parser;
  const simdjson::padded_string padded(line);
  simdjson::ondemand::document document;
  simdjson::ondemand::value id;
  simdjson::ondemand::json_type type{};
  std::string_view raw;
  if (parser.iterate(padded).get(document) != simdjson::SUCCESS ||
      document.find_field_unordered("id").get(id) != simdjson::SUCCESS || id.type().get(type) != simdjson::SUCCESS) {
    return std::nullopt;
  }
  simdjson::error_code found = simdjson::SUCCESS;
  if (type == simdjson::ondemand::json_type::object) {
    simdjson::ondemand::object object;
    found = id.get_object().get(object);
    if (found == simdjson::SUCCESS) found = object.raw_json().get(raw);
  } else if (type == simdjson::ondemand::json_type::array) {
    simdjson::ondemand::array array;
    found = id.get_array().get(array);
    if (found == simdjson::SUCCESS) found = array.raw_json().get(raw);
  } else {
    raw = id.raw_json_token();
  }
  if (found != simdjson::SUCCESS) return std::nullopt;
  std::string minified(raw.size(), '\0');
  std::size_t length = 0;
  if (simdjson::minify(raw.data(), raw.size(), minified.data(), length) != simdjson::SUCCESS) return std::nullopt;
  minified.resize(length);
  return minified;
}

}  // namespace

Result<ExtractRequest> parse_extract_request(std::string_view line) {
  // One parser per thread: it keeps its buffers between lines.
  thread_local simdjson::dom::parser parser;
  JsonLine json;
  if (const auto error = parse_json_line(parser, line, json); error != simdjson::SUCCESS) {
    return invalid_argument("not valid JSON: {}", simdjson::error_message(error));
  }
  simdjson::dom::object object;
  if (json.root.get_object().get(object) != simdjson::SUCCESS) return invalid_argument("the line is not a JSON object");

  // Each known field once: a field given twice is refused, as ingest refuses it, never resolved by
  // picking one (another tool may keep the last, and would judge another text).
  std::optional<simdjson::dom::element> id_field;
  std::optional<simdjson::dom::element> text_field;
  std::optional<simdjson::dom::element> country_field;
  for (const simdjson::dom::key_value_pair pair : object) {
    for (const auto& [name, slot] :
         {std::pair{std::string_view("id"), &id_field}, std::pair{std::string_view("text"), &text_field},
          std::pair{std::string_view("country"), &country_field}}) {
      if (pair.key != name) continue;
      if (*slot) return invalid_argument("{}: appears twice", name);
      *slot = pair.value;
    }
  }

  ExtractRequest request;
  if (!id_field) {
    request.id_json = "null";
  } else if (!json.big_integers_quoted && (id_field->is_string() || id_field->is_bool() || id_field->is_null())) {
    request.id_json = simdjson::minify(*id_field);
  } else {
    request.id_json = id_as_written(line).value_or(simdjson::minify(*id_field));
  }

  std::string_view text_value;
  if (!text_field) return invalid_argument("text: missing");
  if (text_field->get_string().get(text_value) != simdjson::SUCCESS) return invalid_argument("text: must be a string");
  if (text_value.size() > model::k_max_text_bytes) {
    return invalid_argument("text: {} bytes; the limit is {}", text_value.size(), model::k_max_text_bytes);
  }
  request.text = text_value;

  if (country_field && !country_field->is_null()) {
    std::string_view country_value;
    if (country_field->get_string().get(country_value) != simdjson::SUCCESS) {
      return invalid_argument("country: must be a string");
    }
    Result<std::string> parsed = model::parse_country(country_value);
    if (!parsed.ok()) return invalid_argument("country: {}", parsed.error().message());
    request.country = std::move(*parsed);
  }
  return request;
}

}  // namespace jala::intake
