#pragma once
// The store contract: what every backend must do the same way. Written once (store_contract_test.cpp) and
// instantiated per engine (sqlite/sqlite_test.cpp, postgres/postgres_pgtest.cpp).

#include <gtest/gtest.h>

#include <memory>
#include <ostream>
#include <string>

#include "db/database.hpp"
#include "db/test_databases.hpp"

namespace lien::db {

/// How GoogleTest prints a Dialect (in CTest names: "# GetParam() = sqlite").
inline void PrintTo(Dialect dialect, std::ostream* out) {
  *out << (dialect == Dialect::kPostgres ? "postgres" : "sqlite");
}

/// Names the instantiations "sqlite" / "postgres" in test names (instead of the raw bytes of the enum).
inline std::string EngineName(const ::testing::TestParamInfo<Dialect>& info) {
  return info.param == Dialect::kPostgres ? "postgres" : "sqlite";
}

class StoreContract : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    test_ = testing::TestDatabase::Create(GetParam());
    if (test_ == nullptr) {
      GTEST_SKIP() << "LIEN_TEST_POSTGRES_URL is not set";
    }
    database_ = test_->Open(4);
  }
  void TearDown() override {
    database_.reset();
    test_.reset();
  }

  std::unique_ptr<testing::TestDatabase> test_;
  std::unique_ptr<Database> database_;
};

}  // namespace lien::db
