#include "jala/cli/file_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace jala::cli {

FileSource::FileSource(int descriptor, bool owned, std::optional<std::size_t> size)
    : m_descriptor(descriptor), m_owned(owned), m_size(size) {}

FileSource::~FileSource() {
  if (m_owned) ::close(m_descriptor);
}

Result<std::unique_ptr<FileSource>> FileSource::open(const std::string& path) {
  const bool standard_input = path == "-";
  const int descriptor = standard_input ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0) return unavailable("cannot open: {}", std::strerror(errno));
  struct stat status {};
  std::optional<std::size_t> size;
  if (::fstat(descriptor, &status) == 0) {
    if (S_ISDIR(status.st_mode)) {
      if (!standard_input) ::close(descriptor);
      return invalid_argument("is a directory");
    }
    if (S_ISREG(status.st_mode)) size = static_cast<std::size_t>(status.st_size);
  }
  return std::make_unique<FileSource>(descriptor, !standard_input, size);
}

Result<std::size_t> FileSource::read(std::span<char> buffer) {
  while (true) {
    const ssize_t count = ::read(m_descriptor, buffer.data(), buffer.size());
    if (count >= 0) return static_cast<std::size_t>(count);
    if (errno != EINTR) return unavailable("read failed: {}", std::strerror(errno));
  }
}

}  // namespace jala::cli
