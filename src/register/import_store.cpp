#include "register/import_store.hpp"

#include "register/person_columns.hpp"

namespace lien::registry {

std::vector<Person> LoadRegisterForImport(db::Connection& connection) {
  std::vector<Person> persons;
  const auto rows =
      connection.Execute("SELECT " + std::string(detail::kPersonReadColumns) + " FROM persons p ORDER BY p.id");
  persons.reserve(rows.rows.size());
  std::unordered_map<std::int64_t, std::size_t> index;
  for (const db::Row& row : rows.rows) {
    persons.push_back(detail::ReadPerson(row));
    index[persons.back().id] = persons.size() - 1;
  }
  const auto phones =
      connection.Execute("SELECT person_id, e164, label FROM person_phones ORDER BY person_id, position");
  for (const db::Row& row : phones.rows) {
    if (const auto it = index.find(row.Int(0)); it != index.end()) {
      persons[it->second].phones.push_back({row.Text(1), row.Text(2)});
    }
  }
  return persons;
}

std::unordered_map<std::string, std::int64_t> LoadImportedRowHashes(db::Connection& connection) {
  std::unordered_map<std::string, std::int64_t> hashes;
  for (const db::Row& row : connection.Execute("SELECT row_hash, person_id FROM import_rows").rows) {
    hashes.emplace(row.Text(0), row.Int(1));
  }
  return hashes;
}

std::int64_t InsertImportBatch(db::Connection& connection, const ImportBatch& batch) {
  const auto row = connection.QueryOne(
      "INSERT INTO import_batches (kind, file_name, file_sha256, rows_read, created, updated, unchanged, flagged, "
      "at, actor_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {batch.kind, batch.file_name, batch.file_sha256, batch.rows_read, batch.created, batch.updated, batch.unchanged,
       batch.flagged, batch.at, batch.actor_id ? db::Value(*batch.actor_id) : db::Value(std::monostate{})});
  return row->Int(0);
}

void RecordImportedRows(db::Connection& connection, const std::vector<ImportedRow>& rows, std::int64_t batch_id) {
  std::vector<db::Value> values;
  values.reserve(rows.size() * 3);
  for (const ImportedRow& row : rows) values.insert(values.end(), {row.row_hash, row.person_id, batch_id});
  db::InsertRows(connection, "INSERT INTO import_rows (row_hash, person_id, batch_id)", 3, values,
                 "ON CONFLICT (row_hash) DO NOTHING");
}

}  // namespace lien::registry
