#pragma once
// Instants and days written as calendar values in the scheduler's tests (no parsing, no machine time zone).

#include <chrono>

#include "core/clock.hpp"

namespace lien::calls::testing {

inline std::chrono::local_days Day(int year, unsigned month, unsigned day) {
  return std::chrono::local_days{std::chrono::year{year} / month / day};
}

/// A UTC instant.
inline core::EpochMillis Utc(int year, unsigned month, unsigned day, int hour, int minute) {
  const std::chrono::sys_days date{std::chrono::year{year} / month / day};
  return std::chrono::duration_cast<std::chrono::milliseconds>(date.time_since_epoch() + std::chrono::hours{hour} +
                                                               std::chrono::minutes{minute})
      .count();
}

inline constexpr core::EpochMillis kMinute = 60'000;
inline constexpr core::EpochMillis kHour = 60 * kMinute;

}  // namespace lien::calls::testing
