// Writes N synthetic reports as JSON Lines to stdout: generate_reports N [SEED]
#include <cstdio>
#include <cstdlib>

#include <fmt/core.h>

#include "ingest/report_generator.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: generate_reports COUNT [SEED]\n");
    return 2;
  }
  const std::uint64_t count = std::strtoull(argv[1], nullptr, 10);
  jala::bench::ReportGenerator generator(argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 1);
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::string line = generator.next_line(i);
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
  }
  return 0;
}
