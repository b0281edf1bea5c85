#pragma once
// Local search operator: move one job next to one of its neighbours (before or after it), in another route
// (O(1) checks) or in the same route (checked on the whole sequence).

#include "rounds/solver/solution_state.hpp"

namespace lien::rounds::solver {

/// Applies the best improving relocation of `job` next to its first `neighbours` neighbours; true if applied.
bool RelocateJob(SolutionState& state, int job, int neighbours);

}  // namespace lien::rounds::solver
