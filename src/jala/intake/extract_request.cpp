#include "jala/intake/extract_request.h"

#include <simdjson.h>

#include "jala/model/country.h"
#include "jala/model/report.h"

namespace jala::intake {

Result<ExtractRequest> parse_extract_request(std::string_view line) {
  // One parser per thread: it keeps its buffers between lines.
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (const auto error = parser.parse(line.data(), line.size()).get(root); error != simdjson::SUCCESS) {
    return invalid_argument("not valid JSON: {}", simdjson::error_message(error));
  }
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) return invalid_argument("the line is not a JSON object");

  ExtractRequest request;
  simdjson::dom::element id;
  request.id_json = object["id"].get(id) == simdjson::SUCCESS ? simdjson::minify(id) : "null";

  simdjson::dom::element text;
  std::string_view text_value;
  if (object["text"].get(text) != simdjson::SUCCESS) return invalid_argument("text: missing");
  if (text.get_string().get(text_value) != simdjson::SUCCESS) return invalid_argument("text: must be a string");
  if (text_value.size() > model::k_max_text_bytes) {
    return invalid_argument("text: {} bytes; the limit is {}", text_value.size(), model::k_max_text_bytes);
  }
  request.text = text_value;

  simdjson::dom::element country;
  if (object["country"].get(country) == simdjson::SUCCESS && !country.is_null()) {
    std::string_view country_value;
    if (country.get_string().get(country_value) != simdjson::SUCCESS) {
      return invalid_argument("country: must be a string");
    }
    Result<std::string> parsed = model::parse_country(country_value);
    if (!parsed.ok()) return invalid_argument("country: {}", parsed.error().message());
    request.country = std::move(*parsed);
  }
  return request;
}

}  // namespace jala::intake
