#include "calls/schedule_text.hpp"

#include <gtest/gtest.h>

#include "calls/schedule_test_support.hpp"

namespace lien::calls {
namespace {

TEST(ScheduleText, Weekdays) {
  EXPECT_EQ(ParseIsoWeekdays("1,3,5"), WeekdaySet::Of({1, 3, 5}));
  EXPECT_EQ(ParseIsoWeekdays("7"), WeekdaySet::Of({7}));
  EXPECT_EQ(ParseIsoWeekdays(""), WeekdaySet{});
  EXPECT_EQ(ParseIsoWeekdays("5,1,5"), WeekdaySet::Of({1, 5}));
  for (const char* bad : {"0", "8", "1,", ",1", "1;3", "1,,3", "12", "mon", " 1"}) {
    EXPECT_FALSE(ParseIsoWeekdays(bad)) << bad;
  }
  EXPECT_EQ(FormatIsoWeekdays(WeekdaySet::Of({5, 1, 3})), "1,3,5");
  EXPECT_EQ(FormatIsoWeekdays(WeekdaySet{}), "");
}

TEST(ScheduleText, TimesOfDayAndWindows) {
  EXPECT_EQ(ParseTimeOfDay("09:30"), 570);
  EXPECT_EQ(ParseTimeOfDay("00:00"), 0);
  EXPECT_EQ(ParseTimeOfDay("24:00"), 1440);
  for (const char* bad : {"24:01", "9:30", "09:60", "25:00", "09-30", "0930", "+9:30", ""}) {
    EXPECT_FALSE(ParseTimeOfDay(bad)) << bad;
  }
  EXPECT_EQ(FormatTimeOfDay(570), "09:30");
  EXPECT_EQ(FormatTimeOfDay(1440), "24:00");
  EXPECT_EQ(ParseLocalWindow("10:00", "11:30"), (LocalWindow{600, 690}));
  EXPECT_FALSE(ParseLocalWindow("11:00", "10:00"));
  EXPECT_FALSE(ParseLocalWindow("10:00", "10:00"));
}

TEST(ScheduleText, CalendarDays) {
  EXPECT_EQ(ParseCalendarDay("2027-03-28"), testing::Day(2027, 3, 28));
  EXPECT_EQ(ParseCalendarDay("2028-02-29"), testing::Day(2028, 2, 29));
  for (const char* bad : {"2027-02-29", "2027-13-01", "2027-3-28", "27-03-28", "2027/03/28", "2027-03-28T"}) {
    EXPECT_FALSE(ParseCalendarDay(bad)) << bad;
  }
  EXPECT_EQ(FormatCalendarDay(testing::Day(2026, 10, 25)), "2026-10-25");
}

TEST(ScheduleText, ReasonNamesFollowTheStore) {
  EXPECT_EQ(CallReasonName(CallReason::kMissedYesterday), "missed");
  EXPECT_EQ(CallReasonFromName("retry"), CallReason::kRetry);
  EXPECT_EQ(CallReasonFromName("due"), CallReason::kDue);
  EXPECT_EQ(CallReasonFromName("missed"), CallReason::kMissedYesterday);
  EXPECT_FALSE(CallReasonFromName("missed_yesterday"));
}

}  // namespace
}  // namespace lien::calls
