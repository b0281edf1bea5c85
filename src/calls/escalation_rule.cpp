#include "calls/escalation_rule.hpp"

#include <algorithm>

namespace lien::calls {

EscalationPolicy DefaultEscalationPolicy(CampaignKind kind) {
  switch (kind) {
    case CampaignKind::kHeatwave:
    case CampaignKind::kCold:
      return EscalationPolicy{.hours_without_contact = 48, .min_attempts = 3};
    case CampaignKind::kLockdown:
      return EscalationPolicy{.hours_without_contact = 72, .min_attempts = 3};
    case CampaignKind::kWellbeing:
      return EscalationPolicy{.hours_without_contact = 7 * 24, .min_attempts = 3};
  }
  return EscalationPolicy{};
}

core::EpochMillis NotReachedFrom(const ContactFacts& facts, const EscalationPolicy& policy) {
  // The campaign's clock starts at enrolment: a contact before it (another campaign) does not shorten it.
  const core::EpochMillis since = std::max(facts.last_reached_at.value_or(facts.enrolled_at), facts.enrolled_at);
  return since + static_cast<core::EpochMillis>(std::max(policy.hours_without_contact, 0)) * 3'600'000;
}

bool ShouldEscalate(const ContactFacts& facts, const EscalationPolicy& policy, core::EpochMillis now) {
  return now >= NotReachedFrom(facts, policy) && facts.attempts_since_reached >= policy.min_attempts;
}

}  // namespace lien::calls
