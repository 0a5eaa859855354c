// Ingest: reads one input's records and stores them, a batch per write transaction, so that a crash
// keeps every committed batch and a re-run completes the rest (puts are idempotent by (source, id)).
// Bad records are reported through a callback with their line and reason; the good ones are kept,
// unless the options ask for all or nothing.
// Not thread-safe; one ingest per store at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "jala/classify/model.h"
#include "jala/intake/record_reader.h"
#include "jala/storage/store.h"

namespace jala::intake {

enum class Strictness { keep_valid, all_or_nothing };

struct RecordError {
  std::string file;
  std::uint64_t line = 0;
  std::string error;
};

struct IngestCounts {
  std::uint64_t read = 0;  // records read, good or bad
  std::uint64_t added = 0;
  std::uint64_t updated = 0;
  std::uint64_t unchanged = 0;
  std::uint64_t rejected = 0;
  // Records whose kind, source and id came earlier in the same input: stored, replacing the earlier line.
  std::uint64_t repeated = 0;
  std::uint64_t skipped = 0;  // objects of a STIX or MISP document that give no record (RecordReader)
  std::uint64_t left_out = 0;  // values of STIX or MISP records that do not normalise (RecordReader)
  // Valid records not stored because --strict (Strictness::all_or_nothing) rejected their input.
  std::uint64_t discarded = 0;

  IngestCounts& operator+=(const IngestCounts& other);
};

struct IngestOptions {
  Strictness strictness = Strictness::keep_valid;
  std::size_t batch_size = 1'000'000;                     // records per committed transaction
  std::function<void(const RecordError&)> on_error;       // each rejected record, in input order
  // Each record that repeats an earlier line's (source, id), naming that line, in input order.
  std::function<void(const RecordError&)> on_repeated;
  // Each value a STIX or MISP record left out, "ORIGIN: why" (the first 100 of a document), after the input.
  std::function<void(const RecordError&)> on_left_out;
  std::function<void(std::uint64_t bytes)> on_progress;   // bytes consumed so far, after each batch
  DocumentDefaults document_defaults;                     // for STIX and MISP documents
  // When set, every report with text is assessed (classify/assess.h), in the preparing stage.
  const classify::Model* classifier = nullptr;
};

// Reads `source` (named `name` in each RecordError) in `format` into `store`. Three stages run at once,
// each on a thread of its own: reading and validating; preparing (assessing reports, when there is a
// classifier, and computing every record's digests); storing. Fails only when the input cannot be read
// or the store cannot be written, with an error that does not repeat `name` (the caller names the
// input); the records read before such a failure are kept. With
// Strictness::all_or_nothing, any rejected record means nothing from this input is stored, and the
// counts then show no additions.
Result<IngestCounts> ingest(storage::Store& store, ByteSource& source, std::string_view name, Format format,
                            const IngestOptions& options);

}  // namespace jala::intake
