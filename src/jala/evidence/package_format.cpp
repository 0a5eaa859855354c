#include "jala/evidence/package_format.h"
#include "jala/base/json_input.h"

#include <algorithm>

namespace jala::evidence::package_format {

std::string file_id(std::string_view path) {
  std::string id = "kb:file-" + std::string(path);
  std::replace(id.begin(), id.end(), '/', '-');
  return id;
}

std::string_view describe(std::string_view path) {
  if (path.starts_with(k_proofs_dir)) return "an item's log entry and inclusion proof";
  if (path == k_tree_head) return "the signed tree head of the exporting node's evidence log, with its public key";
  if (path == k_readme) return "how to check this package";
  return "a file of this package";
}

nlohmann::ordered_json context() {
  return {{"case-investigation", "https://ontology.caseontology.org/case/investigation/"},
          {"uco-action", "https://ontology.unifiedcyberontology.org/uco/action/"},
          {"uco-core", "https://ontology.unifiedcyberontology.org/uco/core/"},
          {"uco-identity", "https://ontology.unifiedcyberontology.org/uco/identity/"},
          {"uco-observable", "https://ontology.unifiedcyberontology.org/uco/observable/"},
          {"uco-tool", "https://ontology.unifiedcyberontology.org/uco/tool/"},
          {"uco-types", "https://ontology.unifiedcyberontology.org/uco/types/"},
          {"uco-vocabulary", "https://ontology.unifiedcyberontology.org/uco/vocabulary/"},
          {"xsd", "http://www.w3.org/2001/XMLSchema#"},
          {"kb", "urn:jala:package:"}};
}

std::string tree_head_json(const SignedTreeHead& head, const PublicKey& key) {
  const nlohmann::ordered_json document = {{"size", head.head.size},
                                           {"root", to_hex(head.head.root)},
                                           {"timestamp", head.head.timestamp.unix_micros},
                                           {"signature", to_hex(head.signature)},
                                           {"public_key", to_hex(key)}};
  return document.dump() + "\n";
}

Result<std::pair<SignedTreeHead, PublicKey>> parse_tree_head(std::string_view bytes) {
  JALA_TRY_ASSIGN(const nlohmann::json document, parse_untrusted_json(bytes, {}));
  if (!document.is_object()) return invalid_argument("not a JSON object");
  for (const char* field : {"size", "timestamp"}) {
    if (!document.contains(field) || !document.at(field).is_number_unsigned()) {
      return invalid_argument("'{}' is not a whole number", field);
    }
  }
  for (const char* field : {"root", "signature", "public_key"}) {
    if (!document.contains(field) || !document.at(field).is_string()) {
      return invalid_argument("'{}' is not a string", field);
    }
  }
  std::pair<SignedTreeHead, PublicKey> parsed;
  parsed.first.head.size = document.at("size").get<std::uint64_t>();
  parsed.first.head.timestamp = Timestamp{static_cast<std::int64_t>(document.at("timestamp").get<std::uint64_t>())};
  JALA_TRY_ASSIGN(parsed.first.head.root, parse_hex_bytes<32>(document.at("root").get<std::string>()));
  JALA_TRY_ASSIGN(parsed.first.signature, parse_hex_bytes<64>(document.at("signature").get<std::string>()));
  JALA_TRY_ASSIGN(parsed.second, parse_hex_bytes<32>(document.at("public_key").get<std::string>()));
  return parsed;
}

}  // namespace jala::evidence::package_format
