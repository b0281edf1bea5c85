#include "db/test_databases.hpp"

#include <cstdlib>
#include <filesystem>
#include <random>

#include "db/migrations.hpp"

namespace lien::db::testing {
namespace {

std::string RandomSuffix() {
  static thread_local std::mt19937_64 generator{std::random_device{}()};
  constexpr const char* kDigits = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::string out;
  for (int i = 0; i < 12; ++i) {
    out += kDigits[generator() % 36];
  }
  return out;
}

/// The admin URL with its database name replaced by `name`.
std::string WithDatabase(const std::string& url, const std::string& name) {
  const auto scheme_end = url.find("://");
  const auto path = url.find('/', scheme_end == std::string::npos ? 0 : scheme_end + 3);
  const auto query = url.find('?');
  const std::string base = url.substr(0, path == std::string::npos ? query : path);
  const std::string tail = query == std::string::npos ? "" : url.substr(query);
  return base + "/" + name + tail;
}

}  // namespace

std::string PostgresAdminUrl() {
  const char* url = std::getenv("LIEN_TEST_POSTGRES_URL");
  return url != nullptr ? url : "";
}

std::unique_ptr<TestDatabase> TestDatabase::Create(Dialect dialect) {
  std::unique_ptr<TestDatabase> test(new TestDatabase());
  test->dialect_ = dialect;
  if (dialect == Dialect::kSqlite) {
    const auto directory = std::filesystem::temp_directory_path() / ("lien_db_test_" + RandomSuffix());
    std::filesystem::create_directories(directory);
    test->cleanup_ = directory.string();
    test->location_ = (directory / "lien.db").string();
    return test;
  }
  test->cleanup_ = PostgresAdminUrl();
  if (test->cleanup_.empty()) {
    return nullptr;
  }
  test->name_ = "lien_test_" + RandomSuffix();
  auto admin = db::Open(test->cleanup_, 1);
  admin->Acquire()->ExecuteScript("CREATE DATABASE " + test->name_);
  test->location_ = WithDatabase(test->cleanup_, test->name_);
  return test;
}

TestDatabase::~TestDatabase() {
  try {
    if (dialect_ == Dialect::kSqlite) {
      std::filesystem::remove_all(cleanup_);
    } else {
      auto admin = db::Open(cleanup_, 1);
      admin->Acquire()->ExecuteScript("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    }
  } catch (...) {
    // Leftovers in /tmp or a stray lien_test_ database are harmless; a destructor must not throw.
  }
}

std::unique_ptr<Database> TestDatabase::Open(int pool_size, std::chrono::milliseconds acquire_timeout) const {
  return db::Open(location_, pool_size, acquire_timeout);
}

std::unique_ptr<Database> TestDatabase::OpenMigrated(int pool_size) const {
  auto database = Open(pool_size);
  Migrate(*database);
  return database;
}

}  // namespace lien::db::testing
