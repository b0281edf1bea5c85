#pragma once
// HTTP routes of the campaigns part of the call platform (docs/calls.md, "HTTP API"): campaigns and scripts,
// enrolments, the callers' roster, a person's follow-up profile, and the hooks that tie campaigns to alert plans.

#include "alerts/alert_routes.hpp"
#include "auth/guard.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace lien::calls {

/// /api/v1/campaigns… (campaigns.manage).
void AddCampaignRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock);
/// /api/v1/campaigns/{id}/enrolments… (campaigns.manage).
void AddEnrolmentRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock);
/// /api/v1/callers… (campaigns.manage).
void AddCallerRosterRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock);
/// /api/v1/persons/{id}/follow-up (follow_up).
void AddFollowUpProfileRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock);

/// What declaring and ending an alert does to campaigns (campaign_activation.hpp), for AddAlertRoutes.
alerts::AlertHooks CampaignAlertHooks();

}  // namespace lien::calls
