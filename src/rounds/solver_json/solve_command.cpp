#include "rounds/solver_json/solve_command.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include "rounds/solver/solver.hpp"
#include "rounds/solver_json/vroom_input.hpp"
#include "rounds/solver_json/vroom_output.hpp"

namespace lien::rounds::solver_json {

namespace {

constexpr std::size_t kMaxInputBytes = std::size_t{256} * 1024 * 1024;

std::string Describe(const core::Error& e) {
  const auto it = e.args.find("detail");
  std::string detail = it != e.args.end() ? it->second : e.message_key;
  return detail;
}

}  // namespace

int RunSolveCommand(const SolveCommandOptions& options, std::ostream& out, std::ostream& err) {
  const auto started = std::chrono::steady_clock::now();
  std::string text;
  if (options.input_path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    text = buffer.str();
  } else {
    std::ifstream in(options.input_path, std::ios::binary);
    if (!in) {
      err << "lien solve: cannot read " << options.input_path << "\n";
      return 2;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
  }
  if (text.size() > kMaxInputBytes) {
    err << "lien solve: the input is larger than 256 MB\n";
    return 2;
  }
  if (!(options.time_limit_s > 0) || options.time_limit_s > 24 * 3600) {
    err << "lien solve: --time-limit must be between 0 and 86400 seconds\n";
    return 2;
  }
  InputOptions input_options;
  input_options.osrm_url = options.osrm_url;
  auto parsed = ParseVroomInput(text, input_options);
  if (!parsed) {
    err << "lien solve: " << Describe(parsed.error()) << "\n";
    return parsed.error().code == core::ErrorCode::kUnavailable ? 3 : 2;
  }
  solver::SolverOptions solver_options;
  // The limit covers the whole command: reading, matrices and preparation are taken from the search's share
  // (which keeps at least a tenth of it).
  const double used = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  solver_options.time_limit_s = std::max(options.time_limit_s * 0.1, options.time_limit_s - used);
  solver_options.seed = options.seed;
  solver_options.threads = options.threads;
  solver_options.max_iterations = options.iterations > 0 ? options.iterations : -1;
  auto solution = solver::Solve(parsed->problem, solver_options);
  if (!solution) {
    err << "lien solve: " << Describe(solution.error()) << "\n";
    return solution.error().code == core::ErrorCode::kInvalidInput ? 2 : 1;
  }
  const std::string body = WriteVroomSolution(*parsed, *solution).dump(2) + "\n";
  if (options.output_path == "-" || options.output_path.empty()) {
    out << body;
  } else {
    std::ofstream file(options.output_path, std::ios::binary | std::ios::trunc);
    if (!(file << body)) {
      err << "lien solve: cannot write " << options.output_path << "\n";
      return 1;
    }
  }
  return 0;
}

int RunSolveCommand(const std::string& input_path, const std::string& output_path, double time_limit_s,
                    std::uint64_t seed, int threads) {
  SolveCommandOptions options;
  options.input_path = input_path;
  options.output_path = output_path;
  options.time_limit_s = time_limit_s;
  options.seed = seed;
  options.threads = threads;
  return RunSolveCommand(options, std::cout, std::cerr);
}

}  // namespace lien::rounds::solver_json
