// Record readers: turn a byte stream in one intake format into validated records, one at a time, in
// bounded memory. A record that fails comes back as an error with its line; the reader goes on with
// the next one. Only a failure to read the stream itself ends the reading.
// Not thread-safe; one reader per stream.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "jala/intake/byte_source.h"
#include "jala/intake/record_builder.h"

namespace jala::intake {

// jsonl and csv are streams of records; stix (a STIX 2.1 bundle) and misp (MISP events) are one JSON
// document each, read whole (up to JsonLimits::max_bytes) and turned into reports by share/.
enum class Format { jsonl, csv, stix, misp, text };

std::string_view to_string(Format format);
Result<Format> parse_format(std::string_view name);
// The format a file name implies: .jsonl/.ndjson are JSON Lines, .csv is CSV, .stix.json and .stix are
// STIX, .misp.json and .misp are MISP. Any other .json could be either, so it needs --format.
Result<Format> format_for_path(std::string_view path);

// What a STIX or MISP document may leave unsaid: the reporting agency and its country (see
// share::ImportOptions).
struct DocumentDefaults {
  std::string source;
  std::string country;
};

// Longest record (a JSON line, or a CSV record with its quoted line breaks).
inline constexpr std::size_t k_max_record_bytes = 1 << 20;

struct ParsedRecord {
  std::uint64_t line = 0;
  Result<Record> record;
};

class RecordReader {
 public:
  virtual ~RecordReader() = default;
  // The next record or record error; nullopt at the end of the input.
  virtual Result<std::optional<ParsedRecord>> next() = 0;
  virtual std::uint64_t bytes_consumed() const = 0;
  // Objects of a STIX or MISP document that give no record and are no error: revoked by their creator,
  // or naming nothing Jala models. Read once the input is done.
  virtual std::uint64_t skipped_objects() const { return 0; }
  // Values of a STIX or MISP document's records left out because they do not normalise: their count,
  // and the first of them, each "ORIGIN: why". Read once the input is done.
  virtual std::uint64_t left_out_selectors() const { return 0; }
  virtual std::vector<std::string> left_out_reasons() const { return {}; }
};

// A reader for `format` over `source`, which must outlive it.
std::unique_ptr<RecordReader> make_record_reader(Format format, ByteSource& source,
                                                 const DocumentDefaults& defaults = {});

}  // namespace jala::intake
