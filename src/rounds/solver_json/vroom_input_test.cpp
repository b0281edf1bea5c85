#include "rounds/solver_json/vroom_input.hpp"

#include <gtest/gtest.h>

namespace lien::rounds::solver_json {
namespace {

const char* kMatrix = R"("matrices": {"car": {"durations": [[0, 10, 20], [10, 0, 15], [20, 15, 0]]}})";

std::string Input(const std::string& jobs, const std::string& vehicle_extra = "") {
  return std::string(R"({"vehicles": [{"id": 7, "start_index": 0, "end_index": 0, "capacity": [4])") + vehicle_extra +
         R"(}], "jobs": [)" + jobs + "], " + kMatrix + "}";
}

TEST(VroomInputTest, ReadsJobsVehiclesAndMatrices) {
  auto parsed = ParseVroomInput(Input(R"({"id": 1, "location_index": 1, "delivery": [2], "service": 30,
                                          "time_windows": [[100, 200], [0, 50]], "skills": [3], "priority": 5},
                                         {"id": 2, "location_index": 2, "pickup": [1]})",
                                      R"(, "skills": [3], "time_window": [0, 1000], "max_travel_time": 500)"));
  ASSERT_TRUE(parsed) << parsed.error().args["detail"];
  const solver::Problem& p = parsed->problem;
  ASSERT_EQ(p.jobs.size(), 2u);
  EXPECT_EQ(p.stops[0].start_load.v[0], 2);
  EXPECT_EQ(p.stops[1].load_delta.v[0], 1);
  EXPECT_EQ(p.stops[0].service, 30);
  ASSERT_EQ(p.stops[0].windows.size(), 2u);
  EXPECT_EQ(p.stops[0].windows[0].start, 0);  // sorted
  EXPECT_EQ(p.jobs[0].priority, 5);
  EXPECT_EQ(p.vehicles[0].shift.end, 1000);
  EXPECT_EQ(p.vehicles[0].max_travel_time, 500);
  EXPECT_TRUE(p.Compatible(0, 0));
  EXPECT_EQ(p.profiles[0].durations.At(1, 2), 15);
}

TEST(VroomInputTest, ShipmentsAndStepsBecomePairsAndAFixedOrder) {
  auto parsed = ParseVroomInput(std::string(R"({"vehicles": [{"id": 1, "start_index": 0, "capacity": [1],
      "steps": [{"type": "start"}, {"type": "pickup", "id": 9}, {"type": "delivery", "id": 9}, {"type": "job", "id": 4}]}],
      "jobs": [{"id": 4, "location_index": 1}],
      "shipments": [{"amount": [1], "max_ride": 60, "pickup": {"id": 9, "location_index": 1}, "delivery": {"id": 9, "location_index": 2}}],
      )") + kMatrix + "}");
  ASSERT_TRUE(parsed) << parsed.error().args["detail"];
  const solver::Problem& p = parsed->problem;
  ASSERT_EQ(p.jobs.size(), 2u);
  EXPECT_TRUE(p.jobs[1].IsShipment());
  EXPECT_EQ(p.jobs[1].max_ride, 60);
  EXPECT_EQ(p.stops[2].load_delta.v[0], -1);
  EXPECT_EQ(p.vehicles[0].fixed_order, (std::vector<int>{1, 0}));
  EXPECT_EQ(p.jobs[0].pinned_vehicle, 0);
}

TEST(VroomInputTest, CoordinatesGiveHaversineMatrices) {
  auto parsed = ParseVroomInput(R"({"vehicles": [{"id": 1, "start": [2.0, 50.0]}],
      "jobs": [{"id": 1, "location": [2.01, 50.0]}, {"id": 2, "location": [2.0, 50.0]}],
      "options": {"speed_kmh": {"car": 36}, "detour": 1.0}})");
  ASSERT_TRUE(parsed) << parsed.error().args["detail"];
  const solver::Profile& prof = parsed->problem.profiles[0];
  EXPECT_EQ(prof.durations.Size(), 2);  // the vehicle's start and job 2 share a place
  EXPECT_NEAR(static_cast<double>(prof.distances.At(0, 1)), 715.0, 3.0);
  EXPECT_NEAR(static_cast<double>(prof.durations.At(0, 1)), 71.5, 1.0);
}

struct BadCase {
  const char* name;
  std::string input;
  const char* field;  // substring expected in the error's field
};

TEST(VroomInputTest, NonsenseIsRefusedWithTheJobOrVehicleAndTheField) {
  const std::vector<BadCase> cases = {
      {"negative demand", Input(R"({"id": 12, "location_index": 1, "delivery": [-2]})"), "jobs[id=12].delivery"},
      {"window reversed", Input(R"({"id": 13, "location_index": 1, "time_windows": [[200, 100]]})"),
       "jobs[id=13].time_windows"},
      {"location outside matrix", Input(R"({"id": 14, "location_index": 3})"), "jobs[id=14].location_index"},
      {"wrong amount size", Input(R"({"id": 15, "location_index": 1, "delivery": [1, 2]})"), "jobs[id=15].delivery"},
      {"priority", Input(R"({"id": 16, "location_index": 1, "priority": 101})"), "jobs[id=16].priority"},
      {"vehicle window", Input(R"({"id": 1, "location_index": 1})", R"(, "time_window": [9, 3])"),
       "vehicles[id=7].time_window"},
      {"matrix size", R"({"vehicles": [{"id": 1, "start_index": 0}], "jobs": [{"id": 1, "location_index": 1}],
          "matrices": {"car": {"durations": [[0, 1], [1]]}}})",
       "matrices.car.durations"},
      {"negative travel time", R"({"vehicles": [{"id": 1, "start_index": 0}], "jobs": [{"id": 1, "location_index": 1}],
          "matrices": {"car": {"durations": [[0, -1], [1, 0]]}}})",
       "matrices.car.durations"},
      {"no vehicle", R"({"jobs": []})", "vehicles"},
      {"not json", "{nope", ""},
  };
  for (const BadCase& c : cases) {
    auto parsed = ParseVroomInput(c.input);
    ASSERT_FALSE(parsed) << c.name;
    EXPECT_EQ(parsed.error().code, core::ErrorCode::kInvalidInput) << c.name;
    EXPECT_NE(parsed.error().field.find(c.field), std::string::npos) << c.name << ": " << parsed.error().field;
    EXPECT_FALSE(parsed.error().args.at("detail").empty()) << c.name;
  }
}

TEST(VroomInputTest, TenThousandJobsAreRefusedQuickly) {
  std::string jobs;
  for (int i = 0; i < 10000; ++i)
    jobs += (i ? "," : "") + std::string(R"({"id": )") + std::to_string(i) + R"(, "location_index": 1})";
  auto parsed = ParseVroomInput(Input(jobs));
  ASSERT_FALSE(parsed);
  EXPECT_NE(parsed.error().args.at("detail").find("too many"), std::string::npos);
}

TEST(VroomInputTest, OsrmProviderIsUsedWhenAUrlIsGiven) {
  InputOptions options;
  std::string seen_url;
  options.make_table_provider = [&](const std::string& url) -> TableProvider {
    seen_url = url;
    return [](const std::string&, const std::vector<solver::Coordinates>& points) -> core::Result<solver::Profile> {
      solver::Profile prof;
      prof.durations = solver::Matrix(static_cast<int>(points.size()));
      prof.durations.Set(0, 1, 42);
      return prof;
    };
  };
  auto parsed = ParseVroomInput(R"({"vehicles": [{"id": 1, "start": [2.0, 50.0]}],
      "jobs": [{"id": 1, "location": [2.01, 50.0]}], "options": {"osrm_url": "http://osrm.local:5000"}})",
                                options);
  ASSERT_TRUE(parsed) << parsed.error().args["detail"];
  EXPECT_EQ(seen_url, "http://osrm.local:5000");
  EXPECT_EQ(parsed->problem.profiles[0].durations.At(0, 1), 42);
}

}  // namespace
}  // namespace lien::rounds::solver_json
