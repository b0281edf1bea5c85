#include "rounds/solver/problem.hpp"

#include <algorithm>
#include <numeric>
#include <string>
#include <unordered_map>

namespace lien::rounds::solver {

core::Error InvalidInput(const std::string& field, const std::string& detail) {
  return core::Error(core::ErrorCode::kInvalidInput, "solver.invalid_input", field, {{"detail", detail}});
}

namespace {

constexpr int kNeighbourCount = 50;

std::string JobField(const Problem& p, int job, const std::string& field) {
  return "jobs[" + p.jobs[static_cast<std::size_t>(job)].id + "]." + field;
}
std::string VehicleField(const Problem& p, int vehicle, const std::string& field) {
  return "vehicles[" + p.vehicles[static_cast<std::size_t>(vehicle)].id + "]." + field;
}

core::Status CheckWindows(std::vector<TimeWindow>& windows, const std::string& field) {
  if (windows.empty()) return core::Fail(InvalidInput(field, field + ": at least one time window is needed"));
  for (const TimeWindow& w : windows) {
    if (w.start < 0 || w.end < 0) return core::Fail(InvalidInput(field, field + ": negative time"));
    if (w.end < w.start) {
      return core::Fail(InvalidInput(field, field + ": a time window ends (" + std::to_string(w.end) +
                                                ") before it starts (" + std::to_string(w.start) + ")"));
    }
    if (w.end > kNoLimit) return core::Fail(InvalidInput(field, field + ": time too large"));
  }
  std::sort(windows.begin(), windows.end(), [](const TimeWindow& a, const TimeWindow& b) {
    return a.start < b.start || (a.start == b.start && a.end < b.end);
  });
  // Overlapping windows are merged: the union is what the caller means.
  std::vector<TimeWindow> merged;
  for (const TimeWindow& w : windows) {
    if (!merged.empty() && w.start <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, w.end);
    } else {
      merged.push_back(w);
    }
  }
  windows = std::move(merged);
  return {};
}

core::Status CheckAmount(const Amount& a, int dimensions, const std::string& field) {
  for (int d = 0; d < kMaxDimensions; ++d) {
    if (a.v[static_cast<std::size_t>(d)] < 0) {
      return core::Fail(InvalidInput(field, field + ": negative amount"));
    }
    if (d >= dimensions && a.v[static_cast<std::size_t>(d)] != 0) {
      return core::Fail(InvalidInput(field, field + ": more dimensions than the vehicles' capacity"));
    }
  }
  return {};
}

core::Status CheckMatrices(const Problem& p) {
  if (p.profiles.empty()) return core::Fail(InvalidInput("matrices", "no travel matrix"));
  const int n = p.profiles[0].durations.Size();
  if (n > kMaxLocations) {
    return core::Fail(InvalidInput(
        "matrices", "too many locations: " + std::to_string(n) + " (limit " + std::to_string(kMaxLocations) + ")"));
  }
  for (const Profile& prof : p.profiles) {
    const std::string field = "matrices." + prof.name;
    if (prof.durations.Size() != n) return core::Fail(InvalidInput(field, field + ": size differs"));
    if (!prof.distances.Empty() && prof.distances.Size() != n) {
      return core::Fail(InvalidInput(field, field + ".distances: size differs from durations"));
    }
    if (!prof.costs.Empty() && prof.costs.Size() != n) {
      return core::Fail(InvalidInput(field, field + ".costs: size differs from durations"));
    }
  }
  return {};
}

core::Status CheckStopsAndJobs(Problem& p) {
  const int n = p.LocationCount();
  if (p.jobs.size() > static_cast<std::size_t>(kMaxJobs)) {
    return core::Fail(InvalidInput(
        "jobs", "too many jobs: " + std::to_string(p.jobs.size()) + " (limit " + std::to_string(kMaxJobs) + ")"));
  }
  for (std::size_t j = 0; j < p.jobs.size(); ++j) {
    Job& job = p.jobs[j];
    const int ji = static_cast<int>(j);
    if (job.stops.empty() || job.stops.size() > 2) {
      return core::Fail(InvalidInput(JobField(p, ji, "stops"), "job " + job.id + ": one or two stops"));
    }
    if (job.priority < 0 || job.priority > 100) {
      return core::Fail(InvalidInput(JobField(p, ji, "priority"), "job " + job.id + ": priority must be 0..100"));
    }
    if (job.max_ride < 0) {
      return core::Fail(InvalidInput(JobField(p, ji, "max_ride"), "job " + job.id + ": negative max_ride"));
    }
    if (job.pinned_vehicle >= static_cast<int>(p.vehicles.size())) {
      return core::Fail(InvalidInput(JobField(p, ji, "vehicle"), "job " + job.id + ": unknown pinned vehicle"));
    }
    for (int s : job.stops) {
      if (s < 0 || s >= static_cast<int>(p.stops.size())) {
        return core::Fail(InvalidInput(JobField(p, ji, "stops"), "job " + job.id + ": bad stop index"));
      }
      Stop& stop = p.stops[static_cast<std::size_t>(s)];
      stop.job = ji;
      const std::string field = JobField(p, ji, "");
      if (stop.location < 0 || stop.location >= n) {
        return core::Fail(InvalidInput(field + "location", "job " + job.id + ": location index " +
                                                               std::to_string(stop.location) + " outside the matrix"));
      }
      if (stop.service < 0) return core::Fail(InvalidInput(field + "service", "job " + job.id + ": negative service"));
      if (auto st = CheckWindows(stop.windows, field + "time_windows"); !st) return st;
      if (auto st = CheckAmount(stop.start_load, p.dimensions, field + "delivery"); !st) return st;
      const Amount carried = stop.is_delivery ? Amount{} - stop.load_delta : stop.load_delta;
      if (auto st = CheckAmount(carried, p.dimensions, field + (stop.is_delivery ? "amount" : "pickup")); !st) {
        return st;
      }
    }
  }
  return {};
}

core::Status CheckVehicles(Problem& p) {
  const int n = p.LocationCount();
  if (p.vehicles.empty()) return core::Fail(InvalidInput("vehicles", "no vehicle"));
  if (p.vehicles.size() > static_cast<std::size_t>(kMaxVehicles)) {
    return core::Fail(InvalidInput("vehicles", "too many vehicles: " + std::to_string(p.vehicles.size())));
  }
  if (p.dimensions < 0 || p.dimensions > kMaxDimensions) {
    return core::Fail(InvalidInput("vehicles.capacity",
                                   "at most " + std::to_string(kMaxDimensions) + " capacity dimensions are supported"));
  }
  for (std::size_t v = 0; v < p.vehicles.size(); ++v) {
    Vehicle& veh = p.vehicles[v];
    const int vi = static_cast<int>(v);
    if (veh.start < -1 || veh.start >= n) {
      return core::Fail(InvalidInput(VehicleField(p, vi, "start"), "vehicle " + veh.id + ": start outside the matrix"));
    }
    if (veh.end < -1 || veh.end >= n) {
      return core::Fail(InvalidInput(VehicleField(p, vi, "end"), "vehicle " + veh.id + ": end outside the matrix"));
    }
    std::vector<TimeWindow> shift{veh.shift};
    if (auto st = CheckWindows(shift, VehicleField(p, vi, "time_window")); !st) return st;
    if (auto st = CheckAmount(veh.capacity, p.dimensions, VehicleField(p, vi, "capacity")); !st) return st;
    if (veh.profile < 0 || veh.profile >= static_cast<int>(p.profiles.size())) {
      return core::Fail(InvalidInput(VehicleField(p, vi, "profile"), "vehicle " + veh.id + ": unknown profile"));
    }
    if (veh.max_travel_time < 0 || veh.max_distance < 0 || veh.fixed_cost < 0) {
      return core::Fail(InvalidInput(VehicleField(p, vi, "max_travel_time"), "vehicle " + veh.id + ": negative limit"));
    }
    for (std::size_t r = 0; r < veh.fixed_order.size(); ++r) {
      const int j = veh.fixed_order[r];
      if (j < 0 || j >= static_cast<int>(p.jobs.size())) {
        return core::Fail(InvalidInput(VehicleField(p, vi, "steps"), "vehicle " + veh.id + ": unknown job in steps"));
      }
      Job& job = p.jobs[static_cast<std::size_t>(j)];
      if (job.pinned_vehicle != -1 && job.pinned_vehicle != vi) {
        return core::Fail(InvalidInput(VehicleField(p, vi, "steps"), "job " + job.id + " is pinned to two vehicles"));
      }
      job.pinned_vehicle = vi;
      // Ranks are global so that a comparison across jobs of one vehicle is enough.
      for (int s : job.stops) {
        p.stops[static_cast<std::size_t>(s)].order_rank =
            static_cast<int>(r * 2) + (p.stops[static_cast<std::size_t>(s)].is_delivery ? 1 : 0);
      }
    }
  }
  return {};
}

bool HasAllSkills(const std::vector<std::string>& have, const std::vector<std::string>& need) {
  return std::all_of(need.begin(), need.end(),
                     [&](const std::string& s) { return std::find(have.begin(), have.end(), s) != have.end(); });
}

void BuildIndexes(Problem& p) {
  const std::size_t nj = p.jobs.size();
  const std::size_t nv = p.vehicles.size();
  p.compatible.assign(nj * nv, 0);
  for (std::size_t j = 0; j < nj; ++j) {
    const Job& job = p.jobs[j];
    for (std::size_t v = 0; v < nv; ++v) {
      const bool pinned_ok = job.pinned_vehicle < 0 || job.pinned_vehicle == static_cast<int>(v);
      p.compatible[j * nv + v] = pinned_ok && HasAllSkills(p.vehicles[v].skills, job.skills) ? 1 : 0;
    }
  }
  const Matrix& costs = p.profiles[0].Costs();
  p.neighbours.assign(nj, {});
  const int k = std::min<int>(kNeighbourCount, static_cast<int>(nj) - 1);
  std::vector<int> order(nj);
  for (std::size_t j = 0; j < nj; ++j) {
    const int a = p.stops[static_cast<std::size_t>(p.jobs[j].stops[0])].location;
    std::iota(order.begin(), order.end(), 0);
    auto dist = [&](int other) {
      const int b = p.stops[static_cast<std::size_t>(p.jobs[static_cast<std::size_t>(other)].stops[0])].location;
      return costs.At(a, b) + costs.At(b, a);
    };
    order.erase(order.begin() + static_cast<std::ptrdiff_t>(j));
    if (k > 0) {
      std::partial_sort(order.begin(), order.begin() + k, order.end(), [&](int x, int y) {
        const auto dx = dist(x);
        const auto dy = dist(y);
        return dx < dy || (dx == dy && x < y);
      });
      p.neighbours[j].assign(order.begin(), order.begin() + k);
    }
    order.resize(nj);
  }
  // Vehicle types: equal attributes and equal compatible jobs. Hashing the compatibility column first keeps
  // this O(vehicles × jobs) even when many vehicles differ only by pins.
  p.vehicle_type.assign(nv, 0);
  std::unordered_map<std::uint64_t, std::vector<int>> representatives;
  int types = 0;
  for (std::size_t v = 0; v < nv; ++v) {
    const Vehicle& a = p.vehicles[v];
    std::uint64_t h = 1469598103934665603ULL;
    auto mix = [&h](std::uint64_t x) { h = (h ^ x) * 1099511628211ULL; };
    mix(static_cast<std::uint64_t>(a.start) + 2);
    mix(static_cast<std::uint64_t>(a.end) + 2);
    mix(static_cast<std::uint64_t>(a.profile));
    for (std::size_t j = 0; j < nj; ++j) mix(static_cast<std::uint64_t>(p.compatible[j * nv + v]));
    int type = -1;
    for (int u : representatives[h]) {
      const Vehicle& b = p.vehicles[static_cast<std::size_t>(u)];
      bool same = a.start == b.start && a.end == b.end && a.shift == b.shift && a.capacity == b.capacity &&
                  a.skills == b.skills && a.profile == b.profile && a.max_travel_time == b.max_travel_time &&
                  a.max_distance == b.max_distance && a.fixed_cost == b.fixed_cost && a.fixed_order.empty() &&
                  b.fixed_order.empty();
      for (std::size_t j = 0; same && j < nj; ++j) {
        same = p.compatible[j * nv + v] == p.compatible[j * nv + static_cast<std::size_t>(u)];
      }
      if (same) {
        type = p.vehicle_type[static_cast<std::size_t>(u)];
        break;
      }
    }
    if (type < 0) {
      type = types++;
      representatives[h].push_back(static_cast<int>(v));
    }
    p.vehicle_type[v] = type;
  }
}

}  // namespace

core::Status Prepare(Problem& problem) {
  if (auto st = CheckMatrices(problem); !st) return st;
  if (auto st = CheckStopsAndJobs(problem); !st) return st;
  if (auto st = CheckVehicles(problem); !st) return st;
  BuildIndexes(problem);
  return {};
}

}  // namespace lien::rounds::solver
