#pragma once
// Descent with the granular operators (relocate, swap, 2-opt*, 2-opt) until no job can be improved or the
// deadline passes. Each accepted move strictly lowers the cost, so the descent ends.

#include <chrono>
#include <random>

#include "rounds/solver/solution_state.hpp"

namespace lien::rounds::solver {

/// Improves `state` in place; returns the number of moves applied.
int LocalSearch(SolutionState& state, std::chrono::steady_clock::time_point deadline, std::mt19937_64& rng);

}  // namespace lien::rounds::solver
