#pragma once
// People not reached (issue 4): after the campaign's threshold without a successful contact, and once callers
// have really tried, the person is escalated (an alert to the coordinator, then a home visit). Plain rules on
// the facts the store reads; the sweep that raises escalations, and its guard against double alerts, is the
// store's.

#include <cstdint>
#include <optional>

#include "calls/schedule_model.hpp"
#include "core/clock.hpp"

namespace lien::calls {

struct EscalationPolicy {
  std::int32_t hours_without_contact = 48;  ///< since the last time the person was reached, or their enrolment
  /// Attempts since then before escalating: an unanswered phone is a sign, a call never made is not (calls that
  /// fit nobody are on the planner's overflow report instead).
  std::int32_t min_attempts = 3;
};

/// Heatwave and cold: two days (issue 4's example for a heatwave); lockdown: three; regular wellbeing: a week,
/// as people are called every few days.
EscalationPolicy DefaultEscalationPolicy(CampaignKind kind);

struct ContactFacts {
  core::EpochMillis enrolled_at = 0;
  std::optional<core::EpochMillis> last_reached_at{};
  std::int32_t attempts_since_reached = 0;  ///< calls made since last reached (since enrolment if never)
};

/// The instant from which the person counts as not reached: the later of last reached and enrolment, plus the
/// threshold.
/// Elapsed hours, not calendar days: "48 hours without news" means the same on a daylight-saving day.
core::EpochMillis NotReachedFrom(const ContactFacts& facts, const EscalationPolicy& policy);

/// At `now`: past NotReachedFrom and at least `min_attempts` attempts since the last contact.
bool ShouldEscalate(const ContactFacts& facts, const EscalationPolicy& policy, core::EpochMillis now);

}  // namespace lien::calls
