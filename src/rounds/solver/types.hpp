#pragma once
// Vocabulary of the route optimiser: units, multi-dimensional amounts and time windows.

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <vector>

namespace lien::rounds::solver {

/// Time in the input's unit (seconds for real data; the readers scale benchmark data, see their headers).
using Duration = std::int64_t;
/// Distance in the input's unit (metres for real data).
using Distance = std::int64_t;
/// Objective value: travel cost plus fixed vehicle costs.
using Cost = std::int64_t;

inline constexpr Duration kNoLimit = std::numeric_limits<Duration>::max() / 4;
inline constexpr Duration kMinusInfinity = std::numeric_limits<Duration>::min() / 4;

/// Capacity dimensions handled (kilograms, parcels, seats and one spare). A fixed array keeps the O(1)
/// checks allocation-free; the readers reject inputs with more dimensions with a clear message.
inline constexpr int kMaxDimensions = 4;

/// A quantity in every capacity dimension; unused dimensions stay 0.
struct Amount {
  std::array<std::int64_t, kMaxDimensions> v{};

  Amount& operator+=(const Amount& o) {
    for (int i = 0; i < kMaxDimensions; ++i) v[i] += o.v[i];
    return *this;
  }
  Amount& operator-=(const Amount& o) {
    for (int i = 0; i < kMaxDimensions; ++i) v[i] -= o.v[i];
    return *this;
  }
  friend Amount operator+(Amount a, const Amount& b) { return a += b; }
  friend Amount operator-(Amount a, const Amount& b) { return a -= b; }
  friend bool operator==(const Amount& a, const Amount& b) = default;
  /// True when every dimension of this is at most the same dimension of `o`.
  bool FitsIn(const Amount& o) const {
    for (int i = 0; i < kMaxDimensions; ++i) {
      if (v[i] > o.v[i]) return false;
    }
    return true;
  }
  bool IsZero() const { return *this == Amount{}; }
  bool AnyNegative() const {
    return std::any_of(v.begin(), v.end(), [](std::int64_t x) { return x < 0; });
  }
  static Amount Max(const Amount& a, const Amount& b) {
    Amount r;
    for (int i = 0; i < kMaxDimensions; ++i) r.v[i] = std::max(a.v[i], b.v[i]);
    return r;
  }
};

/// A closed interval [start, end] during which service may begin.
struct TimeWindow {
  Duration start = 0;
  Duration end = kNoLimit;
  friend bool operator==(const TimeWindow&, const TimeWindow&) = default;
};

/// Earliest service start at or after `arrival` within sorted, disjoint `windows`; kNoLimit when too late.
inline Duration EarliestStart(const std::vector<TimeWindow>& windows, Duration arrival) {
  for (const TimeWindow& w : windows) {
    if (arrival <= w.end) return std::max(arrival, w.start);
  }
  return kNoLimit;
}

/// Latest service start at or before `limit` within sorted, disjoint `windows`; kMinusInfinity when none.
inline Duration LatestStart(const std::vector<TimeWindow>& windows, Duration limit) {
  for (auto it = windows.rbegin(); it != windows.rend(); ++it) {
    if (it->start <= limit) return std::min(limit, it->end);
  }
  return kMinusInfinity;
}

}  // namespace lien::rounds::solver
