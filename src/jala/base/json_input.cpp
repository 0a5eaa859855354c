#include "jala/base/json_input.h"

#include <fmt/format.h>

#include <string>

#include <nlohmann/json.hpp>

#include "jala/base/utf8.h"

namespace jala {
namespace {

// A SAX pass that builds nothing: it counts values and depth and stops at the first limit passed or
// syntax error. nlohmann's parser is iterative, so hostile nesting cannot exhaust the stack here.
class LimitChecker final : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit LimitChecker(const JsonLimits& limits) : m_limits(limits) {}

  bool null() override { return value(); }
  bool boolean(bool /*value*/) override { return value(); }
  bool number_integer(number_integer_t /*value*/) override { return value(); }
  bool number_unsigned(number_unsigned_t /*value*/) override { return value(); }
  bool number_float(number_float_t /*value*/, const string_t& /*text*/) override { return value(); }
  bool string(string_t& /*value*/) override { return value(); }
  bool binary(binary_t& /*value*/) override { return value(); }
  bool key(string_t& /*value*/) override { return true; }
  bool start_object(std::size_t /*elements*/) override { return open(); }
  bool end_object() override { return close(); }
  bool start_array(std::size_t /*elements*/) override { return open(); }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& /*error*/) override {
    m_error = fmt::format("not JSON: syntax error at byte {} (near {})", position, quote_untrusted(last_token));
    return false;
  }

  const std::string& error() const { return m_error; }

 private:
  bool value() {
    if (++m_values > m_limits.max_values) {
      m_error = fmt::format("the document holds more than {} JSON values", m_limits.max_values);
      return false;
    }
    return true;
  }
  bool open() {
    if (++m_depth > m_limits.max_depth) {
      m_error = fmt::format("the document nests deeper than {} levels", m_limits.max_depth);
      return false;
    }
    return value();
  }
  bool close() {
    --m_depth;
    return true;
  }

  const JsonLimits& m_limits;
  std::size_t m_values = 0;
  std::size_t m_depth = 0;
  std::string m_error;
};

}  // namespace

Result<nlohmann::json> parse_untrusted_json(std::string_view bytes, const JsonLimits& limits) {
  if (bytes.size() > limits.max_bytes) {
    return invalid_argument("the document is {} bytes; the limit is {}", bytes.size(), limits.max_bytes);
  }
  LimitChecker checker(limits);
  if (!nlohmann::json::sax_parse(bytes.begin(), bytes.end(), &checker)) {
    return invalid_argument("{}", checker.error().empty() ? "not JSON" : checker.error());
  }
  nlohmann::json document = nlohmann::json::parse(bytes.begin(), bytes.end(), nullptr, false);
  if (document.is_discarded()) {
    return invalid_argument("not JSON");
  }
  return document;
}

std::optional<std::string_view> string_member(const nlohmann::json& object, std::string_view key) {
  if (!object.is_object()) {
    return std::nullopt;
  }
  const auto found = object.find(key);
  if (found == object.end() || !found->is_string()) {
    return std::nullopt;
  }
  return std::string_view(found->get_ref<const std::string&>());
}

const nlohmann::json* object_member(const nlohmann::json& object, std::string_view key) {
  if (!object.is_object()) {
    return nullptr;
  }
  const auto found = object.find(key);
  return found != object.end() && found->is_object() ? &*found : nullptr;
}

const nlohmann::json* array_member(const nlohmann::json& object, std::string_view key) {
  if (!object.is_object()) {
    return nullptr;
  }
  const auto found = object.find(key);
  return found != object.end() && found->is_array() ? &*found : nullptr;
}

}  // namespace jala
