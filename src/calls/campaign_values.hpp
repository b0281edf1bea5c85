#pragma once
// Calendar days as the campaigns part holds them (std::chrono::year_month_day), on top of the scheduler's
// "YYYY-MM-DD" parser and formatter (schedule_text.hpp, which also reads weekdays and times of day).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "calls/schedule_text.hpp"

namespace lien::calls {

/// 'YYYY-MM-DD' of a real calendar day; nullopt otherwise.
std::optional<std::chrono::year_month_day> ParseDay(std::string_view text);
std::string FormatDay(std::chrono::year_month_day day);
inline std::string FormatDay(std::chrono::local_days day) { return FormatCalendarDay(day); }

}  // namespace lien::calls
