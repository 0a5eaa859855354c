#include "jala/cli/progress.h"

#include <unistd.h>

#include <fmt/core.h>

namespace jala::cli {
namespace {

constexpr auto k_redraw_interval = std::chrono::milliseconds(100);
constexpr double k_mebibyte = 1024.0 * 1024.0;

}  // namespace

ProgressDisplay progress_display(bool verbose) {
  return verbose || ::isatty(STDERR_FILENO) != 0 ? ProgressDisplay::shown : ProgressDisplay::hidden;
}

Progress::Progress(ProgressDisplay display, std::string label, std::optional<std::uint64_t> total_bytes)
    : m_shown(display == ProgressDisplay::shown),
      m_label(std::move(label)),
      m_total(total_bytes),
      m_start(std::chrono::steady_clock::now()),
      m_last_draw(m_start) {}

Progress::~Progress() {
  if (m_drawn) fmt::print(stderr, "\n");
}

void Progress::update(std::uint64_t bytes_done) {
  if (!m_shown) return;
  const auto now = std::chrono::steady_clock::now();
  const bool complete = m_total && bytes_done >= *m_total;
  if (now - m_last_draw < k_redraw_interval && !complete) return;
  m_last_draw = now;
  draw(bytes_done);
}

void Progress::draw(std::uint64_t bytes_done) {
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
  const double rate = seconds > 0 ? static_cast<double>(bytes_done) / k_mebibyte / seconds : 0;
  const double done = static_cast<double>(bytes_done) / k_mebibyte;
  if (m_total && *m_total > 0) {
    constexpr int k_width = 30;
    const double fraction = std::min(1.0, static_cast<double>(bytes_done) / static_cast<double>(*m_total));
    const auto filled = static_cast<int>(fraction * k_width);
    fmt::print(stderr, "\r{} [{:=<{}}{: <{}}] {:3.0f}% {:.1f}/{:.1f} MiB {:.1f} MiB/s", m_label, "", filled, "",
               k_width - filled, fraction * 100, done, static_cast<double>(*m_total) / k_mebibyte, rate);
  } else {
    fmt::print(stderr, "\r{} {:.1f} MiB {:.1f} MiB/s", m_label, done, rate);
  }
  std::fflush(stderr);
  m_drawn = true;
}

}  // namespace jala::cli
