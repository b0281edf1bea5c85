#include "rounds/solver/relocate.hpp"

#include <algorithm>

#include "rounds/solver/insertion.hpp"

namespace lien::rounds::solver {

bool RelocateJob(SolutionState& state, int job, int neighbours) {
  const Problem& problem = state.GetProblem();
  const Job& j = problem.jobs[static_cast<std::size_t>(job)];
  const int ru = state.RouteOfJob(job);
  if (ru < 0) return false;
  const Route& from = state.GetRoute(ru);
  Cost gain_removal = 0;
  if (j.IsShipment()) {
    std::vector<int> rest = from.Stops();
    rest.erase(std::remove_if(rest.begin(), rest.end(),
                              [&](int s) { return problem.stops[static_cast<std::size_t>(s)].job == job; }),
               rest.end());
    const RouteReport after = EvaluateRoute(problem, ru, rest);
    if (!after.violation.empty()) return false;
    gain_removal = (rest.empty() ? 0 : after.cost) - from.TotalCost();
  } else {
    const int pu = state.PositionOfStop(j.stops[0]);
    if (!from.CanRemove(pu, &gain_removal)) return false;
    if (from.Complex()) {
      std::vector<int> rest = from.Stops();
      rest.erase(rest.begin() + pu - 1);
      if (!SequenceFeasible(problem, ru, rest)) return false;
    }
  }
  Insertion best;
  best.delta = -gain_removal;  // Only strictly improving moves.
  std::mt19937_64 unused_rng(0);
  InsertionOptions options;
  std::vector<int> tried{ru};
  const auto& nb = problem.neighbours[static_cast<std::size_t>(job)];
  const int limit = std::min<int>(neighbours, static_cast<int>(nb.size()));
  for (int i = 0; i < limit; ++i) {
    const int rv = state.RouteOfJob(nb[static_cast<std::size_t>(i)]);
    if (rv < 0 || std::find(tried.begin(), tried.end(), rv) != tried.end()) continue;
    tried.push_back(rv);
    BestInsertionInRoute(state, job, rv, options, unused_rng, &best);
  }
  if (best.Found()) {
    state.RemoveJob(job);
    state.InsertJob(job, best.route, best.pos, best.pos2);
    return true;
  }
  // Same route: take it out and put it back at its best place.
  if (j.IsShipment()) return false;
  std::vector<int> seq = from.Stops();
  const Cost before = from.TotalCost();
  const int pu = state.PositionOfStop(j.stops[0]);
  seq.erase(seq.begin() + pu - 1);
  Cost best_cost = before;
  int best_pos = -1;
  for (int k = 0; k <= static_cast<int>(seq.size()); ++k) {
    if (k == pu - 1) continue;
    std::vector<int> cand = seq;
    cand.insert(cand.begin() + k, j.stops[0]);
    const Route& r = from;
    // Quick cost filter before the full evaluation.
    const int prev =
        k == 0 ? r.Loc(0) : problem.stops[static_cast<std::size_t>(seq[static_cast<std::size_t>(k - 1)])].location;
    const int next = k == static_cast<int>(seq.size())
                         ? r.Loc(r.Size() + 1)
                         : problem.stops[static_cast<std::size_t>(seq[static_cast<std::size_t>(k)])].location;
    const int loc = problem.stops[static_cast<std::size_t>(j.stops[0])].location;
    const Cost est = before + gain_removal + r.ArcCost(prev, loc) + r.ArcCost(loc, next) - r.ArcCost(prev, next);
    if (est >= best_cost) continue;
    const RouteReport rep = EvaluateRoute(problem, ru, cand);
    if (rep.violation.empty() && rep.cost < best_cost) {
      best_cost = rep.cost;
      best_pos = k;
    }
  }
  if (best_pos < 0) return false;
  seq.insert(seq.begin() + best_pos, j.stops[0]);
  state.SetStops(ru, std::move(seq));
  return true;
}

}  // namespace lien::rounds::solver
