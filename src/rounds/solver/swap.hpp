#pragma once
// Local search operator: exchange two single-stop jobs between two routes, each taking the other's place
// (O(1) checks with Route::CanReplace).

#include "rounds/solver/solution_state.hpp"

namespace lien::rounds::solver {

/// Applies the best improving exchange of `job` with one of its first `neighbours` neighbours; true if applied.
bool SwapJob(SolutionState& state, int job, int neighbours);

}  // namespace lien::rounds::solver
