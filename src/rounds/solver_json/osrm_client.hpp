#pragma once
// Travel matrices from an OSRM server's table service (GET /table/v1/{profile}/{lon,lat;...}), over libcurl.
// The HTTP call is injectable so the parsing is tested without a network.

#include <functional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "rounds/solver/problem.hpp"
#include "rounds/solver/travel_matrix.hpp"

namespace lien::rounds::solver_json {

/// Performs a GET and returns the body; errors are kUnavailable with the URL in args["detail"].
using HttpGet = std::function<core::Result<std::string>(const std::string& url)>;

/// A libcurl GET with a timeout (seconds); follows no redirects to other hosts.
HttpGet CurlHttpGet(long timeout_s = 30);

/// The table request URL for `points` ("http://host:5000" + "/table/v1/car/2.3,48.8;...").
std::string OsrmTableUrl(const std::string& base_url, const std::string& profile,
                         const std::vector<solver::Coordinates>& points);

/// Parses an OSRM table response into durations (seconds, rounded) and distances (metres, rounded).
/// Unreachable pairs (null) become a very large value so the solver avoids them.
core::Result<solver::Profile> ParseOsrmTable(const std::string& body, std::size_t size);

/// Fetches and parses the table for `points`.
core::Result<solver::Profile> FetchOsrmTable(const std::string& base_url, const std::string& profile,
                                             const std::vector<solver::Coordinates>& points, const HttpGet& get);

/// A TableProvider bound to `base_url` and libcurl.
std::function<core::Result<solver::Profile>(const std::string&, const std::vector<solver::Coordinates>&)>
MakeOsrmTableProvider(const std::string& base_url, HttpGet get = CurlHttpGet());

}  // namespace lien::rounds::solver_json
