#include "rounds/solver/two_opt.hpp"

#include <algorithm>

#include "rounds/solver/insertion.hpp"

namespace lien::rounds::solver {

bool TwoOpt(SolutionState& state, int job, int neighbours) {
  const Problem& problem = state.GetProblem();
  const int r = state.RouteOfJob(job);
  if (r < 0) return false;
  const Route& route = state.GetRoute(r);
  const int pu = state.PositionOfStop(problem.jobs[static_cast<std::size_t>(job)].stops[0]);
  Cost best = 0;
  int best_from = -1;
  int best_to = -1;
  const auto& nb = problem.neighbours[static_cast<std::size_t>(job)];
  const int limit = std::min<int>(neighbours, static_cast<int>(nb.size()));
  for (int n = 0; n < limit; ++n) {
    const int v = nb[static_cast<std::size_t>(n)];
    if (state.RouteOfJob(v) != r) continue;
    const int pv = state.PositionOfStop(problem.jobs[static_cast<std::size_t>(v)].stops[0]);
    // Reverse [from, to] so that u and v become neighbours: either the stretch after the first of them, or
    // the stretch ending just before the second.
    for (int variant = 0; variant < 2; ++variant) {
      const int from = std::min(pu, pv) + (variant == 0 ? 1 : 0);
      const int to = std::max(pu, pv) - (variant == 0 ? 0 : 1);
      if (to - from < 1) continue;
      const int a = route.Loc(from - 1);
      const int b = route.Loc(to + 1);
      const Cost old_cost = route.ArcCost(a, route.Loc(from)) + (route.CostPrefix(to) - route.CostPrefix(from)) +
                            route.ArcCost(route.Loc(to), b);
      const Cost new_cost = route.ArcCost(a, route.Loc(to)) +
                            (route.ReverseCostPrefix(to) - route.ReverseCostPrefix(from)) +
                            route.ArcCost(route.Loc(from), b);
      const Cost delta = new_cost - old_cost;
      if (delta >= best) continue;
      std::vector<int> seq = route.Stops();
      std::reverse(seq.begin() + (from - 1), seq.begin() + to);
      if (!SequenceFeasible(problem, r, seq)) continue;
      best = delta;
      best_from = from;
      best_to = to;
    }
  }
  if (best_from < 0) return false;
  std::vector<int> seq = route.Stops();
  std::reverse(seq.begin() + (best_from - 1), seq.begin() + best_to);
  state.SetStops(r, std::move(seq));
  return true;
}

}  // namespace lien::rounds::solver
