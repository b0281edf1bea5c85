#include "rounds/solver_json/vroom_output.hpp"

namespace lien::rounds::solver_json {

namespace {

using nlohmann::json;

json AmountJson(const solver::Amount& a, int dims) {
  json out = json::array();
  for (int d = 0; d < dims; ++d) out.push_back(a.v[static_cast<std::size_t>(d)]);
  return out;
}

json LocationJson(const ParsedInput& input, int location) {
  if (location < 0 || static_cast<std::size_t>(location) >= input.location_coords.size()) return json();
  return input.location_coords[static_cast<std::size_t>(location)];
}

}  // namespace

json WriteVroomSolution(const ParsedInput& input, const solver::Solution& solution) {
  const solver::Problem& p = input.problem;
  const int dims = p.dimensions;
  json routes = json::array();
  solver::Amount total_delivery;
  solver::Amount total_pickup;
  solver::Duration total_service = 0;
  solver::Duration total_waiting = 0;
  std::int64_t total_priority = 0;
  for (const solver::RouteReport& r : solution.routes) {
    const solver::Vehicle& veh = p.vehicles[static_cast<std::size_t>(r.vehicle)];
    const solver::Profile& prof = p.profiles[static_cast<std::size_t>(veh.profile)];
    json steps = json::array();
    solver::Amount load = r.start_load;
    solver::Amount route_delivery;
    solver::Amount route_pickup;
    std::int64_t route_priority = 0;
    int here = veh.start >= 0 ? veh.start : -1;
    solver::Duration travelled = 0;
    solver::Distance distance = 0;
    auto advance = [&](int to) {
      if (here >= 0 && to >= 0) {
        travelled += prof.durations.At(here, to);
        if (!prof.distances.Empty()) distance += prof.distances.At(here, to);
      }
      if (to >= 0) here = to;
    };
    json start = {{"type", "start"},  {"arrival", r.departure},         {"duration", 0},
                  {"distance", 0},    {"load", AmountJson(load, dims)}, {"service", 0},
                  {"waiting_time", 0}};
    if (veh.start >= 0) {
      start["location_index"] = veh.start;
      if (!LocationJson(input, veh.start).is_null()) start["location"] = LocationJson(input, veh.start);
      steps.push_back(start);
    }
    for (const solver::StepReport& st : r.steps) {
      const solver::Stop& stop = p.stops[static_cast<std::size_t>(st.stop)];
      const StopInfo& info = input.stops[static_cast<std::size_t>(st.stop)];
      advance(stop.location);
      if (here == stop.location && veh.start < 0 && steps.empty()) {
        // No start place: the route starts at its first stop.
      }
      json s = {{"type", info.type},
                {"id", info.id},
                {"location_index", stop.location},
                {"arrival", st.arrival},
                {"waiting_time", st.waiting},
                {"service", stop.service},
                {"duration", travelled},
                {"distance", distance},
                {"load", AmountJson(st.load, dims)}};
      if (!info.location.is_null()) s["location"] = info.location;
      if (!info.description.empty()) s["description"] = info.description;
      steps.push_back(s);
      route_delivery += stop.start_load;
      if (!stop.is_delivery && !stop.is_pickup) route_pickup += stop.load_delta;
      if (stop.is_pickup) route_pickup += stop.load_delta;
      if (!stop.is_delivery) route_priority += p.jobs[static_cast<std::size_t>(stop.job)].priority;
    }
    if (veh.end >= 0) {
      advance(veh.end);
      json end = {{"type", "end"},        {"location_index", veh.end},
                  {"arrival", r.arrival}, {"duration", travelled},
                  {"distance", distance}, {"load", AmountJson(r.steps.empty() ? load : r.steps.back().load, dims)},
                  {"service", 0},         {"waiting_time", 0}};
      if (!LocationJson(input, veh.end).is_null()) end["location"] = LocationJson(input, veh.end);
      steps.push_back(end);
    }
    json route = {{"vehicle", input.vehicle_ids[static_cast<std::size_t>(r.vehicle)]},
                  {"cost", r.cost},
                  {"duration", r.travel},
                  {"distance", r.distance},
                  {"service", r.service},
                  {"waiting_time", r.waiting},
                  {"priority", route_priority},
                  {"delivery", AmountJson(route_delivery, dims)},
                  {"pickup", AmountJson(route_pickup, dims)},
                  {"steps", steps}};
    if (!input.vehicle_descriptions[static_cast<std::size_t>(r.vehicle)].empty()) {
      route["description"] = input.vehicle_descriptions[static_cast<std::size_t>(r.vehicle)];
    }
    routes.push_back(route);
    total_delivery += route_delivery;
    total_pickup += route_pickup;
    total_service += r.service;
    total_waiting += r.waiting;
    total_priority += route_priority;
  }
  json unassigned = json::array();
  for (const solver::UnassignedJob& u : solution.unassigned) {
    for (int s : p.jobs[static_cast<std::size_t>(u.job)].stops) {
      const StopInfo& info = input.stops[static_cast<std::size_t>(s)];
      json item = {{"id", info.id}, {"type", info.type}, {"reason", u.reason}};
      if (!info.location.is_null()) item["location"] = info.location;
      if (info.location_index >= 0) item["location_index"] = info.location_index;
      if (!info.description.empty()) item["description"] = info.description;
      unassigned.push_back(item);
    }
  }
  json summary = {{"cost", solution.cost},
                  {"routes", solution.routes.size()},
                  {"unassigned", solution.unassigned.size()},
                  {"delivery", AmountJson(total_delivery, dims)},
                  {"pickup", AmountJson(total_pickup, dims)},
                  {"service", total_service},
                  {"duration", solution.travel},
                  {"waiting_time", total_waiting},
                  {"priority", total_priority},
                  {"distance", solution.distance},
                  {"violations", json::array()},
                  {"iterations", solution.iterations}};
  return {{"code", 0}, {"summary", summary}, {"unassigned", unassigned}, {"routes", routes}};
}

json WriteVroomError(int code, const std::string& message) { return {{"code", code}, {"error", message}}; }

}  // namespace lien::rounds::solver_json
