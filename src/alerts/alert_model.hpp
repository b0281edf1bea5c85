#pragma once
// An alert plan as Lien holds it: declared by a coordinator when the prefect triggers it (heatwave, cold, flood,
// pandemic...), ended when it is lifted. While one is open, the prefect may receive the register (CASF R.121-2).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace lien::alerts {

enum class AlertKind { kHeatwave, kCold, kFlood, kPandemic, kOther };

std::string_view AlertKindName(AlertKind kind);
std::optional<AlertKind> ParseAlertKind(std::string_view name);

struct Alert {
  std::int64_t id = 0;
  AlertKind kind = AlertKind::kOther;
  std::string area;               ///< "Somme", "Amiens Nord": free text as the prefect's order words it.
  std::string prefect_reference;  ///< The prefect's order (arrêté) reference.
  core::EpochMillis declared_at = 0;
  std::optional<std::int64_t> declared_by;
  std::optional<core::EpochMillis> ended_at;  ///< Empty while the alert is open.
  std::optional<std::int64_t> ended_by;
  std::int64_t version = 1;

  bool open() const { return !ended_at.has_value(); }
};

/// What a coordinator declares.
struct NewAlert {
  std::string kind;
  std::string area;
  std::string prefect_reference;
};

}  // namespace lien::alerts
