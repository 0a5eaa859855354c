// jala flow suspects and jala flow freeze-list: the accounts that move scam money, scored with their
// reasons (flow/suspects.h), and the ones where a stop-payment request would recover most now,
// grouped by country and institution (flow/freeze_list.h).
#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "jala/base/utf8.h"
#include "jala/cli/commands.h"
#include "jala/cli/money_view.h"
#include "jala/flow/freeze_list.h"
#include "jala/flow/suspects.h"

namespace jala::cli {
namespace {

void print_suspect(const flow::Ledger& ledger, const flow::Suspect& suspect, std::string_view indent) {
  fmt::print("{}{:.2f}  {:<9}  {}  in {:.2f} USD, out {:.2f} USD, holds {:.2f} USD{}\n", indent, suspect.score,
             flow::to_string(suspect.role), escape_for_terminal(ledger.account(suspect.account).to_string()),
             suspect.in_usd, suspect.out_usd, suspect.held_usd,
             suspect.network.empty() ? "" : ", network " + suspect.network);
  for (const std::string& why : suspect.why) fmt::print("{}      - {}\n", indent, escape_for_terminal(why));
}

}  // namespace

Status suspects_command(const Context& context, const SuspectsArgs& args) {
  JALA_TRY_ASSIGN(const analysis::MoneyView money, read_money(context));
  std::vector<flow::Suspect> suspects = flow::find_suspects(money.ledger, money.reported);
  if (args.top > 0 && suspects.size() > args.top) suspects.resize(args.top);
  if (args.output == Output::json) {
    nlohmann::ordered_json accounts = nlohmann::ordered_json::array();
    for (const flow::Suspect& suspect : suspects) accounts.push_back(analysis::suspect_json(money.ledger, suspect));
    fmt::print("{}\n", nlohmann::ordered_json{{"accounts", std::move(accounts)}}.dump());
    return {};
  }
  fmt::print("{} suspect account(s) among {} accounts and {} transactions\n", suspects.size(),
             money.ledger.account_count(), money.ledger.transfer_count());
  for (const flow::Suspect& suspect : suspects) print_suspect(money.ledger, suspect, "");
  return {};
}

Status freeze_list_command(const Context& context, const FreezeListArgs& args) {
  JALA_TRY_ASSIGN(const analysis::MoneyView money, read_money(context));
  const std::vector<flow::Suspect> suspects = flow::find_suspects(money.ledger, money.reported);
  const std::vector<flow::FreezeGroup> groups = flow::freeze_list(money.ledger, suspects, args.country);
  if (args.output == Output::json) {
    fmt::print("{}\n", analysis::freeze_list_json(money.ledger, groups).dump());
    return {};
  }
  const std::optional<Timestamp> as_of = analysis::freeze_list_as_of(money.ledger);
  if (!as_of) {
    fmt::print("Freeze list: the store holds no transactions\n");
    return {};
  }
  fmt::print("Freeze list as of {}: {} institution(s)\n", format_rfc3339(*as_of), groups.size());
  for (const flow::FreezeGroup& group : groups) {
    const flow::Institution& institution = group.institution;
    fmt::print("{}: {:.2f} USD recoverable\n",
               institution.country.empty() ? fmt::format("{} (no country)", institution.name)
                                           : fmt::format("{} {}", institution.country, institution.name),
               group.recoverable_usd);
    for (const flow::Suspect* suspect : group.accounts) print_suspect(money.ledger, *suspect, "  ");
  }
  return {};
}

}  // namespace jala::cli
