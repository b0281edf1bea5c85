#include "rounds/solver/two_opt_star.hpp"

#include <algorithm>

#include "rounds/solver/insertion.hpp"

namespace lien::rounds::solver {

namespace {

struct Candidate {
  Cost delta = 0;
  int rv = -1;
  int i = -1;   // cut after cache index i of route A
  int jj = -1;  // B's tail starts at cache index jj
};

bool SameEnds(const Vehicle& a, const Vehicle& b) {
  return a.end == b.end && a.shift.end == b.shift.end && a.profile == b.profile && a.max_travel_time == kNoLimit &&
         b.max_travel_time == kNoLimit && a.max_distance == kNoLimit && b.max_distance == kNoLimit &&
         a.skills == b.skills && a.fixed_order.empty() && b.fixed_order.empty();
}

std::vector<int> Join(const Route& head, int i, const Route& tail, int jj) {
  std::vector<int> out(head.Stops().begin(), head.Stops().begin() + i);
  out.insert(out.end(), tail.Stops().begin() + (jj - 1), tail.Stops().end());
  return out;
}

/// Checks A[..i] + B[jj..] on A's vehicle and B[..jj-1] + A[i+1..] on B's vehicle; sets the cost delta.
bool Evaluate(const SolutionState& state, const Route& a, int i, const Route& b, int jj, Cost* delta) {
  const Problem& problem = state.GetProblem();
  if (a.OpenShipments(i) != 0 || b.OpenShipments(jj - 1) != 0) return false;
  const int ma = a.Size();
  const int mb = b.Size();
  if (SameEnds(a.GetVehicle(), b.GetVehicle()) && !a.Complex() && !b.Complex()) {
    const Vehicle& va = a.GetVehicle();
    const Vehicle& vb = b.GetVehicle();
    // Times: each head's departure reaches the other tail's first stop by its latest start.
    if (a.Departure(i) + a.Travel(a.Loc(i), b.Loc(jj)) > b.Latest(jj)) return false;
    if (b.Departure(jj - 1) + b.Travel(b.Loc(jj - 1), a.Loc(i + 1)) > a.Latest(i + 1)) return false;
    // Loads: heads shift by the difference of start loads carried for the tails; tails by pickups so far.
    const Amount a_head = a.FwdMax(i) - a.StartLoadAfter(i) + b.StartLoadAfter(jj - 1);
    const Amount a_tail = b.BwdMax(jj) - b.DeltaUpTo(jj - 1) + a.DeltaUpTo(i);
    const Amount b_head = b.FwdMax(jj - 1) - b.StartLoadAfter(jj - 1) + a.StartLoadAfter(i);
    const Amount b_tail = a.BwdMax(i + 1) - a.DeltaUpTo(i) + b.DeltaUpTo(jj - 1);
    if (!a_head.FitsIn(va.capacity) || !a_tail.FitsIn(va.capacity)) return false;
    if (!b_head.FitsIn(vb.capacity) || !b_tail.FitsIn(vb.capacity)) return false;
    const Cost new_a = a.CostPrefix(i) + a.ArcCost(a.Loc(i), b.Loc(jj)) + (b.CostPrefix(mb + 1) - b.CostPrefix(jj));
    const Cost new_b =
        b.CostPrefix(jj - 1) + b.ArcCost(b.Loc(jj - 1), a.Loc(i + 1)) + (a.CostPrefix(ma + 1) - a.CostPrefix(i + 1));
    const bool a_used = i > 0 || jj <= mb;
    const bool b_used = jj > 1 || i < ma;
    *delta =
        new_a + (a_used ? va.fixed_cost : 0) + new_b + (b_used ? vb.fixed_cost : 0) - a.TotalCost() - b.TotalCost();
    return true;
  }
  const std::vector<int> sa = Join(a, i, b, jj);
  const std::vector<int> sb = Join(b, jj - 1, a, i + 1);
  const RouteReport ra = EvaluateRoute(problem, a.VehicleIndex(), sa);
  const RouteReport rb = EvaluateRoute(problem, b.VehicleIndex(), sb);
  if (!ra.violation.empty() || !rb.violation.empty()) return false;
  *delta = (sa.empty() ? 0 : ra.cost) + (sb.empty() ? 0 : rb.cost) - a.TotalCost() - b.TotalCost();
  return true;
}

}  // namespace

bool TwoOptStar(SolutionState& state, int job, int neighbours) {
  const Problem& problem = state.GetProblem();
  const int ru = state.RouteOfJob(job);
  if (ru < 0) return false;
  const Route& a = state.GetRoute(ru);
  const Job& ju = problem.jobs[static_cast<std::size_t>(job)];
  const int pu = state.PositionOfStop(ju.stops.back());
  Candidate best;
  const auto& nb = problem.neighbours[static_cast<std::size_t>(job)];
  const int limit = std::min<int>(neighbours, static_cast<int>(nb.size()));
  for (int n = 0; n < limit; ++n) {
    const int v = nb[static_cast<std::size_t>(n)];
    const int rv = state.RouteOfJob(v);
    if (rv < 0 || rv == ru) continue;
    const Route& b = state.GetRoute(rv);
    const int pv = state.PositionOfStop(problem.jobs[static_cast<std::size_t>(v)].stops[0]);
    // u -> v: A keeps up to u, then B from v. And v's predecessor side: B up to v, then A after u... (the
    // symmetric link v -> u is found when v is the moving job).
    Cost delta = 0;
    if (Evaluate(state, a, pu, b, pv, &delta) && delta < best.delta) best = Candidate{delta, rv, pu, pv};
    // u's predecessor -> v (links prev(u) to v): A up to u-1, B from v.
    if (pu > 1 && Evaluate(state, a, pu - 1, b, pv, &delta) && delta < best.delta) {
      best = Candidate{delta, rv, pu - 1, pv};
    }
  }
  if (best.rv < 0) return false;
  const Route& b = state.GetRoute(best.rv);
  // Compatibility of the moved tails with the other vehicle.
  std::vector<int> sa = Join(a, best.i, b, best.jj);
  std::vector<int> sb = Join(b, best.jj - 1, a, best.i + 1);
  for (int s : sa) {
    if (!problem.Compatible(problem.stops[static_cast<std::size_t>(s)].job, ru)) return false;
  }
  for (int s : sb) {
    if (!problem.Compatible(problem.stops[static_cast<std::size_t>(s)].job, best.rv)) return false;
  }
  const int rv = best.rv;
  state.SetStops(ru, std::move(sa));
  state.SetStops(rv, std::move(sb));
  return true;
}

}  // namespace lien::rounds::solver
