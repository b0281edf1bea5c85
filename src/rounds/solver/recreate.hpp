#pragma once
// The recreate step of SISR: reinsert removed (and still unassigned) jobs one by one at their cheapest
// position, in a randomly chosen order (random, largest demand, farthest, closest), with blinks.

#include <random>
#include <vector>

#include "rounds/solver/insertion.hpp"

namespace lien::rounds::solver {

/// Inserts what it can of `jobs` and of the state's unassigned jobs; the rest stays unassigned.
void Recreate(SolutionState& state, std::vector<int> jobs, double blink_rate, std::mt19937_64& rng);

}  // namespace lien::rounds::solver
