// Writes the extraction benchmark's input to standard output: JSON Lines records
// {"id":..,"text":..,"country":..} whose texts total at least BYTES bytes, or with --text the texts
// alone, one a line.
// Usage: generate_extract_corpus BYTES [--text]
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "extract/corpus_generator.h"

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3 || (argc == 3 && std::string_view(argv[2]) != "--text")) {
    std::fprintf(stderr, "usage: generate_extract_corpus BYTES [--text]\n");
    return 2;
  }
  const std::size_t wanted = std::strtoull(argv[1], nullptr, 10);
  const bool plain_text = argc == 3;
  jala::bench::ExtractCorpusGenerator generator(1);
  std::size_t written = 0;
  std::string line;
  while (written < wanted) {
    const jala::bench::CorpusRecord record = generator.next_record();
    line = plain_text ? record.text
                      : nlohmann::json{{"id", record.id}, {"text", record.text}, {"country", record.country}}.dump();
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stdout);
    written += line.size();
  }
  return 0;
}
