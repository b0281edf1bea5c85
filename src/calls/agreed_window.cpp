#include "calls/agreed_window.hpp"

#include <date/tz.h>

#include <algorithm>
#include <cstdint>

namespace lien::calls {
namespace {

constexpr std::int64_t kMillisPerMinute = 60'000;
constexpr int kMinutesPerDay = 24 * 60;

const date::time_zone& Paris() {
  // locate_zone reads the tz database once; the pointer stays valid for the life of the program.
  static const date::time_zone* const zone = date::locate_zone("Europe/Paris");
  return *zone;
}

enum class Edge { kStart, kEnd };

core::EpochMillis ToMillis(date::sys_seconds instant) { return instant.time_since_epoch().count() * 1000; }

date::local_info InfoAt(std::chrono::local_days day, int minute) {
  return Paris().get_info(date::local_seconds{std::chrono::seconds{
      static_cast<std::int64_t>(day.time_since_epoch().count()) * 86'400 + static_cast<std::int64_t>(minute) * 60}});
}

core::EpochMillis LocalMinuteAt(std::chrono::local_days day, int minute, std::chrono::seconds offset) {
  return (static_cast<std::int64_t>(day.time_since_epoch().count()) * 86'400 + static_cast<std::int64_t>(minute) * 60 -
          offset.count()) *
         1000;
}

/// The wall-clock reading `minute` of `day` in Paris as a UTC instant, so that a window covers exactly the instants
/// whose reading lies inside it:
///  - a start is the first instant the clock reads it; a reading that does not exist (spring forward) is the
///    instant the clocks jump;
///  - an end is just after the last instant the clock reads the window's last minute (end − 1 min): after the
///    second pass of that minute when it happens twice (fall back), at the jump when it does not exist.
core::EpochMillis WallClockToUtc(std::chrono::local_days day, int minute, Edge edge) {
  if (edge == Edge::kStart || minute == 0) {
    const date::local_info info = InfoAt(day, minute);
    if (info.result == date::local_info::nonexistent) return ToMillis(info.first.end);
    return LocalMinuteAt(day, minute, info.first.offset);
  }
  const date::local_info info = InfoAt(day, minute - 1);
  switch (info.result) {
    case date::local_info::nonexistent:
      return ToMillis(info.first.end);
    case date::local_info::ambiguous:
      return LocalMinuteAt(day, minute, info.second.offset);
    case date::local_info::unique:
      break;
  }
  return LocalMinuteAt(day, minute, info.first.offset);
}

LocalWindow UsableWindow(LocalWindow window) { return window.IsValid() ? window : LocalWindow{0, kMinutesPerDay}; }

/// A window wholly inside the skipped hour comes out empty: it starts at the jump and keeps its length.
UtcWindow KeepLengthIfSkipped(UtcWindow utc, LocalWindow window) {
  if (utc.end <= utc.start) utc.end = utc.start + (window.end_minute - window.start_minute) * kMillisPerMinute;
  return utc;
}

}  // namespace

std::chrono::local_days ParisDayOf(core::EpochMillis instant) {
  const auto utc = date::sys_seconds{std::chrono::floor<std::chrono::seconds>(std::chrono::milliseconds{instant})};
  const auto local = Paris().to_local(utc);
  return std::chrono::local_days{std::chrono::floor<date::days>(local).time_since_epoch()};
}

core::EpochMillis ParisMidnight(std::chrono::local_days day) { return WallClockToUtc(day, 0, Edge::kStart); }

UtcWindow AgreedWindowOn(std::chrono::local_days day, LocalWindow window) {
  const LocalWindow usable = UsableWindow(window);
  return KeepLengthIfSkipped(
      {WallClockToUtc(day, usable.start_minute, Edge::kStart), WallClockToUtc(day, usable.end_minute, Edge::kEnd)},
      usable);
}

ParisDay::ParisDay(std::chrono::local_days day, int history_days)
    : day_(day), history_days_(std::max(history_days, 0)) {
  midnights_.reserve(static_cast<std::size_t>(history_days_) + 2);
  for (int offset = -history_days_; offset <= 1; ++offset) {
    midnights_.push_back(ParisMidnight(day + std::chrono::days{offset}));
  }
  start_at_minute_.resize(kMinutesPerDay + 1);
  end_at_minute_.resize(kMinutesPerDay + 1);
  const core::EpochMillis midnight = Start();
  // Most days keep one offset from midnight to midnight: the tables are then plain arithmetic. On the two
  // change days every minute goes through the zone's rules.
  const bool one_offset = End() - midnight == kMinutesPerDay * kMillisPerMinute &&
                          Paris().get_info(date::sys_seconds{std::chrono::seconds{midnight / 1000}}).end >=
                              date::sys_seconds{std::chrono::seconds{End() / 1000}};
  for (int minute = 0; minute <= kMinutesPerDay; ++minute) {
    const auto index = static_cast<std::size_t>(minute);
    if (one_offset) {
      start_at_minute_[index] = midnight + minute * kMillisPerMinute;
      end_at_minute_[index] = start_at_minute_[index];
    } else {
      start_at_minute_[index] = WallClockToUtc(day, minute, Edge::kStart);
      end_at_minute_[index] = WallClockToUtc(day, minute, Edge::kEnd);
    }
  }
}

UtcWindow ParisDay::Window(LocalWindow window) const {
  const LocalWindow usable = UsableWindow(window);
  return KeepLengthIfSkipped({start_at_minute_[static_cast<std::size_t>(usable.start_minute)],
                              end_at_minute_[static_cast<std::size_t>(usable.end_minute)]},
                             usable);
}

std::chrono::local_days ParisDay::DayOf(core::EpochMillis instant) const {
  if (instant < midnights_.front() || instant >= midnights_.back()) return ParisDayOf(instant);
  const auto after = std::upper_bound(midnights_.begin(), midnights_.end(), instant);
  const auto index = static_cast<int>(after - midnights_.begin()) - 1;
  return day_ + std::chrono::days{index - history_days_};
}

}  // namespace lien::calls
