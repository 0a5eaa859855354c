// A one-line progress display on stderr for long work, redrawn at most ten times a second. It shows
// nothing unless stderr is a terminal or --verbose was given, so scripts and --json output stay clean.
// Not thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace jala::cli {

enum class ProgressDisplay { shown, hidden };

// Shown when stderr is a terminal, or when `verbose`.
ProgressDisplay progress_display(bool verbose);

class Progress {
 public:
  Progress(ProgressDisplay display, std::string label, std::optional<std::uint64_t> total_bytes);
  ~Progress();
  void update(std::uint64_t bytes_done);

 private:
  void draw(std::uint64_t bytes_done);

  bool m_shown;
  std::string m_label;
  std::optional<std::uint64_t> m_total;
  std::chrono::steady_clock::time_point m_start;
  std::chrono::steady_clock::time_point m_last_draw;
  bool m_drawn = false;
};

}  // namespace jala::cli
