#include "rounds/solver/swap.hpp"

#include <algorithm>

#include "rounds/solver/insertion.hpp"

namespace lien::rounds::solver {

bool SwapJob(SolutionState& state, int job, int neighbours) {
  const Problem& problem = state.GetProblem();
  const Job& ju = problem.jobs[static_cast<std::size_t>(job)];
  const int ru = state.RouteOfJob(job);
  if (ru < 0 || ju.IsShipment()) return false;
  const int su = ju.stops[0];
  const int pu = state.PositionOfStop(su);
  const Route& a = state.GetRoute(ru);
  Cost best = 0;
  int best_v = -1;
  const auto& nb = problem.neighbours[static_cast<std::size_t>(job)];
  const int limit = std::min<int>(neighbours, static_cast<int>(nb.size()));
  for (int i = 0; i < limit; ++i) {
    const int v = nb[static_cast<std::size_t>(i)];
    const Job& jv = problem.jobs[static_cast<std::size_t>(v)];
    const int rv = state.RouteOfJob(v);
    if (rv < 0 || rv == ru || jv.IsShipment()) continue;
    if (!problem.Compatible(job, rv) || !problem.Compatible(v, ru)) continue;
    const Route& b = state.GetRoute(rv);
    const int sv = jv.stops[0];
    const int pv = state.PositionOfStop(sv);
    Cost da = 0;
    Cost db = 0;
    if (!a.CanReplace(pu, sv, &da) || !b.CanReplace(pv, su, &db)) continue;
    if (da + db >= best) continue;
    if (a.Complex() || b.Complex() || ju.max_ride < kNoLimit || jv.max_ride < kNoLimit) {
      std::vector<int> sa = a.Stops();
      std::vector<int> sb = b.Stops();
      sa[static_cast<std::size_t>(pu - 1)] = sv;
      sb[static_cast<std::size_t>(pv - 1)] = su;
      if (!SequenceFeasible(problem, ru, sa) || !SequenceFeasible(problem, rv, sb)) continue;
    }
    best = da + db;
    best_v = v;
  }
  if (best_v < 0) return false;
  const int rv = state.RouteOfJob(best_v);
  const int sv = problem.jobs[static_cast<std::size_t>(best_v)].stops[0];
  std::vector<int> sa = state.GetRoute(ru).Stops();
  std::vector<int> sb = state.GetRoute(rv).Stops();
  sa[static_cast<std::size_t>(pu - 1)] = sv;
  sb[static_cast<std::size_t>(state.PositionOfStop(sv) - 1)] = su;
  state.SetStops(ru, std::move(sa));
  state.SetStops(rv, std::move(sb));
  return true;
}

}  // namespace lien::rounds::solver
