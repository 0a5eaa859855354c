#include "jala/analysis/money.h"

#include "jala/analysis/list_cut.h"
#include "jala/analysis/usd_figure.h"

namespace jala::analysis {
namespace {

flow::Naming naming_of(graph::SelectorRole role) {
  switch (role) {
    case graph::SelectorRole::hub: return flow::Naming::hub;
    case graph::SelectorRole::benign: return flow::Naming::benign;
    default: return flow::Naming::evidence;
  }
}

// The accounts that reports name, with how many reports, the best network among them (as
// network_selectors counts a network's accounts: hubs, stray links and benign selectors aside) and
// whether being named is evidence.
std::vector<flow::ReportedAccount> reported_accounts(const flow::Ledger& ledger, const LinkedStore& linked) {
  std::vector<std::string> network_of(linked.input.selector_count());
  for (const graph::NetworkSummary& network : linked.ranked) {  // best first: the best network wins
    for (const graph::ReportId r : network.reports) {
      for (const graph::SelectorId s : linked.input.selectors_of(r)) {
        if (network_of[s].empty() && !graph::shown_never_linked(linked.linking.roles[s])) {
          network_of[s] = network.id;
        }
      }
    }
  }
  std::vector<flow::ReportedAccount> reported;
  for (graph::SelectorId s = 0; s < linked.input.selector_count(); ++s) {
    if (linked.linking.reports_naming[s] == 0) continue;  // a transaction's account, in no report
    if (const std::optional<flow::AccountId> account = ledger.find(linked.input.selector(s))) {
      reported.push_back(
          {*account, linked.linking.reports_naming[s], network_of[s], naming_of(linked.linking.roles[s])});
    }
  }
  return reported;
}

}  // namespace

Result<MoneyView> read_money(const storage::ReadView& view, const LinkedStore& linked) {
  MoneyView money;
  JALA_TRY_ASSIGN(money.ledger, view.ledger());
  money.reported = reported_accounts(money.ledger, linked);
  return money;
}

nlohmann::ordered_json suspect_json(const flow::Ledger& ledger, const flow::Suspect& suspect) {
  nlohmann::ordered_json entry{{"account", ledger.account(suspect.account).to_string()},
                               {"role", flow::to_string(suspect.role)},
                               {"score", suspect.score},
                               {"why", suspect.why},
                               {"in_usd", usd_to_the_cent(suspect.in_usd)},
                               {"out_usd", usd_to_the_cent(suspect.out_usd)},
                               {"held_usd", usd_to_the_cent(suspect.held_usd)},
                               {"last_activity", format_rfc3339(suspect.last_at)}};
  if (!suspect.network.empty()) entry["network"] = suspect.network;
  return entry;
}

std::optional<Timestamp> freeze_list_as_of(const flow::Ledger& ledger) {
  if (ledger.transfer_count() == 0) return std::nullopt;
  return ledger.transfer(static_cast<flow::TransferId>(ledger.transfer_count() - 1)).at;
}

nlohmann::ordered_json freeze_list_json(const flow::Ledger& ledger, std::span<const flow::FreezeGroup> groups,
                                        std::optional<std::size_t> accounts_per_group) {
  nlohmann::ordered_json listed = nlohmann::ordered_json::array();
  for (const flow::FreezeGroup& group : groups) {
    nlohmann::ordered_json accounts = nlohmann::ordered_json::array();
    for (const flow::Suspect* suspect :
         first_at_most(std::span(group.accounts), accounts_per_group.value_or(group.accounts.size()))) {
      nlohmann::ordered_json entry = suspect_json(ledger, *suspect);
      entry["recoverable_usd"] = usd_to_the_cent(flow::recoverable_usd(*suspect));
      accounts.push_back(std::move(entry));
    }
    nlohmann::ordered_json listed_group{{"country", group.institution.country},
                                        {"institution", group.institution.name},
                                        {"recoverable_usd", usd_to_the_cent(group.recoverable_usd)}};
    if (accounts_per_group) listed_group["accounts_total"] = group.accounts.size();
    listed_group["accounts"] = std::move(accounts);
    listed.push_back(std::move(listed_group));
  }
  const std::optional<Timestamp> as_of = freeze_list_as_of(ledger);
  return {{"as_of", as_of ? nlohmann::ordered_json(format_rfc3339(*as_of)) : nlohmann::ordered_json()},
          {"groups", std::move(listed)}};
}

}  // namespace jala::analysis
