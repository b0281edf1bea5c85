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
  auto inst = ReadSolomon(kSolomon);
  ASSERT_TRUE(inst) << inst.error().args["detail"];
  const Problem& p = inst->problem;
  EXPECT_EQ(inst->name, "TINY");
  EXPECT_EQ(inst->convention, DistanceConvention::kDouble);
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

TEST(BenchmarkReadersTest, SolomonTruncatedToOneDecimal) {
  auto inst = ReadSolomon(kSolomon, DistanceConvention::kTruncatedTenth);
  ASSERT_TRUE(inst) << inst.error().args["detail"];
  const Problem& p = inst->problem;
  EXPECT_EQ(p.profiles[0].durations.At(0, 1), 5000);  // 5 stays 5
  EXPECT_EQ(p.profiles[0].durations.At(1, 2), 4200);  // 4.2426 -> 4.2, not 4.243
  EXPECT_EQ(p.profiles[0].distances.At(2, 1), 4200);
  // Times and windows are not distances: unchanged.
  EXPECT_EQ(p.stops[0].service, 10000);
  EXPECT_EQ(p.stops[1].windows[0].start, 20000);
  EXPECT_EQ(p.vehicles[0].shift.end, 100000);
}

TEST(BenchmarkReadersTest, TruncationKeepsExactTenths) {
  using C = DistanceConvention;
  // Pythagorean triples: 10 d is an integer, which a truncation must keep whole.
  EXPECT_DOUBLE_EQ(ConventionalDistance({0, 0}, {20, 21}, C::kTruncatedTenth), 29.0);
  EXPECT_DOUBLE_EQ(ConventionalDistance({0, 0}, {119, 120}, C::kTruncatedTenth), 169.0);
  EXPECT_DOUBLE_EQ(ConventionalDistance({35, 35}, {41, 49}, C::kTruncatedTenth), 15.2);  // 15.2315
  EXPECT_DOUBLE_EQ(ConventionalDistance({0, 0}, {1, 1}, C::kTruncatedTenth), 1.4);       // 1.4142
  EXPECT_DOUBLE_EQ(ConventionalDistance({0, 0}, {1, 1}, C::kNearestInteger), 1.0);
  EXPECT_DOUBLE_EQ(ConventionalDistance({0, 0}, {1, 2}, C::kNearestInteger), 2.0);  // 2.236
  EXPECT_DOUBLE_EQ(ConventionalDistance({0, 0}, {1, 1}, C::kDouble), std::sqrt(2.0));
}

TEST(BenchmarkReadersTest, ConventionsOfBksCsv) {
  using C = DistanceConvention;
  EXPECT_EQ(ParseDistanceConvention("double precision Euclidean, 2 decimals"), C::kDouble);
  EXPECT_EQ(ParseDistanceConvention("distance truncated to 1 decimal (DIMACS)"), C::kTruncatedTenth);
  EXPECT_EQ(ParseDistanceConvention("Distances truncated to one decimal"), C::kTruncatedTenth);
  EXPECT_EQ(ParseDistanceConvention("EUC_2D rounded to nearest integer (CVRPLIB)"), C::kNearestInteger);
  EXPECT_EQ(ParseDistanceConvention("truncated to an integer"), std::nullopt);
  EXPECT_EQ(ParseDistanceConvention("rounded somehow"), std::nullopt);
  EXPECT_STREQ(ConventionLabel(C::kTruncatedTenth), "trunc1");
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

TEST(BenchmarkReadersTest, SolomonCostInEachConvention) {
  // Depot (0,0) -> customer 1 (3,4) -> customer 2 (0,1) -> depot: 5 + 4.2426 + 1.
  Solution s;
  RouteReport r;
  r.vehicle = 0;
  StepReport first;
  first.stop = 0;
  StepReport second;
  second.stop = 1;
  r.steps = {first, second};
  s.routes.push_back(r);
  auto exact = ReadSolomon(kSolomon, DistanceConvention::kDouble);
  auto truncated = ReadSolomon(kSolomon, DistanceConvention::kTruncatedTenth);
  ASSERT_TRUE(exact);
  ASSERT_TRUE(truncated);
  EXPECT_NEAR(EuclideanCost(*exact, s), 6.0 + std::hypot(3.0, 3.0), 1e-9);
  EXPECT_NEAR(EuclideanCost(*truncated, s), 10.2, 1e-9);
}

}  // namespace
}  // namespace lien::rounds::solver
