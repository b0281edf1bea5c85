#include "calls/escalation_workflow.hpp"

#include <gtest/gtest.h>

#include "calls/schedule_test_support.hpp"

namespace lien::calls {
namespace {

using testing::Day;
using testing::kHour;
using testing::kMinute;
using testing::Utc;

const core::EpochMillis kEnrolled = Utc(2027, 7, 1, 8, 0);

EscalationCandidate Heatwave(std::int32_t attempts) {
  EscalationCandidate candidate;
  candidate.enrolment_id = 7;
  candidate.policy = EscalationPolicy{.hours_without_contact = 48, .min_attempts = 3};
  candidate.enrolled_at = kEnrolled;
  candidate.attempts = attempts;
  return candidate;
}

TEST(EscalationSweepRule, NeverReachedCountsFromEnrolment) {
  const auto candidate = Heatwave(3);
  EXPECT_EQ(CountingFrom(candidate), kEnrolled);
  EXPECT_EQ(DecideEscalation(candidate, kEnrolled + 48 * kHour - kMinute), EscalationDecision::kNotYet);
  EXPECT_EQ(DecideEscalation(candidate, kEnrolled + 48 * kHour), EscalationDecision::kRaise);
}

TEST(EscalationSweepRule, TheThresholdIsTheCampaigns) {
  auto candidate = Heatwave(1);
  candidate.policy = EscalationPolicy{.hours_without_contact = 6, .min_attempts = 1};
  EXPECT_EQ(DecideEscalation(candidate, kEnrolled + 6 * kHour), EscalationDecision::kRaise);
  candidate.policy.hours_without_contact = 7 * 24;
  EXPECT_EQ(DecideEscalation(candidate, kEnrolled + 6 * 24 * kHour), EscalationDecision::kNotYet);
  EXPECT_EQ(DecideEscalation(candidate, kEnrolled + 7 * 24 * kHour), EscalationDecision::kRaise);
}

TEST(EscalationSweepRule, NotBeforeTheMinimumAttempts) {
  const core::EpochMillis late = kEnrolled + 10 * 24 * kHour;
  EXPECT_EQ(DecideEscalation(Heatwave(0), late), EscalationDecision::kNotYet) << "a call never made is no sign";
  EXPECT_EQ(DecideEscalation(Heatwave(2), late), EscalationDecision::kNotYet);
  EXPECT_EQ(DecideEscalation(Heatwave(3), late), EscalationDecision::kRaise);
  EXPECT_EQ(DecideEscalation(Heatwave(9), late), EscalationDecision::kRaise);
}

TEST(EscalationSweepRule, ReachingThePersonRestartsTheThreshold) {
  auto candidate = Heatwave(4);
  candidate.last_reached_at = kEnrolled + 30 * kHour;
  EXPECT_EQ(CountingFrom(candidate), kEnrolled + 30 * kHour);
  EXPECT_EQ(DecideEscalation(candidate, kEnrolled + 60 * kHour), EscalationDecision::kNotYet);
  EXPECT_EQ(DecideEscalation(candidate, kEnrolled + 78 * kHour), EscalationDecision::kRaise);
}

TEST(EscalationSweepRule, ALastEscalationClosedRestartsItToo) {
  auto candidate = Heatwave(3);
  candidate.last_closed_at = kEnrolled + 50 * kHour;  // a visit found nobody; the alert was closed
  EXPECT_EQ(CountingFrom(candidate), kEnrolled + 50 * kHour);
  EXPECT_EQ(DecideEscalation(candidate, kEnrolled + 51 * kHour), EscalationDecision::kNotYet);
  EXPECT_EQ(DecideEscalation(candidate, kEnrolled + 98 * kHour), EscalationDecision::kRaise);
}

TEST(EscalationSweepRule, NeverASecondOpenEscalation) {
  auto candidate = Heatwave(5);
  candidate.has_open_escalation = true;
  EXPECT_EQ(DecideEscalation(candidate, kEnrolled + 100 * kHour), EscalationDecision::kAlreadyOpen);
}

TEST(EscalationSweepRule, NobodyToVisitWhenDeceasedOrMoved) {
  auto candidate = Heatwave(5);
  candidate.situation = PersonSituation::kDeceased;
  EXPECT_EQ(DecideEscalation(candidate, kEnrolled + 100 * kHour), EscalationDecision::kPersonGone);
  candidate.situation = PersonSituation::kMoved;
  EXPECT_EQ(DecideEscalation(candidate, kEnrolled + 100 * kHour), EscalationDecision::kPersonGone);
}

TEST(EscalationSweepRule, AwayOrInHospitalUntilAKnownDayThenExpectedHome) {
  auto candidate = Heatwave(5);
  candidate.situation = PersonSituation::kInHospital;
  const core::EpochMillis now = Utc(2027, 7, 6, 9, 0);
  EXPECT_EQ(DecideEscalation(candidate, now), EscalationDecision::kWhereaboutsKnown) << "no end date: still away";
  candidate.situation_until = Day(2027, 7, 6);
  EXPECT_EQ(DecideEscalation(candidate, now), EscalationDecision::kWhereaboutsKnown) << "the last day included";
  candidate.situation_until = Day(2027, 7, 5);
  EXPECT_EQ(DecideEscalation(candidate, now), EscalationDecision::kRaise);
  candidate.situation = PersonSituation::kAway;
  candidate.situation_until = Day(2027, 7, 6);
  // 23:30 UTC on the 6th is already the 7th in Paris (summer time): the absence is over.
  EXPECT_EQ(DecideEscalation(candidate, Utc(2027, 7, 6, 22, 30)), EscalationDecision::kRaise);
}

TEST(EscalationWorkflow, NamesRoundTrip) {
  for (auto state : {EscalationState::kOpen, EscalationState::kContactsTried, EscalationState::kVisitAssigned,
                     EscalationState::kClosed}) {
    EXPECT_EQ(EscalationStateFromName(EscalationStateName(state)), state);
  }
  for (auto outcome : {VisitOutcome::kFoundWell, VisitOutcome::kNeedsHelp, VisitOutcome::kHospitalised,
                       VisitOutcome::kNotFound, VisitOutcome::kDeceased}) {
    EXPECT_EQ(VisitOutcomeFromName(VisitOutcomeName(outcome)), outcome);
  }
  EXPECT_EQ(VisitOutcomeFromName("found"), std::nullopt);
  EXPECT_EQ(PersonSituationFromName("in_hospital"), PersonSituation::kInHospital);
  EXPECT_EQ(PersonSituationFromName(""), std::nullopt);
}

TEST(EscalationWorkflow, AClosedEscalationTakesNoMoreSteps) {
  const EscalationFacts closed{.state = EscalationState::kClosed, .visit_assignee_id = 4};
  EXPECT_EQ(CheckContactsTried(closed).error().message_key, "escalations.closed");
  EXPECT_EQ(CheckVisitAssignment(closed).error().message_key, "escalations.closed");
  EXPECT_EQ(CheckVisitOutcome(closed, 4, false).error().message_key, "escalations.closed");
  const EscalationFacts open{.state = EscalationState::kOpen};
  EXPECT_TRUE(CheckContactsTried(open).has_value());
  EXPECT_TRUE(CheckVisitAssignment(open).has_value());
  EXPECT_TRUE(CheckVisitAssignment(EscalationFacts{.state = EscalationState::kVisitAssigned}).has_value())
      << "a visit can be reassigned";
}

TEST(EscalationWorkflow, TheOutcomeIsTheAssigneesOrASupervisors) {
  const EscalationFacts assigned{.state = EscalationState::kVisitAssigned, .visit_assignee_id = 4};
  EXPECT_TRUE(CheckVisitOutcome(assigned, 4, false).has_value());
  EXPECT_TRUE(CheckVisitOutcome(assigned, 9, true).has_value());
  auto other = CheckVisitOutcome(assigned, 9, false);
  EXPECT_EQ(other.error().code, core::ErrorCode::kNotFound) << "another agent's visit does not exist for them";
  const EscalationFacts named{.state = EscalationState::kVisitAssigned};  // "police municipale", no account
  EXPECT_EQ(CheckVisitOutcome(named, 4, false).error().code, core::ErrorCode::kNotFound);
  EXPECT_TRUE(CheckVisitOutcome(named, 9, true).has_value());
  const EscalationFacts open{.state = EscalationState::kContactsTried};
  EXPECT_EQ(CheckVisitOutcome(open, 9, true).error().message_key, "escalations.no_visit_assigned");
}

TEST(EscalationWorkflow, ANeedGoesWithNeedsHelpOnly) {
  EXPECT_TRUE(CheckNeedWithOutcome(VisitOutcome::kNeedsHelp, true).has_value());
  EXPECT_EQ(CheckNeedWithOutcome(VisitOutcome::kNeedsHelp, false).error().message_key, "escalations.need_required");
  EXPECT_TRUE(CheckNeedWithOutcome(VisitOutcome::kFoundWell, false).has_value());
  EXPECT_EQ(CheckNeedWithOutcome(VisitOutcome::kFoundWell, true).error().field, "need");
}

TEST(EscalationWorkflow, WhatEachOutcomeChanges) {
  EXPECT_TRUE(EffectsOf(VisitOutcome::kFoundWell).person_reached);
  EXPECT_FALSE(EffectsOf(VisitOutcome::kFoundWell).propose_need);
  EXPECT_TRUE(EffectsOf(VisitOutcome::kNeedsHelp).person_reached);
  EXPECT_TRUE(EffectsOf(VisitOutcome::kNeedsHelp).propose_need);
  EXPECT_EQ(EffectsOf(VisitOutcome::kHospitalised).new_situation, PersonSituation::kInHospital);
  EXPECT_FALSE(EffectsOf(VisitOutcome::kHospitalised).person_reached);
  const auto not_found = EffectsOf(VisitOutcome::kNotFound);
  EXPECT_FALSE(not_found.person_reached || not_found.new_situation || not_found.propose_need ||
               not_found.end_enrolment);
  EXPECT_EQ(EffectsOf(VisitOutcome::kDeceased).new_situation, PersonSituation::kDeceased);
  EXPECT_TRUE(EffectsOf(VisitOutcome::kDeceased).end_enrolment);
}

}  // namespace
}  // namespace lien::calls
