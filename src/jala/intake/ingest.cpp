#include "jala/intake/ingest.h"

#include <thread>
#include <type_traits>

#include <fmt/format.h>

#include "jala/base/bounded_queue.h"
#include "jala/classify/assess.h"
#include "jala/intake/earlier_lines.h"

namespace jala::intake {

IngestCounts& IngestCounts::operator+=(const IngestCounts& other) {
  read += other.read;
  added += other.added;
  updated += other.updated;
  unchanged += other.unchanged;
  rejected += other.rejected;
  repeated += other.repeated;
  skipped += other.skipped;
  left_out += other.left_out;
  discarded += other.discarded;
  return *this;
}

namespace {

// Parsed records travel from the reading thread to the storing thread in batches.
struct Batch {
  std::vector<ParsedRecord> records;
  std::vector<storage::RecordDigests> digests;  // by position, once prepared (a bad record's stay empty)
  // By position, once prepared: the line on which a good record's key came earlier in the input.
  std::vector<std::optional<std::uint64_t>> earlier_lines;
  std::uint64_t bytes_consumed = 0;
  std::optional<Error> read_error;  // the input failed after these records
  bool ends_transaction = false;    // the last chunk of a batch, or of the input
  bool last = false;
};

// Records travel in chunks much smaller than a transaction, with two chunks in flight: one being
// stored while the next is parsed. This bounds memory whatever the input and transaction sizes.
constexpr std::size_t k_chunk_records = 4096;
constexpr std::size_t k_batches_in_flight = 2;

void count(IngestCounts& counts, storage::PutOutcome outcome) {
  switch (outcome) {
    case storage::PutOutcome::added: ++counts.added; break;
    case storage::PutOutcome::updated: ++counts.updated; break;
    case storage::PutOutcome::unchanged: ++counts.unchanged; break;
  }
}

// Puts one record. The store validates again (it guards every caller; the builders already did on the
// reading thread): a record it finds invalid is a rejection with the store's reason, returned as a
// message; any other failure ends the ingest.
Result<std::optional<std::string>> put(storage::WriteTransaction& transaction, const Record& record,
                                       const storage::RecordDigests& digests, IngestCounts& counts) {
  Result<storage::PutOutcome> outcome =
      std::holds_alternative<model::Report>(record)
          ? transaction.put_report(std::get<model::Report>(record), digests)
          : transaction.put_transaction(std::get<model::Transaction>(record), digests);
  if (!outcome.ok()) {
    if (outcome.error().code() == ErrorCode::invalid_argument) return std::optional<std::string>(outcome.error().message());
    return std::move(outcome).error();
  }
  count(counts, *outcome);
  return std::optional<std::string>();
}

// Reads chunks of at most k_chunk_records, closing a chunk at every multiple of `batch_size` records so
// that each transaction holds exactly `batch_size` records (the last one may hold fewer).
void read_chunks(RecordReader& reader, std::size_t batch_size, BoundedQueue<Batch>& queue) {
  std::size_t left_in_batch = batch_size;
  while (true) {
    Batch chunk;
    const std::size_t size = std::min(k_chunk_records, left_in_batch);
    chunk.records.reserve(size);
    while (chunk.records.size() < size) {
      Result<std::optional<ParsedRecord>> next = reader.next();
      if (!next.ok()) {
        chunk.read_error = std::move(next).error();
        chunk.last = true;
        break;
      }
      if (!*next) {
        chunk.last = true;
        break;
      }
      chunk.records.push_back(std::move(**next));
    }
    left_in_batch -= chunk.records.size();
    chunk.ends_transaction = chunk.last || left_in_batch == 0;
    if (left_in_batch == 0) left_in_batch = batch_size;
    chunk.bytes_consumed = reader.bytes_consumed();
    const bool last = chunk.last;
    if (!queue.push(std::move(chunk)) || last) return;
  }
}

// Prepares the good records of the chunks that `read` brings and passes them on to `prepared`: assesses
// every report when there is a classifier (classify/assess.h), then computes each record's digests
// (storage::digests_of), and finds the records that repeat an earlier line's key. A stage of its own, so
// that this CPU work runs beside both parsing and storing.
void prepare_chunks(const classify::Model* classifier, BoundedQueue<Batch>& read, BoundedQueue<Batch>& prepared) {
  EarlierLines earlier_lines;
  while (std::optional<Batch> chunk = read.pop()) {
    chunk->digests.resize(chunk->records.size());
    chunk->earlier_lines.resize(chunk->records.size());
    for (std::size_t i = 0; i < chunk->records.size(); ++i) {
      ParsedRecord& parsed = chunk->records[i];
      if (!parsed.record.ok()) continue;
      chunk->earlier_lines[i] = earlier_lines.note(*parsed.record, parsed.line);
      if (auto* report = std::get_if<model::Report>(&*parsed.record)) {
        if (classifier != nullptr) report->assessment = classify::assess(*classifier, *report);
        chunk->digests[i] = storage::digests_of(*report);
      } else {
        chunk->digests[i] = storage::digests_of(std::get<model::Transaction>(*parsed.record));
      }
    }
    const bool last = chunk->last;
    if (!prepared.push(std::move(*chunk)) || last) return;
  }
}

class Ingester {
 public:
  Ingester(std::string_view name, const IngestOptions& options) : m_name(name), m_options(options) {}

  // Stores one batch's good records in `transaction`, counting them in m_pending.
  Status store(storage::WriteTransaction& transaction, const Batch& batch) {
    std::vector<storage::RecordRef> records;
    for (const ParsedRecord& parsed : batch.records) {
      if (!parsed.record.ok()) continue;
      std::visit([&](const auto& record) { records.emplace_back(&record); }, *parsed.record);
    }
    JALA_TRY(transaction.expect_records(records));
    for (std::size_t i = 0; i < batch.records.size(); ++i) {
      const ParsedRecord& parsed = batch.records[i];
      ++m_total.read;
      if (!parsed.record.ok()) {
        reject(parsed.line, parsed.record.error().message());
        continue;
      }
      JALA_TRY_ASSIGN(std::optional<std::string> rejection,
                      put(transaction, *parsed.record, batch.digests[i], m_pending));
      if (rejection) {
        reject(parsed.line, std::move(*rejection));
      } else if (const std::optional<std::uint64_t> earlier = batch.earlier_lines[i]) {
        repeated(parsed, *earlier);
      }
    }
    return {};
  }

  // The pending counts become final once their transaction commits.
  void committed() {
    m_total.added += m_pending.added;
    m_total.updated += m_pending.updated;
    m_total.unchanged += m_pending.unchanged;
    m_pending = {};
  }
  // The pending records were valid, but their input is rejected as a whole.
  void rolled_back() {
    m_total.discarded += m_pending.added + m_pending.updated + m_pending.unchanged;
    m_pending = {};
  }

  const IngestCounts& total() const { return m_total; }

 private:
  void reject(std::uint64_t line, std::string error) {
    ++m_total.rejected;
    if (m_options.on_error) m_options.on_error(RecordError{m_name, line, std::move(error)});
  }
  void repeated(const ParsedRecord& parsed, std::uint64_t earlier) {
    ++m_total.repeated;
    if (!m_options.on_repeated) return;
    std::visit(
        [&](const auto& record) {
          const std::string_view kind =
              std::is_same_v<std::decay_t<decltype(record)>, model::Report> ? "report" : "transaction";
          // A document's records have no lines (0).
          const std::string where = earlier > 0 ? fmt::format("on line {}", earlier) : "earlier in this input";
          m_options.on_repeated(RecordError{m_name, parsed.line,
                                            fmt::format("{} '{}' of source '{}' came {} already; this one replaces it",
                                                        kind, record.id, record.source, where)});
        },
        *parsed.record);
  }

  std::string m_name;
  const IngestOptions& m_options;
  IngestCounts m_total;
  IngestCounts m_pending;
};

// Each batch of `batch_size` records in its own transaction: a failure keeps every batch committed
// before it. Large batches matter: every transaction rewrites the index pages it touches, and selector
// links land all over the selector index.
Result<IngestCounts> store_batch_by_batch(storage::Store& store, BoundedQueue<Batch>& queue, Ingester& ingester,
                                          const IngestOptions& options) {
  bool finished = false;
  while (!finished) {
    std::uint64_t bytes_consumed = 0;
    std::optional<Error> read_error;
    const Status written = store.write([&](storage::WriteTransaction& transaction) -> Status {
      while (true) {
        std::optional<Batch> chunk = queue.pop();
        if (!chunk) {
          finished = true;
          return {};
        }
        JALA_TRY(ingester.store(transaction, *chunk));
        bytes_consumed = chunk->bytes_consumed;
        read_error = std::move(chunk->read_error);
        finished = chunk->last;
        if (chunk->ends_transaction) return {};
      }
    });
    if (!written.ok()) return written.error();
    ingester.committed();
    if (options.on_progress) options.on_progress(bytes_consumed);
    if (read_error) return *read_error;
  }
  return ingester.total();
}

// One transaction for the whole input, rolled back if any record is rejected.
Result<IngestCounts> store_all_or_nothing(storage::Store& store, BoundedQueue<Batch>& queue, Ingester& ingester,
                                          const IngestOptions& options) {
  std::optional<Error> read_error;
  const Status written = store.write([&](storage::WriteTransaction& transaction) -> Status {
    while (std::optional<Batch> batch = queue.pop()) {
      JALA_TRY(ingester.store(transaction, *batch));
      if (options.on_progress) options.on_progress(batch->bytes_consumed);
      if (batch->read_error) return *batch->read_error;
      if (batch->last) break;
    }
    if (ingester.total().rejected > 0) {
      return invalid_argument("{} invalid record(s); nothing from this input was stored (--strict)",
                              ingester.total().rejected);
    }
    return {};
  });
  if (written.ok()) {
    ingester.committed();
    return ingester.total();
  }
  ingester.rolled_back();
  if (written.error().code() == ErrorCode::invalid_argument && ingester.total().rejected > 0) return ingester.total();
  return written.error();
}

}  // namespace

Result<IngestCounts> ingest(storage::Store& store, ByteSource& source, std::string_view name, Format format,
                            const IngestOptions& options) {
  const std::unique_ptr<RecordReader> reader = make_record_reader(format, source, options.document_defaults);
  BoundedQueue<Batch> read(k_batches_in_flight);
  BoundedQueue<Batch> prepared(k_batches_in_flight);
  Ingester ingester(name, options);
  // Reading and validating run on their own thread, and preparing on another, while this one stores.
  std::jthread reading([&] { read_chunks(*reader, std::max<std::size_t>(options.batch_size, 1), read); });
  std::jthread preparing([&] { prepare_chunks(options.classifier, read, prepared); });
  Result<IngestCounts> result = options.strictness == Strictness::all_or_nothing
                                    ? store_all_or_nothing(store, prepared, ingester, options)
                                    : store_batch_by_batch(store, prepared, ingester, options);
  // Releases the other stages if storing stopped early.
  prepared.close();
  read.close();
  reading.join();
  preparing.join();
  if (result.ok()) {
    result->skipped = reader->skipped_objects();
    result->left_out = reader->left_out_selectors();
    if (options.on_left_out) {
      for (std::string& reason : reader->left_out_reasons()) {
        options.on_left_out(RecordError{std::string(name), 0, std::move(reason)});
      }
    }
  }
  return result;
}

}  // namespace jala::intake
