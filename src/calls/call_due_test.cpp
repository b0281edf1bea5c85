#include "calls/call_due.hpp"

#include <gtest/gtest.h>

#include "calls/schedule_test_support.hpp"

namespace lien::calls {
namespace {

using testing::Day;
using testing::Utc;

constexpr unsigned kMonday = 1;
constexpr unsigned kTuesday = 2;
constexpr unsigned kThursday = 4;

Enrolment EveryDays(std::int16_t days, std::optional<core::EpochMillis> last_reached_at) {
  Enrolment enrolment;
  enrolment.person_id = 1;
  enrolment.campaign_id = 1;
  enrolment.frequency_days = days;
  enrolment.last_reached_at = last_reached_at;
  enrolment.window = LocalWindow{9 * 60, 12 * 60};
  return enrolment;
}

bool DueOn(std::chrono::local_days date, const Enrolment& enrolment) {
  return CallOn(ParisDay(date), enrolment, RetryPolicy{}).has_value();
}

TEST(CallDue, AgreedWeekdaysOnly) {
  Enrolment enrolment = EveryDays(0, std::nullopt);
  enrolment.agreed_weekdays = WeekdaySet::Of({kMonday, kThursday});
  EXPECT_TRUE(DueOn(Day(2027, 1, 11), enrolment));   // Monday
  EXPECT_FALSE(DueOn(Day(2027, 1, 12), enrolment));  // Tuesday
  EXPECT_FALSE(DueOn(Day(2027, 1, 13), enrolment));
  EXPECT_TRUE(DueOn(Day(2027, 1, 14), enrolment));  // Thursday
  enrolment.last_reached_at = Utc(2027, 1, 11, 10, 0);
  EXPECT_TRUE(DueOn(Day(2027, 1, 14), enrolment));
}

TEST(CallDue, FrequencyOnAgreedWeekdays) {
  // Every 3 days but only on Tuesdays: reached on Tuesday the 12th, next on Tuesday the 19th.
  EXPECT_FALSE(IsDueOn(Day(2027, 1, 15), WeekdaySet::Of({kTuesday}), 3, Day(2027, 1, 12)));
  EXPECT_TRUE(IsDueOn(Day(2027, 1, 19), WeekdaySet::Of({kTuesday}), 3, Day(2027, 1, 12)));
  EXPECT_TRUE(IsDueOn(Day(2027, 1, 15), WeekdaySet{}, 3, Day(2027, 1, 12)));
  EXPECT_FALSE(IsDueOn(Day(2027, 1, 14), WeekdaySet{}, 3, Day(2027, 1, 12)));
}

TEST(CallDue, NeverReachedIsDueEveryDay) {
  const Enrolment enrolment = EveryDays(3, std::nullopt);
  EXPECT_TRUE(DueOn(Day(2027, 1, 11), enrolment));
  EXPECT_TRUE(DueOn(Day(2027, 1, 12), enrolment));
}

TEST(CallDue, EveryThreeDaysCountsParisDaysNotUtcDays) {
  // Reached at 00:30 Paris on Monday the 11th, which is Sunday 23:30 in UTC: next call Thursday, not Wednesday.
  const Enrolment enrolment = EveryDays(3, Utc(2027, 1, 10, 23, 30));
  EXPECT_FALSE(DueOn(Day(2027, 1, 13), enrolment));
  EXPECT_TRUE(DueOn(Day(2027, 1, 14), enrolment));
}

TEST(CallDue, EveryThreeDaysAcrossSpringForward) {
  // Reached Saturday 27 March 23:30 CET; three Paris days later is Tuesday the 30th although only 71 hours
  // separate Saturday 23:30 CET from Tuesday 23:30 CEST (72 hours would land on Wednesday 00:30 CEST).
  const Enrolment late = EveryDays(3, Utc(2027, 3, 27, 22, 30));
  EXPECT_FALSE(DueOn(Day(2027, 3, 29), late));
  EXPECT_TRUE(DueOn(Day(2027, 3, 30), late));
  const Enrolment morning = EveryDays(3, Utc(2027, 3, 26, 9, 0));  // Friday 10:00 CET
  EXPECT_FALSE(DueOn(Day(2027, 3, 28), morning));                  // Sunday, the change day
  EXPECT_TRUE(DueOn(Day(2027, 3, 29), morning));
}

TEST(CallDue, EveryThreeDaysAcrossFallBack) {
  // Reached Saturday 24 October 00:30 CEST (Friday 22:30 UTC): due Tuesday the 27th, not Monday.
  const Enrolment enrolment = EveryDays(3, Utc(2026, 10, 23, 22, 30));
  EXPECT_FALSE(DueOn(Day(2026, 10, 26), enrolment));
  EXPECT_TRUE(DueOn(Day(2026, 10, 27), enrolment));
  // Reached on the change day itself at 02:30 CET (the second 02:30): due Wednesday the 28th.
  const Enrolment on_change_day = EveryDays(3, Utc(2026, 10, 25, 1, 30));
  EXPECT_FALSE(DueOn(Day(2026, 10, 27), on_change_day));
  EXPECT_TRUE(DueOn(Day(2026, 10, 28), on_change_day));
}

TEST(CallDue, ReachedTodayHasNoMoreCallToday) {
  Enrolment enrolment = EveryDays(1, Utc(2027, 1, 12, 9, 0));
  enrolment.missed_yesterday = true;
  EXPECT_FALSE(DueOn(Day(2027, 1, 12), enrolment));
}

TEST(CallDue, MissedYesterdayComesBackWhateverTheFrequency) {
  Enrolment enrolment = EveryDays(0, Utc(2027, 1, 4, 10, 0));
  enrolment.agreed_weekdays = WeekdaySet::Of({kMonday});
  enrolment.missed_yesterday = true;
  const auto call = CallOn(ParisDay(Day(2027, 1, 12)), enrolment, RetryPolicy{});  // Tuesday
  ASSERT_TRUE(call);
  EXPECT_EQ(call->reason, CallReason::kMissedYesterday);
  EXPECT_EQ(call->not_before, Utc(2027, 1, 12, 8, 0));
}

Enrolment TriedToday(CallOutcome outcome, core::EpochMillis at, std::int16_t attempts) {
  Enrolment enrolment = EveryDays(1, Utc(2027, 1, 10, 10, 0));
  enrolment.last_attempt_at = at;
  enrolment.last_attempt_outcome = outcome;
  enrolment.attempts_on_day = attempts;
  return enrolment;
}

TEST(CallDue, NoAnswerComesBackAfterTheDelay) {
  const RetryPolicy policy{.no_answer_delay_minutes = 90, .max_attempts_per_day = 3};
  const auto call =
      CallOn(ParisDay(Day(2027, 1, 12)), TriedToday(CallOutcome::kNoAnswer, Utc(2027, 1, 12, 9, 0), 1), policy);
  ASSERT_TRUE(call);
  EXPECT_EQ(call->reason, CallReason::kRetry);
  EXPECT_EQ(call->not_before, Utc(2027, 1, 12, 10, 30));
  EXPECT_EQ(call->window.start, Utc(2027, 1, 12, 8, 0));
}

TEST(CallDue, RetryNeverBeforeTheWindow) {
  const RetryPolicy policy{.busy_delay_minutes = 10};
  const auto call =
      CallOn(ParisDay(Day(2027, 1, 12)), TriedToday(CallOutcome::kBusy, Utc(2027, 1, 12, 6, 0), 1), policy);
  ASSERT_TRUE(call);
  EXPECT_EQ(call->not_before, Utc(2027, 1, 12, 8, 0));
}

TEST(CallDue, NoRetryOnceTheAttemptsAreUsedUp) {
  const RetryPolicy policy{.max_attempts_per_day = 2};
  const ParisDay day(Day(2027, 1, 12));
  EXPECT_TRUE(CallOn(day, TriedToday(CallOutcome::kNoAnswer, Utc(2027, 1, 12, 9, 0), 1), policy));
  EXPECT_FALSE(CallOn(day, TriedToday(CallOutcome::kNoAnswer, Utc(2027, 1, 12, 9, 0), 2), policy));
}

TEST(CallDue, NoRetryAfterMidnightNorAfterAFinalOutcome) {
  const ParisDay day(Day(2027, 1, 12));
  const RetryPolicy policy{.no_answer_delay_minutes = 120};
  // 22:30 Paris + 2 h is tomorrow: tomorrow's list has the person as missed yesterday.
  EXPECT_FALSE(CallOn(day, TriedToday(CallOutcome::kNoAnswer, Utc(2027, 1, 12, 21, 30), 1), policy));
  EXPECT_FALSE(CallOn(day, TriedToday(CallOutcome::kRefused, Utc(2027, 1, 12, 9, 0), 1), policy));
  EXPECT_FALSE(CallOn(day, TriedToday(CallOutcome::kInHospital, Utc(2027, 1, 12, 9, 0), 1), policy));
}

TEST(CallDue, MissedYesterdayRetryKeepsItsReason) {
  Enrolment enrolment = TriedToday(CallOutcome::kVoicemail, Utc(2027, 1, 12, 9, 0), 1);
  enrolment.missed_yesterday = true;
  const auto call = CallOn(ParisDay(Day(2027, 1, 12)), enrolment, RetryPolicy{.voicemail_delay_minutes = 30});
  ASSERT_TRUE(call);
  EXPECT_EQ(call->reason, CallReason::kMissedYesterday);
  EXPECT_EQ(call->not_before, Utc(2027, 1, 12, 9, 30));
}

TEST(CallDue, AttemptsOfAnotherDayAreNotToday) {
  // The store's count is for yesterday (planned ahead or stale): today is an ordinary due day.
  const auto call =
      CallOn(ParisDay(Day(2027, 1, 12)), TriedToday(CallOutcome::kNoAnswer, Utc(2027, 1, 11, 15, 0), 3), RetryPolicy{});
  ASSERT_TRUE(call);
  EXPECT_EQ(call->reason, CallReason::kDue);
  EXPECT_EQ(call->not_before, Utc(2027, 1, 12, 8, 0));
}

}  // namespace
}  // namespace lien::calls
