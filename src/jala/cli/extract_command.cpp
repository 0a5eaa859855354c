// jala extract: selectors in free text (plain mode) or in JSON Lines requests (--jsonl), as JSON Lines.
// Both modes run one ordered pipeline: a serial stage reads the next bounded unit of input (a piece of
// text ending at a line break, or a batch of lines), extraction runs on every core in parallel, and a
// serial stage writes each unit's output in input order. At most k_units_in_flight units exist at once,
// so memory stays constant whatever the input size.
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <cstdio>
#include <memory>
#include <mutex>

#include "jala/analysis/found_selector_json.h"
#include "jala/base/json_text.h"
#include "jala/cli/commands.h"
#include "jala/cli/data_files.h"
#include "jala/cli/file_source.h"
#include "jala/cli/progress.h"
#include "jala/extract/extract.h"
#include "jala/intake/extract_request.h"
#include "jala/intake/line_reader.h"
#include "jala/intake/piece_reader.h"

namespace jala::cli {
namespace {

constexpr std::size_t k_piece_bytes = 1 << 20;        // plain mode: text per unit
constexpr std::size_t k_lines_per_unit = 256;         // --jsonl: lines per unit

struct Unit {
  // Input: one piece of plain text, or a batch of request lines with their numbers.
  intake::Piece piece;
  std::vector<std::string> lines;
  std::vector<std::uint64_t> line_numbers;
  // Output.
  std::string rendered;
  std::vector<std::string> errors;  // "LINE: reason"

  // Empties the unit for reuse; its buffers keep their capacity.
  void clear() {
    piece.text.clear();
    lines.clear();
    line_numbers.clear();
    rendered.clear();
    errors.clear();
  }
};

// Units in flight are reused rather than allocated for each batch of input. A unit's output (about
// 100 KB for 256 requests) allocated and freed batch after batch made glibc grow and trim its heap
// some two thousand times over a 100 MB input, faulting the pages in each time: a sixth of the run.
class UnitPool {
 public:
  std::shared_ptr<Unit> take() {
    std::unique_ptr<Unit> unit;
    {
      const std::lock_guard lock(m_mutex);
      if (!m_free.empty()) {
        unit = std::move(m_free.back());
        m_free.pop_back();
      }
    }
    if (!unit) unit = std::make_unique<Unit>();
    return {unit.release(), [this](Unit* returned) { give_back(returned); }};
  }

 private:
  void give_back(Unit* unit) {
    std::unique_ptr<Unit> owned(unit);
    owned->clear();
    const std::lock_guard lock(m_mutex);
    m_free.push_back(std::move(owned));
  }

  std::mutex m_mutex;
  std::vector<std::unique_ptr<Unit>> m_free;
};

void append_finding(std::string& out, const extract::Finding& finding, std::uint64_t offset,
                    const extract::WarningLists& warning_lists, std::string_view more_members = {}) {
  analysis::append_found_selector_json(out, finding.selector, finding.start + offset, finding.end + offset, finding.raw,
                                       finding.confidence, warning_lists, more_members);
}

// `file_member` is `,"file":NAME` when several inputs are given: each file is its own text, with its own
// offsets, and each finding names it.
void extract_piece(Unit& unit, const extract::ExtractContext& context, std::string_view file_member,
                   const extract::WarningLists& warning_lists) {
  for (const extract::Finding& finding : extract::extract(unit.piece.text, context)) {
    append_finding(unit.rendered, finding, unit.piece.offset, warning_lists, file_member);
    unit.rendered += '\n';
  }
}

void extract_requests(Unit& unit, std::string_view default_country, const extract::WarningLists& warning_lists) {
  for (std::size_t i = 0; i < unit.lines.size(); ++i) {
    if (unit.lines[i].find_first_not_of(" \t\r") == std::string::npos) continue;  // blank line
    Result<intake::ExtractRequest> request = intake::parse_extract_request(unit.lines[i]);
    if (!request.ok()) {
      unit.errors.push_back(fmt::format("{}: {}", unit.line_numbers[i], request.error().message()));
      continue;
    }
    const std::string_view country = request->country.empty() ? default_country : request->country;
    unit.rendered += "{\"id\":";
    unit.rendered += request->id_json;
    unit.rendered += ",\"selectors\":[";
    bool first = true;
    for (const extract::Finding& finding : extract::extract(request->text, {country})) {
      if (!first) unit.rendered += ',';
      first = false;
      append_finding(unit.rendered, finding, 0, warning_lists);
    }
    unit.rendered += "]}\n";
  }
}

// Reads the next unit of `file`; false at the end of the input.
class UnitReader {
 public:
  UnitReader(intake::ByteSource& source, bool jsonl)
      : m_jsonl(jsonl), m_lines(source, intake::k_max_extract_request_line_bytes), m_pieces(source, k_piece_bytes) {}

  Result<bool> next(Unit& unit) {
    if (!m_jsonl) {
      JALA_TRY_ASSIGN(std::optional<intake::Piece> piece, m_pieces.next());
      if (!piece) return false;
      unit.piece = std::move(*piece);
      return true;
    }
    while (unit.lines.size() < k_lines_per_unit) {
      JALA_TRY_ASSIGN(const std::optional<intake::Line> line, m_lines.next());
      if (!line) break;
      if (line->too_long) {
        unit.errors.push_back(fmt::format("{}: the line is longer than {} bytes", line->number,
                                          intake::k_max_extract_request_line_bytes));
        continue;
      }
      unit.lines.emplace_back(line->text);
      unit.line_numbers.push_back(line->number);
    }
    return !unit.lines.empty() || !unit.errors.empty();
  }

  std::uint64_t bytes_consumed() const { return m_jsonl ? m_lines.bytes_consumed() : m_pieces.bytes_consumed(); }

 private:
  bool m_jsonl;
  intake::LineReader m_lines;
  intake::PieceReader m_pieces;
};

// Runs the pipeline over one file. Returns the number of bad lines; an input error ends the file.
Result<std::size_t> extract_file(const Context& context, const ExtractArgs& args, const std::string& file,
                                 const extract::WarningLists& warning_lists) {
  JALA_TRY_ASSIGN(std::unique_ptr<FileSource> source, FileSource::open(file));
  Progress progress(progress_display(context.verbose), fmt::format("extract {}", file), source->size());
  UnitReader reader(*source, args.jsonl);
  Status input_status;
  std::size_t bad_lines = 0;
  std::string file_member;
  if (args.files.size() > 1) {
    file_member = ",\"file\":";
    append_json_string(file_member, file);
  }
  const std::size_t units_in_flight = 4 * static_cast<std::size_t>(tbb::this_task_arena::max_concurrency());
  UnitPool units;  // outlives the pipeline and so every unit it hands out

  const auto read_unit = [&](tbb::flow_control& control) -> std::shared_ptr<Unit> {
    std::shared_ptr<Unit> unit = units.take();
    Result<bool> more = reader.next(*unit);
    if (!more.ok()) {
      input_status = std::move(more).error();
      control.stop();
      return nullptr;
    }
    if (!*more) {
      control.stop();
      return nullptr;
    }
    progress.update(reader.bytes_consumed());
    return unit;
  };
  const auto extract_unit = [&](std::shared_ptr<Unit> unit) {
    if (args.jsonl) {
      extract_requests(*unit, args.country, warning_lists);
    } else {
      extract_piece(*unit, {args.country}, file_member, warning_lists);
    }
    return unit;
  };
  const auto write_unit = [&](const std::shared_ptr<Unit>& unit) {
    std::fwrite(unit->rendered.data(), 1, unit->rendered.size(), stdout);
    for (const std::string& error : unit->errors) fmt::print(stderr, "jala: extract: {}:{}\n", file, error);
    bad_lines += unit->errors.size();
  };
  using UnitPtr = std::shared_ptr<Unit>;
  tbb::parallel_pipeline(units_in_flight,
                         tbb::make_filter<void, UnitPtr>(tbb::filter_mode::serial_in_order, read_unit) &
                             tbb::make_filter<UnitPtr, UnitPtr>(tbb::filter_mode::parallel, extract_unit) &
                             tbb::make_filter<UnitPtr, void>(tbb::filter_mode::serial_in_order, write_unit));
  std::fflush(stdout);
  if (!input_status.ok()) return input_status.error();
  return bad_lines;
}

}  // namespace

Result<int> extract_command(const Context& context, const ExtractArgs& args) {
  ExtractArgs checked = args;
  if (checked.files.empty()) checked.files.emplace_back("-");
  JALA_TRY_ASSIGN(const extract::WarningLists warning_lists, load_warning_lists());
  std::optional<tbb::global_control> threads;
  if (args.threads > 0) threads.emplace(tbb::global_control::max_allowed_parallelism, args.threads);

  bool failed = false;
  for (const std::string& file : checked.files) {
    Result<std::size_t> bad_lines = extract_file(context, checked, file, warning_lists);
    if (!bad_lines.ok()) fmt::print(stderr, "jala: extract: {}: {}\n", file, bad_lines.error().message());
    failed = failed || !bad_lines.ok() || *bad_lines > 0;
  }
  return failed ? 1 : 0;
}

}  // namespace jala::cli
