// Plain-text intake (`--format text`, or a .txt file): the whole input is one report, such as a chat
// export or a note, with the selectors of its text. Its id is "text-" and the first 16 hex digits of the
// text's SHA-256, so the same text ingested again is the same report; `--source` and `--country` give
// its source and reporting country, its kind is `other`, and it is reported at the time of ingest.
// An input that is too long or has no text is one rejected record.
#include <array>
#include <deque>

#include "jala/base/sha256.h"
#include "jala/base/time.h"
#include "jala/intake/record_builder.h"
#include "jala/intake/record_reader_impl.h"

namespace jala::intake {
namespace {

constexpr std::size_t k_id_hex_digits = 16;

class TextReader final : public RecordReader {
 public:
  TextReader(ByteSource& source, DocumentDefaults defaults) : m_source(source), m_defaults(std::move(defaults)) {}

  Result<std::optional<ParsedRecord>> next() override {
    if (m_read) return std::optional<ParsedRecord>();
    m_read = true;
    std::string text;
    std::array<char, 1 << 16> buffer{};
    while (true) {
      JALA_TRY_ASSIGN(const std::size_t count, m_source.read(buffer));
      if (count == 0) break;
      m_consumed += count;
      if (text.size() + count > model::k_max_text_bytes) {
        return std::optional<ParsedRecord>(
            ParsedRecord{1, invalid_argument("text: the input is more than {} bytes, the limit of a report's text",
                                             model::k_max_text_bytes)});
      }
      text.append(buffer.data(), count);
    }
    return std::optional<ParsedRecord>(ParsedRecord{1, report_of(std::move(text))});
  }

  std::uint64_t bytes_consumed() const override { return m_consumed; }

 private:
  Result<Record> report_of(std::string text) const {
    if (m_defaults.source.empty()) return invalid_argument("source: a text input needs --source");
    if (m_defaults.country.empty()) return invalid_argument("country: a text input needs --country");
    model::Report report;
    report.source = m_defaults.source;
    report.id = "text-" + to_hex(sha256(text)).substr(0, k_id_hex_digits);
    report.country = m_defaults.country;
    report.reported_at = now();
    report.text = std::move(text);
    JALA_TRY(model::validate(report));
    add_text_selectors(report);
    return Record(std::move(report));
  }

  ByteSource& m_source;
  DocumentDefaults m_defaults;
  bool m_read = false;
  std::uint64_t m_consumed = 0;
};

}  // namespace

std::unique_ptr<RecordReader> make_text_reader(ByteSource& source, const DocumentDefaults& defaults) {
  return std::make_unique<TextReader>(source, defaults);
}

}  // namespace jala::intake
