#pragma once
// A campaign's life on a db::Connection inside the caller's write transaction: activation (enrolling the target at
// once), refresh (enrolling people who match since), closing (ending enrolments), and what an alert plan does to
// its campaign (docs/calls.md, "Campaigns and alerts").
//
// Alerts. Declaring an alert of kind heatwave or cold activates the oldest draft whose activated_by_alert is that
// kind, in the declaration's transaction: its period starts that day, alert_id is set and the target is enrolled.
// Ending the alert closes the campaigns it activated and leaves a draft copy (same target, script and timings)
// ready for the next alert, so the plan never has to be rebuilt by hand: a heatwave campaign lives as long as
// its alert, and the people followed afterwards stay followed through their needs and referrals, not through calls
// every day.

#include <optional>
#include <vector>

#include "calls/campaign_model.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace lien::calls {

struct ActivationResult {
  Campaign campaign{};
  std::vector<PersonId> enrolled{};  ///< persons enrolled by this change
};

/// Activates a draft (CheckCanActivate; the version when `expected_version` is given) and enrols its target.
/// Errors: kNotFound `campaigns.not_found`, kPreconditionFailed, kConflict `campaigns.not_draft`.
core::Result<ActivationResult> ActivateCampaign(db::Connection& connection, CampaignId id,
                                                std::optional<std::int64_t> expected_version,
                                                std::optional<std::int64_t> actor, core::EpochMillis now);

/// Enrols the people the target selects now and who were never enrolled (removed ones stay out). Errors:
/// kNotFound, kConflict `campaigns.not_active`.
core::Result<ActivationResult> RefreshEnrolments(db::Connection& connection, CampaignId id,
                                                 std::optional<std::int64_t> actor, core::EpochMillis now);

/// Closes an active campaign: ends_on becomes today unless earlier, active enrolments end. Errors: kNotFound,
/// kPreconditionFailed, kConflict `campaigns.not_active`.
core::Result<Campaign> CloseCampaign(db::Connection& connection, CampaignId id,
                                     std::optional<std::int64_t> expected_version, std::optional<std::int64_t> actor,
                                     core::EpochMillis now);

/// The alert plan's side: the campaign activated for alert `alert_id` of `alert_kind`, nullopt when no draft
/// waits for that kind.
std::optional<ActivationResult> ActivateForAlert(db::Connection& connection, std::string_view alert_kind,
                                                 std::int64_t alert_id, std::optional<std::int64_t> actor,
                                                 core::EpochMillis now);

/// The campaigns closed when alert `alert_id` ends, each with the id of the draft copy left for the next alert.
struct ClosedForAlert {
  Campaign closed{};
  CampaignId next_draft_id = 0;
};
std::vector<ClosedForAlert> CloseForAlert(db::Connection& connection, std::int64_t alert_id,
                                          std::optional<std::int64_t> actor, core::EpochMillis now);

}  // namespace lien::calls
