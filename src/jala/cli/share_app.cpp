#include "jala/cli/share_commands.h"

namespace jala::cli {

ShareCommands::ShareCommands(CLI::App& app) {
  m_serve_app = app.add_subcommand("serve", "Serve partners over TAXII 2.1 and analysts over the JSON API");
  m_serve_app->add_option("--listen", m_serve.listen,
                          "HOST:PORT to listen on (default 127.0.0.1:8080; port 0 picks one)");
  m_serve_app->add_option("--threads", m_serve.threads, "Worker threads (default: one per core)")
      ->check(CLI::Range(0, 256));
  m_serve_app->add_option("--tls-cert", m_serve.tls_certificate, "PEM certificate chain: serve HTTPS");
  m_serve_app->add_option("--tls-key", m_serve.tls_key, "PEM private key of the certificate");
  m_serve_app->add_flag("--allow-plain-http", m_serve.plain_http_anywhere,
                        "Serve plain HTTP on a non-loopback address (behind a TLS proxy only)");
  m_serve_app->add_option("--agency", m_serve.agency, "The agency this node speaks for (kept after the first serve)");
  m_serve_app->add_option("--country", m_serve.country, "The agency's country, ISO 3166-1 alpha-2")
      ->transform(country_code());
  m_serve_app->add_option("--max-body", m_serve.max_body_bytes, "Largest request body in bytes (default 16 MiB)");
  m_serve_app
      ->add_option("--max-connections", m_serve.max_connections,
                   "TLS connections open at once; at the cap new ones wait (default 4096)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 20));
  m_serve_app
      ->add_option("--max-connections-per-address", m_serve.max_connections_per_address,
                   "TLS connections open at once from one client address; more are closed (default 64)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 20));
  m_serve_app->add_option("--port-file", m_serve.port_file, "Write the port to this file once listening");
  m_serve_app->add_flag("--quiet", m_serve.quiet, "No request log on stderr");

  CLI::App* partner_app = app.add_subcommand("partner", "Partner agencies' agreements and secrets");
  partner_app->require_subcommand(1);
  m_partner_add_app = partner_app->add_subcommand("add", "Add a partner and print its secret, once");
  m_partner_add_app->add_option("name", m_partner_add.name, "Lower-case letters, digits, - and _")->required();
  m_partner_add_app->add_option("--tlp-max", m_partner_add.tlp_max,
                                "The highest TLP it may receive: clear, green (default), amber or amber+strict");
  m_partner_add_app->add_option("--collections", m_partner_add.collections, "Collections it may use (default: all)")
      ->delimiter(',');
  m_partner_add_app
      ->add_option("--overlap-max-set", m_partner_add.overlap_max_set,
                   "The most selectors it may send in one private overlap (default 1000000)")
      ->check(CLI::Range(1U, 4'194'304U));
  m_partner_add_app
      ->add_option("--overlap-per-day", m_partner_add.overlap_per_day,
                   "How many private overlaps it may start in any 24 hours; 0 allows none (default 24)")
      ->check(CLI::Range(0U, 100'000U));
  m_partner_add_app->add_flag("--json", m_json, "Print JSON");
  m_partner_list_app = partner_app->add_subcommand("list", "List partners and their agreements");
  m_partner_list_app->add_flag("--json", m_json, "Print JSON");
  m_partner_revoke_app = partner_app->add_subcommand("revoke", "Refuse a partner's secret from now on");
  m_partner_revoke_app->add_option("name", m_revoke, "The partner")->required();

  m_sync_app = app.add_subcommand("sync", "Pull what a partner shares with this node over TAXII 2.1, incrementally");
  m_sync_app->add_option("--from", m_sync.from, "The partner's base URL")->required();
  m_sync_app->add_option("--partner", m_sync.partner, "The partner's name here: the origin of what comes in")
      ->required();
  m_sync_app->add_option("--secret-file", m_sync.secret_file,
                         "A file holding the secret the partner gave this node (default $JALA_PARTNER_SECRET)");
  m_sync_app->add_option("--ca-file", m_sync.ca_file, "The CA that signs the partner's certificate");
  m_sync_app->add_option("--model", m_sync.model,
                         "The classifier that assesses each report (default: the shipped one)");
  m_sync_app->add_flag("--json", m_json, "Print JSON");

  m_overlap_app = app.add_subcommand(
      "overlap", "Find which of this node's selectors a partner also holds, without either showing its list");
  m_overlap_app->add_option("--with", m_overlap.with, "The partner's base URL")->required();
  m_overlap_app->add_option("--partner", m_overlap.partner, "The partner's name here")->required();
  m_overlap_app->add_option("--types", m_overlap.types, "Selector types to compare, e.g. phone,wallet,iban")
      ->delimiter(',');
  m_overlap_app->add_flag("--count-only", m_overlap.count_only, "Learn only how many are shared, not which");
  m_overlap_app->add_option("--secret-file", m_overlap.secret_file,
                            "A file holding the secret the partner gave this node (default $JALA_PARTNER_SECRET)");
  m_overlap_app->add_option("--ca-file", m_overlap.ca_file, "The CA that signs the partner's certificate");
  m_overlap_app->add_flag("--json", m_json, "Print JSON");
}

std::optional<int> ShareCommands::run(const Context& context,
                                      const std::function<int(std::string_view, const Error&)>& report) {
  const Output output = m_json ? Output::json : Output::text;
  const auto finish = [&](std::string_view name, const Status& status) {
    return status.ok() ? 0 : report(name, status.error());
  };
  if (m_serve_app->parsed()) return finish("serve", serve_command(context, m_serve));
  if (m_partner_add_app->parsed()) {
    m_partner_add.output = output;
    return finish("partner add", partner_add_command(context, m_partner_add));
  }
  if (m_partner_list_app->parsed()) return finish("partner list", partner_list_command(context, output));
  if (m_partner_revoke_app->parsed()) return finish("partner revoke", partner_revoke_command(context, m_revoke));
  if (m_sync_app->parsed()) {
    m_sync.output = output;
    return finish("sync", sync_command(context, m_sync));
  }
  if (m_overlap_app->parsed()) {
    m_overlap.output = output;
    return finish("overlap", overlap_command(context, m_overlap));
  }
  return std::nullopt;
}

}  // namespace jala::cli
