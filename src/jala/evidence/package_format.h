// The names and small formats an evidence package's writer and verifier share (docs/formats/
// evidence.md). Internal to evidence/.
#pragma once

#include <fmt/core.h>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>

#include "jala/base/result.h"
#include "jala/base/sha256.h"
#include "jala/evidence/signing.h"

namespace jala::evidence::package_format {

inline constexpr std::string_view k_items_dir = "items/";
inline constexpr std::string_view k_proofs_dir = "proofs/";
inline constexpr std::string_view k_tree_head = "tree_head.json";
inline constexpr std::string_view k_readme = "README.txt";
inline constexpr std::string_view k_manifest = "manifest.jsonld";
inline constexpr std::string_view k_manifest_signature = "manifest.sig";

inline std::string item_path(std::size_t index) { return fmt::format("{}{:06d}.json", k_items_dir, index + 1); }
inline std::string proof_path(std::size_t index) { return fmt::format("{}{:06d}.json", k_proofs_dir, index + 1); }

// The manifest's node id of a file: "kb:file-" and its path with '/' as '-'.
std::string file_id(std::string_view path);
// What a file that is not an item holds, for the manifest.
std::string_view describe(std::string_view path);
// The JSON-LD context: the CASE and UCO namespaces, and `kb:` for the package's own nodes.
nlohmann::ordered_json context();

// tree_head.json: {"size","root","timestamp","signature","public_key"}, as `jala evidence head --json`.
std::string tree_head_json(const SignedTreeHead& head, const PublicKey& key);
Result<std::pair<SignedTreeHead, PublicKey>> parse_tree_head(std::string_view bytes);

// Hexadecimal of exactly `Size` bytes.
template <std::size_t Size>
Result<std::array<std::uint8_t, Size>> parse_hex_bytes(std::string_view text) {
  std::array<std::uint8_t, Size> bytes{};
  JALA_TRY(parse_hex(text, bytes));
  return bytes;
}

}  // namespace jala::evidence::package_format
