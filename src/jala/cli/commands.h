// The jala subcommands: each parses nothing (app.cpp does that), calls the modules, and renders the
// result as text for people or JSON for programs. Output goes to stdout; errors are returned, and
// app.cpp prints them as `jala: WHAT: WHY` and turns them into the exit code.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "jala/base/result.h"
#include "jala/storage/store.h"

namespace jala::cli {

enum class Output { text, json };

struct Context {
  std::string db;        // store location: an SQLite path or a postgresql:// URL
  bool verbose = false;  // logs and progress on stderr even when it is not a terminal
};

// Opens the context's store for a command that only reads it or changes what is there: a missing
// SQLite file is an error ("is --db right?"), and nothing is created.
Result<std::unique_ptr<storage::Store>> open_existing_store(const Context& context);

struct IngestArgs {
  std::vector<std::string> files;  // "-" is standard input
  std::string format;              // empty: from each file's extension
  std::string country;             // STIX and MISP: the agency's country when a document names none
  std::string source;              // STIX and MISP: the agency when a document names none
  bool strict = false;
  std::optional<std::size_t> batch_size;  // records per committed transaction; empty: intake's default
  std::string model;  // the classifier that assesses each report; empty: default_model_path()
  bool bulk = false;  // the ledger's indexes dropped for the load and built again after it
  Output output = Output::text;
};

struct ReportShowArgs {
  std::string source;
  std::string id;
  Output output = Output::text;
};

struct SearchArgs {
  std::string query;    // "type:value", or a raw value whose type is guessed
  std::string country;  // default region for national phone formats
  Output output = Output::text;
};

struct NetworksArgs {
  std::size_t top = 0;  // 0: every network
  Output output = Output::text;
};

struct NetworkShowArgs {
  std::string id;
  Output output = Output::text;
  bool graphml = false;  // print the network as GraphML instead
  std::vector<std::string> chain;  // SOURCE ID SOURCE ID: print the shortest chain of links between two members instead
};

struct ExtractArgs {
  std::vector<std::string> files;  // "-" or none: standard input
  std::string country;             // default region for national phone formats
  bool jsonl = false;              // input lines are {"id","text","country"?} requests
  std::size_t threads = 0;         // 0: every core
};

struct SimulateArgs {
  std::uint64_t seed = 1;
  std::size_t reports = 1000;
  std::string out;  // directory for reports.jsonl, transactions.jsonl and truth.json
  Output output = Output::text;
};

struct TraceArgs {
  std::string from;                  // an account, "type:value"
  std::vector<std::string> payment;  // or one transaction: its source and id
  bool back = false;                 // the victims' payments that reached `from`, instead
  std::string rule = "fifo";         // "fifo" or "proportional"
  std::uint32_t max_hops = 8;
  std::string since;         // RFC 3339; the account's payments before it are not traced
  std::string until;         // RFC 3339; transfers after it are not followed
  std::string cashout_file;  // known off-ramp accounts, one "type:value" per line
  Output output = Output::text;
};

struct LuresArgs {
  std::string destination;                  // ISO 3166-1 alpha-2; empty: any
  std::optional<double> min_usd_per_month;  // salary at least this, in US dollars a month
  std::string perk;                         // visa, flight, housing, meals; empty: any
  std::size_t top = 0;                      // 0: every lure
  Output output = Output::text;
};

struct LureAccountsArgs {
  std::size_t top = 0;  // 0: every account
  Output output = Output::text;
};

struct SuspectsArgs {
  std::size_t top = 0;  // 0: every suspect
  Output output = Output::text;
};

struct FreezeListArgs {
  std::string country;  // ISO 3166-1 alpha-2; empty: every country
  Output output = Output::text;
};

struct EvidenceExportArgs {
  std::string network;
  std::string out;  // a new folder, or with `zip` a new zip file
  bool zip = false;
  std::string who;          // empty: $USER
  std::string legal_basis;  // free text or a reference such as an MLA request number
  Output output = Output::text;
};

struct CustodyArgs {
  std::string kind;  // "report" or "transaction"
  std::string source;
  std::string id;
  Output output = Output::text;
};

struct ClassifyArgs {
  std::string file;   // JSON Lines of {"id","text","country"?}; empty or "-": standard input
  std::string model;  // empty: the shipped model (data/model/classifier.jala)
};

struct TrainArgs {
  std::vector<std::string> data;  // labelled JSON Lines
  std::string out;
  std::uint64_t seed = 1;
  unsigned epochs = 30;
  double learning_rate = 1.0;
  double holdout = 0.0;   // fraction held out, by hash of (seed, source, id), and measured
  unsigned folds = 0;     // if set, cross-validated over this many parts (by the same hash)
  std::string split_out;  // if set, a folder for the split as train.jsonl and held_out.jsonl
  Output output = Output::text;
};

// The node's signing key: $JALA_KEY, else beside an SQLite store ("jala.db" -> "jala.db.key"); a
// PostgreSQL store needs $JALA_KEY.
Result<std::string> node_key_path(const Context& context);

// Exit code 0 or 1 for the commands' own outcomes; errors that end a command are returned.
Result<int> ingest_command(const Context& context, const IngestArgs& args);
Result<int> extract_command(const Context& context, const ExtractArgs& args);
Status networks_command(const Context& context, const NetworksArgs& args);
Status network_show_command(const Context& context, const NetworkShowArgs& args);
Status evidence_head_command(const Context& context, Output output);
// Exit code 0 when the log and the records agree, 1 with each problem named.
// `head_files`: signed tree heads kept elsewhere, which the log must still begin with.
Result<int> evidence_audit_command(const Context& context, const std::vector<std::string>& head_files, Output output);
Status evidence_export_command(const Context& context, const EvidenceExportArgs& args);
// Exit code 0 when every file, item, proof and signature of the package checks out, 1 with each failure named.
Result<int> evidence_verify_command(const std::string& path, Output output);
Status evidence_custody_command(const Context& context, const CustodyArgs& args);
// Exit code 1 when a line could not be read (each one named on stderr), else 0.
Result<int> classify_command(const Context& context, const ClassifyArgs& args);
Status train_command(const Context& context, const TrainArgs& args);
std::string default_model_path();
Status stats_command(const Context& context, Output output);
Status report_show_command(const Context& context, const ReportShowArgs& args);
Status search_command(const Context& context, const SearchArgs& args);
Status simulate_command(const Context& context, const SimulateArgs& args);
Status trace_command(const Context& context, const TraceArgs& args);
Status lures_command(const Context& context, const LuresArgs& args);
Status lure_accounts_command(const Context& context, const LureAccountsArgs& args);
Status suspects_command(const Context& context, const SuspectsArgs& args);
Status freeze_list_command(const Context& context, const FreezeListArgs& args);

}  // namespace jala::cli
