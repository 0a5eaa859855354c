// The SQL that both backends read shared objects with (sqlite/share_statements.cpp,
// postgres/view_share.cpp). Internal to storage/.
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "jala/storage/sharing.h"

namespace jala::storage {

// " AND (…)": the versions of `shared_objects AS o` that `versions` asks for, among those at or below the
// TLP limit; empty when it asks for all. `exact_placeholders` and `added_placeholders` list the
// placeholders of the exact versions and of their times ("?, ?" or "$5, $6"), `tlp` is the limit's
// placeholder. Parameters come in this order: the exact versions, their times (micros), then the limit for
// `first`, then for `last` (where `tlp` is "?", each needs its own).
inline std::string version_condition(const VersionMatch& versions, std::string_view exact_placeholders,
                                     std::string_view added_placeholders, std::string_view tlp) {
  if (versions.all) return {};
  std::vector<std::string> any;
  if (!versions.exact.empty()) any.push_back(fmt::format("version IN ({})", exact_placeholders));
  if (!versions.exact_added.empty()) {
    any.push_back(fmt::format("(version = '' AND added_us IN ({}))", added_placeholders));
  }
  for (const auto& [wanted, chosen] : {std::pair{versions.first, "MIN"}, std::pair{versions.last, "MAX"}}) {
    if (!wanted) continue;
    any.push_back(
        fmt::format("version = (SELECT {}(version) FROM shared_objects AS v"
                    " WHERE v.collection = o.collection AND v.object_id = o.object_id AND v.tlp <= {})",
                    chosen, tlp));
  }
  return fmt::format(" AND ({})", any.empty() ? "FALSE" : fmt::format("{}", fmt::join(any, " OR ")));
}

}  // namespace jala::storage
