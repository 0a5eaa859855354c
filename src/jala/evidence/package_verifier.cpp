// verify_package (package.h): every check an independent verifier makes, in the order of
// docs/formats/evidence.md; each failure names the file it concerns.
#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <set>

#include "jala/base/json_input.h"
#include "jala/base/sha256.h"
#include "jala/evidence/package.h"
#include "jala/evidence/package_format.h"

namespace jala::evidence {
namespace {

namespace format = package_format;
using Json = nlohmann::json;

struct Listed {
  std::uint64_t size = 0;
  std::string sha256;
};

const Json* member(const Json& object, const char* name) {
  if (!object.is_object()) return nullptr;
  const auto found = object.find(name);
  return found == object.end() ? nullptr : &*found;
}

// The files the manifest lists: each uco-observable:File with its name, size and SHA-256.
Result<std::map<std::string, Listed>> listed_files(const std::string& manifest) {
  JALA_TRY_ASSIGN(const Json document, parse_untrusted_json(manifest, {}));
  const Json* graph = member(document, "@graph");
  if (graph == nullptr || !graph->is_array()) return invalid_argument("not a JSON-LD document with an @graph");
  std::map<std::string, Listed> listed;
  for (const Json& node : *graph) {
    const Json* type = member(node, "@type");
    if (type == nullptr || *type != "uco-observable:File") continue;
    const Json* facets = member(node, "uco-core:hasFacet");
    if (facets == nullptr || !facets->is_array()) return invalid_argument("a File without facets");
    std::optional<std::string> name;
    Listed file;
    bool sized = false;
    for (const Json& facet : *facets) {
      if (const Json* file_name = member(facet, "uco-observable:fileName"); file_name && file_name->is_string()) {
        name = file_name->get<std::string>();
      }
      const Json* size_node = member(facet, "uco-observable:sizeInBytes");
      if (const Json* size = size_node ? member(*size_node, "@value") : nullptr; size && size->is_string()) {
        const std::string& text = size->get_ref<const std::string&>();
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), file.size);
        sized = error == std::errc() && end == text.data() + text.size();
      }
      if (const Json* hashes = member(facet, "uco-observable:hash"); hashes && hashes->is_array() && !hashes->empty()) {
        const Json* value = member((*hashes)[0], "uco-types:hashValue");
        if (const Json* hex = value ? member(*value, "@value") : nullptr; hex && hex->is_string()) {
          file.sha256 = hex->get<std::string>();
        }
      }
    }
    if (!name || !sized || file.sha256.size() != 64) return invalid_argument("a File without name, size or SHA-256");
    listed[*name] = file;
  }
  return listed;
}

class Verifier {
 public:
  explicit Verifier(const PackageFiles& files) : m_files(files) {}

  Verification run() {
    check_tree_head();
    check_manifest();
    for (const auto& [path, bytes] : m_files) {
      if (path.starts_with(format::k_proofs_dir)) check_proof(path, bytes);
    }
    for (const auto& [path, bytes] : m_files) {
      if (path.starts_with(format::k_items_dir)) {
        ++m_result.items;
        if (!m_proven.contains(path)) fail(path, "no proof names this item");
      }
    }
    m_result.items_verified = m_verified.size();
    std::sort(m_result.problems.begin(), m_result.problems.end());
    m_result.problems.erase(std::unique(m_result.problems.begin(), m_result.problems.end()), m_result.problems.end());
    return std::move(m_result);
  }

 private:
  void fail(std::string_view path, std::string_view why) {
    m_result.problems.push_back(fmt::format("{}: {}", path, why));
  }

  const std::string* file(std::string_view path) const {
    const auto found = m_files.find(std::string(path));
    return found == m_files.end() ? nullptr : &found->second;
  }

  void check_tree_head() {
    const std::string* bytes = file(format::k_tree_head);
    if (bytes == nullptr) return fail(format::k_tree_head, "missing");
    Result<std::pair<SignedTreeHead, PublicKey>> parsed = format::parse_tree_head(*bytes);
    if (!parsed.ok()) return fail(format::k_tree_head, parsed.error().message());
    m_result.head = parsed->first;
    m_result.key = parsed->second;
    if (!verify_tree_head(parsed->first, parsed->second).ok()) {
      m_head_trusted = false;
      return fail(format::k_tree_head, "its signature does not verify with its public key");
    }
    m_head_trusted = true;
  }

  void check_manifest() {
    const std::string* manifest = file(format::k_manifest);
    const std::string* signature_hex = file(format::k_manifest_signature);
    if (signature_hex == nullptr) fail(format::k_manifest_signature, "missing");
    if (manifest == nullptr) return fail(format::k_manifest, "missing");
    if (signature_hex != nullptr) {
      std::string_view hex = *signature_hex;
      if (hex.ends_with('\n')) hex.remove_suffix(1);
      const Result<Signature> signature = format::parse_hex_bytes<64>(hex);
      if (!signature.ok()) {
        fail(format::k_manifest_signature, "not a signature: " + signature.error().message());
      } else if (m_result.key && !verify_message(*manifest, *signature, *m_result.key).ok()) {
        const std::string why = fmt::format("the signature in {} does not verify over {}", format::k_manifest_signature,
                                            format::k_manifest);
        fail(format::k_manifest, why);
        fail(format::k_manifest_signature, why);
      }
    }
    Result<std::map<std::string, Listed>> listed = listed_files(*manifest);
    if (!listed.ok()) return fail(format::k_manifest, listed.error().message());
    for (const auto& [path, expected] : *listed) {
      const std::string* bytes = file(path);
      if (bytes == nullptr) {
        fail(path, "listed in the manifest, missing from the package");
      } else if (bytes->size() != expected.size || to_hex(sha256(*bytes)) != expected.sha256) {
        fail(path, "its size or SHA-256 is not the one the manifest gives");
      }
    }
    for (const auto& [path, bytes] : m_files) {
      if (path != format::k_manifest && path != format::k_manifest_signature && !listed->contains(path)) {
        fail(path, "not listed in the manifest");
      }
    }
  }

  void check_proof(const std::string& path, const std::string& bytes) {
    // Hostile nesting is refused before it is built: comparing or printing it would recurse.
    const Result<Json> read = parse_untrusted_json(bytes, {});
    if (!read.ok()) return fail(path, read.error().message());
    const Json& proof = *read;
    const Json* item_path = member(proof, "item");
    const Json* entry = member(proof, "entry");
    const Json* leaf_index = member(proof, "leaf_index");
    const Json* tree_size = member(proof, "tree_size");
    const Json* hashes = member(proof, "path");
    if (!item_path || !item_path->is_string() || !entry || !entry->is_string() || !leaf_index ||
        !leaf_index->is_number_unsigned() || !tree_size || !tree_size->is_number_unsigned() || !hashes ||
        !hashes->is_array()) {
      return fail(path, "not a proof: it needs item, entry, leaf_index, tree_size and path");
    }
    const std::string item = item_path->get<std::string>();
    if (!item.starts_with(format::k_items_dir)) return fail(path, "names a file outside items/");
    m_proven.insert(item);
    const std::string* record = file(item);
    if (record == nullptr) return fail(path, "names an item that is not in the package");
    const Result<Json> logged_entry = parse_untrusted_json(entry->get<std::string>(), {});
    if (!logged_entry.ok()) return fail(path, "its log entry: " + logged_entry.error().message());
    const Json& logged = *logged_entry;
    const Json* logged_hash = member(logged, "sha256");
    if (!logged_hash || !logged_hash->is_string()) return fail(path, "its log entry holds no sha256");
    bool names_item = true;
    for (const char* field : {"kind", "source", "id"}) {
      const Json* in_entry = member(logged, field);
      const Json* in_proof = member(proof, field);
      names_item = names_item && in_entry && in_proof && *in_entry == *in_proof;
    }
    if (!names_item) return fail(path, "its log entry names another record than the proof does");
    if (to_hex(sha256(*record)) != logged_hash->get<std::string>()) {
      return fail(item, "its SHA-256 is not the one its log entry holds");
    }
    if (!m_result.head) return fail(path, "cannot be checked without a tree head");
    if (tree_size->get<std::uint64_t>() != m_result.head->head.size) {
      return fail(path, "is a proof in a tree of another size than the signed head's");
    }
    std::vector<Hash> audit_path;
    for (const Json& hash : *hashes) {
      Result<Hash> parsed = hash.is_string() ? format::parse_hex_bytes<32>(hash.get<std::string>())
                                             : Result<Hash>(invalid_argument("not a string"));
      if (!parsed.ok()) return fail(path, "a path hash is not 64 hex digits");
      audit_path.push_back(*parsed);
    }
    const Status included = verify_inclusion(leaf_hash(entry->get<std::string>()), leaf_index->get<std::uint64_t>(),
                                             m_result.head->head.size, audit_path, m_result.head->head.root);
    if (!included.ok()) return fail(path, "the inclusion proof does not lead to the signed root");
    if (m_head_trusted) m_verified.insert(item);
  }

  const PackageFiles& m_files;
  Verification m_result;
  bool m_head_trusted = false;
  std::set<std::string> m_proven;    // items some proof names
  std::set<std::string> m_verified;  // items whose proof checks out against a trusted head
};

}  // namespace

Verification verify_package(const PackageFiles& files) { return Verifier(files).run(); }

}  // namespace jala::evidence
