// jala classify and jala train: label messages as scam, spam or benign with a category, a calibrated
// score, their language and why (classify/model.h); and train that model reproducibly from labelled
// JSON Lines, measuring it on a held-out split (classify/train.h, docs/model.md).
#include <fmt/core.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>

#include "jala/classify/train.h"
#include "jala/cli/commands.h"
#include "jala/cli/data_files.h"
#include "jala/cli/file_source.h"
#include "jala/intake/extract_request.h"
#include "jala/intake/line_reader.h"

namespace jala::cli {
namespace {

nlohmann::ordered_json f1_json(const classify::F1& f1) {
  return {{"precision", f1.precision()},
          {"recall", f1.recall()},
          {"f1", f1.f1()},
          {"support", f1.true_positives + f1.false_negatives}};
}

nlohmann::ordered_json evaluation_json(const classify::Evaluation& evaluation) {
  nlohmann::ordered_json languages = nlohmann::ordered_json::object();
  for (const auto& [language, f1] : evaluation.by_language) languages[language] = f1_json(f1);
  nlohmann::ordered_json categories = nlohmann::ordered_json::object();
  for (const auto& [category, f1] : evaluation.by_category) categories[category] = f1_json(f1);
  nlohmann::ordered_json sources = nlohmann::ordered_json::object();
  for (const auto& [source, f1] : evaluation.by_source) sources[source] = f1_json(f1);
  return {{"examples", evaluation.examples},      {"suspicious", f1_json(evaluation.suspicious)},
          {"scam", f1_json(evaluation.scam)},     {"by_language", std::move(languages)},
          {"by_category", std::move(categories)}, {"by_source", std::move(sources)}};
}

// The pooled figures, and each part's two headline F1s, so that their spread shows.
nlohmann::ordered_json cross_validation_json(const classify::CrossValidation& validation) {
  nlohmann::ordered_json folds = nlohmann::ordered_json::array();
  for (const classify::Evaluation& fold : validation.folds) {
    folds.push_back(
        {{"examples", fold.examples}, {"suspicious_f1", fold.suspicious.f1()}, {"scam_f1", fold.scam.f1()}});
  }
  return {{"folds", std::move(folds)}, {"pooled", evaluation_json(validation.pooled)}};
}

// One example as a line of the training format.
std::string example_line(const classify::Example& example) {
  nlohmann::ordered_json line = {{"id", example.id},
                                 {"source", example.source},
                                 {"lang", example.language},
                                 {"label", classify::to_string(example.label)},
                                 {"text", example.text}};
  if (example.category) line["category"] = classify::to_string(*example.category);
  return line.dump() + "\n";
}

Status write_split(const std::string& directory, const std::vector<classify::Example>& training,
                   const std::vector<classify::Example>& held_out) {
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error) return unavailable("--split-out: {}: {}", directory, error.message());
  for (const auto& [name, examples] : {std::pair{"train.jsonl", &training}, std::pair{"held_out.jsonl", &held_out}}) {
    std::ofstream out(std::filesystem::path(directory) / name, std::ios::trunc);
    for (const classify::Example& example : *examples) out << example_line(example);
    if (!out.flush()) return unavailable("--split-out: {}/{} cannot be written", directory, name);
  }
  return {};
}

}  // namespace

std::string default_model_path() { return data_directory() + "/model/classifier.jala"; }

Result<int> classify_command(const Context& /*context*/, const ClassifyArgs& args) {
  JALA_TRY_ASSIGN(const classify::Model model,
                  classify::Model::load(args.model.empty() ? default_model_path() : args.model));
  const std::string file = args.file.empty() ? "-" : args.file;
  Result<std::unique_ptr<FileSource>> opened = FileSource::open(file);
  if (!opened.ok()) return opened.error().with_context(file);  // named, as extract and ingest name theirs
  const std::unique_ptr<FileSource> source = std::move(opened).value();
  intake::LineReader lines(*source, intake::k_max_extract_request_line_bytes);
  std::size_t bad = 0;
  while (true) {
    JALA_TRY_ASSIGN(const std::optional<intake::Line> line, lines.next());
    if (!line) break;
    if (line->too_long) {
      fmt::print(stderr, "jala: classify: {}:{}: longer than {} bytes\n", file, line->number,
                 intake::k_max_extract_request_line_bytes);
      ++bad;
      continue;
    }
    if (line->text.find_first_not_of(" \t\r") == std::string::npos) continue;  // a blank line, as extract skips
    Result<intake::ExtractRequest> request = intake::parse_extract_request(line->text);
    if (!request.ok()) {
      fmt::print(stderr, "jala: classify: {}:{}: {}\n", file, line->number, request.error().message());
      ++bad;
      continue;
    }
    const classify::Prediction prediction = model.predict(request->text, request->country, true);
    nlohmann::ordered_json out;
    out["label"] = classify::to_string(prediction.label);
    out["scam_score"] = prediction.scam_score;
    if (prediction.category) out["category"] = classify::to_string(*prediction.category);
    out["language"] = prediction.language;
    out["why"] = prediction.why;
    // The id exactly as the request wrote it, as jala extract echoes it (a parse and dump would rewrite
    // 4.5e3 as 4500.0).
    fmt::print("{{\"id\":{},{}\n", request->id_json, std::string_view(out.dump()).substr(1));
  }
  return bad == 0 ? 0 : 1;
}

Status train_command(const Context& context, const TrainArgs& args) {
  std::vector<classify::Example> examples;
  for (const std::string& file : args.data) {
    JALA_TRY_ASSIGN(std::vector<classify::Example> read, classify::read_examples(file));
    examples.insert(examples.end(), std::make_move_iterator(read.begin()), std::make_move_iterator(read.end()));
  }
  if (examples.empty()) return invalid_argument("--data: no examples");
  std::vector<classify::Example> training;
  std::vector<classify::Example> held_out;
  classify::split_examples(examples, args.holdout, args.seed, training, held_out);
  if (!args.split_out.empty()) JALA_TRY(write_split(args.split_out, training, held_out));
  const bool verbose = context.verbose;
  const classify::TrainOptions options{args.seed, args.epochs, args.learning_rate};
  std::optional<classify::CrossValidation> validation;
  if (args.folds != 0) {
    validation = classify::cross_validate(examples, args.folds, options, [&](std::size_t fold) {
      if (verbose) fmt::print(stderr, "train: cross-validation, part {} of {}\n", fold + 1, args.folds);
    });
  }
  classify::Model model = classify::train(training, options, [&](unsigned epoch) {
    if (verbose) fmt::print(stderr, "train: epoch {} of {}\n", epoch, 2 * args.epochs);
  });
  nlohmann::ordered_json provenance = {
      {"data", args.data},     {"examples", training.size()},         {"seed", args.seed},
      {"epochs", args.epochs}, {"learning_rate", args.learning_rate}, {"holdout", args.holdout}};
  if (!held_out.empty()) provenance["held_out"] = evaluation_json(classify::evaluate(model, held_out));
  if (validation) provenance["cross_validation"] = cross_validation_json(*validation);
  model.set_provenance(provenance.dump());
  std::ofstream out(args.out, std::ios::binary | std::ios::trunc);
  const std::string bytes = model.serialize();
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out.flush()) return unavailable("{}: cannot be written", args.out);
  if (args.output == Output::json) {
    fmt::print("{}\n", provenance.dump());
  } else {
    fmt::print("trained on {} examples ({} held out), {} epochs, seed {}: {}\n", training.size(), held_out.size(),
               args.epochs, args.seed, args.out);
    if (provenance.contains("held_out")) fmt::print("held out: {}\n", provenance["held_out"].dump(1));
    if (validation) {
      fmt::print("cross-validated over {} parts, pooled: {}\n", args.folds,
                 provenance["cross_validation"]["pooled"].dump(1));
    }
  }
  return {};
}

}  // namespace jala::cli
