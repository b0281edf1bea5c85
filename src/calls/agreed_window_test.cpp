#include "calls/agreed_window.hpp"

#include <gtest/gtest.h>

#include "calls/schedule_test_support.hpp"

namespace lien::calls {
namespace {

using testing::Day;
using testing::kHour;
using testing::kMinute;
using testing::Utc;

LocalWindow Hours(int start_hour, int start_minute, int end_hour, int end_minute) {
  return LocalWindow{static_cast<std::int16_t>(start_hour * 60 + start_minute),
                     static_cast<std::int16_t>(end_hour * 60 + end_minute)};
}

TEST(AgreedWindow, WinterIsOneHourAheadOfUtc) {
  EXPECT_EQ(AgreedWindowOn(Day(2027, 1, 12), Hours(9, 0, 12, 0)),
            (UtcWindow{Utc(2027, 1, 12, 8, 0), Utc(2027, 1, 12, 11, 0)}));
}

TEST(AgreedWindow, SummerIsTwoHoursAheadOfUtc) {
  EXPECT_EQ(AgreedWindowOn(Day(2027, 7, 1), Hours(9, 0, 10, 30)),
            (UtcWindow{Utc(2027, 7, 1, 7, 0), Utc(2027, 7, 1, 8, 30)}));
}

TEST(AgreedWindow, WindowToMidnightEndsAtTheNextDaysMidnight) {
  EXPECT_EQ(AgreedWindowOn(Day(2027, 1, 12), Hours(22, 0, 24, 0)),
            (UtcWindow{Utc(2027, 1, 12, 21, 0), Utc(2027, 1, 12, 23, 0)}));
}

// Last Sunday of March 2027: at 02:00 CET the clocks jump to 03:00 CEST (01:00 UTC).
TEST(AgreedWindow, SpringForwardDayHasTwentyThreeHours) {
  const ParisDay day(Day(2027, 3, 28));
  EXPECT_EQ(day.Start(), Utc(2027, 3, 27, 23, 0));
  EXPECT_EQ(day.End() - day.Start(), 23 * kHour);
  EXPECT_EQ(day.Window(Hours(9, 0, 10, 0)), (UtcWindow{Utc(2027, 3, 28, 7, 0), Utc(2027, 3, 28, 8, 0)}));
}

TEST(AgreedWindow, SpringForwardWindowsLoseTheSkippedHour) {
  const auto day = Day(2027, 3, 28);
  // 01:30–02:00 CET exist, 02:00–02:30 do not.
  EXPECT_EQ(AgreedWindowOn(day, Hours(1, 30, 2, 30)), (UtcWindow{Utc(2027, 3, 28, 0, 30), Utc(2027, 3, 28, 1, 0)}));
  // 03:00–03:30 CEST.
  EXPECT_EQ(AgreedWindowOn(day, Hours(2, 30, 3, 30)), (UtcWindow{Utc(2027, 3, 28, 1, 0), Utc(2027, 3, 28, 1, 30)}));
  EXPECT_EQ(AgreedWindowOn(day, Hours(1, 0, 4, 0)), (UtcWindow{Utc(2027, 3, 28, 0, 0), Utc(2027, 3, 28, 2, 0)}));
}

TEST(AgreedWindow, SpringForwardWindowWhollySkippedStartsAtThreeAndKeepsItsLength) {
  const auto day = Day(2027, 3, 28);
  EXPECT_EQ(AgreedWindowOn(day, Hours(2, 0, 3, 0)), (UtcWindow{Utc(2027, 3, 28, 1, 0), Utc(2027, 3, 28, 2, 0)}));
  EXPECT_EQ(AgreedWindowOn(day, Hours(2, 15, 2, 45)), (UtcWindow{Utc(2027, 3, 28, 1, 0), Utc(2027, 3, 28, 1, 30)}));
}

// Last Sunday of October 2026: at 03:00 CEST the clocks go back to 02:00 CET (01:00 UTC).
TEST(AgreedWindow, FallBackDayHasTwentyFiveHours) {
  const ParisDay day(Day(2026, 10, 25));
  EXPECT_EQ(day.Start(), Utc(2026, 10, 24, 22, 0));
  EXPECT_EQ(day.End() - day.Start(), 25 * kHour);
  EXPECT_EQ(day.Window(Hours(9, 0, 10, 0)), (UtcWindow{Utc(2026, 10, 25, 8, 0), Utc(2026, 10, 25, 9, 0)}));
}

TEST(AgreedWindow, FallBackWindowsCoverTheRepeatedHourTwice) {
  const auto day = Day(2026, 10, 25);
  // 02:00–03:00 CEST then 02:00–03:00 CET.
  EXPECT_EQ(AgreedWindowOn(day, Hours(2, 0, 3, 0)), (UtcWindow{Utc(2026, 10, 25, 0, 0), Utc(2026, 10, 25, 2, 0)}));
  EXPECT_EQ(AgreedWindowOn(day, Hours(2, 30, 3, 0)), (UtcWindow{Utc(2026, 10, 25, 0, 30), Utc(2026, 10, 25, 2, 0)}));
  // The clock never reads 01:xx again after 02:00 CEST.
  EXPECT_EQ(AgreedWindowOn(day, Hours(1, 0, 2, 0)), (UtcWindow{Utc(2026, 10, 24, 23, 0), Utc(2026, 10, 25, 0, 0)}));
}

TEST(AgreedWindow, InvalidWindowIsTheWholeDay) {
  const auto day = Day(2027, 1, 12);
  const UtcWindow whole{Utc(2027, 1, 11, 23, 0), Utc(2027, 1, 12, 23, 0)};
  EXPECT_EQ(AgreedWindowOn(day, LocalWindow{600, 600}), whole);
  EXPECT_EQ(AgreedWindowOn(day, LocalWindow{-5, 600}), whole);
  EXPECT_EQ(ParisDay(day).Window(LocalWindow{700, 1500}), whole);
}

TEST(AgreedWindow, TablesAgreeWithTheZoneOnEveryMinuteOfTheChangeDays) {
  for (const auto date : {Day(2027, 3, 28), Day(2026, 10, 25), Day(2027, 1, 12)}) {
    const ParisDay day(date);
    for (std::int16_t start = 0; start < 24 * 60; start += 7) {
      const LocalWindow window{start, static_cast<std::int16_t>(std::min(start + 45, 24 * 60))};
      ASSERT_EQ(day.Window(window), AgreedWindowOn(date, window)) << start;
    }
  }
}

TEST(AgreedWindow, ParisDayOfAnInstant) {
  // 00:30 CEST on Saturday is still Friday in UTC.
  EXPECT_EQ(ParisDayOf(Utc(2026, 10, 23, 22, 30)), Day(2026, 10, 24));
  EXPECT_EQ(ParisDayOf(Utc(2027, 3, 27, 23, 30)), Day(2027, 3, 28));
  EXPECT_EQ(ParisDayOf(Utc(2027, 3, 27, 22, 59)), Day(2027, 3, 27));
}

TEST(AgreedWindow, DayTableAgreesWithTheZoneOverItsHistory) {
  const ParisDay day(Day(2027, 3, 28), 400);
  // Every 37 minutes over 402 days, then instants outside the table (fallback path).
  for (core::EpochMillis instant = day.Start() - 401 * 24 * kHour; instant < day.End() + 48 * kHour;
       instant += 37 * kMinute) {
    ASSERT_EQ(day.DayOf(instant), ParisDayOf(instant)) << instant;
  }
  EXPECT_EQ(day.DayOf(day.Start()), Day(2027, 3, 28));
  EXPECT_EQ(day.DayOf(day.Start() - 1), Day(2027, 3, 27));
  EXPECT_EQ(day.DayOf(day.End()), Day(2027, 3, 29));
}

}  // namespace
}  // namespace lien::calls
