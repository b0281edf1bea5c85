// The call platform of `lien demo` on a real (SQLite) database over a small demo town: what it adds, that a
// second run adds nothing, and that the same seed and day make the same rows.

#include "calls/demo_calls.hpp"

#include <gtest/gtest.h>

#include <string>

#include "calls/agreed_window.hpp"
#include "calls/demo_calls_store.hpp"
#include "calls/figures_store.hpp"
#include "db/test_databases.hpp"
#include "register/demo_town.hpp"
#include "register/demo_town_store.hpp"
#include "register/person_rules.hpp"

namespace lien::calls {
namespace {

// Wednesday 15 July 2026, 15:00 in Paris.
constexpr core::EpochMillis kNow = 1'784'120'400'000;

class DemoCalls : public ::testing::Test {
 protected:
  void SetUp() override {
    registry::DemoTownOptions town_options;
    town_options.persons = 700;
    town_options.duplicates = 4;
    town_options.today = registry::DayOf(kNow);
    const auto town = registry::GenerateDemoTown(town_options);
    accounts_ = db::InWriteTransaction(*database_, [&](db::Connection& c) {
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
    return db::InWriteTransaction(*database_,
                                  [&](db::Connection& c) { return StoreDemoCalls(c, accounts_, 2026, kNow); });
  }

  std::int64_t Count(const std::string& sql) {
    return db::InWriteTransaction(*database_, [&](db::Connection& c) { return c.QueryOne(sql)->Int(0); });
  }

  std::unique_ptr<db::testing::TestDatabase> files_ = db::testing::TestDatabase::Create(db::Dialect::kSqlite);
  std::unique_ptr<db::Database> database_ = files_->OpenMigrated(2);
  DemoCallsAccounts accounts_;
};

TEST_F(DemoCalls, AddsAnActiveCampaignCallersEnrolmentsAWeekOfCallsAndTheirFollowUp) {
  const DemoCallsCounts counts = Store();
  ASSERT_FALSE(counts.already_filled);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM campaigns WHERE status = 'active' AND kind = 'wellbeing'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM campaign_questions"), 5);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM callers"), 20);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM caller_absences"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM enrolments WHERE state = 'active'"), 300);
  EXPECT_EQ(Count("SELECT COUNT(DISTINCT caller_id) FROM enrolments"), 20);
  EXPECT_EQ(Count("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM enrolments GROUP BY caller_id) per_caller"), 15);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM follow_up_profiles"), 300);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM emergency_contacts"), counts.emergency_contacts);

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
  EXPECT_EQ(Count("SELECT COUNT(*) FROM escalations WHERE state <> 'closed' AND open_key IS NOT NULL"), 4);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM partners"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM partner_members WHERE user_id = " + std::to_string(accounts_.partner)), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM needs"), counts.needs);
  EXPECT_GE(counts.needs, 8);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM referrals"), counts.referrals);
  EXPECT_GE(counts.referrals, 4);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM inbound_requests"), 8);

  // The dashboard has something to show for the week.
  const Figures week = db::InWriteTransaction(*database_, [&](db::Connection& c) {
    return LoadFigures(c, IsoWeekPeriod(ParisDayOf(kNow) - std::chrono::days{7}), std::nullopt, kNow);
  });
  EXPECT_GT(week.calls, 0);
  EXPECT_EQ(week.escalations_open_now, 4);
  EXPECT_GT(week.situations_followed, 0);
}

TEST_F(DemoCalls, ASecondRunAddsNothing) {
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
                                "emergency_contacts"};
  std::vector<std::int64_t> before;
  for (const auto& table : tables) before.push_back(Count("SELECT COUNT(*) FROM " + table));
  const DemoCallsCounts again = Store();
  EXPECT_TRUE(again.already_filled);
  std::vector<std::int64_t> after;
  for (const auto& table : tables) after.push_back(Count("SELECT COUNT(*) FROM " + table));
  EXPECT_EQ(after, before);
}

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

}  // namespace
}  // namespace lien::calls
