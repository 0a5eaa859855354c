// What the build steps that write C++ sources share (fold_bank_names.cpp, compile_phone_patterns.cpp).
#pragma once

#include <string>
#include <string_view>

namespace jala::model {

// A C++ string literal of `bytes`: bytes outside printable ASCII, quotes, backslashes and question marks
// as octal escapes (at most three digits, so a following digit is never swallowed), cut into lines.
std::string cpp_string_literal(std::string_view bytes);

// Writes to `path` a source that includes `header` and defines `signature` (a function in jala::model
// returning a std::span) over a constant array of `element` whose initialisers are `entries` (lines of
// "{…},"). Says where it came from (`generator`). Returns the process's exit status.
int write_generated_table(const char* path, std::string_view generator, std::string_view header,
                          std::string_view signature, std::string_view element, std::string_view entries);

}  // namespace jala::model
