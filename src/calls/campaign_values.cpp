#include "calls/campaign_values.hpp"

namespace lien::calls {

std::optional<std::chrono::year_month_day> ParseDay(std::string_view text) {
  const auto day = ParseCalendarDay(text);
  if (!day) return std::nullopt;
  return std::chrono::year_month_day{*day};
}

std::string FormatDay(std::chrono::year_month_day day) { return FormatCalendarDay(std::chrono::local_days{day}); }

}  // namespace lien::calls
