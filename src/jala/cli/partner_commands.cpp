// `jala partner add|list|revoke`: partner agencies' agreements. The secret is printed once and only
// its hash is kept (share/partners.h).
#include <fmt/ranges.h>

#include <nlohmann/json.hpp>

#include "jala/cli/share_commands.h"
#include "jala/share/partners.h"
#include "jala/share/taxii.h"
#include "jala/storage/store.h"

namespace jala::cli {

Status partner_add_command(const Context& context, const PartnerAddArgs& args) {
  JALA_TRY(share::check_partner_name(args.name));
  JALA_TRY_ASSIGN(const model::Tlp tlp_max, share::parse_partner_tlp(args.tlp_max));
  for (const std::string& alias : args.collections) {
    if (share::find_collection_by_alias(alias) == nullptr) {
      return invalid_argument("there is no collection '{}'", alias);
    }
  }
  const std::string secret = share::make_partner_secret(args.name);
  JALA_TRY_ASSIGN(const std::string hash, share::hash_partner_secret(secret));
  JALA_TRY_ASSIGN(std::unique_ptr<storage::Store> store, storage::open_store(context.db));
  Status added = store->write([&](storage::WriteTransaction& transaction) -> Status {
    JALA_TRY_ASSIGN(const std::optional<storage::Partner> known, transaction.find_partner(args.name));
    if (known && !known->revoked) {
      return Error(ErrorCode::already_exists,
                   fmt::format("partner {} exists; revoke it first to give it a new secret", args.name));
    }
    return transaction.put_partner(
        {args.name, hash, tlp_max, args.collections, now(), std::nullopt, args.overlap_max_set, args.overlap_per_day});
  });
  if (!added.ok()) return added;
  if (args.output == Output::json) {
    fmt::print(
        "{}\n",
        nlohmann::json{{"partner", args.name}, {"secret", secret}, {"tlp_max", model::to_string(tlp_max)}}.dump());
  } else {
    fmt::print("{}\n", secret);
    fmt::print(stderr, "jala: this is {}'s secret; it is shown only now. Send it by a trusted channel.\n", args.name);
  }
  return {};
}

Status partner_list_command(const Context& context, Output output) {
  JALA_TRY_ASSIGN(std::unique_ptr<storage::Store> store, open_existing_store(context));
  std::vector<storage::Partner> partners;
  Status read = store->read([&](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(partners, view.partners());
    return {};
  });
  if (!read.ok()) return read;
  if (output == Output::json) {
    nlohmann::json list = nlohmann::json::array();
    for (const storage::Partner& partner : partners) {
      list.push_back(
          {{"name", partner.name},
           {"tlp_max", model::to_string(partner.tlp_max)},
           {"collections", partner.collections},
           {"added", format_rfc3339(partner.added)},
           {"revoked", partner.revoked ? nlohmann::json(format_rfc3339(*partner.revoked)) : nlohmann::json()},
           {"overlap_max_set", partner.overlap_max_set},
           {"overlap_per_day", partner.overlap_sessions_per_day}});
    }
    fmt::print("{}\n", nlohmann::json{{"partners", list}}.dump());
    return {};
  }
  for (const storage::Partner& partner : partners) {
    fmt::print(
        "{:<24} TLP:{:<13} {:<20} overlap {}/day of {:<8} {}\n", partner.name, model::to_string(partner.tlp_max),
        partner.collections.empty() ? std::string("all") : fmt::format("{}", fmt::join(partner.collections, ",")),
        partner.overlap_sessions_per_day, partner.overlap_max_set,
        partner.revoked ? "revoked " + format_rfc3339(*partner.revoked) : "active");
  }
  return {};
}

Status partner_revoke_command(const Context& context, const std::string& name) {
  JALA_TRY_ASSIGN(std::unique_ptr<storage::Store> store, open_existing_store(context));
  return store->write([&](storage::WriteTransaction& transaction) -> Status {
    JALA_TRY_ASSIGN(std::optional<storage::Partner> partner, transaction.find_partner(name));
    if (!partner) return not_found("there is no partner {}", name);
    if (partner->revoked) return {};
    partner->revoked = now();
    return transaction.put_partner(*partner);
  });
}

}  // namespace jala::cli
