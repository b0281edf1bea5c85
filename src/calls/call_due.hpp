#pragma once
// Whether an enrolled person has a call on a given Paris day, and why (issue 4, "Enrolment" and "Daily
// worklists"). Frequencies count Paris calendar days, so "every 3 days" keeps its rhythm across the
// daylight-saving changes and whatever the hour of the last call.

#include <chrono>
#include <cstdint>
#include <optional>

#include "calls/agreed_window.hpp"
#include "calls/schedule_model.hpp"
#include "core/clock.hpp"

namespace lien::calls {

/// By frequency and agreed weekdays alone: `day` is an agreed weekday (any day when none are agreed) and, when
/// the person was ever reached, at least `frequency_days` calendar days have passed since (0 and 1 both mean
/// "any day"). Someone never reached is due on every agreed day until they are.
bool IsDueOn(std::chrono::local_days day, WeekdaySet agreed_weekdays, std::int32_t frequency_days,
             std::optional<std::chrono::local_days> last_reached_day);

/// A call on the day: why, and from when it can be made.
struct CallOnDay {
  CallReason reason = CallReason::kDue;
  UtcWindow window{};                ///< the agreed window on the day
  core::EpochMillis not_before = 0;  ///< the window's start, or the retry time when later
  bool retry = false;                ///< tried on the day and not reached: another attempt

  /// When a caller must be working to make the call (a caller is given it only when their shift overlaps this):
  /// the agreed window for the day's first attempt; for a retry, from its time to the end of the day (`day_end`),
  /// since a retry may come after the window but never before its delay, so a caller whose shift is over by then
  /// cannot make it.
  UtcWindow Reach(core::EpochMillis day_end) const { return retry ? UtcWindow{not_before, day_end} : window; }
};

/// The rules, first match wins:
///  1. reached on the day: no call;
///  2. tried on the day and not reached: a retry at NextAttemptAt (no call when the attempts are used up, the
///     outcome is not retried, or the retry falls after the day) — reason kMissedYesterday if it was missed
///     yesterday too, so it keeps its place at the head of the list, else kRetry;
///  3. missed yesterday: a call today whatever the frequency;
///  4. IsDueOn: a call, reason kDue.
std::optional<CallOnDay> CallOn(const ParisDay& day, const Enrolment& enrolment, const RetryPolicy& policy);

}  // namespace lien::calls
