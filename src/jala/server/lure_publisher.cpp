// publish_lures (publisher.h): the lure accounts as indicators and the node's sightings of them, and
// the withdrawal of those no shareable lure report names any more.
#include <algorithm>
#include <iterator>
#include <set>

#include "jala/analysis/lures.h"
#include "jala/server/publisher.h"
#include "jala/server/publishing.h"
#include "jala/share/stix_common.h"

namespace jala::server {
namespace {

// The reports cursor at which the lures were last published.
constexpr std::string_view k_lures_cursor_state = "publish:lures";
constexpr std::string_view k_lures_collection = "lures";
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

// The objects of every account to publish, in account order, and where each account's objects end.
struct AccountObjects {
  std::vector<publishing::MarkedObject> objects;
  std::vector<std::size_t> ends;

  std::size_t begin(std::size_t account) const { return account == 0 ? 0 : ends[account - 1]; }
  std::span<publishing::MarkedObject> of_accounts(std::size_t from, std::size_t to) {
    return std::span(objects).subspan(begin(from), begin(to) - begin(from));
  }
};

AccountObjects objects_of(const analysis::LinkedStore& linked, std::span<const analysis::LureAccount> accounts,
                          const share::NodeIdentity& node) {
  AccountObjects built;
  for (const analysis::LureAccount& account : accounts) {
    std::ranges::move(lure_objects(linked, account, node), std::back_inserter(built.objects));
    built.ends.push_back(built.objects.size());
  }
  return built;
}

// Puts the objects of accounts [from, to) that say something new, with one read of their latest versions
// for the whole batch.
Status put_accounts(storage::WriteTransaction& transaction, AccountObjects& built, std::size_t from, std::size_t to,
                    const std::string& published_at, LurePublishCounts& counts) {
  JALA_TRY_ASSIGN(
      const std::vector<bool> versioned,
      publishing::put_new_versions(transaction, k_lures_collection, built.of_accounts(from, to), published_at));
  for (std::size_t account = from; account < to; ++account) {
    const auto first = versioned.begin() + static_cast<std::ptrdiff_t>(built.begin(account) - built.begin(from));
    const auto added = static_cast<std::size_t>(
        std::count(first, first + static_cast<std::ptrdiff_t>(built.ends[account] - built.begin(account)), true));
    counts.objects += added;
    counts.accounts += added > 0 ? 1 : 0;
  }
  return {};
}

// The served objects of the collection (their latest version below TLP:RED) that `accounts` do not
// publish: the accounts that only reports since raised to TLP:RED, or withdrawn, still name. Each is to
// get a version marked TLP:RED, which no partner is served.
Result<std::vector<publishing::MarkedObject>> objects_to_withdraw(const storage::ReadView& view,
                                                                  const AccountObjects& published) {
  std::set<std::string, std::less<>> published_ids;
  for (const publishing::MarkedObject& marked : published.objects) {
    published_ids.insert(marked.object["id"].get<std::string>());
  }
  std::vector<publishing::MarkedObject> withdrawn;
  storage::SharedObjectQuery query;
  query.collection = k_lures_collection;
  query.tlp_max = model::Tlp::red;
  for (;;) {
    JALA_TRY_ASSIGN(const std::vector<storage::SharedObject> page, view.shared_objects(query));
    for (const storage::SharedObject& object : page) {
      if (object.tlp == model::Tlp::red || published_ids.contains(object.id)) continue;
      nlohmann::json changed = nlohmann::json::parse(object.object, nullptr, false);
      if (!changed.is_object() || !changed.contains("modified")) {
        return data_loss("the published lure object {} is not a STIX object with a version", object.id);
      }
      changed["object_marking_refs"] = nlohmann::json::array({share::tlp_marking_id(model::Tlp::red)});
      withdrawn.push_back({std::move(changed), model::Tlp::red});
    }
    if (page.size() < query.limit) return withdrawn;
    query.added_after = page.back().added;
  }
}

}  // namespace

Result<LurePublishCounts> publish_lures(storage::Store& store, const share::NodeIdentity& node,
                                        AnalysisCache& analyses) {
  LurePublishCounts counts;
  AccountObjects to_publish;
  std::vector<publishing::MarkedObject> withdrawn;
  // Items [0, accounts) are accounts to publish; the rest, objects to withdraw.
  const Status published = publishing::publish_linked(
      store, analyses, k_lures_cursor_state, k_account_batch,
      [&](const storage::ReadView& view, const analysis::LinkedStore& linked) -> Result<std::size_t> {
        JALA_TRY_ASSIGN(const std::vector<storage::LureReport> lures, view.lure_reports());
        JALA_TRY_ASSIGN(const std::vector<bool> shareable, shareable_reports(view, linked));
        to_publish = objects_of(linked, analysis::rank_lure_accounts(linked, lures, &shareable), node);
        JALA_TRY_ASSIGN(withdrawn, objects_to_withdraw(view, to_publish));
        return to_publish.ends.size() + withdrawn.size();
      },
      [&](storage::WriteTransaction& transaction, const analysis::LinkedStore&, std::size_t from, std::size_t to,
          const std::string& published_at) -> Status {
        const std::size_t account_count = to_publish.ends.size();
        const std::size_t accounts_to = std::min(to, account_count);
        if (from < accounts_to) {
          JALA_TRY(put_accounts(transaction, to_publish, from, accounts_to, published_at, counts));
        }
        const std::size_t withdraw_from = std::max(from, account_count) - account_count;
        const std::size_t withdraw_to = to - std::min(to, account_count);
        if (withdraw_from >= withdraw_to) return {};
        JALA_TRY_ASSIGN(const std::vector<bool> versioned,
                        publishing::put_new_versions(
                            transaction, k_lures_collection,
                            std::span(withdrawn).subspan(withdraw_from, withdraw_to - withdraw_from), published_at));
        counts.withdrawn += static_cast<std::size_t>(std::ranges::count(versioned, true));
        return {};
      });
  if (!published.ok()) return published.error();
  return counts;
}

}  // namespace jala::server
