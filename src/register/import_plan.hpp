#pragma once
// What importing a register file would do, decided before anything is written: for each row, create a person,
// update an existing one, leave one unchanged, or reject the row (with its line, column and reason); and which
// rows look like duplicates of someone already registered or of another row. The same plan serves the dry run
// and the import, so the dry run's counts are the import's. Plain rules: the caller loads the register and the
// hashes of rows imported before, and applies the plan in one write transaction.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"
#include "documents/csv_reader.hpp"
#include "register/duplicates.hpp"
#include "register/import_mapping.hpp"
#include "register/import_row.hpp"
#include "register/model.hpp"

namespace lien::registry {

struct ImportRejection {
  std::size_t line = 0;
  std::string column;  ///< heading of the column at fault; empty when the whole row is
  std::string message_key;
  std::map<std::string, std::string> args;
};

/// A row that looks like someone already in the register (`person_id`) or like another row of the file
/// (`other_line`), with the duplicate score and its reasons. Flagged rows are still imported: the user merges
/// the records afterwards if they are the same person.
struct ImportFlag {
  std::size_t line = 0;
  std::optional<std::int64_t> person_id;
  std::optional<std::size_t> other_line;
  double score = 0;
  std::vector<DuplicateReason> reasons;
};

enum class RowAction { kCreate, kUpdate, kUnchanged };

struct PlannedRow {
  std::size_t line = 0;
  RowAction action = RowAction::kCreate;
  Person person;  ///< to insert (kCreate), the merged record (kUpdate), or the stored one (kUnchanged)
  std::int64_t expected_version = 0;  ///< kUpdate: the stored version the merge started from
  ImportedRegisterFields register_fields;
  std::string row_hash;
  bool create_register_entry = false;  ///< set by the import run (existing register, person not registered yet)
};

struct ImportPlan {
  std::vector<ColumnMapping> columns;
  std::size_t rows_read = 0;  ///< records after the header, blank lines excluded
  std::size_t created = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::size_t flagged = 0;                ///< rows with at least one flag
  std::vector<PlannedRow> rows;           ///< the rows that are not rejected, in file order
  std::vector<ImportRejection> rejected;  ///< one entry per problem; a row may have several
  std::size_t rejected_rows = 0;
  std::vector<ImportFlag> flags;
  // Existing register only (set by the import run, which reads the stored entries):
  std::size_t entries_created = 0;   ///< register entries to create (source = import)
  std::size_t entries_existing = 0;  ///< persons already registered: their entry is left as it is
  std::size_t entries_ended = 0;     ///< persons who opposed or asked to be removed: never registered again by a file
};

struct ImportSettings {
  std::map<std::string, std::string> mapping;  ///< heading → field code, from the user
  bool existing_register = false;  ///< the user declares the file an existing register: register fields read
};

/// Checks the mapping of `table`'s headings: fails with kInvalidInput `import.mapping_unknown_heading`
/// (field "mapping", {heading}), `import.mapping_unknown_field` ({field}), `import.no_name_column` when no
/// column holds the last name, `import.register_needs_ground` when an existing register has no ground column.
core::Result<std::vector<ColumnMapping>> CheckedMapping(const documents::CsvTable& table,
                                                        const ImportSettings& settings);

/// The plan for `table` against `existing` (the persons stored, phones included) and `known_hashes` (row hash →
/// person id of rows imported before). A row is: rejected when the CSV reader, the row reader or
/// ValidatePerson finds a problem; unchanged when its hash was imported before (the person is not touched
/// again, whatever was edited since) or when it says nothing new about the person it matches; an update when it
/// matches exactly one stored person by folded last name, folded first names and birth date and brings new
/// values (file values replace, phones and languages are added); a creation otherwise. A row repeating an
/// earlier row of the file is unchanged. Creations are checked for duplicates (score ≥ 0.5) against `existing`
/// and against the other creations. `today` bounds dates.
ImportPlan PlanImport(const documents::CsvTable& table, const std::vector<ColumnMapping>& columns,
                      const ImportSettings& settings, std::span<const Person> existing,
                      const std::unordered_map<std::string, std::int64_t>& known_hashes, const Date& today);

}  // namespace lien::registry
