#pragma once
// Retries within a day (issue 4, "Calling": no answer → tried again after a set delay, up to a set number of
// attempts per day). Plain rules on an outcome and a clock reading; the planner and the store both use them.

#include <cstdint>
#include <optional>

#include "calls/schedule_model.hpp"
#include "core/clock.hpp"

namespace lien::calls {

/// No answer, busy and voicemail are worth another try the same day. The other outcomes end the day's attempts:
/// reached, or a fact a person must act on (wrong number, refused, in hospital, away, deceased), which the call
/// screen reports to the coordinator rather than dialling again.
bool IsRetryable(CallOutcome outcome);

/// The delay after `outcome` (minutes, never negative); 0 for outcomes that are not retried.
std::int32_t RetryDelayMinutes(CallOutcome outcome, const RetryPolicy& policy);

/// The earliest next attempt after one made at `attempt_at` with `outcome`, that attempt being the
/// `attempts_on_day`-th of its day; nullopt when there is none today: the outcome is not retried or the day's
/// attempts are used up. It does not look at midnight: the planner leaves out a retry that falls on the next
/// day, and the person then comes back first as missed yesterday.
std::optional<core::EpochMillis> NextAttemptAt(CallOutcome outcome, core::EpochMillis attempt_at,
                                               std::int32_t attempts_on_day, const RetryPolicy& policy);

}  // namespace lien::calls
