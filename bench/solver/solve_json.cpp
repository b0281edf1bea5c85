// Runs the `lien solve` code path without the main binary (for benchmarks and manual checks):
//   solve_json INPUT.json [--output OUT.json] [--time-limit S] [--seed N] [--threads N] [--iterations N]
//              [--osrm-url URL]
#include <iostream>
#include <string>

#include "rounds/solver_json/solve_command.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: solve_json INPUT.json [--output OUT] [--time-limit S] [--seed N] [--threads N] "
                 "[--iterations N] [--osrm-url URL]\n";
    return 2;
  }
  lien::rounds::solver_json::SolveCommandOptions options;
  options.input_path = argv[1];
  try {
    for (int i = 2; i + 1 < argc; i += 2) {
      const std::string flag = argv[i];
      const std::string value = argv[i + 1];
      if (flag == "--output")
        options.output_path = value;
      else if (flag == "--time-limit")
        options.time_limit_s = std::stod(value);
      else if (flag == "--seed")
        options.seed = std::stoull(value);
      else if (flag == "--threads")
        options.threads = std::stoi(value);
      else if (flag == "--iterations")
        options.iterations = std::stoll(value);
      else if (flag == "--osrm-url")
        options.osrm_url = value;
      else {
        std::cerr << "solve_json: unknown flag " << flag << "\n";
        return 2;
      }
    }
  } catch (const std::exception&) {
    std::cerr << "solve_json: bad flag value\n";
    return 2;
  }
  return lien::rounds::solver_json::RunSolveCommand(options, std::cout, std::cerr);
}
