#pragma once
// Random problems for the tests (header-only, test code only): points in a square, optional windows,
// shipments with a maximum ride, skills, pinned jobs and fixed orders.

#include <cmath>
#include <random>

#include "rounds/solver/problem.hpp"

namespace lien::rounds::solver::testing {

struct RandomSpec {
  int jobs = 20;
  int vehicles = 4;
  bool windows = true;
  bool shipments = false;
  bool skills = false;
  bool pins = false;
  bool multi_windows = false;
  int dimensions = 1;
  bool homogeneous = false;  ///< Identical vehicles with one depot (the savings construction applies).
};

inline Problem RandomProblem(const RandomSpec& spec, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int> coord(0, 100);
  Problem p;
  p.dimensions = spec.dimensions;
  const int shipments = spec.shipments ? spec.jobs / 3 : 0;
  const int locations = 1 + spec.jobs + shipments;
  std::vector<std::pair<int, int>> xy;
  for (int i = 0; i < locations; ++i) xy.emplace_back(coord(rng), coord(rng));
  Profile prof;
  prof.durations = Matrix(locations);
  prof.distances = Matrix(locations);
  for (int i = 0; i < locations; ++i) {
    for (int j = 0; j < locations; ++j) {
      const double d = std::hypot(xy[i].first - xy[j].first, xy[i].second - xy[j].second);
      prof.durations.Set(i, j, static_cast<std::int64_t>(std::llround(d * 10)));
      prof.distances.Set(i, j, static_cast<std::int64_t>(std::llround(d * 100)));
    }
  }
  p.profiles.push_back(std::move(prof));
  const Duration horizon = 20000;
  auto window = [&](Duration earliest) {
    std::vector<TimeWindow> w;
    if (!spec.windows) return std::vector<TimeWindow>{TimeWindow{}};
    const Duration a = std::uniform_int_distribution<Duration>(earliest, horizon - 3000)(rng);
    w.push_back({a, a + std::uniform_int_distribution<Duration>(300, 3000)(rng)});
    if (spec.multi_windows && rng() % 2 == 0 && w[0].end + 1000 < horizon) {
      w.push_back({w[0].end + 500, std::min<Duration>(horizon, w[0].end + 2500)});
    }
    return w;
  };
  int loc = 1;
  const int singles = spec.jobs - shipments;
  for (int j = 0; j < singles; ++j) {
    Stop s;
    s.location = loc++;
    s.service = std::uniform_int_distribution<Duration>(0, 100)(rng);
    s.windows = window(0);
    for (int d = 0; d < spec.dimensions; ++d) {
      if (rng() % 4 == 0) {
        s.load_delta.v[static_cast<std::size_t>(d)] = std::uniform_int_distribution<int>(1, 10)(rng);
      } else {
        s.start_load.v[static_cast<std::size_t>(d)] = std::uniform_int_distribution<int>(1, 10)(rng);
      }
    }
    Job job;
    job.id = "j" + std::to_string(j);
    job.stops = {static_cast<int>(p.stops.size())};
    job.priority = static_cast<int>(rng() % 3);
    if (spec.skills && rng() % 4 == 0) job.skills = {"fridge"};
    if (spec.pins && rng() % 10 == 0) job.pinned_vehicle = static_cast<int>(rng() % spec.vehicles);
    p.stops.push_back(s);
    p.jobs.push_back(job);
  }
  for (int j = 0; j < shipments; ++j) {
    Stop a;
    a.location = loc++;
    a.service = 50;
    a.is_pickup = true;
    a.windows = window(0);
    Stop b;
    b.location = loc++;
    b.service = 50;
    b.is_delivery = true;
    b.windows =
        spec.windows ? std::vector<TimeWindow>{{a.windows[0].start, horizon}} : std::vector<TimeWindow>{TimeWindow{}};
    a.load_delta.v[0] = std::uniform_int_distribution<int>(1, 5)(rng);
    b.load_delta.v[0] = -a.load_delta.v[0];
    Job job;
    job.id = "s" + std::to_string(j);
    job.stops = {static_cast<int>(p.stops.size()), static_cast<int>(p.stops.size()) + 1};
    if (rng() % 2 == 0) job.max_ride = 1500;
    p.stops.push_back(a);
    p.stops.push_back(b);
    p.jobs.push_back(job);
  }
  for (int v = 0; v < spec.vehicles; ++v) {
    Vehicle veh;
    veh.id = "v" + std::to_string(v);
    veh.start = 0;
    veh.end = v % 3 == 2 && !spec.homogeneous ? -1 : 0;
    veh.shift = spec.windows ? TimeWindow{0, horizon} : TimeWindow{};
    for (int d = 0; d < spec.dimensions; ++d) veh.capacity.v[static_cast<std::size_t>(d)] = 40;
    if (spec.skills && v % 2 == 0 && !spec.homogeneous) veh.skills = {"fridge"};
    if (v == 1 && !spec.homogeneous) veh.max_travel_time = 6000;
    p.vehicles.push_back(veh);
  }
  if (spec.pins && singles >= 3) {
    // A fixed order of two jobs on vehicle 0 (they must share its skills).
    p.vehicles[0].skills = {"fridge"};
    for (int j : {0, 2}) {
      p.jobs[static_cast<std::size_t>(j)].pinned_vehicle = -1;
      p.vehicles[0].fixed_order.push_back(j);
    }
  }
  return p;
}

}  // namespace lien::rounds::solver::testing
