// Runs the built jala binary as a user would, capturing its exit code, stdout and stderr.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace jala::testing {

struct JalaRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `jala ARGS...` with the working directory unchanged; `stdin_file` (if not empty) is its input,
// and `extra_environment` ("NAME=VALUE") comes before this process's environment, so it wins.
JalaRun run_jala(const std::vector<std::string>& args, const std::string& stdin_file = "",
                 const std::vector<std::string>& extra_environment = {});

// Starts `jala ARGS...` in the background, with its output discarded and its stderr written to
// `err_file`; returns its process id.
int start_jala(const std::vector<std::string>& args, const std::string& err_file = "/dev/null");

std::string read_file(const std::string& path);
// Waits up to `limit` for `file` to hold `text` (a server's port file, a line of its log); whether it came.
bool wait_for_text(const std::string& file, std::string_view text, std::chrono::seconds limit);
void write_file(const std::string& path, const std::string& content);

}  // namespace jala::testing
