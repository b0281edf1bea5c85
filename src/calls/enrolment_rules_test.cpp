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
