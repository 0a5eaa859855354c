// The shipped classifier against data it never trained on: the project's own job-lure test set
// (tests/data/lures/, 404 messages in 15 languages, half job lures and half hard benign look-alikes),
// and a held-out split of the shared public corpora (skipped when ../shared/datasets is absent).
//
// The job-lure bar (precision and recall 0.9 on the own test set) is met by the shipped model;
// its held-out bars (suspicious F1 0.97, scam F1 0.94) are not yet. docs/model.md records the measured
// figures. These tests hold the model to what it measured, a little below, so that a change that makes
// it worse fails.
#include <gtest/gtest.h>

#include <filesystem>

#include "jala/classify/model.h"
#include "jala/classify/train.h"

namespace jala::classify {
namespace {

TEST(ShippedClassifier, FindsJobLuresInTheOwnTestSet) {
  const Model model = Model::load(JALA_SOURCE_DIR "/data/model/classifier.jala").value();
  const std::vector<Example> examples = read_examples(JALA_SOURCE_DIR "/tests/data/lures/test.jsonl").value();
  ASSERT_GE(examples.size(), 300U);
  F1 job_lure;
  for (const Example& example : examples) {
    const Prediction prediction = model.predict(example.text, "", false);
    const bool truth = example.category == Category::job_lure;
    const bool found = prediction.label == Label::scam && prediction.category == Category::job_lure;
    job_lure.true_positives += truth && found ? 1 : 0;
    job_lure.false_positives += !truth && found ? 1 : 0;
    job_lure.false_negatives += truth && !found ? 1 : 0;
  }
  // Measured 0.901 and 0.910 with the 2,576 own examples of 2026-12-06 (0.905 and 0.900 with 2,526; 0.905
  // and 0.905 with 2,470; the seeds 2-4 give 0.905-0.915 and 0.900-0.915, docs/model.md).
  EXPECT_GE(job_lure.precision(), 0.90);
  EXPECT_GE(job_lure.recall(), 0.90);
}

// Found on 2026-12-05: the plainest Vietnamese recruitment post for Cambodia ("Tuyển nhân viên làm việc tại
// Campuchia, lương 1500$/tháng, bao vé máy bay") scored 0.33, benign, with "tuyen" and "campuchia" as
// its benign evidence: the own examples that named Campuchia were mostly warnings and tour-guide ads. The
// Malay and Tagalog ones scored 0.40 and 0.32. None of these texts is in the training data.
TEST(ShippedClassifier, APlainRecruitmentPostForCambodiaIsAJobLure) {
  const Model model = Model::load(JALA_SOURCE_DIR "/data/model/classifier.jala").value();
  for (const std::string_view lure : {
           "Tuyển nhân viên làm việc tại Campuchia, lương 1500$/tháng, bao vé máy bay",
           "Tuyển gấp nhân viên CSKH tại Campuchia, lương 1500$/tháng, bao vé máy bay. Ib tele @hr_kh88",
           "Tuyen nhan vien cskh lam viec tai Campuchia luong 1200 usd bao an o ve may bay lien he zalo 0987654321",
           "Cần người đi làm bên Campuchia, lương 1.200 đô, công ty lo vé máy bay và chỗ ở",
           "Jawatan kosong di Kemboja, gaji RM6,000 sebulan, tiket kapal terbang dan penginapan percuma",
           "Hiring ng customer service sa Cambodia, sahod 80,000 pesos kada buwan, libre ang pamasahe at tirahan",
       }) {
    const Prediction prediction = model.predict(lure, "", false);
    EXPECT_EQ(prediction.label, Label::scam) << lure << ": " << prediction.scam_score;
    EXPECT_EQ(prediction.category, Category::job_lure) << lure;
  }
  for (const std::string_view benign : {
           "Công ty TNHH ABC tuyển nhân viên kế toán tại Hà Nội, lương 12-15 triệu, làm việc giờ hành chính. Nộp hồ "
           "sơ qua email",
           "Bộ Công an cảnh báo: tuyển dụng việc nhẹ lương cao tại Campuchia, bao vé máy bay là thủ đoạn lừa đảo, "
           "người dân không nên tin.",
           "Kedai makan di Kuala Lumpur perlukan pembantu dapur, gaji RM1,700, makan disediakan",
           "Hiring ng service crew sa aming restaurant sa Makati, sahod 610 kada araw, may SSS",
       }) {
    EXPECT_EQ(model.predict(benign, "", false).label, Label::benign) << benign;
  }
}

// Found in review (2026-12-06): "Xin chào" ("hello") was a job lure at 0.52 on the word "xin", which the
// public Vietnamese corpus has only in spam ("xin chúc mừng", "xin vui lòng"); short Lao texts with a price
// in kip were scams on their amount. Fifty everyday messages in vi, lo and tl were added to the own examples;
// none of these texts is among them.
TEST(ShippedClassifier, ShortEverydayMessagesAreBenign) {
  const Model model = Model::load(JALA_SOURCE_DIR "/data/model/classifier.jala").value();
  for (const std::string_view text : {"Xin chào", "Xin chào anh, em là Lan.", "ເຂົ້າໜຽວ 10,000 ກີບ", "ກາເຟ 15000 ກີບ ຕໍ່ຈອກ",
                                      "Kumusta ka?", "Chúc mừng sinh nhật em!"}) {
    const Prediction prediction = model.predict(text, "", false);
    EXPECT_EQ(prediction.label, Label::benign) << text << ": " << prediction.scam_score;
  }
}

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
