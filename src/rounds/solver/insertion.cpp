#include "rounds/solver/insertion.hpp"

#include <algorithm>

namespace lien::rounds::solver {

namespace {

constexpr int kAllRoutesThreshold = 24;  // Below this many used routes, try them all.
constexpr int kGranularNeighbours = 40;

bool Blink(const InsertionOptions& options, std::mt19937_64& rng) {
  if (options.blink_rate <= 0.0) return false;
  return std::uniform_real_distribution<double>(0.0, 1.0)(rng) < options.blink_rate;
}

bool NeedsFullCheck(const Route& route, const Problem& problem, int job) {
  const Job& j = problem.jobs[static_cast<std::size_t>(job)];
  return route.Complex() || j.max_ride < kNoLimit ||
         problem.stops[static_cast<std::size_t>(j.stops[0])].order_rank >= 0;
}

void SingleInsertion(const SolutionState& state, int job, int r, const InsertionOptions& options, std::mt19937_64& rng,
                     Insertion* best) {
  const Problem& problem = state.GetProblem();
  const Route& route = state.GetRoute(r);
  const int stop = problem.jobs[static_cast<std::size_t>(job)].stops[0];
  const bool full = NeedsFullCheck(route, problem, job);
  for (int k = 0; k <= route.Size(); ++k) {
    Cost delta = 0;
    if (!route.CanInsert(stop, k, &delta) || delta >= best->delta) continue;
    if (Blink(options, rng)) continue;
    if (full) {
      std::vector<int> seq = route.Stops();
      seq.insert(seq.begin() + k, stop);
      if (!SequenceFeasible(problem, r, seq)) continue;
    }
    *best = Insertion{delta, r, k, -1};
  }
}

void ShipmentInsertion(const SolutionState& state, int job, int r, const InsertionOptions& options,
                       std::mt19937_64& rng, Insertion* best) {
  const Problem& problem = state.GetProblem();
  const Route& route = state.GetRoute(r);
  const Vehicle& veh = route.GetVehicle();
  const Job& j = problem.jobs[static_cast<std::size_t>(job)];
  const Stop& p = problem.stops[static_cast<std::size_t>(j.stops[0])];
  const Stop& d = problem.stops[static_cast<std::size_t>(j.stops[1])];
  const bool full = NeedsFullCheck(route, problem, job);
  const int m = route.Size();
  const Duration travel_total = route.TravelPrefix(m + 1);
  const Cost fixed = route.Empty() ? veh.fixed_cost : 0;
  for (int k = 0; k <= m; ++k) {
    if (!(route.Load(k) + p.load_delta).FitsIn(veh.capacity)) continue;
    const int a = route.Loc(k);
    const Duration p_start = EarliestStart(p.windows, route.Departure(k) + route.Travel(a, p.location));
    if (p_start >= kNoLimit) continue;
    const Duration p_end = p_start + p.service;
    auto consider = [&](int pred_loc, Duration pred_departure, int jj, Cost delta, Duration travel_delta) {
      const int b = route.Loc(jj + 1);
      const Duration d_start = EarliestStart(d.windows, pred_departure + route.Travel(pred_loc, d.location));
      if (d_start >= kNoLimit) return;
      if (d_start + d.service + route.Travel(d.location, b) > route.Latest(jj + 1)) return;
      delta += route.ArcCost(pred_loc, d.location) + route.ArcCost(d.location, b) - route.ArcCost(pred_loc, b) + fixed;
      travel_delta += route.Travel(pred_loc, d.location) + route.Travel(d.location, b) - route.Travel(pred_loc, b);
      if (delta >= best->delta || travel_total + travel_delta > veh.max_travel_time) return;
      if (Blink(options, rng)) return;
      if (full || veh.max_distance < kNoLimit) {
        std::vector<int> seq = route.Stops();
        seq.insert(seq.begin() + k, j.stops[0]);
        seq.insert(seq.begin() + jj + 1, j.stops[1]);
        if (!SequenceFeasible(problem, r, seq)) return;
      }
      *best = Insertion{delta, r, k, jj + 1};
    };
    // Delivery right after the pickup.
    // Delivery after stop jj (k < jj <= m), walking the shifted schedule. In both cases the pickup's own
    // insertion between k and k+1 is counted as if D were not there; consider() corrects with D's arcs.
    const Cost p_delta =
        route.ArcCost(a, p.location) + route.ArcCost(p.location, route.Loc(k + 1)) - route.ArcCost(a, route.Loc(k + 1));
    const Duration p_travel =
        route.Travel(a, p.location) + route.Travel(p.location, route.Loc(k + 1)) - route.Travel(a, route.Loc(k + 1));
    consider(p.location, p_end, k, p_delta, p_travel);
    Duration t = p_end;
    int prev = p.location;
    for (int jj = k + 1; jj <= m; ++jj) {
      const Stop& s = problem.stops[static_cast<std::size_t>(route.StopAt(jj))];
      const Duration start = EarliestStart(s.windows, t + route.Travel(prev, s.location));
      if (start > route.Latest(jj)) break;
      if (!(route.Load(jj) + p.load_delta).FitsIn(veh.capacity)) break;
      t = start + s.service;
      prev = s.location;
      consider(prev, t, jj, p_delta, p_travel);
    }
  }
}

}  // namespace

bool SequenceFeasible(const Problem& problem, int vehicle, const std::vector<int>& stops) {
  return EvaluateRoute(problem, vehicle, stops).violation.empty();
}

void BestInsertionInRoute(const SolutionState& state, int job, int r, const InsertionOptions& options,
                          std::mt19937_64& rng, Insertion* best) {
  if (!state.GetProblem().Compatible(job, r)) return;
  if (state.GetProblem().jobs[static_cast<std::size_t>(job)].IsShipment()) {
    ShipmentInsertion(state, job, r, options, rng, best);
  } else {
    SingleInsertion(state, job, r, options, rng, best);
  }
}

Insertion BestInsertion(const SolutionState& state, int job, const InsertionOptions& options, std::mt19937_64& rng) {
  const Problem& problem = state.GetProblem();
  Insertion best;
  const int route_count = state.RouteCount();
  if (!options.granular || state.UsedVehicles() <= kAllRoutesThreshold) {
    for (int r = 0; r < route_count; ++r) {
      if (!state.GetRoute(r).Empty()) BestInsertionInRoute(state, job, r, options, rng, &best);
    }
  } else {
    // Routes of the nearest neighbours, each tried once (small vector: a few routes).
    std::vector<int> tried;
    const auto& neighbours = problem.neighbours[static_cast<std::size_t>(job)];
    const int limit = std::min<int>(kGranularNeighbours, static_cast<int>(neighbours.size()));
    for (int i = 0; i < limit; ++i) {
      const int r = state.RouteOfJob(neighbours[static_cast<std::size_t>(i)]);
      if (r < 0 || std::find(tried.begin(), tried.end(), r) != tried.end()) continue;
      tried.push_back(r);
      BestInsertionInRoute(state, job, r, options, rng, &best);
    }
  }
  if (problem.minimize_vehicles) {
    // Fewest vehicles first: a used route that can take the job wins over any empty vehicle.
    if (!best.Found() && options.granular && state.UsedVehicles() > kAllRoutesThreshold) {
      for (int r = 0; r < route_count; ++r) {
        if (!state.GetRoute(r).Empty()) BestInsertionInRoute(state, job, r, options, rng, &best);
      }
    }
    if (best.Found()) return best;
  }
  // One empty vehicle per type, in type order.
  for (int t = 0; t < state.TypeCount(); ++t) {
    const int r = state.FirstEmptyOfType(t);
    if (r >= 0) BestInsertionInRoute(state, job, r, options, rng, &best);
  }
  return best;
}

}  // namespace lien::rounds::solver
