// Signed tree heads: the node's Ed25519 signature (libsodium) over the size, root and time of its
// evidence log. A partner that keeps a head can later ask for a consistency proof and so detect a
// rewritten history; a court verifies a package's head with the node's public key alone.
//
// The signed message is text, so that an independent verifier can rebuild it (docs/formats/evidence.md):
//   "jala-tree-head-v1\n" SIZE "\n" ROOT-HEX "\n" TIMESTAMP-MICROS "\n"
// SigningKey is immutable once loaded; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "jala/base/result.h"
#include "jala/base/time.h"
#include "jala/evidence/merkle.h"

namespace jala::evidence {

using PublicKey = std::array<std::uint8_t, 32>;
using Signature = std::array<std::uint8_t, 64>;

struct TreeHead {
  std::uint64_t size = 0;
  Hash root{};
  Timestamp timestamp;
  bool operator==(const TreeHead&) const = default;
};

struct SignedTreeHead {
  TreeHead head;
  Signature signature{};
};

std::string tree_head_message(const TreeHead& head);

class SigningKey {
 public:
  // Reads the key at `path`, or makes one there (readable by its owner only) when there is none.
  static Result<SigningKey> load_or_create(const std::string& path);
  const PublicKey& public_key() const { return m_public; }
  SignedTreeHead sign(const TreeHead& head) const;
  // A detached Ed25519 signature over any bytes (an evidence package's manifest).
  Signature sign_message(std::string_view message) const;

 private:
  std::array<std::uint8_t, 64> m_secret{};
  PublicKey m_public{};
};

// An error says the signature does not verify.
Status verify_message(std::string_view message, const Signature& signature, const PublicKey& key);
// An error says what does not match.
Status verify_tree_head(const SignedTreeHead& signed_head, const PublicKey& key);

}  // namespace jala::evidence
