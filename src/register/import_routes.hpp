#pragma once
// POST /api/v1/imports/register: the import of a register file (permission persons.import), dry run or real.

#include "auth/guard.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "http/json_body.hpp"
#include "register/import_service.hpp"

namespace lien::registry {

/// The report as JSON, messages in `language`: {dry_run, imported, batch_id, file_name, encoding, separator,
/// rows_read, created, updated, unchanged, flagged, rejected_rows, rejected: [{line, column, reason, code}],
/// flags: [{line, person_id | other_line, score, reasons}], columns: [heading], mapping: {heading: field|""},
/// fields: [field code]}. Shared with `lien import register --json`.
http::Json ImportReportToJson(const ImportReport& report, core::Language language);

void AddImportRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock);

}  // namespace lien::registry
