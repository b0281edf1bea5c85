#include "rounds/solver/ruin.hpp"

#include <algorithm>
#include <cmath>

namespace lien::rounds::solver {

std::vector<int> Ruin(SolutionState& state, const RuinOptions& options, std::mt19937_64& rng) {
  const Problem& problem = state.GetProblem();
  std::vector<int> removed;
  const int assigned = static_cast<int>(problem.jobs.size() - state.Unassigned().size());
  if (assigned == 0 || state.UsedVehicles() == 0) return removed;
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  int stops_in_routes = 0;
  for (int r = 0; r < state.RouteCount(); ++r) stops_in_routes += state.GetRoute(r).Size();
  const double avg = static_cast<double>(stops_in_routes) / state.UsedVehicles();
  const double ls_max = std::min<double>(options.max_string, avg);
  const double ks_max = 4.0 * options.mean_removed / (1.0 + ls_max) - 1.0;
  const int ks = static_cast<int>(std::floor(unit(rng) * ks_max)) + 1;

  // Fleet minimisation: now and then empty the shortest route, hoping the others absorb its jobs.
  if (problem.minimize_vehicles && state.UsedVehicles() > 1 && unit(rng) < options.route_removal_rate) {
    int shortest = -1;
    for (int r = 0; r < state.RouteCount(); ++r) {
      const int size = state.GetRoute(r).Size();
      if (size > 0 && (shortest < 0 || size < state.GetRoute(shortest).Size())) shortest = r;
    }
    std::vector<int> jobs;
    for (int s : state.GetRoute(shortest).Stops()) {
      const int j = problem.stops[static_cast<std::size_t>(s)].job;
      if (std::find(jobs.begin(), jobs.end(), j) == jobs.end()) jobs.push_back(j);
    }
    for (int j : jobs) {
      state.RemoveJob(j);
      removed.push_back(j);
    }
    return removed;
  }

  // Seed: a random assigned job.
  std::uniform_int_distribution<int> pick(0, static_cast<int>(problem.jobs.size()) - 1);
  int seed = pick(rng);
  while (state.RouteOfJob(seed) < 0) seed = (seed + 1) % static_cast<int>(problem.jobs.size());

  std::vector<int> ruined;
  std::vector<int> candidates{seed};
  const auto& nb = problem.neighbours[static_cast<std::size_t>(seed)];
  candidates.insert(candidates.end(), nb.begin(), nb.end());
  for (int c : candidates) {
    if (static_cast<int>(ruined.size()) >= ks) break;
    const int r = state.RouteOfJob(c);
    if (r < 0 || std::find(ruined.begin(), ruined.end(), r) != ruined.end()) continue;
    ruined.push_back(r);
    const Route& route = state.GetRoute(r);
    const int m = route.Size();
    const int l_max = std::max(1, static_cast<int>(std::min<double>(m, ls_max)));
    const int l = std::min(m, static_cast<int>(std::floor(unit(rng) * l_max)) + 1);
    const int p = state.PositionOfStop(problem.jobs[static_cast<std::size_t>(c)].stops[0]);
    int kept = 0;
    if (l < m && unit(rng) < options.split_rate) {
      kept = 1;
      while (l + kept < m && unit(rng) < 0.5) ++kept;
    }
    const int span = l + kept;
    // A window of `span` stops containing p, uniformly placed.
    const int lo = std::max(1, p - span + 1);
    const int hi = std::min(p, m - span + 1);
    const int first = std::uniform_int_distribution<int>(lo, std::max(lo, hi))(rng);
    const int keep_from = kept > 0 ? std::uniform_int_distribution<int>(first, first + l)(rng) : -1;
    std::vector<int> jobs;
    for (int k = first; k < first + span && k <= m; ++k) {
      if (kept > 0 && k >= keep_from && k < keep_from + kept) continue;
      const int j = problem.stops[static_cast<std::size_t>(route.StopAt(k))].job;
      if (std::find(jobs.begin(), jobs.end(), j) == jobs.end()) jobs.push_back(j);
    }
    for (int j : jobs) {
      state.RemoveJob(j);
      removed.push_back(j);
    }
  }
  return removed;
}

}  // namespace lien::rounds::solver
