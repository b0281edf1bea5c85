#pragma once
// Importing a register file, start to end: decode (UTF-8 with or without BOM, UTF-16, Windows-1252), read the
// CSV, map the columns, plan every row against the register (import_plan.hpp), and either report (dry run) or
// apply the plan in one write transaction — all or nothing: a file with a rejected row imports nothing. Both
// are recorded in the audit trail with their counts (import.dry_run, import.commit). Shared by the HTTP route
// and `lien import register`.

#include <cstdint>
#include <optional>
#include <string>

#include "audit/entry.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "register/import_plan.hpp"
#include "register/person_store.hpp"

namespace lien::registry {

struct ImportRequest {
  std::string file_name;
  std::string content;  ///< the file's bytes as uploaded
  ImportSettings settings;
  std::optional<char> separator;  ///< forced; detected otherwise
  bool dry_run = true;
};

struct ImportReport {
  bool dry_run = true;
  bool imported = false;  ///< true once the rows are written (never for a dry run)
  std::string encoding;   ///< documents::EncodingName
  char separator = ';';
  std::string file_sha256;
  std::optional<std::int64_t> batch_id;
  ImportPlan plan;  ///< counts, mapping, rejections and flags (its rows are dropped once applied)
};

/// Runs the import. Errors (nothing written, nothing audited): kInvalidInput for an empty file, a header
/// with an unterminated quote, a wrong mapping (see CheckedMapping), `import.file_name_required`.
/// `event` carries who and where from; its action, subject, purpose and details are set here.
/// Throws db::DatabaseError on storage failure.
core::Result<ImportReport> RunImport(db::Database& database, const ImportRequest& request, audit::Event event,
                                     const ChangeAuthor& author, core::EpochMillis now);

}  // namespace lien::registry
