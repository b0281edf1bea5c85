#pragma once
// What a running Lien holds: the database, the clock and the modules' services, built once from options,
// and the route table built from them. Shared by `serve` and by the commands that inspect the routes.

#include <memory>
#include <string>

#include "auth/accounts.hpp"
#include "auth/sessions.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "register/retention.hpp"

namespace lien::app {

struct Services {
  std::unique_ptr<db::Database> database;
  std::unique_ptr<core::Clock> clock;
  /// Set when the server runs with --test-clock: the same object as `clock`, which then moves only when
  /// POST /api/v1/test/clock tells it to (browser tests). Null otherwise.
  core::ManualClock* test_clock = nullptr;
  std::unique_ptr<auth::Sessions> sessions;
  std::unique_ptr<auth::Accounts> accounts;
  registry::RetentionPolicy retention;  ///< read by the retention routes; `serve` sets it from its options
};

/// Opens (and migrates, when `migrate`) the database and builds the services on it. With `test_clock`, the
/// clock is a manual one starting at the real time (see Services::test_clock).
/// Throws db::DatabaseError with a one-line reason when the database cannot be opened.
Services OpenServices(const std::string& db_location, int pool_size, auth::AuthSettings settings, bool migrate,
                      bool test_clock = false);

/// Every route of Lien, each with its permission. `metrics` is read by GET /metrics. With a test clock, also
/// POST /api/v1/test/clock (test_clock_routes.cpp).
void AddAllRoutes(http::Router& router, Services& services, http::Metrics& metrics);

}  // namespace lien::app
