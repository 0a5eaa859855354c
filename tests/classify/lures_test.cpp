// The shipped classifier against data it never trained on: the project's own job-lure test set
// (tests/data/lures/, 404 messages in 15 languages, half job lures and half hard benign look-alikes). The
// held-out split of the shared public corpora is training_accuracy_test.cpp.
//
// The job-lure bar (precision and recall 0.9 on the own test set) is met by the shipped model.
// docs/model.md records the measured figures. These tests hold the model to what it measured, a little
// below, so that a change that makes it worse fails.
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace jala::classify
