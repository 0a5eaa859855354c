// MISP attributes and objects as selectors: the table of MISP attribute types that name selectors
// (phone-number, email-*, url, domain, hostname, ip-*, btc, xmr, iban, twitter-id, ...), and the table
// of object relations that name accounts whatever their attribute type (telegram-account's username,
// instant-message's users on the app it names, bank-account's account at its bank, coin-address's
// addresses on the chain it names). misp_import.h reads events with them; stix_import.h reads
// misp-stix's x-misp-object and x-misp-attribute objects with them.
//
// Pure functions over constant tables; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "jala/base/result.h"
#include "jala/model/report.h"

namespace jala::share {

// The selectors of one attribute ("domain|ip" gives two; a type Jala does not model, none). A value
// that does not normalise comes back as an error.
std::vector<Result<model::ReportSelector>> misp_attribute_selectors(std::string_view type, std::string_view value,
                                                                    const model::NormaliseContext& context);

// The selectors of a MISP object: each attribute's by its type, and those its relations name.
// `attributes` is the object's Attribute array, or the x_misp_attributes of an x-misp-object.
std::vector<Result<model::ReportSelector>> misp_object_selectors(std::string_view object_name,
                                                                 const nlohmann::json& attributes,
                                                                 const model::NormaliseContext& context);

// Whether an attribute's value is prose, the report's text: of type text, comment, email-subject or
// email-body at the top of an event (empty object name), and in objects, the same types except text,
// which only a prose relation (an instant message's body) makes prose.
bool misp_is_prose(std::string_view object_name, std::string_view relation, std::string_view type);

// True for an attribute or object marked {"deleted": true}.
bool misp_is_deleted(const nlohmann::json& item);

}  // namespace jala::share
