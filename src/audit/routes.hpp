#pragma once
// HTTP routes of the audit trail, for the data protection officer: search and chain verification.

#include "auth/guard.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace lien::audit {

void AddAuditRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock);

}  // namespace lien::audit
