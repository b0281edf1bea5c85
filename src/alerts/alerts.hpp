#pragma once
// The rules of alert plans: one open alert of a kind at a time; an alert ends once. Other modules hook onto a
// declaration by calling DeclareAlert in their own transaction (the call platform starts its heatwave campaign
// there), so a declaration and what it triggers are kept or rolled back together.

#include <cstdint>
#include <optional>
#include <vector>

#include "alerts/alert_model.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace lien::alerts {

inline constexpr std::size_t kMaxAreaLength = 200;
inline constexpr std::size_t kMaxReferenceLength = 200;

/// Checks a declaration without touching storage. Errors (kInvalidInput, naming the field): `alerts.invalid_kind`,
/// `validation.required` (area), `validation.too_long`.
core::Result<Alert> ValidateNewAlert(const NewAlert& input);

/// Declares an alert on `connection` (inside a write transaction). Errors: those of ValidateNewAlert, kConflict
/// `alerts.already_open` when an alert of that kind is open.
core::Result<Alert> DeclareAlert(db::Connection& connection, const NewAlert& input, std::int64_t declared_by,
                                 core::EpochMillis now);

/// Ends an open alert. Errors: kNotFound `alerts.not_found`, kConflict `alerts.already_ended`.
core::Result<Alert> EndAlert(db::Connection& connection, std::int64_t id, std::int64_t ended_by, core::EpochMillis now);

/// The alert when it exists and is open now. Errors: kNotFound `alerts.not_found`, kConflict `alerts.not_open`.
core::Result<Alert> RequireOpenAlert(db::Connection& connection, std::int64_t id);

}  // namespace lien::alerts
