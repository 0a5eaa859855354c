// The classifier (docs/model.md): a linear model over hashed features (features.h) with two softmax
// heads, one for the label (benign, spam, scam) and one for the scam category, and a temperature that
// calibrates the label head so that `scam_score` reads as a probability. Weights are stored as 8-bit
// integers with one scale per class (a 3 MB file); the model in memory is exactly the stored one.
//
// File format: one line of JSON (format, sizes, temperature, biases, scales, and how it was trained),
// a line feed, then the int8 weights, label classes first, each class's k_buckets weights in bucket
// order. Immutable after loading; thread-safe to predict.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jala/base/result.h"
#include "jala/classify/features.h"
#include "jala/classify/labels.h"

namespace jala::classify {

struct Prediction {
  Label label = Label::benign;
  double scam_score = 0;             // calibrated probability of `scam`
  std::optional<Category> category;  // for scams
  std::string language;              // BCP 47
  std::vector<std::string> why;      // what moved the score most, with its weight: "text \"visa\" (+0.84)"
};

class Model {
 public:
  Model();  // all weights zero

  static Result<Model> parse(std::string_view bytes);
  static Result<Model> load(const std::string& path);
  std::string serialize() const;

  Prediction predict(std::string_view text, std::string_view country, bool explain = true) const;
  Prediction predict(const Features& features, bool explain) const;

  // For training (train.h).
  std::array<std::vector<float>, k_labels>& label_weights() { return m_label_weights; }
  std::array<float, k_labels>& label_bias() { return m_label_bias; }
  std::array<std::vector<float>, k_categories>& category_weights() { return m_category_weights; }
  std::array<float, k_categories>& category_bias() { return m_category_bias; }
  void set_temperature(float temperature) { m_temperature = temperature; }
  void set_provenance(std::string provenance_json) { m_provenance = std::move(provenance_json); }
  const std::string& provenance() const { return m_provenance; }
  // Rounds every weight to its 8-bit stored value, so that the model predicts as it will once saved.
  void quantize();

  // The label head's probabilities at temperature `temperature`.
  std::array<double, k_labels> label_probabilities(const Features& features, float temperature) const;

 private:
  std::array<std::vector<float>, k_labels> m_label_weights;
  std::array<float, k_labels> m_label_bias{};
  std::array<std::vector<float>, k_categories> m_category_weights;
  std::array<float, k_categories> m_category_bias{};
  float m_temperature = 1.0F;
  std::string m_provenance = "{}";  // JSON: data, seed, metrics
};

}  // namespace jala::classify
