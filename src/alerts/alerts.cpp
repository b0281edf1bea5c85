#include "alerts/alerts.hpp"

#include <array>

#include "alerts/alert_store.hpp"

namespace lien::alerts {
namespace {

using core::ErrorCode;
using core::Fail;

constexpr std::array kKinds = {AlertKind::kHeatwave, AlertKind::kCold, AlertKind::kFlood, AlertKind::kPandemic,
                               AlertKind::kOther};

}  // namespace

std::string_view AlertKindName(AlertKind kind) {
  switch (kind) {
    case AlertKind::kHeatwave:
      return "heatwave";
    case AlertKind::kCold:
      return "cold";
    case AlertKind::kFlood:
      return "flood";
    case AlertKind::kPandemic:
      return "pandemic";
    case AlertKind::kOther:
      return "other";
  }
  return "other";
}

std::optional<AlertKind> ParseAlertKind(std::string_view name) {
  for (auto kind : kKinds) {
    if (AlertKindName(kind) == name) return kind;
  }
  return std::nullopt;
}

core::Result<Alert> ValidateNewAlert(const NewAlert& input) {
  const auto kind = ParseAlertKind(input.kind);
  if (!kind) return Fail(ErrorCode::kInvalidInput, "alerts.invalid_kind", "kind");
  if (input.area.find_first_not_of(" \t") == std::string::npos) {
    return Fail(ErrorCode::kInvalidInput, "validation.required", "area");
  }
  if (input.area.size() > kMaxAreaLength) {
    return Fail(ErrorCode::kInvalidInput, "validation.too_long", "area", {{"max", std::to_string(kMaxAreaLength)}});
  }
  if (input.prefect_reference.size() > kMaxReferenceLength) {
    return Fail(ErrorCode::kInvalidInput, "validation.too_long", "prefect_reference",
                {{"max", std::to_string(kMaxReferenceLength)}});
  }
  Alert alert;
  alert.kind = *kind;
  alert.area = input.area;
  alert.prefect_reference = input.prefect_reference;
  return alert;
}

core::Result<Alert> DeclareAlert(db::Connection& connection, const NewAlert& input, std::int64_t declared_by,
                                 core::EpochMillis now) {
  auto alert = ValidateNewAlert(input);
  if (!alert) return alert;
  store::LockAlertDeclarations(connection);
  for (const auto& open : store::OpenAlerts(connection)) {
    if (open.kind == alert->kind) {
      return Fail(ErrorCode::kConflict, "alerts.already_open", "kind",
                  {{"kind", std::string(AlertKindName(alert->kind))}});
    }
  }
  alert->declared_at = now;
  alert->declared_by = declared_by;
  alert->id = store::InsertAlert(connection, *alert);
  return alert;
}

core::Result<Alert> EndAlert(db::Connection& connection, std::int64_t id, std::int64_t ended_by,
                             core::EpochMillis now) {
  if (!store::FindAlert(connection, id)) return Fail(ErrorCode::kNotFound, "alerts.not_found");
  if (!store::EndAlert(connection, id, ended_by, now)) return Fail(ErrorCode::kConflict, "alerts.already_ended");
  return *store::FindAlert(connection, id);
}

core::Result<Alert> RequireOpenAlert(db::Connection& connection, std::int64_t id) {
  auto alert = store::FindAlert(connection, id);
  if (!alert) return Fail(ErrorCode::kNotFound, "alerts.not_found", "alert_id");
  if (!alert->open()) return Fail(ErrorCode::kConflict, "alerts.not_open", "alert_id");
  return *alert;
}

}  // namespace lien::alerts
