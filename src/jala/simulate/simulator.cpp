#include "jala/simulate/simulator.h"

#include <fmt/core.h>
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "jala/simulate/money.h"
#include "jala/simulate/phrases.h"
#include "jala/simulate/surface.h"

namespace jala::simulate {
namespace {

using Json = nlohmann::ordered_json;
using model::SelectorType;

constexpr std::uint64_t k_report_stream = 0x7265706f7274;  // "report"
constexpr std::size_t k_progress_every = 10'000;
constexpr std::int64_t k_seconds_per_day = 86'400;

enum class Kind { victim_complaint, chat_export, lure_ad, suspicious_transaction_report, takedown };
constexpr std::array<std::string_view, 5> k_kind_names = {"victim_complaint", "chat_export", "lure_ad",
                                                          "suspicious_transaction_report", "takedown"};

enum class Carrier { text_only, form_only, both };

Kind draw_kind(Random& random) {
  const double point = random.unit();
  if (point < 0.55) return Kind::victim_complaint;
  if (point < 0.70) return Kind::chat_export;
  if (point < 0.85) return Kind::lure_ad;
  if (point < 0.95) return Kind::suspicious_transaction_report;
  return Kind::takedown;
}

ClauseKind clause_for(SelectorType type) {
  switch (type) {
    case SelectorType::telegram: return ClauseKind::telegram;
    case SelectorType::line: return ClauseKind::line;
    case SelectorType::whatsapp: return ClauseKind::whatsapp;
    case SelectorType::zalo: return ClauseKind::zalo;
    case SelectorType::domain: return ClauseKind::site;
    case SelectorType::email: return ClauseKind::email;
    case SelectorType::bank: return ClauseKind::bank;
    case SelectorType::wallet: return ClauseKind::wallet;
    default: return ClauseKind::phone;
  }
}

Mention mention_of(const Contact& contact) { return {contact.type, contact.value, contact.phone_country, nullptr, {}}; }
Mention mention_of(const BankAccount& account) {
  return {SelectorType::bank, account.canonical(), nullptr, account.bank, account.digits};
}

// The selectors one report names, with the clause each is written in.
struct Named {
  Mention mention;
  ClauseKind clause;
  bool hub = false;
};

// What an operation's report names: a few of its contacts (the first ones most often, so that
// contacts recur across its reports), and by kind its recruiters, collectors and wallets.
std::vector<Named> operation_mentions(Random& random, const Operation& operation, Kind kind, const Country& where) {
  std::vector<Named> named;
  const auto add_contact = [&](const Contact& contact) {
    const bool seen = std::any_of(named.begin(), named.end(), [&](const Named& each) {
      return each.mention.type == contact.type && each.mention.value == contact.value;
    });
    if (!seen) named.push_back({mention_of(contact), clause_for(contact.type)});
  };
  const auto contacts = [&](std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
      add_contact(operation.contacts[random.zipf_rank(operation.contacts.size(), 1.0)]);
    }
  };
  const auto collector = [&] {
    const std::vector<const BankAccount*> in_country = operation.collectors_in(where);
    named.push_back({mention_of(*in_country[random.below(in_country.size())]), ClauseKind::bank});
  };
  const auto wallet = [&] {
    const std::string& address = operation.cashout_wallets[random.below(operation.cashout_wallets.size())];
    named.push_back({{SelectorType::wallet, address, nullptr, nullptr, {}}, ClauseKind::wallet});
  };
  switch (kind) {
    case Kind::victim_complaint:
      contacts(static_cast<std::size_t>(random.between(1, 3)));
      if (random.chance(0.6)) collector();
      if (random.chance(0.3)) wallet();
      break;
    case Kind::chat_export:
      contacts(static_cast<std::size_t>(random.between(1, 2)));
      if (random.chance(0.4)) collector();
      break;
    case Kind::lure_ad:
      add_contact(operation.recruiters[random.zipf_rank(operation.recruiters.size(), 1.0)]);
      if (random.chance(0.5)) add_contact(operation.recruiters.back());  // the job site
      break;
    case Kind::suspicious_transaction_report:
      collector();
      if (random.chance(0.5)) wallet();
      break;
    case Kind::takedown:
      add_contact(operation.recruiters.back());
      if (random.chance(0.5)) contacts(1);
      break;
  }
  return named;
}

Named hub_mention(Random& random) {
  const Hubs& hub = hubs();
  switch (random.below(4)) {
    case 0: {
      const std::string_view phone = random.pick(hub.hotline_phones);
      const auto home = std::find_if(countries().begin(), countries().end(), [&](const Country& each) {
        return phone.substr(1).starts_with(each.calling_code);
      });
      return {{SelectorType::phone, std::string(phone), &*home, nullptr, {}, NationalForm::never},
              ClauseKind::hotline,
              true};
    }
    case 1:
      return {{SelectorType::domain, std::string(random.pick(hub.exchange_domains)), nullptr, nullptr, {}},
              ClauseKind::exchange,
              true};
    case 2:
      return {{SelectorType::phone, std::string(hub.help_desk_phone), &country("SG"), nullptr, {}},
              ClauseKind::help_desk,
              true};
    default: {
      const std::string_view value = hub.payment_processor_bank;
      return {{SelectorType::bank, std::string(value), nullptr, &country("SG").banks[0],
               std::string(value.substr(value.find(':') + 1))},
              ClauseKind::bank,
              true};
    }
  }
}

// A noise report's own selector: a fresh phone or handle that no operation owns.
Named noise_mention(Random& random, const Country& where) {
  if (random.chance(0.5)) {
    return {{SelectorType::phone, make_phone(random, where), &where, nullptr, {}}, ClauseKind::phone};
  }
  return {{SelectorType::telegram, make_handle(random), nullptr, nullptr, {}}, ClauseKind::telegram};
}

class Simulation {
 public:
  Simulation(const SimulationParameters& parameters, SimulationOutput& output)
      : m_parameters(parameters),
        m_output(output),
        m_economy({parameters.seed, parameters.operations, parameters.reports, parameters.size_exponent, 4}),
        m_money(parameters.seed, output),
        m_random(parameters.seed, k_report_stream) {}

  SimulationSummary run(const std::function<void(std::size_t)>& on_progress) {
    write_truth_head();
    for (std::size_t index = 0; index < m_parameters.reports; ++index) {
      write_report(index);
      const double per_report = m_parameters.background_per_report;
      const auto whole = static_cast<std::size_t>(per_report);
      for (std::size_t i = 0; i < whole; ++i) m_money.write_background(m_random, m_last_report_at);
      if (m_random.chance(per_report - static_cast<double>(whole))) {
        m_money.write_background(m_random, m_last_report_at);
      }
      if (on_progress && (index + 1) % k_progress_every == 0) on_progress(index + 1);
    }
    m_money.write_settlements();
    write_truth_tail();
    return {m_parameters.reports, m_noise_reports, m_money.transactions(), m_economy.operations().size()};
  }

 private:
  void write_report(std::size_t index) {
    const bool noise = m_random.chance(m_parameters.noise_share);
    Operation* operation = noise ? nullptr : &m_economy.draw(m_random);
    const Kind kind = noise ? (m_random.chance(0.8) ? Kind::victim_complaint : Kind::chat_export) : draw_kind(m_random);
    const Country& where = noise ? countries()[m_random.zipf_rank(countries().size(), 0.8)]
                                 : *operation->victim_countries[m_random.below(operation->victim_countries.size())];
    std::vector<Named> named;
    if (noise) {
      if (m_random.chance(0.7)) named.push_back(noise_mention(m_random, where));
    } else {
      named = operation_mentions(m_random, *operation, kind, where);
      ++operation->reports;
    }
    if (m_random.chance(m_parameters.hub_share)) named.push_back(hub_mention(m_random));

    const std::int64_t day = noise ? static_cast<std::int64_t>(m_random.below(365))
                                   : operation->active_from_day + m_random.between(0, operation->active_days - 1);
    m_last_report_at =
        k_simulation_epoch_seconds + day * k_seconds_per_day + m_random.between(0, k_seconds_per_day - 1);

    Carrier carrier = m_random.chance(m_parameters.text_only_share) ? Carrier::text_only
                      : m_random.chance(0.5)                        ? Carrier::form_only
                                                                    : Carrier::both;
    if (named.empty()) carrier = Carrier::text_only;
    // The payment processor is named by its BIC, which only forms carry: in text, a foreign bank's
    // name resolves in the report's country to no BIC.
    const auto is_processor = [](const Named& each) { return each.hub && each.mention.type == SelectorType::bank; };
    if (carrier == Carrier::text_only && std::any_of(named.begin(), named.end(), is_processor)) carrier = Carrier::both;

    Json record;
    record["id"] = fmt::format("SIM-{:09d}", index + 1);
    record["source"] = kind == Kind::suspicious_transaction_report ? std::string(where.code) + "-FIU"
                       : kind == Kind::takedown                    ? std::string("SIM-TAKEDOWN")
                                                                   : std::string(where.agency);
    record["kind"] = k_kind_names[static_cast<std::size_t>(kind)];
    record["country"] = where.code;
    record["reported_at"] = format_time(m_last_report_at);
    record["language"] = where.language;
    record["victim_country"] = where.code;

    std::vector<std::string> carried;  // canonical "type:value" of each usable selector
    const auto carry = [&](const Mention& mention) {
      carried.push_back(mention.typed());
      // A number written for WhatsApp or Zalo in text is also a phone (tests/data/README.md, rule 6).
      if (mention.type == SelectorType::whatsapp || mention.type == SelectorType::zalo) {
        carried.push_back("phone:" + mention.value);
      }
    };
    if (carrier != Carrier::form_only) record["text"] = compose_text(kind, where, named, carry);
    if (carrier != Carrier::text_only) {
      Json selectors = Json::array();
      for (const Named& each : named) {
        const std::string raw = is_processor(each)
                                    ? std::string(each.mention.bank->bic8) + ": " + each.mention.account_digits
                                    : write_in_form(m_random, each.mention, where);
        selectors.push_back({{"type", model::to_string(each.mention.type)}, {"value", raw}});
        carried.push_back(each.mention.typed());
      }
      record["selectors"] = std::move(selectors);
    }
    if (kind == Kind::victim_complaint) {
      const double loss_usd = std::min(300.0 * m_random.pareto(1.2), 2'000'000.0);
      const double loss_local = std::round(loss_usd / where.usd_per_unit);
      record["loss"] = {{"amount", loss_local}, {"currency", where.currency}};
      if (!noise) m_money.write_scam_payments(m_random, *operation, where, loss_local, m_last_report_at);
    }
    m_output.write_report(record.dump() + "\n");
    write_truth_entry(record, noise ? nullptr : operation, carried);
  }

  std::string compose_text(Kind kind, const Country& where, const std::vector<Named>& named,
                           const std::function<void(const Mention&)>& carry) {
    const Phrasebook& book = phrasebook(where.language);
    // Thai and Khmer mark sentence ends with spaces, so each clause gets its own line.
    const std::string_view separator = (where.language == "th" || where.language == "km") ? "\n" : " ";
    std::string text;
    switch (kind) {
      case Kind::victim_complaint: text = book.complaint_openers[m_random.below(3)]; break;
      case Kind::chat_export: text = book.chat_opener; break;
      case Kind::lure_ad: text = book.lure_opener; break;
      default: text = book.report_opener;
    }
    for (const Named& each : named) {
      if (each.hub && each.mention.type == SelectorType::bank) continue;  // in the form only
      const Written written = write_in_text(m_random, each.mention, where, m_parameters.typo_rate);
      text += separator;
      text += fmt::format(fmt::runtime(book.clauses[static_cast<std::size_t>(each.clause)]), written.text);
      if (written.usability == Usability::usable) carry(each.mention);
    }
    if (kind == Kind::victim_complaint) {
      text += separator;
      text += book.closer;
    }
    return text;
  }

  void write_truth_head() {
    Json head;
    head["seed"] = m_parameters.seed;
    head["report_count"] = m_parameters.reports;
    Json hub_list = Json::array();
    for (const std::string_view phone : hubs().hotline_phones) hub_list.push_back("phone:" + std::string(phone));
    for (const std::string_view domain : hubs().exchange_domains) hub_list.push_back("domain:" + std::string(domain));
    hub_list.push_back("phone:" + std::string(hubs().help_desk_phone));
    hub_list.push_back("bank:" + std::string(hubs().payment_processor_bank));
    head["hubs"] = std::move(hub_list);
    std::string text = head.dump();
    text.pop_back();  // the closing brace: the report list follows
    m_output.write_truth(text + ",\"reports\":[\n");
  }

  void write_truth_entry(const Json& record, const Operation* operation, std::vector<std::string>& carried) {
    std::sort(carried.begin(), carried.end());
    carried.erase(std::unique(carried.begin(), carried.end()), carried.end());
    Json entry;
    entry["source"] = record["source"];
    entry["id"] = record["id"];
    entry["operation"] = operation != nullptr ? Json(operation->id) : Json(nullptr);
    entry["selectors"] = carried;
    m_output.write_truth(std::string(m_first_truth_entry ? "" : ",\n") + entry.dump());
    m_first_truth_entry = false;
    if (operation == nullptr) ++m_noise_reports;
  }

  void write_truth_tail() {
    m_output.write_truth("\n],\"operations\":[\n");
    bool first = true;
    for (const Operation& operation : m_economy.operations()) {
      Json entry;
      entry["id"] = operation.id;
      entry["compound"] = operation.compound;
      entry["reports"] = operation.reports;
      Json countries_list = Json::array();
      for (const Country* each : operation.victim_countries) countries_list.push_back(each->code);
      entry["victim_countries"] = std::move(countries_list);
      Json selectors = Json::array();
      for (const Contact& contact : operation.contacts) selectors.push_back(contact.typed());
      for (const Contact& recruiter : operation.recruiters) selectors.push_back(recruiter.typed());
      Json collectors = Json::array();
      for (const BankAccount& account : operation.collectors) collectors.push_back("bank:" + account.canonical());
      selectors.insert(selectors.end(), collectors.begin(), collectors.end());
      for (const std::string& wallet : operation.cashout_wallets) selectors.push_back("wallet:" + wallet);
      entry["selectors"] = std::move(selectors);
      entry["collector_accounts"] = std::move(collectors);
      Json mules = Json::array();
      for (const BankAccount& account : operation.mules) mules.push_back("bank:" + account.canonical());
      entry["mule_accounts"] = std::move(mules);
      Json cashout = Json::array();
      for (const std::string& wallet : operation.cashout_wallets) cashout.push_back("wallet:" + wallet);
      entry["cashout_accounts"] = std::move(cashout);
      m_output.write_truth(std::string(first ? "" : ",\n") + entry.dump());
      first = false;
    }
    const LegitimateAccounts legitimate = m_money.legitimate_accounts();
    const Json accounts = {{"merchants", legitimate.merchants},
                           {"merchant_main_accounts", legitimate.merchant_main_accounts},
                           {"employers", legitimate.employers},
                           {"suppliers", legitimate.suppliers},
                           {"clients", legitimate.clients}};
    m_output.write_truth("\n],\"legitimate_accounts\":" + accounts.dump() + "}\n");
  }

  SimulationParameters m_parameters;
  SimulationOutput& m_output;
  Economy m_economy;
  MoneyTrail m_money;
  Random m_random;
  std::int64_t m_last_report_at = k_simulation_epoch_seconds;
  std::size_t m_noise_reports = 0;
  bool m_first_truth_entry = true;
};

}  // namespace

SimulationSummary simulate(const SimulationParameters& parameters, SimulationOutput& output,
                           const std::function<void(std::size_t)>& on_progress) {
  Simulation simulation(parameters, output);
  return simulation.run(on_progress);
}

}  // namespace jala::simulate
