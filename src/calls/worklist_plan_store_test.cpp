// The stored plan of a day on real databases (SQLite, and PostgreSQL when LIEN_TEST_POSTGRES_URL is set): the usual
// caller kept from a first plan and never one whose shift misses the window, the overflow stored with the day,
// and retries after the end of a shift (docs/calls.md, "Planning a day", "Retries after the shift"). The days are
// the two daylight-saving Sundays of 2027, so shifts and windows go through the time-zone rules.

#include <gtest/gtest.h>

#include "calls/agreed_window.hpp"
#include "calls/caller_roster_store.hpp"
#include "calls/enrolment_store.hpp"
#include "calls/schedule_text.hpp"
#include "calls/worklist_store.hpp"
#include "db/test_databases.hpp"

namespace lien::calls {
namespace {

using namespace std::chrono;

const local_days kSpringForward{2027y / March / 28d};  // a Sunday: 02:00 → 03:00
const local_days kFallBack{2027y / October / 31d};     // a Sunday: 03:00 → 02:00

core::EpochMillis ParisTime(local_days day, int hour, int minute = 0) {
  const auto minute_of_day = static_cast<std::int16_t>(hour * 60 + minute);
  return AgreedWindowOn(day, LocalWindow{minute_of_day, static_cast<std::int16_t>(minute_of_day + 1)}).start;
}

class WorklistPlanStore : public ::testing::TestWithParam<db::Dialect> {
 protected:
  template <class Work>
  auto Write(Work&& work) {
    return db::InWriteTransaction(*database_, std::forward<Work>(work));
  }

  void SetUp() override {
    files_ = db::testing::TestDatabase::Create(GetParam());
    if (!files_) GTEST_SKIP() << "PostgreSQL not available: set LIEN_TEST_POSTGRES_URL";
    database_ = files_->OpenMigrated(2);
    campaign_ = Write([&](db::Connection& c) {
      return c
          .QueryOne(
              "INSERT INTO campaigns (name, kind, status, starts_on, frequency_days, retry_delay_minutes, "
              "max_attempts_per_day, escalation_hours, escalation_min_attempts, created_at, updated_at) "
              "VALUES ('Convivialité', 'wellbeing', 'active', '2027-01-01', 1, 120, 3, 168, 3, 0, 0) RETURNING id")
          ->Int(0);
    });
  }

  /// A caller working every day from `from` to `to` (Paris hours).
  std::int64_t AddCaller(const std::string& login, int from, int to, std::int32_t calls_per_shift = 20) {
    return Write([&](db::Connection& c) {
      const auto id = c.QueryOne(
                           "INSERT INTO users (login, display_name, role, password_hash, password_changed_at, "
                           "created_at, updated_at) VALUES (?, ?, 'caller', 'x', 0, 0, 0) RETURNING id",
                           {login, login})
                          ->Int(0);
      CallerDuty duty;
      duty.user_id = id;
      duty.weekdays = WeekdaySet::Of({1, 2, 3, 4, 5, 6, 7});
      duty.shift = LocalWindow{static_cast<std::int16_t>(from * 60), static_cast<std::int16_t>(to * 60)};
      duty.calls_per_shift = calls_per_shift;
      EXPECT_TRUE(SaveCallerDuty(c, duty, std::nullopt, 0));
      return id;
    });
  }

  std::int64_t AddPerson(const std::string& last_name) {
    return Write([&](db::Connection& c) {
      return c
          .QueryOne(
              "INSERT INTO persons (last_name, first_names, birth_date, postcode, town, town_key, status, name_key, "
              "created_at, updated_at) VALUES (?, 'Jeanne', '1940-01-01', '80000', 'Amiens', 'amiens', 'active', ?, "
              "0, 0) RETURNING id",
              {last_name, last_name})
          ->Int(0);
    });
  }

  /// Enrols a person called from `from` o'clock for an hour, with a usual caller or none.
  std::int64_t Enrol(std::int64_t person, std::optional<std::int64_t> caller, int from) {
    return Write([&](db::Connection& c) {
      return c
          .QueryOne(
              "INSERT INTO enrolments (campaign_id, person_id, source, caller_id, window_start, window_end, "
              "enrolled_at) VALUES (?, ?, 'manual', ?, ?, ?, 0) RETURNING id",
              {campaign_, person, caller ? db::Value(*caller) : db::Value(),
               FormatTimeOfDay(static_cast<std::int16_t>(from * 60)),
               FormatTimeOfDay(static_cast<std::int16_t>(from * 60 + 60))})
          ->Int(0);
    });
  }

  std::optional<std::int64_t> UsualCaller(std::int64_t enrolment) {
    return Write([&](db::Connection& c) {
      return c.QueryOne("SELECT caller_id FROM enrolments WHERE id = ?", {enrolment})->OptInt(0);
    });
  }

  PlanSummary Plan(local_days day, core::EpochMillis now) {
    return Write([&](db::Connection& c) { return PlanDay(c, day, now); });
  }

  std::vector<WorklistItem> Items(local_days day) {
    return Write([&](db::Connection& c) { return LoadWorklist(c, FormatCalendarDay(day), std::nullopt); });
  }

  std::unique_ptr<db::testing::TestDatabase> files_;
  std::unique_ptr<db::Database> database_;
  std::int64_t campaign_ = 0;
};

TEST_P(WorklistPlanStore, TheFirstPlanKeepsACallerWhoseShiftCoversTheWindowAsTheUsualCaller) {
  const auto anna = AddCaller("anna", 9, 13);
  const auto bruno = AddCaller("bruno", 14, 18);
  const auto newcomer = Enrol(AddPerson("Adam"), std::nullopt, 15);  // nobody yet
  const auto misplaced = Enrol(AddPerson("Bernard"), anna, 16);      // anna never works at 16:00
  const auto morning = Enrol(AddPerson("Caron"), anna, 10);          // anna's, and it stays so
  const auto summary = Plan(kSpringForward, ParisTime(kSpringForward, 7));
  EXPECT_EQ(summary.pending, 3);
  EXPECT_EQ(UsualCaller(newcomer), bruno) << "the caller of the first call, who covers 15:00-16:00, is kept";
  EXPECT_EQ(UsualCaller(misplaced), bruno) << "a usual caller who never covers the window is replaced";
  EXPECT_EQ(UsualCaller(morning), anna);
  for (const auto& item : Items(kSpringForward)) {
    EXPECT_EQ(item.caller_id, item.enrolment_id == morning ? anna : bruno) << item.enrolment_id;
  }

  // The next day (and the fall-back Sunday) the same callers, as usual callers now; the record does not move.
  for (const auto day : {kSpringForward + days{1}, kFallBack}) {
    Plan(day, ParisTime(day, 7));
    for (const auto& item : Items(day)) {
      EXPECT_EQ(item.caller_id, item.enrolment_id == morning ? anna : bruno) << item.enrolment_id;
    }
    EXPECT_EQ(UsualCaller(newcomer), bruno);
    EXPECT_EQ(UsualCaller(misplaced), bruno);
  }
}

TEST_P(WorklistPlanStore, EnrolmentGivesACallerWhoCoversTheWindowAndRefusesOneWhoNeverDoes) {
  const auto anna = AddCaller("anna", 9, 13);
  const auto bruno = AddCaller("bruno", 14, 18);
  const auto adam = AddPerson("Adam");
  const auto berthe = AddPerson("Berthe");
  Write([&](db::Connection& c) {
    // Berthe prefers the afternoon, which only bruno covers; the campaign calls the others at 10:00.
    c.Execute(
        "INSERT INTO follow_up_profiles (person_id, preferred_window_start, preferred_window_end, updated_at) "
        "VALUES (?, '15:00', '16:00', 0)",
        {berthe});
    c.Execute("UPDATE campaigns SET window_start = '10:00', window_end = '11:00' WHERE id = ?", {campaign_});
    EnrolPersons(c, campaign_, {adam, berthe}, kSourceTarget, std::nullopt, 0);
  });
  const auto enrolment_of = [&](std::int64_t person) {
    return Write([&](db::Connection& c) {
      return c.QueryOne("SELECT id FROM enrolments WHERE person_id = ?", {person})->Int(0);
    });
  };
  EXPECT_EQ(UsualCaller(enrolment_of(adam)), anna) << "the campaign's 10:00-11:00";
  EXPECT_EQ(UsualCaller(enrolment_of(berthe)), bruno) << "her preferred 15:00-16:00";

  const auto claude = AddPerson("Claude");
  const EnrolmentAgreement evening{
      .schedule = ScheduleLevel{.window = LocalWindow{.start_minute = 16 * 60, .end_minute = 17 * 60}},
      .caller_id = anna};
  auto refused = Write([&](db::Connection& c) { return AddEnrolment(c, campaign_, claude, evening, std::nullopt, 0); });
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message_key, "enrolments.caller_outside_window");
  EXPECT_EQ(refused.error().field, "caller_id");

  // A new window the usual caller never covers: the enrolment goes to one who does.
  const auto adams_id = enrolment_of(adam);
  const auto adams = *Write([&](db::Connection& c) { return LoadEnrolment(c, adams_id); });
  auto moved = Write([&](db::Connection& c) {
    return UpdateEnrolment(c, campaign_, adams.id, EnrolmentAgreement{.schedule = evening.schedule}, adams.version);
  });
  ASSERT_TRUE(moved);
  EXPECT_EQ(moved->caller_id, bruno);
}

TEST_P(WorklistPlanStore, TheOverflowIsStoredWithTheDaysPlanAndReplacedByTheNext) {
  const auto anna = AddCaller("anna", 9, 13, 2);
  for (const char* name : {"Adam", "Bernard", "Caron", "Dupuis"}) Enrol(AddPerson(name), anna, 10);
  const auto late = Enrol(AddPerson("Évrard"), anna, 20);  // nobody works at 20:00
  const auto day = kFallBack;
  const std::string day_text = FormatCalendarDay(day);
  EXPECT_FALSE(Write([&](db::Connection& c) { return DayIsPlanned(c, day_text); }));
  const auto summary = Plan(day, ParisTime(day, 7));
  EXPECT_EQ(summary.pending, 2);
  ASSERT_EQ(summary.overflow.size(), 3u);
  auto stored = Write([&](db::Connection& c) { return LoadOverflow(c, day_text); });
  ASSERT_EQ(stored.size(), 3u);
  for (std::size_t i = 0; i < stored.size(); ++i) {
    PlannedCall planned = summary.overflow[i];
    planned.continuity = stored[i].call.continuity;  // not kept: nobody calls them
    EXPECT_EQ(stored[i].call, planned) << i;         // the same calls, in the same order
  }
  EXPECT_EQ(stored[0].call.overflow_reason, OverflowReason::kNoRoom);
  EXPECT_EQ(stored[2].enrolment_id, late);
  EXPECT_EQ(stored[2].call.overflow_reason, OverflowReason::kOutsideEveryShift);
  EXPECT_EQ(stored[2].call.window.start, ParisTime(day, 20));
  EXPECT_EQ(stored[2].call.reason, CallReason::kDue);

  // A colleague joins: the next plan replaces the stored overflow.
  AddCaller("bruno", 9, 21);
  Plan(day, ParisTime(day, 8));
  EXPECT_TRUE(Write([&](db::Connection& c) { return LoadOverflow(c, day_text); }).empty());
  EXPECT_EQ(Items(day).size(), 5u);

  // A day whose every call fits nobody is still a planned day (not planned again at each request).
  const auto other = day + days{1};
  Write([&](db::Connection& c) { c.Execute("UPDATE callers SET active = 0"); });
  Plan(other, ParisTime(other, 7));
  EXPECT_TRUE(Write([&](db::Connection& c) { return DayIsPlanned(c, FormatCalendarDay(other)); }));
  EXPECT_EQ(Write([&](db::Connection& c) { return LoadOverflow(c, FormatCalendarDay(other)); }).size(), 5u);
}

TEST_P(WorklistPlanStore, ARetryAfterTheShiftGoesToAColleagueWorkingThenOrToTheNextDay) {
  // Anna works 09:00-17:00, bruno 13:00-21:00. 17:00 Paris is 15:00 UTC in spring and 16:00 UTC in autumn, so a
  // retry at 15:30 UTC is after anna's shift on the spring Sunday and inside it on the autumn one.
  const auto anna = AddCaller("anna", 9, 17);
  const auto bruno = AddCaller("bruno", 13, 21);
  const auto adam = AddPerson("Adam");
  const auto enrolment = Enrol(adam, anna, 10);
  for (const auto day : {kSpringForward, kFallBack}) {
    Plan(day, ParisTime(day, 7));
    const auto items = Items(day);
    ASSERT_EQ(items.size(), 1u);
    ASSERT_EQ(items[0].caller_id, anna);
    const core::EpochMillis utc_1530 =
        duration_cast<milliseconds>(sys_days{year_month_day{day}}.time_since_epoch()).count() + 15 * 3'600'000 +
        30 * 60'000;
    const auto place = [&] {
      return Write([&](db::Connection& c) { return PlaceRetry(c, items[0], utc_1530, day, ParisTime(day, 15)); });
    };
    if (day == kFallBack) {
      EXPECT_EQ(place().place, RetryPlacement::Place::kSameCaller) << "16:30 Paris: anna still works";
      continue;
    }
    const auto placed = place();
    EXPECT_EQ(placed.place, RetryPlacement::Place::kColleague) << "17:30 Paris: anna has gone, bruno works";
    EXPECT_EQ(placed.caller_id, bruno);
    // Bruno has made the one call of his shift: nobody working then has room, the retry waits for tomorrow.
    Write([&](db::Connection& c) {
      c.Execute("UPDATE callers SET calls_per_shift = 1 WHERE user_id = ?", {bruno});
      c.Execute(
          "INSERT INTO calls (enrolment_id, campaign_id, person_id, caller_id, outcome, started_at, created_at) "
          "VALUES (?, ?, ?, ?, 'reached', ?, 0)",
          {enrolment, campaign_, adam, bruno, ParisTime(day, 14)});
    });
    EXPECT_EQ(place().place, RetryPlacement::Place::kNextDay);
  }
}

TEST_P(WorklistPlanStore, AReplanLeavingARetryToNobodyFailsTheItemAndTheNextDayCallsItFirst) {
  const auto anna = AddCaller("anna", 9, 13);
  const auto adam = Enrol(AddPerson("Adam"), anna, 10);
  const auto berthe = Enrol(AddPerson("Berthe"), anna, 9);
  const auto day = kFallBack;
  Plan(day, ParisTime(day, 7));
  // Adam did not answer at 12:30: his retry, two hours later, falls after anna's shift and nobody works then.
  Write([&](db::Connection& c) {
    c.Execute(
        "INSERT INTO calls (enrolment_id, campaign_id, person_id, caller_id, outcome, started_at, created_at) "
        "SELECT id, campaign_id, person_id, ?, 'no_answer', ?, ? FROM enrolments WHERE id = ?",
        {anna, ParisTime(day, 12, 30), ParisTime(day, 12, 30), adam});
    c.Execute("UPDATE worklist_items SET attempts = 1 WHERE enrolment_id = ?", {adam});
    // Berthe was reached at 09:30: due again on Monday, not missed.
    c.Execute("UPDATE worklist_items SET state = 'done' WHERE enrolment_id = ?", {berthe});
    c.Execute("UPDATE enrolments SET last_reached_at = ? WHERE id = ?", {ParisTime(day, 9, 30), berthe});
  });
  const auto replanned = Plan(day, ParisTime(day, 12, 35));
  ASSERT_EQ(replanned.overflow.size(), 1u);
  EXPECT_EQ(replanned.overflow[0].reason, CallReason::kRetry);
  for (const auto& item : Items(day)) {
    if (item.enrolment_id == adam) {
      EXPECT_EQ(item.state, ItemState::kFailed);
    }
  }
  const auto monday = day + days{1};
  Plan(monday, ParisTime(monday, 7));
  const auto items = Items(monday);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].enrolment_id, adam) << "missed yesterday: first, before Berthe's earlier window";
  EXPECT_EQ(items[0].reason, "missed");
  EXPECT_EQ(items[1].enrolment_id, berthe);
}

std::string EngineName(const ::testing::TestParamInfo<db::Dialect>& engine) {
  return engine.param == db::Dialect::kSqlite ? "Sqlite" : "Postgres";
}

INSTANTIATE_TEST_SUITE_P(Engines, WorklistPlanStore, ::testing::Values(db::Dialect::kSqlite, db::Dialect::kPostgres),
                         EngineName);

}  // namespace
}  // namespace lien::calls
