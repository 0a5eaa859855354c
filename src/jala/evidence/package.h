// Evidence packages (docs/formats/evidence.md): a self-contained set of files that a court or a
// partner can check offline, with nothing but the package: the items (records as the log hashed
// them), each item's log entry and inclusion proof, the signed tree head and the node's public key,
// a CASE/UCO JSON-LD manifest that lists every file with its SHA-256 (signed by the node's key), and a
// README.txt that explains how to check it by hand.
//
// A package is a map from relative path ("items/000001.json") to bytes; cli/ writes it to a folder or
// a zip file and reads it back. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "jala/base/time.h"
#include "jala/evidence/merkle.h"
#include "jala/evidence/signing.h"

namespace jala::evidence {

using PackageFiles = std::map<std::string, std::string>;

// Bounds on what a verifier reads: a package is untrusted input.
inline constexpr std::size_t k_max_package_files = 1'000'000;
inline constexpr std::size_t k_max_package_file_bytes = 256U << 20;
inline constexpr std::size_t k_max_package_bytes = std::size_t{512} << 20;  // all files together

struct PackageItem {
  std::string kind;  // "report" or "transaction"
  std::string source;
  std::string id;
  std::string record;  // the canonical JSON whose SHA-256 the log entry holds
  std::string entry;   // the log entry of this version
  std::uint64_t leaf_index = 0;
  std::vector<Hash> proof;  // inclusion proof of the leaf in the signed head's tree
};

// The export, recorded in the manifest as a CASE investigative action.
struct PackageAction {
  std::string subject;      // what is exported, e.g. "network N6b02c34a1b81"
  std::string performer;    // who exports it
  std::string legal_basis;  // free text or a reference, e.g. an MLA request number
  Timestamp at;
};

PackageFiles build_package(const PackageAction& action, const std::vector<PackageItem>& items,
                           const SignedTreeHead& head, const SigningKey& key);

struct Verification {
  std::vector<std::string> problems;  // "PATH: why", one per failed check, by path
  std::size_t items_verified = 0;     // items whose hash, entry and proof all check out
  std::size_t items = 0;
  std::optional<SignedTreeHead> head;  // as the package states it
  std::optional<PublicKey> key;

  bool ok() const { return problems.empty(); }
};

Verification verify_package(const PackageFiles& files);

// The README.txt of every package.
std::string package_readme(const PackageAction& action, std::size_t items, const SignedTreeHead& head,
                           const PublicKey& key);

}  // namespace jala::evidence
