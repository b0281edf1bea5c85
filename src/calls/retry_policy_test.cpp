#include "calls/retry_policy.hpp"

#include <gtest/gtest.h>

#include "calls/schedule_test_support.hpp"

namespace lien::calls {
namespace {

using testing::kMinute;

TEST(RetryPolicy, DelayDependsOnTheOutcome) {
  const RetryPolicy policy{.no_answer_delay_minutes = 60,
                           .busy_delay_minutes = 15,
                           .voicemail_delay_minutes = 90,
                           .max_attempts_per_day = 4};
  EXPECT_EQ(NextAttemptAt(CallOutcome::kNoAnswer, 0, 1, policy), 60 * kMinute);
  EXPECT_EQ(NextAttemptAt(CallOutcome::kBusy, 0, 1, policy), 15 * kMinute);
  EXPECT_EQ(NextAttemptAt(CallOutcome::kVoicemail, 0, 1, policy), 90 * kMinute);
}

TEST(RetryPolicy, StopsAtTheDaysMaximum) {
  const RetryPolicy policy{.max_attempts_per_day = 3};
  EXPECT_TRUE(NextAttemptAt(CallOutcome::kNoAnswer, 0, 2, policy));
  EXPECT_FALSE(NextAttemptAt(CallOutcome::kNoAnswer, 0, 3, policy));
  EXPECT_FALSE(NextAttemptAt(CallOutcome::kNoAnswer, 0, 4, policy));
}

TEST(RetryPolicy, FinalOutcomesAreNotRetried) {
  for (const CallOutcome outcome : {CallOutcome::kReached, CallOutcome::kWrongNumber, CallOutcome::kRefused,
                                    CallOutcome::kInHospital, CallOutcome::kAway, CallOutcome::kDeceased}) {
    EXPECT_FALSE(IsRetryable(outcome)) << CallOutcomeName(outcome);
    EXPECT_FALSE(NextAttemptAt(outcome, 0, 1, RetryPolicy{})) << CallOutcomeName(outcome);
  }
}

TEST(RetryPolicy, NegativeDelaysCountAsNone) {
  EXPECT_EQ(NextAttemptAt(CallOutcome::kNoAnswer, 1000, 1, RetryPolicy{.no_answer_delay_minutes = -5}), 1000);
}

TEST(RetryPolicy, HeatwaveRetriesSoonerAndMoreOften) {
  const RetryPolicy heatwave = DefaultRetryPolicy(CampaignKind::kHeatwave);
  const RetryPolicy wellbeing = DefaultRetryPolicy(CampaignKind::kWellbeing);
  EXPECT_LT(heatwave.no_answer_delay_minutes, wellbeing.no_answer_delay_minutes);
  EXPECT_GT(heatwave.max_attempts_per_day, wellbeing.max_attempts_per_day);
}

TEST(RetryPolicy, OutcomeNamesRoundTrip) {
  for (int value = 0; value <= static_cast<int>(CallOutcome::kDeceased); ++value) {
    const auto outcome = static_cast<CallOutcome>(value);
    EXPECT_EQ(CallOutcomeFromName(CallOutcomeName(outcome)), outcome);
  }
  EXPECT_EQ(CallOutcomeName(CallOutcome::kNoAnswer), "no_answer");
  EXPECT_FALSE(CallOutcomeFromName("unknown"));
  EXPECT_FALSE(CallOutcomeFromName("Reached"));
}

}  // namespace
}  // namespace lien::calls
