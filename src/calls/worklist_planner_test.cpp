#include "calls/worklist_planner.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "calls/call_due.hpp"
#include "calls/caller_assignment.hpp"
#include "calls/schedule_test_support.hpp"

namespace lien::calls {
namespace {

using testing::Day;
using testing::kHour;
using testing::Utc;

const auto kTuesday = Day(2027, 1, 12);
const core::EpochMillis kMorning = Utc(2027, 1, 12, 7, 0);     // 08:00 Paris
const core::EpochMillis kShiftStart = Utc(2027, 1, 12, 8, 0);  // 09:00 Paris

CallerOnDuty Caller(CallerId id, std::int32_t max_calls, core::EpochMillis shift_start = kShiftStart,
                    core::EpochMillis shift_hours = 8) {
  return CallerOnDuty{.caller_id = id,
                      .shift_start = shift_start,
                      .shift_end = shift_start + shift_hours * kHour,
                      .minutes_per_call = 20,
                      .max_calls = max_calls};
}

Enrolment Person(PersonId id, CallerId usual, int start_hour, std::int32_t priority = 0) {
  Enrolment enrolment;
  enrolment.person_id = id;
  enrolment.campaign_id = 1;
  enrolment.usual_caller_id = usual;
  enrolment.window =
      LocalWindow{static_cast<std::int16_t>(start_hour * 60), static_cast<std::int16_t>(start_hour * 60 + 60)};
  enrolment.priority = priority;
  return enrolment;
}

WorklistPlan Plan(const std::vector<Enrolment>& enrolments, const std::vector<CallerOnDuty>& callers,
                  core::EpochMillis now = kMorning, std::chrono::local_days day = kTuesday) {
  return PlanWorklists(PlanRequest{.day = day, .now = now, .enrolments = enrolments, .callers = callers});
}

std::vector<PersonId> People(const std::vector<PlannedCall>& calls) {
  std::vector<PersonId> people;
  for (const PlannedCall& call : calls) people.push_back(call.person_id);
  return people;
}

TEST(WorklistPlanner, MissedYesterdayFirstThenWindowThenPriorityThenId) {
  std::vector<Enrolment> enrolments{Person(1, 10, 14),    Person(2, 10, 9),     Person(3, 10, 11, 5),
                                    Person(4, 10, 11, 8), Person(5, 10, 11, 5), Person(6, 10, 16)};
  enrolments[5].missed_yesterday = true;  // 16:00 window, but missed yesterday
  const WorklistPlan plan = Plan(enrolments, {Caller(10, 0)});
  ASSERT_EQ(plan.worklists.size(), 1u);
  EXPECT_EQ(People(plan.worklists[0].calls), (std::vector<PersonId>{6, 2, 4, 3, 5, 1}));
  EXPECT_EQ(plan.worklists[0].calls[0].reason, CallReason::kMissedYesterday);
  EXPECT_EQ(plan.worklists[0].calls[1].reason, CallReason::kDue);
  EXPECT_EQ(plan.worklists[0].calls[1].window, (UtcWindow{Utc(2027, 1, 12, 8, 0), Utc(2027, 1, 12, 9, 0)}));
  EXPECT_TRUE(plan.overflow.empty());
}

TEST(WorklistPlanner, UsualCallerFilledToCapacityThenColleagueWithMostRoom) {
  // Caller 10 can take 2 of their 5 people; 20 has room for 3 (1 own person), 30 for 4 (none of its own).
  std::vector<Enrolment> enrolments{Person(1, 10, 9),  Person(2, 10, 10), Person(3, 10, 11),
                                    Person(4, 10, 12), Person(5, 10, 13), Person(6, 20, 9)};
  const WorklistPlan plan = Plan(enrolments, {Caller(30, 4), Caller(10, 2), Caller(20, 3)});
  ASSERT_EQ(plan.worklists.size(), 3u);
  EXPECT_EQ(plan.worklists[0].caller_id, 10);
  EXPECT_EQ(People(plan.worklists[0].calls), (std::vector<PersonId>{1, 2}));
  // Spill-over in list order: 3 → 30 (4 left against 20's 2), 4 → 30 (3 against 2), 5 → 20 (2 each: the lower id).
  EXPECT_EQ(plan.worklists[1].caller_id, 20);
  EXPECT_EQ(People(plan.worklists[1].calls), (std::vector<PersonId>{6, 5}));
  EXPECT_EQ(plan.worklists[1].calls[0].continuity, Continuity::kUsualCaller);
  EXPECT_EQ(plan.worklists[1].calls[1].continuity, Continuity::kSpillOver);
  EXPECT_EQ(People(plan.worklists[2].calls), (std::vector<PersonId>{3, 4}));
  EXPECT_EQ(plan.worklists[2].calls[0].continuity, Continuity::kSpillOver);
  EXPECT_TRUE(plan.overflow.empty());
}

TEST(WorklistPlanner, WhatFitsNobodyIsReportedInOrder) {
  std::vector<Enrolment> enrolments;
  for (PersonId id = 1; id <= 7; ++id) enrolments.push_back(Person(id, 10, static_cast<int>(8 + id)));
  const WorklistPlan plan = Plan(enrolments, {Caller(10, 2), Caller(20, 3)});
  EXPECT_EQ(People(plan.worklists[0].calls), (std::vector<PersonId>{1, 2}));
  EXPECT_EQ(People(plan.worklists[1].calls), (std::vector<PersonId>{3, 4, 5}));
  EXPECT_EQ(People(plan.overflow), (std::vector<PersonId>{6, 7}));
  EXPECT_EQ(plan.overflow[0].usual_caller_id, 10);
  EXPECT_TRUE(Plan(enrolments, {}).worklists.empty());
  EXPECT_EQ(Plan(enrolments, {}).overflow.size(), 7u);
}

TEST(WorklistPlanner, StandInDuringTheAbsenceThenBackToTheUsualCaller) {
  const std::vector<Enrolment> enrolments{Person(1, 20, 9), Person(2, 20, 10), Person(3, 20, 11)};
  const std::vector<CallerOnDuty> without_20{Caller(10, 0), Caller(30, 0), Caller(40, 0)};
  const std::vector<CallerOnDuty> monday_without_20{Caller(10, 0, kShiftStart - 24 * kHour),
                                                    Caller(30, 0, kShiftStart - 24 * kHour),
                                                    Caller(40, 0, kShiftStart - 24 * kHour)};
  const WorklistPlan monday = Plan(enrolments, monday_without_20, kMorning - 24 * kHour, Day(2027, 1, 11));
  const WorklistPlan tuesday = Plan(enrolments, without_20);
  for (std::size_t index = 0; index < monday.worklists.size(); ++index) {
    EXPECT_EQ(People(monday.worklists[index].calls), People(tuesday.worklists[index].calls));
    for (const PlannedCall& call : tuesday.worklists[index].calls) EXPECT_EQ(call.continuity, Continuity::kStandIn);
  }
  const WorklistPlan back = Plan(enrolments, {Caller(10, 0), Caller(20, 0), Caller(30, 0), Caller(40, 0)});
  EXPECT_EQ(People(back.worklists[1].calls), (std::vector<PersonId>{1, 2, 3}));
}

TEST(WorklistPlanner, RetriesFollowTheirCampaignsPolicy) {
  Enrolment heatwave = Person(1, 10, 9);
  heatwave.campaign_id = 7;
  heatwave.last_attempt_at = Utc(2027, 1, 12, 8, 10);
  heatwave.last_attempt_outcome = CallOutcome::kNoAnswer;
  heatwave.attempts_on_day = 1;
  Enrolment wellbeing = heatwave;
  wellbeing.person_id = 2;
  wellbeing.campaign_id = 8;
  Enrolment exhausted = heatwave;
  exhausted.person_id = 3;
  exhausted.attempts_on_day = 5;
  const std::vector<CampaignRetryPolicy> policies{{7, DefaultRetryPolicy(CampaignKind::kHeatwave)}};
  const std::vector<Enrolment> enrolments{wellbeing, heatwave, exhausted};
  const std::vector<CallerOnDuty> callers{Caller(10, 0)};
  const WorklistPlan plan = PlanWorklists(PlanRequest{.day = kTuesday,
                                                      .now = Utc(2027, 1, 12, 8, 15),
                                                      .enrolments = enrolments,
                                                      .callers = callers,
                                                      .retry_policies = policies,
                                                      .default_retry_policy = RetryPolicy{}});
  const auto& calls = plan.worklists[0].calls;
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0].person_id, 1);
  EXPECT_EQ(calls[0].reason, CallReason::kRetry);
  EXPECT_EQ(calls[0].not_before, Utc(2027, 1, 12, 8, 55));  // 45 minutes (heatwave)
  EXPECT_EQ(calls[1].person_id, 2);
  EXPECT_EQ(calls[1].not_before, Utc(2027, 1, 12, 10, 10));  // 2 hours (default)
}

TEST(WorklistPlanner, ReplanningDuringTheDayCountsTheShiftLeft) {
  std::vector<Enrolment> enrolments;
  for (PersonId id = 1; id <= 30; ++id) enrolments.push_back(Person(id, 10, 9));
  EXPECT_EQ(Plan(enrolments, {Caller(10, 0)}).worklists[0].calls.size(), 24u);
  const WorklistPlan afternoon = Plan(enrolments, {Caller(10, 0)}, kShiftStart + 4 * kHour);
  EXPECT_EQ(afternoon.worklists[0].calls.size(), 12u);
  EXPECT_EQ(afternoon.overflow.size(), 18u);
}

TEST(WorklistPlanner, SpringForwardDayWindows) {
  Enrolment night = Person(1, 10, 2);  // 02:00–03:00 does not exist on 28 March 2027
  const WorklistPlan plan = Plan({night, Person(2, 10, 9)}, {Caller(10, 0, Utc(2027, 3, 28, 0, 0))},
                                 Utc(2027, 3, 27, 23, 0), Day(2027, 3, 28));
  ASSERT_EQ(plan.worklists[0].calls.size(), 2u);
  EXPECT_EQ(plan.worklists[0].calls[0].window, (UtcWindow{Utc(2027, 3, 28, 1, 0), Utc(2027, 3, 28, 2, 0)}));
  EXPECT_EQ(plan.worklists[0].calls[1].window, (UtcWindow{Utc(2027, 3, 28, 7, 0), Utc(2027, 3, 28, 8, 0)}));
}

Enrolment InCampaign(Enrolment enrolment, CampaignId campaign, CampaignKind kind) {
  enrolment.campaign_id = campaign;
  enrolment.campaign_kind = kind;
  return enrolment;
}

std::vector<CampaignId> Campaigns(const std::vector<PlannedCall>& calls) {
  std::vector<CampaignId> campaigns;
  for (const PlannedCall& call : calls) campaigns.push_back(call.campaign_id);
  return campaigns;
}

TEST(WorklistPlanner, OneCallADayPerPersonTheTightestCampaignKept) {
  const std::vector<Enrolment> enrolments{
      // 1: wellbeing at 9 with a higher priority, heatwave at 14: the heatwave's call is kept.
      InCampaign(Person(1, 10, 9, 10), 1, CampaignKind::kWellbeing),
      InCampaign(Person(1, 10, 14), 2, CampaignKind::kHeatwave),
      // 2: same kind: the higher priority.
      InCampaign(Person(2, 10, 10, 3), 1, CampaignKind::kWellbeing),
      InCampaign(Person(2, 10, 12, 8), 4, CampaignKind::kWellbeing),
      // 3: same kind and priority: the earlier window.
      InCampaign(Person(3, 10, 15), 1, CampaignKind::kWellbeing),
      InCampaign(Person(3, 10, 11), 4, CampaignKind::kWellbeing),
      // 4: all equal but the campaign: the lowest id.
      InCampaign(Person(4, 10, 13), 4, CampaignKind::kLockdown),
      InCampaign(Person(4, 10, 13), 1, CampaignKind::kLockdown),
      // 5: missed yesterday under wellbeing, due under cold: the cold call is kept, first as missed.
      InCampaign(Person(5, 10, 16), 1, CampaignKind::kWellbeing),
      InCampaign(Person(5, 10, 15), 5, CampaignKind::kCold),
      // 6: one campaign only.
      InCampaign(Person(6, 10, 9), 1, CampaignKind::kWellbeing),
  };
  std::vector<Enrolment> shuffled = enrolments;
  shuffled[8].missed_yesterday = true;
  const WorklistPlan plan = Plan(shuffled, {Caller(10, 0)});
  EXPECT_EQ(plan.merged, 5);
  ASSERT_EQ(plan.worklists.size(), 1u);
  EXPECT_EQ(People(plan.worklists[0].calls), (std::vector<PersonId>{5, 6, 3, 2, 4, 1}));
  EXPECT_EQ(Campaigns(plan.worklists[0].calls), (std::vector<CampaignId>{5, 1, 4, 4, 1, 2}));
  EXPECT_EQ(plan.worklists[0].calls[0].reason, CallReason::kMissedYesterday);
  EXPECT_TRUE(plan.overflow.empty());
  std::mt19937 random(11);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(shuffled.begin(), shuffled.end(), random);
    EXPECT_EQ(Plan(shuffled, {Caller(10, 0)}), plan);
  }
}

TEST(WorklistPlanner, ACallGoesOnlyToACallerWhoseShiftOverlapsItsWindow) {
  // 10 works 09:00-13:00, 20 works 14:00-22:00 (Paris).
  const std::vector<CallerOnDuty> callers{Caller(10, 0, kShiftStart, 4), Caller(20, 0, kShiftStart + 5 * kHour)};
  const std::vector<Enrolment> enrolments{
      Person(1, 10, 18),  // usual caller's shift is over at 13:00: 20 covers 18:00-19:00
      Person(2, 20, 11),  // usual caller starts at 14:00: a morning colleague
      Person(3, 10, 12),  // the usual caller covers it
      Person(4, 10, 7),   // 07:00-08:00: nobody's shift
      Person(5, 20, 13),  // 13:00-14:00 touches both shifts without overlapping them
      Person(6, 20, 21),  // 21:00-22:00: the usual caller
  };
  const WorklistPlan plan = Plan(enrolments, callers);
  ASSERT_EQ(plan.worklists.size(), 2u);
  EXPECT_EQ(People(plan.worklists[0].calls), (std::vector<PersonId>{2, 3}));
  EXPECT_NE(plan.worklists[0].calls[0].continuity, Continuity::kUsualCaller);
  EXPECT_EQ(plan.worklists[0].calls[1].continuity, Continuity::kUsualCaller);
  EXPECT_EQ(People(plan.worklists[1].calls), (std::vector<PersonId>{1, 6}));
  EXPECT_NE(plan.worklists[1].calls[0].continuity, Continuity::kUsualCaller);
  EXPECT_EQ(plan.worklists[1].calls[1].continuity, Continuity::kUsualCaller);
  ASSERT_EQ(People(plan.overflow), (std::vector<PersonId>{4, 5}));
  EXPECT_EQ(plan.overflow[0].overflow_reason, OverflowReason::kOutsideEveryShift);
  EXPECT_EQ(plan.overflow[1].overflow_reason, OverflowReason::kOutsideEveryShift);
  EXPECT_EQ(OverflowReasonName(OverflowReason::kOutsideEveryShift), "outside_every_shift");

  // The evening caller full: an evening call waits on the overflow for want of room, not of a shift.
  const WorklistPlan full = Plan({Person(1, 20, 18), Person(7, 20, 19)},
                                 {Caller(10, 0, kShiftStart, 4), Caller(20, 1, kShiftStart + 5 * kHour)});
  EXPECT_EQ(People(full.worklists[1].calls), (std::vector<PersonId>{1}));
  ASSERT_EQ(People(full.overflow), (std::vector<PersonId>{7}));
  EXPECT_EQ(full.overflow[0].overflow_reason, OverflowReason::kNoRoom);
}

/// A caller on `day` working `from`–`to` (Paris hours), shift through the time-zone rules.
CallerOnDuty ShiftOn(CallerId id, std::chrono::local_days day, int from, int to, std::int32_t max_calls = 0) {
  const UtcWindow shift =
      AgreedWindowOn(day, LocalWindow{static_cast<std::int16_t>(from * 60), static_cast<std::int16_t>(to * 60)});
  return CallerOnDuty{.caller_id = id, .shift_start = shift.start, .shift_end = shift.end, .max_calls = max_calls};
}

const auto kSpringForward = Day(2027, 3, 28);
const auto kFallBack = Day(2027, 10, 31);

TEST(WorklistPlanner, WhenTheUsualCallersShiftMissesTheWindowTheSameStandInCallsThenTheUsualCallerAgain) {
  // Caller 1 usually works afternoons, but on the two daylight-saving Sundays only mornings: their people called
  // 15:00-16:00 go to a stand-in among the afternoon callers, the same one both days, and back to 1 on Monday.
  std::vector<Enrolment> enrolments;
  for (PersonId id = 1; id <= 20; ++id) enrolments.push_back(Person(id, 1, 15));
  const auto team_on = [](std::chrono::local_days day, bool usual_in_the_morning, std::int32_t spare) {
    std::vector<CallerOnDuty> team{usual_in_the_morning ? ShiftOn(1, day, 8, 12) : ShiftOn(1, day, 14, 18)};
    for (CallerId id = 2; id <= 4; ++id) team.push_back(ShiftOn(id, day, 8, 12));  // mornings
    for (CallerId id = 5; id <= 8; ++id)
      team.push_back(ShiftOn(id, day, 14, 18, 30 + spare * static_cast<std::int32_t>(id)));
    return team;
  };
  const auto before_shifts = [](std::chrono::local_days day) {
    return AgreedWindowOn(day, LocalWindow{360, 420}).start;
  };
  const WorklistPlan spring =
      Plan(enrolments, team_on(kSpringForward, true, 0), before_shifts(kSpringForward), kSpringForward);
  const WorklistPlan autumn = Plan(enrolments, team_on(kFallBack, true, 3), before_shifts(kFallBack), kFallBack);
  const auto monday = kFallBack + std::chrono::days{1};
  const WorklistPlan back = Plan(enrolments, team_on(monday, false, 0), before_shifts(monday), monday);
  std::map<PersonId, CallerId> spring_caller, autumn_caller;
  for (const auto& [plan, callers] : {std::pair{&spring, &spring_caller}, std::pair{&autumn, &autumn_caller}}) {
    EXPECT_TRUE(plan->overflow.empty());
    for (const Worklist& list : plan->worklists) {
      for (const PlannedCall& call : list.calls) {
        EXPECT_GE(list.caller_id, 5) << "only an afternoon caller covers 15:00-16:00";
        EXPECT_EQ(call.continuity, Continuity::kStandIn) << call.person_id;
        (*callers)[call.person_id] = list.caller_id;
      }
    }
  }
  EXPECT_EQ(spring_caller.size(), 20u);
  EXPECT_EQ(spring_caller, autumn_caller);
  ASSERT_EQ(back.worklists[0].caller_id, 1);
  EXPECT_EQ(back.worklists[0].calls.size(), 12u) << "four hours of twenty-minute calls";
  for (const PlannedCall& call : back.worklists[0].calls) EXPECT_EQ(call.continuity, Continuity::kUsualCaller);
}

TEST(WorklistPlanner, APersonWithoutUsualCallerGetsACallerWhoseShiftCoversTheirWindow) {
  // Nobody has a usual caller; windows in the afternoon; mornings 1-2, afternoons 3-4 with little room each.
  std::vector<Enrolment> enrolments;
  for (PersonId id = 1; id <= 10; ++id) enrolments.push_back(Person(id, kNoCaller, 14 + static_cast<int>(id % 3)));
  Enrolment retry = Person(11, kNoCaller, 9);  // a morning window, tried and retried in the afternoon
  retry.last_attempt_at = Utc(2027, 1, 12, 10, 30);
  retry.last_attempt_outcome = CallOutcome::kNoAnswer;
  retry.attempts_on_day = 1;
  enrolments.push_back(retry);
  for (const auto day : {kSpringForward, kFallBack}) {
    std::vector<Enrolment> on_day = enrolments;
    on_day.back().last_attempt_at = AgreedWindowOn(day, LocalWindow{11 * 60 + 30, 12 * 60}).start;
    const std::vector<CallerOnDuty> team{ShiftOn(1, day, 8, 13), ShiftOn(2, day, 8, 13), ShiftOn(3, day, 13, 19, 4),
                                         ShiftOn(4, day, 13, 19, 7)};
    const WorklistPlan plan = Plan(on_day, team, AgreedWindowOn(day, LocalWindow{420, 480}).start, day);
    EXPECT_TRUE(plan.overflow.empty());
    std::size_t first = 0;
    for (const Worklist& list : plan.worklists) {
      for (const PlannedCall& call : list.calls) {
        if (call.person_id == 11) {
          EXPECT_GE(list.caller_id, 3) << "the retry at 13:30 Paris: the morning callers have gone";
          EXPECT_EQ(call.continuity, Continuity::kSpillOver) << "an afternoon caller never covers 09:00-10:00";
          continue;
        }
        EXPECT_GE(list.caller_id, 3);
        EXPECT_EQ(call.continuity, Continuity::kFirstAssignment) << call.person_id << " (the store keeps it)";
        ++first;
      }
    }
    EXPECT_EQ(first, 10u) << "every one, the calls that spilled from a full caller to a colleague included";
  }
}

TEST(WorklistPlanner, ARetryIsPlannedOnlyForACallerStillWorkingAtItsTime) {
  // The usual caller works 08:00-13:00; the person (window 10:00-11:00) did not answer at 12:00 and is retried two
  // hours later, at 14:00 Paris, on both daylight-saving days.
  for (const auto day : {kSpringForward, kFallBack}) {
    Enrolment tried = Person(1, 10, 10);
    tried.last_attempt_at = AgreedWindowOn(day, LocalWindow{12 * 60, 12 * 60 + 1}).start;
    tried.last_attempt_outcome = CallOutcome::kNoAnswer;
    tried.attempts_on_day = 1;
    const core::EpochMillis now = AgreedWindowOn(day, LocalWindow{12 * 60 + 5, 12 * 60 + 6}).start;
    const core::EpochMillis two_pm = AgreedWindowOn(day, LocalWindow{14 * 60, 14 * 60 + 1}).start;
    const WorklistPlan with_colleague =
        Plan({tried}, {ShiftOn(10, day, 8, 13), ShiftOn(20, day, 8, 13), ShiftOn(30, day, 13, 20)}, now, day);
    ASSERT_EQ(with_colleague.worklists.size(), 3u);
    EXPECT_TRUE(with_colleague.worklists[0].calls.empty()) << "not for 14:00 on a list that ends at 13:00";
    ASSERT_EQ(with_colleague.worklists[2].calls.size(), 1u);
    EXPECT_EQ(with_colleague.worklists[2].calls[0].not_before, two_pm);
    EXPECT_EQ(with_colleague.worklists[2].calls[0].continuity, Continuity::kStandIn);
    EXPECT_EQ(with_colleague.worklists[2].calls[0].reason, CallReason::kRetry);

    const WorklistPlan mornings_only = Plan({tried}, {ShiftOn(10, day, 8, 13), ShiftOn(20, day, 8, 13)}, now, day);
    EXPECT_TRUE(mornings_only.worklists[0].calls.empty());
    EXPECT_TRUE(mornings_only.worklists[1].calls.empty());
    ASSERT_EQ(mornings_only.overflow.size(), 1u) << "nobody works at 14:00: the store carries it to tomorrow";
    EXPECT_EQ(mornings_only.overflow[0].overflow_reason, OverflowReason::kOutsideEveryShift);

    std::vector<CallerOnDuty> full{ShiftOn(10, day, 8, 13), ShiftOn(30, day, 13, 20)};
    full[1].max_calls = 2;
    full[1].calls_made = 2;
    const WorklistPlan no_room = Plan({tried}, full, now, day);
    ASSERT_EQ(no_room.overflow.size(), 1u);
    EXPECT_EQ(no_room.overflow[0].overflow_reason, OverflowReason::kNoRoom);
  }
}

/// A varied day: 3,000 enrolments over two campaigns, 25 callers of whom some are away, tight capacity.
PlanRequest VariedDay(std::vector<Enrolment>& enrolments, std::vector<CallerOnDuty>& callers) {
  enrolments.clear();
  callers.clear();
  std::mt19937 random(42);
  for (PersonId id = 1; id <= 3000; ++id) {
    Enrolment enrolment = Person(id, 1 + static_cast<CallerId>(random() % 30), 8 + static_cast<int>(random() % 10),
                                 static_cast<std::int32_t>(random() % 16));
    enrolment.campaign_id = 1 + static_cast<CampaignId>(random() % 2);
    enrolment.frequency_days = static_cast<std::int16_t>(random() % 4);
    if (random() % 3 == 0) enrolment.last_reached_at = Utc(2027, 1, 12 - static_cast<unsigned>(random() % 5), 9, 0);
    enrolment.missed_yesterday = random() % 10 == 0;
    if (id % 7 == 0) {  // also in a heatwave campaign: one call a day for both
      Enrolment heatwave = enrolment;
      heatwave.campaign_id = 3;
      heatwave.campaign_kind = CampaignKind::kHeatwave;
      heatwave.window.start_minute = static_cast<std::int16_t>((9 + random() % 8) * 60);
      heatwave.window.end_minute = static_cast<std::int16_t>(heatwave.window.start_minute + 60);
      heatwave.missed_yesterday = false;
      enrolments.push_back(heatwave);
    }
    if (random() % 8 == 0) {
      enrolment.last_attempt_at = Utc(2027, 1, 12, 8, static_cast<int>(random() % 60));
      enrolment.attempts_on_day = static_cast<std::int16_t>(1 + random() % 3);
      enrolment.last_attempt_outcome = random() % 2 ? CallOutcome::kBusy : CallOutcome::kNoAnswer;
    }
    enrolments.push_back(enrolment);
  }
  for (CallerId id = 1; id <= 30; ++id) {
    if (id % 6 != 0) callers.push_back(Caller(id, static_cast<std::int32_t>(20 + random() % 60)));
  }
  return PlanRequest{.day = kTuesday, .now = kMorning, .enrolments = enrolments, .callers = callers};
}

TEST(WorklistPlanner, SameInputsInAnyOrderGiveTheSameLists) {
  std::vector<Enrolment> enrolments;
  std::vector<CallerOnDuty> callers;
  const WorklistPlan reference = PlanWorklists(VariedDay(enrolments, callers));
  ASSERT_FALSE(reference.overflow.empty());
  ASSERT_GT(reference.merged, 0);
  const auto outside = std::count_if(reference.overflow.begin(), reference.overflow.end(), [](const auto& call) {
    return call.overflow_reason == OverflowReason::kOutsideEveryShift;
  });
  ASSERT_GT(outside, 0);
  ASSERT_LT(static_cast<std::size_t>(outside), reference.overflow.size());
  EXPECT_EQ(PlanWorklists(VariedDay(enrolments, callers)), reference);
  std::mt19937 random(7);
  for (int round = 0; round < 3; ++round) {
    std::shuffle(enrolments.begin(), enrolments.end(), random);
    std::shuffle(callers.begin(), callers.end(), random);
    EXPECT_EQ(
        PlanWorklists(PlanRequest{.day = kTuesday, .now = kMorning, .enrolments = enrolments, .callers = callers}),
        reference);
  }
}

TEST(WorklistPlanner, EveryCallOnceAndEveryListInOrderWithinCapacity) {
  std::vector<Enrolment> enrolments;
  std::vector<CallerOnDuty> callers;
  const PlanRequest request = VariedDay(enrolments, callers);
  const WorklistPlan plan = PlanWorklists(request);
  const ParisDay day(kTuesday);
  std::set<PersonId> due;  // one call a day per person, however many campaigns
  for (const Enrolment& enrolment : enrolments) {
    if (CallOn(day, enrolment, RetryPolicy{})) due.insert(enrolment.person_id);
  }
  std::size_t expected_calls = 0;
  for (const Enrolment& enrolment : enrolments) expected_calls += CallOn(day, enrolment, RetryPolicy{}) ? 1 : 0;
  EXPECT_EQ(static_cast<std::size_t>(plan.merged), expected_calls - due.size());
  const std::size_t expected = due.size();
  std::vector<PersonId> seen;
  const auto in_order = [](const PlannedCall& a, const PlannedCall& b) {
    const bool a_missed = a.reason == CallReason::kMissedYesterday;
    const bool b_missed = b.reason == CallReason::kMissedYesterday;
    return std::tie(b_missed, a.not_before, b.priority, a.person_id) <
           std::tie(a_missed, b.not_before, a.priority, b.person_id);
  };
  for (const Worklist& list : plan.worklists) {
    const auto caller =
        std::find_if(callers.begin(), callers.end(), [&](const auto& c) { return c.caller_id == list.caller_id; });
    ASSERT_NE(caller, callers.end());
    EXPECT_LE(static_cast<std::int32_t>(list.calls.size()), RemainingCapacity(*caller, request.now));
    EXPECT_TRUE(std::is_sorted(list.calls.begin(), list.calls.end(), in_order));
    for (const PlannedCall& call : list.calls) {
      seen.push_back(call.person_id);
      EXPECT_LT(call.not_before, caller->shift_end) << "never on a caller whose shift is over when it can be made";
      if (call.reason == CallReason::kDue) {
        EXPECT_LT(caller->shift_start, call.window.end) << "a call only on a caller whose shift overlaps its window";
        EXPECT_LT(call.window.start, caller->shift_end);
      }
    }
  }
  EXPECT_TRUE(std::is_sorted(plan.overflow.begin(), plan.overflow.end(), in_order));
  for (const PlannedCall& call : plan.overflow) seen.push_back(call.person_id);
  EXPECT_EQ(seen.size(), expected);
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(std::adjacent_find(seen.begin(), seen.end()), seen.end());
}

}  // namespace
}  // namespace lien::calls
