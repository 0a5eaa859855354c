// The sharing subcommands (docs/formats/cli.md, docs/formats/taxii.md): `jala serve`, `jala partner
// add|list|revoke`, `jala sync` and `jala overlap`. They are registered by add_share_commands, so that app.cpp stays a
// list of the other commands.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "jala/cli/commands.h"
#include "jala/storage/sharing.h"

namespace jala::cli {

// For options that take an ISO 3166-1 alpha-2 code, in any case: replaces the value by its canonical
// form ("vn" -> "VN"); any other value is a usage error (exit 2), like every bad option value.
CLI::Validator country_code();

struct ServeArgs {
  std::string listen = "127.0.0.1:8080";
  int threads = 0;  // 0: one per core
  std::string tls_certificate;
  std::string tls_key;
  bool plain_http_anywhere = false;
  std::string agency;  // the node's identity; kept in the store after the first serve
  std::string country;
  std::size_t max_body_bytes = std::size_t{16} << 20;
  std::size_t max_connections = 4096;            // TLS connections open at once
  std::size_t max_connections_per_address = 64;  // of them, from one client address
  std::string port_file;  // where to write the port once listening (for scripts and tests)
  bool quiet = false;     // no request log
};

struct PartnerAddArgs {
  std::string name;
  std::string tlp_max = "green";
  std::vector<std::string> collections;  // empty: every collection partners may use
  std::uint32_t overlap_max_set = storage::k_default_overlap_max_set;
  std::uint32_t overlap_per_day = storage::k_default_overlap_sessions_per_day;
  Output output = Output::text;
};

struct SyncArgs {
  std::string from;         // the partner's base URL, e.g. https://node-a.example:8443
  std::string partner;      // the partner's name here: the origin of what comes in
  std::string secret_file;  // the secret the partner gave this node; else $JALA_PARTNER_SECRET
  std::string ca_file;      // the CA that signs the partner's certificate
  std::string model;        // the classifier that assesses each report; empty: default_model_path()
  Output output = Output::text;
};

struct OverlapArgs {
  std::string with;                // the partner's base URL
  std::string partner;             // the partner's name here, for the report
  std::vector<std::string> types;  // selector types to compare; empty: every type
  bool count_only = false;         // learn only how many are shared, not which
  std::string secret_file;         // else $JALA_PARTNER_SECRET
  std::string ca_file;
  Output output = Output::text;
};

Status serve_command(const Context& context, const ServeArgs& args);
Status partner_add_command(const Context& context, const PartnerAddArgs& args);
Status partner_list_command(const Context& context, Output output);
Status partner_revoke_command(const Context& context, const std::string& name);
Status sync_command(const Context& context, const SyncArgs& args);
Status overlap_command(const Context& context, const OverlapArgs& args);
// The secret a partner gave this node: the first line of `file`, else $JALA_PARTNER_SECRET.
Result<std::string> partner_secret(const std::string& file);

// Registers the subcommands on `app`; run_share_command runs whichever was parsed.
class ShareCommands {
 public:
  explicit ShareCommands(CLI::App& app);
  // The exit code of the sharing command given, or nothing when the command was another.
  std::optional<int> run(const Context& context, const std::function<int(std::string_view, const Error&)>& report);

 private:
  ServeArgs m_serve;
  PartnerAddArgs m_partner_add;
  std::string m_revoke;
  SyncArgs m_sync;
  OverlapArgs m_overlap;
  bool m_json = false;
  CLI::App* m_serve_app = nullptr;
  CLI::App* m_partner_add_app = nullptr;
  CLI::App* m_partner_list_app = nullptr;
  CLI::App* m_partner_revoke_app = nullptr;
  CLI::App* m_sync_app = nullptr;
  CLI::App* m_overlap_app = nullptr;
};

}  // namespace jala::cli
