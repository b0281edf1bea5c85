#include "rounds/solver/best_known_table.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

namespace lien::rounds::solver {
namespace {

constexpr const char* kTable = R"(# a comment
instance,file,bks,vehicles_in_bks,objective,cost_convention,source
c101,solomon/C101.txt,828.94,10,distance only (travel-distance-oriented BKS),"double precision Euclidean, 2 decimals",repo key C101_distance
R201,solomon/R201.txt,1252.37,4,hierarchical: vehicles first then distance,"double precision Euclidean, 2 decimals",repo key R201
C1_10_1,homberger/C1_10_1.dimacs.sol,42444.8,100,distance only (DIMACS 2021),distance truncated to 1 decimal (DIMACS),x
X-n101-k25,cvrp/X-n101-k25.vrp,27591,,distance,EUC_2D rounded to nearest integer (CVRPLIB),y
)";

TEST(BestKnownTableTest, ReadsTheBksCsvLayout) {
  auto table = ParseBestKnownTable(kTable);
  ASSERT_TRUE(table) << table.error().args["detail"];
  ASSERT_EQ(table->size(), 4u);
  const BestKnownValue& c101 = (*table)[0];
  EXPECT_EQ(c101.instance, "C101");
  EXPECT_DOUBLE_EQ(c101.value, 828.94);
  EXPECT_EQ(c101.vehicles, 10);
  EXPECT_TRUE(c101.distance_only);
  EXPECT_EQ(c101.convention, DistanceConvention::kDouble);
  EXPECT_EQ(c101.source, "repo key C101_distance");
  EXPECT_FALSE((*table)[1].distance_only);
  EXPECT_EQ((*table)[2].convention, DistanceConvention::kTruncatedTenth);
  EXPECT_EQ((*table)[3].instance, "X-N101-K25");
  EXPECT_EQ((*table)[3].vehicles, 0);
  EXPECT_EQ((*table)[3].convention, DistanceConvention::kNearestInteger);
}

TEST(BestKnownTableTest, BadTablesNameTheLine) {
  const std::string header = "instance,bks,objective,cost_convention\n";
  auto missing = ParseBestKnownTable("instance,bks,objective\nC101,1,distance,double precision\n");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().args["detail"].find("cost_convention"), std::string::npos);
  auto number = ParseBestKnownTable(header + "C101,82x,distance,double precision\n");
  ASSERT_FALSE(number);
  EXPECT_NE(number.error().args["detail"].find("line 2"), std::string::npos);
  EXPECT_FALSE(ParseBestKnownTable(header + "C101,828.94,distance,rounded up\n"));
  EXPECT_FALSE(ParseBestKnownTable(header + "C101,828.94,vehicles only,double precision\n"));
  EXPECT_FALSE(ParseBestKnownTable(header + ",828.94,distance,double precision\n"));
  EXPECT_FALSE(ParseBestKnownTable("# nothing but a comment\n"));
}

// The reference data shipped for solver_bench: parsable, about the 56 Solomon instances, distance only, and
// consistent. Truncating distances and travel times to one decimal only shortens them, so no double-precision
// solution can cost less than the truncated optimum of the same instance.
TEST(BestKnownTableTest, ShippedSolomonTableIsConsistent) {
  auto text = ReadTextFile(std::string(LIEN_SOURCE_DIR) + "/bench/solver/solomon_distance_bks.csv");
  ASSERT_TRUE(text);
  auto table = ParseBestKnownTable(*text);
  ASSERT_TRUE(table) << table.error().args["detail"];
  std::set<std::string> solomon;
  const auto add = [&solomon](const std::string& prefix, int first, int last) {
    for (int i = first; i <= last; ++i) solomon.insert(prefix + (i < 10 ? "0" : "") + std::to_string(i));
  };
  add("C1", 1, 9);
  add("C2", 1, 8);
  add("R1", 1, 12);
  add("R2", 1, 11);
  add("RC1", 1, 8);
  add("RC2", 1, 8);
  ASSERT_EQ(solomon.size(), 56u);
  std::map<std::string, double> truncated;
  std::map<std::string, double> exact;
  for (const BestKnownValue& v : *table) {
    EXPECT_TRUE(solomon.count(v.instance)) << v.instance;
    EXPECT_TRUE(v.distance_only) << v.instance;
    EXPECT_GT(v.vehicles, 0) << v.instance;
    auto& column = v.convention == DistanceConvention::kTruncatedTenth ? truncated : exact;
    ASSERT_NE(v.convention, DistanceConvention::kNearestInteger) << v.instance;
    EXPECT_TRUE(column.emplace(v.instance, v.value).second) << "twice: " << v.instance;
  }
  EXPECT_EQ(truncated.size(), 37u);
  EXPECT_EQ(exact.size(), 54u);
  for (const std::string& name : solomon) {
    EXPECT_TRUE(truncated.count(name) || exact.count(name)) << "no value for " << name;
  }
  for (const auto& [name, optimum] : truncated) {
    const auto it = exact.find(name);
    if (it != exact.end()) {
      EXPECT_GE(it->second, optimum) << name;
    }
  }
}

}  // namespace
}  // namespace lien::rounds::solver
