#include "jala/evidence/merkle.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <map>

namespace jala::evidence {
namespace {

constexpr std::uint8_t k_leaf_prefix = 0x00;
constexpr std::uint8_t k_node_prefix = 0x01;

// The largest power of two smaller than n (n >= 2): RFC 9162's split point k.
std::uint64_t split_point(std::uint64_t n) { return std::bit_floor(n - 1); }

// The complete subtree of the `length` leaves from `start` (a power of two, and `start` a multiple of it).
NodeId subtree(std::uint64_t start, std::uint64_t length) {
  const auto level = static_cast<unsigned>(std::countr_zero(length));
  return {level, start >> level};
}

// Hashes of ranges [start, end) of leaves within one proof computation. Each range that a proof needs
// is either a complete subtree, read from the NodeReader, or a right edge built from complete subtrees
// (RFC 9162's MTH(D[k:n])); right edges repeat within a proof, so they are remembered.
class RangeHasher {
 public:
  explicit RangeHasher(const NodeReader& nodes) : m_nodes(nodes) {}

  // MTH of leaves [start, end); start is a multiple of the largest power of two not above end - start.
  Result<Hash> hash(std::uint64_t start, std::uint64_t end) {
    const std::uint64_t length = end - start;
    if (std::has_single_bit(length)) return m_nodes.node(subtree(start, length));
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

// Stands in for a RangeHasher in a first run of a proof's algorithm: instead of hashing a range, it
// notes the complete subtrees that RangeHasher would read for it (the range split as RFC 9162 splits
// it, whose left parts are complete), and returns a placeholder.
class SubtreeCollector {
 public:
  Result<Hash> hash(std::uint64_t start, std::uint64_t end) {
    while (!std::has_single_bit(end - start)) {
      const std::uint64_t k = split_point(end - start);
      m_ids.push_back(subtree(start, k));
      start += k;
    }
    m_ids.push_back(subtree(start, end - start));
    return Hash{};
  }
  std::vector<NodeId>& ids() { return m_ids; }

 private:
  std::vector<NodeId> m_ids;
};

// The nodes of one proof, read in one NodeReader::nodes call.
class FetchedNodes final : public NodeReader {
 public:
  static Result<FetchedNodes> read(const NodeReader& nodes, std::vector<NodeId> ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    FetchedNodes fetched;
    JALA_TRY_ASSIGN(fetched.m_hashes, nodes.nodes(ids));
    fetched.m_ids = std::move(ids);
    return fetched;
  }

  Result<Hash> node(NodeId id) const override {
    const auto found = std::lower_bound(m_ids.begin(), m_ids.end(), id);
    if (found == m_ids.end() || *found != id) {
      return internal_error("node at level {} index {} was not read for this proof", id.level, id.index);
    }
    return m_hashes[static_cast<std::size_t>(found - m_ids.begin())];
  }

 private:
  std::vector<NodeId> m_ids;  // sorted
  std::vector<Hash> m_hashes;
};

// Runs `algorithm(ranges, out)` (a proof's recursion over a range hasher) twice: first over a
// SubtreeCollector, to learn every node it reads, then, with those read in one call, over a
// RangeHasher of them. Returns what the second run puts in `out`.
template <typename Algorithm>
Result<std::vector<Hash>> with_nodes_read_at_once(const NodeReader& nodes, const Algorithm& algorithm) {
  SubtreeCollector collector;
  std::vector<Hash> placeholders;
  JALA_TRY(algorithm(collector, placeholders));
  JALA_TRY_ASSIGN(const FetchedNodes fetched, FetchedNodes::read(nodes, std::move(collector.ids())));
  RangeHasher ranges(fetched);
  std::vector<Hash> out;
  JALA_TRY(algorithm(ranges, out));
  return out;
}

// RFC 9162 PATH(m, D[start:end]), appended to `proof` from the leaf upwards.
template <typename Ranges>
Status append_path(Ranges& ranges, std::uint64_t m, std::uint64_t start, std::uint64_t end, std::vector<Hash>& proof) {
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
template <typename Ranges>
Status append_subproof(Ranges& ranges, std::uint64_t m, std::uint64_t start, std::uint64_t end, bool whole_old_tree,
                       std::vector<Hash>& proof) {
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

Result<CompactRange> CompactRange::read(const NodeReader& nodes, std::uint64_t size) {
  CompactRange range;
  range.m_size = size;
  for (unsigned level = 0; (size >> level) != 0; ++level) {
    if (((size >> level) & 1U) == 1) {
      JALA_TRY_ASSIGN(range.m_by_level[level], nodes.node({level, (size >> level) - 1}));
    }
  }
  return range;
}

std::vector<Node> CompactRange::append(const Hash& leaf) {
  // The left siblings that the append reads are edge nodes, so this cannot fail.
  std::vector<Node> completed = nodes_completed_by_append(*this, m_size, leaf).value();
  // The highest node completed replaces the edge nodes below it, whose bits the new size clears.
  m_by_level[completed.back().id.level] = completed.back().hash;
  ++m_size;
  return completed;
}

bool CompactRange::holds(NodeId id) const {
  return id.level < m_by_level.size() && ((m_size >> id.level) & 1U) == 1 && id.index == (m_size >> id.level) - 1;
}

Result<Hash> CompactRange::node(NodeId id) const {
  if (!holds(id)) return not_found("node at level {} index {} is not on the right edge", id.level, id.index);
  return m_by_level[id.level];
}

Result<RightEdgeCache> RightEdgeCache::read(const NodeReader& nodes, std::uint64_t size) {
  JALA_TRY_ASSIGN(const CompactRange edge, CompactRange::read(nodes, size));
  return RightEdgeCache(nodes, edge);
}

Result<Hash> RightEdgeCache::node(NodeId id) const { return m_edge.holds(id) ? m_edge.node(id) : m_nodes->node(id); }

Result<std::vector<Hash>> RightEdgeCache::nodes(std::span<const NodeId> ids) const {
  std::vector<Hash> hashes(ids.size());
  std::vector<NodeId> rest;
  std::vector<std::size_t> rest_positions;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (m_edge.holds(ids[i])) {
      JALA_TRY_ASSIGN(hashes[i], m_edge.node(ids[i]));
    } else {
      rest.push_back(ids[i]);
      rest_positions.push_back(i);
    }
  }
  JALA_TRY_ASSIGN(const std::vector<Hash> read, m_nodes->nodes(rest));
  for (std::size_t i = 0; i < rest.size(); ++i) hashes[rest_positions[i]] = read[i];
  return hashes;
}

Status copy_stored_hash(std::string_view bytes, NodeId id, Hash& hash) {
  if (bytes.size() != hash.size()) {
    return data_loss("the log's node at level {} index {} is not a SHA-256 hash", id.level, id.index);
  }
  std::memcpy(hash.data(), bytes.data(), hash.size());
  return {};
}

Result<std::vector<Hash>> NodeReader::nodes(std::span<const NodeId> ids) const {
  std::vector<Hash> hashes;
  hashes.reserve(ids.size());
  for (const NodeId id : ids) {
    JALA_TRY_ASSIGN(const Hash hash, node(id));
    hashes.push_back(hash);
  }
  return hashes;
}

Result<Hash> root(const NodeReader& nodes, std::uint64_t size) {
  if (size == 0) return empty_root();
  JALA_TRY_ASSIGN(const std::vector<Hash> hashes,
                  with_nodes_read_at_once(nodes, [size](auto& ranges, std::vector<Hash>& out) -> Status {
                    JALA_TRY_ASSIGN(const Hash whole, ranges.hash(0, size));
                    out.push_back(whole);
                    return {};
                  }));
  return hashes.front();
}

Result<std::vector<Hash>> inclusion_proof(const NodeReader& nodes, std::uint64_t index, std::uint64_t size) {
  if (index >= size) return invalid_argument("leaf {} is not in a tree of {} leaves", index, size);
  return with_nodes_read_at_once(nodes, [index, size](auto& ranges, std::vector<Hash>& proof) {
    return append_path(ranges, index, 0, size, proof);
  });
}

Result<std::vector<Hash>> consistency_proof(const NodeReader& nodes, std::uint64_t old_size, std::uint64_t new_size) {
  if (old_size > new_size) return invalid_argument("a tree of {} leaves cannot precede one of {}", old_size, new_size);
  if (old_size == 0 || old_size == new_size) return std::vector<Hash>{};
  return with_nodes_read_at_once(nodes, [old_size, new_size](auto& ranges, std::vector<Hash>& proof) {
    return append_subproof(ranges, old_size, 0, new_size, true, proof);
  });
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
