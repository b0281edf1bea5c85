#include "register/import_service.hpp"

#include <algorithm>
#include <set>
#include <span>
#include <stdexcept>

#include "audit/trail.hpp"
#include "core/crypto.hpp"
#include "documents/csv_reader.hpp"
#include "documents/text_encoding.hpp"
#include "register/import_store.hpp"
#include "register/person_rules.hpp"
#include "register/register_entry_rules.hpp"
#include "register/register_entry_store.hpp"
#include "register/register_entry_workflow.hpp"

namespace lien::registry {
namespace {

// An entry of an existing register brought into Lien: who asked and when is not in such files, so the entry is
// recorded as the person's own request made on the day of the import, acknowledged at once (the town kept the
// register before Lien), with source = import and the file's name (docs/register.md).
RegisterEntryDraft DraftOf(const ImportedRegisterFields& fields, const Date& today) {
  RegisterEntryDraft draft;
  draft.ground = fields.ground;
  draft.home_care_service = fields.home_care_service;
  draft.emergency_contact_name = fields.emergency_contact_name;
  draft.emergency_contact_phone = fields.emergency_contact_phone;
  draft.requested_by = "self";
  draft.requested_on = FormatDate(today);
  return draft;
}

std::string ColumnOf(const std::vector<ColumnMapping>& columns, const std::string& field) {
  for (const ColumnMapping& column : columns) {
    if (ImportFieldCode(column.field) == field) return column.heading;
  }
  return {};
}

// The register entries an existing register would create, checked like the rows (a bad entry rejects its row).
void PlanRegisterEntries(db::Connection& connection, ImportPlan& plan, const Date& today) {
  std::vector<PlannedRow> kept;
  std::set<std::int64_t> scheduled;
  for (PlannedRow& row : plan.rows) {
    if (row.register_fields.ground.empty()) {
      kept.push_back(std::move(row));
      continue;
    }
    if (auto entry = BuildEntry(DraftOf(row.register_fields, today), today); !entry) {
      plan.rejected.push_back(
          {row.line, ColumnOf(plan.columns, entry.error().field), entry.error().message_key, entry.error().args});
      ++plan.rejected_rows;
      std::size_t& count = row.action == RowAction::kCreate   ? plan.created
                           : row.action == RowAction::kUpdate ? plan.updated
                                                              : plan.unchanged;
      --count;
      continue;
    }
    if (row.person.id != 0) {
      if (scheduled.contains(row.person.id)) {
        ++plan.entries_existing;
        kept.push_back(std::move(row));
        continue;
      }
      if (const auto stored = store::FindRegisterEntry(connection, row.person.id)) {
        ++(stored->registered() ? plan.entries_existing : plan.entries_ended);
        kept.push_back(std::move(row));
        continue;
      }
      scheduled.insert(row.person.id);
    }
    row.create_register_entry = true;
    ++plan.entries_created;
    kept.push_back(std::move(row));
  }
  plan.rows = std::move(kept);
  std::stable_sort(plan.rejected.begin(), plan.rejected.end(),
                   [](const ImportRejection& a, const ImportRejection& b) { return a.line < b.line; });
}

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
                   {"rejected_rows", std::to_string(plan.rejected_rows)},
                   {"register_entries_created", std::to_string(plan.entries_created)}};
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
  // By slices of the file: the persons of a slice are inserted together (a few round trips, not several per row),
  // then its rows recorded and its register entries created. Updates only touch persons stored before the
  // import, so their place among the creations does not matter.
  constexpr std::size_t kSlice = 1000;
  for (std::size_t first = 0; first < plan.rows.size(); first += kSlice) {
    const auto slice = std::span<PlannedRow>(plan.rows).subspan(first, std::min(kSlice, plan.rows.size() - first));
    std::vector<Person> created;
    for (PlannedRow& row : slice) {
      if (row.action == RowAction::kCreate) {
        created.push_back(std::move(row.person));
      } else if (row.action == RowAction::kUpdate) {
        auto updated = UpdatePerson(connection, row.person, row.expected_version, author, now, "import");
        // The plan was made in this transaction: a stale version here is a bug, and throwing rolls everything back.
        if (!updated) throw std::logic_error("import: update of person " + std::to_string(row.person.id) + " refused");
      }
    }
    InsertPersons(connection, created, author, now, "import");
    std::vector<ImportedRow> imported;
    imported.reserve(slice.size());
    auto next_created = created.begin();
    for (PlannedRow& row : slice) {
      if (row.action == RowAction::kCreate) row.person.id = (next_created++)->id;
      imported.push_back({row.row_hash, row.person.id});
    }
    RecordImportedRows(connection, imported, batch_id);
    for (const PlannedRow& row : slice) {
      if (!row.create_register_entry) continue;
      const EntryOrigin origin{author.user_id, std::string(kSourceImport), file_name, now};
      auto entry = RegisterPerson(connection, row.person.id, DraftOf(row.register_fields, DayOf(now)), origin, now);
      if (!entry) throw std::logic_error("import: register entry refused: " + entry.error().message_key);
    }
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
    ImportPlan planned = PlanImport(*table, *columns, request.settings, existing, hashes, today);
    if (request.settings.existing_register) PlanRegisterEntries(connection, planned, today);
    return planned;
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
