#include "rounds/solver/local_search.hpp"

#include <algorithm>
#include <numeric>

#include "rounds/solver/relocate.hpp"
#include "rounds/solver/swap.hpp"
#include "rounds/solver/two_opt.hpp"
#include "rounds/solver/two_opt_star.hpp"

namespace lien::rounds::solver {

namespace {
constexpr int kNeighbours = 20;
constexpr int kMaxPasses = 50;
}  // namespace

int LocalSearch(SolutionState& state, std::chrono::steady_clock::time_point deadline, std::mt19937_64& rng) {
  const int n = static_cast<int>(state.GetProblem().jobs.size());
  std::vector<int> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), 0);
  std::shuffle(order.begin(), order.end(), rng);
  int moves = 0;
  for (int pass = 0; pass < kMaxPasses; ++pass) {
    bool improved = false;
    for (int job : order) {
      if (std::chrono::steady_clock::now() >= deadline) return moves;
      if (state.RouteOfJob(job) < 0) continue;
      const Objective before = state.GetObjective();
      if (RelocateJob(state, job, kNeighbours) || SwapJob(state, job, kNeighbours) ||
          TwoOptStar(state, job, kNeighbours) || TwoOpt(state, job, kNeighbours)) {
        // Operators only take strictly cheaper moves; keep the invariant visible.
        if (!(state.GetObjective() < before)) return moves;
        ++moves;
        improved = true;
      }
    }
    if (!improved) break;
  }
  return moves;
}

}  // namespace lien::rounds::solver
