#include "rounds/solver/search.hpp"

#include <cmath>

#include "rounds/solver/local_search.hpp"
#include "rounds/solver/recreate.hpp"
#include "rounds/solver/ruin.hpp"

namespace lien::rounds::solver {

namespace {

constexpr double kBlinkRate = 0.01;

/// Typical arc cost near a job: the mean cost to its nearest neighbour. The annealing temperatures scale
/// with it, so the same settings fit seconds, metres and benchmark units.
double TypicalArc(const Problem& problem) {
  const Matrix& costs = problem.profiles[0].Costs();
  double sum = 0;
  int count = 0;
  for (std::size_t j = 0; j < problem.jobs.size(); ++j) {
    if (problem.neighbours[j].empty()) continue;
    const int a = problem.stops[static_cast<std::size_t>(problem.jobs[j].stops[0])].location;
    const int b =
        problem
            .stops[static_cast<std::size_t>(problem.jobs[static_cast<std::size_t>(problem.neighbours[j][0])].stops[0])]
            .location;
    sum += static_cast<double>(costs.At(a, b));
    ++count;
  }
  return count == 0 ? 1.0 : std::max(1.0, sum / count);
}

}  // namespace

SearchStats RunSearch(SolutionState& state, const SearchLimits& limits, std::mt19937_64& rng) {
  using Clock = std::chrono::steady_clock;
  const Problem& problem = state.GetProblem();
  SearchStats stats;
  const Clock::time_point start = Clock::now();
  stats.initial = state.GetObjective();
  LocalSearch(state, limits.deadline, rng);
  // The best solution as plain stop sequences: copying the whole state (one Route with its caches per vehicle)
  // on every new best was the main cost on large fleets.
  auto snapshot = [&state] {
    std::vector<std::vector<int>> routes(static_cast<std::size_t>(state.RouteCount()));
    for (int r = 0; r < state.RouteCount(); ++r) routes[static_cast<std::size_t>(r)] = state.GetRoute(r).Stops();
    return routes;
  };
  std::vector<std::vector<int>> best_routes = snapshot();
  Objective best_objective = state.GetObjective();
  if (problem.jobs.empty()) {
    stats.best = best_objective;
    return stats;
  }
  const double arc = TypicalArc(problem);
  const double t0 = 2.0 * arc;
  const double tf = 0.02 * arc;
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  RuinOptions ruin;
  while (true) {
    if (limits.max_iterations > 0 && stats.iterations >= limits.max_iterations) break;
    const Clock::time_point now = Clock::now();
    if (now >= limits.deadline) break;
    double progress;
    if (limits.max_iterations > 0) {
      progress = static_cast<double>(stats.iterations) / static_cast<double>(limits.max_iterations);
    } else {
      progress = std::chrono::duration<double>(now - start).count() / std::max(1e-3, limits.time_limit_s);
    }
    const double temperature = t0 * std::pow(tf / t0, std::min(1.0, progress));
    ++stats.iterations;

    const Objective current = state.GetObjective();
    state.BeginTransaction();
    std::vector<int> removed = Ruin(state, ruin, rng);
    Recreate(state, std::move(removed), kBlinkRate, rng);
    const Objective candidate = state.GetObjective();
    bool accept;
    if (candidate.unserved != current.unserved || candidate.vehicles != current.vehicles) {
      accept = std::tie(candidate.unserved, candidate.vehicles) < std::tie(current.unserved, current.vehicles);
    } else {
      accept =
          static_cast<double>(candidate.cost) < static_cast<double>(current.cost) - temperature * std::log(unit(rng));
    }
    if (accept) {
      state.Commit();
      if (candidate < best_objective) {
        best_objective = candidate;
        for (int r = 0; r < state.RouteCount(); ++r) {
          // Only routes that differ are copied.
          if (best_routes[static_cast<std::size_t>(r)] != state.GetRoute(r).Stops()) {
            best_routes[static_cast<std::size_t>(r)] = state.GetRoute(r).Stops();
          }
        }
      }
    } else {
      state.Rollback();
    }
  }
  if (best_objective < state.GetObjective()) {
    for (int j = 0; j < static_cast<int>(problem.jobs.size()); ++j) state.RemoveJob(j);
    for (int r = 0; r < state.RouteCount(); ++r) state.SetStops(r, best_routes[static_cast<std::size_t>(r)]);
  }
  LocalSearch(state, limits.deadline, rng);
  stats.best = state.GetObjective();
  return stats;
}

}  // namespace lien::rounds::solver
