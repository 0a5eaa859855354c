// The Merkle tree of Jala's evidence log, with the hashing and proofs of RFC 9162 (Certificate
// Transparency 2.0, section 2.1): leaf = SHA-256(0x00 || entry), node = SHA-256(0x01 || left || right);
// inclusion and consistency proofs, and their verification.
//
// The tree's storage is not this file's concern. The functions read the hashes of complete subtrees
// through a NodeReader (the store keeps every complete subtree, so a proof reads O(log n) of them and
// never rebuilds the tree), and appending a leaf returns the nodes it completes, for the store to keep.
//
// Pure functions; thread-safe as far as the NodeReader is.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "jala/base/result.h"
#include "jala/base/sha256.h"

namespace jala::evidence {

using Hash = Sha256Digest;

Hash leaf_hash(std::string_view entry);
Hash node_hash(const Hash& left, const Hash& right);
// The root of the empty tree: SHA-256 of nothing.
Hash empty_root();

// A complete subtree: at `level` L and `index` i it covers leaves [i * 2^L, (i + 1) * 2^L).
struct NodeId {
  unsigned level = 0;
  std::uint64_t index = 0;
  auto operator<=>(const NodeId&) const =
      default;  // NOLINT(modernize-use-nullptr): clang-tidy 14 misreads defaulted <=>
};

struct Node {
  NodeId id;
  Hash hash{};
};

// Where the hashes of complete subtrees come from.
class NodeReader {
 public:
  virtual ~NodeReader() = default;
  virtual Result<Hash> node(NodeId id) const = 0;
};

// The nodes that appending leaf number `index` (the tree's size before the append) completes: the leaf
// itself at level 0, then each parent whose right child it completes. The store keeps them all.
Result<std::vector<Node>> nodes_completed_by_append(const NodeReader& nodes, std::uint64_t index, const Hash& leaf);

// The root of the tree's first `size` leaves.
Result<Hash> root(const NodeReader& nodes, std::uint64_t size);
// RFC 9162 2.1.3.1: the audit path of leaf `index` in the tree of `size` leaves.
Result<std::vector<Hash>> inclusion_proof(const NodeReader& nodes, std::uint64_t index, std::uint64_t size);
// RFC 9162 2.1.4.1: the proof that the tree of `old_size` leaves is a prefix of the one of `new_size`.
Result<std::vector<Hash>> consistency_proof(const NodeReader& nodes, std::uint64_t old_size, std::uint64_t new_size);

// RFC 9162 2.1.3.2. An error says why the proof fails.
Status verify_inclusion(const Hash& leaf, std::uint64_t index, std::uint64_t size, std::span<const Hash> proof,
                        const Hash& root);
// RFC 9162 2.1.4.2. A tree of size 0 is consistent with every tree, with an empty proof.
Status verify_consistency(std::uint64_t old_size, std::uint64_t new_size, std::span<const Hash> proof,
                          const Hash& old_root, const Hash& new_root);

}  // namespace jala::evidence
