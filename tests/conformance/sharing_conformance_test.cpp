// Sharing tables (storage/sharing.h), on every backend: collection pages by time added with every
// filter, TLP limits, version choice, partners and named state.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "backends.h"
#include "sample_report.h"

namespace jala::storage {
namespace {

class SharingConformance : public BackendTest {
 protected:
  Result<bool> put(SharedObject object) {
    bool added = false;
    JALA_TRY(m_store->write([&](WriteTransaction& transaction) -> Status {
      JALA_TRY_ASSIGN(added, transaction.put_shared_object(object));
      return {};
    }));
    return added;
  }

  std::vector<SharedObject> objects(const SharedObjectQuery& query) {
    std::vector<SharedObject> page;
    EXPECT_TRUE(m_store
                    ->read([&](const ReadView& view) -> Status {
                      JALA_TRY_ASSIGN(page, view.shared_objects(query));
                      return {};
                    })
                    .ok());
    return page;
  }

  std::vector<std::string> ids_and_versions(const SharedObjectQuery& query) {
    std::vector<std::string> got;
    for (const SharedObject& object : objects(query)) got.push_back(object.id + "@" + object.version);
    return got;
  }
};

SharedObject object(std::string id, std::string version, std::string type, model::Tlp tlp,
                    std::string collection = "reports") {
  return {std::move(collection), std::move(id), std::move(version), std::move(type), tlp, "local", "{}", "s", "r", {}};
}

// Found in review: a report raised to TLP:RED kept being served, in its earlier green version, to green
// partners, and to partners added later. An object whose latest version is above the limit is withdrawn
// in every version; a later version within the limit brings it back.
TEST_P(SharingConformance, AnObjectWhoseLatestVersionIsAboveTheLimitIsWithdrawn) {
  ASSERT_TRUE(put(object("report--1", "2026-01-01", "report", model::Tlp::green)).value());
  ASSERT_TRUE(put(object("report--2", "2026-01-01", "report", model::Tlp::green)).value());
  SharedObjectQuery query;
  query.collection = "reports";
  query.tlp_max = model::Tlp::green;
  EXPECT_EQ(ids_and_versions(query), (std::vector<std::string>{"report--1@2026-01-01", "report--2@2026-01-01"}));

  ASSERT_TRUE(put(object("report--1", "2026-02-01", "report", model::Tlp::red)).value());
  for (const VersionMatch& versions : {VersionMatch{.last = true}, VersionMatch{.first = true},
                                       VersionMatch{.all = true}, VersionMatch{.exact = {"2026-01-01"}}}) {
    query.versions = versions;
    EXPECT_EQ(ids_and_versions(query), (std::vector<std::string>{"report--2@2026-01-01"}));
  }
  query.versions = {.last = true};
  query.tlp_max = model::Tlp::amber_strict;
  EXPECT_EQ(ids_and_versions(query), (std::vector<std::string>{"report--2@2026-01-01"}));

  ASSERT_TRUE(put(object("report--1", "2026-03-01", "report", model::Tlp::green)).value());
  query.tlp_max = model::Tlp::green;
  EXPECT_EQ(ids_and_versions(query), (std::vector<std::string>{"report--2@2026-01-01", "report--1@2026-03-01"}));
}

// Found in review: an observable first published under an amber report, then named by a green one, had its
// TLP lowered in place. It kept its time added, so a green partner reading incrementally never got it, and
// its JSON, so it was served marked amber. Lowered, it is now replaced and stamped anew.
TEST_P(SharingConformance, AnObjectLoweredByItsOriginIsReplacedAndAddedAnew) {
  SharedObject amber = object("email-addr--1", "v", "email-addr", model::Tlp::amber);
  amber.object = R"({"marking":"amber"})";
  amber.record_id = "R-AMBER";
  ASSERT_TRUE(put(amber).value());
  ASSERT_TRUE(put(object("report--1", "2026-01-01", "report", model::Tlp::green)).value());
  SharedObjectQuery query;
  query.collection = "reports";
  query.tlp_max = model::Tlp::green;
  const std::vector<SharedObject> before = objects(query);
  ASSERT_EQ(before.size(), 1U);

  // The same or a higher TLP again changes nothing; another origin never lowers it.
  EXPECT_FALSE(put(amber).value());
  SharedObject from_partner = object("email-addr--1", "v", "email-addr", model::Tlp::clear);
  from_partner.origin = "partner:other";
  EXPECT_FALSE(put(from_partner).value());
  EXPECT_EQ(ids_and_versions(query), (std::vector<std::string>{"report--1@2026-01-01"}));

  SharedObject green = object("email-addr--1", "v", "email-addr", model::Tlp::green);
  green.object = R"({"marking":"green"})";
  green.record_id = "R-GREEN";
  EXPECT_TRUE(put(green).value());
  query.added_after = before.back().added;
  const std::vector<SharedObject> after = objects(query);
  ASSERT_EQ(after.size(), 1U);
  EXPECT_EQ(after[0].id, "email-addr--1");
  EXPECT_EQ(after[0].tlp, model::Tlp::green);
  EXPECT_EQ(after[0].object, R"({"marking":"green"})");
  EXPECT_EQ(after[0].record_id, "R-GREEN");
  EXPECT_GT(after[0].added, before.back().added);
  query.added_after.reset();
  query.versions = {.all = true};
  EXPECT_EQ(ids_and_versions(query), (std::vector<std::string>{"report--1@2026-01-01", "email-addr--1@v"}));
}

// An observable has one version, so raising it (when the report that shared it rises to a higher TLP) raises
// that version in place: from its origin only, never lower, and a later put at a lower TLP shares it again.
TEST_P(SharingConformance, ARaisedVersionIsHeldUntilLoweredAgain) {
  ASSERT_TRUE(put(object("phone-number--1", "v", "phone-number", model::Tlp::green)).value());
  SharedObjectQuery query;
  query.collection = "reports";
  query.tlp_max = model::Tlp::green;
  ASSERT_EQ(ids_and_versions(query), (std::vector<std::string>{"phone-number--1@v"}));
  const auto raise = [&](SharedObject raised_object) {
    bool raised = false;
    EXPECT_TRUE(m_store
                    ->write([&](WriteTransaction& transaction) -> Status {
                      JALA_TRY_ASSIGN(raised, transaction.raise_shared_object(raised_object));
                      return {};
                    })
                    .ok());
    return raised;
  };

  SharedObject from_partner = object("phone-number--1", "v", "phone-number", model::Tlp::red);
  from_partner.origin = "partner:other";
  EXPECT_FALSE(raise(from_partner));
  EXPECT_FALSE(raise(object("phone-number--2", "v", "phone-number", model::Tlp::red)));    // none held
  EXPECT_FALSE(raise(object("phone-number--1", "v", "phone-number", model::Tlp::clear)));  // not a raise
  EXPECT_EQ(ids_and_versions(query), (std::vector<std::string>{"phone-number--1@v"}));

  SharedObject amber = object("phone-number--1", "v", "phone-number", model::Tlp::amber);
  amber.object = R"({"marking":"amber"})";
  EXPECT_TRUE(raise(amber));
  EXPECT_TRUE(ids_and_versions(query).empty());
  query.tlp_max = model::Tlp::amber;
  std::vector<SharedObject> held = objects(query);
  ASSERT_EQ(held.size(), 1U);
  EXPECT_EQ(held[0].tlp, model::Tlp::amber);
  EXPECT_EQ(held[0].object, R"({"marking":"amber"})");

  SharedObject red = object("phone-number--1", "v", "phone-number", model::Tlp::red);
  red.object = R"({"marking":"red"})";
  EXPECT_TRUE(raise(red));
  EXPECT_FALSE(raise(red));    // already red
  EXPECT_FALSE(raise(amber));  // never lowered by a raise
  EXPECT_TRUE(ids_and_versions(query).empty());
  query.tlp_max = model::Tlp::red;
  held = objects(query);
  ASSERT_EQ(held.size(), 1U);
  EXPECT_EQ(held[0].tlp, model::Tlp::red);
  EXPECT_EQ(held[0].object, R"({"marking":"red"})");

  EXPECT_TRUE(put(object("phone-number--1", "v", "phone-number", model::Tlp::green)).value());
  query.tlp_max = model::Tlp::green;
  EXPECT_EQ(ids_and_versions(query), (std::vector<std::string>{"phone-number--1@v"}));
}

// Found in review: an observable has no version of its own, so TAXII lists the time it was added as its
// version, and match[version] with that time found nothing.
TEST_P(SharingConformance, FindsAnObjectWithoutAVersionByTheTimeItWasAdded) {
  ASSERT_TRUE(put(object("phone-number--1", "", "phone-number", model::Tlp::green)).value());
  ASSERT_TRUE(put(object("report--1", "2026-01-01", "report", model::Tlp::green)).value());
  SharedObjectQuery query;
  query.collection = "reports";
  const std::vector<SharedObject> held = objects(query);
  ASSERT_EQ(held.size(), 2U);
  const Timestamp observable_added = held[0].added;
  const Timestamp report_added = held[1].added;
  query.versions = {.exact = {"2026-05-05T00:00:00Z"}, .exact_added = {observable_added}};
  EXPECT_EQ(ids_and_versions(query), std::vector<std::string>{"phone-number--1@"});
  query.versions = {.exact = {"2026-05-05T00:00:00Z"}, .exact_added = {Timestamp{observable_added.unix_micros + 1}}};
  EXPECT_TRUE(ids_and_versions(query).empty());
  query.versions = {.exact = {"2026-05-05T00:00:00Z"}, .exact_added = {report_added}};  // it has a version
  EXPECT_TRUE(ids_and_versions(query).empty());
  query.versions = {.exact = {"2026-01-01"}, .exact_added = {observable_added}};
  EXPECT_EQ(ids_and_versions(query), (std::vector<std::string>{"phone-number--1@", "report--1@2026-01-01"}));
}

TEST_P(SharingConformance, PagesACollectionByTimeAddedWithEveryFilter) {
  ASSERT_TRUE(put(object("indicator--1", "2026-01-01", "indicator", model::Tlp::green)).value());
  ASSERT_TRUE(put(object("report--1", "2026-01-01", "report", model::Tlp::amber)).value());
  ASSERT_TRUE(put(object("indicator--1", "2026-02-01", "indicator", model::Tlp::green)).value());
  ASSERT_TRUE(put(object("report--2", "2026-01-01", "report", model::Tlp::red)).value());
  ASSERT_TRUE(put(object("report--9", "2026-01-01", "report", model::Tlp::clear, "networks")).value());
  // The same version again may lower the TLP (below).
  EXPECT_TRUE(put(object("report--2", "2026-01-01", "report", model::Tlp::amber)).value());

  SharedObjectQuery query;
  query.collection = "reports";
  EXPECT_EQ(ids_and_versions(query),
            (std::vector<std::string>{"report--1@2026-01-01", "indicator--1@2026-02-01", "report--2@2026-01-01"}));
  query.versions = {.all = true};
  EXPECT_EQ(ids_and_versions(query).size(), 4U);
  query.versions = {.all = true, .exact = {"2026-01-01"}};  // all,2026-01-01: every version still
  EXPECT_EQ(ids_and_versions(query).size(), 4U);
  query.versions = {.first = true};
  EXPECT_EQ(ids_and_versions(query).front(), "indicator--1@2026-01-01");
  query.versions = {.exact = {"2026-01-01"}};
  EXPECT_EQ(ids_and_versions(query).size(), 3U);
  // Found in review: match[version]=first,last gave only the last value's versions. They are OR'ed.
  const std::vector<std::string> every = {"indicator--1@2026-01-01", "report--1@2026-01-01", "indicator--1@2026-02-01",
                                          "report--2@2026-01-01"};
  query.versions = {.first = true, .last = true};
  EXPECT_EQ(ids_and_versions(query), every);
  query.versions = {.last = true, .exact = {"2026-01-01"}};
  EXPECT_EQ(ids_and_versions(query), every);
  query.versions = {.exact = {"2026-02-01", "2026-03-01"}};
  EXPECT_EQ(ids_and_versions(query), (std::vector<std::string>{"indicator--1@2026-02-01"}));
  query.versions = {};
  EXPECT_EQ(ids_and_versions(query), std::vector<std::string>{});
  query.versions = {.last = true};

  query.tlp_max = model::Tlp::green;
  EXPECT_EQ(ids_and_versions(query), (std::vector<std::string>{"indicator--1@2026-02-01"}));
  query.tlp_max = model::Tlp::amber_strict;
  query.types = {"report"};
  EXPECT_EQ(ids_and_versions(query), (std::vector<std::string>{"report--1@2026-01-01", "report--2@2026-01-01"}));
  query.types.clear();
  query.ids = {"report--2", "indicator--1"};
  EXPECT_EQ(ids_and_versions(query), (std::vector<std::string>{"indicator--1@2026-02-01", "report--2@2026-01-01"}));
  query.ids.clear();
  query.limit = 2;
  EXPECT_EQ(ids_and_versions(query), (std::vector<std::string>{"report--1@2026-01-01", "indicator--1@2026-02-01"}));

  // Times added are unique and increasing, so `added_after` resumes exactly where a page ended.
  query.limit = 1000;
  query.versions = {.all = true};
  const std::vector<SharedObject> all = objects(query);
  ASSERT_EQ(all.size(), 4U);
  for (std::size_t i = 1; i < all.size(); ++i) EXPECT_LT(all[i - 1].added, all[i].added);
  EXPECT_EQ(all[0].record_source, "s");
  query.added_after = all[1].added;
  EXPECT_EQ(ids_and_versions(query), (std::vector<std::string>{"indicator--1@2026-02-01", "report--2@2026-01-01"}));
}

TEST_P(SharingConformance, KeepsPartnersAndNamedState) {
  Partner partner{"ph-nbi", "$argon2id$hash", model::Tlp::amber, {"reports", "networks"}, Timestamp{5}, {}, 5000, 3};
  ASSERT_TRUE(
      m_store
          ->write([&](WriteTransaction& transaction) -> Status {
            JALA_TRY(transaction.put_partner(partner));
            JALA_TRY(transaction.put_partner({"kh-police", "h", model::Tlp::green, {}, Timestamp{6}, Timestamp{7}}));
            return transaction.set_share_state("publish:reports", "41");
          })
          .ok());
  ASSERT_TRUE(m_store
                  ->read([&](const ReadView& view) -> Status {
                    JALA_TRY_ASSIGN(const std::optional<Partner> found, view.find_partner("ph-nbi"));
                    EXPECT_TRUE(found.has_value());
                    if (found) {
                      EXPECT_EQ(found->collections, partner.collections);
                      EXPECT_EQ(found->tlp_max, model::Tlp::amber);
                      EXPECT_FALSE(found->revoked.has_value());
                      EXPECT_EQ(found->overlap_max_set, 5000U);
                      EXPECT_EQ(found->overlap_sessions_per_day, 3U);
                    }
                    JALA_TRY_ASSIGN(const std::optional<Partner> missing, view.find_partner("nobody"));
                    EXPECT_FALSE(missing.has_value());
                    JALA_TRY_ASSIGN(const std::vector<Partner> all, view.partners());
                    EXPECT_EQ(all.size(), 2U);
                    if (all.size() == 2) {
                      EXPECT_EQ(all[0].name, "kh-police");
                      EXPECT_EQ(all[0].revoked, Timestamp{7});
                      EXPECT_TRUE(all[0].collections.empty());
                      EXPECT_EQ(all[0].overlap_max_set, k_default_overlap_max_set);
                      EXPECT_EQ(all[0].overlap_sessions_per_day, k_default_overlap_sessions_per_day);
                    }
                    JALA_TRY_ASSIGN(const std::optional<std::string> cursor, view.share_state("publish:reports"));
                    EXPECT_EQ(cursor, "41");
                    JALA_TRY_ASSIGN(const std::optional<std::string> none, view.share_state("sync:x"));
                    EXPECT_FALSE(none.has_value());
                    return {};
                  })
                  .ok());
}

// What the network publisher reads to find networks linked no more: the states under one prefix, by name,
// and none that merely share its first letters.
TEST_P(SharingConformance, ListsTheNamedStatesUnderAPrefix) {
  ASSERT_TRUE(m_store
                  ->write([&](WriteTransaction& transaction) -> Status {
                    for (const char* name : {"publish:network:N2", "publish:networks", "publish:network:N1",
                                             "publish:network", "publish:reports", "publish:network:%"}) {
                      JALA_TRY(transaction.set_share_state(name, std::string("value of ") + name));
                    }
                    return {};
                  })
                  .ok());
  using States = std::vector<std::pair<std::string, std::string>>;
  ASSERT_TRUE(m_store
                  ->read([&](const ReadView& view) -> Status {
                    JALA_TRY_ASSIGN(const States networks, view.share_states_with_prefix("publish:network:"));
                    EXPECT_EQ(networks, (States{{"publish:network:%", "value of publish:network:%"},
                                                {"publish:network:N1", "value of publish:network:N1"},
                                                {"publish:network:N2", "value of publish:network:N2"}}));
                    JALA_TRY_ASSIGN(const States none, view.share_states_with_prefix("sync:"));
                    EXPECT_TRUE(none.empty());
                    return {};
                  })
                  .ok());
}

TEST_P(SharingConformance, ListsReportsLoggedAfterACursorInLogOrder) {
  model::Report report;
  report.source = "ph";
  report.kind = model::ReportKind::victim_complaint;
  report.country = "PH";
  report.text = "call +63 917 123 4567";
  ASSERT_TRUE(m_store
                  ->write([&](WriteTransaction& transaction) -> Status {
                    for (const char* id : {"b", "a", "c"}) {
                      report.id = id;
                      JALA_TRY_ASSIGN(const PutOutcome outcome, transaction.put_report(report));
                      EXPECT_EQ(outcome, PutOutcome::added);
                    }
                    // logged between the reports, and not listed with them
                    JALA_TRY(transaction.put_transaction(make_transaction("t")));
                    report.id = "b";
                    report.text += " again";  // a new version: logged again, after c
                    JALA_TRY_ASSIGN(const PutOutcome outcome, transaction.put_report(report));
                    EXPECT_EQ(outcome, PutOutcome::updated);
                    return {};
                  })
                  .ok());
  ASSERT_TRUE(
      m_store
          ->read([&](const ReadView& view) -> Status {
            JALA_TRY_ASSIGN(const auto all, view.reports_logged_after(std::nullopt, 10));
            EXPECT_EQ(all.size(), 3U);
            if (all.size() == 3) {
              EXPECT_EQ(all[0].second.id, "a");
              EXPECT_EQ(all[1].second.id, "c");
              EXPECT_EQ(all[2].second.id, "b");
            }
            JALA_TRY_ASSIGN(const auto after, view.reports_logged_after(all.at(0).first, 1));
            EXPECT_EQ(after.size(), 1U);
            if (!after.empty()) {
              EXPECT_EQ(after[0].second.id, "c");
            }
            JALA_TRY_ASSIGN(const std::optional<std::uint64_t> payment, view.log_index("transaction", {"VN-SBV", "t"}));
            EXPECT_EQ(payment, std::optional<std::uint64_t>(3));
            if (all.size() == 3) {
              EXPECT_EQ(all[0].first, 1U);
              EXPECT_EQ(all[1].first, 2U);
              EXPECT_EQ(all[2].first, 4U);
            }
            return {};
          })
          .ok());
}

TEST_P(SharingConformance, ListsTheSelectorsOfOwnReportsAtTheGivenLevels) {
  const auto selector = [](std::string_view typed) {
    return model::parse_selector(typed, model::NormaliseContext{}).value();
  };
  const auto report = [&](std::string id, model::Tlp tlp, const std::vector<std::string_view>& named) {
    model::Report made;
    made.source = "ph";
    made.id = std::move(id);
    made.kind = model::ReportKind::victim_complaint;
    made.country = "PH";
    made.tlp = tlp;
    for (const std::string_view typed : named) made.selectors.push_back({selector(typed), std::string(typed)});
    return made;
  };
  ASSERT_TRUE(m_store
                  ->write([&](WriteTransaction& transaction) -> Status {
                    model::Report partners = report("p", model::Tlp::green, {"email:c@example.com"});
                    partners.source = "partner's source";
                    for (const model::Report& made :
                         {report("g", model::Tlp::green, {"email:a@example.com", "telegram:shared_handle"}),
                          report("r", model::Tlp::red, {"email:b@example.com", "telegram:shared_handle"}), partners}) {
                      JALA_TRY_ASSIGN(const PutOutcome outcome, transaction.put_report(made));
                      EXPECT_EQ(outcome, PutOutcome::added);
                    }
                    return {};
                  })
                  .ok());
  ASSERT_TRUE(m_store
                  ->read([&](const ReadView& view) -> Status {
                    const std::vector<model::Tlp> green = {model::Tlp::clear, model::Tlp::green};
                    const std::vector<std::string> partners_sources = {"other", "partner's source"};
                    JALA_TRY_ASSIGN(const auto shareable, view.selectors_of_reports(green, partners_sources));
                    EXPECT_EQ(shareable, (std::vector<model::Selector>{selector("email:a@example.com"),
                                                                       selector("telegram:shared_handle")}));
                    JALA_TRY_ASSIGN(const auto with_partners, view.selectors_of_reports(green, {}));
                    EXPECT_EQ(with_partners, (std::vector<model::Selector>{selector("email:a@example.com"),
                                                                           selector("email:c@example.com"),
                                                                           selector("telegram:shared_handle")}));
                    const std::vector<model::Tlp> every = {model::Tlp::green, model::Tlp::red};
                    JALA_TRY_ASSIGN(const auto all, view.selectors_of_reports(every, partners_sources));
                    EXPECT_EQ(all.size(), 3U);
                    JALA_TRY_ASSIGN(const auto none, view.selectors_of_reports({}, {}));
                    EXPECT_TRUE(none.empty());
                    return {};
                  })
                  .ok());
}

TEST_P(SharingConformance, CountsTheReportsOfASelectorAndGivesTheFirstFew) {
  const model::Selector shared = model::parse_selector("telegram:hub_handle", model::NormaliseContext{}).value();
  ASSERT_TRUE(m_store
                  ->write([&](WriteTransaction& transaction) -> Status {
                    for (int i = 0; i < 30; ++i) {
                      model::Report report;
                      report.source = i % 2 == 0 ? "ph" : "vn";
                      report.id = fmt::format("r{:02}", i);
                      report.kind = model::ReportKind::lure_ad;
                      report.country = "PH";
                      report.selectors = {{shared, "@hub_handle"}, {shared, "t.me/hub_handle"}};  // named twice
                      JALA_TRY_ASSIGN(const PutOutcome outcome, transaction.put_report(report));
                      EXPECT_EQ(outcome, PutOutcome::added);
                    }
                    return {};
                  })
                  .ok());
  ASSERT_TRUE(m_store
                  ->read([&](const ReadView& view) -> Status {
                    JALA_TRY_ASSIGN(const std::vector<RecordKey> all, view.reports_with_selector(shared));
                    JALA_TRY_ASSIGN(const SelectorReports first, view.first_reports_with_selector(shared, 7));
                    EXPECT_EQ(first.count, 30);
                    EXPECT_EQ(first.first.size(), 7U);
                    const std::set<RecordKey> distinct(first.first.begin(), first.first.end());
                    EXPECT_EQ(distinct.size(), 7U);
                    for (const RecordKey& key : first.first) {
                      EXPECT_NE(std::find(all.begin(), all.end(), key), all.end()) << key.id;
                    }
                    JALA_TRY_ASSIGN(const SelectorReports every, view.first_reports_with_selector(shared, 1000));
                    EXPECT_EQ(every.first.size(), 30U);
                    const model::Selector unknown =
                        model::parse_selector("telegram:nobody_here", model::NormaliseContext{}).value();
                    JALA_TRY_ASSIGN(const SelectorReports none, view.first_reports_with_selector(unknown, 10));
                    EXPECT_EQ(none.count, 0);
                    EXPECT_TRUE(none.first.empty());
                    return {};
                  })
                  .ok());
}

INSTANTIATE_TEST_SUITE_P(EveryBackend, SharingConformance, ::testing::ValuesIn(backends()),
                         [](const ::testing::TestParamInfo<Backend>& param) { return param.param.name; });

}  // namespace
}  // namespace jala::storage
