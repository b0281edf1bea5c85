#pragma once
// The metaheuristic: SISR ruin-and-recreate (string removals, greedy insertion with blinks) under simulated
// annealing, starting from the construction and polished by local search.

#include <chrono>
#include <cstdint>
#include <random>

#include "rounds/solver/solution_state.hpp"

namespace lien::rounds::solver {

struct SearchLimits {
  std::chrono::steady_clock::time_point deadline;
  double time_limit_s = 1.0;
  std::int64_t max_iterations = -1;  ///< When > 0, the cooling follows iterations, not the clock.
};

struct SearchStats {
  std::int64_t iterations = 0;
  Objective initial;
  Objective best;
};

/// Runs the search from `state` (a complete construction) and leaves the best solution found in it.
SearchStats RunSearch(SolutionState& state, const SearchLimits& limits, std::mt19937_64& rng);

}  // namespace lien::rounds::solver
