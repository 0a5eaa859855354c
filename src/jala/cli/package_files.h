// An evidence package (evidence/package.h) on disk: written to a new folder or a zip file, and read
// back from either for `jala evidence verify`. Reading treats the package as hostile input: only
// regular files with safe relative paths, at most evidence::k_max_package_files files of at most
// evidence::k_max_package_file_bytes each; a zip's entries must be named alike in their local headers
// and its central directory (evidence/zip_directory.h).
#pragma once

#include <string>

#include "jala/base/result.h"
#include "jala/evidence/package.h"

namespace jala::cli {

// Writes into `directory`, which must not exist or be empty.
Status write_package_directory(const evidence::PackageFiles& files, const std::string& directory);
// Writes one zip file (deflated entries, modification time `at`); fails if `path` exists.
Status write_package_zip(const evidence::PackageFiles& files, const std::string& path, Timestamp at);
// Reads a folder, or a zip file when `path` is a regular file.
Result<evidence::PackageFiles> read_package(const std::string& path);

}  // namespace jala::cli
