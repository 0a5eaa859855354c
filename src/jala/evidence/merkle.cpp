#include "jala/evidence/merkle.h"

#include <array>
#include <bit>
#include <map>

namespace jala::evidence {
namespace {

constexpr std::uint8_t k_leaf_prefix = 0x00;
constexpr std::uint8_t k_node_prefix = 0x01;

// The largest power of two smaller than n (n >= 2): RFC 9162's split point k.
std::uint64_t split_point(std::uint64_t n) { return std::bit_floor(n - 1); }

// Hashes of ranges [start, end) of leaves within one proof computation. Each range that a proof needs
// is either a complete subtree, read from the NodeReader, or a right edge built from complete subtrees
// (RFC 9162's MTH(D[k:n])); right edges repeat within a proof, so they are remembered.
class RangeHasher {
 public:
  explicit RangeHasher(const NodeReader& nodes) : m_nodes(nodes) {}

  // MTH of leaves [start, end); start is a multiple of the largest power of two not above end - start.
  Result<Hash> hash(std::uint64_t start, std::uint64_t end) {
    const std::uint64_t length = end - start;
    if (std::has_single_bit(length)) {
      const auto level = static_cast<unsigned>(std::countr_zero(length));
      return m_nodes.node({level, start >> level});
    }
    if (const auto known = m_remembered.find({start, end}); known != m_remembered.end()) return known->second;
    const std::uint64_t k = split_point(length);
    JALA_TRY_ASSIGN(const Hash left, hash(start, start + k));
    JALA_TRY_ASSIGN(const Hash right, hash(start + k, end));
    const Hash combined = node_hash(left, right);
    m_remembered.emplace(std::pair{start, end}, combined);
    return combined;
  }

 private:
  const NodeReader& m_nodes;
  std::map<std::pair<std::uint64_t, std::uint64_t>, Hash> m_remembered;
};

// RFC 9162 PATH(m, D[start:end]), appended to `proof` from the leaf upwards.
Status append_path(RangeHasher& ranges, std::uint64_t m, std::uint64_t start, std::uint64_t end,
                   std::vector<Hash>& proof) {
  const std::uint64_t n = end - start;
  if (n <= 1) return {};
  const std::uint64_t k = split_point(n);
  if (m < k) {
    JALA_TRY(append_path(ranges, m, start, start + k, proof));
    JALA_TRY_ASSIGN(const Hash right, ranges.hash(start + k, end));
    proof.push_back(right);
  } else {
    JALA_TRY(append_path(ranges, m - k, start + k, end, proof));
    JALA_TRY_ASSIGN(const Hash left, ranges.hash(start, start + k));
    proof.push_back(left);
  }
  return {};
}

// RFC 9162 SUBPROOF(m, D[start:end], b).
Status append_subproof(RangeHasher& ranges, std::uint64_t m, std::uint64_t start, std::uint64_t end,
                       bool whole_old_tree, std::vector<Hash>& proof) {
  const std::uint64_t n = end - start;
  if (m == n) {
    if (!whole_old_tree) {
      JALA_TRY_ASSIGN(const Hash subtree, ranges.hash(start, end));
      proof.push_back(subtree);
    }
    return {};
  }
  const std::uint64_t k = split_point(n);
  if (m <= k) {
    JALA_TRY(append_subproof(ranges, m, start, start + k, whole_old_tree, proof));
    JALA_TRY_ASSIGN(const Hash right, ranges.hash(start + k, end));
    proof.push_back(right);
  } else {
    JALA_TRY(append_subproof(ranges, m - k, start + k, end, false, proof));
    JALA_TRY_ASSIGN(const Hash left, ranges.hash(start, start + k));
    proof.push_back(left);
  }
  return {};
}

// Shifts both right until the lowest bit of `first` is set, or `first` is 0 (RFC 9162's "right-shift
// fn and sn equally until ...").
void shift_while_lowest_bit_clear(std::uint64_t& first, std::uint64_t& second) {
  while (first != 0 && (first & 1U) == 0) {
    first >>= 1U;
    second >>= 1U;
  }
}

}  // namespace

Hash leaf_hash(std::string_view entry) {
  Sha256 hasher;
  const auto prefix = static_cast<char>(k_leaf_prefix);
  hasher.update(std::string_view(&prefix, 1));
  hasher.update(entry);
  return hasher.finish();
}

Hash node_hash(const Hash& left, const Hash& right) {
  std::array<char, 1 + 2 * sizeof(Hash)> buffer{};
  buffer[0] = static_cast<char>(k_node_prefix);
  std::copy(left.begin(), left.end(), buffer.begin() + 1);
  std::copy(right.begin(), right.end(), buffer.begin() + 1 + sizeof(Hash));
  return sha256(std::string_view(buffer.data(), buffer.size()));
}

Hash empty_root() { return sha256(""); }

Result<std::vector<Node>> nodes_completed_by_append(const NodeReader& nodes, std::uint64_t index, const Hash& leaf) {
  std::vector<Node> completed{{{0, index}, leaf}};
  // A node with an odd index is a right child: with its left sibling it completes their parent.
  for (NodeId id{0, index}; (id.index & 1U) == 1; id = {id.level + 1, id.index >> 1U}) {
    JALA_TRY_ASSIGN(const Hash left, nodes.node({id.level, id.index - 1}));
    completed.push_back({{id.level + 1, id.index >> 1U}, node_hash(left, completed.back().hash)});
  }
  return completed;
}

Result<Hash> root(const NodeReader& nodes, std::uint64_t size) {
  if (size == 0) return empty_root();
  RangeHasher ranges(nodes);
  return ranges.hash(0, size);
}

Result<std::vector<Hash>> inclusion_proof(const NodeReader& nodes, std::uint64_t index, std::uint64_t size) {
  if (index >= size) return invalid_argument("leaf {} is not in a tree of {} leaves", index, size);
  RangeHasher ranges(nodes);
  std::vector<Hash> proof;
  JALA_TRY(append_path(ranges, index, 0, size, proof));
  return proof;
}

Result<std::vector<Hash>> consistency_proof(const NodeReader& nodes, std::uint64_t old_size, std::uint64_t new_size) {
  if (old_size > new_size) return invalid_argument("a tree of {} leaves cannot precede one of {}", old_size, new_size);
  std::vector<Hash> proof;
  if (old_size == 0 || old_size == new_size) return proof;
  RangeHasher ranges(nodes);
  JALA_TRY(append_subproof(ranges, old_size, 0, new_size, true, proof));
  return proof;
}

Status verify_inclusion(const Hash& leaf, std::uint64_t index, std::uint64_t size, std::span<const Hash> proof,
                        const Hash& root) {
  if (index >= size) return invalid_argument("leaf {} is not in a tree of {} leaves", index, size);
  std::uint64_t position = index;
  std::uint64_t last = size - 1;
  Hash computed = leaf;
  for (const Hash& sibling : proof) {
    if (last == 0) return invalid_argument("the inclusion proof is longer than the tree is high");
    if ((position & 1U) == 1 || position == last) {
      computed = node_hash(sibling, computed);
      if ((position & 1U) == 0) shift_while_lowest_bit_clear(position, last);
    } else {
      computed = node_hash(computed, sibling);
    }
    position >>= 1U;
    last >>= 1U;
  }
  if (last != 0) return invalid_argument("the inclusion proof is shorter than the tree is high");
  if (computed != root) return invalid_argument("the inclusion proof does not lead to the root");
  return {};
}

Status verify_consistency(std::uint64_t old_size, std::uint64_t new_size, std::span<const Hash> proof,
                          const Hash& old_root, const Hash& new_root) {
  if (old_size > new_size) return invalid_argument("a tree of {} leaves cannot precede one of {}", old_size, new_size);
  if (old_size == 0) {
    if (!proof.empty()) return invalid_argument("a consistency proof from the empty tree must be empty");
    return {};
  }
  if (old_size == new_size) {
    if (!proof.empty()) return invalid_argument("a consistency proof between equal sizes must be empty");
    if (old_root != new_root) return invalid_argument("two trees of the same size have different roots");
    return {};
  }
  if (proof.empty()) return invalid_argument("the consistency proof is empty");
  // RFC 9162 2.1.4.2; when the old tree is a complete subtree its root is the proof's implicit first node.
  std::vector<Hash> path;
  if (std::has_single_bit(old_size)) path.push_back(old_root);
  path.insert(path.end(), proof.begin(), proof.end());
  std::uint64_t position = old_size - 1;
  std::uint64_t last = new_size - 1;
  while ((position & 1U) == 1) {
    position >>= 1U;
    last >>= 1U;
  }
  Hash old_computed = path.front();
  Hash new_computed = path.front();
  for (std::size_t i = 1; i < path.size(); ++i) {
    if (last == 0) return invalid_argument("the consistency proof is longer than the tree is high");
    if ((position & 1U) == 1 || position == last) {
      old_computed = node_hash(path[i], old_computed);
      new_computed = node_hash(path[i], new_computed);
      if ((position & 1U) == 0) shift_while_lowest_bit_clear(position, last);
    } else {
      new_computed = node_hash(new_computed, path[i]);
    }
    position >>= 1U;
    last >>= 1U;
  }
  if (last != 0) return invalid_argument("the consistency proof is shorter than the tree is high");
  if (old_computed != old_root) return invalid_argument("the consistency proof does not lead to the old root");
  if (new_computed != new_root) return invalid_argument("the consistency proof does not lead to the new root");
  return {};
}

}  // namespace jala::evidence
