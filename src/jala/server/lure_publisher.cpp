// publish_lures (publisher.h): the lure accounts as indicators and the node's sightings of them.
#include <algorithm>
#include <iterator>

#include "jala/analysis/lures.h"
#include "jala/server/publisher.h"
#include "jala/server/publishing.h"
#include "jala/share/stix_common.h"

namespace jala::server {
namespace {

// The reports cursor at which the lures were last published.
constexpr std::string_view k_lures_cursor_state = "publish:lures";
constexpr std::size_t k_account_batch = 500;
// A sighting names at most this many observed-data; its count counts them all.
constexpr std::size_t k_max_observed_data_refs = 100;

// The reports that may count: neither TLP:RED nor a partner's.
Result<std::vector<bool>> shareable_reports(const storage::ReadView& view, const analysis::LinkedStore& linked) {
  std::vector<bool> shareable(linked.input.report_count());
  publishing::PartnerSources partners;
  for (graph::ReportId r = 0; r < shareable.size(); ++r) {
    const graph::ReportFacts& facts = linked.input.report(r);
    JALA_TRY_ASSIGN(const bool partners_report, partners.is_partners(view, facts.source));
    shareable[r] = facts.tlp != model::Tlp::red && !partners_report;
  }
  return shareable;
}

model::Tlp most_restrictive(const analysis::LinkedStore& linked, const analysis::LureAccount& account) {
  model::Tlp tlp = model::Tlp::clear;
  for (const graph::ReportId r : account.lure_reports) tlp = std::max(tlp, linked.input.report(r).tlp);
  return tlp;
}

// The account's indicator and the node's sighting of it, marked with the most restrictive TLP of its
// lure reports.
std::vector<publishing::MarkedObject> lure_objects(const analysis::LinkedStore& linked,
                                                   const analysis::LureAccount& account,
                                                   const share::NodeIdentity& node) {
  const model::Tlp tlp = most_restrictive(linked, account);
  share::SightingFacts sighting{"", {}, account.first_seen, account.last_seen,
                                static_cast<std::uint32_t>(account.lure_reports.size()), tlp};
  for (std::size_t i = 0; i < std::min(account.lure_reports.size(), k_max_observed_data_refs); ++i) {
    const graph::ReportFacts& facts = linked.input.report(account.lure_reports[i]);
    sighting.observed_data_refs.push_back(share::observed_data_object_id(facts.source, facts.id));
  }
  std::vector<publishing::MarkedObject> marked;
  for (nlohmann::json& object : share::lure_account_objects(
           {linked.input.selector(account.account), account.first_seen, tlp,
            fmt::format("An account that job lures reported to {} name.", node.name)},
           std::move(sighting), node)) {
    marked.push_back({std::move(object), tlp});
  }
  return marked;
}

// Puts the objects of `accounts` that say something new, with one read of their latest versions for the
// whole batch.
Status put_accounts(storage::WriteTransaction& transaction, const analysis::LinkedStore& linked,
                    std::span<const analysis::LureAccount> accounts, const share::NodeIdentity& node,
                    const std::string& published_at, LurePublishCounts& counts) {
  std::vector<publishing::MarkedObject> objects;
  std::vector<std::size_t> account_ends;  // where each account's objects end in `objects`
  for (const analysis::LureAccount& account : accounts) {
    std::ranges::move(lure_objects(linked, account, node), std::back_inserter(objects));
    account_ends.push_back(objects.size());
  }
  JALA_TRY_ASSIGN(const std::vector<bool> versioned,
                  publishing::put_new_versions(transaction, "lures", objects, published_at));
  std::size_t object = 0;
  for (const std::size_t end : account_ends) {
    std::size_t added = 0;
    for (; object < end; ++object) added += versioned[object] ? 1 : 0;
    counts.objects += added;
    counts.accounts += added > 0 ? 1 : 0;
  }
  return {};
}

}  // namespace

Result<LurePublishCounts> publish_lures(storage::Store& store, const share::NodeIdentity& node,
                                        AnalysisCache& analyses) {
  LurePublishCounts counts;
  std::vector<analysis::LureAccount> accounts;
  const Status published = publishing::publish_linked(
      store, analyses, k_lures_cursor_state, k_account_batch,
      [&](const storage::ReadView& view, const analysis::LinkedStore& linked) -> Result<std::size_t> {
        JALA_TRY_ASSIGN(const std::vector<storage::LureReport> lures, view.lure_reports());
        JALA_TRY_ASSIGN(const std::vector<bool> shareable, shareable_reports(view, linked));
        accounts = analysis::rank_lure_accounts(linked, lures, &shareable);
        return accounts.size();
      },
      [&](storage::WriteTransaction& transaction, const analysis::LinkedStore& linked, std::size_t from, std::size_t to,
          const std::string& published_at) {
        return put_accounts(transaction, linked, std::span(accounts).subspan(from, to - from), node, published_at,
                            counts);
      });
  if (!published.ok()) return published.error();
  return counts;
}

}  // namespace jala::server
