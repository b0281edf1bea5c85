#include "rounds/solver/route.hpp"

#include <gtest/gtest.h>

#include "rounds/solver/construction.hpp"
#include "rounds/solver/evaluation.hpp"
#include "rounds/solver/insertion.hpp"
#include "rounds/solver/random_problem_for_test.hpp"

namespace lien::rounds::solver {
namespace {

// Locations on a line, 10 time units apart: 0 (depot), 1, 2, 3.
Problem LineProblem() {
  Problem p;
  Profile prof;
  prof.durations = Matrix(4);
  for (int i = 0; i < 4; ++i) {
    for (int j = 0; j < 4; ++j) prof.durations.Set(i, j, 10 * std::abs(i - j));
  }
  p.profiles.push_back(prof);
  for (int i = 1; i <= 3; ++i) {
    Stop s;
    s.location = i;
    s.service = 5;
    s.start_load.v[0] = i;
    Job j;
    j.id = std::to_string(i);
    j.stops = {i - 1};
    p.stops.push_back(s);
    p.jobs.push_back(j);
  }
  p.stops[1].windows = {{40, 50}};  // waits: arrives at 25, starts at 40
  p.stops[2].load_delta.v[0] = 4;   // picks up 4 at stop 3
  Vehicle v;
  v.id = "van";
  v.start = 0;
  v.end = 0;
  v.shift = {0, 200};
  v.capacity.v[0] = 10;
  p.vehicles.push_back(v);
  EXPECT_TRUE(Prepare(p));
  return p;
}

TEST(RouteTest, LoadsArrivalsWaitingAndWindows) {
  const Problem p = LineProblem();
  Route route(p, 0);
  route.MutableStops() = {0, 1, 2};
  route.Update();
  ASSERT_TRUE(route.Feasible());
  EXPECT_EQ(route.Load(0).v[0], 6);  // 1 + 2 + 3 delivered along the way
  EXPECT_EQ(route.Load(1).v[0], 5);
  EXPECT_EQ(route.Load(2).v[0], 3);
  EXPECT_EQ(route.Load(3).v[0], 4);  // dropped 3, picked up 4
  EXPECT_EQ(route.Earliest(1), 10);
  EXPECT_EQ(route.Earliest(2), 40);  // window start
  EXPECT_EQ(route.Earliest(3), 55);
  EXPECT_EQ(route.Earliest(4), 90);  // back at the depot
  EXPECT_EQ(route.Latest(2), 50);
  EXPECT_EQ(route.TotalCost(), 60);

  const RouteReport report = EvaluateRoute(p, 0, route.Stops());
  EXPECT_TRUE(report.violation.empty());
  EXPECT_EQ(report.steps[1].arrival, 25);
  EXPECT_EQ(report.steps[1].waiting, 15);
  EXPECT_EQ(report.waiting, 15);
  EXPECT_EQ(report.arrival, 90);
  EXPECT_EQ(report.cost, 60);
}

TEST(RouteTest, WindowMissedAndCapacityExceededAreReported) {
  Problem p = LineProblem();
  p.stops[1].windows = {{0, 15}};  // reached at 25 when served after stop 1
  Route route(p, 0);
  route.MutableStops() = {0, 1};
  route.Update();
  EXPECT_FALSE(route.Feasible());
  EXPECT_NE(EvaluateRoute(p, 0, {0, 1}).violation.find("time window"), std::string::npos);

  Problem q = LineProblem();
  q.vehicles[0].capacity.v[0] = 5;
  EXPECT_NE(EvaluateRoute(q, 0, {0, 1, 2}).violation.find("capacity"), std::string::npos);
}

TEST(RouteTest, InsertionFailsWhenItWouldPushALaterStopOutOfItsWindow) {
  const Problem p = LineProblem();
  Route route(p, 0);
  route.MutableStops() = {1};  // stop at location 2, window [40, 50]
  route.Update();
  Cost delta = 0;
  EXPECT_TRUE(route.CanInsert(0, 0, &delta));  // location 1 first: arrives at 2 at 25, waits
  EXPECT_EQ(delta, 0);
  EXPECT_TRUE(route.CanInsert(2, 1, &delta));  // location 3 after: fine
}

// The O(1) checks agree with a full evaluation of the changed sequence, on many random routes.
TEST(RouteTest, ConstantTimeChecksMatchFullEvaluation) {
  int compared = 0;
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    testing::RandomSpec spec;
    spec.jobs = 25;
    spec.windows = seed % 2 == 0;
    spec.multi_windows = seed % 3 == 0;
    spec.dimensions = 1 + static_cast<int>(seed % 2);
    Problem p = testing::RandomProblem(spec, seed);
    ASSERT_TRUE(Prepare(p));
    SolutionState state(p);
    std::mt19937_64 rng(seed);
    Construct(state, Clock::now() + std::chrono::seconds(5), rng);
    for (int r = 0; r < state.RouteCount(); ++r) {
      const Route& route = state.GetRoute(r);
      ASSERT_TRUE(route.Feasible());
      const Cost base = EvaluateRoute(p, r, route.Stops()).cost;
      for (std::size_t s = 0; s < p.stops.size(); ++s) {
        const int job = p.stops[s].job;
        if (!p.Compatible(job, r) || p.jobs[static_cast<std::size_t>(job)].IsShipment()) continue;
        const int pos = state.RouteOfJob(job) == r ? state.PositionOfStop(static_cast<int>(s)) : -1;
        if (pos > 0) {
          std::vector<int> seq = route.Stops();
          seq.erase(seq.begin() + pos - 1);
          Cost delta = 0;
          const RouteReport full = EvaluateRoute(p, r, seq);
          ASSERT_EQ(route.CanRemove(pos, &delta), full.violation.empty()) << "seed " << seed;
          if (full.violation.empty()) {
            EXPECT_EQ(base + delta, seq.empty() ? 0 : full.cost);
          }
          ++compared;
          continue;
        }
        for (int k = 0; k <= route.Size(); ++k) {
          std::vector<int> seq = route.Stops();
          seq.insert(seq.begin() + k, static_cast<int>(s));
          const RouteReport full = EvaluateRoute(p, r, seq);
          Cost delta = 0;
          ASSERT_EQ(route.CanInsert(static_cast<int>(s), k, &delta), full.violation.empty())
              << "seed " << seed << " route " << r << " k " << k;
          if (full.violation.empty()) {
            EXPECT_EQ(base + delta, full.cost);
          }
          ++compared;
        }
        for (int k = 1; k <= route.Size(); ++k) {
          if (p.jobs[static_cast<std::size_t>(p.stops[static_cast<std::size_t>(route.StopAt(k))].job)].IsShipment()) {
            continue;
          }
          std::vector<int> seq = route.Stops();
          seq[static_cast<std::size_t>(k - 1)] = static_cast<int>(s);
          const RouteReport full = EvaluateRoute(p, r, seq);
          Cost delta = 0;
          ASSERT_EQ(route.CanReplace(k, static_cast<int>(s), &delta), full.violation.empty()) << "seed " << seed;
          if (full.violation.empty()) {
            EXPECT_EQ(base + delta, full.cost);
          }
          ++compared;
        }
      }
    }
  }
  EXPECT_GT(compared, 1000);
}

}  // namespace
}  // namespace lien::rounds::solver
