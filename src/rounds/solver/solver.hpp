#pragma once
// Entry point of the route optimiser: construction, then the search, on one or more threads.

#include <cstdint>

#include "core/result.hpp"
#include "rounds/solver/evaluation.hpp"
#include "rounds/solver/problem.hpp"

namespace lien::rounds::solver {

struct SolverOptions {
  double time_limit_s = 10.0;        ///< Always honoured (checked every iteration).
  std::int64_t max_iterations = -1;  ///< When > 0: stop after this many iterations per thread (deterministic).
  std::uint64_t seed = 1;
  int threads = 1;  ///< Independent searches with derived seeds; the best wins (ties: lowest thread).
};

/// Solves `problem` (Prepare() is called when it has not been). Same problem, options and seed give the same
/// solution whenever the search stops on max_iterations rather than on the clock.
/// Errors: kInvalidInput from Prepare(); an kInternal error if a produced solution breaks a constraint.
core::Result<Solution> Solve(Problem& problem, const SolverOptions& options);

}  // namespace lien::rounds::solver
