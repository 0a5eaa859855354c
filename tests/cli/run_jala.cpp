#include "run_jala.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace jala::testing {
namespace {

int spawn(const std::vector<std::string>& args, const std::string& stdin_file, const std::string& out_file,
          const std::string& err_file, const std::vector<std::string>& extra_environment = {}) {
  std::vector<std::string> argv_storage = {JALA_BINARY};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : argv_storage) argv.push_back(arg.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, stdin_file.empty() ? "/dev/null" : stdin_file.c_str(),
                                   O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  std::vector<std::string> environment_storage = extra_environment;
  std::vector<char*> environment;
  for (std::string& entry : environment_storage) environment.push_back(entry.data());
  for (char** entry = environ; *entry != nullptr; ++entry) environment.push_back(*entry);
  environment.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, JALA_BINARY, &actions, nullptr, argv.data(), environment.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " JALA_BINARY);
  return pid;
}

}  // namespace

JalaRun run_jala(const std::vector<std::string>& args, const std::string& stdin_file,
                 const std::vector<std::string>& extra_environment) {
  const std::string base = std::filesystem::temp_directory_path() / ("jala-cli-" + std::to_string(::getpid()));
  const int pid = spawn(args, stdin_file, base + ".out", base + ".err", extra_environment);
  int status = 0;
  ::waitpid(pid, &status, 0);
  JalaRun run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  run.out = read_file(base + ".out");
  run.err = read_file(base + ".err");
  std::filesystem::remove(base + ".out");
  std::filesystem::remove(base + ".err");
  return run;
}

int start_jala(const std::vector<std::string>& args, const std::string& err_file) {
  return spawn(args, "", "/dev/null", err_file);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

bool wait_for_text(const std::string& file, std::string_view text, std::chrono::seconds limit) {
  for (const auto end = std::chrono::steady_clock::now() + limit; std::chrono::steady_clock::now() < end;) {
    if (read_file(file).find(text) != std::string::npos) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

void write_file(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

}  // namespace jala::testing
