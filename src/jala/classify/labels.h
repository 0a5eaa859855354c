// The classifier's labels and scam categories (the interface spec's `jala classify`), and how the
// categories of the public training corpora map onto them (docs/model.md). Pure; thread-safe.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace jala::classify {

enum class Label : std::uint8_t { benign, spam, scam };
inline constexpr std::size_t k_labels = 3;

enum class Category : std::uint8_t { job_lure, investment, romance, task, impersonation, loan, prize, phishing, other };
inline constexpr std::size_t k_categories = 9;

std::string_view to_string(Label label);
std::string_view to_string(Category category);
std::optional<Label> parse_label(std::string_view text);
// A category by its own name, or by a public corpus's name for it ("Job Advertisement", "Delivery",
// "Finance/Crypto", …); nullopt when unknown or absent.
std::optional<Category> parse_category(std::string_view text);

}  // namespace jala::classify
