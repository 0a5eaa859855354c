// jala simulate: writes the simulator's reports, transactions and truth (simulate/simulator.h) to
// three files in the output directory, streaming, with progress on stderr.
#include <filesystem>
#include <fstream>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "jala/cli/commands.h"
#include "jala/cli/progress.h"
#include "jala/simulate/simulator.h"

namespace jala::cli {
namespace {

class FileOutput final : public simulate::SimulationOutput {
 public:
  explicit FileOutput(const std::filesystem::path& directory)
      : m_reports(directory / "reports.jsonl", std::ios::binary | std::ios::trunc),
        m_transactions(directory / "transactions.jsonl", std::ios::binary | std::ios::trunc),
        m_truth(directory / "truth.json", std::ios::binary | std::ios::trunc) {}

  void write_report(std::string_view json_line) override {
    m_reports.write(json_line.data(), static_cast<std::streamsize>(json_line.size()));
    m_bytes += json_line.size();
  }
  void write_transaction(std::string_view json_line) override {
    m_transactions.write(json_line.data(), static_cast<std::streamsize>(json_line.size()));
    m_bytes += json_line.size();
  }
  void write_truth(std::string_view json_fragment) override {
    m_truth.write(json_fragment.data(), static_cast<std::streamsize>(json_fragment.size()));
    m_bytes += json_fragment.size();
  }

  // Flushes and reports whether every file was opened and written in full.
  bool finish() {
    for (std::ofstream* file : {&m_reports, &m_transactions, &m_truth}) file->flush();
    return m_reports.good() && m_transactions.good() && m_truth.good();
  }
  std::uint64_t bytes() const { return m_bytes; }

 private:
  std::ofstream m_reports;
  std::ofstream m_transactions;
  std::ofstream m_truth;
  std::uint64_t m_bytes = 0;
};

}  // namespace

Status simulate_command(const Context& context, const SimulateArgs& args) {
  std::error_code error;
  std::filesystem::create_directories(args.out, error);
  if (error) return unavailable("cannot create '{}': {}", args.out, error.message());

  FileOutput output(args.out);
  Progress progress(progress_display(context.verbose), fmt::format("simulate {} reports", args.reports), std::nullopt);
  simulate::SimulationParameters parameters;
  parameters.seed = args.seed;
  parameters.reports = args.reports;
  const simulate::SimulationSummary summary =
      simulate::simulate(parameters, output, [&](std::size_t) { progress.update(output.bytes()); });
  if (!output.finish()) return unavailable("cannot write the simulation to '{}'", args.out);

  if (args.output == Output::json) {
    const nlohmann::ordered_json summary_json = {{"reports", summary.reports},
                                                 {"noise_reports", summary.noise_reports},
                                                 {"operations", summary.operations},
                                                 {"transactions", summary.transactions},
                                                 {"out", args.out}};
    fmt::print("{}\n", summary_json.dump());
  } else {
    fmt::print("simulated {} reports ({} noise) from {} operations, and {} transactions, in {}\n", summary.reports,
               summary.noise_reports, summary.operations, summary.transactions, args.out);
  }
  return {};
}

}  // namespace jala::cli
