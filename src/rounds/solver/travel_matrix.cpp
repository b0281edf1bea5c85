#include "rounds/solver/travel_matrix.hpp"

#include <cmath>
#include <numbers>

namespace lien::rounds::solver {

double HaversineMetres(const Coordinates& a, const Coordinates& b) {
  constexpr double kEarthRadius = 6'371'000.0;
  constexpr double kRad = std::numbers::pi / 180.0;
  const double dlat = (b.lat - a.lat) * kRad;
  const double dlon = (b.lon - a.lon) * kRad;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadius * std::asin(std::min(1.0, std::sqrt(h)));
}

Profile BuildHaversineProfile(const std::vector<Coordinates>& points, const HaversineOptions& options) {
  const int n = static_cast<int>(points.size());
  Profile profile;
  profile.durations = Matrix(n);
  profile.distances = Matrix(n);
  const double metres_per_second = options.speed_kmh / 3.6;
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) {
      const double road =
          HaversineMetres(points[static_cast<std::size_t>(i)], points[static_cast<std::size_t>(j)]) * options.detour;
      profile.distances.Set(i, j, std::llround(road));
      profile.durations.Set(i, j, std::llround(road / metres_per_second));
    }
  }
  return profile;
}

}  // namespace lien::rounds::solver
