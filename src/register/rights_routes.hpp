#pragma once
// HTTP routes of the person's rights (permission `rights`, the DPO) and of retention (permission
// `retention`): docs/register.md, "HTTP API". Every access and every erasure is in the audit trail; an
// erasure leaves there only ids and counts.

#include "auth/guard.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "register/retention.hpp"

namespace lien::registry {

/// GET /api/v1/rights/persons?q=, GET /api/v1/rights/persons/{id}/access, GET …/access.pdf,
/// POST /api/v1/rights/persons/{id}/erase {confirm_last_name}.
void AddRightsRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock);

/// GET /api/v1/retention/due, POST /api/v1/retention/purge. `policy` must outlive the routes.
void AddRetentionRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock,
                        const RetentionPolicy& policy);

}  // namespace lien::registry
