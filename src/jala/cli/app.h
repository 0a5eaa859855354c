// The jala command line: parses arguments, runs one command, and maps its outcome to the exit codes
// of the interface spec (0 success, 1 the request failed, 2 usage error).
#pragma once

namespace jala::cli {

int run(int argc, char** argv);

}  // namespace jala::cli
