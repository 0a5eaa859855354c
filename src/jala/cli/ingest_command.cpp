// jala ingest: each file in turn, bad records reported with file, line and reason, a summary at the end.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "jala/base/utf8.h"
#include "jala/cli/commands.h"
#include "jala/cli/file_source.h"
#include "jala/cli/progress.h"
#include "jala/intake/ingest.h"
#include "jala/share/import_common.h"

namespace jala::cli {
namespace {

// The JSON summary lists at most this many errors; `rejected` always counts them all.
constexpr std::size_t k_max_listed_errors = 10'000;

// "FILE:LINE", or "FILE" for what has no line (a document's records, a whole file).
std::string located(const intake::RecordError& error) {
  return error.line > 0 ? fmt::format("{}:{}", error.file, error.line) : error.file;
}

// What a file's ingest did besides adding and rejecting records, on stderr.
void note_file(std::string_view file, const intake::IngestCounts& counts) {
  if (counts.skipped > 0) {
    fmt::print(stderr,
               "jala: ingest: {}: {} object(s) skipped: revoked by their creator, or naming nothing Jala models\n",
               file, counts.skipped);
  }
  if (counts.left_out > share::k_max_listed_left_out) {  // the first are named one by one
    fmt::print(stderr, "jala: ingest: {}: {} value(s) left out of their reports in all, as they do not normalise\n",
               file, counts.left_out);
  }
  if (counts.discarded > 0) {
    fmt::print(stderr, "jala: ingest: {}: nothing stored (--strict): {} valid record(s) discarded with the rejected\n",
               file, counts.discarded);
  }
}

}  // namespace

Result<int> ingest_command(const Context& context, const IngestArgs& args) {
  std::optional<intake::Format> forced_format;
  if (!args.format.empty()) {
    JALA_TRY_ASSIGN(forced_format, intake::parse_format(args.format));
  }
  JALA_TRY_ASSIGN(const classify::Model classifier,
                  classify::Model::load(args.model.empty() ? default_model_path() : args.model));
  if (std::ranges::count(args.files, "-") > 1) {
    return invalid_argument("standard input (-) can be read only once");
  }
  JALA_TRY_ASSIGN(std::unique_ptr<storage::Store> store, storage::open_store(context.db, storage::k_bulk_load_options));

  intake::IngestCounts total;
  std::vector<intake::RecordError> listed;
  std::vector<intake::RecordError> left_out;
  std::vector<intake::RecordError> warnings;  // the first records that repeat an earlier line (on_repeated)
  bool errors_truncated = false;
  bool failed = false;
  const bool quiet_stderr = args.output == Output::json && !context.verbose;

  auto note_error = [&](intake::RecordError error) {
    failed = true;
    if (!quiet_stderr) {
      fmt::print(stderr, "jala: ingest: {}: {}\n", located(error), error.error);
    }
    if (listed.size() < k_max_listed_errors) {
      listed.push_back(std::move(error));
    } else {
      errors_truncated = true;
    }
  };

  if (args.bulk) {
    JALA_TRY(store->write([](storage::WriteTransaction& t) { return t.start_bulk_load(); }));
  }
  for (const std::string& file : args.files) {
    Result<intake::Format> format = forced_format ? Result<intake::Format>(*forced_format)
                                    : file == "-" ? Result<intake::Format>(intake::Format::jsonl)
                                                  : intake::format_for_path(file);
    if (!format.ok()) {
      note_error({file, 0, format.error().message()});
      continue;
    }
    Result<std::unique_ptr<FileSource>> source = FileSource::open(file);
    if (!source.ok()) {
      note_error({file, 0, source.error().message()});
      continue;
    }
    Progress progress(progress_display(context.verbose), fmt::format("ingest {}", file), (*source)->size());
    intake::IngestOptions options;
    options.strictness = args.strict ? intake::Strictness::all_or_nothing : intake::Strictness::keep_valid;
    if (args.batch_size) options.batch_size = *args.batch_size;
    options.on_error = [&](const intake::RecordError& error) { note_error(error); };
    options.on_repeated = [&](intake::RecordError warning) {
      if (!quiet_stderr) {
        fmt::print(stderr, "jala: ingest: {}: {}\n", located(warning), escape_for_terminal(warning.error));
      }
      if (warnings.size() < k_max_listed_errors) warnings.push_back(std::move(warning));
    };
    options.on_left_out = [&](intake::RecordError reason) {
      if (!quiet_stderr) {
        fmt::print(stderr, "jala: ingest: {}: a value left out of its report: {}\n", file,
                   escape_for_terminal(reason.error));
      }
      left_out.push_back(std::move(reason));
    };
    options.on_progress = [&](std::uint64_t bytes) { progress.update(bytes); };
    options.document_defaults = {args.source, args.country};
    options.classifier = &classifier;
    Result<intake::IngestCounts> counts = intake::ingest(*store, **source, file, *format, options);
    if (!counts.ok()) {
      // The input or the store failed; batches committed so far stay, and a re-run completes the file.
      note_error({file, 0, counts.error().message()});
      continue;
    }
    if (!quiet_stderr) note_file(file, *counts);
    total += *counts;
  }

  // After --bulk, and after a bulk load that was interrupted: what the indexes lack is built now.
  if (args.bulk && !quiet_stderr) fmt::print(stderr, "jala: ingest: building the indexes of accounts' transactions\n");
  const Status indexed = store->write([](storage::WriteTransaction& t) { return t.finish_bulk_load(); });
  if (!indexed.ok()) note_error({"store", 0, indexed.error().with_context("building indexes").message()});

  if (args.output == Output::json) {
    nlohmann::ordered_json errors = nlohmann::ordered_json::array();
    for (const intake::RecordError& error : listed) {
      errors.push_back({{"file", error.file}, {"line", error.line}, {"error", error.error}});
    }
    nlohmann::ordered_json summary = {{"read", total.read},
                                      {"added", total.added},
                                      {"updated", total.updated},
                                      {"unchanged", total.unchanged},
                                      {"rejected", total.rejected}};
    if (total.repeated > 0) {  // records whose (source, id) an earlier line of their input had
      nlohmann::ordered_json repeats = nlohmann::ordered_json::array();
      for (const intake::RecordError& warning : warnings) {
        repeats.push_back({{"file", warning.file}, {"line", warning.line}, {"why", warning.error}});
      }
      summary["repeated"] = total.repeated;
      summary["repeated_lines"] = std::move(repeats);
    }
    if (total.discarded > 0) summary["discarded"] = total.discarded;  // only --strict discards
    if (total.skipped > 0) summary["skipped"] = total.skipped;        // only documents skip objects
    if (total.left_out > 0) {                                         // nor do records leave values out
      nlohmann::ordered_json reasons = nlohmann::ordered_json::array();
      for (const intake::RecordError& reason : left_out) {
        reasons.push_back({{"file", reason.file}, {"why", reason.error}});
      }
      summary["left_out"] = total.left_out;
      summary["left_out_values"] = std::move(reasons);
    }
    summary["errors"] = std::move(errors);
    if (errors_truncated) summary["errors_truncated"] = true;
    // File names and quoted input may be invalid UTF-8: replaced, never thrown on.
    fmt::print("{}\n", summary.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  } else {
    fmt::print("read {} records: {} added, {} updated, {} unchanged, {} rejected{}{}\n", total.read, total.added,
               total.updated, total.unchanged, total.rejected,
               total.repeated > 0 ? fmt::format(", {} repeating an earlier line's source and id", total.repeated) : "",
               total.discarded > 0 ? fmt::format(", {} discarded (--strict)", total.discarded) : "");
  }
  return failed ? 1 : 0;
}

}  // namespace jala::cli
