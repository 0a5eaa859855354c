// TAXII 2.1 endpoints (OASIS TAXII 2.1 sections 4 and 5) over the node's collections.
#include <sodium.h>

#include <array>
#include <set>

#include <nlohmann/json.hpp>

#include "jala/base/json_input.h"
#include "jala/model/text.h"
#include "jala/server/node_handler.h"
#include "jala/server/responses.h"
#include "jala/share/partners.h"
#include "jala/share/stix_common.h"
#include "jala/share/stix_ids.h"
#include "jala/share/taxii.h"
#include "jala/share/taxii_media.h"

namespace jala::server {
namespace {

using share::k_taxii_media_type;

HttpResponse taxii_response(int status, std::string body) {
  HttpResponse response;
  response.status = status;
  response.content_type = k_taxii_media_type;
  response.body = std::move(body);
  return response;
}

HttpResponse taxii_error(int status, std::string_view title, std::string_view description) {
  return taxii_response(status, share::error_json(status, title, description));
}

HttpResponse from_error(const Error& error) {
  const int status = http_status(error.code());
  return taxii_error(status, status < 500 ? "Bad request" : "Server error",
                     status < 500 ? error.message() : "the node could not answer; see its log");
}

std::string random_uuid() {
  std::array<std::uint8_t, 16> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0fU) | 0x40U);  // version 4
  bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3fU) | 0x80U);  // RFC 9562 variant
  return share::format_uuid(bytes);
}

class TaxiiRequest {
 public:
  TaxiiRequest(const HttpRequest& request, const NodeConfig& config, storage::Store& store,
               const storage::Partner& partner)
      : m_request(request), m_config(config), m_store(store), m_partner(partner) {}

  HttpResponse route(const std::vector<std::string>& path) {
    if (path.empty() || path[0] != "taxii2") return taxii_error(404, "Not found", "TAXII lives under /taxii2/");
    if (path.size() == 1) return get_only([&] { return discovery(); });
    if (path[1] != share::k_api_root) return taxii_error(404, "Not found", "no such API root");
    if (path.size() == 2) {
      return get_only(
          [&] { return taxii_response(200, share::api_root_json(m_config.node.name, m_config.max_body_bytes)); });
    }
    if (path[2] == "status" && path.size() == 4) return get_only([&] { return status(path[3]); });
    if (path[2] != "collections") return taxii_error(404, "Not found", "no such resource");
    if (path.size() == 3) {
      return get_only(
          [&] { return taxii_response(200, share::collections_json(m_config.node.name, m_partner.collections)); });
    }
    const share::CollectionInfo* collection = share::find_collection(m_config.node.name, path[3]);
    const share::CollectionAccess access =
        collection == nullptr ? share::CollectionAccess{} : share::access_to(*collection, m_partner.collections);
    if (!access.can_read && !access.can_write) return taxii_error(404, "Not found", "no such collection");
    if (path.size() == 4) {
      return get_only(
          [&] { return taxii_response(200, share::collection_json(m_config.node.name, *collection, access).dump()); });
    }
    if (path[4] == "objects" && path.size() == 5 && m_request.method == "POST") {
      if (!access.can_write) return taxii_error(403, "Forbidden", "this collection does not take objects from you");
      return post_objects(*collection);
    }
    if (!access.can_read) return taxii_error(403, "Forbidden", "this collection is not readable by you");
    if (path[4] == "manifest" && path.size() == 5) {
      return get_only([&] { return read(*collection, Shape::manifest, {}); });
    }
    if (path[4] != "objects") return taxii_error(404, "Not found", "no such resource");
    if (path.size() == 5) return get_only([&] { return read(*collection, Shape::envelope, {}); });
    if (path.size() == 6) return get_only([&] { return read(*collection, Shape::object, path[5]); });
    if (path.size() == 7 && path[6] == "versions") {
      return get_only([&] { return read(*collection, Shape::versions, path[5]); });
    }
    return taxii_error(404, "Not found", "no such resource");
  }

 private:
  enum class Shape { envelope, manifest, object, versions };

  template <typename Answer>
  HttpResponse get_only(Answer answer) {
    if (m_request.method != "GET" && m_request.method != "HEAD") {
      return allowing("GET, HEAD", taxii_error(405, "Method not allowed", "this resource only answers GET"));
    }
    return answer();
  }

  HttpResponse discovery() const {
    return taxii_response(200, share::discovery_json(m_config.node.name, m_config.node.contact_information));
  }

  HttpResponse read(const share::CollectionInfo& collection, Shape shape, const std::string& object_id) {
    Result<storage::SharedObjectQuery> parsed = share::parse_object_query(m_request.query);
    if (!parsed.ok()) return from_error(parsed.error());
    storage::SharedObjectQuery query = std::move(parsed).value();
    query.collection = std::string(collection.alias);
    query.tlp_max = share::highest_shared(m_partner.tlp_max);
    if (!object_id.empty()) query.ids = {object_id};
    if (shape == Shape::versions) query.versions = {.all = true};
    const std::size_t limit = query.limit;
    ++query.limit;  // one more tells whether there is more
    share::Page page;
    const Status read = m_store.read([&](const storage::ReadView& view) -> Status {
      JALA_TRY_ASSIGN(std::vector<storage::SharedObject> objects, view.shared_objects(query));
      page = share::make_page(std::move(objects), limit);
      return {};
    });
    if (!read.ok()) return from_error(read.error());
    // Recorded before the answer goes out; a page that discloses no report takes no write lock.
    if (const Status logged = log_disclosure(collection, page, shape); !logged.ok()) return from_error(logged.error());
    if (!object_id.empty() && page.objects.empty()) return taxii_error(404, "Not found", "no such object");
    HttpResponse response = taxii_response(200, shape == Shape::manifest   ? share::manifest_json(page)
                                                : shape == Shape::versions ? share::versions_json(page)
                                                                           : share::envelope_json(page));
    response.headers = share::date_added_headers(page);
    return response;
  }

  // Every report whose objects go to a partner gets a custody event: who received it, when, how. An
  // object names the report it was published for (the least restricted one, storage::put_shared_object).
  Status log_disclosure(const share::CollectionInfo& collection, const share::Page& page, Shape shape) const {
    if (shape == Shape::manifest || shape == Shape::versions) return {};  // ids and versions only
    if (m_request.method == "HEAD") return {};                            // no body goes out
    std::set<storage::RecordKey> disclosed;
    for (const storage::SharedObject& object : page.objects) {
      if (!object.record_source.empty()) disclosed.insert({object.record_source, object.record_id});
    }
    if (disclosed.empty()) return {};
    return m_store.write([&](storage::WriteTransaction& transaction) -> Status {
      for (const storage::RecordKey& key : disclosed) {
        storage::CustodyEvent event;
        event.action = storage::CustodyAction::shared;
        event.record_kind = "report";
        event.key = key;
        event.who = m_partner.name;
        event.legal_basis = "partner agreement";
        event.detail = fmt::format("TAXII collection {} up to TLP:{}", collection.alias,
                                   model::to_string(share::highest_shared(m_partner.tlp_max)));
        event.at = now();
        JALA_TRY_ASSIGN(const std::uint64_t leaf, transaction.append_custody(event));
        static_cast<void>(leaf);
      }
      return {};
    });
  }

  HttpResponse post_objects(const share::CollectionInfo& collection) {
    if (!share::is_taxii_content_type(m_request.header("content-type").value_or(""))) {
      return taxii_error(415, "Unsupported media type", "post an envelope as application/taxii+json;version=2.1");
    }
    // Bounded nesting: a partner's body must not crash the node when an object is stored or printed.
    const Result<nlohmann::json> parsed = parse_untrusted_json(m_request.body, {});
    if (!parsed.ok()) return taxii_error(400, "Bad request", parsed.error().message());
    const nlohmann::json& envelope = *parsed;
    if (!envelope.is_object() || !envelope.contains("objects") || !envelope["objects"].is_array()) {
      return taxii_error(400, "Bad request", "the body is not a TAXII envelope with an objects list");
    }
    share::PostOutcome outcome{random_uuid(), now(), {}, {}};
    const Status stored = m_store.write([&](storage::WriteTransaction& transaction) -> Status {
      for (const nlohmann::json& object : envelope["objects"]) {
        JALA_TRY(store_posted(transaction, collection, object, outcome));
      }
      return transaction.set_share_state(
          "taxii-status:" + outcome.status_id,
          nlohmann::json{{"partner", m_partner.name}, {"status", share::status_json(outcome)}}.dump());
    });
    if (!stored.ok()) return from_error(stored.error());
    return taxii_response(202, share::status_json(outcome));
  }

  Status store_posted(storage::WriteTransaction& transaction, const share::CollectionInfo& collection,
                      const nlohmann::json& object, share::PostOutcome& outcome) const {
    const std::optional<storage::SharedObject> shared =
        share::to_shared_object(object, collection.alias, m_partner.name, model::k_default_tlp);
    if (!shared) {
      const nlohmann::json id = object.is_object() ? object.value("id", nlohmann::json()) : nlohmann::json();
      outcome.failures.push_back({id.is_string() ? id.get<std::string>() : "(no id)",
                                  object.is_object() ? share::stated_version(object) : "",
                                  "not a STIX object with a type and an id"});
      return {};
    }
    JALA_TRY_ASSIGN(const bool added, transaction.put_shared_object(*shared));
    static_cast<void>(added);  // the same version again is a success too
    outcome.successes.push_back({shared->id, shared->version, ""});
    return {};
  }

  HttpResponse status(const std::string& id) {
    std::optional<std::string> stored;
    const Status read = m_store.read([&](const storage::ReadView& view) -> Status {
      JALA_TRY_ASSIGN(stored, view.share_state("taxii-status:" + id));
      return {};
    });
    if (!read.ok()) return from_error(read.error());
    const nlohmann::json record = stored ? nlohmann::json::parse(*stored, nullptr, false) : nlohmann::json();
    if (!record.is_object() || record.value("partner", "") != m_partner.name) {
      return taxii_error(404, "Not found", "no such status");
    }
    return taxii_response(200, record.value("status", "{}"));
  }

  const HttpRequest& m_request;
  const NodeConfig& m_config;
  storage::Store& m_store;
  const storage::Partner& m_partner;
};

}  // namespace

HttpResponse handle_taxii(const HttpRequest& request, const NodeConfig& config, storage::Store& store,
                          Authenticator& authenticator) {
  if (request.malformed_target) return taxii_error(400, "Bad request", k_malformed_target);
  const Result<SignIn> checked = authenticator.authenticate(store, request.header("authorization"), request.peer);
  if (!checked.ok()) return from_error(checked.error());
  if (checked->retry_after) {
    HttpResponse response = taxii_error(429, "Too many failed sign-ins", "this address failed to sign in too often");
    ask_to_retry_after(response, *checked->retry_after);
    return response;
  }
  const std::optional<storage::Partner>& partner = checked->partner;
  if (!partner) {
    HttpResponse response =
        taxii_error(401, "Unauthorized", "give a partner's name and secret (Basic) or its secret (Bearer)");
    ask_for_credentials(response);
    return response;
  }
  HttpResponse response = [&] {
    if (!share::accepts_taxii(request.header("accept"))) {
      return taxii_error(406, "Not acceptable", "this server answers application/taxii+json;version=2.1");
    }
    // Segments as decoded one by one, so that an encoded "/" (%2F) stays inside its segment as in the JSON
    // API; empty ones (the trailing slash TAXII URLs end with) are no segment.
    std::vector<std::string> path;
    std::copy_if(request.segments.begin(), request.segments.end(), std::back_inserter(path),
                 [](const std::string& segment) { return !segment.empty(); });
    return TaxiiRequest(request, config, store, *partner).route(path);
  }();
  response.who = partner->name;
  return response;
}

}  // namespace jala::server
