// build_package and package_readme (package.h): the files of an evidence package.
#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "jala/base/sha256.h"
#include "jala/evidence/package.h"
#include "jala/evidence/package_format.h"

namespace jala::evidence {
namespace {

using OrderedJson = nlohmann::ordered_json;

OrderedJson typed(std::string_view type, std::string value) { return {{"@type", type}, {"@value", std::move(value)}}; }

// A uco-observable:File for one file of the package: its name, size and SHA-256.
OrderedJson file_node(std::string_view path, const std::string& bytes, std::string description) {
  OrderedJson facets = OrderedJson::array();
  facets.push_back({{"@type", "uco-observable:FileFacet"},
                    {"uco-observable:fileName", path},
                    {"uco-observable:sizeInBytes", typed("xsd:integer", std::to_string(bytes.size()))}});
  facets.push_back({{"@type", "uco-observable:ContentDataFacet"},
                    {"uco-observable:hash",
                     OrderedJson::array({{{"@type", "uco-types:Hash"},
                                          {"uco-types:hashMethod", typed("uco-vocabulary:HashNameVocab", "SHA256")},
                                          {"uco-types:hashValue", typed("xsd:hexBinary", to_hex(sha256(bytes)))}}})}});
  return {{"@id", package_format::file_id(path)},
          {"@type", "uco-observable:File"},
          {"uco-core:description", std::move(description)},
          {"uco-core:hasFacet", std::move(facets)}};
}

std::string manifest(const PackageAction& action, const std::vector<PackageItem>& items, const PackageFiles& files) {
  OrderedJson graph = OrderedJson::array();
  graph.push_back({{"@id", "kb:performer"}, {"@type", "uco-identity:Identity"}, {"uco-core:name", action.performer}});
  graph.push_back({{"@id", "kb:jala"}, {"@type", "uco-tool:Tool"}, {"uco-core:name", "jala"}});
  OrderedJson objects = OrderedJson::array();
  OrderedJson results = OrderedJson::array();
  for (const auto& [path, bytes] : files) {
    OrderedJson ref = {{"@id", package_format::file_id(path)}};
    (path.starts_with(package_format::k_items_dir) ? objects : results).push_back(std::move(ref));
  }
  graph.push_back({{"@id", "kb:export"},
                   {"@type", "case-investigation:InvestigativeAction"},
                   {"uco-core:name", "export of " + action.subject},
                   {"uco-core:description", "legal basis: " + action.legal_basis},
                   {"uco-action:startTime", typed("xsd:dateTime", format_rfc3339(action.at))},
                   {"uco-action:performer", {{"@id", "kb:performer"}}},
                   {"uco-action:instrument", {{"@id", "kb:jala"}}},
                   {"uco-action:object", objects},
                   {"uco-action:result", OrderedJson::array({{{"@id", "kb:provenance"}}})}});
  graph.push_back({{"@id", "kb:provenance"},
                   {"@type", "case-investigation:ProvenanceRecord"},
                   {"case-investigation:exhibitNumber", action.subject},
                   {"uco-core:description", fmt::format("{} items of {}, each with its log entry and inclusion proof",
                                                        items.size(), action.subject)},
                   {"uco-core:object", objects}});
  for (std::size_t i = 0; i < items.size(); ++i) {
    const PackageItem& item = items[i];
    const std::string path = package_format::item_path(i);
    graph.push_back(file_node(path, files.at(path),
                              fmt::format("{} {} {}, log leaf {}", item.kind, item.source, item.id, item.leaf_index)));
  }
  for (const auto& [path, bytes] : files) {
    if (path.starts_with(package_format::k_items_dir)) continue;
    graph.push_back(file_node(path, bytes, std::string(package_format::describe(path))));
  }
  const OrderedJson document = {{"@context", package_format::context()}, {"@graph", std::move(graph)}};
  return document.dump(1) + "\n";
}

}  // namespace

std::string package_readme(const PackageAction& action, std::size_t items, const SignedTreeHead& head,
                           const PublicKey& key) {
  return fmt::format(
      "Jala evidence package: {subject}\n"
      "Exported {at} by {performer}; legal basis: {basis}.\n"
      "\n"
      "What is here\n"
      "  items/NNNNNN.json   {items} records (complaints, reports, transactions), each exactly as the\n"
      "                      exporting node's evidence log hashed it\n"
      "  proofs/NNNNNN.json  for each item: its log entry, its leaf number and the Merkle inclusion proof\n"
      "                      of that entry in the log of {size} entries\n"
      "  tree_head.json      the log's size, root hash and time, signed with the node's Ed25519 key\n"
      "  manifest.jsonld     CASE/UCO JSON-LD: the export as an investigative action, and every file of\n"
      "                      this package with its SHA-256\n"
      "  manifest.sig        the node's Ed25519 signature over manifest.jsonld, in hexadecimal\n"
      "\n"
      "The node's public key (compare it with the key the sending agency gave you through a trusted\n"
      "channel; everything below proves only that this key's holder signed):\n"
      "  {key}\n"
      "Signed log root: {root} ({size} entries)\n"
      "\n"
      "How to check it\n"
      "  With Jala: jala evidence verify <this folder or zip>. Exit code 0: every file, item, proof and\n"
      "  signature checks out; 1: each failing file is named.\n"
      "  By hand (any SHA-256 and Ed25519 tools):\n"
      "  1. tree_head.json: the signature must verify with the public key over the text\n"
      "     \"jala-tree-head-v1\\n<size>\\n<root>\\n<timestamp>\\n\".\n"
      "  2. manifest.sig must verify over the bytes of manifest.jsonld, and each file must have the\n"
      "     SHA-256 and size the manifest gives it.\n"
      "  3. For each proof: the SHA-256 of the item's bytes must equal the \"sha256\" in its log entry;\n"
      "     the leaf hash is SHA-256(0x00 || entry) and, with the path (RFC 9162, section 2.1.3.2),\n"
      "     must lead to the signed root.\n"
      "The formats are specified in Jala's docs/formats/evidence.md.\n",
      fmt::arg("subject", action.subject), fmt::arg("at", format_rfc3339(action.at)),
      fmt::arg("performer", action.performer), fmt::arg("basis", action.legal_basis), fmt::arg("items", items),
      fmt::arg("size", head.head.size), fmt::arg("key", to_hex(key)), fmt::arg("root", to_hex(head.head.root)));
}

PackageFiles build_package(const PackageAction& action, const std::vector<PackageItem>& items,
                           const SignedTreeHead& head, const SigningKey& key) {
  PackageFiles files;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const PackageItem& item = items[i];
    files[package_format::item_path(i)] = item.record;
    OrderedJson path = OrderedJson::array();
    for (const Hash& hash : item.proof) path.push_back(to_hex(hash));
    const OrderedJson proof = {{"item", package_format::item_path(i)},
                               {"kind", item.kind},
                               {"source", item.source},
                               {"id", item.id},
                               {"leaf_index", item.leaf_index},
                               {"tree_size", head.head.size},
                               {"entry", item.entry},
                               {"path", std::move(path)}};
    files[package_format::proof_path(i)] = proof.dump(1) + "\n";
  }
  files[std::string(package_format::k_tree_head)] = package_format::tree_head_json(head, key.public_key());
  files[std::string(package_format::k_readme)] = package_readme(action, items.size(), head, key.public_key());
  const std::string manifest_bytes = manifest(action, items, files);
  files[std::string(package_format::k_manifest_signature)] = to_hex(key.sign_message(manifest_bytes)) + "\n";
  files[std::string(package_format::k_manifest)] = manifest_bytes;
  return files;
}

}  // namespace jala::evidence
