#pragma once
// The starting solution: the planner's fixed orders first, then every job by cheapest feasible insertion,
// hardest first (higher priority, then farther from the depot).

#include <chrono>
#include <random>

#include "rounds/solver/solution_state.hpp"

namespace lien::rounds::solver {

using Clock = std::chrono::steady_clock;

/// Fills `state` (all jobs unassigned on entry). Jobs that fit nowhere stay unassigned. Stops early, leaving
/// the rest unassigned, when `deadline` passes.
void Construct(SolutionState& state, Clock::time_point deadline, std::mt19937_64& rng);

/// Demand size of a job (sum over dimensions and stops), for orderings.
std::int64_t JobSize(const Problem& problem, int job);
/// Cost from the first vehicle's start to the job (0 without a start), for orderings.
Cost JobRemoteness(const Problem& problem, int job);

}  // namespace lien::rounds::solver
