// Training on the shared public corpora and the own examples, measured on a held-out split fixed by seed
// (skipped when ../shared/datasets is absent). The held-out bars (suspicious F1 0.97, scam F1 0.94)
// are not met yet; docs/model.md records the measured figures, and this test holds training to them, a
// little below, so that a change that makes it worse fails.
#include <gtest/gtest.h>

#include <filesystem>

#include "jala/classify/model.h"
#include "jala/classify/train.h"

namespace jala::classify {
namespace {

TEST(ShippedClassifier, TrainingOnTheSharedCorporaMeasuresAsRecorded) {
  const std::string shared = JALA_SHARED_DIR "/datasets/messages/train.jsonl";
  if (!std::filesystem::exists(shared)) GTEST_SKIP() << shared << " is absent: this test needs ../shared/datasets";
  std::vector<Example> all = read_examples(shared).value();
  std::vector<Example> own = read_examples(JALA_SOURCE_DIR "/data/training/lures.jsonl").value();
  all.insert(all.end(), own.begin(), own.end());
  std::vector<Example> training;
  std::vector<Example> held_out;
  split_examples(all, 0.2, 1, training, held_out);
  const Evaluation evaluation = evaluate(train(training, {}), held_out);
  EXPECT_GE(evaluation.suspicious.f1(), 0.93);  // measured 0.938 (0.934 on 2026-12-05)
  EXPECT_GE(evaluation.scam.f1(), 0.87);        // measured 0.882 (0.877 on 2026-12-05)
  // The category head weighs categories alike (docs/model.md). Measured 0.846 (0.837 on 2026-12-05, 0.833
  // before the rows of that day): the held-out part holds
  // the hardest own examples, the chat-style lures of 2026-12-03 and 2026-12-04 (0.855 before the latter,
  // 0.90 before the former).
  EXPECT_GE(evaluation.by_category.at("job_lure").f1(), 0.81);
  double macro = 0;
  for (const auto& [category, f1] : evaluation.by_category) {
    macro += f1.f1() / static_cast<double>(evaluation.by_category.size());
  }
  EXPECT_GE(macro, 0.60);  // measured 0.619; 0.58-0.71 with the splits of seeds 1-3 (2,021 own examples)
  // measured en 0.972, id 0.989, ko 0.957, th 0.931, zh 0.889 (en 0.970, id 0.984, ko 0.942, th 0.926, zh 0.906
  // on 2026-12-05: new own rows change the order of training, and a public corpus moves by 0.02 with it)
  for (const auto& [language, floor] :
       {std::pair{"en", 0.95}, {"id", 0.95}, {"ko", 0.93}, {"th", 0.91}, {"zh", 0.85}}) {
    EXPECT_GE(evaluation.by_language.at(language).f1(), floor) << language;
  }
}

}  // namespace
}  // namespace jala::classify
