#pragma once
// Agreed hour windows in Paris wall-clock time, turned into UTC instants for a given day (issue 4, "Enrolment":
// Europe/Paris, daylight saving handled). The zone's rules come from the system's tz database through
// HowardHinnant's date library; nothing here reads the machine's own time zone.
//
// Daylight-saving days. A window holds every instant whose Paris wall clock reads inside [start, end):
//  - spring forward (last Sunday of March, 02:00 → 03:00): readings from 02:00 to 03:00 do not exist, so a
//    window 01:30–02:30 lasts half an hour (01:30–02:00 CET) and 02:30–03:30 lasts half an hour (03:00–03:30
//    CEST). A window wholly inside the skipped hour (02:00–03:00, 02:15–02:45) would be empty and the call lost:
//    it starts at 03:00 CEST instead and keeps its agreed length. Calls at 2 a.m. are rare; losing one is worse
//    than moving it.
//  - fall back (last Sunday of October, 03:00 → 02:00): readings from 02:00 to 03:00 happen twice; the window
//    opens at the first time the clock reads its start and closes after the last time it reads its last minute,
//    so 02:00–03:00 and 02:30–03:00 last an hour more that night, 01:00–02:00 does not.
// Frequencies count Paris calendar days (ParisDayOf), never 24-hour periods, so "every 3 days" keeps the same
// weekday rhythm across both changes.

#include <chrono>
#include <vector>

#include "calls/schedule_model.hpp"
#include "core/clock.hpp"

namespace lien::calls {

/// The Paris calendar day of an instant.
std::chrono::local_days ParisDayOf(core::EpochMillis instant);

/// The UTC instant of Paris midnight starting `day`.
core::EpochMillis ParisMidnight(std::chrono::local_days day);

/// `window` on `day` as UTC instants, by the rules above. An invalid window (LocalWindow::IsValid false) is
/// taken as the whole day, so that a bad record still gets its call; the store validates windows on input.
/// Looks the zone up on each call; the planner uses ParisDay instead.
UtcWindow AgreedWindowOn(std::chrono::local_days day, LocalWindow window);

/// One Paris day precomputed so that the planner does no time-zone lookup per call: the UTC instant of every
/// minute of the day as a window start and as a window end, and the midnights of the days before it.
/// Immutable after construction; safe to share between threads.
class ParisDay {
 public:
  /// `history_days`: how far back DayOf answers from its table; older instants take the zone lookup.
  explicit ParisDay(std::chrono::local_days day, int history_days = 400);

  std::chrono::local_days Day() const { return day_; }
  core::EpochMillis Start() const { return midnights_[static_cast<std::size_t>(history_days_)]; }
  core::EpochMillis End() const { return midnights_.back(); }  ///< the next midnight (23 h or 25 h later on DST days)

  /// Same result as AgreedWindowOn(Day(), window), from the tables.
  UtcWindow Window(LocalWindow window) const;

  /// Same result as ParisDayOf(instant); a table lookup for instants from `history_days` before Day() to its end.
  std::chrono::local_days DayOf(core::EpochMillis instant) const;

 private:
  std::chrono::local_days day_;
  int history_days_;
  std::vector<core::EpochMillis> start_at_minute_;  ///< 1441 entries: minute m of the day read as a window start
  std::vector<core::EpochMillis> end_at_minute_;    ///< 1441 entries: minute m of the day read as a window end
  std::vector<core::EpochMillis> midnights_;        ///< days Day()-history_days … Day()+1, ascending
};

}  // namespace lien::calls
