#pragma once
// Readers for the benchmark formats: Solomon/Homberger VRPTW text files and CVRPLIB `.vrp` (EUC_2D) files,
// following the rounding conventions of data/vrp/bks.csv:
// - Solomon/Homberger: double-precision Euclidean distances; the solver works on integers, so distances,
//   times and windows are multiplied by `scale` (default 1000) and rounded to the nearest integer; travel
//   time equals distance. Report costs with EuclideanCost() (double precision, unscaled).
// - CVRPLIB: EUC_2D distances rounded to the nearest integer (TSPLIB nint), as in the BKS values.

#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "rounds/solver/evaluation.hpp"
#include "rounds/solver/problem.hpp"

namespace lien::rounds::solver {

struct BenchmarkInstance {
  std::string name;
  Problem problem;                                ///< Not prepared yet.
  std::vector<std::pair<double, double>> coords;  ///< Per location (0 is the depot).
  bool rounded_to_integer = false;                ///< CVRPLIB nint convention.
};

/// Parses a Solomon or Homberger file's text. Errors name the line.
core::Result<BenchmarkInstance> ReadSolomon(const std::string& text, double scale = 1000.0);
/// Parses a CVRPLIB file's text (EUC_2D only). `vehicles` <= 0 means one per customer (an unbounded fleet).
core::Result<BenchmarkInstance> ReadCvrplib(const std::string& text, int vehicles = 0);
/// Reads a whole file; an error names the path.
core::Result<std::string> ReadTextFile(const std::string& path);

/// Total travel length of a solution with the instance's convention (double for Solomon, nint for CVRPLIB).
double EuclideanCost(const BenchmarkInstance& instance, const Solution& solution);

}  // namespace lien::rounds::solver
