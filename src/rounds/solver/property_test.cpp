// Property test: on many random instances (with and without windows, shipments, skills, pins), the solution
// never breaks a hard constraint (checked by EvaluateRoute/CheckSolution, independent of the incremental
// caches), the search never ends above the construction, and the same seed gives the same solution.

#include <gtest/gtest.h>

#include "rounds/solver/construction.hpp"
#include "rounds/solver/random_problem_for_test.hpp"
#include "rounds/solver/search.hpp"
#include "rounds/solver/solver.hpp"

namespace lien::rounds::solver {
namespace {

std::vector<std::vector<int>> Routes(const Solution& s) {
  std::vector<std::vector<int>> out;
  for (const RouteReport& r : s.routes) {
    std::vector<int> stops{r.vehicle};
    for (const StepReport& st : r.steps) stops.push_back(st.stop);
    out.push_back(stops);
  }
  return out;
}

testing::RandomSpec SpecFor(std::uint64_t seed) {
  testing::RandomSpec spec;
  spec.jobs = 15 + static_cast<int>(seed % 20);
  spec.vehicles = 2 + static_cast<int>(seed % 4);
  spec.windows = seed % 2 == 0;
  spec.shipments = seed % 3 == 0;
  spec.skills = seed % 4 == 1;
  spec.pins = seed % 5 == 2;
  spec.multi_windows = seed % 7 == 3;
  spec.dimensions = 1 + static_cast<int>(seed % 3);
  if (seed % 6 == 5) {
    spec.homogeneous = true;
    spec.shipments = false;
    spec.pins = false;
    spec.skills = false;
  }
  return spec;
}

TEST(PropertyTest, NoHardConstraintBrokenAndNeverWorseThanConstruction) {
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    Problem p = testing::RandomProblem(SpecFor(seed), seed);
    ASSERT_TRUE(Prepare(p));
    SolutionState state(p);
    std::mt19937_64 rng(seed);
    Construct(state, Clock::now() + std::chrono::seconds(5), rng);
    ASSERT_TRUE(CheckSolution(p, state.Export()).empty()) << "construction, seed " << seed;
    SearchLimits limits;
    limits.deadline = Clock::now() + std::chrono::seconds(10);
    limits.max_iterations = 150;
    const SearchStats stats = RunSearch(state, limits, rng);
    EXPECT_LE(stats.best, stats.initial) << "seed " << seed;
    EXPECT_EQ(stats.best, state.GetObjective());
    const Solution solution = state.Export();
    const auto errors = CheckSolution(p, solution);
    ASSERT_TRUE(errors.empty()) << "seed " << seed << ": " << errors.front();
    for (const UnassignedJob& u : solution.unassigned) EXPECT_FALSE(u.reason.empty());
  }
}

TEST(PropertyTest, SameSeedSameSolution) {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    SolverOptions options;
    options.seed = seed;
    options.max_iterations = 200;
    options.time_limit_s = 30;
    Problem a = testing::RandomProblem(SpecFor(seed), seed);
    Problem b = testing::RandomProblem(SpecFor(seed), seed);
    auto sa = Solve(a, options);
    auto sb = Solve(b, options);
    ASSERT_TRUE(sa && sb);
    EXPECT_EQ(Routes(*sa), Routes(*sb)) << "seed " << seed;
    EXPECT_EQ(sa->cost, sb->cost);
    options.threads = 2;
    auto ta = Solve(a, options);
    auto tb = Solve(b, options);
    ASSERT_TRUE(ta && tb);
    EXPECT_EQ(Routes(*ta), Routes(*tb)) << "two threads, seed " << seed;
  }
}

TEST(PropertyTest, TimeLimitIsHonoured) {
  testing::RandomSpec spec;
  spec.jobs = 200;
  spec.vehicles = 20;
  Problem p = testing::RandomProblem(spec, 99);
  SolverOptions options;
  options.time_limit_s = 0.3;
  auto s = Solve(p, options);
  ASSERT_TRUE(s);
  EXPECT_LT(s->seconds, 1.5);  // the limit plus checking and export in a Debug build
}

TEST(PropertyTest, BadInputNamesTheJobAndTheField) {
  Problem p = testing::RandomProblem(testing::RandomSpec{}, 1);
  p.stops[3].windows = {{100, 50}};
  auto st = Prepare(p);
  ASSERT_FALSE(st);
  EXPECT_NE(st.error().field.find("j3"), std::string::npos);
  EXPECT_NE(st.error().field.find("time_windows"), std::string::npos);

  Problem q = testing::RandomProblem(testing::RandomSpec{}, 1);
  q.stops[0].start_load.v[0] = -3;
  ASSERT_FALSE(Prepare(q));

  Problem r = testing::RandomProblem(testing::RandomSpec{}, 1);
  r.stops[0].location = 999;
  auto sr = Prepare(r);
  ASSERT_FALSE(sr);
  EXPECT_NE(sr.error().field.find("location"), std::string::npos);
}

TEST(PropertyTest, UnservableJobIsUnassignedWithItsReason) {
  testing::RandomSpec spec;
  spec.jobs = 5;
  spec.vehicles = 2;
  spec.windows = false;
  Problem p = testing::RandomProblem(spec, 3);
  p.jobs[0].skills = {"wheelchair"};
  p.stops[1].start_load.v[0] = 1000;
  SolverOptions options;
  options.max_iterations = 50;
  auto s = Solve(p, options);
  ASSERT_TRUE(s);
  ASSERT_EQ(s->unassigned.size(), 2u);
  EXPECT_EQ(s->unassigned[0].reason, "skills");
  EXPECT_EQ(s->unassigned[1].reason, "capacity");
}

}  // namespace
}  // namespace lien::rounds::solver

namespace lien::rounds::solver {
namespace {

// Two vehicles based at opposite ends, a cluster of jobs near each: cheapest is one route each; with
// minimize_vehicles one vehicle must serve both clusters.
TEST(PropertyTest, MinimizeVehiclesUsesFewerVehicles) {
  Problem p;
  Profile prof;
  const std::vector<int> x = {0, 100, 1, 2, 98, 99};  // locations 0 and 1: the two bases
  prof.durations = Matrix(static_cast<int>(x.size()));
  for (std::size_t i = 0; i < x.size(); ++i) {
    for (std::size_t j = 0; j < x.size(); ++j) {
      prof.durations.Set(static_cast<int>(i), static_cast<int>(j), std::abs(x[i] - x[j]));
    }
  }
  p.profiles.push_back(prof);
  for (int loc = 2; loc < 6; ++loc) {
    Stop s;
    s.location = loc;
    Job j;
    j.id = std::to_string(loc);
    j.stops = {static_cast<int>(p.stops.size())};
    p.stops.push_back(s);
    p.jobs.push_back(j);
  }
  for (int base = 0; base < 2; ++base) {
    Vehicle v;
    v.id = std::to_string(base);
    v.start = base;
    v.end = base;
    p.vehicles.push_back(v);
  }
  SolverOptions options;
  options.max_iterations = 300;
  Problem cheapest = p;
  auto a = Solve(cheapest, options);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->routes.size(), 2u);
  p.minimize_vehicles = true;
  auto b = Solve(p, options);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->routes.size(), 1u);
  EXPECT_TRUE(b->unassigned.empty());
}

}  // namespace
}  // namespace lien::rounds::solver
