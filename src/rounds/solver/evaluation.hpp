#pragma once
// Evaluation of a whole route from scratch, independent of Route's incremental caches: the reference the
// solver's O(1) checks are tested against, the slow path for constraints the caches do not model (fixed
// order, maximum ride time), and the source of the reported schedule.

#include <string>
#include <vector>

#include "rounds/solver/problem.hpp"

namespace lien::rounds::solver {

/// One visit in a reported schedule.
struct StepReport {
  int stop = -1;
  Duration arrival = 0;
  Duration start = 0;  ///< Service start (arrival + waiting).
  Duration waiting = 0;
  Amount load;  ///< On board when leaving.
};

/// A route's schedule and totals; `violation` is empty when every hard constraint holds.
struct RouteReport {
  int vehicle = -1;
  std::vector<StepReport> steps;
  Duration departure = 0;  ///< Leaving the start place.
  Duration arrival = 0;    ///< Reaching the end place.
  Amount start_load;
  Duration travel = 0;
  Duration service = 0;
  Duration waiting = 0;
  Distance distance = 0;
  Cost cost = 0;  ///< Travel cost plus fixed cost.
  std::string violation;
};

/// Schedules `stops` on `vehicle` as early as possible and checks every hard constraint.
RouteReport EvaluateRoute(const Problem& problem, int vehicle, const std::vector<int>& stops);

/// A job left out, with the reason in English ("skills", "capacity", "time_window", "no_room").
struct UnassignedJob {
  int job = -1;
  std::string reason;
};

/// The optimiser's answer.
struct Solution {
  std::vector<RouteReport> routes;  ///< Used vehicles only, by vehicle index.
  std::vector<UnassignedJob> unassigned;
  Cost cost = 0;
  Duration travel = 0;
  Distance distance = 0;
  std::int64_t iterations = 0;
  double seconds = 0;
};

/// Every broken rule of `solution` (empty when it is valid): per-route violations, jobs served twice or
/// neither served nor reported, shipments split, incompatible vehicles.
std::vector<std::string> CheckSolution(const Problem& problem, const Solution& solution);

/// Why `job` cannot be served even alone in an empty vehicle, or "no_room" when it could.
std::string UnassignedReason(const Problem& problem, int job);

}  // namespace lien::rounds::solver
