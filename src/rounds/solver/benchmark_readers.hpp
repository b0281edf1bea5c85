#pragma once
// Readers for the benchmark formats: Solomon/Homberger VRPTW text files and CVRPLIB `.vrp` (EUC_2D) files,
// following the rounding conventions of data/vrp/bks.csv (its cost_convention column):
// - Solomon/Homberger, double precision (the heuristic literature's BKS): Euclidean distances; the solver
//   works on integers, so distances, times and windows are multiplied by `scale` (default 1000) and rounded
//   to the nearest integer; travel time equals distance.
// - Solomon/Homberger, truncated to one decimal (the exact literature's optima, DIMACS 2021): each distance
//   is floor(10 d) / 10 before anything else, travel time equals that distance; then scaled as above (exact,
//   since scale is a multiple of 10).
// - CVRPLIB: EUC_2D distances rounded to the nearest integer (TSPLIB nint), as in the BKS values.
// Report costs with EuclideanCost() (in the instance's convention, unscaled).

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "rounds/solver/evaluation.hpp"
#include "rounds/solver/problem.hpp"

namespace lien::rounds::solver {

/// How a benchmark's distances are rounded: a best known value is only comparable with a cost computed in
/// the convention it was found with.
enum class DistanceConvention {
  kDouble,          ///< Double-precision Euclidean (reported to 2 decimals).
  kTruncatedTenth,  ///< Euclidean truncated to one decimal: floor(10 d) / 10.
  kNearestInteger,  ///< Euclidean rounded to the nearest integer (TSPLIB nint).
};

/// The convention named by a cost_convention cell of bks.csv ("double precision Euclidean, 2 decimals",
/// "distance truncated to 1 decimal (DIMACS)", "EUC_2D rounded to nearest integer (CVRPLIB)"); nullopt
/// when the text names none of them.
std::optional<DistanceConvention> ParseDistanceConvention(std::string_view text);
/// A short label for tables: "double", "trunc1", "nint".
const char* ConventionLabel(DistanceConvention convention);

/// One distance in `convention` (before scaling).
double ConventionalDistance(std::pair<double, double> a, std::pair<double, double> b, DistanceConvention convention);

struct BenchmarkInstance {
  std::string name;
  Problem problem;                                ///< Not prepared yet.
  std::vector<std::pair<double, double>> coords;  ///< Per location (0 is the depot).
  DistanceConvention convention = DistanceConvention::kDouble;
};

/// Parses a Solomon or Homberger file's text, with distances (and travel times) in `convention`. Errors name
/// what is missing.
core::Result<BenchmarkInstance> ReadSolomon(const std::string& text,
                                            DistanceConvention convention = DistanceConvention::kDouble,
                                            double scale = 1000.0);
/// Parses a CVRPLIB file's text (EUC_2D only). `vehicles` <= 0 means one per customer (an unbounded fleet).
core::Result<BenchmarkInstance> ReadCvrplib(const std::string& text, int vehicles = 0);
/// Reads a whole file; an error names the path.
core::Result<std::string> ReadTextFile(const std::string& path);

/// Total travel length of a solution in the instance's convention.
double EuclideanCost(const BenchmarkInstance& instance, const Solution& solution);

}  // namespace lien::rounds::solver
