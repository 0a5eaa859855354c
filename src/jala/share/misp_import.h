// MISP events (the JSON that MISP exports and PyMISP writes) as Jala reports, one report per event:
// - the document: {"Event": {...}}, {"response": [...]}, an array of events, or a bare event object;
// - id: the event's uuid (else its id, else a digest of its content); source: its creator
//   organisation (Orgc), else its owner (Org), else the default; country: the organisation's
//   nationality when it names a country, else the default;
// - time: the event's date, else its timestamp; text: its info and its prose attributes (text, comment,
//   email-subject, email-body; in objects, those and an instant message's body);
// - TLP: the most restrictive tlp: tag of the event (tlp:white reads as clear), else amber;
// - selectors: every attribute, at the top and in objects, whose type the type table maps (phone-number,
//   email-*, url, domain, hostname, ip-*, btc, xmr, iban, twitter-id, ...), and the relations of objects
//   that name accounts (telegram-account's username, instant-message's users on its app, bank-account's
//   account at its bank, ...): the tables of misp_attributes.h. Deleted attributes and proposals
//   (ShadowAttribute) are left out.
//
// Pure functions; thread-safe.
#pragma once

#include <string_view>

#include "jala/base/result.h"
#include "jala/share/import_common.h"

namespace jala::share {

// The reports of a MISP document from untrusted bytes. The document as a whole fails only when it is
// not JSON, passes a limit, or holds no MISP event; each event's own failure is in its report.
Result<DocumentImport> import_misp(std::string_view bytes, const ImportOptions& options);

}  // namespace jala::share
