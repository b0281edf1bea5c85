#pragma once
// The body of the JSON reader's fuzz target, shared by the libFuzzer entry point (vroom_input_fuzz.cpp, built
// with clang under LIEN_FUZZ) and by a GoogleTest that replays a corpus of nasty inputs in every build.

#include <cstddef>
#include <cstdint>
#include <string>

#include "rounds/solver/solver.hpp"
#include "rounds/solver_json/vroom_input.hpp"
#include "rounds/solver_json/vroom_output.hpp"

namespace lien::rounds::solver_json {

/// Parses `data` as a VROOM input (never touching the network) and, when valid, solves it briefly and
/// renders the output. Must never crash, hang or throw.
inline int FuzzVroomInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  InputOptions options;
  options.make_table_provider = [](const std::string&) -> TableProvider {
    return [](const std::string&, const std::vector<solver::Coordinates>&) -> core::Result<solver::Profile> {
      return core::Fail(core::Error(core::ErrorCode::kUnavailable, "solver.routing_unavailable"));
    };
  };
  auto parsed = ParseVroomInput(text, options);
  if (!parsed) return 0;
  if (parsed->problem.jobs.size() > 200) return 0;  // Keep each run short.
  solver::SolverOptions solver_options;
  solver_options.time_limit_s = 0.2;
  solver_options.max_iterations = 20;
  auto solution = solver::Solve(parsed->problem, solver_options);
  if (solution) (void)WriteVroomSolution(*parsed, *solution).dump();
  return 0;
}

}  // namespace lien::rounds::solver_json
