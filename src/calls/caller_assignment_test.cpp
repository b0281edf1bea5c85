#include "calls/caller_assignment.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "calls/schedule_test_support.hpp"

namespace lien::calls {
namespace {

using testing::kHour;
using testing::Utc;

const core::EpochMillis kShiftStart = Utc(2027, 1, 12, 8, 0);  // 09:00 Paris
const core::EpochMillis kShiftEnd = Utc(2027, 1, 12, 16, 0);   // 17:00 Paris

CallerOnDuty OnDuty(CallerId id) {
  return CallerOnDuty{.caller_id = id, .shift_start = kShiftStart, .shift_end = kShiftEnd};
}

std::vector<CallerOnDuty> Team(std::initializer_list<CallerId> ids) {
  std::vector<CallerOnDuty> team;
  for (const CallerId id : ids) team.push_back(OnDuty(id));
  return team;
}

CallerId Chosen(const CallerRoster& roster, PersonId person, CallerId usual) {
  const auto choice = roster.Choose(person, usual);
  return choice ? roster.IdAt(choice->index) : kNoCaller;
}

TEST(RemainingCapacity, WholeCallsLeftInTheShift) {
  EXPECT_EQ(RemainingCapacity(OnDuty(1), kShiftStart - kHour), 24);  // 8 h of 20-minute calls
  EXPECT_EQ(RemainingCapacity(OnDuty(1), kShiftStart + 4 * kHour + 1), 11);
  EXPECT_EQ(RemainingCapacity(OnDuty(1), kShiftEnd), 0);
  CallerOnDuty capped = OnDuty(1);
  capped.max_calls = 10;
  capped.calls_made = 4;
  EXPECT_EQ(RemainingCapacity(capped, kShiftStart), 6);
  capped.calls_made = 12;
  EXPECT_EQ(RemainingCapacity(capped, kShiftStart), 0);
  capped.minutes_per_call = 0;
  EXPECT_EQ(RemainingCapacity(capped, kShiftStart), 0);
}

TEST(CallerAssignment, UsualCallerWhenOnDuty) {
  const auto team = Team({10, 20, 30});
  const CallerRoster roster(team, kShiftStart);
  const auto choice = roster.Choose(7, 20);
  ASSERT_TRUE(choice);
  EXPECT_EQ(roster.IdAt(choice->index), 20);
  EXPECT_EQ(choice->continuity, Continuity::kUsualCaller);
}

TEST(CallerAssignment, StandInIsStableAcrossTheAbsenceAndTheUsualCallerComesBack) {
  // Caller 20 is away for three days; the others' days differ only in who else is on duty.
  const auto day1 = Team({10, 30, 40, 50, 60});
  const auto day2 = Team({60, 50, 40, 30, 10});  // same team, another order
  const auto day4 = Team({10, 20, 30, 40, 50, 60});
  const CallerRoster first(day1, kShiftStart);
  const CallerRoster second(day2, kShiftStart);
  const CallerRoster back(day4, kShiftStart);
  for (PersonId person = 1; person <= 200; ++person) {
    const auto choice = first.Choose(person, 20);
    ASSERT_TRUE(choice);
    EXPECT_EQ(choice->continuity, Continuity::kStandIn);
    EXPECT_EQ(Chosen(first, person, 20), Chosen(second, person, 20)) << person;
    EXPECT_EQ(Chosen(back, person, 20), 20);
  }
}

TEST(CallerAssignment, AnotherAbsenceMovesOnlyThatColleaguesStandIns) {
  const auto full = Team({10, 30, 40, 50, 60});
  const auto without_40 = Team({10, 30, 50, 60});
  const CallerRoster before(full, kShiftStart);
  const CallerRoster after(without_40, kShiftStart);
  int moved = 0;
  for (PersonId person = 1; person <= 1000; ++person) {
    const CallerId was = Chosen(before, person, 20);
    const CallerId now = Chosen(after, person, 20);
    if (was != 40) {
      EXPECT_EQ(was, now) << person;
    }
    if (was != now) ++moved;
  }
  EXPECT_GT(moved, 0);
}

TEST(CallerAssignment, AbsentCallersPeopleSpreadOverTheTeam) {
  const auto team = Team({10, 30, 40, 50, 60, 70, 80, 90});
  const CallerRoster roster(team, kShiftStart);
  std::map<CallerId, int> load;
  for (PersonId person = 1; person <= 4000; ++person) ++load[Chosen(roster, person, 20)];
  ASSERT_EQ(load.size(), team.size());
  for (const auto& [caller, people] : load) {
    EXPECT_GT(people, 4000 / 8 / 2) << caller;  // no colleague gets less than half or more than twice a fair share
    EXPECT_LT(people, 4000 / 8 * 2) << caller;
  }
}

TEST(CallerAssignment, UsualCallerWithoutRoomCountsAsAway) {
  auto team = Team({10, 20, 30});
  team[1].shift_end = kShiftStart + kHour;  // caller 20 stops at 10:00
  const CallerRoster roster(team, kShiftStart + 2 * kHour);
  const auto choice = roster.Choose(7, 20);
  ASSERT_TRUE(choice);
  EXPECT_NE(roster.IdAt(choice->index), 20);
  EXPECT_EQ(choice->continuity, Continuity::kStandIn);
}

TEST(CallerAssignment, NoUsualCallerGetsAFirstAssignment) {
  const auto team = Team({10, 20});
  const CallerRoster roster(team, kShiftStart);
  const auto choice = roster.Choose(7, kNoCaller);
  ASSERT_TRUE(choice);
  EXPECT_EQ(choice->continuity, Continuity::kFirstAssignment);
}

TEST(CallerAssignment, NobodyOnDuty) {
  const CallerRoster roster({}, kShiftStart);
  EXPECT_FALSE(roster.Choose(7, 20));
  const auto team = Team({10});
  EXPECT_FALSE(CallerRoster(team, kShiftEnd).Choose(7, 10));  // shift over
}

TEST(CallerAssignment, RosterIsSortedByIdAndCountsEachCallerOnce) {
  auto team = Team({30, 10, 20, 10});
  std::shuffle(team.begin(), team.end(), std::mt19937(5));
  const CallerRoster roster(team, kShiftStart);
  ASSERT_EQ(roster.Size(), 3u);
  EXPECT_EQ(roster.IdAt(0), 10);
  EXPECT_EQ(roster.IdAt(2), 30);
  EXPECT_EQ(roster.IndexOf(20), 1u);
  EXPECT_FALSE(roster.IndexOf(25));
}

}  // namespace
}  // namespace lien::calls
