#pragma once
// Cheapest feasible insertion of a job into a route or into the whole solution, with O(1) checks per
// position (O(length) per pickup position for shipments), used by construction and by the recreate step.

#include <cstdint>
#include <random>
#include <vector>

#include "rounds/solver/solution_state.hpp"

namespace lien::rounds::solver {

/// Where to put a job: see SolutionState::InsertJob for `pos` and `pos2`.
struct Insertion {
  Cost delta = kNoLimit;
  int route = -1;
  int pos = -1;
  int pos2 = -1;
  bool Found() const { return route >= 0; }
};

/// Options of the search for an insertion.
struct InsertionOptions {
  double blink_rate = 0.0;  ///< Probability of skipping a position (SISR "blinks"); 0 in construction.
  bool granular = true;     ///< Only routes near the job's neighbours when there are many routes.
};

/// Keeps in `best` the cheapest feasible insertion of `job` into route `r` (left unchanged when none is
/// cheaper). `rng` is only used when blinking.
void BestInsertionInRoute(const SolutionState& state, int job, int r, const InsertionOptions& options,
                          std::mt19937_64& rng, Insertion* best);

/// The cheapest feasible insertion of `job` over the candidate routes (all used routes, or those of its
/// neighbours when there are many, plus one empty vehicle per type); not Found() when none fits.
Insertion BestInsertion(const SolutionState& state, int job, const InsertionOptions& options, std::mt19937_64& rng);

/// True when the candidate sequence keeps every constraint (the slow path for Route::Complex() cases).
bool SequenceFeasible(const Problem& problem, int vehicle, const std::vector<int>& stops);

}  // namespace lien::rounds::solver
