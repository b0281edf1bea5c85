#pragma once
// `lien solve`: reads a VROOM-format JSON file, solves it, writes the solution JSON. The integrator's CLI11
// subcommand calls RunSolveCommand with the parsed flags.

#include <cstdint>
#include <iosfwd>
#include <string>

namespace lien::rounds::solver_json {

struct SolveCommandOptions {
  std::string input_path;         ///< "-" reads standard input.
  std::string output_path = "-";  ///< "-" writes standard output.
  double time_limit_s = 10.0;     ///< Hard limit on the search (reading and writing come on top).
  std::uint64_t seed = 1;
  int threads = 1;
  /// Iterations per thread; > 0 makes the run reproducible whatever the machine (the time limit still
  /// applies). 0: as many as the time limit allows.
  std::int64_t iterations = 0;
  std::string osrm_url;  ///< Routing server when the input has coordinates and names none.
};

/// Runs the command; on bad input prints one line "lien solve: <field>: <what>" on `err` and returns 2; 1 on
/// an internal failure; 3 when the routing server cannot be reached; 0 on success.
int RunSolveCommand(const SolveCommandOptions& options, std::ostream& out, std::ostream& err);

/// The simple signature: stdout/stderr streams, no iteration budget.
int RunSolveCommand(const std::string& input_path, const std::string& output_path, double time_limit_s,
                    std::uint64_t seed, int threads);

}  // namespace lien::rounds::solver_json
