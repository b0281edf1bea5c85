#pragma once
// The fixture of the API tests: a fresh database on one engine, accounts made with the real CLI, and the real
// `lien serve` over HTTP. Parameterised by engine so the same suite runs on SQLite and PostgreSQL.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "db/test_databases.hpp"
#include "http_client.hpp"
#include "lien_process.hpp"

namespace lien::api_test {

/// A password the policy accepts, distinct per login.
std::string PasswordFor(const std::string& login);

class ApiTest : public ::testing::TestWithParam<db::Dialect> {
 protected:
  void SetUp() override;

  /// Starts the server (once per test; later calls restart it with new arguments).
  void StartServer(const std::vector<std::string>& extra_args = {});

  /// Creates an account through `lien user add`.
  void CreateUser(const std::string& login, const std::string& role);

  /// A client signed in as `login`. For roles that need a second factor, sets it up on first sign-in and
  /// returns its secret in `totp_secret` (if given).
  std::unique_ptr<HttpClient> SignIn(const std::string& login, std::string* totp_secret = nullptr);

  std::unique_ptr<HttpClient> Client() { return std::make_unique<HttpClient>(server_->base_url()); }

  std::unique_ptr<db::testing::TestDatabase> database_;
  std::unique_ptr<LienServer> server_;
};

std::string EngineName(const ::testing::TestParamInfo<db::Dialect>& info);

}  // namespace lien::api_test
