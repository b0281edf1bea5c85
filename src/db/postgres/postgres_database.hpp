#pragma once
// The PostgreSQL backend (libpq): a pool of connections to one server (see docs/storage.md).

#include <chrono>
#include <memory>
#include <string>

#include "db/database.hpp"

namespace lien::db {

/// Connects to the server named by `location` (a postgresql:// URL or a libpq key=value string). Throws
/// DatabaseError(kUnavailable) "cannot connect to PostgreSQL at host:port: <reason>" when it cannot.
std::unique_ptr<Database> OpenPostgres(const std::string& location, int pool_size,
                                       std::chrono::milliseconds acquire_timeout);

}  // namespace lien::db
