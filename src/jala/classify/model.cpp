#include "jala/classify/model.h"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "jala/classify/language.h"

namespace jala::classify {
namespace {

constexpr std::string_view k_format = "jala-classifier-1";
constexpr std::size_t k_max_model_bytes = 64U << 20;
constexpr std::size_t k_why = 6;

template <std::size_t N>
float scale_of(const std::array<std::vector<float>, N>& rows, std::size_t row) {
  float largest = 0;
  for (const float w : rows[row]) largest = std::max(largest, std::abs(w));
  return largest > 0 ? largest / 127.0F : 1.0F;
}

template <std::size_t N>
void quantize_rows(std::array<std::vector<float>, N>& rows) {
  for (std::size_t row = 0; row < N; ++row) {
    const float scale = scale_of(rows, row);
    for (float& w : rows[row]) w = std::round(w / scale) * scale;
  }
}

template <std::size_t N>
std::array<double, N> scores(const std::array<std::vector<float>, N>& rows, const std::array<float, N>& bias,
                             const Features& features) {
  std::array<double, N> out{};
  for (std::size_t k = 0; k < N; ++k) {
    double sum = bias[k];
    for (std::size_t i = 0; i < features.buckets.size(); ++i) sum += rows[k][features.buckets[i]] * features.values[i];
    out[k] = sum;
  }
  return out;
}

template <std::size_t N>
std::array<double, N> softmax(std::array<double, N> logits, double temperature) {
  const double top = *std::max_element(logits.begin(), logits.end());
  double total = 0;
  for (double& l : logits) {
    l = std::exp((l - top) / temperature);
    total += l;
  }
  for (double& l : logits) l /= total;
  return logits;
}

}  // namespace

Model::Model() {
  for (auto& row : m_label_weights) row.assign(k_buckets, 0.0F);
  for (auto& row : m_category_weights) row.assign(k_buckets, 0.0F);
}

void Model::quantize() {
  quantize_rows(m_label_weights);
  quantize_rows(m_category_weights);
}

std::array<double, k_labels> Model::label_probabilities(const Features& features, float temperature) const {
  return softmax(scores(m_label_weights, m_label_bias, features), temperature);
}

Prediction Model::predict(std::string_view text, std::string_view country, bool explain) const {
  Prediction prediction = predict(featurize(text, country, explain), explain);
  prediction.language = identify_language(text.substr(0, std::min(text.size(), k_max_message_bytes)));
  return prediction;
}

Prediction Model::predict(const Features& features, bool explain) const {
  Prediction prediction;
  const std::array<double, k_labels> p = label_probabilities(features, m_temperature);
  prediction.label = static_cast<Label>(std::max_element(p.begin(), p.end()) - p.begin());
  prediction.scam_score = p[static_cast<std::size_t>(Label::scam)];
  if (prediction.label == Label::scam) {
    const std::array<double, k_categories> c = scores(m_category_weights, m_category_bias, features);
    prediction.category = static_cast<Category>(std::max_element(c.begin(), c.end()) - c.begin());
  }
  if (explain && !features.names.empty()) {
    // What moved the predicted label against the most likely other one.
    const auto chosen = static_cast<std::size_t>(prediction.label);
    std::size_t other = chosen == 0 ? 1 : 0;
    for (std::size_t k = 0; k < k_labels; ++k) {
      if (k != chosen && p[k] > p[other]) other = k;
    }
    // Summed by name: a word and its character n-grams move the label together, for or against.
    std::vector<double> by_name(features.names.size(), 0.0);
    for (std::size_t i = 0; i < features.buckets.size(); ++i) {
      const std::uint32_t b = features.buckets[i];
      by_name[features.name_of[i]] += (m_label_weights[chosen][b] - m_label_weights[other][b]) * features.values[i];
    }
    std::vector<std::pair<double, std::size_t>> moved;
    for (std::size_t name = 0; name < by_name.size(); ++name) {
      if (by_name[name] > 0 && !features.names[name].empty()) moved.emplace_back(by_name[name], name);
    }
    std::stable_sort(moved.begin(), moved.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t j = 0; j < std::min(k_why, moved.size()); ++j) {
      prediction.why.push_back(fmt::format("{} (+{:.2f})", features.names[moved[j].second], moved[j].first));
    }
  }
  return prediction;
}

std::string Model::serialize() const {
  nlohmann::ordered_json header = {{"format", k_format}, {"feature_bits", k_feature_bits}};
  nlohmann::ordered_json labels = nlohmann::ordered_json::array();
  for (std::size_t k = 0; k < k_labels; ++k) labels.push_back(to_string(static_cast<Label>(k)));
  nlohmann::ordered_json categories = nlohmann::ordered_json::array();
  for (std::size_t k = 0; k < k_categories; ++k) categories.push_back(to_string(static_cast<Category>(k)));
  std::vector<float> label_scales;
  std::vector<float> category_scales;
  for (std::size_t k = 0; k < k_labels; ++k) label_scales.push_back(scale_of(m_label_weights, k));
  for (std::size_t k = 0; k < k_categories; ++k) category_scales.push_back(scale_of(m_category_weights, k));
  header["labels"] = labels;
  header["categories"] = categories;
  header["temperature"] = m_temperature;
  header["label_bias"] = m_label_bias;
  header["category_bias"] = m_category_bias;
  header["label_scales"] = label_scales;
  header["category_scales"] = category_scales;
  header["trained"] = nlohmann::ordered_json::parse(m_provenance, nullptr, false);
  std::string bytes = header.dump() + "\n";
  const auto append = [&](const std::vector<float>& row, float scale) {
    for (const float w : row) {
      bytes.push_back(static_cast<char>(static_cast<std::int8_t>(std::clamp(std::round(w / scale), -127.0F, 127.0F))));
    }
  };
  for (std::size_t k = 0; k < k_labels; ++k) append(m_label_weights[k], label_scales[k]);
  for (std::size_t k = 0; k < k_categories; ++k) append(m_category_weights[k], category_scales[k]);
  return bytes;
}

Result<Model> Model::parse(std::string_view bytes) {
  const std::size_t newline = bytes.find('\n');
  if (newline == std::string_view::npos) return invalid_argument("not a Jala classifier model: no header line");
  const nlohmann::json header = nlohmann::json::parse(bytes.substr(0, newline), nullptr, false);
  if (!header.is_object() || header.value("format", "") != k_format) {
    return invalid_argument("not a Jala classifier model (format {})", k_format);
  }
  if (header.value("feature_bits", 0U) != k_feature_bits) {
    return invalid_argument("the model has {} feature bits; this jala uses {}", header.value("feature_bits", 0U),
                            k_feature_bits);
  }
  const std::string_view weights = bytes.substr(newline + 1);
  if (weights.size() != (k_labels + k_categories) * static_cast<std::size_t>(k_buckets)) {
    return invalid_argument("the model's weights are {} bytes, not {}", weights.size(),
                            (k_labels + k_categories) * static_cast<std::size_t>(k_buckets));
  }
  const auto floats = [&](const char* name, std::size_t size) -> Result<std::vector<float>> {
    if (!header.contains(name) || !header.at(name).is_array() || header.at(name).size() != size) {
      return invalid_argument("the model's '{}' is not {} numbers", name, size);
    }
    std::vector<float> values;
    for (const auto& v : header.at(name)) {
      if (!v.is_number()) return invalid_argument("the model's '{}' is not numbers", name);
      values.push_back(v.get<float>());
    }
    return values;
  };
  JALA_TRY_ASSIGN(const std::vector<float> label_bias, floats("label_bias", k_labels));
  JALA_TRY_ASSIGN(const std::vector<float> category_bias, floats("category_bias", k_categories));
  JALA_TRY_ASSIGN(const std::vector<float> label_scales, floats("label_scales", k_labels));
  JALA_TRY_ASSIGN(const std::vector<float> category_scales, floats("category_scales", k_categories));
  if (!header.contains("temperature") || !header.at("temperature").is_number() ||
      !(header.at("temperature").get<float>() > 0)) {
    return invalid_argument("the model's temperature is not a positive number");
  }
  Model model;
  model.m_temperature = header.at("temperature").get<float>();
  std::size_t at = 0;
  const auto read_row = [&](std::vector<float>& row, float scale) {
    for (float& w : row) w = static_cast<float>(static_cast<std::int8_t>(weights[at++])) * scale;
  };
  for (std::size_t k = 0; k < k_labels; ++k) {
    model.m_label_bias[k] = label_bias[k];
    read_row(model.m_label_weights[k], label_scales[k]);
  }
  for (std::size_t k = 0; k < k_categories; ++k) {
    model.m_category_bias[k] = category_bias[k];
    read_row(model.m_category_weights[k], category_scales[k]);
  }
  if (header.contains("trained")) model.m_provenance = header.at("trained").dump();
  return model;
}

Result<Model> Model::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return not_found("cannot open the classifier model {}", path);
  std::string bytes;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > k_max_model_bytes) return invalid_argument("{} is larger than a classifier model", path);
  }
  Result<Model> model = parse(bytes);
  if (!model.ok()) return model.error().with_context(path);
  return model;
}

}  // namespace jala::classify
