#pragma once
// The SQLite backend: a pool of connections to one database file in WAL mode (see docs/storage.md).

#include <chrono>
#include <memory>
#include <string>

#include "db/database.hpp"

namespace lien::db {

/// Opens (creating if needed) the SQLite file at `path`. Throws DatabaseError(kUnavailable) with a one-line
/// reason when the file cannot be opened, e.g. its directory does not exist.
std::unique_ptr<Database> OpenSqlite(const std::string& path, int pool_size, std::chrono::milliseconds acquire_timeout);

}  // namespace lien::db
