#include "jala/intake/record_reader.h"

#include "jala/intake/record_reader_impl.h"
#include "jala/model/text.h"

namespace jala::intake {

std::string_view to_string(Format format) { return format == Format::jsonl ? "jsonl" : "csv"; }

Result<Format> parse_format(std::string_view name) {
  if (name == "jsonl") return Format::jsonl;
  if (name == "csv") return Format::csv;
  return invalid_argument("'{}' is not a supported intake format (jsonl, csv)", name.substr(0, 40));
}

Result<Format> format_for_path(std::string_view path) {
  const std::string lowered = model::ascii_lower(path);
  if (lowered.ends_with(".jsonl") || lowered.ends_with(".ndjson")) return Format::jsonl;
  if (lowered.ends_with(".csv")) return Format::csv;
  return invalid_argument("cannot tell the format of '{}' from its name; give --format jsonl or csv", path);
}

std::unique_ptr<RecordReader> make_record_reader(Format format, ByteSource& source) {
  return format == Format::jsonl ? make_jsonl_reader(source) : make_csv_reader(source);
}

}  // namespace jala::intake
