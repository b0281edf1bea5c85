#pragma once
// The platform's figures (issue 4, "Figures"): what a day, an ISO week or a campaign covers as Paris calendar
// days and UTC instants, and the values the store fills. Counts only: no person is named anywhere here, so the
// figures are not personal data (the export is still audited as an export). No SQL, no JSON.
//
// Two kinds of figure:
//  - over the period [first day 00:00 Paris, day after the last 00:00 Paris): calls made, reached, share
//    reached, persons reached, records processed, referrals made (by service and current state), escalations
//    opened and closed, and a per-day series;
//  - at the moment they are computed ("now"), whatever the period: escalations open, people enrolled not
//    reached in 24 hours, situations followed. A campaign's figures restrict both to that campaign.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"

namespace lien::calls {

enum class FiguresPeriodKind { kDay, kWeek, kCampaign };

/// "day", "week", "campaign" → the kind; nullopt for anything else.
std::optional<FiguresPeriodKind> ParseFiguresPeriodKind(std::string_view text);
std::string_view FiguresPeriodKindName(FiguresPeriodKind kind);

/// A campaign's period longer than this is cut to its last kMaxFiguresDays days (a per-day series of ten years
/// helps nobody and costs a query a day).
inline constexpr int kMaxFiguresDays = 3660;

struct FiguresPeriod {
  FiguresPeriodKind kind = FiguresPeriodKind::kDay;
  std::chrono::local_days first_day;
  std::chrono::local_days last_day;  ///< inclusive
  std::string label;                 ///< "2025-07-15", "2025-W29", or "2025-06-01/2025-07-15" for a campaign

  int DayCount() const { return static_cast<int>((last_day - first_day).count()) + 1; }
  /// Paris midnight of each day and of the day after the last: DayCount() + 1 ascending instants, so day i
  /// covers [Boundaries()[i], Boundaries()[i + 1]) — 23 or 25 hours on the daylight-saving days.
  std::vector<core::EpochMillis> Boundaries() const;
};

FiguresPeriod DayPeriod(std::chrono::local_days day);
/// The ISO week (Monday to Sunday) holding `day`, labelled "YYYY-Www" with the ISO week-numbering year
/// (29 December 2025 is in 2026-W01).
FiguresPeriod IsoWeekPeriod(std::chrono::local_days day);
/// A campaign from its first day to the earlier of its last day (if any) and `today`. A campaign that has not
/// started yet covers its first day only; an end before the start is taken as the start.
FiguresPeriod CampaignPeriod(std::chrono::local_days starts_on, std::optional<std::chrono::local_days> ends_on,
                             std::chrono::local_days today);

struct DayFigures {
  std::chrono::local_days day;
  std::int64_t calls = 0;
  std::int64_t reached = 0;
  std::int64_t escalations_opened = 0;
};

struct ReferralCount {
  std::string service;
  std::string state;
  std::int64_t count = 0;
};

/// One referral service's row: a count per state in ReferralStates() order.
struct ReferralRow {
  std::string service;
  std::vector<std::int64_t> by_state;
  std::int64_t total = 0;
};

struct Figures {
  FiguresPeriod period;
  std::optional<std::int64_t> campaign_id;
  core::EpochMillis computed_at = 0;
  // Over the period.
  std::int64_t calls = 0;
  std::int64_t reached = 0;
  std::int64_t persons_reached = 0;
  std::int64_t records_processed = 0;    ///< enrolments with at least one call
  std::vector<ReferralCount> referrals;  ///< created in the period, by service and current state (non-zero only)
  std::int64_t escalations_opened = 0;
  std::int64_t escalations_closed = 0;
  std::vector<DayFigures> days;  ///< one per day of the period, in order
  // Now.
  std::int64_t escalations_open_now = 0;
  std::int64_t enrolled_not_reached_24h = 0;
  std::int64_t situations_followed = 0;
};

/// reached / calls, nullopt when no call was made.
std::optional<double> ShareReached(std::int64_t calls, std::int64_t reached);

/// The referral counts as a full table: a row per service in ReferralServices() order then any other service
/// met in the data (sorted), each with a column per state in ReferralStates() order (states outside it are
/// counted in the row's total only).
std::vector<ReferralRow> ReferralTable(const std::vector<ReferralCount>& counts);

/// Sums the per-day series into calls, reached and escalations opened (the store counts each day once).
void TotalDays(Figures& figures);

}  // namespace lien::calls
