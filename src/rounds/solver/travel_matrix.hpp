#pragma once
// Travel matrices from coordinates when no matrix and no routing server is given: great-circle distance
// times a detour factor, driven at a profile's average speed.

#include <vector>

#include "rounds/solver/problem.hpp"

namespace lien::rounds::solver {

struct Coordinates {
  double lon = 0;
  double lat = 0;
};

struct HaversineOptions {
  double speed_kmh = 30.0;  ///< Average door-to-door speed of the profile (town traffic).
  double detour = 1.3;      ///< Road distance over great-circle distance (about 1.3 in French towns).
};

/// Great-circle distance in metres.
double HaversineMetres(const Coordinates& a, const Coordinates& b);

/// Durations in seconds and distances in metres between all `points`.
Profile BuildHaversineProfile(const std::vector<Coordinates>& points, const HaversineOptions& options);

}  // namespace lien::rounds::solver
