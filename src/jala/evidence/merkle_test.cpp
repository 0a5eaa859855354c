#include "jala/evidence/merkle.h"
#include "jala/evidence/memory_tree_for_tests.h"

#include <gtest/gtest.h>

#include <bit>
#include <map>
#include <random>

namespace jala::evidence {
namespace {

Hash from_hex(std::string_view hex) {
  Hash hash{};
  for (std::size_t i = 0; i < hash.size(); ++i) {
    hash[i] = static_cast<std::uint8_t>(std::stoi(std::string(hex.substr(2 * i, 2)), nullptr, 16));
  }
  return hash;
}

std::string bytes_from_hex(std::string_view hex) {
  std::string bytes;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    bytes += static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
  }
  return bytes;
}

// RFC 6962 / 9162 as written: MTH, PATH and SUBPROOF by recursion over the leaf hashes.
struct ReferenceTree {
  std::vector<Hash> leaves;

  Hash mth(std::size_t begin, std::size_t end) const {
    if (end - begin == 0) return empty_root();
    if (end - begin == 1) return leaves[begin];
    const std::size_t k = std::bit_floor(end - begin - 1);
    return node_hash(mth(begin, begin + k), mth(begin + k, end));
  }
  std::vector<Hash> path(std::size_t m, std::size_t begin, std::size_t end) const {
    if (end - begin <= 1) return {};
    const std::size_t k = std::bit_floor(end - begin - 1);
    std::vector<Hash> out = m < k ? path(m, begin, begin + k) : path(m - k, begin + k, end);
    out.push_back(m < k ? mth(begin + k, end) : mth(begin, begin + k));
    return out;
  }
  std::vector<Hash> subproof(std::size_t m, std::size_t begin, std::size_t end, bool b) const {
    if (m == end - begin) return b ? std::vector<Hash>{} : std::vector<Hash>{mth(begin, end)};
    const std::size_t k = std::bit_floor(end - begin - 1);
    std::vector<Hash> out = m <= k ? subproof(m, begin, begin + k, b) : subproof(m - k, begin + k, end, false);
    out.push_back(m <= k ? mth(begin + k, end) : mth(begin, begin + k));
    return out;
  }
};

// The RFC 6962 test vectors of the Certificate Transparency and transparency-dev projects: eight
// leaves, the roots of their first 1 to 8, and known inclusion and consistency proofs.
const std::vector<std::string> k_vector_leaves = {
    "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"};
const std::vector<std::string_view> k_vector_roots = {
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

struct VectorProof {
  std::uint64_t first;   // leaf number (1-based) or old size
  std::uint64_t second;  // tree size or new size
  std::vector<std::string_view> proof;
};
const std::vector<VectorProof> k_vector_inclusions = {
    {1,
     8,
     {"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}},
    {6,
     8,
     {"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}},
    {3, 3, {"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"}},
    {2,
     5,
     {"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"}},
};
const std::vector<VectorProof> k_vector_consistencies = {
    {1,
     8,
     {"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}},
    {6,
     8,
     {"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}},
    {2,
     5,
     {"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"}},
    {6,
     7,
     {"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}},
};

std::vector<Hash> hashes(const std::vector<std::string_view>& hex) {
  std::vector<Hash> out;
  for (std::string_view h : hex) out.push_back(from_hex(h));
  return out;
}

TEST(Merkle, PublicTestVectors) {
  EXPECT_EQ(to_hex(empty_root()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  MemoryTree tree;
  for (std::size_t i = 0; i < k_vector_leaves.size(); ++i) {
    tree.append(bytes_from_hex(k_vector_leaves[i]));
    EXPECT_EQ(to_hex(root(tree, i + 1).value()), k_vector_roots[i]) << "size " << i + 1;
  }
  for (const VectorProof& vector : k_vector_inclusions) {
    const std::vector<Hash> want = hashes(vector.proof);
    EXPECT_EQ(inclusion_proof(tree, vector.first - 1, vector.second).value(), want);
    const Hash leaf = leaf_hash(bytes_from_hex(k_vector_leaves[vector.first - 1]));
    EXPECT_TRUE(
        verify_inclusion(leaf, vector.first - 1, vector.second, want, from_hex(k_vector_roots[vector.second - 1]))
            .ok());
  }
  for (const VectorProof& vector : k_vector_consistencies) {
    const std::vector<Hash> want = hashes(vector.proof);
    EXPECT_EQ(consistency_proof(tree, vector.first, vector.second).value(), want);
    EXPECT_TRUE(verify_consistency(vector.first, vector.second, want, from_hex(k_vector_roots[vector.first - 1]),
                                   from_hex(k_vector_roots[vector.second - 1]))
                    .ok());
  }
}

// Against the reference tree on every size from 1 to 2,000: the root of every size; proofs for every
// leaf of the small trees and for sampled leaves of every fifth larger one, each of which verifies.
TEST(Merkle, MatchesTheReferenceTreeOnEverySizeUpTo2000) {
  MemoryTree tree;
  ReferenceTree reference;
  std::mt19937_64 random(2026);
  for (std::uint64_t size = 1; size <= 2000; ++size) {
    const std::string entry = "entry " + std::to_string(size);
    tree.append(entry);
    reference.leaves.push_back(leaf_hash(entry));
    const Hash tree_root = root(tree, size).value();
    ASSERT_EQ(tree_root, reference.mth(0, size)) << size;
    const std::uint64_t samples = size <= 64 ? size : size % 5 == 0 ? 3 : 0;
    for (std::uint64_t s = 0; s < samples; ++s) {
      const std::uint64_t index = size <= 64 ? s : random() % size;
      const std::vector<Hash> path = inclusion_proof(tree, index, size).value();
      ASSERT_EQ(path, reference.path(index, 0, size)) << index << " in " << size;
      ASSERT_TRUE(verify_inclusion(reference.leaves[index], index, size, path, tree_root).ok());
      const std::uint64_t old_size = index + 1;
      const std::vector<Hash> consistency = consistency_proof(tree, old_size, size).value();
      const std::vector<Hash> want =
          old_size == size ? std::vector<Hash>{} : reference.subproof(old_size, 0, size, true);
      ASSERT_EQ(consistency, want) << old_size << " -> " << size;
      ASSERT_TRUE(verify_consistency(old_size, size, consistency, reference.mth(0, old_size), tree_root).ok());
    }
  }
}

// A writer that keeps the tree's right edge appends as one that reads every node back from the tree:
// over batches of random sizes, whether the edge was kept from the start or read afresh at the batch's
// start (as each write transaction does).
TEST(Merkle, CompactRangeAppendsAsTheFullTreeDoes) {
  MemoryTree tree;
  CompactRange kept;
  std::mt19937_64 random(2026);
  while (tree.size() < 3000) {
    CompactRange read_back = CompactRange::read(tree, tree.size()).value();
    ASSERT_EQ(read_back.size(), tree.size());
    for (std::uint64_t batch = 1 + random() % 100; batch > 0; --batch) {
      const std::string entry = "entry " + std::to_string(tree.size());
      const std::vector<Node> want = nodes_completed_by_append(tree, tree.size(), leaf_hash(entry)).value();
      ASSERT_EQ(kept.append(leaf_hash(entry)), want) << tree.size();
      ASSERT_EQ(read_back.append(leaf_hash(entry)), want) << tree.size();
      tree.append(entry);
    }
  }
  // The edge is all it holds: the tree's node for each set bit of the size.
  ASSERT_EQ(kept.size(), tree.size());
  for (unsigned level = 0; (tree.size() >> level) != 0; ++level) {
    const NodeId id{level, (tree.size() >> level) - 1};
    const bool on_edge = ((tree.size() >> level) & 1U) == 1;
    ASSERT_EQ(kept.node(id).ok(), on_edge) << level;
    if (on_edge) {
      EXPECT_EQ(kept.node(id).value(), tree.node(id).value()) << level;
    }
  }
  EXPECT_EQ(kept.node({0, 0}).error().code(), ErrorCode::not_found);
}

// A tree that notes how it is read.
class CountingTree final : public NodeReader {
 public:
  explicit CountingTree(const MemoryTree& tree) : m_tree(tree) {}
  Result<Hash> node(NodeId id) const override {
    ++single;
    asked.push_back(id);
    return m_tree.node(id);
  }
  Result<std::vector<Hash>> nodes(std::span<const NodeId> ids) const override {
    ++batches;
    asked.insert(asked.end(), ids.begin(), ids.end());
    return m_tree.nodes(ids);
  }
  mutable int single = 0;
  mutable int batches = 0;
  mutable std::vector<NodeId> asked;

 private:
  const MemoryTree& m_tree;
};

// Roots and proofs ask for every node they need in one call, so that a store can read them in one
// query; the answers are those of node-by-node reads (the tests above).
TEST(Merkle, RootsAndProofsReadTheirNodesInOneCall) {
  MemoryTree tree;
  for (int i = 0; i < 1000; ++i) tree.append("leaf " + std::to_string(i));
  const CountingTree counting(tree);
  ASSERT_EQ(root(counting, 999).value(), root(tree, 999).value());
  ASSERT_EQ(inclusion_proof(counting, 300, 999).value(), inclusion_proof(tree, 300, 999).value());
  ASSERT_EQ(consistency_proof(counting, 300, 999).value(), consistency_proof(tree, 300, 999).value());
  EXPECT_EQ(counting.batches, 3);
  EXPECT_EQ(counting.single, 0);
}

// Through a right-edge cache, roots and proofs are the same; once the edge is read, only nodes off it
// are asked of the tree, and a root asks for none.
TEST(Merkle, RightEdgeCacheProvesTheSameAndReadsTheEdgeOnce) {
  MemoryTree tree;
  for (int i = 0; i < 1000; ++i) tree.append("leaf " + std::to_string(i));
  for (const std::uint64_t size : {1U, 2U, 512U, 999U, 1000U}) {
    const CountingTree counting(tree);
    const RightEdgeCache cached = RightEdgeCache::read(counting, size).value();
    const CompactRange edge = CompactRange::read(tree, size).value();
    counting.asked.clear();
    EXPECT_EQ(root(cached, size).value(), root(tree, size).value()) << size;
    EXPECT_TRUE(counting.asked.empty()) << size;
    for (const std::uint64_t index : {0UL, size / 3, size / 2, size - 1}) {
      EXPECT_EQ(inclusion_proof(cached, index, size).value(), inclusion_proof(tree, index, size).value()) << index;
      EXPECT_EQ(consistency_proof(cached, index + 1, size).value(), consistency_proof(tree, index + 1, size).value());
    }
    EXPECT_EQ(cached.node({0, size - 1}).value(), tree.node({0, size - 1}).value());
    for (const NodeId id : counting.asked) EXPECT_FALSE(edge.holds(id)) << id.level << " " << id.index;
  }
}

// A proof that fails in any one way is refused: each bit of each hash, a wrong index or size, a
// missing, extra or reordered node, a wrong root.
TEST(Merkle, RefusesEveryCorruptedProof) {
  MemoryTree tree;
  for (int i = 0; i < 37; ++i) tree.append("leaf " + std::to_string(i));
  const Hash tree_root = root(tree, 37).value();
  const Hash old_root = root(tree, 13).value();
  const Hash leaf = leaf_hash("leaf 12");
  const std::vector<Hash> path = inclusion_proof(tree, 12, 37).value();
  const std::vector<Hash> consistency = consistency_proof(tree, 13, 37).value();
  ASSERT_TRUE(verify_inclusion(leaf, 12, 37, path, tree_root).ok());
  ASSERT_TRUE(verify_consistency(13, 37, consistency, old_root, tree_root).ok());

  for (std::size_t node = 0; node < path.size(); ++node) {
    for (int bit = 0; bit < 256; bit += 37) {
      std::vector<Hash> corrupted = path;
      corrupted[node][bit / 8] ^= static_cast<std::uint8_t>(1U << (bit % 8));
      EXPECT_FALSE(verify_inclusion(leaf, 12, 37, corrupted, tree_root).ok());
    }
  }
  for (const std::uint64_t index : {11U, 13U, 14U}) {
    EXPECT_FALSE(verify_inclusion(leaf, index, 37, path, tree_root).ok());
  }
  // A tree of another height (the size itself is bound by the signed tree head, not by the proof).
  for (const std::uint64_t size : {74U, 18U}) EXPECT_FALSE(verify_inclusion(leaf, 12, size, path, tree_root).ok());
  std::vector<Hash> longer = path;
  longer.push_back(tree_root);
  EXPECT_FALSE(verify_inclusion(leaf, 12, 37, longer, tree_root).ok());
  EXPECT_FALSE(verify_inclusion(leaf, 12, 37, std::span(path).first(path.size() - 1), tree_root).ok());
  EXPECT_FALSE(verify_inclusion(leaf, 12, 37, path, old_root).ok());

  for (std::size_t node = 0; node < consistency.size(); ++node) {
    std::vector<Hash> corrupted = consistency;
    corrupted[node][0] ^= 0x10;
    EXPECT_FALSE(verify_consistency(13, 37, corrupted, old_root, tree_root).ok());
  }
  for (const std::uint64_t old_size : {12U, 14U, 15U}) {
    EXPECT_FALSE(verify_consistency(old_size, 37, consistency, old_root, tree_root).ok());
  }
  EXPECT_FALSE(verify_consistency(13, 37, {}, old_root, tree_root).ok());
  EXPECT_FALSE(verify_consistency(13, 37, consistency, tree_root, old_root).ok());
  EXPECT_FALSE(verify_consistency(37, 13, consistency, tree_root, old_root).ok());
  EXPECT_TRUE(verify_consistency(0, 37, {}, empty_root(), tree_root).ok());
}

}  // namespace
}  // namespace jala::evidence
