#include "alerts/alert_store.hpp"

#include <string>

namespace lien::alerts::store {
namespace {

/// The key of the advisory lock taken while declaring an alert ("LIEN" "ALRT" in ASCII).
constexpr std::int64_t kDeclarationLockKey = 0x4C49454E414C5254;

constexpr const char* kAlertColumns =
    "SELECT id, kind, area, prefect_reference, declared_at, declared_by, ended_at, ended_by, version FROM alerts ";

Alert ReadAlert(const db::Row& row) {
  Alert alert;
  alert.id = row.Int(0);
  alert.kind = ParseAlertKind(row.Text(1)).value_or(AlertKind::kOther);
  alert.area = row.Text(2);
  alert.prefect_reference = row.Text(3);
  alert.declared_at = row.Int(4);
  alert.declared_by = row.OptInt(5);
  alert.ended_at = row.OptInt(6);
  alert.ended_by = row.OptInt(7);
  alert.version = row.Int(8);
  return alert;
}

std::vector<Alert> ReadAlerts(const db::QueryResult& result) {
  std::vector<Alert> alerts;
  alerts.reserve(result.rows.size());
  for (const auto& row : result.rows) alerts.push_back(ReadAlert(row));
  return alerts;
}

db::Value OptionalId(const std::optional<std::int64_t>& id) { return id ? db::Value(*id) : db::Value(); }

}  // namespace

std::optional<Alert> FindAlert(db::Connection& connection, std::int64_t id) {
  auto row = connection.QueryOne(std::string(kAlertColumns) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return ReadAlert(*row);
}

std::vector<Alert> OpenAlerts(db::Connection& connection) {
  return ReadAlerts(connection.Execute(std::string(kAlertColumns) + "WHERE ended_at IS NULL ORDER BY declared_at, id"));
}

std::vector<Alert> RecentAlerts(db::Connection& connection, int limit) {
  return ReadAlerts(
      connection.Execute(std::string(kAlertColumns) + "ORDER BY id DESC LIMIT ?", {static_cast<std::int64_t>(limit)}));
}

void LockAlertDeclarations(db::Connection& connection) {
  if (connection.dialect() == db::Dialect::kPostgres) {
    connection.Execute("SELECT pg_advisory_xact_lock(?)", {kDeclarationLockKey});
  }
}

std::int64_t InsertAlert(db::Connection& connection, const Alert& alert) {
  auto row = connection.QueryOne(
      "INSERT INTO alerts (kind, area, prefect_reference, declared_at, declared_by) VALUES (?, ?, ?, ?, ?) "
      "RETURNING id",
      {std::string(AlertKindName(alert.kind)), alert.area, alert.prefect_reference, alert.declared_at,
       OptionalId(alert.declared_by)});
  return row->Int(0);
}

bool EndAlert(db::Connection& connection, std::int64_t id, std::int64_t ended_by, core::EpochMillis at) {
  auto result = connection.Execute(
      "UPDATE alerts SET ended_at = ?, ended_by = ?, version = version + 1 WHERE id = ? AND ended_at IS NULL",
      {at, ended_by, id});
  return result.affected_rows == 1;
}

}  // namespace lien::alerts::store
