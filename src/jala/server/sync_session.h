// `jala sync`'s work, apart from its transport: pull a partner's readable TAXII collections since the last
// sync, keep every object with its origin and TLP (collection "from:PARTNER", never served), and import
// its reports so that they link like local ones: their text's selectors are extracted and they are
// assessed, as `jala ingest` does with a STIX file. Reports that came from a partner are never published
// onwards (publisher.h). Everything the partner answers is untrusted: its discovery may name an API root
// only on the partner's own origin, its pages must move on, and it may send at most a million objects at once.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "jala/base/result.h"
#include "jala/classify/model.h"
#include "jala/server/http_client.h"
#include "jala/storage/store.h"

namespace jala::server {

// A GET of one of the partner's URLs, with this node's credentials, as the partner answered it.
using PartnerGet = std::function<Result<ClientResponse>(const std::string& url)>;

struct SyncCounts {
  std::size_t objects = 0;          // new objects kept
  std::size_t reports = 0;          // new or changed reports
  std::size_t failed = 0;           // reports that could not be read, or that would take over a source
  std::size_t invalid_objects = 0;  // not STIX objects with a type and an id: not kept
  std::size_t withdrawn = 0;        // new or changed reports the partner withdrew (revoked)
  std::size_t skipped = 0;          // objects that gave no report (stix_import.h)
};

// Syncs `partner` (its name here) from `base` (its URL, e.g. https://node-a.example:8443) into `store`,
// each collection in a transaction of its own. Each object or report passed over is told to `warn`.
Result<SyncCounts> sync_from(const PartnerGet& get, std::string_view base, const std::string& partner,
                             storage::Store& store, const classify::Model& classifier,
                             const std::function<void(std::string_view)>& warn);

}  // namespace jala::server
