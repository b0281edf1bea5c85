// The figures' periods (Paris days, ISO weeks, a campaign's span) and the small rules over the counts.

#include "calls/figures_rules.hpp"

#include <gtest/gtest.h>

#include "calls/agreed_window.hpp"

namespace lien::calls {
namespace {

using std::chrono::local_days;
using namespace std::chrono_literals;

constexpr core::EpochMillis kHour = 3'600'000;

local_days Day(int y, unsigned m, unsigned d) {
  return local_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

TEST(FiguresPeriods, ADayRunsFromParisMidnightToTheNext) {
  const FiguresPeriod summer = DayPeriod(Day(2025, 7, 15));
  EXPECT_EQ(summer.label, "2025-07-15");
  EXPECT_EQ(summer.DayCount(), 1);
  const auto bounds = summer.Boundaries();
  ASSERT_EQ(bounds.size(), 2U);
  EXPECT_EQ(bounds[0], 1'752'530'400'000) << "2025-07-14 22:00 UTC: midnight in Paris in summer time";
  EXPECT_EQ(bounds[1] - bounds[0], 24 * kHour);
  EXPECT_EQ(DayPeriod(Day(2025, 1, 15)).Boundaries()[0], 1'736'895'600'000) << "2025-01-14 23:00 UTC in winter";
}

TEST(FiguresPeriods, DaylightSavingDaysLastTwentyThreeAndTwentyFiveHours) {
  const auto spring = DayPeriod(Day(2025, 3, 30)).Boundaries();
  EXPECT_EQ(spring[1] - spring[0], 23 * kHour);
  const auto autumn = DayPeriod(Day(2025, 10, 26)).Boundaries();
  EXPECT_EQ(autumn[1] - autumn[0], 25 * kHour);
  const FiguresPeriod week = IsoWeekPeriod(Day(2025, 3, 27));
  const auto bounds = week.Boundaries();
  ASSERT_EQ(bounds.size(), 8U);
  EXPECT_EQ(bounds.back() - bounds.front(), (7 * 24 - 1) * kHour);
}

TEST(FiguresPeriods, AWeekIsTheIsoWeekFromMondayToSunday) {
  const FiguresPeriod week = IsoWeekPeriod(Day(2025, 7, 17));  // a Thursday
  EXPECT_EQ(week.first_day, Day(2025, 7, 14));
  EXPECT_EQ(week.last_day, Day(2025, 7, 20));
  EXPECT_EQ(week.label, "2025-W29");
  EXPECT_EQ(IsoWeekPeriod(Day(2025, 7, 14)).first_day, Day(2025, 7, 14)) << "a Monday starts its own week";
  EXPECT_EQ(IsoWeekPeriod(Day(2025, 7, 20)).first_day, Day(2025, 7, 14)) << "a Sunday ends it";
  EXPECT_EQ(IsoWeekPeriod(Day(2025, 12, 29)).label, "2026-W01") << "the week of the year's first Thursday";
  EXPECT_EQ(IsoWeekPeriod(Day(2021, 1, 3)).label, "2020-W53");
  EXPECT_EQ(IsoWeekPeriod(Day(2026, 1, 1)).label, "2026-W01");
}

TEST(FiguresPeriods, ACampaignRunsFromItsStartToItsEndOrToday) {
  const auto today = Day(2025, 7, 15);
  const FiguresPeriod open = CampaignPeriod(Day(2025, 7, 1), std::nullopt, today);
  EXPECT_EQ(open.first_day, Day(2025, 7, 1));
  EXPECT_EQ(open.last_day, today);
  EXPECT_EQ(open.DayCount(), 15);
  EXPECT_EQ(open.label, "2025-07-01/2025-07-15");
  EXPECT_EQ(CampaignPeriod(Day(2025, 6, 1), Day(2025, 6, 30), today).last_day, Day(2025, 6, 30));
  EXPECT_EQ(CampaignPeriod(Day(2025, 7, 1), Day(2025, 8, 31), today).last_day, today) << "no figures for tomorrow";
  const FiguresPeriod future = CampaignPeriod(Day(2025, 8, 1), std::nullopt, today);
  EXPECT_EQ(future.first_day, Day(2025, 8, 1));
  EXPECT_EQ(future.DayCount(), 1) << "not started: its first day, empty";
  const FiguresPeriod old = CampaignPeriod(Day(1990, 1, 1), std::nullopt, today);
  EXPECT_EQ(old.DayCount(), kMaxFiguresDays);
  EXPECT_EQ(old.last_day, today);
}

TEST(FiguresPeriods, KindsParseFromTheirNames) {
  EXPECT_EQ(ParseFiguresPeriodKind("day"), FiguresPeriodKind::kDay);
  EXPECT_EQ(ParseFiguresPeriodKind("week"), FiguresPeriodKind::kWeek);
  EXPECT_EQ(ParseFiguresPeriodKind("campaign"), FiguresPeriodKind::kCampaign);
  EXPECT_FALSE(ParseFiguresPeriodKind("month"));
  EXPECT_FALSE(ParseFiguresPeriodKind("Day"));
  EXPECT_EQ(FiguresPeriodKindName(FiguresPeriodKind::kWeek), "week");
}

TEST(FiguresCounts, ShareReachedIsNoneWithoutCalls) {
  EXPECT_FALSE(ShareReached(0, 0));
  EXPECT_DOUBLE_EQ(*ShareReached(8, 5), 0.625);
}

TEST(FiguresCounts, ReferralTableHasEveryServiceAndState) {
  const auto table = ReferralTable({{"meal_delivery", "sent", 2},
                                    {"home_help", "done", 1},
                                    {"meal_delivery", "proposed", 3},
                                    {"legacy_service", "sent", 4},
                                    {"home_help", "odd_state", 5}});
  ASSERT_EQ(table.size(), 7U);
  EXPECT_EQ(table[0].service, "home_help");
  EXPECT_EQ(table[0].by_state, (std::vector<std::int64_t>{0, 0, 0, 0, 1, 0}));
  EXPECT_EQ(table[0].total, 6) << "a state outside the vocabulary counts in the total only";
  EXPECT_EQ(table[1].service, "meal_delivery");
  EXPECT_EQ(table[1].by_state, (std::vector<std::int64_t>{3, 2, 0, 0, 0, 0}));
  EXPECT_EQ(table[1].total, 5);
  EXPECT_EQ(table[5].service, "charity");
  EXPECT_EQ(table[5].total, 0);
  EXPECT_EQ(table[6].service, "legacy_service");
  EXPECT_EQ(table[6].total, 4);
}

TEST(FiguresCounts, TotalsAreTheSumsOfTheDays) {
  Figures figures;
  figures.days = {{Day(2025, 7, 14), 4, 3, 1}, {Day(2025, 7, 15), 6, 2, 0}};
  TotalDays(figures);
  EXPECT_EQ(figures.calls, 10);
  EXPECT_EQ(figures.reached, 5);
  EXPECT_EQ(figures.escalations_opened, 1);
}

}  // namespace
}  // namespace lien::calls
