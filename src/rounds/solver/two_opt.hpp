#pragma once
// Local search operator 2-opt within one route: reverse the stretch between a job and a neighbour so that
// they become adjacent. The cost change is O(1) (forward and backward cost prefixes); the reversed sequence
// is then checked in full, as windows do not allow an O(1) check of a reversal.

#include "rounds/solver/solution_state.hpp"

namespace lien::rounds::solver {

/// Applies the best improving reversal linking `job` to one of its first `neighbours` neighbours.
bool TwoOpt(SolutionState& state, int job, int neighbours);

}  // namespace lien::rounds::solver
