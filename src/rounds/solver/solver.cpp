#include "rounds/solver/solver.hpp"

#include <chrono>
#include <random>
#include <thread>

#include "rounds/solver/construction.hpp"
#include "rounds/solver/search.hpp"

namespace lien::rounds::solver {

namespace {

struct ThreadResult {
  Objective objective;
  Solution solution;
};

ThreadResult RunOne(const Problem& problem, const SolverOptions& options, std::uint64_t seed, Clock::time_point start) {
  const auto limit = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.time_limit_s));
  // Construction may use at most half of the time, and the search stops 3 % early: the final local search,
  // the independent check and the export fit in the limit.
  const Clock::time_point deadline = start + limit * 97 / 100;
  std::mt19937_64 rng(seed);
  SolutionState state(problem);
  Construct(state, start + limit / 2, rng);
  SearchLimits limits;
  limits.deadline = deadline;
  limits.time_limit_s = options.time_limit_s;
  limits.max_iterations = options.max_iterations;
  const SearchStats stats = RunSearch(state, limits, rng);
  ThreadResult out{state.GetObjective(), state.Export()};
  out.solution.iterations = stats.iterations;
  return out;
}

}  // namespace

core::Result<Solution> Solve(Problem& problem, const SolverOptions& options) {
  const Clock::time_point start = Clock::now();
  if (problem.compatible.size() != problem.jobs.size() * problem.vehicles.size() || problem.vehicle_type.empty()) {
    if (auto st = Prepare(problem); !st) return core::Fail(st.error());
  }
  if (options.time_limit_s <= 0) return core::Fail(InvalidInput("time_limit", "the time limit must be positive"));
  const int threads = std::max(1, std::min(options.threads, 64));
  std::vector<ThreadResult> results(static_cast<std::size_t>(threads));
  if (threads == 1) {
    results[0] = RunOne(problem, options, options.seed, start);
  } else {
    std::vector<std::thread> pool;
    pool.reserve(static_cast<std::size_t>(threads));
    for (int t = 0; t < threads; ++t) {
      pool.emplace_back([&, t] {
        results[static_cast<std::size_t>(t)] =
            RunOne(problem, options, options.seed + 0x9E3779B97F4A7C15ULL * static_cast<std::uint64_t>(t), start);
      });
    }
    for (std::thread& th : pool) th.join();
  }
  std::size_t best = 0;
  std::int64_t iterations = 0;
  for (std::size_t t = 0; t < results.size(); ++t) {
    iterations += results[t].solution.iterations;
    if (results[t].objective < results[best].objective) best = t;
  }
  Solution solution = std::move(results[best].solution);
  solution.iterations = iterations;
  solution.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  const std::vector<std::string> errors = CheckSolution(problem, solution);
  if (!errors.empty()) {
    return core::Fail(core::Error(core::ErrorCode::kInternal, "solver.internal", "", {{"detail", errors.front()}}));
  }
  return solution;
}

}  // namespace lien::rounds::solver
