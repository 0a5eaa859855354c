// CSV intake: a header row names the columns with the JSON field names; a header with both `from` and
// `to` makes a transaction file, any other a report file. Reports give `loss_amount` and
// `loss_currency` columns and `selectors` as "type:value|type:value".
#include <algorithm>
#include <optional>

#include "jala/base/utf8.h"
#include "jala/intake/csv_reader.h"
#include "jala/intake/record_reader_impl.h"
#include "jala/model/text.h"

namespace jala::intake {
namespace {

class CsvRecordReader final : public RecordReader {
 public:
  explicit CsvRecordReader(ByteSource& source) : m_reader(source, k_max_record_bytes) {}

  Result<std::optional<ParsedRecord>> next() override {
    if (m_bad_header) return std::optional<ParsedRecord>();
    JALA_TRY_ASSIGN(std::optional<CsvRecord> row, m_reader.next());
    if (!row && !m_header) {
      // An empty file has no header either: an export that failed, more likely than a file of no records.
      m_bad_header = true;
      return std::optional<ParsedRecord>(
          ParsedRecord{1, invalid_argument("bad CSV header: the file is empty, with no row naming the columns")});
    }
    if (!row) return std::optional<ParsedRecord>();
    const Status readable = check_fields(*row);
    if (!m_header) {
      const Status header = readable.ok() ? read_header(row->fields) : readable;
      if (!header.ok()) {
        // A bad header, unreadable CSV too, fails the whole file: it is its one error, at its line, and
        // nothing after it is read (a later row is never taken for the header).
        m_bad_header = true;
        return std::optional<ParsedRecord>(ParsedRecord{row->line, header.error().with_context("bad CSV header")});
      }
      return next();
    }
    if (!readable.ok()) return std::optional<ParsedRecord>(ParsedRecord{row->line, readable.error()});
    return std::optional<ParsedRecord>(ParsedRecord{row->line, build(row->fields)});
  }

  std::uint64_t bytes_consumed() const override { return m_reader.bytes_consumed(); }

 private:
  // The row as CSV: well formed, and every field valid UTF-8.
  static Status check_fields(const CsvRecord& row) {
    if (!row.status.ok()) return row.status;
    for (std::size_t i = 0; i < row.fields.size(); ++i) {
      if (!is_valid_utf8(row.fields[i])) return invalid_argument("field {} is not valid UTF-8", i + 1);
    }
    return {};
  }

  Status read_header(const std::vector<std::string>& columns) {
    // A file whose lines end in CR alone (classic Mac OS) is one line to the reader: its header holds the
    // CRs and runs on into the rows. Said here, or a column it swallowed would be reported missing.
    for (const std::string& column : columns) {
      if (column.find('\r') != std::string::npos) {
        return invalid_argument(
            "the line ends are CR only (as classic Mac OS wrote them), so the header runs on into the rows "
            "after it; intake reads LF or CRLF line ends");
      }
    }
    bool has_from = false, has_to = false;
    for (const std::string& column : columns) {
      has_from = has_from || column == "from";
      has_to = has_to || column == "to";
    }
    m_type = has_from && has_to ? RecordType::transaction : RecordType::report;
    // Which records the header was meant for, in its error: a transaction file whose names are in capitals
    // or have spaces around them is not told what report records require.
    bool meant_from = false, meant_to = false;
    for (const std::string& column : columns) {
      meant_from = meant_from || folded_column_name(column) == "from";
      meant_to = meant_to || folded_column_name(column) == "to";
    }
    const RecordType meant = meant_from && meant_to ? RecordType::transaction : m_type;
    const auto required = meant == RecordType::report ? required_report_fields() : required_transaction_fields();
    for (std::string_view field : required) {
      if (std::find(columns.begin(), columns.end(), field) == columns.end()) {
        return invalid_argument("no '{}' column, which {} records require{}", field,
                                meant == RecordType::report ? "report" : "transaction", header_hint(columns, field));
      }
    }
    // A column the records know, written in capitals or with spaces around its name (' text', 'Reference'),
    // would be ignored as an unknown one and its values lost without a word.
    const auto known = [meant](std::string_view name) {
      return meant == RecordType::report ? is_report_field(name) : is_transaction_field(name);
    };
    for (const std::string& column : columns) {
      const std::string folded = folded_column_name(column);
      // `loss` is a JSON object; in any case, a CSV column of that name could fill no row.
      if (meant == RecordType::report && folded == "loss") {
        return invalid_argument("column {} cannot be read: a CSV file gives a loss as 'loss_amount' and "
                                "'loss_currency' columns",
                                quote_untrusted(column));
      }
      if (known(column) || !known(folded)) continue;
      return invalid_argument("column {} would be ignored, not read as '{}'{}", quote_untrusted(column), folded,
                              column_hint(column));
    }
    m_header = columns;
    return {};
  }

  // A column's name in lower case without the spaces around it, to tell what a header that lacks a column
  // meant.
  static std::string folded_column_name(std::string_view column) {
    return model::ascii_lower(model::trim_ascii_space(column));
  }

  // Why a header that looks right lacks `field`: another separator than the comma, names with spaces
  // around them, or names in capitals.
  static std::string header_hint(const std::vector<std::string>& columns, std::string_view field) {
    if (columns.size() == 1 && columns.front().find_first_of(";\t|") != std::string::npos) {
      return "; columns are separated by commas, and this header is one column";
    }
    for (const std::string& column : columns) {
      if (folded_column_name(column) == field) return column_hint(column);
    }
    return "";
  }

  // Why `column`, whose name folds to a field's, is not that field.
  static std::string column_hint(std::string_view column) {
    if (model::trim_ascii_space(column) != column) {
      return fmt::format("; column names have no spaces around them, and {} has", quote_untrusted(column));
    }
    return fmt::format("; column names are lower case, and {} is not", quote_untrusted(column));
  }

  Result<Record> build(const std::vector<std::string>& fields) const {
    if (fields.size() != m_header->size()) {
      return invalid_argument("{} fields where the header has {}", fields.size(), m_header->size());
    }
    if (m_type == RecordType::report) {
      ReportBuilder builder;
      for (std::size_t i = 0; i < fields.size(); ++i) JALA_TRY(builder.set((*m_header)[i], fields[i]));
      JALA_TRY_ASSIGN(model::Report report, builder.finish());
      return Record(std::move(report));
    }
    TransactionBuilder builder;
    for (std::size_t i = 0; i < fields.size(); ++i) JALA_TRY(builder.set((*m_header)[i], fields[i]));
    JALA_TRY_ASSIGN(model::Transaction transaction, builder.finish());
    return Record(std::move(transaction));
  }

  CsvReader m_reader;
  std::optional<std::vector<std::string>> m_header;
  bool m_bad_header = false;
  RecordType m_type = RecordType::report;
};

}  // namespace

std::unique_ptr<RecordReader> make_csv_reader(ByteSource& source) { return std::make_unique<CsvRecordReader>(source); }

}  // namespace jala::intake
