// One suite, every backend: each Store implementation must behave identically here (the evidence log's
// appends and node reads are in evidence_log_conformance_test.cpp).
#include <filesystem>

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "backends.h"
#include "sample_report.h"
#include "support/scratch_folder.h"

namespace jala::storage {
namespace {

class StoreConformance : public BackendTest {
 protected:
  Result<PutOutcome> put(const model::Report& report) {
    Result<PutOutcome> outcome = internal_error("not run");
    const Status status = m_store->write([&](WriteTransaction& transaction) -> Status {
      outcome = transaction.put_report(report);
      return {};
    });
    EXPECT_TRUE(status.ok());
    return outcome;
  }

  // Puts the transactions, in order, in one write.
  Status put_transactions(const std::vector<model::Transaction>& transactions) {
    return m_store->write([&](WriteTransaction& transaction) -> Status {
      for (const model::Transaction& one : transactions) JALA_TRY(transaction.put_transaction(one));
      return {};
    });
  }

  template <typename T>
  T read(const std::function<Result<T>(const ReadView&)>& query) {
    std::optional<T> out;
    const Status status = m_store->read([&](const ReadView& view) -> Status {
      JALA_TRY_ASSIGN(out, query(view));
      return {};
    });
    EXPECT_TRUE(status.ok()) << status.error().message();
    return out.value_or(T{});
  }

};

TEST_P(StoreConformance, ReportRoundTripsExactly) {
  const model::Report want = make_report("r1");
  ASSERT_EQ(*put(want), PutOutcome::added);
  const auto got = read<std::optional<model::Report>>([](const ReadView& v) {
    return v.find_report({"VN-MPS", "r1"});
  });
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(*got, want);
  EXPECT_FALSE(read<std::optional<model::Report>>([](const ReadView& v) { return v.find_report({"VN-MPS", "nope"}); }));
}

TEST_P(StoreConformance, PutIsIdempotentAndDetectsChanges) {
  EXPECT_EQ(*put(make_report("r1")), PutOutcome::added);
  EXPECT_EQ(*put(make_report("r1")), PutOutcome::unchanged);
  model::Report changed = make_report("r1", "corrected text");
  changed.selectors.pop_back();
  EXPECT_EQ(*put(changed), PutOutcome::updated);
  const auto got = read<std::optional<model::Report>>([](const ReadView& v) {
    return v.find_report({"VN-MPS", "r1"});
  });
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(*got, changed);
  // The dropped selector no longer finds the report, nor counts in the stats.
  const model::Selector dropped{model::SelectorType::telegram, "golden_lotus_hr"};
  EXPECT_TRUE(
      read<std::vector<RecordKey>>([&](const ReadView& v) { return v.reports_with_selector(dropped); }).empty());
  EXPECT_EQ(read<StoreStats>([](const ReadView& v) { return v.stats(); }).selectors, 1);
}

model::Assessment lure_assessment() {
  model::LureFacts facts;
  facts.salary = model::Salary{15'000'000, "VND", model::PayPeriod::month, 590.5};
  facts.destinations = {"KH", "MM"};
  facts.perks = {"visa", "housing"};
  facts.employer = "Công ty TNHH Hoàng Long";
  return {"scam", "job_lure", 0.93, facts};
}

// A report its source withdraws is a new version: kept with its text and marked, naming no selectors, so
// that neither search nor linking reaches it.
TEST_P(StoreConformance, AWithdrawnReportIsKeptMarkedAndNamesNothing) {
  model::Report live = make_report("r1", "gọi 0912 345 678");
  live.text_selectors = {{model::Selector{model::SelectorType::phone, "+84912345678"}, 4, 16, 0.9}};
  live.assessment = lure_assessment();
  ASSERT_EQ(*put(live), PutOutcome::added);
  const auto lures = [&] { return read<std::vector<LureReport>>([](const ReadView& v) { return v.lure_reports(); }); };
  ASSERT_EQ(lures().size(), 1U);
  ASSERT_EQ(*put(make_report("r2")), PutOutcome::added);
  model::Report withdrawn = make_report("r1", "gọi 0912 345 678");
  withdrawn.selectors.clear();
  withdrawn.withdrawn = true;
  EXPECT_EQ(*put(withdrawn), PutOutcome::updated);
  EXPECT_EQ(*put(withdrawn), PutOutcome::unchanged);
  const auto got = read<std::optional<model::Report>>([](const ReadView& v) {
    return v.find_report({"VN-MPS", "r1"});
  });
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(*got, withdrawn);
  EXPECT_TRUE(got->withdrawn);
  EXPECT_TRUE(lures().empty());  // nor is it a lure any more
  const model::Selector phone{model::SelectorType::phone, "+84912345678"};
  EXPECT_EQ(read<std::vector<RecordKey>>([&](const ReadView& v) { return v.reports_with_selector(phone); }),
            (std::vector<RecordKey>{{"VN-MPS", "r2"}}));
  const auto input = read<graph::LinkInput>([](const ReadView& v) { return v.link_input(); });
  for (graph::ReportId r = 0; r < input.report_count(); ++r) {
    EXPECT_EQ(input.selectors_of(r).empty(), input.report(r).id == "r1") << input.report(r).id;
  }
}

TEST_P(StoreConformance, FindsReportsBySelector) {
  ASSERT_TRUE(put(make_report("r2")).ok());
  ASSERT_TRUE(put(make_report("r1")).ok());
  model::Report other = make_report("r3");
  other.selectors = {{model::Selector{model::SelectorType::email, "a@example.org"}, "a@example.org"}};
  ASSERT_TRUE(put(other).ok());
  const model::Selector phone{model::SelectorType::phone, "+84912345678"};
  const auto got = read<std::vector<RecordKey>>([&](const ReadView& v) { return v.reports_with_selector(phone); });
  EXPECT_EQ(got, (std::vector<RecordKey>{{"VN-MPS", "r1"}, {"VN-MPS", "r2"}}));
}

TEST_P(StoreConformance, TextSelectorsKeepTheirSpansAndFindTheReport) {
  model::Report report = make_report("r1", "Liên hệ 0912 000 111 hoặc t.me/lotus_hr");
  report.text_selectors = {
      {model::Selector{model::SelectorType::phone, "+84912000111"}, 11, 23, 0.9},
      {model::Selector{model::SelectorType::telegram, "lotus_hr"}, 29, 44, 0.95},
  };
  ASSERT_EQ(*put(report), PutOutcome::added);
  const auto got = read<std::optional<model::Report>>([](const ReadView& v) {
    return v.find_report({"VN-MPS", "r1"});
  });
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(*got, report);
  const model::Selector found{model::SelectorType::telegram, "lotus_hr"};
  EXPECT_EQ(read<std::vector<RecordKey>>([&](const ReadView& v) { return v.reports_with_selector(found); }),
            (std::vector<RecordKey>{{"VN-MPS", "r1"}}));
  EXPECT_EQ(read<StoreStats>([](const ReadView& v) { return v.stats(); }).selectors, 4);
}

// A URL the form gives finds the report by its host too, as one found in the text does (its domain or
// IP, model::derived_selectors), but the host is derived, not part of the report as sent.
TEST_P(StoreConformance, AFormUrlsHostFindsTheReportButIsNotPartOfIt) {
  model::Report report = make_report("r1");
  report.selectors = {
      {model::Selector{model::SelectorType::url, "https://app.golden-lotus.net/join"}, "App.Golden-Lotus.net/join"},
      {model::Selector{model::SelectorType::url, "http://203.0.113.7/pay"}, "http://203.0.113.7/pay"},
  };
  ASSERT_EQ(*put(report), PutOutcome::added);
  EXPECT_EQ(read<std::optional<model::Report>>([](const ReadView& v) {
              return v.find_report({"VN-MPS", "r1"});
            }),
            report);
  for (const model::Selector& host : {model::Selector{model::SelectorType::domain, "golden-lotus.net"},
                                      model::Selector{model::SelectorType::ip, "203.0.113.7"}}) {
    EXPECT_EQ(read<std::vector<RecordKey>>([&](const ReadView& v) { return v.reports_with_selector(host); }),
              (std::vector<RecordKey>{{"VN-MPS", "r1"}}))
        << host.to_string();
  }
  EXPECT_EQ(read<StoreStats>([](const ReadView& v) { return v.stats(); }).selectors, 4);
  EXPECT_EQ(*put(report), PutOutcome::unchanged);
}

// The classifier's assessment is derived from the text: it round-trips, a put of the same content
// replaces it, and the lure facts are listed for `jala lures`.
TEST_P(StoreConformance, AssessmentsRoundTripAndTheirLureFactsAreListed) {
  model::Report lure = make_report("lure", "Tuyển gấp, lương 15 triệu/tháng, Campuchia");
  lure.assessment = lure_assessment();
  model::Report benign = make_report("benign");
  benign.assessment = model::Assessment{"benign", "", 0.02, std::nullopt};
  model::Report plain = make_report("plain");
  for (const model::Report* report : {&lure, &benign, &plain}) ASSERT_EQ(*put(*report), PutOutcome::added);
  for (const model::Report* report : {&lure, &benign, &plain}) {
    EXPECT_EQ(read<std::optional<model::Report>>([&](const ReadView& v) { return v.find_report({"VN-MPS", report->id}); }),
              *report);
  }
  const auto lures = [&] { return read<std::vector<LureReport>>([](const ReadView& v) { return v.lure_reports(); }); };
  ASSERT_EQ(lures().size(), 1U);
  EXPECT_EQ(lures()[0].key, (RecordKey{"VN-MPS", "lure"}));
  EXPECT_EQ(lures()[0].country, "VN");
  EXPECT_EQ(lures()[0].reported_at, lure.reported_at);
  EXPECT_EQ(lures()[0].facts, *lure.assessment->lure);

  // The same content with a new assessment (a newer model) is unchanged, and keeps the new assessment.
  model::Report reassessed = benign;
  reassessed.assessment = lure_assessment();
  reassessed.assessment->lure->salary = model::Salary{3000, "XYZ", model::PayPeriod::day, std::nullopt};
  reassessed.assessment->lure->destinations.clear();
  EXPECT_EQ(*put(reassessed), PutOutcome::unchanged);
  EXPECT_EQ(read<std::optional<model::Report>>([](const ReadView& v) { return v.find_report({"VN-MPS", "benign"}); }),
            reassessed);
  // New content without an assessment drops the old one.
  model::Report changed = make_report("lure", "corrected text");
  EXPECT_EQ(*put(changed), PutOutcome::updated);
  EXPECT_EQ(read<std::optional<model::Report>>([](const ReadView& v) { return v.find_report({"VN-MPS", "lure"}); }),
            changed);
  ASSERT_EQ(lures().size(), 1U);
  EXPECT_EQ(lures()[0].key, (RecordKey{"VN-MPS", "benign"}));
  EXPECT_EQ(lures()[0].facts, *reassessed.assessment->lure);
}

// Linking reads every report once, with each selector it names (form or text) once, and its TLP.
TEST_P(StoreConformance, LinkInputHoldsEveryReportWithItsDistinctSelectors) {
  model::Report first = make_report("r1", "gọi 0912 345 678");
  first.text_selectors = {{model::Selector{model::SelectorType::phone, "+84912345678"}, 4, 16, 0.9}};
  model::Report second = make_report("r2");
  second.selectors = {{model::Selector{model::SelectorType::telegram, "golden_lotus_hr"}, "@golden_lotus_hr"}};
  second.loss.reset();
  second.tlp = model::Tlp::red;
  ASSERT_TRUE(put(first).ok());
  ASSERT_TRUE(put(second).ok());
  const auto input = read<graph::LinkInput>([](const ReadView& v) { return v.link_input(); });
  ASSERT_EQ(input.report_count(), 2U);
  std::map<std::string, std::set<std::string>> named;
  for (graph::ReportId r = 0; r < input.report_count(); ++r) {
    for (const graph::SelectorId s : input.selectors_of(r)) {
      named[input.report(r).id].insert(input.selector(s).to_string());
    }
    EXPECT_EQ(input.selectors_of(r).size(), named[input.report(r).id].size()) << "a selector named twice";
  }
  EXPECT_EQ(named["r1"], (std::set<std::string>{"phone:+84912345678", "telegram:golden_lotus_hr"}));
  EXPECT_EQ(named["r2"], (std::set<std::string>{"telegram:golden_lotus_hr"}));
  for (graph::ReportId r = 0; r < input.report_count(); ++r) {
    const graph::ReportFacts& facts = input.report(r);
    EXPECT_EQ(facts.kind, model::ReportKind::victim_complaint);
    EXPECT_EQ(facts.victim_country, "VN");
    EXPECT_EQ(facts.loss.has_value(), facts.id == "r1");
    EXPECT_EQ(facts.tlp, facts.id == "r1" ? first.tlp : model::Tlp::red);
  }
}

// Every stored version of a record is a leaf of the evidence log, in the same transaction; an unchanged
// put adds none. The stored nodes give the same root as the entries hashed afresh.
TEST_P(StoreConformance, EveryStoredVersionIsALeafOfTheEvidenceLog) {
  const model::Report first = make_report("r1");
  const model::Report corrected = make_report("r1", "corrected text");
  ASSERT_EQ(*put(first), PutOutcome::added);
  ASSERT_EQ(*put(first), PutOutcome::unchanged);
  ASSERT_EQ(*put(corrected), PutOutcome::updated);
  ASSERT_TRUE(put_transactions({make_transaction("t1")}).ok());
  // A failed write appends nothing.
  EXPECT_FALSE(m_store
                   ->write([&](WriteTransaction& t) -> Status {
                     JALA_TRY(t.put_report(make_report("r2")));
                     return internal_error("stop");
                   })
                   .ok());

  ASSERT_TRUE(m_store
                  ->read([&](const ReadView& view) -> Status {
                    JALA_TRY_ASSIGN(const std::uint64_t size, view.log_size());
                    EXPECT_EQ(size, 3U);
                    std::vector<evidence::Hash> leaves;
                    const std::vector<std::pair<std::string, std::string>> want = {
                        {"report", to_hex(sha256(model::to_json(first).dump()))},
                        {"report", to_hex(sha256(model::to_json(corrected).dump()))},
                        {"transaction", to_hex(sha256(model::to_json(make_transaction("t1")).dump()))}};
                    for (std::uint64_t i = 0; i < size; ++i) {
                      JALA_TRY_ASSIGN(const std::string entry, view.log_entry(i));
                      const nlohmann::json parsed = nlohmann::json::parse(entry);
                      EXPECT_EQ(parsed.at("kind"), want[i].first);
                      EXPECT_EQ(parsed.at("sha256"), want[i].second);
                      leaves.push_back(evidence::leaf_hash(entry));
                    }
                    JALA_TRY_ASSIGN(const evidence::Hash root, evidence::root(LogNodes(view), size));
                    EXPECT_EQ(root, evidence::node_hash(evidence::node_hash(leaves[0], leaves[1]), leaves[2]));
                    JALA_TRY_ASSIGN(const std::vector<evidence::Hash> proof,
                                    evidence::inclusion_proof(LogNodes(view), 2, size));
                    EXPECT_TRUE(evidence::verify_inclusion(leaves[2], 2, size, proof, root).ok());
                    return {};
                  })
                  .ok());
}

// A log entry is one line of JSON exactly as nlohmann writes it, whatever a record's key holds.
TEST_P(StoreConformance, LogEntriesAreCanonicalJsonEvenForKeysThatNeedEscaping) {
  model::Transaction quoted = make_transaction(R"(t"1\2)");
  quoted.source = R"(BANK "A" \ branch)";
  ASSERT_TRUE(put_transactions({quoted, make_transaction("t2")}).ok());
  ASSERT_TRUE(m_store
                  ->read([&](const ReadView& view) -> Status {
                    for (std::uint64_t i = 0; i < 2; ++i) {
                      JALA_TRY_ASSIGN(const std::string entry, view.log_entry(i));
                      const auto parsed = nlohmann::ordered_json::parse(entry);
                      EXPECT_EQ(parsed.dump(), entry);
                      std::vector<std::string> keys;
                      for (const auto& [key, value] : parsed.items()) keys.push_back(key);
                      EXPECT_EQ(keys, (std::vector<std::string>{"kind", "source", "id", "sha256", "logged_at"}));
                    }
                    JALA_TRY_ASSIGN(const std::string first, view.log_entry(0));
                    const nlohmann::json parsed = nlohmann::json::parse(first);
                    EXPECT_EQ(parsed.at("source"), quoted.source);
                    EXPECT_EQ(parsed.at("id"), quoted.id);
                    EXPECT_EQ(parsed.at("sha256"), to_hex(sha256(model::to_json(quoted).dump())));
                    return {};
                  })
                  .ok());
}

TEST_P(StoreConformance, TransactionRoundTripsAndIsIdempotent) {
  const model::Transaction want = make_transaction("t1");
  Result<PutOutcome> first = internal_error("not run");
  Result<PutOutcome> second = internal_error("not run");
  ASSERT_TRUE(m_store
                  ->write([&](WriteTransaction& transaction) -> Status {
                    first = transaction.put_transaction(want);
                    second = transaction.put_transaction(want);
                    return {};
                  })
                  .ok());
  EXPECT_EQ(*first, PutOutcome::added);
  EXPECT_EQ(*second, PutOutcome::unchanged);
  const auto got = read<std::optional<model::Transaction>>([](const ReadView& v) {
    return v.find_transaction({"VN-SBV", "t1"});
  });
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(*got, want);
}

// expect_records() is a hint: what the puts after it do is the same as without it, whether a hinted
// record is stored, new, changed, put twice, or never put, and a report's selectors find it.
TEST_P(StoreConformance, RecordsPutAfterAHintHaveTheSameOutcomes) {
  const model::Transaction kept = make_transaction("kept");
  model::Transaction changed = make_transaction("changed");
  ASSERT_TRUE(put_transactions({kept, changed}).ok());
  changed.amount = 99.5;
  model::Transaction fresh = make_transaction("fresh");
  fresh.to = model::Selector{model::SelectorType::phone, "+84987654321"};  // an account new to the store
  model::Transaction twice = make_transaction("twice");
  model::Transaction twice_changed = twice;
  twice_changed.reference = "invoice 8";
  const model::Transaction never = make_transaction("never");
  const model::Report report = make_report("hinted");
  std::vector<PutOutcome> outcomes;
  ASSERT_TRUE(m_store
                  ->write([&](WriteTransaction& t) -> Status {
                    const std::vector<const model::Transaction*> hinted = {&kept,  &changed,       &fresh, &fresh,
                                                                           &twice, &twice_changed, &never};
                    std::vector<RecordRef> records = {&report};
                    records.insert(records.end(), hinted.begin(), hinted.end());
                    JALA_TRY(t.expect_records(records));
                    JALA_TRY_ASSIGN(const PutOutcome reported, t.put_report(report));
                    outcomes.push_back(reported);
                    for (const model::Transaction* put : std::span(hinted).first(6)) {
                      JALA_TRY_ASSIGN(const PutOutcome outcome, t.put_transaction(*put));
                      outcomes.push_back(outcome);
                    }
                    return {};
                  })
                  .ok());
  EXPECT_EQ(outcomes,
            (std::vector<PutOutcome>{PutOutcome::added, PutOutcome::unchanged, PutOutcome::updated, PutOutcome::added,
                                     PutOutcome::unchanged, PutOutcome::added, PutOutcome::updated}));
  for (const model::Transaction* want :
       std::vector<const model::Transaction*>{&kept, &changed, &fresh, &twice_changed}) {
    const auto got = read<std::optional<model::Transaction>>([&](const ReadView& v) {
      return v.find_transaction({want->source, want->id});
    });
    ASSERT_TRUE(got.has_value()) << want->id;
    EXPECT_EQ(*got, *want);
  }
  EXPECT_FALSE(read<std::optional<model::Transaction>>([](const ReadView& v) {
    return v.find_transaction({"VN-SBV", "never"});
  }));
  EXPECT_EQ(read<std::optional<model::Report>>([](const ReadView& v) {
              return v.find_report({"VN-MPS", "hinted"});
            }),
            std::optional<model::Report>(report));
  for (const model::ReportSelector& named : report.selectors) {
    EXPECT_EQ(read<std::vector<RecordKey>>([&](const ReadView& v) { return v.reports_with_selector(named.selector); }),
              (std::vector<RecordKey>{{"VN-MPS", "hinted"}}));
  }
  // Leaves 0 and 1 from the first write; then the report, changed, fresh, twice and twice again.
  EXPECT_EQ(read<std::uint64_t>([](const ReadView& v) { return v.log_size(); }), 7U);
  EXPECT_EQ(read<std::optional<std::uint64_t>>([](const ReadView& v) {
              return v.log_index("transaction", {"VN-SBV", "twice"});
            }),
            std::optional<std::uint64_t>(6));
}

// The hint works for reports as it does for transactions: a hinted report that is stored and unchanged
// takes a new assessment, a changed one loses its old selectors and lure facts, and a new one (put twice,
// or never) ends as it would without the hint.
TEST_P(StoreConformance, ReportsPutAfterAHintHaveTheSameOutcomes) {
  const model::Report kept = make_report("kept");
  model::Report changed = make_report("changed", "Tuyển gấp, lương 15 triệu/tháng, Campuchia");
  changed.assessment = lure_assessment();
  ASSERT_TRUE(put(kept).ok());
  ASSERT_TRUE(put(changed).ok());
  model::Report reassessed = kept;
  reassessed.assessment = model::Assessment{"benign", "", 0.02, std::nullopt};
  model::Report corrected = make_report("changed", "corrected text");
  const model::Selector handle{model::SelectorType::telegram, "lotus_jobs_vn"};
  corrected.selectors = {{handle, "@lotus_jobs_vn"}};
  model::Report fresh = make_report("fresh", "Tuyển gấp, lương 15 triệu/tháng, Campuchia");
  fresh.assessment = lure_assessment();
  const model::Report twice = make_report("twice");
  const model::Report twice_changed = make_report("twice", "a second version");
  const model::Report never = make_report("never");
  std::vector<PutOutcome> outcomes;
  ASSERT_TRUE(
      m_store
          ->write([&](WriteTransaction& t) -> Status {
            const std::vector<RecordRef> hinted = {&reassessed, &corrected, &fresh, &twice, &twice_changed, &never};
            JALA_TRY(t.expect_records(hinted));
            for (const model::Report* report :
                 std::initializer_list<const model::Report*>{&reassessed, &corrected, &fresh, &twice, &twice_changed}) {
              JALA_TRY_ASSIGN(const PutOutcome outcome, t.put_report(*report));
              outcomes.push_back(outcome);
            }
            return {};
          })
          .ok());
  EXPECT_EQ(outcomes, (std::vector<PutOutcome>{PutOutcome::unchanged, PutOutcome::updated, PutOutcome::added,
                                               PutOutcome::added, PutOutcome::updated}));
  for (const model::Report* want :
       std::initializer_list<const model::Report*>{&reassessed, &corrected, &fresh, &twice_changed}) {
    EXPECT_EQ(read<std::optional<model::Report>>([&](const ReadView& v) {
                return v.find_report({"VN-MPS", want->id});
              }),
              std::optional<model::Report>(*want))
        << want->id;
  }
  EXPECT_FALSE(read<std::optional<model::Report>>([](const ReadView& v) {
    return v.find_report({"VN-MPS", "never"});
  }));
  EXPECT_EQ(read<std::vector<RecordKey>>([&](const ReadView& v) { return v.reports_with_selector(handle); }),
            (std::vector<RecordKey>{{"VN-MPS", "changed"}}));
  EXPECT_EQ(read<std::vector<RecordKey>>(
                [&](const ReadView& v) { return v.reports_with_selector(kept.selectors.front().selector); }),
            (std::vector<RecordKey>{{"VN-MPS", "fresh"}, {"VN-MPS", "kept"}, {"VN-MPS", "twice"}}));
  const auto lures = read<std::vector<LureReport>>([](const ReadView& v) { return v.lure_reports(); });
  ASSERT_EQ(lures.size(), 1U);
  EXPECT_EQ(lures[0].key, (RecordKey{"VN-MPS", "fresh"}));
  // Leaves 0 and 1 from the first writes; then corrected, fresh, twice and twice again.
  EXPECT_EQ(read<std::uint64_t>([](const ReadView& v) { return v.log_size(); }), 6U);
}

// Each chunk of one write gets its own hint: a record put under an earlier hint is found stored by the next.
TEST_P(StoreConformance, ARecordPutUnderAnEarlierHintIsStoredForTheNext) {
  const model::Report first = make_report("r1");
  const model::Report second = make_report("r1", "a second version");
  const model::Transaction transaction = make_transaction("t1");
  std::vector<PutOutcome> outcomes;
  ASSERT_TRUE(m_store
                  ->write([&](WriteTransaction& t) -> Status {
                    for (const model::Report* report : {&first, &second}) {
                      JALA_TRY(t.expect_records(std::vector<RecordRef>{report, &transaction}));
                      JALA_TRY_ASSIGN(const PutOutcome reported, t.put_report(*report));
                      JALA_TRY_ASSIGN(const PutOutcome paid, t.put_transaction(transaction));
                      outcomes.insert(outcomes.end(), {reported, paid});
                    }
                    return {};
                  })
                  .ok());
  EXPECT_EQ(outcomes, (std::vector<PutOutcome>{PutOutcome::added, PutOutcome::added, PutOutcome::updated,
                                               PutOutcome::unchanged}));
  EXPECT_EQ(read<std::optional<model::Report>>([](const ReadView& v) {
              return v.find_report({"VN-MPS", "r1"});
            }),
            std::optional<model::Report>(second));
  EXPECT_EQ(read<std::uint64_t>([](const ReadView& v) { return v.log_size(); }), 3U);
}

// The ledger holds every transaction once, in time order, with accounts shared between transactions
// (and with reports: a report's phone is the same account as a transaction's).
TEST_P(StoreConformance, LedgerHoldsEveryTransactionInTimeOrder) {
  model::Transaction late = make_transaction("t1");
  model::Transaction early = make_transaction("t2");
  early.at = *parse_rfc3339("2026-02-01T09:00:00Z");
  early.from = late.to;
  early.to = model::Selector{model::SelectorType::wallet, "trx:TRu3tnXafQM7hg7PePs3sEAJWR9qreLupf"};
  early.currency = "USDT";
  early.channel = model::Channel::crypto;
  ASSERT_TRUE(put(make_report("r1")).ok());
  ASSERT_TRUE(put_transactions({late, early}).ok());
  const auto ledger = read<flow::Ledger>([](const ReadView& v) { return v.ledger(); });
  ASSERT_EQ(ledger.transfer_count(), 2U);
  EXPECT_EQ(ledger.account_count(), 3U);
  EXPECT_EQ(ledger.record_id(0), "t2");
  EXPECT_EQ(ledger.source(0), "VN-SBV");
  EXPECT_EQ(ledger.currency(0), "USDT");
  EXPECT_EQ(ledger.transfer(0).channel, model::Channel::crypto);
  EXPECT_EQ(ledger.transfer(0).at, early.at);
  EXPECT_DOUBLE_EQ(ledger.transfer(1).amount, 250.75);
  const std::optional<flow::AccountId> phone = ledger.find(late.to);
  ASSERT_TRUE(phone.has_value());
  EXPECT_EQ(ledger.incoming(*phone).size(), 1U);
  EXPECT_EQ(ledger.outgoing(*phone).size(), 1U);
  EXPECT_EQ(ledger.transfer(ledger.outgoing(*phone)[0]).to, ledger.find(early.to));
}

// Each record knows the leaf of its latest logged version; nothing is unlogged when Jala wrote it all.
TEST_P(StoreConformance, KnowsTheLeafOfEachRecordsLatestVersion) {
  ASSERT_TRUE(put(make_report("r1")).ok());
  ASSERT_TRUE(put(make_report("r2")).ok());
  ASSERT_TRUE(put(make_report("r1", "changed text")).ok());  // a new version: leaf 2
  ASSERT_TRUE(put_transactions({make_transaction("t1")}).ok());
  const auto index = [&](std::string kind, std::string source, std::string id) {
    return read<std::optional<std::uint64_t>>([&](const ReadView& v) { return v.log_index(kind, {source, id}); });
  };
  EXPECT_EQ(index("report", "VN-MPS", "r1"), 2U);
  EXPECT_EQ(index("report", "VN-MPS", "r2"), 1U);
  EXPECT_EQ(index("transaction", "VN-SBV", "t1"), 3U);
  EXPECT_EQ(index("transaction", "VN-MPS", "r1"), std::nullopt);
  EXPECT_EQ(index("report", "VN-MPS", "r3"), std::nullopt);
  using Unlogged = std::vector<std::pair<std::string, RecordKey>>;
  EXPECT_TRUE(read<Unlogged>([](const ReadView& v) { return v.unlogged_records(); }).empty());
}

TEST_P(StoreConformance, AFailedWriteLeavesNothingBehind) {
  const Status status = m_store->write([&](WriteTransaction& transaction) -> Status {
    JALA_TRY(transaction.put_report(make_report("r1")));
    return invalid_argument("changed my mind");
  });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().message(), "changed my mind");
  EXPECT_EQ(read<StoreStats>([](const ReadView& v) { return v.stats(); }).reports, 0);
  // The same selectors can be stored afterwards (no stale cached keys).
  EXPECT_EQ(*put(make_report("r1")), PutOutcome::added);
  const model::Selector phone{model::SelectorType::phone, "+84912345678"};
  EXPECT_EQ(read<std::vector<RecordKey>>([&](const ReadView& v) { return v.reports_with_selector(phone); }).size(), 1u);
}

TEST_P(StoreConformance, RejectsInvalidRecords) {
  model::Report bad = make_report("r1");
  bad.source.clear();
  const Result<PutOutcome> got = put(bad);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.error().code(), ErrorCode::invalid_argument);
}

TEST_P(StoreConformance, StatsCountByKindCountrySourceAndSelectorType) {
  ASSERT_TRUE(put(make_report("r1")).ok());
  model::Report lure = make_report("r2");
  lure.kind = model::ReportKind::lure_ad;
  lure.country = "TH";
  lure.source = "TH-CCIB";
  ASSERT_TRUE(put(lure).ok());
  ASSERT_TRUE(put_transactions({make_transaction("t1")}).ok());

  const StoreStats got = read<StoreStats>([](const ReadView& v) { return v.stats(); });
  EXPECT_EQ(got.reports, 2);
  EXPECT_EQ(got.transactions, 1);
  EXPECT_EQ(got.selectors, 3);  // phone, telegram, iban
  EXPECT_EQ(got.reports_by_kind, (Counts{{"lure_ad", 1}, {"victim_complaint", 1}}));
  EXPECT_EQ(got.reports_by_country, (Counts{{"TH", 1}, {"VN", 1}}));
  EXPECT_EQ(got.reports_by_source, (Counts{{"TH-CCIB", 1}, {"VN-MPS", 1}}));
  EXPECT_EQ(got.selectors_by_type, (Counts{{"iban", 1}, {"phone", 1}, {"telegram", 1}}));
}

INSTANTIATE_TEST_SUITE_P(EveryBackend, StoreConformance, ::testing::ValuesIn(backends()),
                         [](const ::testing::TestParamInfo<Backend>& param) { return param.param.name; });

}  // namespace
}  // namespace jala::storage
