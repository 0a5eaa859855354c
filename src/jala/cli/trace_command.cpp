// jala trace: where money went, hop by hop, from an account or one payment (flow/trace.h); or with
// --back, the origin payments (victims) whose money reached an account.
#include <fmt/core.h>

#include <filesystem>
#include <vector>

#include "jala/analysis/trace_json.h"
#include "jala/base/json_text.h"
#include "jala/base/utf8.h"
#include "jala/cli/commands.h"
#include "jala/cli/file_source.h"
#include "jala/cli/money_view.h"
#include "jala/flow/trace.h"
#include "jala/intake/line_reader.h"
#include "jala/model/text.h"
#include "jala/storage/store.h"

namespace jala::cli {
namespace {

constexpr std::size_t k_max_cashout_lines = 1'000'000;
constexpr std::size_t k_max_cashout_line_bytes = 4096;  // a selector is far shorter

Result<Timestamp> parse_time_option(const std::string& text, std::string_view option) {
  Result<Timestamp> time = parse_rfc3339(text);
  if (!time.ok()) return time.error().with_context(option);
  return time;
}

// Known off-ramps, one "type:value" per line; blank lines and lines starting with '#' are skipped, and
// spaces around a line, a CR before its end and a byte order mark before the first (as spreadsheets save
// lists; intake::LineReader drops it) are not part of it. Read before the ledger, so that a mistake in the
// file is reported before a long load.
Result<std::vector<model::Selector>> read_cashout_accounts(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return std::filesystem::exists(path, error) ? invalid_argument("--cashout: {} is not a file", path)
                                                : not_found("--cashout: cannot open {}", path);
  }
  Result<std::unique_ptr<FileSource>> source = FileSource::open(path);
  if (!source.ok()) return not_found("--cashout: cannot open {}", path);
  intake::LineReader lines(**source, k_max_cashout_line_bytes);
  std::vector<model::Selector> accounts;
  while (true) {
    JALA_TRY_ASSIGN(const std::optional<intake::Line> line, lines.next());
    if (!line) break;
    if (line->number > k_max_cashout_lines) {
      return invalid_argument("--cashout: {} has over {} lines", path, k_max_cashout_lines);
    }
    if (line->too_long) {
      return invalid_argument("--cashout: {}:{}: the line is longer than {} bytes", path, line->number,
                              k_max_cashout_line_bytes);
    }
    const std::string_view text = model::trim_ascii_space(line->text);
    if (text.empty() || text.front() == '#') continue;
    Result<model::Selector> account = model::parse_selector(text, {});
    if (!account.ok()) return account.error().with_context(fmt::format("--cashout: {}:{}", path, line->number));
    accounts.push_back(std::move(*account));
  }
  return accounts;
}

// The options the command line asks for, checked before the store is read. The off-ramps are added once
// the ledger is loaded (add_cashout_accounts).
Result<flow::TraceOptions> trace_options(const TraceArgs& args) {
  flow::TraceOptions options;
  Result<flow::TaintRule> rule = flow::parse_taint_rule(args.rule);
  if (!rule.ok()) return rule.error().with_context("--rule");
  options.rule = *rule;
  if (args.max_hops == 0) return invalid_argument("--max-hops: must be at least 1");
  options.max_hops = args.max_hops;
  if (!args.since.empty()) {
    JALA_TRY_ASSIGN(options.since, parse_time_option(args.since, "--since"));
  }
  if (!args.until.empty()) {
    JALA_TRY_ASSIGN(options.until, parse_time_option(args.until, "--until"));
  }
  JALA_TRY(flow::check_window(options));
  return options;
}

// Accounts the ledger does not know cannot receive money, so they are dropped.
void add_cashout_accounts(const flow::Ledger& ledger, const std::vector<model::Selector>& accounts,
                          flow::TraceOptions& options) {
  for (const model::Selector& account : accounts) {
    if (const std::optional<flow::AccountId> id = ledger.find(account)) options.cashout_accounts.insert(*id);
  }
}

// The transaction of --payment SOURCE ID, as the store finds it through its (source, id) index, checked
// before the ledger is loaded: it must exist and lie in the window (a window without it traced nothing, and
// printed 0 USD for a payment the analyst named).
Status check_payment(const std::vector<std::string>& payment, const std::optional<model::Transaction>& stored,
                     const flow::TraceOptions& options) {
  if (!stored) return not_found("--payment: no transaction {} from source {}", payment[1], payment[0]);
  if (stored->at < options.since || stored->at > options.until) {
    return invalid_argument("--payment: transaction {} from source {} was made at {}, outside --since and --until",
                            payment[1], payment[0], format_rfc3339(stored->at));
  }
  return {};
}

// The transfer of --payment SOURCE ID among the ledger's transfers made at its time.
Result<flow::TransferId> find_payment(const flow::Ledger& ledger, const std::vector<std::string>& payment,
                                      const std::optional<model::Transaction>& stored) {
  if (stored->from == stored->to) {
    return invalid_argument(
        "--payment: transaction {} from source {} pays its own account: it moves no money, so "
        "there is nothing to trace",
        payment[1], payment[0]);
  }
  const std::optional<flow::TransferId> found = ledger.find_transfer(stored->at, stored->source, stored->id);
  if (!found) {
    return internal_error("--payment: transaction {} from source {} is in the store but not its ledger", payment[1],
                          payment[0]);
  }
  return *found;
}

// An amount in its own currency: to the cent, or every digit it has when it has more (0.0039 BTC, never
// 1e-05), so that a hop can be matched to the bank's or the chain's record. The digits are those the JSON
// output gives (shortest_fixed_decimal): 0.123 as sent, not the double's 0.122999999999999998.
std::string shown_amount(double amount) {
  std::string digits = shortest_fixed_decimal(amount);
  const std::size_t point = digits.find('.');
  const std::size_t decimals = point == std::string::npos ? 0 : digits.size() - point - 1;
  if (point == std::string::npos) digits += '.';
  if (decimals < 2) digits.append(2 - decimals, '0');
  return digits;
}

// A transfer as a line of text output, its store's source and id escaped (escape_for_terminal): they are
// as the bank's file wrote them, and must not act on the analyst's terminal.
std::string describe(const flow::Ledger& ledger, flow::TransferId t) {
  const flow::Transfer& transfer = ledger.transfer(t);
  return escape_for_terminal(fmt::format(
      "{}  {} -> {}  {} {} by {} ({}/{})", format_rfc3339(transfer.at), ledger.account(transfer.from).to_string(),
      ledger.account(transfer.to).to_string(), shown_amount(transfer.amount), ledger.currency(t),
      model::to_string(transfer.channel), ledger.source(t), ledger.record_id(t)));
}

std::string shown_account(const flow::Ledger& ledger, flow::AccountId account) {
  return escape_for_terminal(ledger.account(account).to_string());
}

void print_trace(const flow::Ledger& ledger, const std::string& traced, const TraceArgs& args,
                 const flow::TraceOptions& options, const flow::Trace& trace) {
  if (args.output == Output::json) {
    fmt::print("{}\n", analysis::trace_json(ledger, traced, options, trace).dump());
    return;
  }
  fmt::print("Money from {}: {:.2f} USD, traced by {} up to {} hops\n", escape_for_terminal(traced), trace.seeded_usd,
             args.rule, args.max_hops);
  for (const flow::Hop& hop : trace.hops) {
    fmt::print("  hop {}  {}  carries {:.2f} USD\n", hop.hop, describe(ledger, hop.transfer), hop.taint_usd);
  }
  fmt::print("Where it stopped:\n");
  if (trace.endpoints.empty()) {
    fmt::print(
        "  nowhere: no money to trace (no payment in the window, or only in currencies without a dollar rate)\n");
  }
  for (const flow::Endpoint& end : trace.endpoints) {
    // Dust is under a cent, which two decimals would round up to one.
    const std::string usd = end.taint_usd < 0.01 ? "< 0.01" : fmt::format("{:.2f}", end.taint_usd);
    fmt::print("  {:>14} USD  {}  ({})\n", usd, shown_account(ledger, end.account), flow::to_string(end.reason));
  }
}

void print_funding(const flow::Ledger& ledger, flow::AccountId account, const TraceArgs& args,
                   const flow::TraceOptions& options, const std::vector<flow::Funding>& funding) {
  if (args.output == Output::json) {
    fmt::print("{}\n", analysis::funding_json(ledger, account, options.rule, funding).dump());
    return;
  }
  double total = 0;
  for (const flow::Funding& f : funding) total += f.reached_usd;
  fmt::print("{} received {:.2f} USD from {} origin payment(s), traced by {}:\n", shown_account(ledger, account), total,
             funding.size(), args.rule);
  for (const flow::Funding& f : funding) {
    fmt::print("  {:>14.2f} USD of  {}\n", f.reached_usd, describe(ledger, f.payment));
  }
}

}  // namespace

Status trace_command(const Context& context, const TraceArgs& args) {
  if (args.from.empty() == args.payment.empty()) {
    return invalid_argument("give either --from ACCOUNT or --payment SOURCE ID");
  }
  if (args.back && args.from.empty()) return invalid_argument("--back needs --from ACCOUNT");
  JALA_TRY_ASSIGN(flow::TraceOptions options, trace_options(args));
  std::optional<model::Selector> from;
  if (!args.from.empty()) {
    Result<model::Selector> parsed = model::parse_selector(args.from, {});
    if (!parsed.ok()) return parsed.error().with_context("--from");
    from = std::move(parsed).value();
  }
  std::vector<model::Selector> cashout_accounts;
  if (!args.cashout_file.empty()) {
    JALA_TRY_ASSIGN(cashout_accounts, read_cashout_accounts(args.cashout_file));
  }
  JALA_TRY_ASSIGN(std::unique_ptr<storage::Store> store, open_existing_store(context));
  flow::Ledger ledger;
  std::optional<model::Transaction> stored;  // the --payment transaction
  JALA_TRY(store->read([&](const storage::ReadView& view) -> Status {
    if (!args.payment.empty()) {
      JALA_TRY_ASSIGN(stored, view.find_transaction({args.payment[0], args.payment[1]}));
      if (Status checked = check_payment(args.payment, stored, options); !checked.ok()) return checked;
    }
    JALA_TRY_ASSIGN(ledger, view.ledger());
    return {};
  }));
  warn_uncounted_transfers(ledger);
  add_cashout_accounts(ledger, cashout_accounts, options);
  if (!args.payment.empty()) {
    JALA_TRY_ASSIGN(const flow::TransferId payment, find_payment(ledger, args.payment, stored));
    const flow::Trace trace = flow::trace_transfers(ledger, std::span(&payment, 1), options);
    print_trace(ledger, fmt::format("{}/{}", args.payment[0], args.payment[1]), args, options, trace);
    return {};
  }
  JALA_TRY_ASSIGN(const flow::AccountId account, find_account(ledger, *from, "--from"));
  if (args.back) {
    print_funding(ledger, account, args, options, flow::trace_back(ledger, account, options));
  } else {
    print_trace(ledger, ledger.account(account).to_string(), args, options,
                flow::trace_account(ledger, account, options));
  }
  return {};
}

}  // namespace jala::cli
