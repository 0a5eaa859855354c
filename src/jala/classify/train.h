// Training and evaluating the classifier (docs/model.md): multinomial logistic regression by SGD with
// a linearly decaying learning rate (as fastText trains), over examples featurized once; the category
// head learns from the scams whose category is known; a temperature fitted on a tenth of the training
// data calibrates the label head. Reproducible: the same examples, options and seed give the same
// model bytes.
//
// Not thread-safe; one training at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "jala/base/result.h"
#include "jala/classify/labels.h"
#include "jala/classify/model.h"

namespace jala::classify {

struct Example {
  std::string id;
  std::string source;  // the corpus it came from
  std::string language;
  std::string text;
  Label label = Label::benign;
  std::optional<Category> category;
};

// Reads JSON Lines of {"id","text","label","category"?,"lang"?,"source"?}; a line that is not one is
// an error naming the file and line. An example without a source takes the file's name (not its path,
// so that the split is the same from any folder).
Result<std::vector<Example>> read_examples(const std::string& path);

// Splits by a hash of (seed, source, id): `fraction` of the examples are held out, always the same ones.
void split_examples(const std::vector<Example>& all, double fraction, std::uint64_t seed, std::vector<Example>& train,
                    std::vector<Example>& held_out);
// Splits into `folds` (at least 2) parts by the same hash: every example is in exactly one, always the
// same, and the first of five parts is the fifth that a fraction of 0.2 holds out.
std::vector<std::vector<Example>> fold_examples(const std::vector<Example>& all, std::size_t folds, std::uint64_t seed);

struct TrainOptions {
  std::uint64_t seed = 1;
  unsigned epochs = 30;
  double learning_rate = 1.0;
};

// `progress` is told each finished epoch, of 2 × epochs: the calibration model's, then the shipped one's.
Model train(const std::vector<Example>& examples, const TrainOptions& options,
            const std::function<void(unsigned epoch)>& progress = {});

struct F1 {
  std::size_t true_positives = 0;
  std::size_t false_positives = 0;
  std::size_t false_negatives = 0;
  double precision() const;
  double recall() const;
  double f1() const;
  F1& operator+=(const F1& other);
};

struct Evaluation {
  std::size_t examples = 0;
  F1 suspicious;                          // scam or spam against benign
  F1 scam;                                // on sources that label scams
  std::map<std::string, F1> by_language;  // suspicious against benign, per language
  std::map<std::string, F1> by_category;  // scam category, on scams with a known one
  std::map<std::string, F1> by_source;    // suspicious against benign, per source corpus
  Evaluation& operator+=(const Evaluation& other);
};

Evaluation evaluate(const Model& model, const std::vector<Example>& examples);

struct CrossValidation {
  Evaluation pooled;              // every example, judged by the model that did not learn from it
  std::vector<Evaluation> folds;  // each part, judged by the model trained on the others
};

// Trains one model per part of fold_examples(), on the other parts, and judges it on its part.
// `progress` is told each part as its model starts training.
CrossValidation cross_validate(const std::vector<Example>& examples, std::size_t folds, const TrainOptions& options,
                               const std::function<void(std::size_t fold)>& progress = {});

}  // namespace jala::classify
