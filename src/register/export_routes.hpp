#pragma once
// The persons' exports (permission persons.export): the filtered list as .xlsx or CSV
// (GET /api/v1/persons/export.xlsx|csv, the search's filters, the reader's field groups only) and the
// one-page home-visit sheet (GET /api/v1/persons/{id}/visit-sheet.pdf). Each is audited with its count.

#include "auth/guard.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace lien::registry {

void AddExportRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock);

}  // namespace lien::registry
