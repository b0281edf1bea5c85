#include "calls/campaign_model.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "calls/escalation_rule.hpp"

namespace lien::calls {
namespace {

constexpr std::array<std::pair<CampaignKind, std::string_view>, 4> kKindNames{{
    {CampaignKind::kHeatwave, "heatwave"},
    {CampaignKind::kCold, "cold"},
    {CampaignKind::kLockdown, "lockdown"},
    {CampaignKind::kWellbeing, "wellbeing"},
}};

constexpr std::array<std::pair<CampaignStatus, std::string_view>, 3> kStatusNames{{
    {CampaignStatus::kDraft, "draft"},
    {CampaignStatus::kActive, "active"},
    {CampaignStatus::kClosed, "closed"},
}};

constexpr std::array<std::pair<AnswerKind, std::string_view>, 4> kAnswerKindNames{{
    {AnswerKind::kYesNo, "yes_no"},
    {AnswerKind::kChoice, "choice"},
    {AnswerKind::kScale, "scale"},
    {AnswerKind::kText, "text"},
}};

template <class Enum, std::size_t N>
std::string_view NameOf(const std::array<std::pair<Enum, std::string_view>, N>& names, Enum value) {
  for (const auto& [known, name] : names) {
    if (known == value) return name;
  }
  return "unknown";
}

template <class Enum, std::size_t N>
std::optional<Enum> ValueOf(const std::array<std::pair<Enum, std::string_view>, N>& names, std::string_view name) {
  for (const auto& [value, known] : names) {
    if (known == name) return value;
  }
  return std::nullopt;
}

}  // namespace

std::string_view CampaignKindName(CampaignKind kind) { return NameOf(kKindNames, kind); }
std::optional<CampaignKind> CampaignKindFromName(std::string_view name) { return ValueOf(kKindNames, name); }
std::string_view CampaignStatusName(CampaignStatus status) { return NameOf(kStatusNames, status); }
std::optional<CampaignStatus> CampaignStatusFromName(std::string_view name) { return ValueOf(kStatusNames, name); }
std::string_view AnswerKindName(AnswerKind kind) { return NameOf(kAnswerKindNames, kind); }
std::optional<AnswerKind> AnswerKindFromName(std::string_view name) { return ValueOf(kAnswerKindNames, name); }

CampaignTimings DefaultTimings(CampaignKind kind) {
  const RetryPolicy retry = DefaultRetryPolicy(kind);
  const EscalationPolicy escalation = DefaultEscalationPolicy(kind);
  return CampaignTimings{.retry_delay_minutes = retry.no_answer_delay_minutes,
                         .max_attempts_per_day = retry.max_attempts_per_day,
                         .escalation_hours = escalation.hours_without_contact,
                         .escalation_min_attempts = escalation.min_attempts};
}

RetryPolicy RetryPolicyOf(const Campaign& campaign) {
  const RetryPolicy defaults = DefaultRetryPolicy(campaign.kind);
  return RetryPolicy{.no_answer_delay_minutes = campaign.timings.retry_delay_minutes,
                     .busy_delay_minutes = std::min(defaults.busy_delay_minutes, campaign.timings.retry_delay_minutes),
                     .voicemail_delay_minutes = campaign.timings.retry_delay_minutes,
                     .max_attempts_per_day = campaign.timings.max_attempts_per_day};
}

EscalationPolicy EscalationPolicyOf(const Campaign& campaign) {
  return EscalationPolicy{.hours_without_contact = campaign.timings.escalation_hours,
                          .min_attempts = campaign.timings.escalation_min_attempts};
}

std::int16_t DefaultFrequencyDays(CampaignKind kind) {
  switch (kind) {
    case CampaignKind::kHeatwave:
    case CampaignKind::kCold:
      return 1;
    case CampaignKind::kLockdown:
      return 2;
    case CampaignKind::kWellbeing:
      return 3;
  }
  return 3;
}

}  // namespace lien::calls
