#include "calls/call_due.hpp"

#include <algorithm>

#include "calls/retry_policy.hpp"

namespace lien::calls {

bool IsDueOn(std::chrono::local_days day, WeekdaySet agreed_weekdays, std::int32_t frequency_days,
             std::optional<std::chrono::local_days> last_reached_day) {
  if (!agreed_weekdays.Empty() && !agreed_weekdays.Contains(std::chrono::weekday{day})) return false;
  if (!last_reached_day) return true;
  return (day - *last_reached_day).count() >= std::max<std::int32_t>(frequency_days, 1);
}

std::optional<CallOnDay> CallOn(const ParisDay& day, const Enrolment& enrolment, const RetryPolicy& policy) {
  const std::optional<std::chrono::local_days> last_reached_day =
      enrolment.last_reached_at ? std::optional(day.DayOf(*enrolment.last_reached_at)) : std::nullopt;
  if (last_reached_day && *last_reached_day >= day.Day()) return std::nullopt;

  const UtcWindow window = day.Window(enrolment.window);
  const bool tried_on_day =
      enrolment.last_attempt_at && enrolment.attempts_on_day > 0 && day.DayOf(*enrolment.last_attempt_at) == day.Day();
  if (tried_on_day) {
    const auto next =
        NextAttemptAt(enrolment.last_attempt_outcome, *enrolment.last_attempt_at, enrolment.attempts_on_day, policy);
    if (!next || *next >= day.End()) return std::nullopt;
    return CallOnDay{enrolment.missed_yesterday ? CallReason::kMissedYesterday : CallReason::kRetry, window,
                     std::max(window.start, *next), true};
  }
  if (enrolment.missed_yesterday) return CallOnDay{CallReason::kMissedYesterday, window, window.start};
  if (IsDueOn(day.Day(), enrolment.agreed_weekdays, enrolment.frequency_days, last_reached_day)) {
    return CallOnDay{CallReason::kDue, window, window.start};
  }
  return std::nullopt;
}

}  // namespace lien::calls
