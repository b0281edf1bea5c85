#pragma once
// The figures over HTTP (permission calls.supervise):
//  - GET /api/v1/figures?period=day|week|campaign&day=&campaign_id= as JSON for the dashboard;
//  - GET /api/v1/figures/campaigns, the campaigns to pick from;
//  - GET /api/v1/figures/export.xlsx and .csv, the same figures as a spreadsheet.
// Counts only, no person's data: reading them is not audited; each export is (action figures.export, purpose
// follow_up), since it leaves the platform.

#include "auth/guard.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace lien::calls {

void AddFiguresRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock);

}  // namespace lien::calls
