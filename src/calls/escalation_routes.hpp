#pragma once
// Routes of the escalations (issue 4, "People not reached"; docs/calls.md): the coordinator's open escalations
// and their badge count, the sweep run by hand, the emergency contacts tried, the home visit assigned and its
// outcome, and the visits assigned to the signed-in agent. Every read or change of a person's data is audited
// with purpose follow_up.

#include "auth/guard.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace lien::calls {

void AddEscalationRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock);

}  // namespace lien::calls
