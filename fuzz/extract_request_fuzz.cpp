// The parser of `jala extract --jsonl` request lines over arbitrary bytes: it must return a request or
// an error, never crash, and a request's text must stay within the limit.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "jala/intake/extract_request.h"
#include "jala/model/report.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  const auto request = jala::intake::parse_extract_request(line);
  if (request.ok() && (request->text.size() > jala::model::k_max_text_bytes || request->id_json.empty())) std::abort();
  return 0;
}
