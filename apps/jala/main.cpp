#include "jala/cli/app.h"

int main(int argc, char** argv) { return jala::cli::run(argc, argv); }
