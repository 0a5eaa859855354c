// jala evidence export, verify and custody: court-ready packages of a network's records with their
// inclusion proofs (evidence/package.h), checked offline with nothing but the package; and each
// record's chain of custody events in the evidence log.
#include <fmt/core.h>

#include <cstdlib>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "jala/base/sha256.h"
#include "jala/base/utf8.h"
#include "jala/cli/commands.h"
#include "jala/cli/linked_store.h"
#include "jala/cli/package_files.h"
#include "jala/evidence/package.h"
#include "jala/storage/store.h"

namespace jala::cli {
namespace {

using storage::RecordKey;

// The package item of one stored record: its canonical bytes, and the log entry and proof of its
// latest version, which must still match what the store holds.
template <typename Record>
Result<evidence::PackageItem> package_item(const storage::ReadView& view, const evidence::NodeReader& nodes,
                                           std::string_view kind, const Record& record, std::uint64_t tree_size) {
  evidence::PackageItem item{std::string(kind), record.source, record.id, storage::canonical_record(record), {}, 0, {}};
  JALA_TRY_ASSIGN(const std::optional<std::uint64_t> index, view.log_index(kind, {record.source, record.id}));
  if (!index) {
    return failed_precondition("{} {} {} is not in the evidence log; run `jala evidence audit`", kind, record.source,
                               record.id);
  }
  item.leaf_index = *index;
  JALA_TRY_ASSIGN(item.entry, view.log_entry(*index));
  if (nlohmann::json::parse(item.entry, nullptr, false).value("sha256", "") != to_hex(sha256(item.record))) {
    return failed_precondition("{} {} {} changed since it was logged; run `jala evidence audit`", kind, record.source,
                               record.id);
  }
  JALA_TRY_ASSIGN(item.proof, evidence::inclusion_proof(nodes, *index, tree_size));
  return item;
}

// The network's reports, then the transactions into or out of its accounts, each with its proof. The
// network is found by linking every report (its hubs and stray links depend on all of them); its
// transactions are read alone, through the store's indexes.
Status collect_items(const storage::ReadView& view, const std::string& network_id, evidence::TreeHead& head,
                     std::vector<evidence::PackageItem>& items) {
  JALA_TRY_ASSIGN(const analysis::LinkedStore linked, link_view(view));
  JALA_TRY_ASSIGN(const graph::NetworkSummary* network, analysis::find_network(linked, network_id));
  const std::vector<model::Selector> selectors = analysis::network_selectors(linked, *network);
  JALA_TRY_ASSIGN(const flow::Ledger ledger, view.ledger_of(selectors));
  JALA_TRY_ASSIGN(head.size, view.log_size());
  // Every proof is against this one tree head: its right edge is read once for all of them.
  const storage::LogNodes log(view);
  JALA_TRY_ASSIGN(const evidence::RightEdgeCache nodes, evidence::RightEdgeCache::read(log, head.size));
  JALA_TRY_ASSIGN(head.root, evidence::root(nodes, head.size));
  for (const graph::ReportId r : network->reports) {
    const RecordKey key{linked.input.report(r).source, linked.input.report(r).id};
    JALA_TRY_ASSIGN(const std::optional<model::Report> report, view.find_report(key));
    if (!report) return data_loss("report {} {} disappeared while exporting", key.source, key.id);
    JALA_TRY_ASSIGN(evidence::PackageItem item, package_item(view, nodes, "report", *report, head.size));
    items.push_back(std::move(item));
  }
  std::set<flow::TransferId> transfers;
  for (const flow::AccountId account : analysis::network_accounts(ledger, selectors)) {
    transfers.insert(ledger.incoming(account).begin(), ledger.incoming(account).end());
    transfers.insert(ledger.outgoing(account).begin(), ledger.outgoing(account).end());
  }
  for (const flow::TransferId t : transfers) {
    const RecordKey key{std::string(ledger.source(t)), std::string(ledger.record_id(t))};
    JALA_TRY_ASSIGN(const std::optional<model::Transaction> transaction, view.find_transaction(key));
    if (!transaction) return data_loss("transaction {} {} disappeared while exporting", key.source, key.id);
    JALA_TRY_ASSIGN(evidence::PackageItem item, package_item(view, nodes, "transaction", *transaction, head.size));
    items.push_back(std::move(item));
  }
  return {};
}

std::string default_who() {
  const char* user = std::getenv("USER");
  return user != nullptr && *user != '\0' ? user : "unknown";
}

}  // namespace

Status evidence_export_command(const Context& context, const EvidenceExportArgs& args) {
  // They go into the log's JSON entries, which hold UTF-8 text only.
  if (!is_valid_utf8(args.who)) return invalid_argument("--who: not UTF-8 text");
  if (!is_valid_utf8(args.legal_basis)) return invalid_argument("--legal-basis: not UTF-8 text");
  JALA_TRY_ASSIGN(const std::string key_path, node_key_path(context));
  // The store first: a mistyped --db must leave no new key behind.
  JALA_TRY_ASSIGN(std::unique_ptr<storage::Store> store, open_existing_store(context));
  JALA_TRY_ASSIGN(const evidence::SigningKey key, evidence::SigningKey::load_or_create(key_path));
  evidence::TreeHead head;
  std::vector<evidence::PackageItem> items;
  JALA_TRY(store->read([&](const storage::ReadView& view) { return collect_items(view, args.network, head, items); }));
  head.timestamp = now();
  const std::string who = args.who.empty() ? default_who() : args.who;
  if (!is_valid_utf8(who)) return invalid_argument("$USER is not UTF-8 text; give --who");
  const evidence::PackageAction action{"network " + args.network, who,
                                       args.legal_basis.empty() ? "not stated" : args.legal_basis, head.timestamp};
  const evidence::PackageFiles files = evidence::build_package(action, items, key.sign(head), key);
  if (args.zip) {
    JALA_TRY(write_package_zip(files, args.out, head.timestamp));
  } else {
    JALA_TRY(write_package_directory(files, args.out));
  }
  // Each item's custody chain records the export, naming the package by its manifest's SHA-256 and the
  // version exported by its leaf and SHA-256: a version logged after the package was read would
  // otherwise pass for the exported one, as the event chains to the record's latest version.
  const std::string manifest_sha256 = to_hex(sha256(files.at("manifest.jsonld")));
  const Status logged = store->write([&](storage::WriteTransaction& transaction) -> Status {
    for (const evidence::PackageItem& item : items) {
      const storage::CustodyEvent event{storage::CustodyAction::exported,
                                        item.kind,
                                        {item.source, item.id},
                                        action.performer,
                                        action.legal_basis,
                                        fmt::format("package manifest sha256 {}, version at leaf {} sha256 {}",
                                                    manifest_sha256, item.leaf_index, to_hex(sha256(item.record))),
                                        head.timestamp};
      JALA_TRY(transaction.append_custody(event));
    }
    return {};
  });
  if (!logged.ok()) return logged.error().with_context("the package is written, but its custody events are not logged");
  if (args.output == Output::json) {
    const nlohmann::ordered_json out{{"out", args.out},           {"items", items.size()},
                                     {"files", files.size()},     {"tree_size", head.size},
                                     {"root", to_hex(head.root)}, {"manifest_sha256", manifest_sha256}};
    fmt::print("{}\n", out.dump());
  } else {
    fmt::print("exported {} items of network {} to {} ({} files), proven against the log of {} entries\n", items.size(),
               args.network, args.out, files.size(), head.size);
    fmt::print("check it with: jala evidence verify {}\n", args.out);
  }
  return {};
}

Result<int> evidence_verify_command(const std::string& path, Output output) {
  JALA_TRY_ASSIGN(const evidence::PackageFiles files, read_package(path));
  const evidence::Verification verified = evidence::verify_package(files);
  if (output == Output::json) {
    nlohmann::ordered_json out{{"ok", verified.ok()},
                               {"items", verified.items},
                               {"items_verified", verified.items_verified},
                               {"problems", verified.problems}};
    if (verified.head) {
      out["tree_size"] = verified.head->head.size;
      out["root"] = to_hex(verified.head->head.root);
    }
    if (verified.key) out["public_key"] = to_hex(*verified.key);
    // A package's file names need not be UTF-8; in JSON their stray bytes become U+FFFD.
    fmt::print("{}\n", out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
  } else {
    // Problems name the package's files, which are untrusted: escaped, so that none acts on the terminal.
    for (const std::string& problem : verified.problems) fmt::print("FAILED {}\n", escape_for_terminal(problem));
    fmt::print("{}: {} of {} items verified{}\n", verified.ok() ? "verified" : "NOT verified", verified.items_verified,
               verified.items, verified.key ? ", signed by public key " + to_hex(*verified.key) : "");
  }
  return verified.ok() ? 0 : 1;
}

Status evidence_custody_command(const Context& context, const CustodyArgs& args) {
  if (args.kind != "report" && args.kind != "transaction") {
    return invalid_argument("'{}' is not report or transaction", args.kind);
  }
  JALA_TRY_ASSIGN(std::unique_ptr<storage::Store> store, open_existing_store(context));
  std::map<std::uint64_t, nlohmann::json, std::greater<>> chain;  // newest first
  JALA_TRY(store->read([&](const storage::ReadView& view) -> Status {
    const RecordKey key{args.source, args.id};
    JALA_TRY_ASSIGN(std::optional<std::uint64_t> index, view.log_index("custody:" + args.kind, key));
    if (!index) {
      JALA_TRY_ASSIGN(index, view.log_index(args.kind, key));
    }
    if (!index) return not_found("the evidence log does not name {} {} {}", args.kind, args.source, args.id);
    // Follow `previous` back to a logged version of the record, and from an event that names `earlier`
    // (the events about the versions before) that chain too. Every step goes to an earlier leaf.
    std::vector<std::uint64_t> pending{*index};
    const auto earlier_leaf = [](const nlohmann::json& parsed, std::string_view member, std::uint64_t than) {
      const auto found = parsed.find(member);
      return parsed.value("kind", "") == "custody" && found != parsed.end() && found->is_number_unsigned() &&
                     found->get<std::uint64_t>() < than
                 ? std::optional<std::uint64_t>(found->get<std::uint64_t>())
                 : std::nullopt;
    };
    while (!pending.empty()) {
      const std::uint64_t at = pending.back();
      pending.pop_back();
      if (chain.contains(at)) continue;
      JALA_TRY_ASSIGN(const std::string entry, view.log_entry(at));
      nlohmann::json parsed = nlohmann::json::parse(entry, nullptr, false);
      if (parsed.is_discarded()) return data_loss("log entry {} is not JSON; run `jala evidence audit`", at);
      for (const char* member : {"previous", "earlier"}) {
        if (const std::optional<std::uint64_t> next = earlier_leaf(parsed, member, at)) pending.push_back(*next);
      }
      chain.emplace(at, std::move(parsed));
    }
    return {};
  }));
  if (args.output == Output::json) {
    nlohmann::json events = nlohmann::json::array();
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      events.push_back({{"leaf", it->first}, {"entry", it->second}});
    }
    fmt::print("{}\n", nlohmann::json{{"events", std::move(events)}}.dump());
    return {};
  }
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const nlohmann::json& entry = it->second;
    if (entry.value("kind", "") == "custody") {
      fmt::print("{}\n", escape_for_terminal(fmt::format("leaf {}  {}  {} by {} (legal basis: {}) {}", it->first,
                                                         entry.value("at", ""), entry.value("action", ""),
                                                         entry.value("who", ""), entry.value("legal_basis", ""),
                                                         entry.value("detail", ""))));
    } else {
      fmt::print("{}\n", escape_for_terminal(fmt::format("leaf {}  {}  logged: {} {} {}, sha256 {}", it->first,
                                                         entry.value("logged_at", ""), entry.value("kind", ""),
                                                         entry.value("source", ""), entry.value("id", ""),
                                                         entry.value("sha256", ""))));
    }
  }
  return {};
}

}  // namespace jala::cli
