#pragma once
// POST /api/v1/register/prefect-export: the prefect's list, only while an alert plan is open, only for a designated
// agent who gives their password (and one-time code) again; the audit trail records the alert, the recipient, the
// purpose, the number of rows and the SHA-256 of the file.

#include "auth/guard.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace lien::registry {

void AddPrefectExportRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock);

}  // namespace lien::registry
