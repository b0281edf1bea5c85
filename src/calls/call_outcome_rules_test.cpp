#include "calls/call_outcome_rules.hpp"

#include <gtest/gtest.h>

#include "calls/break_glass_rules.hpp"
#include "calls/call_script.hpp"
#include "calls/schedule_test_support.hpp"

namespace lien::calls {
namespace {

using testing::kHour;
using testing::kMinute;
using testing::Utc;

const RetryPolicy kPolicy = CampaignRetryPolicyOf(120, 3);
// 10:00 Paris in summer; the day ends at 22:00 UTC.
const core::EpochMillis kTen = Utc(2026, 6, 15, 8, 0);
const core::EpochMillis kDayEnd = Utc(2026, 6, 15, 22, 0);

TEST(CallOutcomeRules, ReachedEndsTheDayAndCountsAsAContact) {
  const auto decision = DecideOutcome(CallOutcome::kReached, kTen, 0, kPolicy, kDayEnd);
  EXPECT_EQ(decision.item_state, ItemState::kDone);
  EXPECT_EQ(decision.attempts, 1);
  EXPECT_TRUE(decision.reached);
  EXPECT_TRUE(decision.contact);
  EXPECT_FALSE(decision.retry_at);
  EXPECT_EQ(decision.enrolment_change, EnrolmentChange::kNone);
  EXPECT_FALSE(decision.inform_coordinator);
}

TEST(CallOutcomeRules, ARefusalIsAContactWithoutRetry) {
  const auto decision = DecideOutcome(CallOutcome::kRefused, kTen, 1, kPolicy, kDayEnd);
  EXPECT_EQ(decision.item_state, ItemState::kDone);
  EXPECT_EQ(decision.attempts, 2);
  EXPECT_TRUE(decision.contact);
  EXPECT_FALSE(decision.retry_at);
}

TEST(CallOutcomeRules, NoAnswerBusyAndVoicemailComeBackAfterTheCampaignsDelay) {
  for (const auto outcome : {CallOutcome::kNoAnswer, CallOutcome::kBusy, CallOutcome::kVoicemail}) {
    const auto decision = DecideOutcome(outcome, kTen, 0, kPolicy, kDayEnd);
    EXPECT_EQ(decision.item_state, ItemState::kPending) << CallOutcomeName(outcome);
    EXPECT_EQ(decision.attempts, 1);
    EXPECT_EQ(decision.retry_at, kTen + 120 * kMinute) << CallOutcomeName(outcome);
    EXPECT_FALSE(decision.reached);
    EXPECT_FALSE(decision.contact);
  }
}

TEST(CallOutcomeRules, TheLastAttemptOfTheDayFailsTheItem) {
  EXPECT_EQ(DecideOutcome(CallOutcome::kNoAnswer, kTen, 1, kPolicy, kDayEnd).item_state, ItemState::kPending);
  const auto third = DecideOutcome(CallOutcome::kNoAnswer, kTen, 2, kPolicy, kDayEnd);
  EXPECT_EQ(third.item_state, ItemState::kFailed);
  EXPECT_EQ(third.attempts, 3);
  EXPECT_FALSE(third.retry_at);
}

TEST(CallOutcomeRules, ARetryAfterMidnightFailsTheItemSoItComesBackTomorrowAsMissed) {
  const auto late = DecideOutcome(CallOutcome::kNoAnswer, kDayEnd - kHour, 0, kPolicy, kDayEnd);
  EXPECT_EQ(late.item_state, ItemState::kFailed);
  const auto just_in = DecideOutcome(CallOutcome::kNoAnswer, kDayEnd - 121 * kMinute, 0, kPolicy, kDayEnd);
  EXPECT_EQ(just_in.item_state, ItemState::kPending);
}

TEST(CallOutcomeRules, AWrongNumberFailsAndIsFlagged) {
  const auto decision = DecideOutcome(CallOutcome::kWrongNumber, kTen, 0, kPolicy, kDayEnd);
  EXPECT_EQ(decision.item_state, ItemState::kFailed);
  EXPECT_TRUE(decision.inform_coordinator);
  EXPECT_FALSE(decision.contact);
}

TEST(CallOutcomeRules, HospitalAndAwayPauseTheEnrolment) {
  for (const auto outcome : {CallOutcome::kInHospital, CallOutcome::kAway}) {
    const auto decision = DecideOutcome(outcome, kTen, 0, kPolicy, kDayEnd);
    EXPECT_EQ(decision.item_state, ItemState::kDone);
    EXPECT_EQ(decision.enrolment_change, EnrolmentChange::kPause);
    EXPECT_TRUE(decision.inform_coordinator);
    EXPECT_FALSE(decision.reached);
  }
}

TEST(CallOutcomeRules, DeceasedEndsEveryEnrolmentOfThePerson) {
  const auto decision = DecideOutcome(CallOutcome::kDeceased, kTen, 2, kPolicy, kDayEnd);
  EXPECT_EQ(decision.item_state, ItemState::kDone);
  EXPECT_EQ(decision.enrolment_change, EnrolmentChange::kEndAllOfPerson);
  EXPECT_TRUE(decision.inform_coordinator);
  EXPECT_FALSE(decision.contact);
}

TEST(CallOutcomeRules, CampaignSettingsOutOfRangeKeepTheDefaults) {
  const auto defaults = DefaultRetryPolicy(CampaignKind::kWellbeing);
  const auto policy = CampaignRetryPolicyOf(-1, 0);
  EXPECT_EQ(policy.no_answer_delay_minutes, defaults.no_answer_delay_minutes);
  EXPECT_EQ(policy.max_attempts_per_day, defaults.max_attempts_per_day);
  const auto tight = CampaignRetryPolicyOf(30, 5);
  EXPECT_EQ(tight.busy_delay_minutes, 30);
  EXPECT_EQ(tight.max_attempts_per_day, 5);
}

TEST(CallOutcomeRules, ItemStatesHaveStableNames) {
  for (const auto state : {ItemState::kPending, ItemState::kDone, ItemState::kFailed, ItemState::kMoved}) {
    EXPECT_EQ(ItemStateFromName(ItemStateName(state)), state);
  }
  EXPECT_FALSE(ItemStateFromName("cancelled"));
}

TEST(BreakGlassRules, TheReasonNeedsFifteenCharactersOfText) {
  EXPECT_FALSE(ValidBreakGlassReason("urgence"));
  EXPECT_FALSE(ValidBreakGlassReason("   urgence       "));
  EXPECT_EQ(ValidBreakGlassReason("trop court").error().message_key, "calls.break_glass_reason_too_short");
  // Characters, not bytes: "fille inquiète" is 15 bytes but 14 characters; "voisin inquiète" is 15.
  EXPECT_FALSE(ValidBreakGlassReason("fille inquiète"));
  EXPECT_EQ(ValidBreakGlassReason("  voisin inquiète  ").value(), "voisin inquiète");
  EXPECT_FALSE(ValidBreakGlassReason(std::string(1001, 'a')));
}

}  // namespace
}  // namespace lien::calls

namespace lien::calls {
namespace {

const std::vector<ScriptQuestion> kScript = {
    {1, "Avez-vous de quoi manger pour trois jours ?", "yes_no", "", "groceries", "no"},
    {2, "Comment vous sentez-vous, de 1 à 5 ?", "scale", "", "", ""},
    {3, "Autre chose ?", "text", "", "", ""},
};

TEST(CallScript, AnAnswerEqualToRaisesOnProposesTheNeed) {
  const auto needs = NeedsRaised(kScript, {{1, " No "}, {2, "4"}});
  ASSERT_EQ(needs.size(), 1U);
  EXPECT_EQ(needs[0].kind, "groceries");
  EXPECT_EQ(needs[0].position, 1);
  EXPECT_TRUE(NeedsRaised(kScript, {{1, "yes"}}).empty());
}

TEST(CallScript, AnswersMustFitTheirQuestion) {
  EXPECT_TRUE(ValidateAnswers(kScript, {{1, "yes"}, {2, "3"}, {3, "tout va bien"}}));
  EXPECT_EQ(ValidateAnswers(kScript, {{9, "yes"}}).error().message_key, "calls.unknown_question");
  EXPECT_EQ(ValidateAnswers(kScript, {{1, "yes"}, {1, "no"}}).error().message_key, "calls.unknown_question");
  EXPECT_EQ(ValidateAnswers(kScript, {{1, "peut-être"}}).error().message_key, "calls.invalid_answer");
  EXPECT_EQ(ValidateAnswers(kScript, {{2, "beaucoup"}}).error().message_key, "calls.invalid_answer");
  EXPECT_FALSE(ValidateAnswers(kScript, {{3, std::string(501, 'x')}}));
}

}  // namespace
}  // namespace lien::calls
