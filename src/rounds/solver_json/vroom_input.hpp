#pragma once
// Reads a routing problem in VROOM's input format (jobs, shipments, vehicles, matrices; see docs/solver.md
// for the fields and Lien's few extensions) into the solver's Problem, building travel matrices from the
// input's matrices, from an OSRM table service, or from coordinates (great circle × detour at a speed).

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "rounds/solver/problem.hpp"
#include "rounds/solver/travel_matrix.hpp"

namespace lien::rounds::solver_json {

/// Fetches matrices for `points` from a routing server for `profile`; injected so tests need no network.
using TableProvider = std::function<core::Result<solver::Profile>(const std::string& profile,
                                                                  const std::vector<solver::Coordinates>& points)>;

struct InputOptions {
  /// Builds the provider for the input's "options.osrm_url" (or `osrm_url` below); empty: libcurl OSRM client.
  std::function<TableProvider(const std::string& url)> make_table_provider;
  std::string osrm_url;                ///< Used when the input names none; empty: coordinates only.
  solver::HaversineOptions haversine;  ///< Default speed and detour (the input's options may override).
};

/// What the output needs to name things the caller's way.
struct StopInfo {
  nlohmann::json id;  ///< The job's or shipment's id as given.
  std::string type;   ///< "job", "pickup" or "delivery".
  std::string description;
  nlohmann::json location;  ///< [lon, lat] when given, else null.
  int location_index = -1;  ///< When given.
};

struct ParsedInput {
  solver::Problem problem;
  std::vector<StopInfo> stops;              ///< By solver stop index.
  std::vector<nlohmann::json> vehicle_ids;  ///< By solver vehicle index.
  std::vector<std::string> vehicle_descriptions;
  std::vector<nlohmann::json> location_coords;  ///< By location index ([lon,lat] or null).
  std::string osrm_url;                         ///< options.osrm_url when given.
};

/// Parses `text`. Errors are kInvalidInput with `field` naming the job or vehicle and the field
/// ("jobs[id=12].time_windows") and args["detail"] an English sentence.
core::Result<ParsedInput> ParseVroomInput(const std::string& text, const InputOptions& options = {});

}  // namespace lien::rounds::solver_json
