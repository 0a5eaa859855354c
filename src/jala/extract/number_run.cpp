#include "jala/extract/number_run.h"

#include "jala/extract/ascii.h"

namespace jala::extract {
namespace {

bool is_number_separator(char c) { return c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')'; }

// A hyphen that ends a line, where the number goes on at the start of the next ("012-3-\n45678-9", with
// "\r\n" and up to a few spaces either side of the break): where the digits go on, else `i`. A number
// broken at a space or between digits is not joined: nothing tells it from a new number on the next line.
std::size_t after_hyphenated_line_break(std::string_view text, std::size_t i) {
  constexpr std::size_t k_most_spaces = 4;
  if (i >= text.size() || text[i] != '-') return i;
  std::size_t next = i + 1;
  for (std::size_t spaces = 0; next < text.size() && text[next] == ' ' && spaces < k_most_spaces; ++spaces) ++next;
  if (next < text.size() && text[next] == '\r') ++next;
  if (next >= text.size() || text[next] != '\n') return i;
  ++next;
  for (std::size_t spaces = 0; next < text.size() && text[next] == ' ' && spaces < k_most_spaces; ++spaces) ++next;
  return next < text.size() && is_digit(text[next]) ? next : i;
}

}  // namespace

NumberRun read_number(std::string_view text, std::size_t start) {
  NumberRun run;
  std::size_t i = start;
  std::size_t group_digits = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (is_digit(c)) {
      run.digits += c;
      ++group_digits;
      run.end = ++i;
      if (run.digits.size() > k_max_number_digits) break;
      continue;
    }
    if (c == '+' && run.digits.empty()) {
      run.plus = true;
      ++i;
      continue;
    }
    // Up to two separators between digit groups ("(0) ", ") "); a longer gap ends the number, unless it
    // is a hyphen at the end of a line.
    std::size_t gap = run.digits.empty() ? i : after_hyphenated_line_break(text, i);
    if (gap == i) {
      while (gap < text.size() && gap - i < 3 &&
             (is_number_separator(text[gap]) || (text[gap] == '+' && run.digits.empty()))) {
        if (text[gap] == '+') run.plus = true;
        ++gap;
      }
      const std::size_t allowed_gap = text[i] == '(' || (gap > i && text[gap - 1] == ')') ? 3 : 2;
      if (gap == i || gap >= text.size() || !is_digit(text[gap]) || gap - i > allowed_gap) break;
    }
    if (!run.digits.empty()) {
      if (run.group_count < run.groups.size()) {
        run.groups[run.group_count] = group_digits;
        run.separators[run.group_count] = text[i];
        run.group_ends[run.group_count] = run.end;
      }
      ++run.group_count;
    }
    group_digits = 0;
    i = gap;
  }
  if (run.group_count < run.groups.size()) {
    run.groups[run.group_count] = group_digits;
    run.group_ends[run.group_count] = run.end;
  }
  ++run.group_count;
  run.international = run.plus || run.digits.starts_with("00");
  return run;
}

}  // namespace jala::extract
