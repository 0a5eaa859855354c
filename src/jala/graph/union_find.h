// Disjoint sets over 0..n-1 with union by size and path halving: near-constant amortised time per
// operation. Not thread-safe.
#pragma once

#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

namespace jala::graph {

class UnionFind {
 public:
  explicit UnionFind(std::size_t size) : m_parent(size), m_size(size, 1) {
    std::iota(m_parent.begin(), m_parent.end(), std::uint32_t{0});
  }

  std::uint32_t find(std::uint32_t x) {
    while (m_parent[x] != x) {
      m_parent[x] = m_parent[m_parent[x]];
      x = m_parent[x];
    }
    return x;
  }

  // Joins the sets of a and b; returns false when they were already one.
  bool unite(std::uint32_t a, std::uint32_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return false;
    if (m_size[a] < m_size[b]) std::swap(a, b);
    m_parent[b] = a;
    m_size[a] += m_size[b];
    return true;
  }

  std::uint32_t size_of(std::uint32_t x) { return m_size[find(x)]; }
  // How many elements (not sets).
  std::size_t size() const { return m_parent.size(); }

 private:
  std::vector<std::uint32_t> m_parent;
  std::vector<std::uint32_t> m_size;
};

}  // namespace jala::graph
