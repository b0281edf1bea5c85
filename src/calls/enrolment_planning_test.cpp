// What the daily plan reads (enrolment_planning.hpp, caller_roster_store.hpp) on a real (SQLite) database:
// enrolment, usual callers, the person's preferred window, the day's calls, yesterday's list, absences.

#include "calls/enrolment_planning.hpp"

#include <gtest/gtest.h>

#include "calls/agreed_window.hpp"
#include "calls/caller_roster_store.hpp"
#include "calls/campaign_activation.hpp"
#include "calls/campaign_store.hpp"
#include "calls/enrolment_store.hpp"
#include "calls/follow_up_profile_store.hpp"
#include "db/test_databases.hpp"

namespace lien::calls {
namespace {

using namespace std::chrono;

const local_days kDay{2026y / June / 10d};  // a Wednesday
const core::EpochMillis kNow = ParisMidnight(kDay) + 10 * 3'600'000;

class EnrolmentPlanning : public ::testing::Test {
 protected:
  template <class Work>
  auto Write(Work&& work) {
    return db::InWriteTransaction(*database_, std::forward<Work>(work));
  }

  std::int64_t AddPerson(const std::string& last_name, const std::string& status = "active") {
    return Write([&](db::Connection& c) {
      return c
          .QueryOne(
              "INSERT INTO persons (last_name, first_names, birth_date, postcode, town, town_key, status, name_key, "
              "created_at, updated_at) VALUES (?, 'Jeanne', '1940-01-01', '80000', 'Amiens', 'amiens', ?, ?, 0, 0) "
              "RETURNING id",
              {last_name, status, last_name})
          ->Int(0);
    });
  }

  std::int64_t AddCaller(const std::string& login, const std::string& role = "caller") {
    return Write([&](db::Connection& c) {
      const auto id = c.QueryOne(
                           "INSERT INTO users (login, display_name, role, password_hash, password_changed_at, "
                           "created_at, updated_at) VALUES (?, ?, ?, 'x', 0, 0, 0) RETURNING id",
                           {login, login, role})
                          ->Int(0);
      CallerDuty duty;
      duty.user_id = id;
      duty.weekdays = WeekdaySet::Of({1, 2, 3, 4, 5});
      auto saved = SaveCallerDuty(c, duty, std::nullopt, kNow);
      EXPECT_TRUE(saved || role != "caller");
      return id;
    });
  }

  Campaign ActiveCampaign() {
    return Write([&](db::Connection& c) {
      Campaign campaign;
      campaign.name = "Convivialité";
      campaign.kind = CampaignKind::kWellbeing;
      campaign.starts_on = 2026y / June / 1d;
      campaign.frequency_days = 3;
      campaign.timings = DefaultTimings(CampaignKind::kWellbeing);
      campaign.timings.retry_delay_minutes = 30;
      campaign.target.postcodes = {"80000"};
      const auto stored = InsertCampaign(c, campaign, std::nullopt, kNow);
      return ActivateCampaign(c, stored.id, stored.version, std::nullopt, kNow)->campaign;
    });
  }

  std::unique_ptr<db::testing::TestDatabase> files_ = db::testing::TestDatabase::Create(db::Dialect::kSqlite);
  std::unique_ptr<db::Database> database_ = files_->OpenMigrated(2);
};

TEST_F(EnrolmentPlanning, GivesThePlannerTheDaysFactsOfEachActiveEnrolment) {
  const auto anna = AddCaller("anna");
  const auto bruno = AddCaller("bruno");
  const auto adam = AddPerson("Adam");
  const auto berthe = AddPerson("Berthe");
  const auto gone = AddPerson("Caron", "deceased");
  Write([&](db::Connection& c) {
    FollowUpProfile preference;
    preference.person_id = berthe;
    preference.lives_alone = true;
    preference.preferred_window = LocalWindow{.start_minute = 14 * 60, .end_minute = 15 * 60};
    ASSERT_TRUE(SaveFollowUpProfile(c, preference, std::nullopt, false, std::nullopt, kNow));
  });
  const auto campaign = ActiveCampaign();

  auto planning = Write([&](db::Connection& c) { return LoadActiveEnrolmentsForPlanning(c, kDay); });
  ASSERT_EQ(planning.enrolments.size(), 2U) << "the deceased person is not enrolled";
  ASSERT_EQ(planning.retry_policies.size(), 1U);
  EXPECT_EQ(planning.retry_policies[0].campaign_id, campaign.id);
  EXPECT_EQ(planning.retry_policies[0].policy.no_answer_delay_minutes, 30);
  const Enrolment& first = planning.enrolments[0];
  const Enrolment& second = planning.enrolments[1];
  EXPECT_EQ(first.person_id, adam);
  EXPECT_EQ(second.person_id, berthe);
  EXPECT_EQ(first.usual_caller_id, anna) << "balanced, lowest id first, ascending persons";
  EXPECT_EQ(second.usual_caller_id, bruno);
  EXPECT_EQ(first.window.start_minute, 9 * 60) << "the campaign's window";
  EXPECT_EQ(second.window.start_minute, 14 * 60) << "the person's preferred window";
  EXPECT_EQ(first.frequency_days, 3);
  EXPECT_GT(second.priority, first.priority) << "lives alone";
  EXPECT_EQ(first.attempts_on_day, 0);
  EXPECT_FALSE(first.missed_yesterday);
  (void)gone;

  // A no-answer today and yesterday's item still pending.
  Write([&](db::Connection& c) {
    const auto enrolment_id = planning.enrolment_ids[0];
    c.Execute(
        "INSERT INTO calls (enrolment_id, campaign_id, person_id, caller_id, outcome, started_at, created_at) "
        "VALUES (?, ?, ?, ?, 'no_answer', ?, ?)",
        {enrolment_id, campaign.id, adam, anna, kNow - 3'600'000, kNow});
    c.Execute(
        "INSERT INTO worklist_items (day, caller_id, enrolment_id, person_id, position, reason, window_start, "
        "window_end, not_before, planned_at) VALUES ('2026-06-09', ?, ?, ?, 1, 'due', 0, 0, 0, 0)",
        {anna, enrolment_id, adam});
  });
  planning = Write([&](db::Connection& c) { return LoadActiveEnrolmentsForPlanning(c, kDay); });
  EXPECT_EQ(planning.enrolments[0].attempts_on_day, 1);
  EXPECT_EQ(planning.enrolments[0].last_attempt_outcome, CallOutcome::kNoAnswer);
  EXPECT_EQ(planning.enrolments[0].last_attempt_at, kNow - 3'600'000);
  EXPECT_TRUE(planning.enrolments[0].missed_yesterday);

  // Closed: nothing to plan.
  Write([&](db::Connection& c) { return CloseCampaign(c, campaign.id, std::nullopt, std::nullopt, kNow); });
  planning = Write([&](db::Connection& c) { return LoadActiveEnrolmentsForPlanning(c, kDay); });
  EXPECT_TRUE(planning.enrolments.empty());
}

TEST_F(EnrolmentPlanning, CallersOnDutyFollowWeekdaysAbsencesAndTheirAccount) {
  const auto anna = AddCaller("anna");
  const auto bruno = AddCaller("bruno");
  Write([&](db::Connection& c) {
    CallerAbsence absence{
        .user_id = bruno, .from_day = 2026y / June / 9d, .until_day = 2026y / June / 10d, .reason = "congés"};
    ASSERT_TRUE(AddAbsence(c, absence, anna, kNow));
  });
  auto on_duty = Write([&](db::Connection& c) { return LoadCallersOnDuty(c, kDay); });
  ASSERT_EQ(on_duty.size(), 1U);
  EXPECT_EQ(on_duty[0].caller_id, anna);
  EXPECT_EQ(on_duty[0].shift_start, ParisMidnight(kDay) + 9 * 3'600'000)
      << "09:00 Paris: nine hours after Paris midnight";
  EXPECT_EQ(on_duty[0].max_calls, 20);
  on_duty = Write([&](db::Connection& c) { return LoadCallersOnDuty(c, kDay + days{1}); });
  EXPECT_EQ(on_duty.size(), 2U) << "back from the absence";
  on_duty = Write([&](db::Connection& c) { return LoadCallersOnDuty(c, local_days{2026y / June / 13d}); });
  EXPECT_TRUE(on_duty.empty()) << "Saturday";
  Write([&](db::Connection& c) { c.Execute("UPDATE users SET disabled = 1 WHERE id = ?", {anna}); });
  on_duty = Write([&](db::Connection& c) { return LoadCallersOnDuty(c, kDay + days{1}); });
  ASSERT_EQ(on_duty.size(), 1U);
  EXPECT_EQ(on_duty[0].caller_id, bruno);
}

}  // namespace
}  // namespace lien::calls
