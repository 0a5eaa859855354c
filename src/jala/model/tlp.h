// Traffic Light Protocol 2.0 (FIRST): the sharing level of every item Jala holds. The order of the
// enum is the order of restriction, so `a <= b` means "a may go wherever b may".
// Pure; thread-safe.
#pragma once

#include <array>
#include <string_view>

#include "jala/base/result.h"

namespace jala::model {

enum class Tlp { clear, green, amber, amber_strict, red };

inline constexpr Tlp k_default_tlp = Tlp::amber;
// Every level, least restrictive first.
inline constexpr std::array<Tlp, 5> k_tlp_levels = {Tlp::clear, Tlp::green, Tlp::amber, Tlp::amber_strict, Tlp::red};

std::string_view to_string(Tlp level);         // "clear", "green", "amber", "amber+strict", "red"
Result<Tlp> parse_tlp(std::string_view text);  // accepts any case and a "tlp:" prefix

}  // namespace jala::model
