// `jala sync` against a hostile partner: whatever the partner answers (its discovery, its collections, its
// pages of objects), the sync must end with a result or an error, send nothing to another origin (the
// node's secret goes with every request), and never overwrite one of the node's own reports.
//
// Input: the partner's answers, one after another, separated by "\n--\n". In each, the first line is the
// X-TAXII-Date-Added-Last header (empty for none) and the rest is the body; the status is 200. When the
// answers run out, the partner is unreachable.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "jala/server/sync_session.h"
#include "jala/storage/memory/memory_store.h"

namespace {

constexpr std::string_view k_partner_origin = "https://partner.example:8443";
constexpr std::string_view k_separator = "\n--\n";

jala::model::Report own_report() {
  jala::model::Report report;
  report.source = "PH-NBI";
  report.id = "own-1";
  report.kind = jala::model::ReportKind::victim_complaint;
  report.country = "PH";
  report.tlp = jala::model::Tlp::red;
  report.text = "the node's own report";
  return report;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const jala::classify::Model classifier;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  jala::storage::MemoryStore store;
  const jala::Status ready = store.write([](jala::storage::WriteTransaction& transaction) -> jala::Status {
    JALA_TRY_ASSIGN(const jala::storage::PutOutcome outcome, transaction.put_report(own_report()));
    static_cast<void>(outcome);
    return {};
  });
  if (!ready.ok()) std::abort();

  const jala::server::PartnerGet get = [&](const std::string& url) -> jala::Result<jala::server::ClientResponse> {
    if (!url.starts_with(std::string(k_partner_origin) + "/")) std::abort();  // the secret would leave
    if (input.empty()) return jala::unavailable("the partner is gone");
    const std::size_t end = std::min(input.find(k_separator), input.size());
    std::string_view answer = input.substr(0, end);
    input.remove_prefix(std::min(end + k_separator.size(), input.size()));
    const std::size_t line_end = std::min(answer.find('\n'), answer.size());
    jala::server::ClientResponse response;
    response.status = 200;
    if (line_end > 0) response.headers.emplace_back("x-taxii-date-added-last", std::string(answer.substr(0, line_end)));
    response.body = std::string(answer.substr(std::min(line_end + 1, answer.size())));
    return response;
  };
  const auto synced =
      jala::server::sync_from(get, k_partner_origin, "partner", store, classifier, [](std::string_view) {});
  static_cast<void>(synced);

  const jala::Status kept = store.read([](const jala::storage::ReadView& view) -> jala::Status {
    JALA_TRY_ASSIGN(const std::optional<jala::model::Report> own, view.find_report({"PH-NBI", "own-1"}));
    if (!own || own->text != own_report().text || own->tlp != jala::model::Tlp::red) std::abort();
    return {};
  });
  if (!kept.ok()) std::abort();
  return 0;
}
