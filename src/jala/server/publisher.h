// Publishing: what the node shares goes into its TAXII collections (storage/sharing.h) as STIX objects
// (share/stix_export.h). Each report logged since the last publication becomes its report,
// observed-data and observables, marked with the report's TLP, versioned by when it was logged; a
// TLP:RED report is never published, nor is a report that `jala sync` brought from a partner (its
// source is marked "synced-source:SOURCE" in the store). The node's identity, the TLP marking-definitions and Jala's
// extension definitions go in too, marked clear, once per store. Resumable: a cursor in the store
// says which log leaf was published last, and each batch commits with it. Whether there is anything to
// publish is read first, so a call that finds nothing new takes no write lock (`jala serve` calls it
// every few seconds, also while an ingest holds the lock).
//
// The node's identity (its agency's name and country) is kept in the store, because every object id
// it authors is derived from it.
#pragma once

#include <cstddef>
#include <functional>

#include "jala/base/result.h"
#include "jala/share/stix_export.h"
#include "jala/storage/store.h"

namespace jala::server {

Result<std::optional<share::NodeIdentity>> stored_node_identity(const storage::ReadView& view);
Status store_node_identity(storage::WriteTransaction& transaction, const share::NodeIdentity& node);

struct PublishCounts {
  std::size_t reports = 0;        // reports published now
  std::size_t left_private = 0;   // TLP:RED reports passed over
  std::size_t from_partners = 0;  // reports `jala sync` brought in, passed over
  std::size_t objects = 0;        // object versions added to collections
};

// `progress` is told the reports done so far after every batch.
Result<PublishCounts> publish(storage::Store& store, const share::NodeIdentity& node,
                              const std::function<void(std::size_t)>& progress = {});

}  // namespace jala::server
