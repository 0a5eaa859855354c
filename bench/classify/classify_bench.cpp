// The classifier benchmark of docs/performance.md: inference throughput of the shipped model
// (messages per second on one core, with explanations as `jala classify` gives them, and without),
// over the messages of ../shared/datasets/messages/train.jsonl, or the project's own
// data/training/lures.jsonl when the shared data is absent.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <iostream>

#include "jala/classify/model.h"
#include "jala/classify/train.h"

namespace {

using namespace jala;

const std::vector<std::string>& messages() {
  static const std::vector<std::string> texts = [] {
    std::string path = JALA_SHARED_DIR "/datasets/messages/train.jsonl";
    if (!std::filesystem::exists(path)) path = JALA_SOURCE_DIR "/data/training/lures.jsonl";
    std::vector<classify::Example> examples = classify::read_examples(path).value();
    std::vector<std::string> out;
    for (classify::Example& example : examples) out.push_back(std::move(example.text));
    std::cerr << "bench_classify: " << out.size() << " messages from " << path << "\n";
    return out;
  }();
  return texts;
}

const classify::Model& model() {
  static const classify::Model loaded = classify::Model::load(JALA_SOURCE_DIR "/data/model/classifier.jala").value();
  return loaded;
}

void predict_all(benchmark::State& state, bool explain) {
  const std::vector<std::string>& texts = messages();
  std::size_t bytes = 0;
  for (const std::string& text : texts) bytes += text.size();
  for (auto _ : state) {
    for (const std::string& text : texts) benchmark::DoNotOptimize(model().predict(text, "", explain));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * texts.size()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}

void BM_ClassifyWithWhy(benchmark::State& state) { predict_all(state, true); }
BENCHMARK(BM_ClassifyWithWhy)->Unit(benchmark::kMillisecond)->MinTime(3.0);

void BM_ClassifyScoreOnly(benchmark::State& state) { predict_all(state, false); }
BENCHMARK(BM_ClassifyScoreOnly)->Unit(benchmark::kMillisecond)->MinTime(3.0);

}  // namespace

BENCHMARK_MAIN();
