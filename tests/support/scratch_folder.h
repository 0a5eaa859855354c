// A test's scratch folder: temp_directory_path()/"jala-<name>-<pid>", made fresh and empty, and removed
// with everything in it (databases, their -wal and -shm files) when the ScratchFolder goes. Tests include
// it as "support/scratch_folder.h".
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

namespace jala::testing {

class ScratchFolder {
 public:
  explicit ScratchFolder(std::string_view name)
      : m_path(std::filesystem::temp_directory_path() /
               ("jala-" + std::string(name) + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(m_path);
    std::filesystem::create_directories(m_path);
  }
  ~ScratchFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;

  const std::filesystem::path& path() const { return m_path; }
  // The path of `name` inside the folder.
  std::string file(std::string_view name) const { return (m_path / name).string(); }

 private:
  std::filesystem::path m_path;
};

}  // namespace jala::testing
