#include "calls/escalation_rule.hpp"

#include <gtest/gtest.h>

#include "calls/schedule_test_support.hpp"

namespace lien::calls {
namespace {

using testing::kHour;
using testing::kMinute;
using testing::Utc;

const EscalationPolicy kHeatwave = DefaultEscalationPolicy(CampaignKind::kHeatwave);

TEST(EscalationRule, HeatwaveEscalatesAfterTwoDaysAndThreeAttempts) {
  EXPECT_EQ(kHeatwave.hours_without_contact, 48);
  const core::EpochMillis enrolled = Utc(2027, 7, 1, 8, 0);
  const ContactFacts facts{.enrolled_at = enrolled, .last_reached_at = std::nullopt, .attempts_since_reached = 3};
  EXPECT_FALSE(ShouldEscalate(facts, kHeatwave, enrolled + 48 * kHour - kMinute));
  EXPECT_TRUE(ShouldEscalate(facts, kHeatwave, enrolled + 48 * kHour));
}

TEST(EscalationRule, NotBeforeEnoughAttempts) {
  const core::EpochMillis enrolled = Utc(2027, 7, 1, 8, 0);
  ContactFacts facts{.enrolled_at = enrolled, .last_reached_at = std::nullopt, .attempts_since_reached = 2};
  EXPECT_FALSE(ShouldEscalate(facts, kHeatwave, enrolled + 100 * kHour));
  facts.attempts_since_reached = 3;
  EXPECT_TRUE(ShouldEscalate(facts, kHeatwave, enrolled + 100 * kHour));
}

TEST(EscalationRule, ReachingThePersonRestartsTheClock) {
  const core::EpochMillis enrolled = Utc(2027, 7, 1, 8, 0);
  const ContactFacts facts{
      .enrolled_at = enrolled, .last_reached_at = enrolled + 30 * kHour, .attempts_since_reached = 5};
  EXPECT_FALSE(ShouldEscalate(facts, kHeatwave, enrolled + 60 * kHour));
  EXPECT_TRUE(ShouldEscalate(facts, kHeatwave, enrolled + 78 * kHour));
}

TEST(EscalationRule, AContactBeforeEnrolmentDoesNotShortenTheThreshold) {
  const core::EpochMillis enrolled = Utc(2027, 7, 1, 8, 0);
  const ContactFacts facts{
      .enrolled_at = enrolled, .last_reached_at = enrolled - 72 * kHour, .attempts_since_reached = 4};
  EXPECT_EQ(NotReachedFrom(facts, kHeatwave), enrolled + 48 * kHour);
  EXPECT_FALSE(ShouldEscalate(facts, kHeatwave, enrolled + 1 * kHour));
}

TEST(EscalationRule, ThresholdIsElapsedHoursAcrossDaylightSaving) {
  // Reached Friday 26 March 2027 at 12:00 CET; 48 hours later is Sunday 13:00 CEST, the clocks having jumped.
  const ContactFacts facts{
      .enrolled_at = Utc(2027, 3, 20, 9, 0), .last_reached_at = Utc(2027, 3, 26, 11, 0), .attempts_since_reached = 3};
  EXPECT_EQ(NotReachedFrom(facts, kHeatwave), Utc(2027, 3, 28, 11, 0));
}

TEST(EscalationRule, CampaignsSetTheirOwnThresholds) {
  const EscalationPolicy wellbeing = DefaultEscalationPolicy(CampaignKind::kWellbeing);
  EXPECT_GT(wellbeing.hours_without_contact, kHeatwave.hours_without_contact);
  const EscalationPolicy strict{.hours_without_contact = 6, .min_attempts = 1};
  const ContactFacts facts{.enrolled_at = 0, .last_reached_at = std::nullopt, .attempts_since_reached = 1};
  EXPECT_TRUE(ShouldEscalate(facts, strict, 6 * kHour));
  EXPECT_FALSE(ShouldEscalate(facts, kHeatwave, 6 * kHour));
}

}  // namespace
}  // namespace lien::calls
