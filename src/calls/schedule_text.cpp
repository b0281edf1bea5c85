#include "calls/schedule_text.hpp"

#include <cstdio>

namespace lien::calls {
namespace {

/// Exactly `digits` decimal digits at `text[at]`, nullopt otherwise (from_chars alone accepts fewer, or a sign).
std::optional<int> Digits(std::string_view text, std::size_t at, std::size_t digits) {
  if (text.size() < at + digits) return std::nullopt;
  int value = 0;
  for (std::size_t index = at; index < at + digits; ++index) {
    const char c = text[index];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

std::optional<WeekdaySet> ParseIsoWeekdays(std::string_view text) {
  std::uint8_t bits = 0;
  if (text.empty()) return WeekdaySet{};
  std::size_t at = 0;
  while (true) {
    const auto day = Digits(text, at, 1);
    if (!day || *day < 1 || *day > 7) return std::nullopt;
    bits = static_cast<std::uint8_t>(bits | (1u << (*day - 1)));
    at += 1;
    if (at == text.size()) break;
    if (text[at] != ',') return std::nullopt;
    at += 1;
  }
  return WeekdaySet::FromBits(bits);
}

std::string FormatIsoWeekdays(WeekdaySet weekdays) {
  std::string text;
  for (unsigned day = 1; day <= 7; ++day) {
    if (!((weekdays.Bits() >> (day - 1)) & 1u)) continue;
    if (!text.empty()) text += ',';
    text += static_cast<char>('0' + day);
  }
  return text;
}

std::optional<std::int16_t> ParseTimeOfDay(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  const auto hours = Digits(text, 0, 2);
  const auto minutes = Digits(text, 3, 2);
  if (!hours || !minutes || *minutes > 59 || *hours > 24 || (*hours == 24 && *minutes != 0)) return std::nullopt;
  return static_cast<std::int16_t>(*hours * 60 + *minutes);
}

std::string FormatTimeOfDay(std::int16_t minute_of_day) {
  char text[8];
  std::snprintf(text, sizeof text, "%02d:%02d", (minute_of_day / 60) % 100, minute_of_day % 60);
  return text;
}

std::optional<LocalWindow> ParseLocalWindow(std::string_view start, std::string_view end) {
  const auto from = ParseTimeOfDay(start);
  const auto to = ParseTimeOfDay(end);
  if (!from || !to) return std::nullopt;
  const LocalWindow window{*from, *to};
  return window.IsValid() ? std::optional(window) : std::nullopt;
}

std::optional<std::chrono::local_days> ParseCalendarDay(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto year = Digits(text, 0, 4);
  const auto month = Digits(text, 5, 2);
  const auto day = Digits(text, 8, 2);
  if (!year || !month || !day) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{*year}, std::chrono::month{static_cast<unsigned>(*month)},
                                         std::chrono::day{static_cast<unsigned>(*day)}};
  if (!date.ok()) return std::nullopt;
  return std::chrono::local_days{date};
}

std::string FormatCalendarDay(std::chrono::local_days day) {
  const std::chrono::year_month_day date{day};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()));
  return text;
}

}  // namespace lien::calls
