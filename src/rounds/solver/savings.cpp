#include "rounds/solver/savings.hpp"

#include <algorithm>

#include "rounds/solver/evaluation.hpp"

namespace lien::rounds::solver {

namespace {
constexpr int kSavingsNeighbours = 40;
}  // namespace

bool SavingsApplies(const Problem& problem) {
  if (problem.vehicles.empty() || problem.jobs.size() < 2) return false;
  const Vehicle& v = problem.vehicles[0];
  if (v.start < 0 || v.start != v.end) return false;
  for (std::size_t i = 0; i < problem.vehicles.size(); ++i) {
    if (problem.vehicle_type[i] != problem.vehicle_type[0] || !problem.vehicles[i].fixed_order.empty()) return false;
  }
  return std::none_of(problem.jobs.begin(), problem.jobs.end(), [](const Job& j) { return j.IsShipment(); });
}

std::vector<std::vector<int>> SavingsRoutes(const Problem& problem, std::chrono::steady_clock::time_point deadline) {
  const Vehicle& veh = problem.vehicles[0];
  const Matrix& cost = problem.profiles[static_cast<std::size_t>(veh.profile)].Costs();
  const int depot = veh.start;
  const int n = static_cast<int>(problem.jobs.size());
  auto loc = [&](int job) {
    return problem.stops[static_cast<std::size_t>(problem.jobs[static_cast<std::size_t>(job)].stops[0])].location;
  };
  struct Saving {
    Cost value;
    int from;
    int to;
  };
  std::vector<Saving> savings;
  for (int i = 0; i < n; ++i) {
    const auto& nb = problem.neighbours[static_cast<std::size_t>(i)];
    const int k = std::min<int>(kSavingsNeighbours, static_cast<int>(nb.size()));
    for (int t = 0; t < k; ++t) {
      const int j = nb[static_cast<std::size_t>(t)];
      const Cost s = cost.At(loc(i), depot) + cost.At(depot, loc(j)) - cost.At(loc(i), loc(j));
      if (s > 0) savings.push_back({s, i, j});
    }
  }
  std::sort(savings.begin(), savings.end(), [](const Saving& a, const Saving& b) {
    return a.value > b.value || (a.value == b.value && (a.from < b.from || (a.from == b.from && a.to < b.to)));
  });
  // route_of[j]: index into `routes`; a job can be linked only at its route's ends.
  std::vector<std::vector<int>> routes;
  std::vector<int> route_of(static_cast<std::size_t>(n), -1);
  for (int j = 0; j < n; ++j) {
    if (!problem.Compatible(j, 0)) continue;
    const std::vector<int> alone{problem.jobs[static_cast<std::size_t>(j)].stops[0]};
    if (!EvaluateRoute(problem, 0, alone).violation.empty()) continue;
    route_of[static_cast<std::size_t>(j)] = static_cast<int>(routes.size());
    routes.push_back(alone);
  }
  std::size_t checked = 0;
  for (const Saving& s : savings) {
    if ((++checked & 255) == 0 && std::chrono::steady_clock::now() >= deadline) break;
    const int ra = route_of[static_cast<std::size_t>(s.from)];
    const int rb = route_of[static_cast<std::size_t>(s.to)];
    if (ra < 0 || rb < 0 || ra == rb) continue;
    auto& a = routes[static_cast<std::size_t>(ra)];
    auto& b = routes[static_cast<std::size_t>(rb)];
    if (a.back() != problem.jobs[static_cast<std::size_t>(s.from)].stops[0] ||
        b.front() != problem.jobs[static_cast<std::size_t>(s.to)].stops[0]) {
      continue;
    }
    std::vector<int> merged = a;
    merged.insert(merged.end(), b.begin(), b.end());
    if (!EvaluateRoute(problem, 0, merged).violation.empty()) continue;
    for (int stop : b) route_of[static_cast<std::size_t>(problem.stops[static_cast<std::size_t>(stop)].job)] = ra;
    a = std::move(merged);
    b.clear();
  }
  std::vector<std::vector<int>> out;
  for (auto& r : routes) {
    if (!r.empty()) out.push_back(std::move(r));
  }
  // Keep the fullest routes when there are more than vehicles; the rest goes back to insertion.
  std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.size() > y.size(); });
  if (out.size() > problem.vehicles.size()) out.resize(problem.vehicles.size());
  return out;
}

}  // namespace lien::rounds::solver
