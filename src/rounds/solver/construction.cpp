#include "rounds/solver/construction.hpp"

#include <algorithm>
#include <numeric>

#include "rounds/solver/insertion.hpp"
#include "rounds/solver/savings.hpp"

namespace lien::rounds::solver {

std::int64_t JobSize(const Problem& problem, int job) {
  std::int64_t size = 0;
  for (int s : problem.jobs[static_cast<std::size_t>(job)].stops) {
    const Stop& stop = problem.stops[static_cast<std::size_t>(s)];
    for (int d = 0; d < kMaxDimensions; ++d) {
      size += stop.start_load.v[static_cast<std::size_t>(d)] + std::abs(stop.load_delta.v[static_cast<std::size_t>(d)]);
    }
  }
  return size;
}

Cost JobRemoteness(const Problem& problem, int job) {
  const Vehicle& v = problem.vehicles[0];
  const Matrix& costs = problem.profiles[static_cast<std::size_t>(v.profile)].Costs();
  const int from = v.start >= 0 ? v.start : costs.Nowhere();
  const int to = problem.stops[static_cast<std::size_t>(problem.jobs[static_cast<std::size_t>(job)].stops[0])].location;
  return costs.At(from, to);
}

namespace {

void InsertRemaining(SolutionState& state, Clock::time_point deadline, std::mt19937_64& rng) {
  const Problem& problem = state.GetProblem();
  std::vector<int> order = state.Unassigned();
  std::sort(order.begin(), order.end());
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    const Job& ja = problem.jobs[static_cast<std::size_t>(a)];
    const Job& jb = problem.jobs[static_cast<std::size_t>(b)];
    if (ja.priority != jb.priority) return ja.priority > jb.priority;
    return JobRemoteness(problem, a) > JobRemoteness(problem, b);
  });
  InsertionOptions options;
  options.granular = true;
  for (int job : order) {
    if (Clock::now() >= deadline) break;
    const Insertion ins = BestInsertion(state, job, options, rng);
    if (ins.Found()) state.InsertJob(job, ins.route, ins.pos, ins.pos2);
  }
}

}  // namespace

void Construct(SolutionState& state, Clock::time_point deadline, std::mt19937_64& rng) {
  const Problem& problem = state.GetProblem();
  for (std::size_t v = 0; v < problem.vehicles.size(); ++v) {
    const Vehicle& veh = problem.vehicles[v];
    if (veh.fixed_order.empty()) continue;
    std::vector<int> stops;
    for (int j : veh.fixed_order) {
      for (int s : problem.jobs[static_cast<std::size_t>(j)].stops) stops.push_back(s);
    }
    // A shipment's delivery may be listed with the pickup only: keep pairs ordered by rank.
    std::stable_sort(stops.begin(), stops.end(), [&](int a, int b) {
      return problem.stops[static_cast<std::size_t>(a)].order_rank <
             problem.stops[static_cast<std::size_t>(b)].order_rank;
    });
    if (SequenceFeasible(problem, static_cast<int>(v), stops)) state.SetStops(static_cast<int>(v), stops);
  }
  InsertRemaining(state, deadline, rng);
  // A second start by savings when it applies; the better of the two is kept (deterministic).
  if (SavingsApplies(problem) && Clock::now() < deadline) {
    SolutionState alternative(problem);
    const auto routes = SavingsRoutes(problem, deadline);
    for (std::size_t r = 0; r < routes.size(); ++r) alternative.SetStops(static_cast<int>(r), routes[r]);
    InsertRemaining(alternative, deadline, rng);
    if (alternative.GetObjective() < state.GetObjective()) state = std::move(alternative);
  }
}

}  // namespace lien::rounds::solver
