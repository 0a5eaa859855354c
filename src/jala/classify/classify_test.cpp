#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include <fmt/format.h>

#include "jala/base/utf8.h"
#include "jala/classify/features.h"
#include "jala/classify/labels.h"
#include "jala/classify/language.h"
#include "jala/classify/model.h"
#include "jala/classify/train.h"
#include "support/scratch_folder.h"

namespace jala::classify {
namespace {

bool has_name(const Features& features, std::string_view name) {
  return std::find(features.names.begin(), features.names.end(), name) != features.names.end();
}

TEST(Language, NamesScriptsOneLanguageOwnsAndRomanisedVietnamese) {
  EXPECT_EQ(identify_language("ការងារនៅកម្ពុជា ប្រាក់ខែខ្ពស់"), "km");
  EXPECT_EQ(identify_language("ມີວຽກເຮັດງານທຳ ເງິນເດືອນສູງ"), "lo");
  EXPECT_EQ(identify_language("အလုပ်ခေါ်နေပါတယ် လစာကောင်း"), "my");
  EXPECT_EQ(identify_language("รับสมัครงานด่วน เงินเดือนสูง"), "th");
  EXPECT_EQ(identify_language("高薪招聘，包吃住，机票报销"), "zh");
  EXPECT_EQ(identify_language("고수익 해외 취업 보장"), "ko");
  EXPECT_EQ(identify_language("tuyen gap nhan vien lam viec tai nha, luong cao, lien he ngay"), "vi");
  EXPECT_EQ(identify_language("Tuyển gấp nhân viên làm việc tại nhà, lương cao, liên hệ ngay"), "vi");
  EXPECT_EQ(identify_language("We are hiring customer service staff for our office in the city centre."), "en");
  // Found in review: CLD2's deprecated code for Hebrew (iw) was passed on.
  EXPECT_EQ(identify_language("שלום, אנחנו מחפשים עובדים לשירות לקוחות בקמבודיה עם משכורת גבוהה מאוד"), "he");
  // Japanese written mostly in Han is still Japanese; one kana in Chinese does not make it so.
  EXPECT_EQ(identify_language("海外勤務・月収100万円可能！航空券支給、住居無料。応募はこちら"), "ja");
  EXPECT_EQ(identify_language("高薪招聘の客服，包吃住，机票报销，月薪三万"), "zh");
  // Taglish, which CLD2 calls English; English with "PO box" and "$500/mo" stays English.
  EXPECT_EQ(
      identify_language("URGENT HIRING! Customer service sa Dubai, libre ang food and accommodation, sahod $1,200"),
      "tl");
  EXPECT_EQ(
      identify_language("Send your CV to PO Box 17 before Friday. The pay is $500/mo and the office is downtown."),
      "en");
  // Indonesian and Malay, which CLD2 confuses, told apart by the words only one of them uses.
  EXPECT_EQ(identify_language("Syarikat kami memerlukan pekerja segera. Gaji RM2,500 sebulan, makan dan tempat tinggal "
                              "percuma. Sila hantar mesej ke nombor telefon kami."),
            "ms");
  EXPECT_EQ(identify_language("Perusahaan kami membuka lowongan kerja. Gaji Rp5 juta per bulan, makan dan mess gratis. "
                              "Silakan kirim pesan ke nomor telepon kami."),
            "id");
  EXPECT_EQ(identify_language("12345 !!! 678"), "und");
  EXPECT_EQ(identify_language(""), "und");
}

TEST(Labels, MapTheCorporaCategoriesOntoOurs) {
  EXPECT_EQ(parse_category("Job Advertisement"), Category::job_lure);
  EXPECT_EQ(parse_category("Finance/Crypto"), Category::investment);
  EXPECT_EQ(parse_category("delivery"), Category::impersonation);
  EXPECT_EQ(parse_category("job_lure"), Category::job_lure);
  EXPECT_EQ(parse_category("something else"), std::nullopt);
  EXPECT_EQ(parse_label("scam"), Label::scam);
  EXPECT_EQ(parse_label("fraud"), std::nullopt);
}

TEST(Features, FoldDiacriticsSoWrittenAndRomanisedFormsMeet) {
  const Features with = featurize("lương cao", "", true);
  const Features without = featurize("LUONG cao", "", true);
  EXPECT_EQ(with.buckets, without.buckets);
  EXPECT_TRUE(has_name(with, "word \"luong\""));
  float norm = 0;
  for (const float v : with.values) norm += v * v;
  EXPECT_NEAR(norm, 1.0F, 1e-5F);
  EXPECT_TRUE(std::is_sorted(with.buckets.begin(), with.buckets.end()));
}

// An explanation names words an analyst can read: a word's character n-grams ("<lu", "ong>") are named
// as the word, and the n-grams of a Thai run as themselves.
TEST(Features, NameAWordsCharacterNgramsAsTheWord) {
  const Features features = featurize("lương cao งานง่าย", "", true);
  ASSERT_EQ(features.name_of.size(), features.buckets.size());
  std::set<std::string> named;
  for (const std::uint32_t name : features.name_of) named.insert(features.names.at(name));
  EXPECT_TRUE(named.contains("word \"luong\""));
  EXPECT_TRUE(named.contains("text \"งาน\""));
  for (const std::string& name : named) EXPECT_EQ(name.find('<'), std::string::npos) << name;
  // "<luong>" gives 12 character n-grams of 3 to 5 code points, and the word one more feature: one name.
  std::size_t luong = 0;
  for (const std::uint32_t name : features.name_of) luong += features.names[name] == "word \"luong\"" ? 1 : 0;
  EXPECT_GE(luong, 10U);
  EXPECT_TRUE(featurize("lương cao", "", false).names.empty());
}

// Found in review: a text of one long token was quoted whole in `why`.
TEST(Features, NameALongTokenByItsFirstSixtyBytes) {
  const std::string token(500, 'a');
  const Features features = featurize(token, "", true);
  std::set<std::string> named;
  for (const std::uint32_t name : features.name_of) named.insert(features.names.at(name));
  EXPECT_TRUE(named.contains("word \"" + std::string(60, 'a') + "…\"")) << ::testing::PrintToString(named);
  for (const std::string& name : named) EXPECT_LE(name.size(), 70U) << name;
  const Features thai = featurize("งาน" + std::string(30, 'x') + "งานง่ายงานง่ายงานง่ายงานง่ายงานง่าย", "", true);
  for (const std::uint32_t name : thai.name_of) EXPECT_TRUE(is_valid_utf8(thai.names.at(name))) << thai.names.at(name);
}

// Found on 2026-12-05: digits are folded to 0, and `why` named a salary of 1500 as the word "0000".
TEST(Features, NameANumberByItsLengthNotByTheFoldedDigits) {
  const Features features = featurize("Your OTP is 482913, salary 1500", "", true);
  std::set<std::string> named;
  for (const std::uint32_t name : features.name_of) named.insert(features.names.at(name));
  EXPECT_TRUE(named.contains("a 6-digit number"));
  EXPECT_TRUE(named.contains("a 4-digit number"));
  EXPECT_TRUE(named.contains("words \"is <6-digit number>\""));
  for (const std::string& name : named) EXPECT_EQ(name.find("0000"), std::string::npos) << name;

  std::set<std::string> chinese;
  const Features salary = featurize("月薪1500美金", "", true);
  for (const std::uint32_t name : salary.name_of) chinese.insert(salary.names.at(name));
  EXPECT_TRUE(chinese.contains("text \"薪<number>\"")) << ::testing::PrintToString(chinese);
  EXPECT_TRUE(chinese.contains("digits of a number"));
  for (const std::string& name : chinese) EXPECT_EQ(name.find('0'), std::string::npos) << name;
}

TEST(Features, CarryCuesAcrossLanguages) {
  const Features lure =
      featurize("Tuyển gấp 50 người làm việc tại Campuchia, lương 1500 USD, bao visa, liên hệ Telegram @tuyendung_cpc",
                "VN", true);
  EXPECT_TRUE(has_name(lure, "a money amount"));
  EXPECT_TRUE(has_name(lure, "pay, a job and a destination abroad"));
  EXPECT_TRUE(has_name(lure, "visa, flight or housing offered"));
  EXPECT_TRUE(has_name(lure, "urgency"));
  EXPECT_TRUE(has_name(lure, "names a telegram"));
  const Features thai = featurize("รับสมัครงานด่วน ทำงานที่กัมพูชา เงินเดือน 30000 บาท", "TH", true);
  EXPECT_TRUE(has_name(thai, "pay, a job and a destination abroad"));
  const Features plain = featurize("See you at dinner tonight", "", true);
  EXPECT_FALSE(has_name(plain, "a money amount"));
  EXPECT_FALSE(has_name(plain, "urgency"));
  const Features shortened = featurize("Your parcel is held: https://bit.ly/3xYz", "", true);
  EXPECT_TRUE(has_name(shortened, "a URL shortener"));
}

std::set<std::string> names_of(const Features& features) {
  std::set<std::string> named;
  for (const std::uint32_t name : features.name_of) named.insert(features.names.at(name));
  return named;
}

// Found in review: the own training examples write their hosts with the names RFC 2606 reserves, and the
// model had learnt "example" as a scam's word ("For example, you can pay your bill at any branch." scored
// 0.92, phishing). A reserved name in a host is no feature; the host's other labels and the word in prose are.
TEST(Features, TheNamesReservedForExamplesInAHostAreNoFeatures) {
  for (const std::string_view text :
       {"Verify now: https://vcb-xacthuc.example/login", "mail hr@tuyendung.example today", "see example.com/x",
        "go to shop.test or a.invalid or my.localhost", "visit example.net."}) {
    const std::set<std::string> named = names_of(featurize(text, "", true));
    for (const std::string& name : named) {
      for (const std::string_view reserved : {"example", "test", "invalid", "localhost"}) {
        EXPECT_EQ(name.find(reserved), std::string::npos) << text << ": " << name;
      }
    }
  }
  EXPECT_TRUE(
      names_of(featurize("Verify now: https://vcb-xacthuc.example/login", "", true)).contains("word \"xacthuc\""));
  EXPECT_TRUE(names_of(featurize("For example, the test.", "", true)).contains("word \"example\""));
  EXPECT_TRUE(names_of(featurize("For example, the test.", "", true)).contains("word \"test\""));
  EXPECT_TRUE(names_of(featurize("an example.com.vn page", "", true)).contains("word \"example\""));
  EXPECT_TRUE(names_of(featurize("best.tester.vn", "", true)).contains("word \"tester\""));
  // A sentence run on after its dot is no host (second review): "Invalid" stays a word.
  EXPECT_TRUE(names_of(featurize("Tài khoản bị khóa.Invalid OTP", "", true)).contains("word \"invalid\""));
  EXPECT_TRUE(names_of(featurize("Account locked.Invalid OTP", "", true)).contains("word \"invalid\""));
}

// Found in review: `why` listed "digits of a number" twice for a Chinese lure with two numbers, and named a
// Japanese voiced mark alone ("゙", split from its kana by the decomposition that drops Latin accents).
TEST(Features, NameEachReasonOnceAndNoMarkApartFromItsLetter) {
  const Features chinese = featurize("月薪8000元，电话13812345678，柬埔寨", "", true);
  EXPECT_EQ(std::count(chinese.names.begin(), chinese.names.end(), "digits of a number"), 1);
  const Features japanese = featurize("カンボジアでデータ入力のお仕事、ビザ代サポート", "", true);
  for (const std::string& name : japanese.names) {
    EXPECT_EQ(name.find("\"\u3099"), std::string::npos) << name;
    EXPECT_EQ(name.find("\"\u309A"), std::string::npos) << name;
  }
}

TEST(Features, ABoundedAmountOfWorkForAnyText) {
  const std::string huge(1 << 20, 'a');
  const Features features = featurize(huge, "", false);
  EXPECT_LE(features.buckets.size(), 8192U);
  EXPECT_TRUE(featurize("\xff\xfe\x80 invalid", "", false).buckets.size() > 0);
}

std::vector<Example> toy_examples() {
  std::vector<Example> examples;
  const std::vector<std::pair<std::string, Label>> texts = {
      {"easy work high salary free visa and flight to Cambodia, contact telegram", Label::scam},
      {"job abroad 1500 USD monthly, free housing, no experience, apply now", Label::scam},
      {"urgent hiring typists in Myanmar, salary 2000 USD, visa and ticket paid", Label::scam},
      {"work in Dubai casino, high pay, free flight, message us on telegram", Label::scam},
      {"big sale this weekend, 50% off all shoes at our store", Label::spam},
      {"get 20% bonus credit when you top up today, reply STOP to opt out", Label::spam},
      {"new menu at our restaurant, order online for free delivery", Label::spam},
      {"are we still meeting for lunch tomorrow?", Label::benign},
      {"your appointment is confirmed for Monday at 10am", Label::benign},
      {"thanks for the photos, the kids look great", Label::benign},
      {"the meeting moved to room 4, see you there", Label::benign},
  };
  for (std::size_t i = 0; i < texts.size(); ++i) {
    Example example;
    example.id = std::to_string(i);
    example.source = "toy";
    example.language = "en";
    example.text = texts[i].first;
    example.label = texts[i].second;
    if (example.label == Label::scam) example.category = Category::job_lure;
    examples.push_back(std::move(example));
  }
  return examples;
}

TEST(Train, IsReproducibleForASeedAndLearnsItsExamples) {
  const std::vector<Example> examples = toy_examples();
  const Model first = train(examples, {7, 30, 1.0});
  const Model second = train(examples, {7, 30, 1.0});
  EXPECT_EQ(first.serialize(), second.serialize());
  EXPECT_NE(first.serialize(), train(examples, {8, 30, 1.0}).serialize());
  const Evaluation evaluation = evaluate(first, examples);
  EXPECT_GE(evaluation.suspicious.f1(), 0.9);
  const Prediction lure = first.predict("free visa and flight, high salary job in Cambodia, telegram us", "", true);
  EXPECT_EQ(lure.label, Label::scam);
  EXPECT_EQ(lure.category, Category::job_lure);
  EXPECT_GT(lure.scam_score, 0.5);
  EXPECT_FALSE(lure.why.empty());
  std::set<std::string> why(lure.why.begin(), lure.why.end());
  EXPECT_EQ(why.size(), lure.why.size()) << "a name is listed once, with its features' sum";
  EXPECT_EQ(lure.language, "en");
}

// The temperature is fitted on a tenth of the examples, but the shipped model learns from all of them:
// an example whose words appear nowhere else is learnt whichever tenth the seed puts it in.
TEST(Train, LearnsFromTheExamplesThatFitTheTemperatureToo) {
  std::vector<Example> examples = toy_examples();
  Example unique;
  unique.id = "unique";
  unique.source = "toy";
  unique.text = "zorblax quindle vreep";
  unique.label = Label::scam;
  unique.category = Category::task;
  examples.push_back(unique);
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    EXPECT_EQ(train(examples, {seed, 30, 1.0}).predict(unique.text, "", false).label, Label::scam) << "seed " << seed;
  }
}

// Held out by a well-mixed hash: ids that differ only in their last digits land on either side
// independently, not in blocks (an FNV-1a hash alone held out runs of 40 consecutive own ids).
TEST(Split, HoldsOutConsecutiveIdsIndependently) {
  std::vector<Example> examples(1000);
  for (std::size_t i = 0; i < examples.size(); ++i) {
    examples[i].source = "lures.jsonl";
    examples[i].id = fmt::format("own-train-{:04}", i);
  }
  std::vector<Example> train_part;
  std::vector<Example> held_out;
  split_examples(examples, 0.2, 1, train_part, held_out);
  EXPECT_NEAR(static_cast<double>(held_out.size()) / 1000.0, 0.2, 0.03);
  // A run is a maximal stretch of consecutive held-out ids; independent draws give about n·p·(1 − p) = 160.
  std::size_t runs = 0;
  for (std::size_t i = 0; i < held_out.size(); ++i) {
    if (i == 0 || std::stoul(held_out[i].id.substr(10)) != std::stoul(held_out[i - 1].id.substr(10)) + 1) ++runs;
  }
  EXPECT_GT(runs, 120U);
}

// Every example is in exactly one part, the parts are about equal, and the first of five is what a
// fraction of 0.2 holds out, so that a cross-validation's first part and the held-out split agree.
TEST(Split, FoldsPartitionTheExamplesAsTheHoldOutDoes) {
  std::vector<Example> examples(1000);
  for (std::size_t i = 0; i < examples.size(); ++i) {
    examples[i].source = i % 2 == 0 ? "a" : "b";
    examples[i].id = std::to_string(i);
  }
  const std::vector<std::vector<Example>> parts = fold_examples(examples, 5, 3);
  ASSERT_EQ(parts.size(), 5U);
  std::multiset<std::string> seen;
  for (const std::vector<Example>& part : parts) {
    EXPECT_NEAR(static_cast<double>(part.size()), 200.0, 40.0);
    for (const Example& example : part) seen.insert(example.source + "/" + example.id);
  }
  EXPECT_EQ(seen.size(), examples.size());
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), examples.size()) << "an example in two parts";
  std::vector<Example> train_part;
  std::vector<Example> held_out;
  split_examples(examples, 0.2, 3, train_part, held_out);
  ASSERT_EQ(held_out.size(), parts[0].size());
  for (std::size_t i = 0; i < held_out.size(); ++i) EXPECT_EQ(held_out[i].id, parts[0][i].id);
}

// Each part is judged once, by a model that did not learn from it, and the pooled counts are the sums.
TEST(Train, CrossValidatesEveryExampleOnceBySource) {
  std::vector<Example> examples = toy_examples();
  for (std::size_t i = 0; i < examples.size(); i += 2) examples[i].source = "other-toy";
  std::vector<std::size_t> started;
  const CrossValidation validation =
      cross_validate(examples, 3, {1, 10, 1.0}, [&](std::size_t fold) { started.push_back(fold); });
  EXPECT_EQ(started, (std::vector<std::size_t>{0, 1, 2}));
  ASSERT_EQ(validation.folds.size(), 3U);
  EXPECT_EQ(validation.pooled.examples, examples.size());
  const std::size_t suspicious = static_cast<std::size_t>(
      std::count_if(examples.begin(), examples.end(), [](const Example& e) { return e.label != Label::benign; }));
  const F1& pooled = validation.pooled.suspicious;
  EXPECT_EQ(pooled.true_positives + pooled.false_negatives, suspicious);
  std::size_t false_positives = 0;
  for (const Evaluation& fold : validation.folds) false_positives += fold.suspicious.false_positives;
  EXPECT_EQ(pooled.false_positives, false_positives);
  ASSERT_EQ(validation.pooled.by_source.size(), 2U);
  const F1& toy = validation.pooled.by_source.at("toy");
  const F1& other = validation.pooled.by_source.at("other-toy");
  EXPECT_EQ(toy.true_positives + toy.false_negatives + other.true_positives + other.false_negatives, suspicious);
}

// An example without a source is named by its file, not by the path it was read from, so the split
// is the same from any folder.
TEST(Split, NamesAnExampleWithoutASourceByItsFileName) {
  const testing::ScratchFolder scratch("split-source");
  const std::filesystem::path folder = scratch.file("");
  std::filesystem::create_directories(folder / "sub");
  const std::string line = R"({"id":"1","text":"hello there","label":"benign"})";
  std::ofstream(folder / "sub" / "own.jsonl") << line << "\n";
  const Result<std::vector<Example>> near = read_examples((folder / "sub" / "own.jsonl").string());
  const Result<std::vector<Example>> far = read_examples((folder / "sub" / ".." / "sub" / "own.jsonl").string());
  ASSERT_TRUE(near.ok() && far.ok());
  EXPECT_EQ(near->at(0).source, "own.jsonl");
  EXPECT_EQ(far->at(0).source, "own.jsonl");
}

// Found in review: a null "lang" aborted jala train (an uncaught type_error), and a mistyped category
// ("job-lure") silently took 147 lures out of the category head.
TEST(Split, ReadsNullAsAbsentAndRefusesWrongTypesAndUnknownCategories) {
  const testing::ScratchFolder scratch("example-fields");
  const auto read = [&](const std::string& line) {
    const std::string file = scratch.file("e.jsonl");
    std::ofstream(file) << line << "\n";
    return read_examples(file);
  };
  const Result<std::vector<Example>> nulls =
      read(R"({"id":"1","text":"x","label":"scam","lang":null,"source":null,"category":null})");
  ASSERT_TRUE(nulls.ok()) << nulls.error().message();
  EXPECT_EQ(nulls->at(0).language, "und");
  EXPECT_EQ(nulls->at(0).source, "e.jsonl");
  EXPECT_FALSE(nulls->at(0).category);
  const Result<std::vector<Example>> number = read(R"({"id":"1","text":"x","label":"benign","source":5})");
  ASSERT_FALSE(number.ok());
  EXPECT_NE(number.error().message().find("e.jsonl:1: source: must be a string"), std::string::npos);
  const Result<std::vector<Example>> typo = read(R"({"id":"1","text":"x","label":"scam","category":"job-lure"})");
  ASSERT_FALSE(typo.ok());
  EXPECT_NE(typo.error().message().find("e.jsonl:1: category 'job-lure' is none of job_lure, "), std::string::npos)
      << typo.error().message();
  const Result<std::vector<Example>> corpus = read(R"({"id":"1","text":"x","label":"scam","category":"Delivery"})");
  ASSERT_TRUE(corpus.ok());
  EXPECT_EQ(corpus->at(0).category, Category::impersonation);
  // A spam's or benign message's category is no scam category, and is not read.
  EXPECT_TRUE(read(R"({"id":"1","text":"x","label":"spam","category":"Advertisement"})").ok());
}

TEST(Model, RoundTripsThroughItsFileFormatExactly) {
  const Model trained = train(toy_examples(), {3, 20, 1.0});
  const std::string bytes = trained.serialize();
  const Result<Model> parsed = Model::parse(bytes);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message();
  EXPECT_EQ(parsed->serialize(), bytes);
  for (const Example& example : toy_examples()) {
    const Prediction a = trained.predict(example.text, "", true);
    const Prediction b = parsed->predict(example.text, "", true);
    EXPECT_EQ(a.label, b.label);
    EXPECT_DOUBLE_EQ(a.scam_score, b.scam_score);
    EXPECT_EQ(a.why, b.why);
  }
  EXPECT_FALSE(Model::parse(bytes.substr(0, bytes.size() - 1)).ok());
  EXPECT_FALSE(Model::parse("{\"format\":\"jala-classifier-1\"}\n").ok());
  EXPECT_FALSE(Model::parse("not a model").ok());
}

// The model committed in data/model/ loads and knows an obvious lure from a family message.
TEST(Model, TheShippedModelLoadsAndClassifies) {
  const Result<Model> shipped = Model::load(JALA_SOURCE_DIR "/data/model/classifier.jala");
  ASSERT_TRUE(shipped.ok()) << shipped.error().message();
  const Prediction lure = shipped->predict(
      "Tuyển gấp 20 bạn nữ làm việc tại Campuchia, lương 1500 USD/tháng, bao ăn ở, bao vé máy bay, không cần kinh "
      "nghiệm. Liên hệ Telegram @viec_lam_cpc88",
      "VN", true);
  EXPECT_EQ(lure.label, Label::scam);
  EXPECT_EQ(lure.category, Category::job_lure);
  EXPECT_EQ(lure.language, "vi");
  const Prediction family = shipped->predict("Mẹ ơi tối nay con về ăn cơm nhé", "VN", true);
  EXPECT_EQ(family.label, Label::benign);
}

// Found in review: for Thai, Khmer, Lao and Burmese, `why` named single letters and marks (`text "่"`), which
// tell an analyst nothing. They still count in the score; `why` names what a reader can read.
TEST(Model, WhyNamesNoSingleLetterOfAnUnspacedAlphabet) {
  const Result<Model> shipped = Model::load(JALA_SOURCE_DIR "/data/model/classifier.jala");
  ASSERT_TRUE(shipped.ok()) << shipped.error().message();
  for (const std::string_view text : {"ได้เงินวันละ 3000 บาท ทำงานที่กัมพูชา ติดต่อไลน์",
                                      "ការងារនៅភ្នំពេញ ប្រាក់ខែ ១៥០០ ដុល្លារ ធ្វើការងាយស្រួល", "ເງິນເດືອນ 1500 ໂດລາ ວຽກຢູ່ກຳປູເຈຍ"}) {
    const Prediction prediction = shipped->predict(text, "", true);
    EXPECT_FALSE(prediction.why.empty()) << text;
    for (const std::string& why : prediction.why) {
      const std::size_t open = why.find("text \"");
      if (open == std::string::npos) continue;
      const std::size_t close = why.find('"', open + 6);
      const std::string_view shown = std::string_view(why).substr(open + 6, close - open - 6);
      const auto code_points = std::count_if(shown.begin(), shown.end(),
                                             [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; });
      EXPECT_GT(code_points, 1) << why;
    }
  }
  // A single Chinese character is a word, and is still named.
  EXPECT_FALSE(shipped->predict("赌 赌 赌 骗 钱 快来", "", true).why.empty());
}

}  // namespace
}  // namespace jala::classify
