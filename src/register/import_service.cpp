#include "register/import_service.hpp"

#include <stdexcept>

#include "audit/trail.hpp"
#include "core/crypto.hpp"
#include "documents/csv_reader.hpp"
#include "documents/text_encoding.hpp"
#include "register/import_store.hpp"
#include "register/person_rules.hpp"

namespace lien::registry {
namespace {

void Audit(db::Connection& connection, audit::Event event, const ImportReport& report, core::EpochMillis now) {
  const ImportPlan& plan = report.plan;
  event.action = report.dry_run ? "import.dry_run" : "import.commit";
  event.subject_type = "import";
  event.subject_id = report.batch_id ? std::to_string(*report.batch_id) : report.file_sha256.substr(0, 16);
  event.purpose = "person";
  event.outcome = report.dry_run || report.imported ? "ok" : "refused";
  event.details = {{"file_sha256", report.file_sha256},
                   {"rows_read", std::to_string(plan.rows_read)},
                   {"created", std::to_string(plan.created)},
                   {"updated", std::to_string(plan.updated)},
                   {"unchanged", std::to_string(plan.unchanged)},
                   {"flagged", std::to_string(plan.flagged)},
                   {"rejected_rows", std::to_string(plan.rejected_rows)}};
  audit::Append(connection, now, event);
}

void Apply(db::Connection& connection, ImportReport& report, const std::string& file_name, const ChangeAuthor& author,
           core::EpochMillis now) {
  ImportPlan& plan = report.plan;
  ImportBatch batch;
  batch.file_name = file_name;
  batch.file_sha256 = report.file_sha256;
  batch.rows_read = static_cast<std::int64_t>(plan.rows_read);
  batch.created = static_cast<std::int64_t>(plan.created);
  batch.updated = static_cast<std::int64_t>(plan.updated);
  batch.unchanged = static_cast<std::int64_t>(plan.unchanged);
  batch.flagged = static_cast<std::int64_t>(plan.flagged);
  batch.at = now;
  batch.actor_id = author.user_id;
  const std::int64_t batch_id = InsertImportBatch(connection, batch);
  for (PlannedRow& row : plan.rows) {
    std::int64_t person_id = row.person.id;
    if (row.action == RowAction::kCreate) {
      person_id = InsertPerson(connection, row.person, author, now, "import");
    } else if (row.action == RowAction::kUpdate) {
      auto updated = UpdatePerson(connection, row.person, row.expected_version, author, now, "import");
      // The plan was made in this transaction: a stale version here is a bug, and throwing rolls everything back.
      if (!updated) throw std::logic_error("import: update of person " + std::to_string(person_id) + " refused");
    }
    RecordImportedRow(connection, row.row_hash, person_id, batch_id);
  }
  report.batch_id = batch_id;
  report.imported = true;
  plan.rows.clear();
  plan.rows.shrink_to_fit();
}

}  // namespace

core::Result<ImportReport> RunImport(db::Database& database, const ImportRequest& request, audit::Event event,
                                     const ChangeAuthor& author, core::EpochMillis now) {
  if (request.file_name.empty()) {
    return core::Fail(core::ErrorCode::kInvalidInput, "import.file_name_required", "file_name");
  }
  ImportReport report;
  report.dry_run = request.dry_run;
  report.file_sha256 = core::Sha256Hex(request.content);
  const documents::DecodedText text = documents::DecodeToUtf8(request.content);
  report.encoding = documents::EncodingName(text.encoding);
  auto table = documents::ReadCsvTable(text.utf8, request.separator);
  if (!table) return core::Fail(table.error());
  report.separator = table->separator;
  auto columns = CheckedMapping(*table, request.settings);
  if (!columns) return core::Fail(columns.error());
  const Date today = DayOf(now);

  const auto plan = [&](db::Connection& connection) {
    const std::vector<Person> existing = LoadRegisterForImport(connection);
    const auto hashes = LoadImportedRowHashes(connection);
    return PlanImport(*table, *columns, request.settings, existing, hashes, today);
  };
  if (request.dry_run) {
    report.plan = db::InReadTransaction(database, plan);
    report.plan.rows.clear();
    db::InWriteTransaction(database, [&](db::Connection& connection) { Audit(connection, event, report, now); });
    return report;
  }
  db::InWriteTransaction(database, [&](db::Connection& connection) {
    report.plan = plan(connection);
    report.imported = false;
    report.batch_id.reset();
    if (report.plan.rejected_rows == 0) Apply(connection, report, request.file_name, author, now);
    Audit(connection, event, report, now);
  });
  report.plan.rows.clear();
  return report;
}

}  // namespace lien::registry
