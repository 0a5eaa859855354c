// `jala simulate`: the project's own ground truth. A seeded generative model of the scam economy
// (economy.h) writes victims' reports, lure ads, chat exports, suspicious-transaction reports and
// takedowns in the victims' languages, the money trail behind them (victim payments, mule layering,
// crypto cash-out) with legitimate background traffic, and the truth: which operation each report
// belongs to. docs/simulator.md documents the model, its parameters and the output formats.
//
// Output is streamed through the three writers of SimulationOutput, so memory holds the operations
// and nothing per report: a run of 10,000,000 reports needs no more than a run of 100,000 with the
// same number of operations. The same parameters give the same bytes on every platform.
//
// Pure apart from the writers; one Simulator per thread.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "jala/simulate/economy.h"

namespace jala::simulate {

struct SimulationParameters {
  std::uint64_t seed = 1;
  std::size_t reports = 1000;
  std::size_t operations = 0;          // 0: default_operations(reports)
  double size_exponent = 1.1;          // Zipf exponent of operation sizes
  double noise_share = 0.12;           // reports that belong to no operation
  double hub_share = 0.2;              // reports that also name a hub selector
  double typo_rate = 0.04;             // in-text selectors written unusably
  double text_only_share = 0.35;       // the rest: form only, or form and text, half and half
  double background_per_report = 1.0;  // legitimate transactions per report, on average
};

// Where the three files go. Each call passes whole lines (or, for truth, whole JSON fragments);
// the writer adds nothing.
class SimulationOutput {
 public:
  virtual ~SimulationOutput() = default;
  virtual void write_report(std::string_view json_line) = 0;
  virtual void write_transaction(std::string_view json_line) = 0;
  virtual void write_truth(std::string_view json_fragment) = 0;
};

struct SimulationSummary {
  std::size_t reports = 0;
  std::size_t noise_reports = 0;
  std::size_t transactions = 0;
  std::size_t operations = 0;
};

// Runs the whole simulation into `output`; `on_progress` (if set) is told the number of reports
// written every few thousand reports.
SimulationSummary simulate(const SimulationParameters& parameters, SimulationOutput& output,
                           const std::function<void(std::size_t)>& on_progress = {});

}  // namespace jala::simulate
