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

#include <array>
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
  bool operator==(const Node&) const = default;
};

// Where the hashes of complete subtrees come from.
class NodeReader {
 public:
  virtual ~NodeReader() = default;
  virtual Result<Hash> node(NodeId id) const = 0;
  // The hashes of `ids`, in their order. The proofs below ask for all the nodes they need in one call,
  // so that a reader whose every read costs a query (a database) can read them in one; this default
  // reads them one by one.
  virtual Result<std::vector<Hash>> nodes(std::span<const NodeId> ids) const;
};

// Copies a node's hash as a store keeps it (32 raw bytes) into `hash`; anything else is data_loss naming
// the node.
Status copy_stored_hash(std::string_view bytes, NodeId id, Hash& hash);

// The nodes that appending leaf number `index` (the tree's size before the append) completes: the leaf
// itself at level 0, then each parent whose right child it completes. The store keeps them all.
Result<std::vector<Node>> nodes_completed_by_append(const NodeReader& nodes, std::uint64_t index, const Hash& leaf);

// The right edge of a tree (its compact range): the roots of the complete subtrees that the tree's
// leaves split into from the left, one per set bit of its size. The nodes an append completes have
// their left siblings there and nowhere else, so a writer that keeps the edge appends a batch of leaves
// after reading popcount(size) nodes once, instead of reading O(log n) nodes at every append.
//
// Value type; not thread-safe.
class CompactRange final : public NodeReader {
 public:
  // Reads the edge of the tree of `size` leaves from `nodes`.
  static Result<CompactRange> read(const NodeReader& nodes, std::uint64_t size);

  std::uint64_t size() const { return m_size; }
  // Appends leaf number size(), and returns the nodes it completes, as nodes_completed_by_append does.
  std::vector<Node> append(const Hash& leaf);
  // Whether `id` is one of the edge's nodes.
  bool holds(NodeId id) const;
  // The edge's nodes; any other is not_found.
  Result<Hash> node(NodeId id) const override;

 private:
  std::uint64_t m_size = 0;
  std::array<Hash, 64> m_by_level{};  // the edge node at level L, when bit L of m_size is set
};

// Every proof against a tree of a given size reads some of the tree's right edge (where its path passes
// right of the leaf, about a third of a proof's nodes in a large log). Proving many leaves against
// one signed tree head, as an evidence package does, this reader holds that edge, read once, and passes
// every other read on to `nodes`, which must outlive it.
//
// Thread-compatible.
class RightEdgeCache final : public NodeReader {
 public:
  static Result<RightEdgeCache> read(const NodeReader& nodes, std::uint64_t size);

  Result<Hash> node(NodeId id) const override;
  Result<std::vector<Hash>> nodes(std::span<const NodeId> ids) const override;

 private:
  RightEdgeCache(const NodeReader& nodes, const CompactRange& edge) : m_nodes(&nodes), m_edge(edge) {}

  const NodeReader* m_nodes;
  CompactRange m_edge;
};

// The root of the tree's first `size` leaves. It and the proofs read the nodes they need in one call
// of NodeReader::nodes.
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
