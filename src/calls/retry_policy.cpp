#include "calls/retry_policy.hpp"

#include <algorithm>

namespace lien::calls {

bool IsRetryable(CallOutcome outcome) {
  return outcome == CallOutcome::kNoAnswer || outcome == CallOutcome::kBusy || outcome == CallOutcome::kVoicemail;
}

std::int32_t RetryDelayMinutes(CallOutcome outcome, const RetryPolicy& policy) {
  switch (outcome) {
    case CallOutcome::kNoAnswer:
      return std::max(policy.no_answer_delay_minutes, 0);
    case CallOutcome::kBusy:
      return std::max(policy.busy_delay_minutes, 0);
    case CallOutcome::kVoicemail:
      return std::max(policy.voicemail_delay_minutes, 0);
    default:
      return 0;
  }
}

std::optional<core::EpochMillis> NextAttemptAt(CallOutcome outcome, core::EpochMillis attempt_at,
                                               std::int32_t attempts_on_day, const RetryPolicy& policy) {
  if (!IsRetryable(outcome) || attempts_on_day >= policy.max_attempts_per_day) return std::nullopt;
  return attempt_at + static_cast<core::EpochMillis>(RetryDelayMinutes(outcome, policy)) * 60'000;
}

}  // namespace lien::calls
