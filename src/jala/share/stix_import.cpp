#include "jala/share/stix_import.h"

#include <algorithm>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "jala/base/sha256.h"
#include "jala/model/country.h"
#include "jala/model/currency.h"
#include "jala/model/language.h"
#include "jala/share/misp_attributes.h"
#include "jala/share/stix_bundle_index.h"
#include "jala/share/stix_common.h"
#include "jala/share/stix_extensions.h"
#include "jala/share/stix_ids.h"
#include "jala/share/stix_pattern.h"
#include "jala/share/stix_selectors.h"

namespace jala::share {
namespace {

using Json = nlohmann::json;

// How much reading of shared objects one container, and the whole document, may do: a hostile bundle
// could otherwise make each of many reports walk one huge observed-data or parse one huge pattern.
// Following a reference costs one unit, reading a pattern one per 100 bytes more.
constexpr std::size_t k_max_work_per_container = 10'000;
constexpr std::size_t k_max_work_per_document = 2'000'000;

enum class ContainerKind { report, grouping, observed_data, indicator, loose };

struct Container {
  ContainerKind kind;
  const Json* object;  // null for the loose observables
};

std::vector<std::string_view> refs_of(const Json& object) {
  std::vector<std::string_view> refs;
  if (const Json* list = array_member(object, "object_refs")) {
    for (const Json& ref : *list) {
      if (ref.is_string()) {
        refs.emplace_back(ref.get_ref<const std::string&>());
      }
    }
  }
  return refs;
}

bool is_container_type(std::string_view type) {
  return type == "report" || type == "grouping" || type == "observed-data" || type == "indicator";
}

// Reads the selectors of what one container reaches.
class SelectorReader {
 public:
  // `document_work` is what the document has left; the reader spends it.
  SelectorReader(const BundleIndex& index, const model::NormaliseContext& context, SelectorCollector& out,
                 std::size_t& document_work)
      : m_index(index), m_context(context), m_out(out), m_document_work(document_work) {}

  void container(const Json& object) {
    const std::string_view type = *string_member(object, "type");
    if (type == "observed-data" || type == "indicator") {
      reached(object, true);
    } else {
      follow_refs(object, true);
    }
  }

  void observable(const Json& object) { reached(object, false); }

 private:
  // Spends work; false when the container or the document has none left.
  bool spend(std::size_t units) {
    if (m_work + units > k_max_work_per_container || units > m_document_work) {
      return false;
    }
    m_work += units;
    m_document_work -= units;
    return true;
  }

  // Reads what the object's object_refs name, one unit of work each, until the work runs out.
  void follow_refs(const Json& object, bool may_descend) {
    const Json* refs = array_member(object, "object_refs");
    if (refs == nullptr) {
      return;
    }
    for (const Json& ref : *refs) {
      if (!spend(1)) {
        return;
      }
      if (const Json* target = ref.is_string() ? m_index.find(ref.get_ref<const std::string&>()) : nullptr) {
        reached(*target, may_descend);
      }
    }
  }

  void reached(const Json& object, bool may_descend) {
    const std::string_view type = string_member(object, "type").value_or("");
    if (type == "observed-data" && may_descend) {
      follow_refs(object, false);
      if (const Json* embedded = object_member(object, "objects")) {
        for (const auto& [key, value] : embedded->items()) {
          if (!spend(1)) {
            return;
          }
          reached(value, false);
        }
      }
    } else if (type == "indicator") {
      pattern(object);
    } else if (type == "x-misp-object") {
      const Json* attributes = array_member(object, "x_misp_attributes");
      if (attributes == nullptr || !spend(attributes->size())) {
        return;
      }
      for (Result<model::ReportSelector>& selector :
           misp_object_selectors(string_member(object, "x_misp_name").value_or(""), *attributes, m_context)) {
        m_out.add(std::move(selector));
      }
    } else if (type == "x-misp-attribute") {
      for (Result<model::ReportSelector>& selector :
           misp_attribute_selectors(string_member(object, "x_misp_type").value_or(""),
                                    string_member(object, "x_misp_value").value_or(""), m_context)) {
        m_out.add(std::move(selector));
      }
    } else {
      add(type, [&](std::string_view name) { return string_member(object, name); });
    }
  }

  void add(std::string_view type, const PropertyLookup& property) {
    if (std::optional<Result<model::ReportSelector>> selector = selector_from_observable(type, property, m_context)) {
      m_out.add(std::move(*selector));
    }
  }

  void pattern(const Json& indicator) {
    const std::optional<std::string_view> pattern_type = string_member(indicator, "pattern_type");
    const std::optional<std::string_view> text = string_member(indicator, "pattern");
    if (!text || (pattern_type && *pattern_type != "stix") || !spend(1 + text->size() / 100)) {
      return;
    }
    Result<std::vector<PatternObservable>> observables = pattern_observables(*text);
    if (!observables.ok()) {
      return;
    }
    for (const PatternObservable& observable : *observables) {
      add(observable.type, [&](std::string_view name) -> std::optional<std::string_view> {
        for (const auto& [property, value] : observable.properties) {
          if (property == name) {
            return value;
          }
        }
        return std::nullopt;
      });
    }
  }

  const BundleIndex& m_index;
  const model::NormaliseContext& m_context;
  SelectorCollector& m_out;
  std::size_t& m_document_work;
  std::size_t m_work = 0;
};

std::optional<Timestamp> time_member(const Json& object, std::initializer_list<std::string_view> keys) {
  for (const std::string_view key : keys) {
    if (const std::optional<std::string_view> text = string_member(object, key)) {
      if (Result<Timestamp> time = parse_rfc3339(*text); time.ok()) {
        return *time;
      }
    }
  }
  return std::nullopt;
}

std::optional<Timestamp> container_time(const Container& container, const BundleIndex& index) {
  switch (container.kind) {
    case ContainerKind::report: return time_member(*container.object, {"published", "created", "modified"});
    case ContainerKind::grouping: return time_member(*container.object, {"created", "modified"});
    case ContainerKind::observed_data: return time_member(*container.object, {"first_observed", "created", "modified"});
    case ContainerKind::indicator: return time_member(*container.object, {"valid_from", "created", "modified"});
    case ContainerKind::loose: break;
  }
  // Loose observables carry no time: the latest time any object of the document gives, if one does.
  std::optional<Timestamp> latest;
  for (const Json* object : index.objects()) {
    if (const std::optional<Timestamp> time = time_member(*object, {"modified", "created"})) {
      latest = std::max(latest.value_or(*time), *time);
    }
  }
  return latest;
}

model::Tlp container_tlp(const Json& object, const BundleIndex& index) {
  std::optional<model::Tlp> level;
  if (const Json* refs = array_member(object, "object_marking_refs")) {
    for (const Json& ref : *refs) {
      const std::optional<model::Tlp> named =
          ref.is_string() ? index.marking_level(ref.get_ref<const std::string&>()) : std::nullopt;
      if (named && (!level || *named > *level)) {
        level = named;
      }
    }
  }
  return level.value_or(model::k_default_tlp);
}

// What Jala's report extension adds: kind, victim country and loss, when they parse.
void read_report_extension(const Json& extension, model::Report& report) {
  if (Result<model::ReportKind> kind = model::parse_report_kind(string_member(extension, "kind").value_or(""));
      kind.ok()) {
    report.kind = *kind;
  }
  if (Result<std::string> victim = model::parse_country(string_member(extension, "victim_country").value_or(""));
      victim.ok()) {
    report.victim_country = std::move(victim).value();
  }
  if (const Json* loss = object_member(extension, "loss")) {
    const auto amount = loss->find("amount");
    Result<std::string> currency = model::parse_currency(string_member(*loss, "currency").value_or(""));
    if (amount != loss->end() && amount->is_number() && currency.ok()) {
      const double value = amount->get<double>();
      if (std::isfinite(value) && value >= 0) {
        report.loss = model::Money{value, std::move(currency).value()};
      }
    }
  }
}

std::string loose_report_id(const Json& document, const std::vector<const Json*>& loose) {
  if (const std::optional<std::string_view> bundle = string_member(document, "id")) {
    return std::string(*bundle);
  }
  Json ids = Json::array();
  for (const Json* object : loose) {
    ids.push_back(*string_member(*object, "id"));
  }
  const Sha256Digest digest = sha256(canonical_json(ids));
  return "observables-" + to_hex(std::span(digest).first(16));
}

// The container's report, or nothing when it names nothing Jala models.
std::optional<ImportedReport> container_report(const Container& container, const std::vector<const Json*>& loose,
                                               const Json& document, const BundleIndex& index,
                                               const ImportOptions& options, std::size_t& document_work,
                                               DocumentImport& counts) {
  const Json* object = container.object;
  const Json* extension = nullptr;
  if (object != nullptr) {
    if (const Json* extensions = object_member(*object, "extensions")) {
      extension = object_member(*extensions, extension_id(JalaExtension::report));
    }
  }
  const std::string stix_id =
      object != nullptr ? std::string(*string_member(*object, "id")) : loose_report_id(document, loose);
  const auto failed = [&](Error error) { return std::optional<ImportedReport>({stix_id, std::move(error)}); };
  const std::optional<std::string_view> author = object ? string_member(*object, "created_by_ref") : std::nullopt;
  const Json* identity = author ? index.find(*author) : nullptr;

  model::Report report;
  report.id = std::string(extension ? string_member(*extension, "report_id").value_or(stix_id) : stix_id);
  std::optional<std::string_view> stated_source = extension ? string_member(*extension, "source") : std::nullopt;
  if (!stated_source && identity != nullptr) {
    stated_source = string_member(*identity, "name");
  }
  report.source = import_source(stated_source, options, "stix");
  std::optional<std::string_view> stated_country = extension ? string_member(*extension, "country") : std::nullopt;
  if (!stated_country && author) {
    stated_country = index.country_of(*author);
  }
  // What the container names comes first: one that names nothing is skipped, whatever else is wrong.
  Result<std::string> country = import_country(stated_country, options);
  const model::NormaliseContext context{country.ok() ? std::string_view(*country) : std::string_view()};
  SelectorCollector selectors(counts, stix_id);
  SelectorReader reader(index, context, selectors, document_work);
  // A revoked container withdraws the report it gave: kept as a record, naming no selectors.
  report.withdrawn = object != nullptr && is_revoked(*object);
  if (object != nullptr) {
    if (!report.withdrawn) reader.container(*object);
    // A report Jala wrote (its extension) has a name Jala made from its source, id and kind: its text is the
    // description alone, so that it reads back as it was written.
    if (extension == nullptr) append_text(report.text, string_member(*object, "name").value_or(""));
    append_text(report.text, string_member(*object, "description").value_or(""));
  } else {
    for (const Json* observable : loose) {
      reader.observable(*observable);
    }
  }
  const bool needs_selector = container.kind != ContainerKind::report && container.kind != ContainerKind::grouping;
  if (selectors.empty() && (needs_selector || report.text.empty()) && !report.withdrawn) {
    ++counts.skipped_objects;
    return std::nullopt;
  }

  if (!country.ok()) {
    return failed(std::move(country).error());
  }
  report.country = std::move(country).value();
  std::optional<Timestamp> time = container_time(container, index);
  if (!time && container.kind == ContainerKind::loose) {
    time = options.default_time;
  }
  if (!time) {
    return failed(invalid_argument("reported_at: {} states no valid time (published, created, valid_from)",
                                   object != nullptr ? "the object" : "no object of the document"));
  }
  report.reported_at = *time;
  if (object != nullptr) {
    report.tlp = container_tlp(*object, index);
    if (Result<std::string> language = model::parse_language_tag(string_member(*object, "lang").value_or(""));
        language.ok()) {
      report.language = std::move(language).value();
    }
  }
  if (extension != nullptr) {
    read_report_extension(*extension, report);
  }
  report.selectors = selectors.take();
  if (Status valid = model::validate(report); !valid.ok()) {
    return failed(std::move(valid).error());
  }
  return ImportedReport{stix_id, std::move(report)};
}

// The objects of the document: a bundle's or an envelope's, an array, or the one object.
Result<std::vector<const Json*>> items_of(const Json& document) {
  const Json* list = document.is_array() ? &document : array_member(document, "objects");
  std::vector<const Json*> items;
  if (list != nullptr) {
    for (const Json& item : *list) {
      items.push_back(&item);
    }
  } else if (string_member(document, "type") && string_member(document, "id")) {
    items.push_back(&document);
  } else {
    return invalid_argument("not STIX: expected a bundle, {{\"objects\": [...]}}, an array of objects or an object");
  }
  return items;
}

}  // namespace

Result<DocumentImport> import_stix_document(const Json& document, const ImportOptions& options) {
  JALA_TRY_ASSIGN(const std::vector<const Json*> items, items_of(document));
  if (items.size() > options.max_objects) {
    return invalid_argument("the document holds {} objects; the limit is {}", items.size(), options.max_objects);
  }
  DocumentImport result;
  BundleIndex index;
  for (const Json* item : items) {
    const std::optional<std::string_view> type = string_member(*item, "type");
    const std::optional<std::string_view> id = string_member(*item, "id");
    if (!type || !id) {
      ++result.skipped_objects;
      continue;
    }
    ++result.objects;
    index.add(*item, *id);
  }
  index.link();

  // Containers in document order, and everything they reach.
  std::vector<Container> containers;
  std::unordered_set<std::string_view> covered;
  const auto cover = [&](const Json& object) {
    for (const std::string_view ref : refs_of(object)) {
      if (!covered.insert(ref).second) {
        continue;  // covered before, with what it refers to
      }
      const Json* target = index.find_any(ref);
      if (target != nullptr && string_member(*target, "type") == "observed-data") {
        for (const std::string_view inner : refs_of(*target)) {
          covered.insert(inner);
        }
      }
    }
  };
  // What an earlier version of a report, grouping or observed-data named is no report of its own either:
  // its author took it out.
  for (const Json* item : items) {
    const std::optional<std::string_view> type = string_member(*item, "type");
    const std::optional<std::string_view> id = string_member(*item, "id");
    if (type && id && (*type == "report" || *type == "grouping" || *type == "observed-data") &&
        index.find_any(*id) != item) {
      cover(*item);
    }
  }
  for (const Json* object : index.objects()) {
    const std::string_view type = *string_member(*object, "type");
    const std::vector<std::string_view> refs = refs_of(*object);
    const bool groups_reports =
        std::any_of(refs.begin(), refs.end(), [](std::string_view ref) { return ref.starts_with("report--"); });
    if (type == "report" || (type == "grouping" && !groups_reports)) {
      containers.push_back({type == "report" ? ContainerKind::report : ContainerKind::grouping, object});
      cover(*object);  // also when revoked: its observables are no report of their own
    } else if (type == "sighting" && !is_revoked(*object)) {
      // What a sighting sights (a lure account's indicator) was seen in the reports it names, and is no
      // report of its own.
      if (const std::optional<std::string_view> sighted = string_member(*object, "sighting_of_ref")) {
        covered.insert(*sighted);
      }
    }
  }
  std::vector<const Json*> loose;
  for (const Json* object : index.objects()) {
    const std::string_view type = *string_member(*object, "type");
    if (covered.contains(*string_member(*object, "id"))) {
      continue;
    }
    if (type == "observed-data" || type == "indicator") {  // a revoked one withdraws its report
      containers.push_back({type == "indicator" ? ContainerKind::indicator : ContainerKind::observed_data, object});
      cover(*object);
    } else if (is_revoked(*object)) {
      continue;  // no observable of the loose report
    } else if ((!is_container_type(type) && !object->contains("created")) || type == "x-misp-object" ||
               type == "x-misp-attribute") {
      loose.push_back(object);  // observables: SCOs, which carry no `created`, and misp-stix's custom objects
    }
  }
  // An observable may come before the observed-data that covers it.
  std::erase_if(loose, [&](const Json* object) { return covered.contains(*string_member(*object, "id")); });
  if (!loose.empty()) {
    containers.push_back({ContainerKind::loose, nullptr});
  }
  // Every revoked object but those that withdraw their report gives nothing.
  result.skipped_objects += static_cast<std::size_t>(
      std::count_if(index.objects().begin(), index.objects().end(), [](const Json* o) { return is_revoked(*o); }) -
      std::count_if(containers.begin(), containers.end(),
                    [](const Container& c) { return c.object != nullptr && is_revoked(*c.object); }));

  std::size_t document_work = k_max_work_per_document;
  for (const Container& container : containers) {
    if (std::optional<ImportedReport> report =
            container_report(container, loose, document, index, options, document_work, result)) {
      result.reports.push_back(std::move(*report));
    }
  }
  return result;
}

Result<DocumentImport> import_stix(std::string_view bytes, const ImportOptions& options) {
  JALA_TRY_ASSIGN(const Json document, parse_untrusted_json(bytes, options.limits));
  return import_stix_document(document, options);
}

}  // namespace jala::share
