// Golden tests of `lien solve`: small inputs give the expected routes (testdata/golden/*.expected.json, made
// with a fixed seed and iteration budget, then checked by hand), and bad input gives one clear error line.
// To refresh after a deliberate change: LIEN_UPDATE_GOLDEN=1 ./solver_json_test, then review the diff.

#include "rounds/solver_json/solve_command.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace lien::rounds::solver_json {
namespace {

std::string Dir() { return std::string(LIEN_SOLVER_TESTDATA) + "/golden/"; }

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

nlohmann::json Solve(const std::string& name, int* code) {
  SolveCommandOptions options;
  options.input_path = Dir() + name + ".json";
  options.time_limit_s = 20;
  options.iterations = 300;
  options.seed = 1;
  std::ostringstream out;
  std::ostringstream err;
  *code = RunSolveCommand(options, out, err);
  EXPECT_EQ(err.str(), "");
  auto result = nlohmann::json::parse(out.str());
  result["summary"].erase("iterations");
  return result;
}

class GoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, GivesTheExpectedRoutes) {
  int code = -1;
  const nlohmann::json got = Solve(GetParam(), &code);
  ASSERT_EQ(code, 0);
  const std::string expected_path = Dir() + GetParam() + ".expected.json";
  if (std::getenv("LIEN_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(expected_path) << got.dump(2) << "\n";
  }
  const nlohmann::json expected = nlohmann::json::parse(Slurp(expected_path));
  EXPECT_EQ(got, expected) << got.dump(2);
}

INSTANTIATE_TEST_SUITE_P(SolveCommand, GoldenTest, ::testing::Values("delivery_round", "shuttle", "pins"));

TEST(SolveCommandTest, BadInputPrintsOneLineNamingTheJobAndField) {
  const std::string path = ::testing::TempDir() + "/bad_input.json";
  std::ofstream(path) << R"({"vehicles": [{"id": 1, "start_index": 0, "capacity": [2]}],
    "jobs": [{"id": 31, "location_index": 0, "delivery": [-1]}], "matrices": {"car": {"durations": [[0]]}}})";
  SolveCommandOptions options;
  options.input_path = path;
  std::ostringstream out;
  std::ostringstream err;
  EXPECT_EQ(RunSolveCommand(options, out, err), 2);
  EXPECT_EQ(out.str(), "");
  EXPECT_EQ(err.str(), "lien solve: jobs[id=31].delivery: negative amount\n");
}

TEST(SolveCommandTest, MissingFileAndBadTimeLimitAreErrors) {
  SolveCommandOptions options;
  options.input_path = "/nonexistent/input.json";
  std::ostringstream out;
  std::ostringstream err;
  EXPECT_EQ(RunSolveCommand(options, out, err), 2);
  EXPECT_NE(err.str().find("cannot read"), std::string::npos);
  options.input_path = Dir() + "pins.json";
  options.time_limit_s = -1;
  EXPECT_EQ(RunSolveCommand(options, out, err), 2);
}

}  // namespace
}  // namespace lien::rounds::solver_json
