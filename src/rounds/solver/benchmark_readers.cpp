#include "rounds/solver/benchmark_readers.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

namespace lien::rounds::solver {

namespace {

core::Error ParseError(const std::string& what) { return InvalidInput("file", what); }

void BuildEuclideanMatrix(BenchmarkInstance& inst, double scale) {
  const int n = static_cast<int>(inst.coords.size());
  Profile profile;
  profile.durations = Matrix(n);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) {
      const double d = ConventionalDistance(inst.coords[static_cast<std::size_t>(i)],
                                            inst.coords[static_cast<std::size_t>(j)], inst.convention);
      profile.durations.Set(i, j, static_cast<std::int64_t>(std::llround(d * scale)));
    }
  }
  profile.distances = profile.durations;
  inst.problem.profiles = {std::move(profile)};
}

}  // namespace

std::optional<DistanceConvention> ParseDistanceConvention(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto has = [&lower](const char* word) { return lower.find(word) != std::string::npos; };
  if (has("truncat")) {
    if (has("1 decimal") || has("one decimal")) return DistanceConvention::kTruncatedTenth;
    return std::nullopt;  // Truncated to something else: not a convention the readers implement.
  }
  if (has("nearest integer") || has("nint")) return DistanceConvention::kNearestInteger;
  if (has("double precision")) return DistanceConvention::kDouble;
  return std::nullopt;
}

const char* ConventionLabel(DistanceConvention convention) {
  switch (convention) {
    case DistanceConvention::kDouble:
      return "double";
    case DistanceConvention::kTruncatedTenth:
      return "trunc1";
    case DistanceConvention::kNearestInteger:
      return "nint";
  }
  return "?";
}

double ConventionalDistance(std::pair<double, double> a, std::pair<double, double> b, DistanceConvention convention) {
  const double dx = a.first - b.first;
  const double dy = a.second - b.second;
  switch (convention) {
    case DistanceConvention::kDouble:
      return std::hypot(dx, dy);
    case DistanceConvention::kNearestInteger:
      return std::floor(std::hypot(dx, dy) + 0.5);
    case DistanceConvention::kTruncatedTenth: {
      // floor(10 d) = floor(sqrt(100 d²)), corrected by one step where the square root lands a rounding
      // error below an integer (10 d is an integer for 3-4-5 triangles; a truncation must not lose it).
      const double square = 100.0 * (dx * dx + dy * dy);
      double tenths = std::floor(std::sqrt(square));
      if ((tenths + 1) * (tenths + 1) <= square) {
        tenths += 1;
      } else if (tenths * tenths > square) {
        tenths -= 1;
      }
      return tenths / 10.0;
    }
  }
  return std::hypot(dx, dy);
}

core::Result<std::string> ReadTextFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Fail(InvalidInput("path", "cannot open " + path));
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

core::Result<BenchmarkInstance> ReadSolomon(const std::string& text, DistanceConvention convention, double scale) {
  BenchmarkInstance inst;
  inst.convention = convention;
  std::istringstream in(text);
  std::string line;
  std::getline(in, inst.name);
  while (!inst.name.empty() && std::isspace(static_cast<unsigned char>(inst.name.back()))) inst.name.pop_back();
  int vehicles = 0;
  std::int64_t capacity = 0;
  bool have_vehicles = false;
  struct Row {
    double x, y, demand, ready, due, service;
  };
  std::vector<Row> rows;
  while (std::getline(in, line)) {
    std::istringstream ls(line);
    if (!have_vehicles) {
      if (ls >> vehicles >> capacity) have_vehicles = true;
      continue;
    }
    double id = 0;
    Row r{};
    if (ls >> id >> r.x >> r.y >> r.demand >> r.ready >> r.due >> r.service) rows.push_back(r);
  }
  if (!have_vehicles || vehicles <= 0 || capacity <= 0)
    return core::Fail(ParseError("no VEHICLE NUMBER/CAPACITY line"));
  if (rows.size() < 2) return core::Fail(ParseError("no customers"));
  for (const Row& r : rows) inst.coords.emplace_back(r.x, r.y);
  BuildEuclideanMatrix(inst, scale);
  Problem& p = inst.problem;
  auto scaled = [scale](double v) { return static_cast<Duration>(std::llround(v * scale)); };
  for (std::size_t i = 1; i < rows.size(); ++i) {
    Stop stop;
    stop.location = static_cast<int>(i);
    stop.service = scaled(rows[i].service);
    stop.windows = {TimeWindow{scaled(rows[i].ready), scaled(rows[i].due)}};
    stop.start_load.v[0] = static_cast<std::int64_t>(rows[i].demand);
    Job job;
    job.id = std::to_string(i);
    job.stops = {static_cast<int>(p.stops.size())};
    p.stops.push_back(stop);
    p.jobs.push_back(job);
  }
  for (int v = 0; v < vehicles; ++v) {
    Vehicle veh;
    veh.id = std::to_string(v + 1);
    veh.start = 0;
    veh.end = 0;
    veh.shift = TimeWindow{scaled(rows[0].ready), scaled(rows[0].due)};
    veh.capacity.v[0] = capacity;
    p.vehicles.push_back(veh);
  }
  return inst;
}

core::Result<BenchmarkInstance> ReadCvrplib(const std::string& text, int vehicles) {
  BenchmarkInstance inst;
  inst.convention = DistanceConvention::kNearestInteger;
  std::istringstream in(text);
  std::string line;
  std::string section;
  int dimension = 0;
  std::int64_t capacity = 0;
  std::map<int, std::pair<double, double>> coords;
  std::map<int, std::int64_t> demands;
  int depot = 1;
  while (std::getline(in, line)) {
    const auto colon = line.find(':');
    std::istringstream ls(line);
    std::string first;
    if (!(ls >> first)) continue;
    if (colon != std::string::npos && section.empty()) {
      std::string key = line.substr(0, colon);
      std::string value = line.substr(colon + 1);
      key.erase(key.find_last_not_of(" \t") + 1);
      std::istringstream vs(value);
      if (key == "NAME") vs >> inst.name;
      if (key == "DIMENSION") vs >> dimension;
      if (key == "CAPACITY") vs >> capacity;
      if (key == "EDGE_WEIGHT_TYPE") {
        std::string type;
        vs >> type;
        if (type != "EUC_2D") return core::Fail(ParseError("only EUC_2D is supported, not " + type));
      }
      continue;
    }
    if (first == "NODE_COORD_SECTION" || first == "DEMAND_SECTION" || first == "DEPOT_SECTION") {
      section = first;
      continue;
    }
    if (first == "EOF") break;
    std::istringstream row(line);
    if (section == "NODE_COORD_SECTION") {
      int id = 0;
      double x = 0;
      double y = 0;
      if (row >> id >> x >> y) coords[id] = {x, y};
    } else if (section == "DEMAND_SECTION") {
      int id = 0;
      std::int64_t d = 0;
      if (row >> id >> d) demands[id] = d;
    } else if (section == "DEPOT_SECTION") {
      int id = 0;
      if (row >> id && id > 0) depot = id;
    }
  }
  if (dimension < 2 || static_cast<int>(coords.size()) != dimension) {
    return core::Fail(ParseError("DIMENSION does not match NODE_COORD_SECTION"));
  }
  if (capacity <= 0) return core::Fail(ParseError("missing CAPACITY"));
  // Location 0 is the depot, then the customers in file order.
  inst.coords.push_back(coords[depot]);
  std::vector<int> ids;
  for (const auto& [id, xy] : coords) {
    if (id != depot) {
      ids.push_back(id);
      inst.coords.push_back(xy);
    }
  }
  BuildEuclideanMatrix(inst, 1.0);
  Problem& p = inst.problem;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    Stop stop;
    stop.location = static_cast<int>(i + 1);
    stop.start_load.v[0] = demands[ids[i]];
    Job job;
    job.id = std::to_string(ids[i]);
    job.stops = {static_cast<int>(p.stops.size())};
    p.stops.push_back(stop);
    p.jobs.push_back(job);
  }
  const int fleet = vehicles > 0 ? vehicles : static_cast<int>(ids.size());
  for (int v = 0; v < fleet; ++v) {
    Vehicle veh;
    veh.id = std::to_string(v + 1);
    veh.start = 0;
    veh.end = 0;
    veh.capacity.v[0] = capacity;
    p.vehicles.push_back(veh);
  }
  return inst;
}

double EuclideanCost(const BenchmarkInstance& instance, const Solution& solution) {
  double total = 0;
  for (const RouteReport& route : solution.routes) {
    int here = 0;
    auto add = [&](int to) {
      total += ConventionalDistance(instance.coords[static_cast<std::size_t>(here)],
                                    instance.coords[static_cast<std::size_t>(to)], instance.convention);
      here = to;
    };
    for (const StepReport& step : route.steps)
      add(instance.problem.stops[static_cast<std::size_t>(step.stop)].location);
    add(0);
  }
  return total;
}

}  // namespace lien::rounds::solver
