// A run of digits as numbers are written, read once for every kind of number (phones, bank accounts, the
// number of a messaging link): number_scanner judges what it is.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace jala::extract {

constexpr std::size_t k_max_number_digits = 34;  // the longest bank account numbers

// A digit run with its separators: "+84 (0) 912-345.678": its groups of digits are separated by up to
// two of space, '-', '.', '/', '(' and ')' (three around a parenthesis), or by a hyphen at the end of a line.
struct NumberRun {
  std::size_t end = 0;
  std::string digits;                   // ASCII digits only
  bool plus = false;                    // written with '+'
  bool international = false;           // written with '+' or "00"
  std::array<std::size_t, 8> groups{};  // digit count of the first groups
  std::size_t group_count = 0;
  std::array<char, 8> separators{};         // the first separator after each of the first groups
  std::array<std::size_t, 8> group_ends{};  // where each of the first groups ends
};

// The run that starts at `start` (a digit or '+').
NumberRun read_number(std::string_view text, std::size_t start);

}  // namespace jala::extract
