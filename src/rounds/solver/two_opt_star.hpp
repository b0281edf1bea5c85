#pragma once
// Local search operator 2-opt*: exchange the tails of two routes so that a job is followed by one of its
// neighbours. O(1) checks when both vehicles end at the same place, with the same shift end and profile;
// otherwise both new sequences are evaluated in full.

#include "rounds/solver/solution_state.hpp"

namespace lien::rounds::solver {

/// Applies the best improving tail exchange linking `job` to one of its first `neighbours` neighbours.
bool TwoOptStar(SolutionState& state, int job, int neighbours);

}  // namespace lien::rounds::solver
