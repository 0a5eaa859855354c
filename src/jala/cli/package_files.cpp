#include "jala/cli/package_files.h"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <vector>

#include "jala/base/utf8.h"
#include "jala/evidence/zip_directory.h"

namespace jala::cli {
namespace {

namespace fs = std::filesystem;

// A package path is relative, '/'-separated, without empty, "." or ".." parts.
bool safe_path(std::string_view path) {
  if (path.empty() || path.front() == '/' || path.find('\\') != std::string_view::npos) return false;
  std::size_t begin = 0;
  while (begin <= path.size()) {
    const std::size_t end = std::min(path.find('/', begin), path.size());
    const std::string_view part = path.substr(begin, end - begin);
    if (part.empty() || part == "." || part == "..") return false;
    begin = end + 1;
  }
  return true;
}

// Adds a file read from a package. Two files of one name are refused: a zip may hold both, and other
// tools would show the first where the last would be verified.
Status add_file(evidence::PackageFiles& files, std::string path, std::string bytes, std::size_t& total_bytes) {
  if (!safe_path(path)) {
    return invalid_argument("the package holds a file with an unsafe name: {}", quote_untrusted(path));
  }
  if (files.size() >= evidence::k_max_package_files) {
    return invalid_argument("the package holds more than {} files", evidence::k_max_package_files);
  }
  if (files.contains(path)) return invalid_argument("the package holds two files named {}", quote_untrusted(path));
  total_bytes += bytes.size();
  if (total_bytes > evidence::k_max_package_bytes) {
    return invalid_argument("the package's files hold more than {} bytes in all", evidence::k_max_package_bytes);
  }
  files.emplace(std::move(path), std::move(bytes));
  return {};
}

struct ArchiveWriteDeleter {
  void operator()(archive* a) const { archive_write_free(a); }
};
struct ArchiveReadDeleter {
  void operator()(archive* a) const { archive_read_free(a); }
};
struct EntryDeleter {
  void operator()(archive_entry* e) const { archive_entry_free(e); }
};

Result<evidence::PackageFiles> read_directory(const fs::path& directory) {
  evidence::PackageFiles files;
  std::size_t total_bytes = 0;
  std::error_code error;
  for (auto it = fs::recursive_directory_iterator(directory, error); !error && it != fs::recursive_directory_iterator();
       it.increment(error)) {
    const fs::directory_entry& entry = *it;
    if (entry.is_symlink()) {
      return invalid_argument("{}: a symbolic link; packages hold plain files",
                              escape_untrusted(entry.path().string()));
    }
    if (entry.is_directory()) continue;
    if (!entry.is_regular_file()) {
      return invalid_argument("{}: not a regular file", escape_untrusted(entry.path().string()));
    }
    if (entry.file_size() > evidence::k_max_package_file_bytes) {
      return invalid_argument("{}: larger than {} bytes", escape_untrusted(entry.path().string()),
                              evidence::k_max_package_file_bytes);
    }
    std::ifstream in(entry.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) return unavailable("{}: cannot be read", escape_untrusted(entry.path().string()));
    JALA_TRY(add_file(files, fs::relative(entry.path(), directory).generic_string(), std::move(bytes), total_bytes));
  }
  if (error) return unavailable("{}: {}", directory.string(), error.message());
  return files;
}

// The zip's entry names as its central directory lists them, each checked against its local header
// (evidence/zip_directory.h).
Result<std::vector<std::string>> central_directory_names(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::error_code error;
  const std::uintmax_t size = fs::file_size(path, error);
  if (!in || error) return unavailable("{}: cannot be read", path);
  const evidence::ReadAt read_at = [&](std::uint64_t offset, std::size_t length) -> Result<std::string> {
    std::string bytes(length, '\0');
    in.clear();
    in.seekg(static_cast<std::streamoff>(offset));
    in.read(bytes.data(), static_cast<std::streamsize>(length));
    if (in.bad()) return unavailable("cannot be read");
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
  };
  Result<std::vector<std::string>> names = evidence::zip_entry_names(size, read_at, evidence::k_max_package_files);
  if (!names.ok()) return names.error().with_context(path);
  return names;
}

Result<evidence::PackageFiles> read_zip(const std::string& path) {
  JALA_TRY_ASSIGN(std::vector<std::string> listed, central_directory_names(path));
  std::vector<std::string> read_names;
  const std::unique_ptr<archive, ArchiveReadDeleter> zip(archive_read_new());
  archive_read_support_format_zip(zip.get());
  if (archive_read_open_filename(zip.get(), path.c_str(), 1 << 16) != ARCHIVE_OK) {
    return invalid_argument("{}: not a zip file: {}", path, archive_error_string(zip.get()));
  }
  evidence::PackageFiles files;
  std::size_t total_bytes = 0;
  archive_entry* entry = nullptr;
  while (true) {
    const int status = archive_read_next_header(zip.get(), &entry);
    if (status == ARCHIVE_EOF) break;
    if (status != ARCHIVE_OK) return invalid_argument("{}: {}", path, archive_error_string(zip.get()));
    const char* name = archive_entry_pathname(entry);
    const std::string entry_path = name != nullptr ? name : "";
    read_names.push_back(entry_path);
    if (archive_entry_filetype(entry) == AE_IFDIR) continue;
    if (archive_entry_filetype(entry) != AE_IFREG) {
      return invalid_argument("{}: {} is not a plain file", path, quote_untrusted(entry_path));
    }
    std::string bytes;
    char buffer[1 << 16];
    while (true) {
      const la_ssize_t read = archive_read_data(zip.get(), buffer, sizeof buffer);
      if (read < 0) {
        return invalid_argument("{}: {}: {}", path, quote_untrusted(entry_path), archive_error_string(zip.get()));
      }
      if (read == 0) break;
      // Bounded while decompressing: a small zip may expand to gigabytes.
      if (bytes.size() + static_cast<std::size_t>(read) > evidence::k_max_package_file_bytes ||
          total_bytes + bytes.size() + static_cast<std::size_t>(read) > evidence::k_max_package_bytes) {
        return invalid_argument("{}: {} is larger than {} bytes, or the files more than {} in all", path,
                                quote_untrusted(entry_path), evidence::k_max_package_file_bytes,
                                evidence::k_max_package_bytes);
      }
      bytes.append(buffer, static_cast<std::size_t>(read));
    }
    JALA_TRY(add_file(files, entry_path, std::move(bytes), total_bytes));
  }
  // Every entry read is one the central directory lists, and none is left out.
  std::sort(listed.begin(), listed.end());
  std::sort(read_names.begin(), read_names.end());
  if (listed != read_names) {
    return invalid_argument("{}: the zip's entries are not those its central directory lists", path);
  }
  return files;
}

}  // namespace

Status write_package_directory(const evidence::PackageFiles& files, const std::string& directory) {
  std::error_code error;
  if (fs::exists(directory, error) && !fs::is_empty(directory, error)) {
    return failed_precondition("{} exists and is not empty; give a new folder", directory);
  }
  for (const auto& [path, bytes] : files) {
    const fs::path target = fs::path(directory) / path;
    fs::create_directories(target.parent_path(), error);
    if (error) return unavailable("{}: {}", target.parent_path().string(), error.message());
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) return unavailable("{}: cannot be written", target.string());
  }
  return {};
}

Status write_package_zip(const evidence::PackageFiles& files, const std::string& path, Timestamp at) {
  if (fs::exists(path)) return failed_precondition("{} exists; give a new file name", path);
  const std::unique_ptr<archive, ArchiveWriteDeleter> zip(archive_write_new());
  archive_write_set_format_zip(zip.get());
  if (archive_write_open_filename(zip.get(), path.c_str()) != ARCHIVE_OK) {
    return unavailable("{}: {}", path, archive_error_string(zip.get()));
  }
  for (const auto& [name, bytes] : files) {
    const std::unique_ptr<archive_entry, EntryDeleter> entry(archive_entry_new());
    archive_entry_set_pathname(entry.get(), name.c_str());
    archive_entry_set_size(entry.get(), static_cast<la_int64_t>(bytes.size()));
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_perm(entry.get(), 0644);
    archive_entry_set_mtime(entry.get(), at.unix_micros / 1'000'000, 0);
    if (archive_write_header(zip.get(), entry.get()) != ARCHIVE_OK ||
        archive_write_data(zip.get(), bytes.data(), bytes.size()) != static_cast<la_ssize_t>(bytes.size())) {
      return unavailable("{}: {}", path, archive_error_string(zip.get()));
    }
  }
  if (archive_write_close(zip.get()) != ARCHIVE_OK) return unavailable("{}: {}", path, archive_error_string(zip.get()));
  return {};
}

Result<evidence::PackageFiles> read_package(const std::string& path) {
  std::error_code error;
  if (fs::is_directory(path, error)) return read_directory(path);
  if (fs::is_regular_file(path, error)) return read_zip(path);
  return not_found("{}: no such folder or zip file", path);
}

}  // namespace jala::cli
