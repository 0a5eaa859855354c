#include "jala/intake/ingest.h"

namespace jala::intake {

IngestCounts& IngestCounts::operator+=(const IngestCounts& other) {
  read += other.read;
  added += other.added;
  updated += other.updated;
  unchanged += other.unchanged;
  rejected += other.rejected;
  return *this;
}

namespace {

void count(IngestCounts& counts, storage::PutOutcome outcome) {
  switch (outcome) {
    case storage::PutOutcome::added: ++counts.added; break;
    case storage::PutOutcome::updated: ++counts.updated; break;
    case storage::PutOutcome::unchanged: ++counts.unchanged; break;
  }
}

// Puts one record; a record the store finds invalid is a rejection, any other failure ends the ingest.
Result<bool> put(storage::WriteTransaction& transaction, const Record& record, IngestCounts& counts) {
  Result<storage::PutOutcome> outcome =
      std::holds_alternative<model::Report>(record) ? transaction.put_report(std::get<model::Report>(record))
                                                    : transaction.put_transaction(std::get<model::Transaction>(record));
  if (!outcome.ok()) {
    if (outcome.error().code() == ErrorCode::invalid_argument) return false;
    return std::move(outcome).error();
  }
  count(counts, *outcome);
  return true;
}

}  // namespace

Result<IngestCounts> ingest(storage::Store& store, ByteSource& source, std::string_view name, Format format,
                            const IngestOptions& options) {
  const std::unique_ptr<RecordReader> reader = make_record_reader(format, source);
  IngestCounts total;
  bool finished = false;
  const std::size_t batch_size =
      options.strictness == Strictness::all_or_nothing ? SIZE_MAX : std::max<std::size_t>(options.batch_size, 1);

  auto reject = [&](std::uint64_t line, std::string error) {
    ++total.rejected;
    if (options.on_error) options.on_error(RecordError{std::string(name), line, std::move(error)});
  };

  while (!finished) {
    IngestCounts batch;
    const Status written = store.write([&](storage::WriteTransaction& transaction) -> Status {
      for (std::size_t in_batch = 0; in_batch < batch_size; ++in_batch) {
        JALA_TRY_ASSIGN(std::optional<ParsedRecord> parsed, reader->next());
        if (!parsed) {
          finished = true;
          break;
        }
        ++total.read;
        if (!parsed->record.ok()) {
          reject(parsed->line, parsed->record.error().message());
          continue;
        }
        JALA_TRY_ASSIGN(const bool stored, put(transaction, *parsed->record, batch));
        if (!stored) reject(parsed->line, "rejected by the store");
      }
      if (options.strictness == Strictness::all_or_nothing && total.rejected > 0) {
        return invalid_argument("{} invalid record(s); nothing from this input was stored (--strict)", total.rejected);
      }
      return {};
    });
    if (!written.ok()) {
      if (options.strictness == Strictness::all_or_nothing && written.error().code() == ErrorCode::invalid_argument) {
        return total;  // rolled back: no record of this input was stored
      }
      return written.error().with_context(name);
    }
    total.added += batch.added;
    total.updated += batch.updated;
    total.unchanged += batch.unchanged;
    if (options.on_progress) options.on_progress(reader->bytes_consumed());
  }
  return total;
}

}  // namespace jala::intake
