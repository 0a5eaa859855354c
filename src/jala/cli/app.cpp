#include "jala/cli/app.h"

#include <unistd.h>

#include <charconv>
#include <cmath>
#include <cstdlib>

#include <CLI/CLI.hpp>

#include "jala/cli/commands.h"
#include "jala/cli/share_commands.h"
#include "jala/model/country.h"

namespace jala::cli {
namespace {

constexpr int k_exit_success = 0;
constexpr int k_exit_failed = 1;
constexpr int k_exit_usage = 2;

// The one place where errors become exit codes.
int exit_code(const Error&) { return k_exit_failed; }

int report(std::string_view command, const Error& error) {
  fmt::print(stderr, "jala: {}: {}\n", command, error.message());
  return exit_code(error);
}

std::string default_store() {
  const char* from_environment = std::getenv("JALA_DB");
  return from_environment != nullptr && *from_environment != '\0' ? from_environment : "./jala.db";
}

}  // namespace

CLI::Validator country_code() {
  return {[](std::string& value) {
            Result<std::string> country = model::parse_country(value);
            if (!country.ok()) return country.error().message();
            value = std::move(country).value();
            return std::string();
          },
          "CC"};
}

namespace {

// A count in decimal digits, up to a billion, handed on without leading zeros: CLI11 reads "-1" into a
// std::size_t as the largest one, "010" as octal, and a number past 2^64 as the largest.
constexpr std::uint64_t k_largest_count = 1'000'000'000;
CLI::Validator count() {
  return {
      [](std::string& value) {
        std::uint64_t parsed = 0;
        const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
        if (value.empty() || error != std::errc() || end != value.data() + value.size() || parsed > k_largest_count) {
          return fmt::format("'{}' is not a whole number from 0 to {}", value, k_largest_count);
        }
        value = std::to_string(parsed);
        return std::string();
      },
      "N"};
}

// An amount of money: a finite number, 0 or more (CLI::NonNegativeNumber's message prints the largest double).
CLI::Validator amount() {
  return {[](const std::string& value) {
            double parsed = 0;
            const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
            return error == std::errc() && end == value.data() + value.size() && std::isfinite(parsed) && parsed >= 0
                       ? std::string()
                       : fmt::format("'{}' is not an amount, 0 or more", value);
          },
          "AMOUNT"};
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"Jala: link scam reports across borders, follow the money, share evidence."};
  app.name("jala");
  app.set_version_flag("--version", "jala 0.1.0");
  app.require_subcommand(1);

  Context context{default_store(), false};
  app.add_option("--db", context.db, "Store: an SQLite file (default $JALA_DB, else ./jala.db) or postgresql:// URL");
  app.add_flag("--verbose", context.verbose, "Progress and logs on stderr even when it is not a terminal");

  IngestArgs ingest;
  bool ingest_json = false;
  CLI::App* ingest_app = app.add_subcommand(
      "ingest", "Read reports and transactions (JSON Lines, CSV, STIX 2.1, MISP, text) into the store");
  ingest_app->add_option("files", ingest.files, "Input files; - reads standard input")->required();
  ingest_app
      ->add_option("--format", ingest.format, "jsonl, csv, stix, misp or text (default: from each file's extension)")
      ->check(CLI::IsMember({"jsonl", "csv", "stix", "misp", "text"}));
  ingest_app
      ->add_option("--country", ingest.country,
                   "STIX and MISP: the reporting agency's country (ISO 3166-1) when the document names none; "
                   "text: the reporting agency's country (required)")
      ->transform(country_code());
  ingest_app->add_option("--source", ingest.source,
                         "STIX and MISP: the reporting agency when the document names none (default: stix, misp); "
                         "text: the reporting agency (required)");
  ingest_app->add_flag("--strict", ingest.strict, "Reject a whole file when any record in it is invalid");
  ingest_app->add_option("--batch-size", ingest.batch_size, "Records per committed transaction")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1'000'000}));
  ingest_app->add_option("--model", ingest.model, "The classifier that assesses each report (default: the shipped one)");
  ingest_app->add_flag("--bulk", ingest.bulk,
                       "For a large load: build the indexes of accounts' transactions once, after it, instead of"
                       " keeping them during it");
  ingest_app->add_flag("--json", ingest_json, "Print the summary as JSON");

  ExtractArgs extract;
  CLI::App* extract_app = app.add_subcommand(
      "extract", "Find the selectors in free text (phones, e-mails, URLs, wallets, IBANs, accounts, handles)");
  extract_app->add_option("files", extract.files, "Input files; - or none reads standard input");
  extract_app->add_option("--country", extract.country, "Default region for national phone formats (ISO 3166-1)")
      ->transform(country_code());
  extract_app->add_flag("--jsonl", extract.jsonl, "Each input line is {\"id\":...,\"text\":...,\"country\":...}");
  bool extract_json = false;  // the output is JSON Lines either way
  extract_app->add_flag("--json", extract_json, "Accepted for uniformity: the output is always JSON Lines");
  extract_app->add_option("--threads", extract.threads, "Worker threads (default: every core)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1024}));

  bool stats_json = false;
  CLI::App* stats_app = app.add_subcommand("stats", "Count what the store holds, by kind, country and source");
  stats_app->add_flag("--json", stats_json, "Print JSON");

  ReportShowArgs show;
  bool show_json = false;
  CLI::App* report_app = app.add_subcommand("report", "Look at reports");
  report_app->require_subcommand(1);
  CLI::App* show_app = report_app->add_subcommand("show", "Show one report with its selectors");
  show_app->add_option("source", show.source, "The agency or feed that sent it")->required();
  show_app->add_option("id", show.id, "The source's own id")->required();
  show_app->add_flag("--json", show_json, "Print JSON");

  SearchArgs search;
  bool search_json = false;
  CLI::App* search_app = app.add_subcommand("search", "Find the reports that name a selector, in any surface form");
  search_app->add_option("selector", search.query, "TYPE:VALUE, or a raw value such as '+84 91 234 5678'")->required();
  search_app->add_option("--country", search.country, "Default region for national phone formats (ISO 3166-1)")
      ->transform(country_code());
  search_app->add_flag("--json", search_json, "Print JSON");

  NetworksArgs networks;
  bool networks_json = false;
  CLI::App* networks_app =
      app.add_subcommand("networks", "Link reports that share selectors into networks, best first");
  networks_app->add_option("--top", networks.top, "Show only the N best networks")->transform(count());
  networks_app->add_flag("--json", networks_json, "Print JSON");
  NetworkShowArgs network_show;
  bool network_show_json = false;
  CLI::App* network_app = app.add_subcommand("network", "Look at one network");
  network_app->require_subcommand(1);
  CLI::App* network_show_app =
      network_app->add_subcommand("show", "Members, links and what makes each, hubs, timeline");
  network_show_app->add_option("id", network_show.id, "The network's id, as `jala networks` prints it")->required();
  network_show_app->add_flag("--json", network_show_json, "Print JSON");
  network_show_app->add_flag("--graphml", network_show.graphml, "Print the network as GraphML, for graph tools");
  network_show_app
      ->add_option("--chain", network_show.chain,
                   "SOURCE ID SOURCE ID: why two members are in the network, as the shortest chain of links")
      ->expected(4)
      ->excludes("--graphml");

  bool evidence_json = false;
  CLI::App* evidence_app =
      app.add_subcommand("evidence", "The evidence log: signed heads, audits, packages and custody");
  evidence_app->require_subcommand(1);
  CLI::App* head_app = evidence_app->add_subcommand("head", "Sign and print the log's current size and root");
  head_app->add_flag("--json", evidence_json, "Print JSON");
  CLI::App* audit_app =
      evidence_app->add_subcommand("audit", "Recompute the log and check every logged record against the store");
  audit_app->add_flag("--json", evidence_json, "Print JSON");
  std::vector<std::string> audit_heads;
  audit_app->add_option("--head", audit_heads,
                        "A signed tree head kept elsewhere (`jala evidence head --json`, or a package's"
                        " tree_head.json): the log must still begin with what it signed. Repeatable");
  EvidenceExportArgs export_args;
  CLI::App* export_app = evidence_app->add_subcommand(
      "export", "Write a network's records with their proofs as a package a court can verify offline");
  export_app->add_option("--network", export_args.network, "The network's id, as `jala networks` prints it")
      ->required();
  export_app->add_option("--out", export_args.out, "A new folder (or with --zip, a new zip file)")->required();
  export_app->add_flag("--zip", export_args.zip, "Write one zip file instead of a folder");
  export_app->add_option("--who", export_args.who, "Who exports, for the custody chain (default: $USER)");
  export_app->add_option("--legal-basis", export_args.legal_basis,
                         "The legal basis, e.g. an MLA request number, for the custody chain");
  export_app->add_flag("--json", evidence_json, "Print JSON");
  std::string verify_path;
  CLI::App* verify_app = evidence_app->add_subcommand(
      "verify", "Check a package offline: every file, item, proof and signature; exit 1 naming each failure");
  verify_app->add_option("package", verify_path, "The package folder or zip file")->required();
  verify_app->add_flag("--json", evidence_json, "Print JSON");
  CustodyArgs custody;
  CLI::App* custody_app =
      evidence_app->add_subcommand("custody", "A record's chain of custody events in the evidence log");
  custody_app->add_option("kind", custody.kind, "report or transaction")->required();
  custody_app->add_option("source", custody.source, "The record's source")->required();
  custody_app->add_option("id", custody.id, "The record's id")->required();
  custody_app->add_flag("--json", evidence_json, "Print JSON");

  TraceArgs trace;
  bool trace_json = false;
  CLI::App* trace_app = app.add_subcommand("trace", "Follow money from an account or a payment, hop by hop");
  trace_app->add_option("--from", trace.from, "The account (TYPE:VALUE) whose payments to follow");
  trace_app->add_option("--payment", trace.payment, "Follow one transaction instead: its SOURCE and ID")->expected(2);
  trace_app->add_flag("--back", trace.back, "List the origin payments (victims) whose money reached --from");
  trace_app->add_option("--rule", trace.rule, "How a payment carries taint: fifo (default) or proportional");
  trace_app->add_option("--max-hops", trace.max_hops, "Follow at most this many transfers (default 8)");
  trace_app->add_option("--since", trace.since, "RFC 3339: the account's payments before this are not followed");
  trace_app->add_option("--until", trace.until, "RFC 3339: transfers after this are not followed");
  trace_app->add_option("--cashout", trace.cashout_file, "File of known off-ramp accounts, one TYPE:VALUE per line");
  trace_app->add_flag("--json", trace_json, "Print JSON");
  LuresArgs lures;
  LureAccountsArgs lure_accounts;
  bool lures_json = false;
  CLI::App* lures_app = app.add_subcommand("lures", "Job lures by what they promise, and the accounts that post them");
  lures_app->add_option("--to", lures.destination, "Only lures promising this destination (ISO 3166-1 alpha-2)")
      ->transform(country_code());
  lures_app->add_option("--min-usd", lures.min_usd_per_month, "Only lures promising at least this many USD a month")
      ->check(amount());
  lures_app->add_option("--perk", lures.perk, "Only lures offering this perk")
      ->check(CLI::IsMember({"visa", "flight", "housing", "meals"}));
  lures_app->add_option("--top", lures.top, "Show only the N latest lures")->transform(count());
  lures_app->add_flag("--json", lures_json, "Print JSON");
  CLI::App* lure_accounts_app = lures_app->add_subcommand(
      "accounts", "Rank the phones, handles and groups that post the most lure ads, with their networks");
  lure_accounts_app->add_option("--top", lure_accounts.top, "Show only the N first accounts")->transform(count());
  lure_accounts_app->add_flag("--json", lures_json, "Print JSON");

  SuspectsArgs suspects;
  FreezeListArgs freeze;
  bool flow_json = false;
  CLI::App* flow_app = app.add_subcommand("flow", "Money mules, cash-outs and what to freeze");
  flow_app->require_subcommand(1);
  CLI::App* suspects_app =
      flow_app->add_subcommand("suspects", "Score every account that moves money as a mule, collector or cash-out");
  suspects_app->add_option("--top", suspects.top, "Show only the N highest scores")->transform(count());
  suspects_app->add_flag("--json", flow_json, "Print JSON");
  CLI::App* freeze_app = flow_app->add_subcommand(
      "freeze-list", "The accounts where a stop-payment would recover most now, by country and institution");
  freeze_app->add_option("--country", freeze.country, "Only this country's institutions (ISO 3166-1 alpha-2)")
      ->transform(country_code());
  freeze_app->add_flag("--json", flow_json, "Print JSON");

  ClassifyArgs classify;
  bool classify_jsonl = false;
  CLI::App* classify_app =
      app.add_subcommand("classify", "Label messages scam, spam or benign, with category, score, language and why");
  classify_app->add_flag("--jsonl", classify_jsonl, "Input lines are {\"id\",\"text\",\"country\"?} (required)")
      ->required();
  classify_app->add_option("file", classify.file, "Input file; - or none: standard input");
  classify_app->add_option("--model", classify.model, "A model from jala train (default: the shipped one)");
  TrainArgs train;
  bool train_json = false;
  CLI::App* train_app = app.add_subcommand("train", "Train the classifier from labelled JSON Lines");
  train_app->add_option("--data", train.data, "Labelled JSON Lines: {\"text\",\"label\",\"category\"?,...}")
      ->required()
      ->expected(1, -1);
  train_app->add_option("--out", train.out, "Where to write the model")->required();
  train_app->add_option("--seed", train.seed, "Random seed; the same data and seed give the same model");
  train_app->add_option("--epochs", train.epochs, "Passes over the data (default 30)")->check(CLI::Range(1U, 1000U));
  train_app->add_option("--learning-rate", train.learning_rate, "Starting learning rate (default 1.0)")
      ->check(CLI::Range(0.0001, 10.0));
  CLI::Option* holdout = train_app->add_option("--holdout", train.holdout, "Fraction held out and measured (default 0)")
                             ->check(CLI::Range(0.0, 0.9));
  CLI::Option* split_out = train_app->add_option(
      "--split-out", train.split_out,
      "Also write the split to this folder (train.jsonl, held_out.jsonl), to measure other models on it");
  train_app
      ->add_option("--folds", train.folds,
                   "Cross-validate instead of holding out: one model per part of this many (by the same hash), "
                   "each judged on its part")
      ->check(CLI::Range(2U, 20U))
      ->excludes(holdout)
      ->excludes(split_out);
  train_app->add_flag("--json", train_json, "Print JSON");

  SimulateArgs simulate;
  bool simulate_json = false;
  CLI::App* simulate_app =
      app.add_subcommand("simulate", "Write a simulated scam economy: reports, transactions and the truth behind them");
  simulate_app->add_option("--seed", simulate.seed, "Random seed; the same seed and size give the same bytes");
  simulate_app->add_option("--reports", simulate.reports, "Number of reports")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1'000'000'000}));
  simulate_app->add_option("--out", simulate.out, "Output directory (created if missing)")->required();
  simulate_app->add_flag("--json", simulate_json, "Print the summary as JSON");

  ShareCommands share_commands(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForAllHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForVersion& version) {
    return app.exit(version);
  } catch (const CLI::ParseError& error) {
    fmt::print(stderr, "jala: usage: {}\nRun 'jala --help' for usage.\n", error.what());
    return k_exit_usage;
  }

  const auto output = [](bool json) { return json ? Output::json : Output::text; };
  if (ingest_app->parsed()) {
    ingest.output = output(ingest_json);
    Result<int> code = ingest_command(context, ingest);
    return code.ok() ? *code : report("ingest", code.error());
  }
  if (extract_app->parsed()) {
    Result<int> code = extract_command(context, extract);
    return code.ok() ? *code : report("extract", code.error());
  }
  if (stats_app->parsed()) {
    const Status status = stats_command(context, output(stats_json));
    return status.ok() ? k_exit_success : report("stats", status.error());
  }
  if (show_app->parsed()) {
    show.output = output(show_json);
    const Status status = report_show_command(context, show);
    return status.ok() ? k_exit_success : report("report show", status.error());
  }
  if (search_app->parsed()) {
    search.output = output(search_json);
    const Status status = search_command(context, search);
    return status.ok() ? k_exit_success : report("search", status.error());
  }
  if (networks_app->parsed()) {
    networks.output = output(networks_json);
    const Status status = networks_command(context, networks);
    return status.ok() ? k_exit_success : report("networks", status.error());
  }
  if (network_show_app->parsed()) {
    network_show.output = output(network_show_json);
    const Status status = network_show_command(context, network_show);
    return status.ok() ? k_exit_success : report("network show", status.error());
  }
  if (head_app->parsed()) {
    const Status status = evidence_head_command(context, output(evidence_json));
    return status.ok() ? k_exit_success : report("evidence head", status.error());
  }
  if (audit_app->parsed()) {
    Result<int> code = evidence_audit_command(context, audit_heads, output(evidence_json));
    return code.ok() ? *code : report("evidence audit", code.error());
  }
  if (trace_app->parsed()) {
    trace.output = output(trace_json);
    const Status status = trace_command(context, trace);
    return status.ok() ? k_exit_success : report("trace", status.error());
  }
  if (lure_accounts_app->parsed()) {
    lure_accounts.output = output(lures_json);
    const Status status = lure_accounts_command(context, lure_accounts);
    return status.ok() ? k_exit_success : report("lures accounts", status.error());
  }
  if (lures_app->parsed()) {
    lures.output = output(lures_json);
    const Status status = lures_command(context, lures);
    return status.ok() ? k_exit_success : report("lures", status.error());
  }
  if (suspects_app->parsed()) {
    suspects.output = output(flow_json);
    const Status status = suspects_command(context, suspects);
    return status.ok() ? k_exit_success : report("flow suspects", status.error());
  }
  if (freeze_app->parsed()) {
    freeze.output = output(flow_json);
    const Status status = freeze_list_command(context, freeze);
    return status.ok() ? k_exit_success : report("flow freeze-list", status.error());
  }
  if (export_app->parsed()) {
    export_args.output = output(evidence_json);
    const Status status = evidence_export_command(context, export_args);
    return status.ok() ? k_exit_success : report("evidence export", status.error());
  }
  if (verify_app->parsed()) {
    Result<int> code = evidence_verify_command(verify_path, output(evidence_json));
    return code.ok() ? *code : report("evidence verify", code.error());
  }
  if (custody_app->parsed()) {
    custody.output = output(evidence_json);
    const Status status = evidence_custody_command(context, custody);
    return status.ok() ? k_exit_success : report("evidence custody", status.error());
  }
  if (classify_app->parsed()) {
    Result<int> code = classify_command(context, classify);
    return code.ok() ? *code : report("classify", code.error());
  }
  if (train_app->parsed()) {
    train.output = output(train_json);
    const Status status = train_command(context, train);
    return status.ok() ? k_exit_success : report("train", status.error());
  }
  if (simulate_app->parsed()) {
    simulate.output = output(simulate_json);
    const Status status = simulate_command(context, simulate);
    return status.ok() ? k_exit_success : report("simulate", status.error());
  }
  if (const std::optional<int> code = share_commands.run(context, report)) return *code;
  return k_exit_usage;
}

}  // namespace jala::cli
