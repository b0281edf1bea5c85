#include "calls/caller_roster_rules.hpp"

#include <algorithm>

namespace lien::calls {

core::Status ValidateCallerDuty(const CallerDuty& duty) {
  if (duty.weekdays.Empty()) return core::Fail(core::ErrorCode::kInvalidInput, "callers.weekdays_required", "weekdays");
  if (!duty.shift.IsValid()) return core::Fail(core::ErrorCode::kInvalidInput, "callers.invalid_shift", "shift_end");
  if (duty.calls_per_shift < 1 || duty.calls_per_shift > 200) {
    return core::Fail(core::ErrorCode::kInvalidInput, "campaigns.out_of_range", "calls_per_shift",
                      {{"min", "1"}, {"max", "200"}});
  }
  return {};
}

core::Status ValidateAbsence(const CallerAbsence& absence) {
  const std::chrono::sys_days from{absence.from_day};
  const std::chrono::sys_days until{absence.until_day};
  if (until < from || until - from > std::chrono::days{366}) {
    return core::Fail(core::ErrorCode::kInvalidInput, "callers.invalid_absence_period", "until_day");
  }
  if (absence.reason.size() > kMaxAbsenceReasonLength) {
    return core::Fail(core::ErrorCode::kInvalidInput, "validation.too_long", "reason",
                      {{"max", std::to_string(kMaxAbsenceReasonLength)}});
  }
  return {};
}

bool IsAbsentOn(std::span<const CallerAbsence> absences, std::chrono::local_days day) {
  return std::any_of(absences.begin(), absences.end(), [day](const CallerAbsence& absence) {
    return std::chrono::local_days{absence.from_day} <= day && day <= std::chrono::local_days{absence.until_day};
  });
}

bool IsOnDuty(const CallerDuty& duty, std::span<const CallerAbsence> absences, std::chrono::local_days day) {
  return duty.active && duty.weekdays.Contains(std::chrono::weekday{day}) && !IsAbsentOn(absences, day);
}

}  // namespace lien::calls
