#pragma once
// Test helper: a fresh, empty database for one engine, removed afterwards.

#include <chrono>
#include <memory>
#include <string>

#include "db/database.hpp"

namespace lien::db::testing {

/// A fresh database: a file in a new temporary directory (SQLite), or a new `lien_test_<random>` database on
/// the server named by LIEN_TEST_POSTGRES_URL (PostgreSQL), dropped by the destructor.
class TestDatabase {
 public:
  /// nullptr when the engine is not available here (PostgreSQL without LIEN_TEST_POSTGRES_URL).
  static std::unique_ptr<TestDatabase> Create(Dialect dialect);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  /// Where the database is: a file path or a postgresql:// URL, for Open().
  const std::string& location() const { return location_; }
  /// Opens a pool on it.
  std::unique_ptr<Database> Open(int pool_size,
                                 std::chrono::milliseconds acquire_timeout = std::chrono::seconds(5)) const;
  /// Opens a pool on it with every migration applied (for module tests that need Lien's schema).
  std::unique_ptr<Database> OpenMigrated(int pool_size) const;

 private:
  TestDatabase() = default;
  Dialect dialect_ = Dialect::kSqlite;
  std::string location_;
  std::string cleanup_;  ///< The temporary directory, or the admin URL.
  std::string name_;     ///< PostgreSQL database name.
};

/// LIEN_TEST_POSTGRES_URL, or empty.
std::string PostgresAdminUrl();

}  // namespace lien::db::testing
