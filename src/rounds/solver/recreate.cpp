#include "rounds/solver/recreate.hpp"

#include <algorithm>

#include "rounds/solver/construction.hpp"

namespace lien::rounds::solver {

void Recreate(SolutionState& state, std::vector<int> jobs, double blink_rate, std::mt19937_64& rng) {
  const Problem& problem = state.GetProblem();
  for (int j : state.Unassigned()) {
    if (std::find(jobs.begin(), jobs.end(), j) == jobs.end()) jobs.push_back(j);
  }
  std::shuffle(jobs.begin(), jobs.end(), rng);
  // Weights 4:4:2:1 as in the SISR paper.
  const int kind = std::uniform_int_distribution<int>(0, 10)(rng);
  if (kind < 4) {
    // random: already shuffled
  } else if (kind < 8) {
    std::stable_sort(jobs.begin(), jobs.end(), [&](int a, int b) { return JobSize(problem, a) > JobSize(problem, b); });
  } else if (kind < 10) {
    std::stable_sort(jobs.begin(), jobs.end(),
                     [&](int a, int b) { return JobRemoteness(problem, a) > JobRemoteness(problem, b); });
  } else {
    std::stable_sort(jobs.begin(), jobs.end(),
                     [&](int a, int b) { return JobRemoteness(problem, a) < JobRemoteness(problem, b); });
  }
  // Higher priorities first whatever the order drawn.
  std::stable_sort(jobs.begin(), jobs.end(), [&](int a, int b) {
    return problem.jobs[static_cast<std::size_t>(a)].priority > problem.jobs[static_cast<std::size_t>(b)].priority;
  });
  InsertionOptions options;
  options.blink_rate = blink_rate;
  for (int job : jobs) {
    const Insertion ins = BestInsertion(state, job, options, rng);
    if (ins.Found()) state.InsertJob(job, ins.route, ins.pos, ins.pos2);
  }
}

}  // namespace lien::rounds::solver
