// A Merkle tree held in memory, filled by appending, as the store keeps one: for the evidence tests.
#pragma once

#include <map>
#include <string_view>
#include <vector>

#include "jala/evidence/merkle.h"

namespace jala::evidence {

// The tree as the store keeps it: every complete subtree, filled by appending.
class MemoryTree final : public NodeReader {
 public:
  Result<Hash> node(NodeId id) const override {
    const auto found = m_nodes.find(id);
    if (found == m_nodes.end()) return not_found("no node at level {} index {}", id.level, id.index);
    return found->second;
  }
  void append(std::string_view entry) {
    const std::vector<Node> completed = nodes_completed_by_append(*this, m_size, leaf_hash(entry)).value();
    for (const Node& node : completed) m_nodes[node.id] = node.hash;
    ++m_size;
  }
  std::uint64_t size() const { return m_size; }

 private:
  std::map<NodeId, Hash> m_nodes;
  std::uint64_t m_size = 0;
};

}  // namespace jala::evidence
