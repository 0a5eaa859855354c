#include "jala/intake/csv_reader.h"

namespace jala::intake {
namespace {

// Whether a record is still inside a quoted field after `line`, given whether it was before it. A
// quote opens a field only at the field's start; inside, a doubled quote is literal and a single one
// closes. A stray quote in an unquoted field opens nothing, so one bad record cannot swallow the
// lines after it.
bool inside_quotes_after(std::string_view line, bool inside) {
  bool field_start = !inside;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (inside) {
      if (c != '"') continue;
      if (i + 1 < line.size() && line[i + 1] == '"') {
        ++i;
      } else {
        inside = false;
      }
    } else if (c == ',') {
      field_start = true;
    } else {
      inside = field_start && c == '"';
      field_start = false;
    }
  }
  return inside;
}

}  // namespace

Status split_csv_record(std::string_view text, std::vector<std::string>& fields) {
  fields.clear();
  std::string field;
  std::size_t at = 0;
  while (true) {
    field.clear();
    if (at < text.size() && text[at] == '"') {
      ++at;
      while (true) {
        if (at >= text.size()) return invalid_argument("a quoted field is not closed");
        const char c = text[at++];
        if (c != '"') {
          field += c;
        } else if (at < text.size() && text[at] == '"') {
          field += '"';
          ++at;
        } else {
          break;
        }
      }
      if (at < text.size() && text[at] != ',') {
        return invalid_argument("text after a closing quote in field {}", fields.size() + 1);
      }
    } else {
      const std::size_t end = std::min(text.find(',', at), text.size());
      const std::string_view raw = text.substr(at, end - at);
      if (raw.find('"') != std::string_view::npos) {
        return invalid_argument("a quote inside unquoted field {}; quote the whole field", fields.size() + 1);
      }
      field.assign(raw);
      at = end;
    }
    fields.push_back(field);
    if (at >= text.size()) return {};
    ++at;  // the comma
  }
}

CsvReader::CsvReader(ByteSource& source, std::size_t max_record_bytes)
    : m_lines(source, max_record_bytes), m_max_record_bytes(max_record_bytes) {}

Status CsvReader::skip_quoted_rest(bool inside) {
  while (inside) {
    JALA_TRY_ASSIGN(std::optional<Line> line, m_lines.next());
    if (!line) return {};
    if (!line->too_long) inside = inside_quotes_after(line->text, true);
  }
  return {};
}

Result<std::optional<CsvRecord>> CsvReader::next() {
  while (true) {
    JALA_TRY_ASSIGN(std::optional<Line> first, m_lines.next());
    if (!first) return std::optional<CsvRecord>();
    CsvRecord record;
    record.line = first->number;
    if (first->too_long) {
      record.status = invalid_argument("record is longer than {} bytes", m_max_record_bytes);
      return std::optional<CsvRecord>(std::move(record));
    }
    if (first->text.empty()) continue;
    m_record.assign(first->text);
    // Scanning each line once keeps joining linear in the record's size.
    bool open_quote = inside_quotes_after(first->text, false);
    while (open_quote) {
      JALA_TRY_ASSIGN(std::optional<Line> more, m_lines.next());
      if (!more) {
        record.status = invalid_argument("a quoted field is not closed before the end of the file");
        return std::optional<CsvRecord>(std::move(record));
      }
      if (more->too_long || m_record.size() + 1 + more->text.size() > m_max_record_bytes) {
        // The rest of the quoted field is skipped to the record's real end: read as records, its lines
        // would be rejected one by one, and its closing quote would open a field that swallows the
        // valid records after it. A line too long to hold is taken to stay inside the quotes.
        JALA_TRY(skip_quoted_rest(more->too_long || inside_quotes_after(more->text, true)));
        record.status = invalid_argument("record is longer than {} bytes", m_max_record_bytes);
        return std::optional<CsvRecord>(std::move(record));
      }
      m_record += '\n';
      m_record += more->text;
      open_quote = inside_quotes_after(more->text, true);
    }
    record.status = split_csv_record(m_record, record.fields);
    if (!record.status.ok()) record.fields.clear();
    return std::optional<CsvRecord>(std::move(record));
  }
}

}  // namespace jala::intake
