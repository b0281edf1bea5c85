#pragma once
// For unit tests of stores and rules: a migrated SQLite database in a temporary file, removed afterwards.

#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "db/database.hpp"
#include "db/migrations.hpp"

namespace lien::testing {

class TempDatabase {
 public:
  TempDatabase() {
    const auto name = "lien-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter_) + ".db";
    path_ = std::filesystem::temp_directory_path() / name;
    database_ = db::Open(path_.string(), 4);
    db::Migrate(*database_);
  }
  ~TempDatabase() {
    database_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }
  TempDatabase(const TempDatabase&) = delete;
  TempDatabase& operator=(const TempDatabase&) = delete;

  db::Database& operator*() { return *database_; }
  db::Database* operator->() { return database_.get(); }

 private:
  static inline int counter_ = 0;
  std::filesystem::path path_;
  std::unique_ptr<db::Database> database_;
};

}  // namespace lien::testing
