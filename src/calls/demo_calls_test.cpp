// The call platform of `lien demo` on real databases (SQLite, and PostgreSQL when LIEN_TEST_POSTGRES_URL is set)
// over a small demo town: what it adds, read back through the stores' own queries; that its calls set the
// persons' last contact as the calling screen does (so retention sees them); that a second run adds nothing;
// and that the same seed and day make the same history.

#include "calls/demo_calls.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "calls/agreed_window.hpp"
#include "calls/caller_roster_store.hpp"
#include "calls/demo_calls_store.hpp"
#include "calls/enrolment_store.hpp"
#include "calls/escalation_store.hpp"
#include "calls/figures_store.hpp"
#include "calls/follow_up_profile_store.hpp"
#include "calls/inbound_store.hpp"
#include "calls/need_store.hpp"
#include "calls/referral_store.hpp"
#include "db/test_databases.hpp"
#include "register/demo_town.hpp"
#include "register/demo_town_store.hpp"
#include "register/person_rules.hpp"
#include "register/person_store.hpp"
#include "register/retention.hpp"
#include "register/retention_store.hpp"

namespace lien::calls {
namespace {

// Wednesday 15 July 2026, 15:00 in Paris.
constexpr core::EpochMillis kNow = 1'784'120'400'000;

using LastContacts = std::map<std::int64_t, std::optional<core::EpochMillis>>;

class DemoCalls : public ::testing::TestWithParam<db::Dialect> {
 protected:
  template <class Work>
  auto Write(Work&& work) {
    return db::InWriteTransaction(*database_, std::forward<Work>(work));
  }

  void SetUp() override {
    files_ = db::testing::TestDatabase::Create(GetParam());
    if (!files_) GTEST_SKIP() << "PostgreSQL not available: set LIEN_TEST_POSTGRES_URL";
    database_ = files_->OpenMigrated(2);
    registry::DemoTownOptions town_options;
    town_options.persons = 700;
    town_options.duplicates = 4;
    town_options.today = registry::DayOf(kNow);
    const auto town = registry::GenerateDemoTown(town_options);
    accounts_ = Write([&](db::Connection& c) {
      registry::StoreDemoTown(c, town, kNow);
      DemoCallsAccounts accounts;
      accounts.coordinator = AddUser(c, "coordinator", "coordinator");
      accounts.social_worker = AddUser(c, "social", "social_worker");
      accounts.intake = AddUser(c, "intake", "intake");
      accounts.partner = AddUser(c, "partner", "partner");
      for (int i = 0; i < 20; ++i) accounts.callers.push_back(AddUser(c, "caller" + std::to_string(i), "caller"));
      return accounts;
    });
  }

  static std::int64_t AddUser(db::Connection& c, const std::string& login, const std::string& role) {
    return c
        .QueryOne(
            "INSERT INTO users (login, display_name, role, password_hash, password_changed_at, created_at, "
            "updated_at) VALUES (?, ?, ?, 'x', 0, 0, 0) RETURNING id",
            {login, login, role})
        ->Int(0);
  }

  DemoCallsCounts Store() {
    const auto stored = Write([&](db::Connection& c) { return StoreDemoCalls(c, accounts_, 2026, kNow); });
    EXPECT_TRUE(stored.has_value()) << (stored ? "" : stored.error().message_key + " " + stored.error().field);
    return stored.value_or(DemoCallsCounts{});
  }

  std::int64_t Count(const std::string& sql) {
    return Write([&](db::Connection& c) { return c.QueryOne(sql)->Int(0); });
  }

  // Every person's persons.last_contact_at.
  LastContacts LastContactsNow() {
    return Write([](db::Connection& c) {
      LastContacts contacts;
      for (const auto& row : c.Execute("SELECT id, last_contact_at FROM persons").rows) {
        contacts[row.Int(0)] = row.OptInt(1);
      }
      return contacts;
    });
  }

  // Rows of (key, instant) as a map, the latest instant of each key.
  std::map<std::int64_t, core::EpochMillis> Latest(const std::string& sql) {
    return Write([&](db::Connection& c) {
      std::map<std::int64_t, core::EpochMillis> latest;
      for (const auto& row : c.Execute(sql).rows) {
        auto& at = latest[row.Int(0)];
        at = std::max(at, row.Int(1));
      }
      return latest;
    });
  }

  std::unique_ptr<db::testing::TestDatabase> files_;
  std::unique_ptr<db::Database> database_;
  DemoCallsAccounts accounts_;
};

TEST_P(DemoCalls, AddsAnActiveCampaignCallersEnrolmentsAWeekOfCallsAndTheirFollowUp) {
  const DemoCallsCounts counts = Store();
  ASSERT_FALSE(counts.already_filled);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM campaigns WHERE status = 'active' AND kind = 'wellbeing'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM campaign_questions"), 5);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM callers"), 20);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM caller_absences"), 1);
  EXPECT_EQ(counts.enrolments, 300);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM enrolments"), 300);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM enrolments WHERE source = 'manual' AND enrolled_by IS NOT NULL"), 300);
  // In hospital or away on the phone: the call paused the enrolment, as the calling screen's outcome does.
  const auto paused = Count("SELECT COUNT(*) FROM enrolments WHERE state = 'paused'");
  EXPECT_GT(paused, 0);
  EXPECT_EQ(paused, Count("SELECT COUNT(DISTINCT enrolment_id) FROM calls WHERE outcome IN ('in_hospital', 'away')"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM enrolments WHERE state = 'active'"), 300 - paused);
  EXPECT_EQ(Count("SELECT COUNT(DISTINCT caller_id) FROM enrolments"), 20);
  EXPECT_LE(Count("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM enrolments GROUP BY caller_id) per_caller"), 20);
  EXPECT_GE(Count("SELECT MIN(n) FROM (SELECT COUNT(*) AS n FROM enrolments GROUP BY caller_id) per_caller"), 10);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM follow_up_profiles"), 300);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM emergency_contacts"), counts.emergency_contacts);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM emergency_contacts WHERE phone NOT LIKE '+336%'"), 0) << "E.164, as typed in";
  // Priorities are the store's: living alone or without family moves a person up.
  EXPECT_GT(Count("SELECT COUNT(*) FROM enrolments WHERE priority > 0"), 0);

  // A week of calls: about a third of the people a working day, retries, mostly reached.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM calls"), counts.calls);
  EXPECT_GT(counts.calls, 400);
  EXPECT_LT(counts.calls, 1000);
  const double share = static_cast<double>(counts.reached) / static_cast<double>(counts.calls);
  EXPECT_GT(share, 0.5) << "retries and the people never reached that week pull it below the first attempts' 70 %";
  EXPECT_LT(share, 0.8);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM calls WHERE started_at >= " + std::to_string(kNow)), 0) << "the past only";
  EXPECT_GE(Count("SELECT COUNT(DISTINCT outcome) FROM calls"), 6);

  EXPECT_EQ(counts.escalations_open, 4);
  EXPECT_EQ(counts.escalations_closed, 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM partners"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM partner_members WHERE user_id = " + std::to_string(accounts_.partner)), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM needs"), counts.needs);
  EXPECT_GE(counts.needs, 8);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM referrals"), counts.referrals);
  EXPECT_GE(counts.referrals, 4);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM inbound_requests"), 8);

  // The dashboard has something to show for the week.
  const Figures week = Write([&](db::Connection& c) {
    return LoadFigures(c, IsoWeekPeriod(ParisDayOf(kNow) - std::chrono::days{7}), std::nullopt, kNow);
  });
  EXPECT_GT(week.calls, 0);
  EXPECT_EQ(week.escalations_open_now, 4);
  EXPECT_GT(week.situations_followed, 0);
}

TEST_P(DemoCalls, TheCallsSetTheLastContactAndTheEnrolmentsAsTheCallingScreenDoes) {
  const LastContacts before = LastContactsNow();
  Store();
  const LastContacts after = LastContactsNow();
  // A call that reached the person (or that they refused), and a visit that found them, are contacts.
  auto contacts = Latest("SELECT person_id, started_at FROM calls WHERE outcome IN ('reached', 'refused')");
  for (const auto& [person, at] : Latest("SELECT person_id, closed_at FROM escalations WHERE visit_outcome = "
                                         "'found_well'")) {
    contacts[person] = std::max(contacts[person], at);
  }
  ASSERT_GT(contacts.size(), 250U);
  int moved = 0;
  for (const auto& [person, last] : after) {
    std::optional<core::EpochMillis> expected = before.at(person);
    if (const auto contact = contacts.find(person); contact != contacts.end()) {
      expected = std::max(expected.value_or(0), contact->second);
    }
    EXPECT_EQ(last, expected) << "person " << person;
    if (last != before.at(person)) ++moved;
  }
  EXPECT_GT(moved, 250) << "most enrolled people were reached in the last two weeks";

  // The enrolments: last attempt = their latest call, last reached = their latest contact.
  const auto attempts = Latest("SELECT enrolment_id, started_at FROM calls");
  auto reached = Latest("SELECT enrolment_id, started_at FROM calls WHERE outcome IN ('reached', 'refused')");
  for (const auto& [enrolment, at] :
       Latest("SELECT enrolment_id, closed_at FROM escalations WHERE visit_outcome = 'found_well'")) {
    reached[enrolment] = std::max(reached[enrolment], at);
  }
  Write([&](db::Connection& c) {
    for (const auto& [id, at] : attempts) {
      const auto enrolment = LoadEnrolment(c, id);
      ASSERT_TRUE(enrolment.has_value());
      EXPECT_EQ(enrolment->last_attempt_at, at) << "enrolment " << id;
      const auto contact = reached.find(id);
      EXPECT_EQ(enrolment->last_reached_at,
                contact == reached.end() ? std::nullopt : std::optional<core::EpochMillis>(contact->second))
          << "enrolment " << id;
    }
  });
}

TEST_P(DemoCalls, RetentionCountsTwoYearsFromTheDemosCalls) {
  const auto plan_at_now = [&] {
    return Write([](db::Connection& c) {
      return registry::PlanRetention(registry::LoadRetentionFacts(c), registry::RetentionPolicy{}, kNow);
    });
  };
  const registry::RetentionPlan before = plan_at_now();
  Store();
  const auto contacts = Latest("SELECT person_id, started_at FROM calls WHERE outcome IN ('reached', 'refused')");
  // People of the town last contacted more than two years ago, reached by the demo's calls this week or the last.
  std::vector<std::int64_t> stale_then_reached;
  for (const auto person : before.persons) {
    if (contacts.contains(person)) stale_then_reached.push_back(person);
  }
  ASSERT_FALSE(stale_then_reached.empty()) << "the town has enrolled people past their time: the test needs one";
  const registry::RetentionPlan after = plan_at_now();
  for (const auto person : stale_then_reached) {
    EXPECT_FALSE(std::binary_search(after.persons.begin(), after.persons.end(), person))
        << "person " << person << " was just called: kept two years from now";
  }
}

TEST_P(DemoCalls, EscalationsReferralsAndRequestsReadBackThroughTheirStores) {
  Store();
  const std::string today = ParisIsoDay(kNow);
  Write([&](db::Connection& c) {
    const auto open = ListEscalations(c, EscalationListing::kOpen, 100, 0);
    ASSERT_EQ(open.size(), 4U);
    std::multiset<EscalationState> states;
    for (const auto& escalation : open) states.insert(escalation.state);
    EXPECT_EQ(states.count(EscalationState::kOpen), 1U);
    EXPECT_EQ(states.count(EscalationState::kContactsTried), 1U);
    EXPECT_EQ(states.count(EscalationState::kVisitAssigned), 2U);
    EXPECT_TRUE(std::is_sorted(open.begin(), open.end(),
                               [](const auto& a, const auto& b) { return a.raised_at < b.raised_at; }));
    const EscalationSummary summary = SummariseEscalations(c);
    EXPECT_EQ(summary.open, 4);
    EXPECT_EQ(summary.contacts_tried, 1);
    EXPECT_EQ(summary.visit_assigned, 2);

    const auto closed = ListEscalations(c, EscalationListing::kClosed, 100, 0);
    ASSERT_EQ(closed.size(), 2U);
    std::set<std::string> outcomes;
    for (const auto& escalation : closed) {
      outcomes.insert(escalation.visit_outcome);
      EXPECT_EQ(escalation.closed_by, accounts_.coordinator);
      EXPECT_FALSE(escalation.contacts_outcome.empty());
      EXPECT_LT(*escalation.closed_at, kNow);
      if (escalation.visit_outcome == "hospitalised") {
        // The visit's outcome told the register, through its own function.
        const auto persons = registry::LoadPersons(c, {escalation.person_id});
        ASSERT_EQ(persons.size(), 1U);
        EXPECT_EQ(persons.front().status, registry::PersonStatus::kInHospital);
      }
    }
    EXPECT_EQ(outcomes, (std::set<std::string>{"found_well", "hospitalised"}));

    // Overdue referrals as the coordinator's badge counts them, each really late and still waiting.
    const auto overdue_count = CountOverdueReferrals(c, today);
    EXPECT_GT(overdue_count, 0);
    ReferralFilter filter;
    filter.overdue_only = true;
    filter.today = today;
    const auto overdue = FindReferrals(c, filter);
    EXPECT_EQ(static_cast<std::int64_t>(overdue.size()), overdue_count);
    for (const auto& referral : overdue) EXPECT_TRUE(ReferralIsOverdue(referral.state, referral.due_on, today));

    // Each referral's need follows it, as the referral store keeps it; nothing is stamped after today began.
    const auto all = FindReferrals(c, ReferralFilter{});
    ASSERT_FALSE(all.empty());
    std::set<std::string> referral_states;
    for (const auto& referral : all) {
      referral_states.insert(referral.state);
      EXPECT_LT(referral.updated_at, ParisMidnight(ParisDayOf(kNow)));
      EXPECT_EQ(referral.sent_at.has_value(), referral.state != "proposed");
      const auto need = LoadNeed(c, *referral.need_id);
      ASSERT_TRUE(need.has_value());
      if (ReferralIsLive(referral.state)) {
        EXPECT_EQ(need->state, kNeedReferred) << referral.id;
      }
    }
    EXPECT_GE(referral_states.size(), 3U);

    // The partner's account sees the charity's referrals that were sent, and no one else's.
    const auto partner = PartnerOfAccount(c, accounts_.partner);
    ASSERT_TRUE(partner.has_value());
    for (const auto& referral : ReferralsOfPartner(c, *partner)) {
      EXPECT_EQ(referral.partner_id, partner);
      EXPECT_NE(referral.state, "proposed");
    }

    // The inbound line: qualified by the guided questions, phones in E.164, assigned and closed by the store.
    InboundFilter waiting;
    EXPECT_EQ(FindInboundRequests(c, waiting).size(), 6U);
    InboundFilter closed_requests;
    closed_requests.state = "closed";
    const auto done = FindInboundRequests(c, closed_requests);
    ASSERT_EQ(done.size(), 2U);
    for (const auto& request : done) {
      EXPECT_EQ(request.assignee_id, accounts_.social_worker);
      EXPECT_EQ(*request.closed_at, request.received_at + 20 * 60'000);
    }
    int high = 0;
    for (const auto& row : c.Execute("SELECT id FROM inbound_requests ORDER BY id").rows) {
      const auto request = LoadInboundRequest(c, row.Int(0));
      if (request->record.urgency == "high") ++high;
      EXPECT_TRUE(request->record.contact_phone.empty() || request->record.contact_phone.starts_with("+33"));
      EXPECT_EQ(request->taken_by, accounts_.intake);
    }
    EXPECT_EQ(high, 2);
  });
}

TEST_P(DemoCalls, EveryCallIsMadeByACallerOnDutyThatDay) {
  Store();
  Write([&](db::Connection& c) {
    std::map<std::chrono::local_days, std::set<CallerId>> on_duty;
    int calls = 0;
    for (const auto& row : c.Execute("SELECT caller_id, started_at FROM calls").rows) {
      const auto day = ParisDayOf(row.Int(1));
      if (!on_duty.contains(day)) {
        for (const auto& caller : LoadCallersOnDuty(c, day)) on_duty[day].insert(caller.caller_id);
      }
      EXPECT_TRUE(on_duty[day].contains(row.Int(0))) << "caller " << row.Int(0) << " off duty on a call's day";
      ++calls;
    }
    EXPECT_GT(calls, 400);
  });
}

TEST_P(DemoCalls, ASecondRunAddsNothing) {
  Store();
  const std::string tables[] = {"campaigns",
                                "campaign_questions",
                                "callers",
                                "caller_absences",
                                "enrolments",
                                "calls",
                                "escalations",
                                "needs",
                                "referrals",
                                "partners",
                                "partner_members",
                                "inbound_requests",
                                "follow_up_profiles",
                                "emergency_contacts",
                                "person_history"};
  std::vector<std::int64_t> before;
  for (const auto& table : tables) before.push_back(Count("SELECT COUNT(*) FROM " + table));
  const LastContacts contacts = LastContactsNow();
  const DemoCallsCounts again = Store();
  EXPECT_TRUE(again.already_filled);
  std::vector<std::int64_t> after;
  for (const auto& table : tables) after.push_back(Count("SELECT COUNT(*) FROM " + table));
  EXPECT_EQ(after, before);
  EXPECT_EQ(LastContactsNow(), contacts);
}

INSTANTIATE_TEST_SUITE_P(Engines, DemoCalls, ::testing::Values(db::Dialect::kSqlite, db::Dialect::kPostgres),
                         [](const ::testing::TestParamInfo<db::Dialect>& engine) {
                           return std::string(engine.param == db::Dialect::kSqlite ? "Sqlite" : "Postgres");
                         });

TEST(DemoCallsPlan, TheSameSeedAndDayMakeTheSameHistory) {
  DemoCallsOptions options;
  options.today = ParisDayOf(kNow);
  options.persons = 400;
  const DemoCallsPlan first = GenerateDemoCalls(options);
  const DemoCallsPlan second = GenerateDemoCalls(options);
  ASSERT_EQ(first.calls.size(), second.calls.size());
  for (std::size_t i = 0; i < first.calls.size(); ++i) {
    EXPECT_EQ(first.calls[i].started_at, second.calls[i].started_at);
    EXPECT_EQ(first.calls[i].outcome, second.calls[i].outcome);
    EXPECT_EQ(first.calls[i].enrolment, second.calls[i].enrolment);
    EXPECT_EQ(first.calls[i].caller, second.calls[i].caller);
  }
  ASSERT_EQ(first.enrolments.size(), 300U);
  for (std::size_t i = 0; i < first.enrolments.size(); ++i) {
    EXPECT_EQ(first.enrolments[i].person, second.enrolments[i].person);
  }
  options.seed = 7;
  const DemoCallsPlan other = GenerateDemoCalls(options);
  bool differs = other.calls.size() != first.calls.size();
  for (std::size_t i = 0; !differs && i < first.calls.size(); ++i) {
    differs = other.calls[i].started_at != first.calls[i].started_at;
  }
  EXPECT_TRUE(differs) << "another seed, another history";
}

// Whatever the hour `lien demo` runs, the history is the same: nothing in it happens from the day's midnight on.
TEST(DemoCallsPlan, NothingHappensFromTheDayItIsMade) {
  DemoCallsOptions options;
  options.today = ParisDayOf(kNow);
  options.persons = 400;
  const DemoCallsPlan plan = GenerateDemoCalls(options);
  const core::EpochMillis midnight = ParisMidnight(options.today);
  ASSERT_TRUE(std::is_sorted(plan.calls.begin(), plan.calls.end(),
                             [](const auto& a, const auto& b) { return a.started_at < b.started_at; }));
  EXPECT_LT(plan.calls.back().started_at + plan.calls.back().duration_seconds * 1000, midnight);
  for (const auto& escalation : plan.escalations) EXPECT_LT(escalation.closed_at.value_or(0), midnight);
  int steps = 0;
  for (const auto& need : plan.needs) {
    EXPECT_LT(need.closed_at.value_or(0), midnight);
    if (!need.referral) continue;
    for (const auto& step : need.referral->steps) {
      EXPECT_LT(step.second, midnight);
      ++steps;
    }
  }
  EXPECT_GT(steps, 0);
  for (const auto& inbound : plan.inbound) EXPECT_LT(inbound.closed_at.value_or(inbound.received_at), midnight);
}

}  // namespace
}  // namespace lien::calls
