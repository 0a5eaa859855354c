// Publishing the networks collection (publisher.h): each network the reports link into, withdrawn when it
// gains a TLP:RED report, and revoked when it is linked no more (it merged into another).
#include <algorithm>
#include <charconv>
#include <iterator>
#include <map>

#include <nlohmann/json.hpp>

#include "jala/base/sha256.h"
#include "jala/server/publisher.h"
#include "jala/server/publishing.h"
#include "jala/share/stix_common.h"
#include "jala/share/stix_network.h"

namespace jala::server {
namespace {

// The reports cursor at which the networks were last published, and each network's published digest.
constexpr std::string_view k_networks_cursor_state = "publish:networks";
constexpr std::string_view k_network_state_prefix = "publish:network:";
std::string network_state(std::string_view network_id) {
  return fmt::format("{}{}", k_network_state_prefix, network_id);
}
constexpr std::size_t k_network_batch = 100;
constexpr std::size_t k_objects_per_put = 1000;

// The store states of a network no longer served: no digest says them, so a network is published again
// when it may be shared, or is linked, again.
constexpr std::string_view k_withdrawn_network = "withdrawn";
constexpr std::string_view k_revoked_network = "revoked";

// A network's store state: what its publication says (the digest of its objects, or why it is served no
// more) and which publication it is (share::NetworkExport::generation). Written as the state alone for the
// first publication, as stores before generations have it, and with "#" and the generation after.
struct NetworkState {
  std::string said;
  unsigned generation = 1;

  static NetworkState parse(std::string_view text) {
    NetworkState state{std::string(text)};
    if (const std::size_t hash = text.rfind('#'); hash != std::string_view::npos) {
      unsigned generation = 0;
      const std::string_view digits = text.substr(hash + 1);
      const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), generation);
      if (error == std::errc() && end == digits.data() + digits.size() && generation > 1) {
        state = {std::string(text.substr(0, hash)), generation};
      }
    }
    return state;
  }
  std::string format() const { return generation <= 1 ? said : fmt::format("{}#{}", said, generation); }
  bool served() const { return said != k_withdrawn_network && said != k_revoked_network; }
};

enum class Change {
  publish,   // new, or says something new
  withdraw,  // it has a TLP:RED report now
  revoke,    // it is linked no more: its reports are another network's now
};

// A network to publish, withdraw or revoke, with the store state to keep for it (the digest of what it
// says, or why it is served no more). Its objects are made again when they are put, a batch at a time, so
// that a first publication of a large store does not hold them all.
struct ChangedNetwork {
  std::string id;
  const graph::NetworkSummary* network = nullptr;  // null when it is revoked
  NetworkState state;
  Change change = Change::publish;
};

share::NetworkExport network_export(const analysis::LinkedStore& linked, const graph::NetworkSummary& network,
                                    unsigned generation) {
  share::NetworkExport exported = share::network_export(linked.input, network);
  exported.generation = generation;
  return exported;
}

// Why a network stays home: it has a TLP:RED report, or a report a partner's sync brought in.
enum class Home { no, red_report, partners_report };
Result<Home> kept_home(const storage::ReadView& view, const analysis::LinkedStore& linked,
                       const graph::NetworkSummary& network, publishing::PartnerSources& partners) {
  Home home = Home::no;
  for (const graph::ReportId r : network.reports) {
    const graph::ReportFacts& facts = linked.input.report(r);
    if (facts.tlp == model::Tlp::red) return Home::red_report;
    JALA_TRY_ASSIGN(const bool partners_report, partners.is_partners(view, facts.source));
    if (partners_report) home = Home::partners_report;
  }
  return home;
}

// The networks whose published version is missing or says something else now; those published that now
// have a TLP:RED report, whose published version may tell of a report raised to RED since; and those
// published that are linked no more.
Result<std::vector<ChangedNetwork>> changed_networks(const storage::ReadView& view, const analysis::LinkedStore& linked,
                                                     const share::NodeIdentity& node, NetworkPublishCounts& counts) {
  std::vector<ChangedNetwork> changed;
  publishing::PartnerSources partners;
  // Every published network's state, read at once: by id, and taken out as each linked network is seen,
  // so that what is left are the networks linked no more.
  JALA_TRY_ASSIGN(const auto states, view.share_states_with_prefix(k_network_state_prefix));
  std::map<std::string, NetworkState, std::less<>> unseen;
  for (const auto& [name, state] : states) {
    unseen.emplace(name.substr(k_network_state_prefix.size()), NetworkState::parse(state));
  }
  for (const graph::NetworkSummary& network : linked.ranked) {
    JALA_TRY_ASSIGN(const Home home, kept_home(view, linked, network, partners));
    std::optional<NetworkState> published;
    if (const auto found = unseen.find(network.id); found != unseen.end()) {
      published = std::move(found->second);
      unseen.erase(found);
    }
    if (home != Home::no) {
      ++counts.kept_home;
      if (home == Home::red_report && published && published->served()) {
        changed.push_back(
            {network.id, &network, {std::string(k_withdrawn_network), published->generation}, Change::withdraw});
      }
      continue;
    }
    // Linked again after it was revoked: a new grouping.
    const unsigned generation = !published ? 1 : published->generation + (published->said == k_revoked_network ? 1 : 0);
    std::string said;
    for (const nlohmann::json& object : share::network_objects(network_export(linked, network, generation), node)) {
      said += object.dump();
    }
    NetworkState state{to_hex(sha256(said)), generation};
    if (!published || published->format() != state.format()) {
      changed.push_back({network.id, &network, std::move(state), Change::publish});
    }
  }
  for (const auto& [id, state] : unseen) {
    if (!state.served()) continue;
    changed.push_back({id, nullptr, {std::string(k_revoked_network), state.generation}, Change::revoke});
  }
  return changed;
}

// The latest published version of a network's grouping, and of the relationships it names when asked.
Result<std::vector<storage::SharedObject>> published_network(const storage::ReadView& view, std::string_view network_id,
                                                             unsigned generation, bool with_relationships) {
  const std::string grouping_id = share::network_object_id(network_id, generation);
  JALA_TRY_ASSIGN(std::vector<storage::SharedObject> grouping,
                  publishing::latest_versions(view, "networks", std::span(&grouping_id, 1)));
  if (grouping.empty() || !with_relationships) return grouping;
  const nlohmann::json parsed = nlohmann::json::parse(grouping.front().object, nullptr, false);
  std::vector<std::string> ids{grouping_id};
  for (const nlohmann::json& ref : parsed.value("object_refs", nlohmann::json::array())) {
    if (ref.is_string() && ref.get_ref<const std::string&>().starts_with("relationship--")) ids.push_back(ref);
  }
  return publishing::latest_versions(view, "networks", ids);
}

// A published network's objects as they are served no more: withdrawn, its grouping and relationships
// marked TLP:RED, which no partner is served; or revoked (STIX `revoked`), its grouping alone at the TLP it
// had, since its relationships are the network's that took its reports.
Result<std::vector<publishing::MarkedObject>> unserved_network_objects(const storage::ReadView& view,
                                                                       const ChangedNetwork& network) {
  const Change change = network.change;
  JALA_TRY_ASSIGN(const std::vector<storage::SharedObject> latest,
                  published_network(view, network.id, network.state.generation, change == Change::withdraw));
  std::vector<publishing::MarkedObject> objects;
  for (const storage::SharedObject& object : latest) {
    nlohmann::json changed = nlohmann::json::parse(object.object, nullptr, false);
    if (!changed.is_object() || !changed.contains("modified")) {
      return data_loss("the published network object {} is not a STIX object with a version", object.id);
    }
    if (change == Change::withdraw) {
      changed["object_marking_refs"] = nlohmann::json::array({share::tlp_marking_id(model::Tlp::red)});
      objects.push_back({std::move(changed), model::Tlp::red});
    } else {
      changed["revoked"] = true;
      objects.push_back({std::move(changed), object.tlp});
    }
  }
  return objects;
}

// Puts the objects of the networks that say something new, reading their latest versions a thousand
// objects at a time (publishing::put_new_versions): an object that says what its latest version says is
// left as it is, so a network that grows by one report changes its grouping and the relationships of
// the links that report names, not the others.
Status put_networks(storage::WriteTransaction& transaction, const analysis::LinkedStore& linked,
                    std::span<const ChangedNetwork> networks, const share::NodeIdentity& node,
                    const std::string& published_at, NetworkPublishCounts& counts) {
  std::vector<publishing::MarkedObject> objects;
  const auto put_objects = [&]() -> Status {
    JALA_TRY_ASSIGN(const std::vector<bool> versioned,
                    publishing::put_new_versions(transaction, "networks", objects, published_at));
    counts.objects += static_cast<std::size_t>(std::ranges::count(versioned, true));
    objects.clear();
    return {};
  };
  for (const ChangedNetwork& changed : networks) {
    if (changed.change == Change::publish) {
      const share::NetworkExport exported = network_export(linked, *changed.network, changed.state.generation);
      for (nlohmann::json& object : share::network_objects(exported, node)) {
        objects.push_back({std::move(object), exported.tlp});
      }
      ++counts.networks;
    } else {
      JALA_TRY_ASSIGN(std::vector<publishing::MarkedObject> unserved, unserved_network_objects(transaction, changed));
      std::move(unserved.begin(), unserved.end(), std::back_inserter(objects));
      ++(changed.change == Change::withdraw ? counts.withdrawn : counts.revoked);
    }
    if (objects.size() >= k_objects_per_put) JALA_TRY(put_objects());
    JALA_TRY(transaction.set_share_state(network_state(changed.id), changed.state.format()));
  }
  return put_objects();
}

}  // namespace

Result<NetworkPublishCounts> publish_networks(storage::Store& store, const share::NodeIdentity& node,
                                              AnalysisCache& analyses) {
  NetworkPublishCounts counts;
  std::vector<ChangedNetwork> changed;
  const Status published = publishing::publish_linked(
      store, analyses, k_networks_cursor_state, k_network_batch,
      [&](const storage::ReadView& view, const analysis::LinkedStore& linked) -> Result<std::size_t> {
        JALA_TRY_ASSIGN(changed, changed_networks(view, linked, node, counts));
        return changed.size();
      },
      [&](storage::WriteTransaction& transaction, const analysis::LinkedStore& linked, std::size_t from, std::size_t to,
          const std::string& published_at) {
        return put_networks(transaction, linked, std::span(changed).subspan(from, to - from), node, published_at,
                            counts);
      });
  if (!published.ok()) return published.error();
  return counts;
}

}  // namespace jala::server
