#pragma once
// Tables of best known values in the layout of data/vrp/bks.csv: which value, which objective (distance only,
// or fewest vehicles first), and in which rounding convention, so a benchmark compares a cost with a value
// computed the same way.

#include <string>
#include <vector>

#include "core/result.hpp"
#include "rounds/solver/benchmark_readers.hpp"

namespace lien::rounds::solver {

struct BestKnownValue {
  std::string instance;  ///< Upper case ("C101", "X-N101-K25").
  double value = 0;
  int vehicles = 0;            ///< 0 when the table does not say.
  bool distance_only = false;  ///< Else hierarchical: fewest vehicles first, then distance.
  DistanceConvention convention = DistanceConvention::kDouble;
  std::string source;  ///< The source cell, as written.
};

/// Parses such a table: '#' lines are comments, the first other line is the header and must name the columns
/// instance, bks, objective and cost_convention (vehicles_in_bks and source are read when present, other
/// columns ignored); cells may be quoted to hold commas. Errors name the line and the cell.
core::Result<std::vector<BestKnownValue>> ParseBestKnownTable(const std::string& text);

}  // namespace lien::rounds::solver
