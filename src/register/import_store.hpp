#pragma once
// SQL of the import: the whole register loaded at once for matching (one query for persons, one for phones:
// an import compares every row with every stored person), the hashes of rows imported before, and the
// import_batches / import_rows records that make a second import of the same file create nothing.

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "register/model.hpp"

namespace lien::registry {

/// Every stored person with phones, ordered by id.
std::vector<Person> LoadRegisterForImport(db::Connection& connection);

/// row_hash → person id of every row imported before.
std::unordered_map<std::string, std::int64_t> LoadImportedRowHashes(db::Connection& connection);

struct ImportBatch {
  std::string kind = "register";
  std::string file_name;
  std::string file_sha256;
  std::int64_t rows_read = 0;
  std::int64_t created = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
  std::int64_t flagged = 0;
  core::EpochMillis at = 0;
  std::optional<std::int64_t> actor_id;
};

/// Inserts the batch and returns its id.
std::int64_t InsertImportBatch(db::Connection& connection, const ImportBatch& batch);

/// A row of the file and the person it was imported as.
struct ImportedRow {
  std::string row_hash;
  std::int64_t person_id = 0;
};

/// Records that rows with these hashes were imported in batch `batch_id` (a hash already recorded is left as it
/// is), with a few multi-row INSERTs.
void RecordImportedRows(db::Connection& connection, const std::vector<ImportedRow>& rows, std::int64_t batch_id);

}  // namespace lien::registry
