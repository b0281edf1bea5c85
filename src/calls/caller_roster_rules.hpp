#pragma once
// The callers' roster (issue 4, "Daily worklists"): each caller's regular duty (weekdays, shift hours, calls per
// shift) and their absences, when stand-ins take over. Plain values and checks.

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "calls/schedule_model.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"

namespace lien::calls {

inline constexpr std::size_t kMaxAbsenceReasonLength = 200;

struct CallerDuty {
  CallerId user_id = kNoCaller;
  WeekdaySet weekdays = WeekdaySet::Of({1, 2, 3, 4, 5});
  LocalWindow shift{.start_minute = 9 * 60, .end_minute = 17 * 60};
  std::int32_t calls_per_shift = 20;
  bool active = true;
  core::EpochMillis updated_at = 0;
  std::int64_t version = 1;
};

struct CallerAbsence {
  std::int64_t id = 0;
  CallerId user_id = kNoCaller;
  std::chrono::year_month_day from_day{};
  std::chrono::year_month_day until_day{};  ///< included
  std::string reason{};
};

/// Errors (kInvalidInput, naming the field): `callers.weekdays_required`, `callers.invalid_shift`,
/// `campaigns.out_of_range` (calls_per_shift 1–200).
core::Status ValidateCallerDuty(const CallerDuty& duty);

/// Errors: `callers.invalid_absence_period` (until before from, or longer than a year), `validation.too_long`.
core::Status ValidateAbsence(const CallerAbsence& absence);

/// True when one of `absences` covers `day`.
bool IsAbsentOn(std::span<const CallerAbsence> absences, std::chrono::local_days day);

/// True when the caller works on `day`: active, `day` one of their weekdays, and not absent.
bool IsOnDuty(const CallerDuty& duty, std::span<const CallerAbsence> absences, std::chrono::local_days day);

}  // namespace lien::calls
