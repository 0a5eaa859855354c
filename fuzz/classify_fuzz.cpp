// libFuzzer target: the classifier's input path (language identification, folding, tokenizing,
// hashed features, cues through extraction, prediction with explanations) and the lure facts reader
// on any bytes, with a model of zero weights (the path is the same for every model).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "jala/classify/lure_facts.h"
#include "jala/classify/model.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const jala::classify::Model model;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const jala::classify::Prediction prediction = model.predict(text, "VN", true);
  if (!(prediction.scam_score >= 0.0 && prediction.scam_score <= 1.0)) __builtin_trap();
  // An employer is quoted from the text, so it can be no longer than the text.
  const jala::model::LureFacts facts = jala::classify::lure_facts(text);
  if (facts.employer.size() > size || (facts.salary && !(facts.salary->amount > 0))) __builtin_trap();
  return 0;
}
