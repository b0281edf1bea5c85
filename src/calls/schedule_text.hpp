#pragma once
// The scheduler's values as the store keeps them (docs/calls.md, "Vocabulary"): weekdays as ISO numbers
// ("1,3,5", Monday = 1), times of day as "HH:MM" in Europe/Paris, calendar days as "YYYY-MM-DD". Parsers
// return nullopt on anything else, so the routes can answer a clear error instead of guessing.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "calls/schedule_model.hpp"

namespace lien::calls {

/// "1,3,5" → Monday, Wednesday, Friday; "" → the empty set. Repeats are accepted, other text is not.
std::optional<WeekdaySet> ParseIsoWeekdays(std::string_view text);
/// The inverse: ascending, comma-separated, "" for the empty set.
std::string FormatIsoWeekdays(WeekdaySet weekdays);

/// "HH:MM" → minutes from midnight, 00:00 … 24:00 ("24:00" closes a window at midnight).
std::optional<std::int16_t> ParseTimeOfDay(std::string_view text);
std::string FormatTimeOfDay(std::int16_t minute_of_day);

/// "HH:MM"–"HH:MM" → a valid window (start before end), else nullopt.
std::optional<LocalWindow> ParseLocalWindow(std::string_view start, std::string_view end);

/// "YYYY-MM-DD" → a calendar day, if it exists (no 30 February).
std::optional<std::chrono::local_days> ParseCalendarDay(std::string_view text);
std::string FormatCalendarDay(std::chrono::local_days day);

}  // namespace lien::calls
