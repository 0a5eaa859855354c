// STIX 2.1 and MISP intake: the input is one JSON document, read whole within share's size limit,
// turned into reports by share/ (stix_import.h, misp_import.h), and handed on one report at a time with
// the selectors of its text added, as the record builder does for the other formats. A document that
// cannot be read as one of them is one rejected record; so is each report that fails.
#include <array>
#include <deque>

#include "jala/intake/record_reader_impl.h"
#include "jala/share/misp_import.h"
#include "jala/share/stix_import.h"

namespace jala::intake {
namespace {

class DocumentReader final : public RecordReader {
 public:
  DocumentReader(Format format, ByteSource& source, const DocumentDefaults& defaults)
      : m_format(format), m_source(source) {
    m_options.default_source = defaults.source;
    m_options.default_country = defaults.country;
  }

  Result<std::optional<ParsedRecord>> next() override {
    if (!m_read) {
      m_read = true;
      JALA_TRY(read_document());
    }
    if (m_records.empty()) {
      return std::optional<ParsedRecord>();
    }
    ParsedRecord record = std::move(m_records.front());
    m_records.pop_front();
    return std::optional<ParsedRecord>(std::move(record));
  }

  std::uint64_t bytes_consumed() const override { return m_consumed; }
  std::uint64_t skipped_objects() const override { return m_skipped; }
  std::uint64_t left_out_selectors() const override { return m_left_out; }
  std::vector<std::string> left_out_reasons() const override { return m_left_out_reasons; }

 private:
  // Fails only when the source cannot be read; a document that is too large or not valid is a record
  // error.
  Status read_document() {
    std::string bytes;
    std::array<char, 1 << 16> buffer{};
    while (true) {
      JALA_TRY_ASSIGN(const std::size_t count, m_source.read(buffer));
      if (count == 0) {
        break;
      }
      m_consumed += count;
      if (bytes.size() + count > m_options.limits.max_bytes) {
        m_records.push_back({0, invalid_argument("the document is more than {} bytes; the limit is {}",
                                                 m_options.limits.max_bytes, m_options.limits.max_bytes)});
        return {};
      }
      bytes.append(buffer.data(), count);
    }
    Result<share::DocumentImport> imported =
        m_format == Format::stix ? share::import_stix(bytes, m_options) : share::import_misp(bytes, m_options);
    if (!imported.ok()) {
      m_records.push_back({0, std::move(imported).error()});
      return {};
    }
    m_skipped = imported->skipped_objects;
    m_left_out = imported->invalid_selectors;
    m_left_out_reasons = std::move(imported->left_out);
    for (share::ImportedReport& imported_report : imported->reports) {
      if (!imported_report.report.ok()) {
        m_records.push_back({0, imported_report.report.error().with_context(imported_report.origin)});
        continue;
      }
      model::Report report = std::move(imported_report.report).value();
      add_text_selectors(report);
      m_records.push_back({0, Record(std::move(report))});
    }
    return {};
  }

  Format m_format;
  ByteSource& m_source;
  share::ImportOptions m_options;
  bool m_read = false;
  std::uint64_t m_consumed = 0;
  std::uint64_t m_skipped = 0;
  std::uint64_t m_left_out = 0;
  std::vector<std::string> m_left_out_reasons;
  std::deque<ParsedRecord> m_records;
};

}  // namespace

std::unique_ptr<RecordReader> make_document_reader(Format format, ByteSource& source,
                                                   const DocumentDefaults& defaults) {
  return std::make_unique<DocumentReader>(format, source, defaults);
}

}  // namespace jala::intake
