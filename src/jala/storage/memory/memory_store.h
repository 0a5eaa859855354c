// An in-memory store for tests and for analyses that need no persistence. Writes work on a copy of
// the state that replaces it on commit, so a failed write leaves nothing behind, as in SQLite.
// Thread-compatible: one thread at a time.
#pragma once

#include <map>
#include <memory>
#include <vector>

#include "jala/storage/memory/memory_sharing.h"
#include "jala/storage/store.h"

namespace jala::storage {

class MemoryStore final : public Store {
 public:
  struct State {
    std::map<RecordKey, std::pair<model::Report, Sha256Digest>> reports;
    std::map<RecordKey, std::pair<model::Transaction, Sha256Digest>> transactions;
    std::vector<std::string> log_entries;
    std::map<evidence::NodeId, evidence::Hash> log_nodes;
    std::map<std::pair<std::string, RecordKey>, std::uint64_t> logged;  // (kind, key) -> latest leaf
    MemorySharing sharing;
  };

  Status read(const std::function<Status(const ReadView&)>& body) override;
  Status write(const std::function<Status(WriteTransaction&)>& body) override;

 private:
  State m_state;
};

}  // namespace jala::storage
