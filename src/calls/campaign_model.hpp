#pragma once
// A campaign of calls (issue 4, "Campaigns"): kind, period, who is targeted, how often, the call script, and the
// retry and escalation timings; status draft → active → closed. Plain values; campaign_rules.hpp checks them.

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "calls/escalation_rule.hpp"
#include "calls/schedule_model.hpp"
#include "core/clock.hpp"

namespace lien::calls {

std::string_view CampaignKindName(CampaignKind kind);
std::optional<CampaignKind> CampaignKindFromName(std::string_view name);

enum class CampaignStatus : std::uint8_t { kDraft, kActive, kClosed };
std::string_view CampaignStatusName(CampaignStatus status);
std::optional<CampaignStatus> CampaignStatusFromName(std::string_view name);

/// Who a campaign targets: a filter over the persons, plus people added by hand. Every filter given must hold
/// (AND); inside the area, living at one of the postcodes, in one of the towns or in one of the streets is enough
/// (OR). A filter with no criterion selects nobody: a campaign never reaches the whole database by default.
struct CampaignTarget {
  /// Registered people only (register entry in state `registered`); heatwave and cold campaigns only, since the
  /// register's purpose is the alert plan (docs/calls.md).
  bool register_persons = false;
  std::vector<std::string> grounds{};  ///< with register_persons: any of these grounds; empty for any ground
  std::optional<int> age_min{};        ///< years on the day the target is resolved
  std::optional<int> age_max{};
  bool lives_alone = false;  ///< only people whose follow-up profile says they live alone
  std::vector<std::string> postcodes{};
  std::vector<std::string> towns{};    ///< folded exact match
  std::vector<std::string> streets{};  ///< the start of the street's name, with or without its type ("rue")
  std::vector<PersonId> persons{};     ///< added by hand, enrolled whatever the filter says

  /// True when the filter part names at least one criterion (the hand-picked persons aside).
  bool HasCriteria() const {
    return register_persons || age_min || age_max || lives_alone || !postcodes.empty() || !towns.empty() ||
           !streets.empty();
  }
};

/// Retry and escalation timings of a campaign (the scheduler's RetryPolicy and EscalationPolicy come from them).
struct CampaignTimings {
  std::int32_t retry_delay_minutes = 120;  ///< after no answer or voicemail
  std::int32_t max_attempts_per_day = 3;
  std::int32_t escalation_hours = 7 * 24;  ///< without reaching the person before escalating
  std::int32_t escalation_min_attempts = 3;
};

/// The timings of a new campaign of `kind`: the scheduler's defaults (schedule_model.cpp, escalation_rule.cpp),
/// so a heatwave retries within the hour and escalates after two days while wellbeing calls wait a week.
CampaignTimings DefaultTimings(CampaignKind kind);
/// Every N days by default: heatwave and cold daily, lockdown every other day, wellbeing every three days
/// (Amiens' callers).
std::int16_t DefaultFrequencyDays(CampaignKind kind);

struct Campaign {
  CampaignId id = 0;
  std::string name{};
  CampaignKind kind = CampaignKind::kWellbeing;
  CampaignStatus status = CampaignStatus::kDraft;
  std::chrono::year_month_day starts_on{};
  std::optional<std::chrono::year_month_day> ends_on{};
  CampaignTarget target{};
  std::int16_t frequency_days = 3;  ///< 0: on the agreed weekdays only
  WeekdaySet weekdays{};            ///< the campaign's call days when frequency_days is 0
  LocalWindow window{.start_minute = 9 * 60, .end_minute = 12 * 60};
  CampaignTimings timings{};
  std::string activated_by_alert{};  ///< "heatwave" or "cold": declaring such an alert activates this draft
  std::optional<std::int64_t> alert_id{};
  core::EpochMillis created_at = 0;
  std::optional<std::int64_t> created_by{};
  core::EpochMillis updated_at = 0;
  std::optional<std::int64_t> updated_by{};
  std::int64_t version = 1;
};

/// The scheduler's policies from a campaign's timings: retries after no answer and voicemail wait
/// retry_delay_minutes, after a busy line the shorter of that and the kind's default busy delay.
RetryPolicy RetryPolicyOf(const Campaign& campaign);
EscalationPolicy EscalationPolicyOf(const Campaign& campaign);

/// How a script question is answered.
enum class AnswerKind : std::uint8_t { kYesNo, kChoice, kScale, kText };
std::string_view AnswerKindName(AnswerKind kind);
std::optional<AnswerKind> AnswerKindFromName(std::string_view name);
/// Scale answers are whole numbers from 1 to this.
inline constexpr int kScaleMax = 5;

/// One question of the script. An answer equal to `raises_on` proposes a need of kind `raises_need`.
struct Question {
  std::string prompt{};
  AnswerKind answer_kind = AnswerKind::kYesNo;
  std::vector<std::string> choices{};  ///< for kChoice
  std::string raises_need{};           ///< a need kind (docs/calls.md), or empty
  std::string raises_on{};             ///< "yes"/"no", one of the choices, or a scale value "1"…"5"
};

}  // namespace lien::calls
