#include "jala/classify/labels.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>

namespace jala::classify {
namespace {

constexpr std::array<std::string_view, k_labels> k_label_names{"benign", "spam", "scam"};
constexpr std::array<std::string_view, k_categories> k_category_names{
    "job_lure", "investment", "romance", "task", "impersonation", "loan", "prize", "phishing", "other"};

// The public corpora's scam categories (lower-cased), and ours for them.
constexpr std::array<std::pair<std::string_view, Category>, 17> k_corpus_categories{{
    {"job advertisement", Category::job_lure},
    {"finance/crypto", Category::investment},
    {"financial", Category::investment},
    {"wrong number/romance scam", Category::romance},
    {"account alert", Category::impersonation},
    {"delivery", Category::impersonation},
    {"lawsuits/settlements", Category::impersonation},
    {"tax refund", Category::impersonation},
    {"loans/credit", Category::loan},
    {"loan/gamble", Category::loan},
    {"prize/contest", Category::prize},
    {"prize", Category::prize},
    {"credit/debit card", Category::phishing},
    {"covid", Category::other},
    {"other", Category::other},
    {"gamble", Category::other},
    {"promo", Category::other},
}};

}  // namespace

std::string_view to_string(Label label) { return k_label_names[static_cast<std::size_t>(label)]; }
std::string_view to_string(Category category) { return k_category_names[static_cast<std::size_t>(category)]; }

std::optional<Label> parse_label(std::string_view text) {
  for (std::size_t i = 0; i < k_labels; ++i) {
    if (k_label_names[i] == text) return static_cast<Label>(i);
  }
  return std::nullopt;
}

std::optional<Category> parse_category(std::string_view text) {
  for (std::size_t i = 0; i < k_categories; ++i) {
    if (k_category_names[i] == text) return static_cast<Category>(i);
  }
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& [name, category] : k_corpus_categories) {
    if (name == lower) return category;
  }
  return std::nullopt;
}

}  // namespace jala::classify
