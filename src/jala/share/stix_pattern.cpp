#include "jala/share/stix_pattern.h"

#include <map>

namespace jala::share {
namespace {

struct Token {
  enum class Kind { word, op, string, other_literal };
  Kind kind;
  std::string text;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_operator_char(char c) { return c == '=' || c == '!' || c == '<' || c == '>'; }

class PatternReader {
 public:
  explicit PatternReader(std::string_view pattern) : m_text(pattern) {}

  Result<std::vector<std::vector<PatternEquality>>> read() {
    while (m_at < m_text.size()) {
      const char c = m_text[m_at];
      if (c == '\'') {
        JALA_TRY(literal());  // a qualifier's timestamp between observations
      } else if (c == '[') {
        ++m_at;
        JALA_TRY(observation());
      } else {
        ++m_at;
      }
    }
    return std::move(m_observations);
  }

 private:
  // Reads a quoted string from the opening quote; \' and \\ stand for ' and \.
  Result<std::string> literal() {
    std::string value;
    for (++m_at; m_at < m_text.size(); ++m_at) {
      const char c = m_text[m_at];
      if (c == '\\' && m_at + 1 < m_text.size()) {
        value += m_text[++m_at];
      } else if (c == '\'') {
        ++m_at;
        return value;
      } else {
        value += c;
      }
    }
    return invalid_argument("pattern: a string is not closed");
  }

  // A property path or keyword; list indexes ("[*]") and quoted components (".'x-ext'") stay in it.
  Result<std::string> word() {
    std::string text;
    while (m_at < m_text.size()) {
      const char c = m_text[m_at];
      if (c == '[') {
        const std::size_t close = m_text.find(']', m_at);
        if (close == std::string_view::npos) {
          return invalid_argument("pattern: a list index is not closed");
        }
        text += m_text.substr(m_at, close + 1 - m_at);
        m_at = close + 1;
      } else if (c == '\'' && !text.empty() && text.back() == '.') {
        JALA_TRY_ASSIGN(const std::string component, literal());
        text += component;
      } else if (is_space(c) || c == '(' || c == ')' || c == ']' || c == '\'' || is_operator_char(c)) {
        break;
      } else {
        text += c;
        ++m_at;
      }
    }
    return text;
  }

  Status observation() {
    std::vector<Token> tokens;
    while (m_at < m_text.size()) {
      const char c = m_text[m_at];
      if (c == ']') {
        ++m_at;
        return finish(tokens);
      }
      if (is_space(c) || c == '(' || c == ')') {
        ++m_at;
      } else if (c == '\'') {
        JALA_TRY_ASSIGN(std::string value, literal());
        tokens.push_back({Token::Kind::string, std::move(value)});
      } else if (is_operator_char(c)) {
        std::string op;
        while (m_at < m_text.size() && is_operator_char(m_text[m_at])) {
          op += m_text[m_at++];
        }
        tokens.push_back({Token::Kind::op, std::move(op)});
      } else {
        JALA_TRY_ASSIGN(std::string text, word());
        if ((text == "b" || text == "h" || text == "t") && m_at < m_text.size() && m_text[m_at] == '\'') {
          JALA_TRY(literal());  // binary, hex or timestamp constant: never a selector
          tokens.push_back({Token::Kind::other_literal, {}});
        } else {
          tokens.push_back({Token::Kind::word, std::move(text)});
        }
      }
    }
    return invalid_argument("pattern: an observation expression is not closed with ']'");
  }

  Status finish(const std::vector<Token>& tokens) {
    std::vector<PatternEquality> equalities;
    for (std::size_t i = 0; i + 2 < tokens.size(); ++i) {
      const Token& path = tokens[i];
      if (path.kind != Token::Kind::word || tokens[i + 1].kind != Token::Kind::op || tokens[i + 1].text != "=" ||
          tokens[i + 2].kind != Token::Kind::string) {
        continue;
      }
      const std::size_t colon = path.text.find(':');
      if (colon == std::string::npos) {
        continue;
      }
      const std::string_view property = std::string_view(path.text).substr(colon + 1);
      if (property.empty() || property.find_first_of(".[") != std::string_view::npos) {
        continue;
      }
      if (++m_comparisons > k_max_pattern_comparisons) {
        return invalid_argument("pattern: more than {} comparisons", k_max_pattern_comparisons);
      }
      equalities.push_back({path.text.substr(0, colon), std::string(property), tokens[i + 2].text});
    }
    if (!equalities.empty()) {
      m_observations.push_back(std::move(equalities));
    }
    return {};
  }

  std::string_view m_text;
  std::size_t m_at = 0;
  std::size_t m_comparisons = 0;
  std::vector<std::vector<PatternEquality>> m_observations;
};

}  // namespace

Result<std::vector<std::vector<PatternEquality>>> pattern_equalities(std::string_view pattern) {
  if (pattern.size() > k_max_pattern_bytes) {
    return invalid_argument("pattern: {} bytes; the limit is {}", pattern.size(), k_max_pattern_bytes);
  }
  return PatternReader(pattern).read();
}

Result<std::vector<PatternObservable>> pattern_observables(std::string_view pattern) {
  JALA_TRY_ASSIGN(const std::vector<std::vector<PatternEquality>> observations, pattern_equalities(pattern));
  std::vector<PatternObservable> observables;
  for (const std::vector<PatternEquality>& observation : observations) {
    std::map<std::string_view, std::vector<const PatternEquality*>> by_type;
    for (const PatternEquality& equality : observation) {
      by_type[equality.object_type].push_back(&equality);
    }
    for (const auto& [type, equalities] : by_type) {
      std::map<std::string_view, std::size_t> counts;
      for (const PatternEquality* equality : equalities) {
        ++counts[equality->property];
      }
      PatternObservable single{std::string(type), {}};
      for (const PatternEquality* equality : equalities) {
        if (counts[equality->property] == 1) {
          single.properties.emplace_back(equality->property, equality->value);
        }
      }
      const std::size_t before = observables.size();
      for (const PatternEquality* equality : equalities) {
        if (counts[equality->property] > 1) {
          PatternObservable each = single;
          each.properties.emplace_back(equality->property, equality->value);
          observables.push_back(std::move(each));
        }
      }
      if (observables.size() == before) {
        observables.push_back(std::move(single));
      }
    }
  }
  return observables;
}

}  // namespace jala::share
