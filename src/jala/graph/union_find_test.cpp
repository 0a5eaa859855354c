#include "jala/graph/union_find.h"

#include <gtest/gtest.h>

#include <queue>
#include <random>

namespace jala::graph {
namespace {

// The naive verifier: components by breadth-first search over an adjacency list.
std::vector<std::uint32_t> components_by_search(std::size_t size,
                                                const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges) {
  std::vector<std::vector<std::uint32_t>> adjacent(size);
  for (const auto& [a, b] : edges) {
    adjacent[a].push_back(b);
    adjacent[b].push_back(a);
  }
  std::vector<std::uint32_t> component(size, UINT32_MAX);
  for (std::uint32_t start = 0; start < size; ++start) {
    if (component[start] != UINT32_MAX) continue;
    std::queue<std::uint32_t> queue;
    queue.push(start);
    component[start] = start;
    while (!queue.empty()) {
      const std::uint32_t node = queue.front();
      queue.pop();
      for (const std::uint32_t next : adjacent[node]) {
        if (component[next] == UINT32_MAX) {
          component[next] = start;
          queue.push(next);
        }
      }
    }
  }
  return component;
}

TEST(UnionFind, AgreesWithBreadthFirstSearchOnRandomGraphs) {
  std::mt19937 random(7);
  for (int round = 0; round < 200; ++round) {
    const std::size_t size = 1 + random() % 300;
    const std::size_t edge_count = random() % (2 * size);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    UnionFind sets(size);
    for (std::size_t e = 0; e < edge_count; ++e) {
      const auto a = static_cast<std::uint32_t>(random() % size);
      const auto b = static_cast<std::uint32_t>(random() % size);
      edges.emplace_back(a, b);
      sets.unite(a, b);
    }
    const std::vector<std::uint32_t> want = components_by_search(size, edges);
    std::vector<std::uint32_t> sizes(size, 0);
    for (std::uint32_t x = 0; x < size; ++x) ++sizes[want[x]];
    for (std::uint32_t x = 0; x < size; ++x) {
      for (std::uint32_t y = x + 1; y < size; y += 1 + static_cast<std::uint32_t>(random() % 7)) {
        ASSERT_EQ(sets.find(x) == sets.find(y), want[x] == want[y]) << "round " << round;
      }
      ASSERT_EQ(sets.size_of(x), sizes[want[x]]);
    }
  }
}

}  // namespace
}  // namespace jala::graph
