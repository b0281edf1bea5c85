// Each local search operator: a small case where it must find the improvement, and on random instances,
// every applied move strictly lowers the cost and keeps the solution valid.

#include <gtest/gtest.h>

#include "rounds/solver/construction.hpp"
#include "rounds/solver/random_problem_for_test.hpp"
#include "rounds/solver/recreate.hpp"
#include "rounds/solver/relocate.hpp"
#include "rounds/solver/ruin.hpp"
#include "rounds/solver/savings.hpp"
#include "rounds/solver/swap.hpp"
#include "rounds/solver/two_opt.hpp"
#include "rounds/solver/two_opt_star.hpp"

namespace lien::rounds::solver {
namespace {

// Points on a plane with Manhattan times; depot at location 0.
Problem GridProblem(const std::vector<std::pair<int, int>>& points, int vehicles) {
  Problem p;
  const int n = static_cast<int>(points.size());
  Profile prof;
  prof.durations = Matrix(n);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) {
      prof.durations.Set(i, j,
                         std::abs(points[i].first - points[j].first) + std::abs(points[i].second - points[j].second));
    }
  }
  p.profiles.push_back(prof);
  for (int i = 1; i < n; ++i) {
    Stop s;
    s.location = i;
    s.start_load.v[0] = 1;
    Job j;
    j.id = std::to_string(i);
    j.stops = {i - 1};
    p.stops.push_back(s);
    p.jobs.push_back(j);
  }
  for (int v = 0; v < vehicles; ++v) {
    Vehicle veh;
    veh.id = std::to_string(v);
    veh.start = 0;
    veh.end = 0;
    veh.capacity.v[0] = 100;
    p.vehicles.push_back(veh);
  }
  EXPECT_TRUE(Prepare(p));
  return p;
}

// Two clusters, east (jobs 0,1) and west (jobs 2,3); each route holds one job of the wrong cluster.
Problem TwoClusters() { return GridProblem({{0, 0}, {10, 0}, {11, 0}, {-10, 0}, {-11, 0}}, 2); }

TEST(OperatorsTest, RelocateMovesAJobToTheRouteNearIt) {
  Problem p = GridProblem({{0, 0}, {10, 0}, {11, 0}, {-10, 0}}, 2);
  SolutionState state(p);
  state.SetStops(0, {0, 1});
  state.SetStops(1, {2});
  // Move job 2 (at -10) nowhere better; job 1 (at 11) is with job 0 already. Put job 1 with job 2 instead.
  state.SetStops(0, {0});
  state.SetStops(1, {1, 2});
  const Cost before = state.GetObjective().cost;
  EXPECT_TRUE(RelocateJob(state, 1, 10));
  EXPECT_LT(state.GetObjective().cost, before);
  EXPECT_EQ(state.RouteOfJob(1), state.RouteOfJob(0));
}

TEST(OperatorsTest, SwapExchangesMisplacedJobs) {
  Problem p = TwoClusters();
  SolutionState state(p);
  state.SetStops(0, {0, 2});  // east + west
  state.SetStops(1, {3, 1});  // west + east
  const Cost before = state.GetObjective().cost;
  EXPECT_TRUE(SwapJob(state, 0, 10) || SwapJob(state, 2, 10));
  EXPECT_LT(state.GetObjective().cost, before);
}

TEST(OperatorsTest, TwoOptStarExchangesTails) {
  Problem p = TwoClusters();
  SolutionState state(p);
  state.SetStops(0, {0, 2});
  state.SetStops(1, {3, 1});
  const Cost before = state.GetObjective().cost;
  bool moved = false;
  for (int j = 0; j < 4 && !moved; ++j) moved = TwoOptStar(state, j, 10);
  EXPECT_TRUE(moved);
  EXPECT_LT(state.GetObjective().cost, before);
}

TEST(OperatorsTest, TwoOptUncrossesARoute) {
  // Square corners visited crosswise.
  Problem p = GridProblem({{0, 0}, {0, 10}, {10, 10}, {10, 0}}, 1);
  SolutionState state(p);
  state.SetStops(0, {1, 0, 2});  // (10,10) (0,10) (10,0): crossing
  const Cost before = state.GetObjective().cost;
  bool moved = false;
  for (int j = 0; j < 3 && !moved; ++j) moved = TwoOpt(state, j, 10);
  EXPECT_TRUE(moved);
  EXPECT_LT(state.GetObjective().cost, before);
  EXPECT_EQ(state.GetObjective().cost, 40);
}

TEST(OperatorsTest, SavingsPairsNearbyJobsWithinCapacity) {
  Problem p = TwoClusters();
  for (Vehicle& v : p.vehicles) v.capacity.v[0] = 2;
  ASSERT_TRUE(SavingsApplies(p));
  const auto routes = SavingsRoutes(p, Clock::now() + std::chrono::seconds(5));
  ASSERT_EQ(routes.size(), 2u);
  for (const auto& r : routes) {
    ASSERT_EQ(r.size(), 2u);
    // Both stops of a route are in the same cluster (jobs 0,1 east; 2,3 west).
    EXPECT_EQ(r[0] / 2, r[1] / 2);
  }
  p.vehicles[1].end = -1;
  ASSERT_TRUE(Prepare(p));
  EXPECT_FALSE(SavingsApplies(p));  // vehicles no longer interchangeable
}

TEST(OperatorsTest, RuinRemovesWholeJobsAndRecreatePutsThemBack) {
  testing::RandomSpec spec;
  spec.jobs = 30;
  spec.shipments = true;
  Problem p = testing::RandomProblem(spec, 7);
  ASSERT_TRUE(Prepare(p));
  SolutionState state(p);
  std::mt19937_64 rng(7);
  Construct(state, Clock::now() + std::chrono::seconds(5), rng);
  const std::size_t unassigned_before = state.Unassigned().size();
  const std::vector<int> removed = Ruin(state, RuinOptions{}, rng);
  EXPECT_FALSE(removed.empty());
  EXPECT_EQ(state.Unassigned().size(), unassigned_before + removed.size());
  EXPECT_TRUE(CheckSolution(p, state.Export()).empty());
  Recreate(state, removed, 0.0, rng);
  EXPECT_TRUE(CheckSolution(p, state.Export()).empty());
}

TEST(OperatorsTest, EveryAppliedMoveLowersTheCostAndKeepsTheSolutionValid) {
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    testing::RandomSpec spec;
    spec.jobs = 30;
    spec.windows = seed % 2 == 0;
    spec.shipments = seed % 3 == 0;
    spec.skills = seed % 4 == 0;
    Problem p = testing::RandomProblem(spec, seed);
    ASSERT_TRUE(Prepare(p));
    SolutionState state(p);
    std::mt19937_64 rng(seed);
    Construct(state, Clock::now() + std::chrono::seconds(5), rng);
    using Op = bool (*)(SolutionState&, int, int);
    for (Op op : {Op{&RelocateJob}, Op{&SwapJob}, Op{&TwoOptStar}, Op{&TwoOpt}}) {
      for (int j = 0; j < static_cast<int>(p.jobs.size()); ++j) {
        const Objective before = state.GetObjective();
        if (op(state, j, 20)) {
          EXPECT_LT(state.GetObjective(), before) << "seed " << seed;
          const auto errors = CheckSolution(p, state.Export());
          ASSERT_TRUE(errors.empty()) << errors.front();
        }
      }
    }
  }
}

}  // namespace
}  // namespace lien::rounds::solver
