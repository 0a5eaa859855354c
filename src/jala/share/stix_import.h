// STIX 2.1 from partners and feeds as Jala reports. The document is a bundle, a TAXII envelope
// ({"objects": [...]}), a JSON array of objects, or one object. Reports come from containers:
// 1. every `report`;
// 2. every `grouping` that refers to no report (MISP exports each event as such a grouping; a grouping
//    that refers to reports is a network of them, as Jala exports, and adds nothing);
// 3. every `observed-data` and `indicator` that no report or grouping refers to;
// 4. the observables (SCOs, misp-stix's x-misp-object and x-misp-attribute) that none of the above
//    reaches, together as one report named by the bundle's id.
// A container's selectors are those of the observables it reaches: through object_refs, one level
// further through observed-data (object_refs, or STIX 2.0's embedded objects), and through indicators'
// patterns (equality comparisons, stix_pattern.h). Observables map back through the table of
// stix_selectors.h. The report's TLP is the most restrictive TLP marking on the container (TLP 2.0 or
// 1.0 ids, or marking-definitions of the bundle that state a TLP level), else amber; its author is the
// identity of created_by_ref, and its country that identity's located-at location, unless Jala's report
// extension states source, id, kind and country. Reports and groupings need text (name and
// description) or selectors, the others a selector: a container without is skipped, not an error.
// Sightings, relationships and every other object are read only as the containers' context. A revoked
// object (`"revoked": true`, in its latest version) is no longer valid in its creator's eyes: a revoked
// container gives its report withdrawn (model::Report::withdrawn: its text, no selectors), so that a
// stored copy stops linking; any other revoked object is skipped, and what refers to it finds nothing.
//
// Pure functions; thread-safe.
#pragma once

#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "jala/base/result.h"
#include "jala/share/import_common.h"

namespace jala::share {

// The reports of a STIX document from untrusted bytes. The document as a whole fails only when it is
// not JSON, passes a limit, or is not STIX; each container's failure is in its report.
Result<DocumentImport> import_stix(std::string_view bytes, const ImportOptions& options);

// The same for a parsed document.
Result<DocumentImport> import_stix_document(const nlohmann::json& document, const ImportOptions& options);

}  // namespace jala::share
