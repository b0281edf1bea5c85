#include "rounds/solver_json/solve_command.hpp"

#include <iostream>
#include <memory>

#include "app/commands.hpp"

namespace lien::app {

void AddSolveCommand(CLI::App& app, CommandRunner& run) {
  auto* command = app.add_subcommand("solve", "Plan delivery rounds for a VROOM-format JSON problem (no server)");
  auto options = std::make_shared<rounds::solver_json::SolveCommandOptions>();
  command->add_option("input", options->input_path, "Problem file (VROOM input format); - reads stdin")->required();
  command->add_option("-o,--output", options->output_path, "Solution file; - writes stdout")->capture_default_str();
  command->add_option("--time-limit", options->time_limit_s, "Seconds of search at most")
      ->envname("LIEN_SOLVE_TIME_LIMIT")
      ->check(CLI::Range(0.0, 86400.0))
      ->capture_default_str();
  command->add_option("--seed", options->seed, "Random seed: same input and seed, same solution")
      ->envname("LIEN_SOLVE_SEED")
      ->capture_default_str();
  command->add_option("--threads", options->threads, "Search threads")
      ->envname("LIEN_SOLVE_THREADS")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  command
      ->add_option("--iterations", options->iterations,
                   "Iterations per thread (reproducible on any machine); 0: as many as the time allows")
      ->check(CLI::NonNegativeNumber);
  command->add_option("--osrm-url", options->osrm_url, "OSRM server for travel times from coordinates")
      ->envname("LIEN_OSRM_URL");
  command->callback([&run, options] {
    run = [options] { return rounds::solver_json::RunSolveCommand(*options, std::cout, std::cerr); };
  });
}

}  // namespace lien::app
