#pragma once
// SQL for alerts. Every function runs on the caller's connection and transaction.

#include <optional>
#include <vector>

#include "alerts/alert_model.hpp"
#include "db/database.hpp"

namespace lien::alerts::store {

std::optional<Alert> FindAlert(db::Connection& connection, std::int64_t id);

/// Open alerts, oldest first.
std::vector<Alert> OpenAlerts(db::Connection& connection);

/// The latest alerts, open or ended, newest first.
std::vector<Alert> RecentAlerts(db::Connection& connection, int limit);

/// Serialises the declarations of alerts until the transaction ends (PostgreSQL: an advisory lock; SQLite's
/// write transaction already holds the database), so two coordinators cannot open the same kind at once.
void LockAlertDeclarations(db::Connection& connection);

std::int64_t InsertAlert(db::Connection& connection, const Alert& alert);

/// Ends an open alert; false when it was already ended (or does not exist).
bool EndAlert(db::Connection& connection, std::int64_t id, std::int64_t ended_by, core::EpochMillis at);

}  // namespace lien::alerts::store
