#include "rounds/solver/benchmark_readers.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace lien::rounds::solver {
namespace {

constexpr const char* kSolomon = R"(TINY

VEHICLE
NUMBER     CAPACITY
  2         10

CUSTOMER
CUST NO.   XCOORD.   YCOORD.    DEMAND   READY TIME   DUE DATE   SERVICE TIME

    0          0       0           0       0         100           0
    1          3       4           5       0          50          10
    2          0       1           6      20          30           5
)";

constexpr const char* kCvrp = R"(NAME : tiny
TYPE : CVRP
DIMENSION : 3
EDGE_WEIGHT_TYPE : EUC_2D
CAPACITY : 10
NODE_COORD_SECTION
1 0 0
2 3 4
3 1 1
DEMAND_SECTION
1 0
2 4
3 7
DEPOT_SECTION
1
-1
EOF
)";

TEST(BenchmarkReadersTest, SolomonScalesTimesAndDistances) {
  auto inst = ReadSolomon(kSolomon, 1000);
  ASSERT_TRUE(inst) << inst.error().args["detail"];
  const Problem& p = inst->problem;
  EXPECT_EQ(inst->name, "TINY");
  ASSERT_EQ(p.jobs.size(), 2u);
  ASSERT_EQ(p.vehicles.size(), 2u);
  EXPECT_EQ(p.vehicles[0].capacity.v[0], 10);
  EXPECT_EQ(p.vehicles[0].shift.end, 100000);
  EXPECT_EQ(p.stops[0].start_load.v[0], 5);
  EXPECT_EQ(p.stops[0].service, 10000);
  EXPECT_EQ(p.stops[1].windows[0].start, 20000);
  EXPECT_EQ(p.profiles[0].durations.At(0, 1), 5000);  // 3-4-5 triangle
  EXPECT_EQ(p.profiles[0].durations.At(1, 2), std::llround(std::hypot(3.0, 3.0) * 1000));
}

TEST(BenchmarkReadersTest, CvrplibRoundsToNearestInteger) {
  auto inst = ReadCvrplib(kCvrp);
  ASSERT_TRUE(inst) << inst.error().args["detail"];
  const Problem& p = inst->problem;
  ASSERT_EQ(p.jobs.size(), 2u);
  EXPECT_EQ(p.jobs[0].id, "2");
  EXPECT_EQ(p.stops[1].start_load.v[0], 7);
  EXPECT_EQ(p.profiles[0].durations.At(0, 1), 5);
  EXPECT_EQ(p.profiles[0].durations.At(0, 2), 1);  // sqrt(2) rounds to 1
  EXPECT_EQ(p.vehicles.size(), 2u);                // one per customer by default
  EXPECT_EQ(p.vehicles[0].capacity.v[0], 10);
}

TEST(BenchmarkReadersTest, MalformedFilesGiveErrors) {
  EXPECT_FALSE(ReadSolomon("nothing here"));
  EXPECT_FALSE(
      ReadCvrplib("NAME : x\nDIMENSION : 5\nEDGE_WEIGHT_TYPE : EUC_2D\nCAPACITY : 3\nNODE_COORD_SECTION\n1 0 0\n"));
  EXPECT_FALSE(ReadCvrplib("NAME : x\nDIMENSION : 2\nEDGE_WEIGHT_TYPE : GEO\n"));
  EXPECT_FALSE(ReadTextFile("/nonexistent/file.vrp"));
}

TEST(BenchmarkReadersTest, EuclideanCostFollowsTheConvention) {
  auto inst = ReadCvrplib(kCvrp);
  ASSERT_TRUE(inst);
  Solution s;
  RouteReport r;
  r.vehicle = 0;
  StepReport a;
  a.stop = 0;
  r.steps.push_back(a);
  s.routes.push_back(r);
  EXPECT_DOUBLE_EQ(EuclideanCost(*inst, s), 10.0);
}

}  // namespace
}  // namespace lien::rounds::solver
