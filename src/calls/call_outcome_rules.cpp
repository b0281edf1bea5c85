#include "calls/call_outcome_rules.hpp"

#include <array>
#include <utility>

#include "calls/retry_policy.hpp"

namespace lien::calls {
namespace {

constexpr std::array<std::pair<ItemState, std::string_view>, 4> kStateNames{{
    {ItemState::kPending, "pending"},
    {ItemState::kDone, "done"},
    {ItemState::kFailed, "failed"},
    {ItemState::kMoved, "moved"},
}};

constexpr std::int32_t kMaxDelayMinutes = 24 * 60;
constexpr std::int32_t kMaxAttemptsPerDay = 20;

}  // namespace

std::string_view ItemStateName(ItemState state) {
  for (const auto& [value, name] : kStateNames) {
    if (value == state) return name;
  }
  return "unknown";
}

std::optional<ItemState> ItemStateFromName(std::string_view name) {
  for (const auto& [value, known] : kStateNames) {
    if (known == name) return value;
  }
  return std::nullopt;
}

OutcomeDecision DecideOutcome(CallOutcome outcome, core::EpochMillis now, std::int32_t attempts_before,
                              const RetryPolicy& policy, core::EpochMillis day_end) {
  OutcomeDecision decision;
  decision.attempts = (attempts_before < 0 ? 0 : attempts_before) + 1;
  switch (outcome) {
    case CallOutcome::kReached:
    case CallOutcome::kRefused:
      decision.item_state = ItemState::kDone;
      decision.reached = true;
      decision.contact = true;
      return decision;
    case CallOutcome::kNoAnswer:
    case CallOutcome::kBusy:
    case CallOutcome::kVoicemail: {
      const auto next = NextAttemptAt(outcome, now, decision.attempts, policy);
      if (next && *next < day_end) {
        decision.item_state = ItemState::kPending;
        decision.retry_at = *next;
      } else {
        decision.item_state = ItemState::kFailed;
      }
      return decision;
    }
    case CallOutcome::kWrongNumber:
      decision.item_state = ItemState::kFailed;
      decision.inform_coordinator = true;
      return decision;
    case CallOutcome::kInHospital:
    case CallOutcome::kAway:
      decision.item_state = ItemState::kDone;
      decision.enrolment_change = EnrolmentChange::kPause;
      decision.inform_coordinator = true;
      return decision;
    case CallOutcome::kDeceased:
      decision.item_state = ItemState::kDone;
      decision.enrolment_change = EnrolmentChange::kEndAllOfPerson;
      decision.inform_coordinator = true;
      return decision;
  }
  return decision;
}

RetryPolicy CampaignRetryPolicyOf(std::int32_t delay_minutes, std::int32_t max_attempts_per_day) {
  RetryPolicy policy = DefaultRetryPolicy(CampaignKind::kWellbeing);
  if (delay_minutes >= 0 && delay_minutes <= kMaxDelayMinutes) {
    policy.no_answer_delay_minutes = delay_minutes;
    policy.busy_delay_minutes = delay_minutes;
    policy.voicemail_delay_minutes = delay_minutes;
  }
  if (max_attempts_per_day >= 1 && max_attempts_per_day <= kMaxAttemptsPerDay) {
    policy.max_attempts_per_day = max_attempts_per_day;
  }
  return policy;
}

}  // namespace lien::calls
