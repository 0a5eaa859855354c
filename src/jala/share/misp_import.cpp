#include "jala/share/misp_import.h"

#include <charconv>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "jala/base/sha256.h"
#include "jala/model/country.h"
#include "jala/model/text.h"
#include "jala/share/misp_attributes.h"
#include "jala/share/stix_common.h"
#include "jala/share/stix_ids.h"

namespace jala::share {
namespace {

// The organisation's nationality, when it names a country by code or by English name.
std::optional<std::string> nationality_country(const nlohmann::json& event) {
  for (const std::string_view key : {"Orgc", "Org"}) {
    const nlohmann::json* organisation = object_member(event, key);
    const std::optional<std::string_view> nationality =
        organisation ? string_member(*organisation, "nationality") : std::nullopt;
    if (!nationality || nationality->empty()) {
      continue;
    }
    if (Result<std::string> code = model::parse_country(*nationality); code.ok()) {
      return *code;
    }
    const std::string wanted = model::ascii_lower(*nationality);
    for (const model::CountryInfo& country : model::all_countries()) {
      if (model::ascii_lower(country.name) == wanted) {
        return std::string(country.alpha2);
      }
    }
  }
  return std::nullopt;
}

std::optional<std::string_view> organisation_name(const nlohmann::json& event) {
  for (const std::string_view key : {"Orgc", "Org"}) {
    if (const nlohmann::json* organisation = object_member(event, key)) {
      if (const std::optional<std::string_view> name = string_member(*organisation, "name")) {
        return name;
      }
    }
  }
  return std::nullopt;
}

// Unix seconds written as a number or as digits; bounded to years 0-9999.
std::optional<Timestamp> unix_seconds(const nlohmann::json& event, std::string_view key) {
  constexpr std::int64_t k_max_seconds = 253'402'300'799;
  const auto found = event.find(key);
  if (found == event.end()) {
    return std::nullopt;
  }
  std::int64_t seconds = -1;
  if (found->is_number_integer()) {
    seconds = found->get<std::int64_t>();
  } else if (found->is_string()) {
    const std::string& text = found->get_ref<const std::string&>();
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    if (error != std::errc() || end != text.data() + text.size()) {
      return std::nullopt;
    }
  }
  if (seconds <= 0 || seconds > k_max_seconds) {
    return std::nullopt;  // MISP writes 0 for "not published"
  }
  return Timestamp{seconds * 1'000'000};
}

Result<Timestamp> event_time(const nlohmann::json& event) {
  if (const std::optional<std::string_view> date = string_member(event, "date")) {
    Result<Timestamp> day = parse_rfc3339(fmt::format("{}T00:00:00Z", date->substr(0, 10)));
    if (day.ok()) {
      return day;
    }
  }
  for (const std::string_view key : {"timestamp", "publish_timestamp"}) {
    if (const std::optional<Timestamp> time = unix_seconds(event, key)) {
      return *time;
    }
  }
  return invalid_argument("date: the event has no date or timestamp");
}

std::string event_id(const nlohmann::json& event) {
  if (const std::optional<std::string_view> uuid = string_member(event, "uuid"); uuid && !uuid->empty()) {
    return std::string(*uuid);
  }
  const auto id = event.find("id");
  if (id != event.end() && (id->is_string() || id->is_number_integer())) {
    std::string text = id->is_string() ? id->get<std::string>() : std::to_string(id->get<std::int64_t>());
    if (!text.empty()) {
      return text;
    }
  }
  const Sha256Digest digest = sha256(canonical_json(event));
  return "sha256-" + to_hex(std::span(digest).first(16));
}

// The most restrictive tlp: tag of the event ({"Tag": [{"name"}]} or {"EventTag": [{"Tag": {"name"}}]}).
model::Tlp event_tlp(const nlohmann::json& event) {
  std::optional<model::Tlp> level;
  const auto consider = [&](const nlohmann::json& tag) {
    const std::optional<std::string_view> name = string_member(tag, "name");
    const std::optional<model::Tlp> named =
        name && model::ascii_lower(name->substr(0, 4)) == "tlp:" ? parse_tlp_label(*name) : std::nullopt;
    if (named && (!level || *named > *level)) {
      level = named;
    }
  };
  if (const nlohmann::json* tags = array_member(event, "Tag")) {
    for (const nlohmann::json& tag : *tags) {
      consider(tag);
    }
  }
  if (const nlohmann::json* tags = array_member(event, "EventTag")) {
    for (const nlohmann::json& entry : *tags) {
      if (const nlohmann::json* tag = object_member(entry, "Tag")) {
        consider(*tag);
      }
    }
  }
  return level.value_or(model::k_default_tlp);
}

// Appends the prose attributes of the event (object_name empty) or of one of its objects.
void read_prose(std::string_view object_name, const nlohmann::json& attributes, std::string& text) {
  for (const nlohmann::json& attribute : attributes) {
    const std::optional<std::string_view> type = string_member(attribute, "type");
    const std::optional<std::string_view> value = string_member(attribute, "value");
    const std::string_view relation = string_member(attribute, "object_relation").value_or("");
    if (type && value && misp_is_prose(object_name, relation, *type) && !misp_is_deleted(attribute)) {
      append_text(text, *value);
    }
  }
}

ImportedReport event_report(const nlohmann::json& event, const ImportOptions& options, DocumentImport& counts) {
  const std::string origin = event_id(event);
  const auto failed = [&](Error error) { return ImportedReport{origin, std::move(error)}; };
  model::Report report;
  report.id = origin;
  report.source = import_source(organisation_name(event), options, "misp");
  Result<std::string> country = import_country(nationality_country(event), options);
  if (!country.ok()) {
    return failed(std::move(country).error());
  }
  report.country = std::move(country).value();
  Result<Timestamp> time = event_time(event);
  if (!time.ok()) {
    return failed(std::move(time).error());
  }
  report.reported_at = *time;
  report.tlp = event_tlp(event);
  if (const std::optional<std::string_view> info = string_member(event, "info")) {
    append_text(report.text, *info);
  }

  const model::NormaliseContext context{report.country};
  SelectorCollector selectors(counts, origin);
  if (const nlohmann::json* attributes = array_member(event, "Attribute")) {
    read_prose("", *attributes, report.text);
    for (const nlohmann::json& attribute : *attributes) {
      const std::optional<std::string_view> type = string_member(attribute, "type");
      const std::optional<std::string_view> value = string_member(attribute, "value");
      if (!type || !value || misp_is_deleted(attribute)) {
        continue;
      }
      for (Result<model::ReportSelector>& selector : misp_attribute_selectors(*type, *value, context)) {
        selectors.add(std::move(selector));
      }
    }
  }
  if (const nlohmann::json* objects = array_member(event, "Object")) {
    for (const nlohmann::json& object : *objects) {
      const nlohmann::json* attributes = array_member(object, "Attribute");
      if (attributes == nullptr || misp_is_deleted(object)) {
        continue;
      }
      const std::string_view name = string_member(object, "name").value_or("");
      read_prose(name, *attributes, report.text);
      for (Result<model::ReportSelector>& selector : misp_object_selectors(name, *attributes, context)) {
        selectors.add(std::move(selector));
      }
    }
  }
  report.selectors = selectors.take();
  if (Status valid = model::validate(report); !valid.ok()) {
    return failed(std::move(valid).error());
  }
  return {origin, std::move(report)};
}

bool looks_like_event(const nlohmann::json& value) {
  return value.is_object() && (value.contains("Attribute") || value.contains("Object") || value.contains("info"));
}

// The events of the document, in order; an item of a list that is no event is skipped and counted.
Result<std::vector<const nlohmann::json*>> events_of(const nlohmann::json& document, DocumentImport& counts) {
  std::vector<const nlohmann::json*> events;
  const nlohmann::json* list = document.is_array() ? &document : array_member(document, "response");
  if (list != nullptr) {
    for (const nlohmann::json& item : *list) {
      const nlohmann::json* event = object_member(item, "Event");
      if (event == nullptr && looks_like_event(item)) {
        event = &item;
      }
      if (event == nullptr) {
        ++counts.skipped_objects;
      } else {
        events.push_back(event);
      }
    }
  } else if (const nlohmann::json* event = object_member(document, "Event")) {
    events.push_back(event);
  } else if (looks_like_event(document)) {
    events.push_back(&document);
  }
  if (events.empty()) {
    return invalid_argument(
        "not a MISP event: expected {{\"Event\": {{...}}}}, {{\"response\": [...]}}, a list of events, or an event "
        "with Attribute, Object or info");
  }
  return events;
}

std::size_t item_count(const nlohmann::json& event) {
  std::size_t count = 1;
  for (const std::string_view key : {"Attribute", "Object"}) {
    if (const nlohmann::json* items = array_member(event, key)) {
      count += items->size();
      if (key == "Object") {
        for (const nlohmann::json& object : *items) {
          const nlohmann::json* attributes = array_member(object, "Attribute");
          count += attributes == nullptr ? 0 : attributes->size();
        }
      }
    }
  }
  return count;
}

}  // namespace

Result<DocumentImport> import_misp(std::string_view bytes, const ImportOptions& options) {
  JALA_TRY_ASSIGN(const nlohmann::json document, parse_untrusted_json(bytes, options.limits));
  DocumentImport result;
  JALA_TRY_ASSIGN(const std::vector<const nlohmann::json*> events, events_of(document, result));
  for (const nlohmann::json* event : events) {
    result.objects += item_count(*event);
  }
  if (result.objects > options.max_objects) {
    return invalid_argument("the document holds {} events, attributes and objects; the limit is {}", result.objects,
                            options.max_objects);
  }
  for (const nlohmann::json* event : events) {
    result.reports.push_back(event_report(*event, options, result));
  }
  return result;
}

}  // namespace jala::share
