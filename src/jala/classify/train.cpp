#include "jala/classify/train.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <random>
#include <set>

namespace jala::classify {
namespace {

constexpr std::size_t k_max_line_bytes = 1U << 20;

// FNV-1a over (source, id), then the SplitMix64 finaliser: FNV alone leaves the high bits, which the
// split compares, hardly moved by an id's last characters, so consecutive ids went to the same side in
// blocks.
std::uint64_t split_hash(std::uint64_t seed, const Example& example) {
  std::uint64_t hash = 0xcbf29ce484222325ULL ^ seed;
  for (const std::string* part : {&example.source, &example.id}) {
    for (const char c : *part) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 0x100000001b3ULL;
    }
    hash ^= 0xff;
    hash *= 0x100000001b3ULL;
  }
  hash ^= hash >> 30;
  hash *= 0xbf58476d1ce4e5b9ULL;
  hash ^= hash >> 27;
  hash *= 0x94d049bb133111ebULL;
  return hash ^ (hash >> 31);
}

template <std::size_t N>
std::array<double, N> softmax(std::array<double, N> logits) {
  const double top = *std::max_element(logits.begin(), logits.end());
  double total = 0;
  for (double& l : logits) {
    l = std::exp(l - top);
    total += l;
  }
  for (double& l : logits) l /= total;
  return logits;
}

// One SGD step of softmax regression on one example whose class is one of `truth` (a bit per class):
// the loss is -log of their summed probability, so an example that is "scam or spam" pushes towards
// both without choosing.
template <std::size_t N>
void sgd_step(std::array<std::vector<float>, N>& weights, std::array<float, N>& bias, const Features& features,
              unsigned truth, double rate) {
  std::array<double, N> logits{};
  for (std::size_t k = 0; k < N; ++k) {
    double sum = bias[k];
    for (std::size_t i = 0; i < features.buckets.size(); ++i) {
      sum += weights[k][features.buckets[i]] * features.values[i];
    }
    logits[k] = sum;
  }
  const std::array<double, N> p = softmax(logits);
  double in_truth = 0;
  for (std::size_t k = 0; k < N; ++k) {
    if ((truth >> k & 1U) != 0) in_truth += p[k];
  }
  for (std::size_t k = 0; k < N; ++k) {
    const double gradient = p[k] - ((truth >> k & 1U) != 0 ? p[k] / in_truth : 0.0);
    const auto step = static_cast<float>(rate * gradient);
    bias[k] -= step;
    for (std::size_t i = 0; i < features.buckets.size(); ++i) {
      weights[k][features.buckets[i]] -= step * features.values[i];
    }
  }
}

// The temperature in 0.5..4 that minimises the label head's log loss on `examples`.
float fit_temperature(const Model& model, const std::vector<const Features*>& features,
                      const std::vector<Label>& labels) {
  float best = 1.0F;
  double best_loss = INFINITY;
  for (int step = 5; step <= 40; ++step) {
    const float temperature = static_cast<float>(step) / 10.0F;
    double loss = 0;
    for (std::size_t i = 0; i < features.size(); ++i) {
      const auto p = model.label_probabilities(*features[i], temperature);
      loss -= std::log(std::max(1e-12, p[static_cast<std::size_t>(labels[i])]));
    }
    if (loss < best_loss) {
      best_loss = loss;
      best = temperature;
    }
  }
  return best;
}

}  // namespace

F1& F1::operator+=(const F1& other) {
  true_positives += other.true_positives;
  false_positives += other.false_positives;
  false_negatives += other.false_negatives;
  return *this;
}

Evaluation& Evaluation::operator+=(const Evaluation& other) {
  examples += other.examples;
  suspicious += other.suspicious;
  scam += other.scam;
  const auto add = [](std::map<std::string, F1>& mine, const std::map<std::string, F1>& theirs) {
    for (const auto& [name, f1] : theirs) mine[name] += f1;
  };
  add(by_language, other.by_language);
  add(by_category, other.by_category);
  add(by_source, other.by_source);
  return *this;
}

double F1::precision() const {
  const std::size_t predicted = true_positives + false_positives;
  return predicted == 0 ? 0.0 : static_cast<double>(true_positives) / static_cast<double>(predicted);
}
double F1::recall() const {
  const std::size_t actual = true_positives + false_negatives;
  return actual == 0 ? 0.0 : static_cast<double>(true_positives) / static_cast<double>(actual);
}
double F1::f1() const {
  const double p = precision();
  const double r = recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

namespace {

// A member that may be absent or null (then `fallback`), or else must be a string.
Result<std::string> optional_string(const nlohmann::json& record, const char* key, std::string fallback,
                                    std::string_view where) {
  const auto found = record.find(key);
  if (found == record.end() || found->is_null()) return fallback;
  if (!found->is_string()) return invalid_argument("{}: {}: must be a string", where, key);
  return found->get<std::string>();
}

}  // namespace

Result<std::vector<Example>> read_examples(const std::string& path) {
  std::ifstream in(path);
  if (!in) return not_found("cannot open {}", path);
  std::vector<Example> examples;
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (line.size() > k_max_line_bytes) {
      return invalid_argument("{}:{}: longer than {} bytes", path, number, k_max_line_bytes);
    }
    if (line.empty()) continue;
    const nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    if (!record.is_object() || !record.contains("text") || !record.at("text").is_string() ||
        !record.contains("label") || !record.at("label").is_string()) {
      return invalid_argument("{}:{}: not an example: it needs \"text\" and \"label\"", path, number);
    }
    const std::optional<Label> label = parse_label(record.at("label").get<std::string>());
    if (!label) {
      return invalid_argument("{}:{}: label '{}' is not benign, spam or scam", path, number,
                              record.at("label").get<std::string>());
    }
    Example example;
    example.id = record.contains("id") && record.at("id").is_string() ? record.at("id").get<std::string>()
                                                                      : std::to_string(number);
    const std::string where = fmt::format("{}:{}", path, number);
    JALA_TRY_ASSIGN(example.source,
                    optional_string(record, "source", std::filesystem::path(path).filename().string(), where));
    JALA_TRY_ASSIGN(example.language, optional_string(record, "lang", "und", where));
    example.text = record.at("text").get<std::string>();
    example.label = *label;
    if (*label == Label::scam) {
      JALA_TRY_ASSIGN(const std::string category, optional_string(record, "category", "", where));
      example.category = parse_category(category);
      if (!category.empty() && !example.category) {
        std::string known;
        for (std::size_t i = 0; i < k_categories; ++i) {
          known += fmt::format("{}{}", i == 0 ? "" : ", ", to_string(static_cast<Category>(i)));
        }
        return invalid_argument("{}: category '{}' is none of {} (nor a public corpus's name for one)", where, category,
                                known);
      }
    }
    examples.push_back(std::move(example));
  }
  return examples;
}

void split_examples(const std::vector<Example>& all, double fraction, std::uint64_t seed, std::vector<Example>& train,
                    std::vector<Example>& held_out) {
  const auto threshold = static_cast<std::uint64_t>(fraction * 18446744073709551615.0);
  for (const Example& example : all) (split_hash(seed, example) < threshold ? held_out : train).push_back(example);
}

std::vector<std::vector<Example>> fold_examples(const std::vector<Example>& all, std::size_t folds,
                                                std::uint64_t seed) {
  std::vector<std::vector<Example>> parts(folds);
  const double width = 18446744073709551615.0 / static_cast<double>(folds);
  for (const Example& example : all) {
    // The part whose stretch of hash values holds the example's; the bounds are split_examples' thresholds.
    const std::uint64_t hash = split_hash(seed, example);
    std::size_t part = 0;
    while (part + 1 < folds && hash >= static_cast<std::uint64_t>(static_cast<double>(part + 1) * width)) ++part;
    parts[part].push_back(example);
  }
  return parts;
}

namespace {

// What SGD needs of the examples: their features, the classes each may be (a bit per label), and weights.
struct TrainingSet {
  const std::vector<Example>& examples;
  std::vector<Features> features;
  std::vector<unsigned> truth;
  std::vector<double> weight;
  std::array<double, k_categories> category_weight{};  // for the category head, on top of `weight`
};

TrainingSet prepare(const std::vector<Example>& examples) {
  TrainingSet set{examples, {}, std::vector<unsigned>(examples.size()), std::vector<double>(examples.size())};
  set.features.reserve(examples.size());
  for (const Example& example : examples) set.features.push_back(featurize(example.text, "", false));
  // A source that never says "scam" calls scams spam too: its spam is "scam or spam".
  std::set<std::string> scam_sources;
  for (const Example& example : examples) {
    if (example.label == Label::scam) scam_sources.insert(example.source);
  }
  for (std::size_t i = 0; i < examples.size(); ++i) {
    set.truth[i] = 1U << static_cast<unsigned>(examples[i].label);
    if (examples[i].label == Label::spam && !scam_sources.contains(examples[i].source)) {
      set.truth[i] |= 1U << static_cast<unsigned>(Label::scam);
    }
  }
  // Each source weighs by the square root of its size, not by its size: a corpus of 30,000 Korean
  // messages should not drown the few hundred of a language seen nowhere else.
  std::map<std::string, std::size_t> per_source;
  for (const Example& example : examples) ++per_source[example.source];
  double total_weight = 0;
  for (std::size_t i = 0; i < examples.size(); ++i) {
    set.weight[i] = 1.0 / std::sqrt(static_cast<double>(per_source[examples[i].source]));
    total_weight += set.weight[i];
  }
  for (double& w : set.weight) w *= static_cast<double>(examples.size()) / total_weight;
  // The category head weighs each category alike (by the summed weights of its examples): without this,
  // job lures, the bulk of the own examples, taught it to call other scams in the own languages job lures.
  std::array<double, k_categories> mass{};
  for (std::size_t i = 0; i < examples.size(); ++i) {
    if (examples[i].category) mass[static_cast<std::size_t>(*examples[i].category)] += set.weight[i];
  }
  const double present = static_cast<double>(std::count_if(mass.begin(), mass.end(), [](double m) { return m > 0; }));
  const double total_mass = std::accumulate(mass.begin(), mass.end(), 0.0);
  for (std::size_t k = 0; k < k_categories; ++k) {
    set.category_weight[k] = mass[k] > 0 ? total_mass / (present * mass[k]) : 1.0;
  }
  return set;
}

// Both heads fitted by SGD on the examples at `indices`, the weights rounded as they will be stored.
// `progress` counts epochs from `epochs_before`.
Model fit(const TrainingSet& set, std::vector<std::size_t> indices, const TrainOptions& options,
          const std::function<void(unsigned)>& progress, unsigned epochs_before) {
  Model model;
  std::mt19937_64 random(options.seed);
  const double total_steps = static_cast<double>(options.epochs) * static_cast<double>(indices.size());
  double done = 0;
  for (unsigned epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(indices.begin(), indices.end(), random);
    for (const std::size_t i : indices) {
      const double rate = options.learning_rate * (1.0 - done / total_steps);
      done += 1;
      sgd_step(model.label_weights(), model.label_bias(), set.features[i], set.truth[i], rate * set.weight[i]);
      if (const std::optional<Category> category = set.examples[i].category) {
        const auto k = static_cast<std::size_t>(*category);
        sgd_step(model.category_weights(), model.category_bias(), set.features[i], 1U << k,
                 rate * set.weight[i] * set.category_weight[k]);
      }
    }
    if (progress) progress(epochs_before + epoch + 1);
  }
  model.quantize();
  return model;
}

}  // namespace

Model train(const std::vector<Example>& examples, const TrainOptions& options,
            const std::function<void(unsigned)>& progress) {
  const TrainingSet set = prepare(examples);
  // The temperature is fitted on a tenth of the examples (by hash), with a model trained on the rest;
  // the shipped model then trains on all of them, so that no example is lost to calibration.
  std::vector<std::size_t> all(examples.size());
  std::iota(all.begin(), all.end(), std::size_t{0});
  std::vector<std::size_t> training;
  std::vector<const Features*> calibration;
  std::vector<Label> labels;
  for (const std::size_t i : all) {
    if (split_hash(options.seed ^ 0x5ca1ab1e, examples[i]) % 10 != 0) {
      training.push_back(i);
    } else {
      calibration.push_back(&set.features[i]);
      labels.push_back(examples[i].label);
    }
  }
  const float temperature =
      calibration.empty() ? 1.0F : fit_temperature(fit(set, training, options, progress, 0), calibration, labels);
  Model model = fit(set, all, options, progress, options.epochs);
  model.set_temperature(temperature);
  return model;
}

Evaluation evaluate(const Model& model, const std::vector<Example>& examples) {
  Evaluation evaluation;
  std::set<std::string> scam_sources;
  for (const Example& example : examples) {
    if (example.label == Label::scam) scam_sources.insert(example.source);
  }
  const auto count = [](F1& f1, bool truth, bool predicted) {
    if (truth && predicted) ++f1.true_positives;
    if (!truth && predicted) ++f1.false_positives;
    if (truth && !predicted) ++f1.false_negatives;
  };
  for (const Example& example : examples) {
    const Prediction prediction = model.predict(featurize(example.text, "", false), false);
    ++evaluation.examples;
    const bool suspicious = example.label != Label::benign;
    const bool predicted_suspicious = prediction.label != Label::benign;
    count(evaluation.suspicious, suspicious, predicted_suspicious);
    count(evaluation.by_language[example.language], suspicious, predicted_suspicious);
    count(evaluation.by_source[example.source], suspicious, predicted_suspicious);
    if (scam_sources.contains(example.source)) {
      count(evaluation.scam, example.label == Label::scam, prediction.label == Label::scam);
    }
    if (example.category) {
      const std::string truth(to_string(*example.category));
      const std::string predicted = prediction.category ? std::string(to_string(*prediction.category)) : "";
      count(evaluation.by_category[truth], true, predicted == truth);
      if (!predicted.empty() && predicted != truth) ++evaluation.by_category[predicted].false_positives;
    }
  }
  return evaluation;
}

CrossValidation cross_validate(const std::vector<Example>& examples, std::size_t folds, const TrainOptions& options,
                               const std::function<void(std::size_t)>& progress) {
  const std::vector<std::vector<Example>> parts = fold_examples(examples, folds, options.seed);
  CrossValidation result;
  for (std::size_t held_out = 0; held_out < parts.size(); ++held_out) {
    if (progress) progress(held_out);
    std::vector<Example> training;
    for (std::size_t part = 0; part < parts.size(); ++part) {
      if (part != held_out) training.insert(training.end(), parts[part].begin(), parts[part].end());
    }
    result.folds.push_back(evaluate(train(training, options), parts[held_out]));
    result.pooled += result.folds.back();
  }
  return result;
}

}  // namespace jala::classify
