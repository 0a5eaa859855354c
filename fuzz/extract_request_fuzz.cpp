// The parser of `jala extract --jsonl` request lines over arbitrary bytes: it must return a request or
// an error, never crash; a request's text must stay within the limit, and its id (echoed as written)
// must be JSON.
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string_view>

#include "jala/intake/extract_request.h"
#include "jala/model/report.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  const auto request = jala::intake::parse_extract_request(line);
  if (!request.ok()) return 0;
  if (request->text.size() > jala::model::k_max_text_bytes || request->id_json.empty()) std::abort();
  // Checked by another parser than the one that read it (simdjson here would be built with the fuzzer's
  // flags, and its inline functions could stand in for the library's).
  if (!nlohmann::json::accept(request->id_json)) std::abort();
  return 0;
}
