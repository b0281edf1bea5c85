#pragma once
// HTTP routes of alert plans: every signed-in account sees whether one is on; coordinators declare and end them.

#include "auth/guard.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace lien::alerts {

void AddAlertRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock);

}  // namespace lien::alerts
