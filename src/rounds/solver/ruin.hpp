#pragma once
// The ruin step of SISR (Christiaens & Vanden Berghe, 2020): remove a few strings of consecutive stops from
// routes near a random seed job, so the recreate step can rebuild that neighbourhood differently.

#include <random>
#include <vector>

#include "rounds/solver/solution_state.hpp"

namespace lien::rounds::solver {

struct RuinOptions {
  double mean_removed = 10.0;       ///< c̄: average number of jobs removed.
  int max_string = 10;              ///< L_max: longest string.
  double split_rate = 0.5;          ///< Probability of a split string (keeps a middle part).
  double route_removal_rate = 0.1;  ///< With minimize_vehicles: probability of emptying the shortest route.
};

/// Removes jobs (whole jobs: both stops of a shipment) and returns them, in removal order.
std::vector<int> Ruin(SolutionState& state, const RuinOptions& options, std::mt19937_64& rng);

}  // namespace lien::rounds::solver
