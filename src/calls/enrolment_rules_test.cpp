#include "calls/enrolment_rules.hpp"

#include <gtest/gtest.h>

#include <map>

namespace lien::calls {
namespace {

TEST(EnrolmentPriority, AWorryingLastCallOutweighsEverythingElseThenNeedsThenIsolation) {
  const PriorityFacts nothing{};
  const PriorityFacts alone{.lives_alone = true};
  const PriorityFacts alone_no_family{.lives_alone = true, .no_family = true};
  const PriorityFacts needs{.open_needs = 2};
  const PriorityFacts isolated_with_needs{.lives_alone = true, .no_family = true, .open_needs = 1};
  const PriorityFacts worrying{.last_call_worrying = true};
  EXPECT_EQ(EnrolmentPriority(nothing), 0);
  EXPECT_LT(EnrolmentPriority(nothing), EnrolmentPriority(PriorityFacts{.no_family = true}));
  EXPECT_LT(EnrolmentPriority(PriorityFacts{.no_family = true}), EnrolmentPriority(alone));
  EXPECT_LT(EnrolmentPriority(alone), EnrolmentPriority(alone_no_family));
  EXPECT_LT(EnrolmentPriority(alone_no_family), EnrolmentPriority(needs));
  EXPECT_LT(EnrolmentPriority(isolated_with_needs), EnrolmentPriority(worrying));
  EXPECT_EQ(EnrolmentPriority(PriorityFacts{.open_needs = 1}), EnrolmentPriority(needs)) << "needs count as a flag";
}

TEST(AssignUsualCallers, BalancesAcrossCallersCountingTheirCurrentLoad) {
  const std::vector<CallerLoad> callers{{.caller_id = 7, .enrolled = 2}, {.caller_id = 3, .enrolled = 0}};
  const std::vector<PersonId> persons{10, 11, 12, 13};
  const auto assigned = AssignUsualCallers(callers, persons);
  // Caller 3 takes two to catch up, then they alternate, the lower id first among equals.
  EXPECT_EQ(assigned, (std::vector<CallerId>{3, 3, 3, 7}));
  std::map<CallerId, int> totals{{7, 2}, {3, 0}};
  for (auto id : assigned) ++totals[id];
  EXPECT_LE(std::abs(totals[7] - totals[3]), 1);
}

TEST(AssignUsualCallers, IsDeterministicWhateverTheOrderOfTheInputs) {
  const std::vector<CallerLoad> callers{{.caller_id = 5}, {.caller_id = 2}, {.caller_id = 9}};
  const std::vector<CallerLoad> shuffled{{.caller_id = 9}, {.caller_id = 5}, {.caller_id = 2}};
  const std::vector<PersonId> persons{40, 10, 30, 20, 50};
  const std::vector<PersonId> reversed{50, 20, 30, 10, 40};
  const auto first = AssignUsualCallers(callers, persons);
  const auto second = AssignUsualCallers(shuffled, reversed);
  std::map<PersonId, CallerId> by_person_first, by_person_second;
  for (std::size_t i = 0; i < persons.size(); ++i) {
    by_person_first[persons[i]] = first[i];
    by_person_second[reversed[i]] = second[i];
  }
  EXPECT_EQ(by_person_first, by_person_second);
  EXPECT_EQ(by_person_first[10], 2);  // ascending person ids go to callers 2, 5, 9, 2, 5
  EXPECT_EQ(by_person_first[20], 5);
  EXPECT_EQ(by_person_first[30], 9);
  EXPECT_EQ(by_person_first[40], 2);
  EXPECT_EQ(by_person_first[50], 5);
}

TEST(AssignUsualCallers, WithoutCallersNobodyIsAssigned) {
  const std::vector<PersonId> persons{1, 2};
  EXPECT_EQ(AssignUsualCallers({}, persons), (std::vector<CallerId>{kNoCaller, kNoCaller}));
}

constexpr LocalWindow kMornings{.start_minute = 9 * 60, .end_minute = 13 * 60};
constexpr LocalWindow kAfternoons{.start_minute = 14 * 60, .end_minute = 18 * 60};

TEST(DutyCovers, ADayInCommonAndTheShiftOverlappingTheWindow) {
  const CallerLoad weekday_mornings{.caller_id = 1, .weekdays = WeekdaySet::Of({1, 2, 3, 4, 5}), .shift = kMornings};
  const LocalWindow ten{.start_minute = 10 * 60, .end_minute = 11 * 60};
  const LocalWindow one_pm{.start_minute = 13 * 60, .end_minute = 14 * 60};
  EXPECT_TRUE(DutyCovers(weekday_mornings, WeekdaySet{}, ten)) << "no agreed day: any of the caller's";
  EXPECT_TRUE(DutyCovers(weekday_mornings, WeekdaySet::Of({5, 6}), ten));
  EXPECT_FALSE(DutyCovers(weekday_mornings, WeekdaySet::Of({6, 7}), ten)) << "weekends only";
  EXPECT_FALSE(DutyCovers(weekday_mornings, WeekdaySet{}, one_pm)) << "13:00-14:00 touches the shift's end only";
  EXPECT_FALSE(DutyCovers(weekday_mornings, WeekdaySet{}, kAfternoons));
  EXPECT_TRUE(DutyCovers(CallerLoad{.caller_id = 2}, WeekdaySet::Of({7}), one_pm)) << "duty unknown: anything";
}

TEST(AssignUsualCallers, NeverACallerWhoseDutyNeverCoversThePersonsWindow) {
  // 1 and 2 work weekday mornings (1 has nobody yet), 3 weekday afternoons, 4 Saturday afternoons.
  const std::vector<CallerLoad> callers{
      {.caller_id = 1, .enrolled = 0, .weekdays = WeekdaySet::Of({1, 2, 3, 4, 5}), .shift = kMornings},
      {.caller_id = 2, .enrolled = 5, .weekdays = WeekdaySet::Of({1, 2, 3, 4, 5}), .shift = kMornings},
      {.caller_id = 3, .enrolled = 9, .weekdays = WeekdaySet::Of({1, 2, 3, 4, 5}), .shift = kAfternoons},
      {.caller_id = 4, .enrolled = 20, .weekdays = WeekdaySet::Of({6}), .shift = kAfternoons}};
  const LocalWindow three_pm{.start_minute = 15 * 60, .end_minute = 16 * 60};
  const LocalWindow ten{.start_minute = 10 * 60, .end_minute = 11 * 60};
  const LocalWindow night{.start_minute = 2 * 60, .end_minute = 3 * 60};
  const std::vector<PersonSchedule> persons{
      {.person_id = 10, .window = three_pm},                                   // any day, afternoon: 3 (4 is loaded)
      {.person_id = 11, .weekdays = WeekdaySet::Of({6}), .window = three_pm},  // Saturdays: only 4
      {.person_id = 12, .window = ten},                                        // mornings: the least loaded, 1
      {.person_id = 13, .window = night},                                      // nobody works at 2 a.m.
      {.person_id = 14, .weekdays = WeekdaySet::Of({7}), .window = ten},       // nobody works on Sundays
  };
  EXPECT_EQ(AssignUsualCallers(callers, persons), (std::vector<CallerId>{3, 4, 1, kNoCaller, kNoCaller}));
  // Ten more afternoon people all go to 3, however loaded: a morning caller would never call them.
  std::vector<PersonSchedule> afternoons;
  for (PersonId id = 20; id < 30; ++id)
    afternoons.push_back({.person_id = id, .weekdays = WeekdaySet::Of({2}), .window = three_pm});
  for (const CallerId id : AssignUsualCallers(callers, afternoons)) EXPECT_EQ(id, 3);
}

TEST(ScheduleOf, TheEnrolmentThenThePersonsPreferenceThenTheCampaign) {
  const ScheduleLevel campaign{.weekdays = WeekdaySet::Of({1, 3, 5}),
                               .window = LocalWindow{.start_minute = 540, .end_minute = 720},
                               .frequency_days = 2};
  const ScheduleLevel preference{.window = LocalWindow{.start_minute = 840, .end_minute = 900}};
  const auto from_preference = ScheduleOf({}, preference, campaign);
  EXPECT_EQ(from_preference.weekdays, WeekdaySet::Of({1, 3, 5}));
  EXPECT_EQ(from_preference.window.start_minute, 840);
  EXPECT_EQ(from_preference.frequency_days, 2);
  const ScheduleLevel agreed{.weekdays = WeekdaySet::Of({2}), .frequency_days = 7};
  const auto from_enrolment = ScheduleOf(agreed, preference, campaign);
  EXPECT_EQ(from_enrolment.weekdays, WeekdaySet::Of({2}));
  EXPECT_EQ(from_enrolment.window.start_minute, 840);
  EXPECT_EQ(from_enrolment.frequency_days, 7);
  EXPECT_EQ(ScheduleOf({}, {}, {}).window.start_minute, 540);
}

}  // namespace
}  // namespace lien::calls
