#include "calls/caller_assignment.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "calls/agreed_window.hpp"
#include "calls/schedule_test_support.hpp"

namespace lien::calls {
namespace {

using testing::Day;
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

// Ten callers working mornings (09:00–13:00 Paris) and ten afternoons (14:00–18:00) on a Paris day, shifts through
// the time-zone rules; `capacity_seed` varies how many calls each can still take (it must not move stand-ins).
std::vector<CallerOnDuty> MorningsAndAfternoons(std::chrono::local_days day, std::int32_t capacity_seed) {
  std::vector<CallerOnDuty> team;
  for (CallerId id = 1; id <= 20; ++id) {
    const bool morning = id <= 10;
    const UtcWindow shift = AgreedWindowOn(day, morning ? LocalWindow{9 * 60, 13 * 60} : LocalWindow{14 * 60, 18 * 60});
    team.push_back(CallerOnDuty{.caller_id = id,
                                .shift_start = shift.start,
                                .shift_end = shift.end,
                                .max_calls = 1 + static_cast<std::int32_t>((id * 7 + capacity_seed) % 11)});
  }
  return team;
}

TEST(CallerAssignment, AUsualCallerWhoseShiftMissesTheWindowHasAStableStandInWhoCoversIt) {
  // Caller 3 works mornings; their people are called 15:00–16:00. On both daylight-saving days (and whatever the
  // team's room) each person goes to the same afternoon colleague, never to a morning one.
  const auto spring = Day(2027, 3, 28);
  const auto autumn = Day(2027, 10, 31);
  const auto spring_team = MorningsAndAfternoons(spring, 0);
  auto autumn_team = MorningsAndAfternoons(autumn, 5);
  std::shuffle(autumn_team.begin(), autumn_team.end(), std::mt19937(3));
  const CallerRoster on_spring(spring_team, AgreedWindowOn(spring, LocalWindow{7 * 60, 8 * 60}).start);
  const CallerRoster on_autumn(autumn_team, AgreedWindowOn(autumn, LocalWindow{7 * 60, 8 * 60}).start);
  const LocalWindow afternoon{15 * 60, 16 * 60};
  const UtcWindow spring_window = AgreedWindowOn(spring, afternoon);
  const UtcWindow autumn_window = AgreedWindowOn(autumn, afternoon);
  ASSERT_EQ(spring_window.start, Utc(2027, 3, 28, 13, 0));   // summer time: UTC+2
  ASSERT_EQ(autumn_window.start, Utc(2027, 10, 31, 14, 0));  // winter time again: UTC+1
  std::map<CallerId, int> stand_ins;
  for (PersonId person = 1; person <= 300; ++person) {
    const auto spring_choice = on_spring.Choose(person, 3, spring_window);
    const auto autumn_choice = on_autumn.Choose(person, 3, autumn_window);
    ASSERT_TRUE(spring_choice) << person;
    ASSERT_TRUE(autumn_choice) << person;
    EXPECT_EQ(spring_choice->continuity, Continuity::kStandIn);
    const CallerId stand_in = on_spring.IdAt(spring_choice->index);
    EXPECT_GT(stand_in, 10) << "an afternoon caller covers 15:00-16:00";
    EXPECT_EQ(on_autumn.IdAt(autumn_choice->index), stand_in) << "the same stand-in each such day";
    ++stand_ins[stand_in];
    // A morning window: back to the usual caller.
    const auto morning = on_autumn.Choose(person, 3, AgreedWindowOn(autumn, LocalWindow{10 * 60, 11 * 60}));
    ASSERT_TRUE(morning);
    EXPECT_EQ(on_autumn.IdAt(morning->index), 3);
    EXPECT_EQ(morning->continuity, Continuity::kUsualCaller);
  }
  EXPECT_EQ(stand_ins.size(), 10u) << "the usual caller's people spread over the afternoon team";
}

TEST(CallerAssignment, WithoutAWindowTheStandInIsTheWholeTeamsRing) {
  const auto team = MorningsAndAfternoons(Day(2027, 1, 12), 0);
  const CallerRoster roster(team, Utc(2027, 1, 12, 6, 0));
  std::vector<CallerId> ids;
  for (const auto& caller : team) ids.push_back(caller.caller_id);
  const StandInRing ring(ids);
  for (PersonId person = 1; person <= 500; ++person) {
    EXPECT_EQ(Chosen(roster, person, 99), ids[*ring.StandInIndexFor(person)]) << person;
  }
}

TEST(PlaceOneMoreCall, ARetryGoesToSomeoneStillWorkingThenWithRoomOrNowhere) {
  // 17:00 Paris is 15:00 UTC on the spring-forward day and 16:00 UTC on the fall-back day: a retry at 15:30 UTC is
  // after the morning-and-day shift in spring and inside it in autumn.
  for (const auto day : {Day(2027, 3, 28), Day(2027, 10, 31)}) {
    const UtcWindow days_shift = AgreedWindowOn(day, LocalWindow{9 * 60, 17 * 60});
    const UtcWindow evening = AgreedWindowOn(day, LocalWindow{13 * 60, 21 * 60});
    const std::vector<CallerOnDuty> team{{.caller_id = 1, .shift_start = days_shift.start, .shift_end = days_shift.end},
                                         {.caller_id = 2, .shift_start = evening.start, .shift_end = evening.end},
                                         {.caller_id = 3, .shift_start = evening.start, .shift_end = evening.end}};
    const bool spring = day == Day(2027, 3, 28);
    const core::EpochMillis now = spring ? Utc(2027, 3, 28, 13, 30) : Utc(2027, 10, 31, 14, 30);  // 15:30 Paris
    const CallerRoster roster(team, now);
    const core::EpochMillis retry_at = spring ? Utc(2027, 3, 28, 15, 30) : Utc(2027, 10, 31, 15, 30);
    const UtcWindow reach{retry_at, ParisMidnight(day + std::chrono::days{1})};
    std::vector<std::int32_t> room{5, 4, 6};
    const auto placed = PlaceOneMoreCall(roster, room, 42, 1, reach);
    ASSERT_TRUE(placed);
    if (spring) {
      EXPECT_NE(roster.IdAt(*placed), 1) << "17:30 Paris: the usual caller has gone home";
      const auto choice = roster.Choose(42, 1, reach);
      ASSERT_TRUE(choice);
      EXPECT_EQ(*placed, choice->index) << "the person's stand-in, who has room";
      room[choice->index] = 0;
      const auto other = PlaceOneMoreCall(roster, room, 42, 1, reach);
      ASSERT_TRUE(other);
      EXPECT_NE(*other, choice->index) << "the stand-in is full: the other evening caller";
      room = {5, 0, 0};
      EXPECT_FALSE(PlaceOneMoreCall(roster, room, 42, 1, reach)) << "nobody working then has room";
    } else {
      EXPECT_EQ(roster.IdAt(*placed), 1) << "16:30 Paris: the usual caller is still working";
    }
  }
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
