#pragma once
// The calling part's routes (docs/calls.md): stored worklists (plan, the caller's list and next person, the
// coordinator's view), recording calls, the caller's view of a person, break-the-glass grants.

#include "auth/guard.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace lien::calls {

void AddCallingRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock);

namespace support {
void AddWorklistRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock);
void AddCallRecordRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock);
void AddBreakGlassRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock);
}  // namespace support

}  // namespace lien::calls
