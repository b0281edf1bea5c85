#include "calls/schedule_model.hpp"

#include <array>
#include <utility>

namespace lien::calls {
namespace {

constexpr std::array<std::pair<CallOutcome, std::string_view>, 9> kOutcomeNames{{
    {CallOutcome::kReached, "reached"},
    {CallOutcome::kNoAnswer, "no_answer"},
    {CallOutcome::kBusy, "busy"},
    {CallOutcome::kVoicemail, "voicemail"},
    {CallOutcome::kWrongNumber, "wrong_number"},
    {CallOutcome::kRefused, "refused"},
    {CallOutcome::kInHospital, "in_hospital"},
    {CallOutcome::kAway, "away"},
    {CallOutcome::kDeceased, "deceased"},
}};

}  // namespace

std::string_view CallOutcomeName(CallOutcome outcome) {
  for (const auto& [value, name] : kOutcomeNames) {
    if (value == outcome) return name;
  }
  return "unknown";
}

std::optional<CallOutcome> CallOutcomeFromName(std::string_view name) {
  for (const auto& [value, known] : kOutcomeNames) {
    if (known == name) return value;
  }
  return std::nullopt;
}

std::string_view CallReasonName(CallReason reason) {
  switch (reason) {
    case CallReason::kDue:
      return "due";
    case CallReason::kRetry:
      return "retry";
    case CallReason::kMissedYesterday:
      return "missed";
  }
  return "unknown";
}

std::optional<CallReason> CallReasonFromName(std::string_view name) {
  for (const CallReason reason : {CallReason::kDue, CallReason::kRetry, CallReason::kMissedYesterday}) {
    if (CallReasonName(reason) == name) return reason;
  }
  return std::nullopt;
}

std::string_view OverflowReasonName(OverflowReason reason) {
  return reason == OverflowReason::kOutsideEveryShift ? "outside_every_shift" : "no_room";
}

std::string_view ContinuityName(Continuity continuity) {
  switch (continuity) {
    case Continuity::kUsualCaller:
      return "usual_caller";
    case Continuity::kStandIn:
      return "stand_in";
    case Continuity::kFirstAssignment:
      return "first_assignment";
    case Continuity::kSpillOver:
      return "spill_over";
  }
  return "unknown";
}

std::int32_t PriorityScore(PriorityFlags flags) {
  // Powers of two so that each flag outweighs all the lower ones together (see the header).
  std::int32_t score = 0;
  if (flags.last_call_worrying) score += 8;
  if (flags.open_needs) score += 4;
  if (flags.lives_alone) score += 2;
  if (flags.no_family) score += 1;
  return score;
}

RetryPolicy DefaultRetryPolicy(CampaignKind kind) {
  switch (kind) {
    case CampaignKind::kHeatwave:
      // Someone who does not answer in a heatwave may be unwell: try again within the hour, five times a day.
      return RetryPolicy{.no_answer_delay_minutes = 45,
                         .busy_delay_minutes = 10,
                         .voicemail_delay_minutes = 45,
                         .max_attempts_per_day = 5};
    case CampaignKind::kCold:
    case CampaignKind::kLockdown:
      return RetryPolicy{.no_answer_delay_minutes = 90,
                         .busy_delay_minutes = 15,
                         .voicemail_delay_minutes = 90,
                         .max_attempts_per_day = 4};
    case CampaignKind::kWellbeing:
      return RetryPolicy{};
  }
  return RetryPolicy{};
}

}  // namespace lien::calls
