// Publishing: what the node shares goes into its TAXII collections (storage/sharing.h) as STIX objects
// (share/stix_export.h). Each report logged since the last publication becomes its report,
// observed-data and observables, marked with the report's TLP, versioned by when it was logged; a
// TLP:RED report is never published (one raised to RED after it was shared is withdrawn: its report and
// observed-data objects get a RED version, which no partner is served; the observables of a raised report
// rise to the lowest TLP at which another own report names them), nor is a report that `jala sync` brought from a
// partner (its source is marked "synced-source:SOURCE" in the store). A withdrawn report
// (model::Report::withdrawn) is published with STIX `revoked` set, and no later version of it is: STIX gives a
// revoked object none, so a report sent again without `withdrawn` stays withdrawn at partners. The node's identity, the
// TLP marking-definitions and Jala's extension definitions go in too, marked clear, once per store. Resumable: a cursor
// in the store says which log leaf was published last, and each batch commits with it. Whether there is anything to
// publish is read first, so a call that finds nothing new takes no write lock (`jala serve` calls it every few seconds,
// also while an ingest holds the lock).
//
// The node's identity (its agency's name and country) is kept in the store, because every object id
// it authors is derived from it.
#pragma once

#include <cstddef>
#include <functional>

#include "jala/base/result.h"
#include "jala/server/analysis_cache.h"
#include "jala/share/stix_export.h"
#include "jala/storage/store.h"

namespace jala::server {

Result<std::optional<share::NodeIdentity>> stored_node_identity(const storage::ReadView& view);
Status store_node_identity(storage::WriteTransaction& transaction, const share::NodeIdentity& node);

struct PublishCounts {
  std::size_t reports = 0;        // reports published now
  std::size_t left_private = 0;   // TLP:RED reports passed over
  std::size_t from_partners = 0;  // reports `jala sync` brought in, passed over
  std::size_t stay_revoked = 0;   // reports published revoked (withdrawn) before, sent again: passed over
  std::size_t objects = 0;        // object versions added to collections
};

// `go_on` is told the reports done so far after every batch (a few hundred), and publishing stops there,
// with what it did kept, when it answers false.
Result<PublishCounts> publish(storage::Store& store, const share::NodeIdentity& node,
                              const std::function<bool(std::size_t)>& go_on = {});

// The store state that marks SOURCE as a partner's (`jala sync` sets it): its reports are never published.
std::string synced_source_state(std::string_view source);
// Every source so marked: the partners' reports, which this node never discloses.
Result<std::vector<std::string>> synced_sources(const storage::ReadView& view);

struct NetworkPublishCounts {
  std::size_t networks = 0;   // networks published now, new or changed
  std::size_t kept_home = 0;  // networks with a TLP:RED report or a partner's report
  std::size_t withdrawn = 0;  // networks published before that have a TLP:RED report now
  std::size_t revoked = 0;    // networks published before that are linked no more (merged into another)
  std::size_t objects = 0;    // object versions added to the collection
};

// Publishes into the networks collection, once reports were published since it last did, each network
// the reports link into (share/stix_network.h): its grouping and relationships, marked with the most
// restrictive TLP of its reports, a new version whenever what it says changed (the digest of each
// network's objects is kept in the store). A network with a TLP:RED report or a partner's report stays
// home, since its grouping would tell of them; one published before that has a TLP:RED report now is
// withdrawn (its latest grouping and the relationships it names get a RED version, which no partner is
// served), since it may tell of a report raised to RED. A network published before that is linked no
// more (it merged into another, whose grouping names its reports now) is revoked: its grouping gets a
// version with STIX `revoked` set; if it is linked again under its id, it is published as a new grouping
// (share::NetworkExport::generation), since a revoked object has no later version.
Result<NetworkPublishCounts> publish_networks(storage::Store& store, const share::NodeIdentity& node,
                                              AnalysisCache& analyses);

struct LurePublishCounts {
  std::size_t accounts = 0;   // lure accounts published now, new or changed
  std::size_t objects = 0;    // object versions added to the collection for them
  std::size_t withdrawn = 0;  // objects withdrawn: versions marked TLP:RED, served to no partner
};

// Publishes into the lures collection, once reports were published since it last did, each account
// that lure reports name (analysis/lures.h): an `indicator` whose pattern matches it, and the node's
// `sighting` of that indicator (how many lure reports, first and last seen, their observed-data),
// marked with the most restrictive TLP of those reports. TLP:RED reports and partners' reports are not
// counted, so an account only they name stays home. Only objects that say something new get a new
// version.
Result<LurePublishCounts> publish_lures(storage::Store& store, const share::NodeIdentity& node,
                                        AnalysisCache& analyses);

}  // namespace jala::server
