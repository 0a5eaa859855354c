// The memory backend's sharing tables (storage/sharing.h). Internal to storage/memory/.
// Thread-compatible.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "jala/storage/sharing.h"

namespace jala::storage {

struct MemorySharing {
  std::vector<SharedObject> objects;  // in the order they were added
  std::map<std::string, Partner, std::less<>> partners;
  std::map<std::string, std::string, std::less<>> state;

  std::vector<SharedObject> query(const SharedObjectQuery& query) const;
  bool put(SharedObject object, Timestamp now);
  bool raise(const SharedObject& object);
};

}  // namespace jala::storage
