#include "calls/figures_rules.hpp"

#include <algorithm>
#include <cstdio>

#include "calls/agreed_window.hpp"
#include "calls/referral_rules.hpp"
#include "calls/schedule_text.hpp"

namespace lien::calls {
namespace {

using std::chrono::days;
using std::chrono::local_days;

std::string IsoWeekLabel(local_days monday) {
  const local_days thursday = monday + days{3};
  const std::chrono::year iso_year = std::chrono::year_month_day{thursday}.year();
  const local_days first_of_year{iso_year / std::chrono::January / 1};
  const int week = static_cast<int>((thursday - first_of_year).count() / 7) + 1;
  char text[32];
  std::snprintf(text, sizeof text, "%04d-W%02d", static_cast<int>(iso_year), week);
  return text;
}

}  // namespace

std::optional<FiguresPeriodKind> ParseFiguresPeriodKind(std::string_view text) {
  if (text == "day") return FiguresPeriodKind::kDay;
  if (text == "week") return FiguresPeriodKind::kWeek;
  if (text == "campaign") return FiguresPeriodKind::kCampaign;
  return std::nullopt;
}

std::string_view FiguresPeriodKindName(FiguresPeriodKind kind) {
  switch (kind) {
    case FiguresPeriodKind::kDay:
      return "day";
    case FiguresPeriodKind::kWeek:
      return "week";
    case FiguresPeriodKind::kCampaign:
      return "campaign";
  }
  return "day";
}

std::vector<core::EpochMillis> FiguresPeriod::Boundaries() const {
  std::vector<core::EpochMillis> boundaries;
  boundaries.reserve(static_cast<std::size_t>(DayCount()) + 1);
  for (local_days day = first_day; day <= last_day + days{1}; day += days{1}) {
    boundaries.push_back(ParisMidnight(day));
  }
  return boundaries;
}

FiguresPeriod DayPeriod(local_days day) {
  return FiguresPeriod{FiguresPeriodKind::kDay, day, day, FormatCalendarDay(day)};
}

FiguresPeriod IsoWeekPeriod(local_days day) {
  const std::chrono::weekday weekday{day};
  const local_days monday = day - days{weekday.iso_encoding() - 1};
  return FiguresPeriod{FiguresPeriodKind::kWeek, monday, monday + days{6}, IsoWeekLabel(monday)};
}

FiguresPeriod CampaignPeriod(local_days starts_on, std::optional<local_days> ends_on, local_days today) {
  local_days last = ends_on ? std::min(*ends_on, today) : today;
  if (last < starts_on) last = starts_on;
  local_days first = starts_on;
  if ((last - first).count() >= kMaxFiguresDays) first = last - days{kMaxFiguresDays - 1};
  return FiguresPeriod{FiguresPeriodKind::kCampaign, first, last,
                       FormatCalendarDay(first) + "/" + FormatCalendarDay(last)};
}

std::optional<double> ShareReached(std::int64_t calls, std::int64_t reached) {
  if (calls <= 0) return std::nullopt;
  return static_cast<double>(reached) / static_cast<double>(calls);
}

std::vector<ReferralRow> ReferralTable(const std::vector<ReferralCount>& counts) {
  const auto services = ReferralServices();
  const auto states = ReferralStates();
  std::vector<ReferralRow> rows;
  for (const std::string_view service : services) {
    rows.push_back(ReferralRow{std::string(service), std::vector<std::int64_t>(states.size(), 0), 0});
  }
  std::vector<std::string> others;
  for (const ReferralCount& count : counts) {
    if (std::find(services.begin(), services.end(), count.service) == services.end() &&
        std::find(others.begin(), others.end(), count.service) == others.end()) {
      others.push_back(count.service);
    }
  }
  std::sort(others.begin(), others.end());
  for (std::string& service : others) {
    rows.push_back(ReferralRow{std::move(service), std::vector<std::int64_t>(states.size(), 0), 0});
  }
  for (const ReferralCount& count : counts) {
    auto row = std::find_if(rows.begin(), rows.end(), [&](const ReferralRow& r) { return r.service == count.service; });
    row->total += count.count;
    const auto state = std::find(states.begin(), states.end(), count.state);
    if (state != states.end()) row->by_state[static_cast<std::size_t>(state - states.begin())] += count.count;
  }
  return rows;
}

void TotalDays(Figures& figures) {
  figures.calls = 0;
  figures.reached = 0;
  figures.escalations_opened = 0;
  for (const DayFigures& day : figures.days) {
    figures.calls += day.calls;
    figures.reached += day.reached;
    figures.escalations_opened += day.escalations_opened;
  }
}

}  // namespace lien::calls
