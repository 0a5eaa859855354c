#include "jala/intake/record_reader.h"

#include <array>

#include "jala/base/utf8.h"
#include "jala/intake/record_reader_impl.h"
#include "jala/model/text.h"

namespace jala::intake {

namespace {

struct FormatName {
  Format format;
  std::string_view name;
};

constexpr std::array<FormatName, 5> k_format_names = {{
    {Format::jsonl, "jsonl"},
    {Format::csv, "csv"},
    {Format::stix, "stix"},
    {Format::misp, "misp"},
    {Format::text, "text"},
}};

struct FormatSuffix {
  std::string_view suffix;
  Format format;
};

constexpr std::array<FormatSuffix, 8> k_format_suffixes = {{
    {".jsonl", Format::jsonl},
    {".ndjson", Format::jsonl},
    {".csv", Format::csv},
    {".stix.json", Format::stix},
    {".stix", Format::stix},
    {".misp.json", Format::misp},
    {".misp", Format::misp},
    {".txt", Format::text},
}};

}  // namespace

std::string_view to_string(Format format) { return k_format_names[static_cast<std::size_t>(format)].name; }

Result<Format> parse_format(std::string_view name) {
  for (const FormatName& entry : k_format_names) {
    if (entry.name == name) return entry.format;
  }
  return invalid_argument("'{}' is not a supported intake format (jsonl, csv, stix, misp, text)",
                          truncate_utf8(name, 40));
}

Result<Format> format_for_path(std::string_view path) {
  const std::string lowered = model::ascii_lower(path);
  for (const FormatSuffix& entry : k_format_suffixes) {
    if (lowered.ends_with(entry.suffix)) return entry.format;
  }
  return invalid_argument("cannot tell the format of '{}' from its name; give --format jsonl, csv, stix, misp or text",
                          path);
}

std::unique_ptr<RecordReader> make_record_reader(Format format, ByteSource& source, const DocumentDefaults& defaults) {
  switch (format) {
    case Format::jsonl: return make_jsonl_reader(source);
    case Format::csv: return make_csv_reader(source);
    case Format::text: return make_text_reader(source, defaults);
    case Format::stix:
    case Format::misp: break;
  }
  return make_document_reader(format, source, defaults);
}

}  // namespace jala::intake
