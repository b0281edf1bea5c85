#include "rounds/solver_json/vroom_input.hpp"

#include <map>
#include <set>

#include "rounds/solver_json/osrm_client.hpp"

namespace lien::rounds::solver_json {

namespace {

using nlohmann::json;
using solver::Amount;
using solver::Duration;
using solver::InvalidInput;
using solver::TimeWindow;

core::Error Bad(const std::string& field, const std::string& what) { return InvalidInput(field, field + ": " + what); }

std::string IdText(const json& id) { return id.is_string() ? id.get<std::string>() : id.dump(); }

/// Reads an integer field in [lo, hi]; absent → `fallback`.
core::Result<std::int64_t> Int(const json& obj, const char* key, const std::string& field, std::int64_t fallback,
                               std::int64_t lo = 0, std::int64_t hi = solver::Matrix::kMaxValue) {
  if (!obj.contains(key) || obj[key].is_null()) return fallback;
  const json& v = obj[key];
  if (!v.is_number_integer() &&
      !(v.is_number_float() && v.get<double>() == static_cast<double>(static_cast<std::int64_t>(v.get<double>())))) {
    return core::Fail(Bad(field + "." + key, "an integer is expected"));
  }
  const std::int64_t x =
      v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(hi)
          ? hi + 1
          : (v.is_number_float() ? static_cast<std::int64_t>(v.get<double>()) : v.get<std::int64_t>());
  if (x < lo) return core::Fail(Bad(field + "." + key, "must not be below " + std::to_string(lo)));
  if (x > hi) return core::Fail(Bad(field + "." + key, "too large (at most " + std::to_string(hi) + ")"));
  return x;
}

core::Result<Amount> ReadAmount(const json& obj, const char* key, const std::string& field, int dims) {
  Amount a;
  if (!obj.contains(key) || obj[key].is_null()) return a;
  const json& v = obj[key];
  if (!v.is_array()) return core::Fail(Bad(field + "." + key, "an array of integers is expected"));
  if (static_cast<int>(v.size()) != dims) {
    return core::Fail(Bad(field + "." + key, "has " + std::to_string(v.size()) + " values but vehicles have " +
                                                 std::to_string(dims) + " capacity dimensions"));
  }
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (!v[i].is_number_integer()) return core::Fail(Bad(field + "." + key, "an array of integers is expected"));
    const std::int64_t x = v[i].is_number_unsigned() && v[i].get<std::uint64_t>() > 1'000'000'000'000ULL
                               ? 1'000'000'000'001LL
                               : v[i].get<std::int64_t>();
    if (x < 0) return core::Fail(Bad(field + "." + key, "negative amount"));
    if (x > 1'000'000'000'000LL) return core::Fail(Bad(field + "." + key, "amount too large"));
    a.v[i] = x;
  }
  return a;
}

core::Result<std::vector<TimeWindow>> ReadWindows(const json& obj, const std::string& field) {
  std::vector<TimeWindow> out;
  if (!obj.contains("time_windows") || obj["time_windows"].is_null()) return std::vector<TimeWindow>{TimeWindow{}};
  const json& v = obj["time_windows"];
  if (!v.is_array() || v.empty()) return core::Fail(Bad(field + ".time_windows", "a non-empty array of [start, end]"));
  for (const json& w : v) {
    if (!w.is_array() || w.size() != 2 || !w[0].is_number_integer() || !w[1].is_number_integer()) {
      return core::Fail(Bad(field + ".time_windows", "each window is [start, end] in integer seconds"));
    }
    if (w[0].is_number_unsigned() && w[0].get<std::uint64_t>() > static_cast<std::uint64_t>(solver::kNoLimit)) {
      return core::Fail(Bad(field + ".time_windows", "time too large"));
    }
    if (w[1].is_number_unsigned() && w[1].get<std::uint64_t>() > static_cast<std::uint64_t>(solver::kNoLimit)) {
      return core::Fail(Bad(field + ".time_windows", "time too large"));
    }
    const TimeWindow tw{w[0].get<std::int64_t>(), w[1].get<std::int64_t>()};
    if (tw.start < 0) return core::Fail(Bad(field + ".time_windows", "negative time"));
    if (tw.end < tw.start) {
      return core::Fail(Bad(field + ".time_windows", "a window ends (" + std::to_string(tw.end) +
                                                         ") before it starts (" + std::to_string(tw.start) + ")"));
    }
    out.push_back(tw);
  }
  return out;
}

core::Result<std::vector<std::string>> ReadSkills(const json& obj, const std::string& field) {
  std::vector<std::string> out;
  if (!obj.contains("skills") || obj["skills"].is_null()) return out;
  if (!obj["skills"].is_array()) return core::Fail(Bad(field + ".skills", "an array is expected"));
  for (const json& s : obj["skills"]) {
    if (s.is_number_integer()) {
      out.push_back(s.dump());
    } else if (s.is_string()) {
      out.push_back(s.get<std::string>());
    } else {
      return core::Fail(Bad(field + ".skills", "skills are integers or strings"));
    }
  }
  return out;
}

/// Locations: either indices into the given matrices, or coordinates deduplicated in order of appearance.
class Locations {
 public:
  bool has_index = false;
  bool has_coords = false;
  std::vector<solver::Coordinates> coords;
  std::map<std::pair<double, double>, int> by_coords;
  std::vector<json> given;

  core::Result<int> Read(const json& obj, const char* coord_key, const std::string& index_key, const std::string& field,
                         bool required) {
    const bool idx = obj.contains(index_key) && !obj[index_key].is_null();
    const bool crd = obj.contains(coord_key) && !obj[coord_key].is_null();
    if (idx) {
      auto i = Int(obj, index_key.c_str(), field, -1, 0, solver::kMaxLocations - 1);
      if (!i) return core::Fail(i.error());
      has_index = true;
      return static_cast<int>(*i);
    }
    if (crd) {
      const json& c = obj[coord_key];
      if (!c.is_array() || c.size() != 2 || !c[0].is_number() || !c[1].is_number()) {
        return core::Fail(Bad(field + "." + coord_key, "[longitude, latitude] is expected"));
      }
      const double lon = c[0].get<double>();
      const double lat = c[1].get<double>();
      if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
        return core::Fail(Bad(field + "." + coord_key, "longitude or latitude out of range"));
      }
      has_coords = true;
      auto [it, inserted] = by_coords.emplace(std::make_pair(lon, lat), static_cast<int>(coords.size()));
      if (inserted) {
        coords.push_back({lon, lat});
        given.push_back(c);
      }
      return it->second;
    }
    if (required) return core::Fail(Bad(field + "." + coord_key, "a location or a location index is needed"));
    return -1;
  }
};

}  // namespace

core::Result<ParsedInput> ParseVroomInput(const std::string& text, const InputOptions& options) {
  ParsedInput out;
  solver::Problem& p = out.problem;
  json root;
  try {
    root = json::parse(text, nullptr, true, false);
  } catch (const json::exception& e) {
    return core::Fail(InvalidInput("", std::string("the input is not valid JSON: ") + e.what()));
  }
  if (!root.is_object()) return core::Fail(InvalidInput("", "the input must be a JSON object"));
  try {
    const json empty = json::array();
    const json& jobs = root.contains("jobs") ? root["jobs"] : empty;
    const json& shipments = root.contains("shipments") ? root["shipments"] : empty;
    if (!root.contains("vehicles") || !root["vehicles"].is_array() || root["vehicles"].empty()) {
      return core::Fail(InvalidInput("vehicles", "vehicles: at least one vehicle is needed"));
    }
    const json& vehicles = root["vehicles"];
    if (!jobs.is_array()) return core::Fail(InvalidInput("jobs", "jobs: an array is expected"));
    if (!shipments.is_array()) return core::Fail(InvalidInput("shipments", "shipments: an array is expected"));
    if (jobs.size() + shipments.size() > static_cast<std::size_t>(solver::kMaxJobs)) {
      return core::Fail(
          InvalidInput("jobs", "too many jobs and shipments: " + std::to_string(jobs.size() + shipments.size()) +
                                   " (limit " + std::to_string(solver::kMaxJobs) + ")"));
    }
    if (vehicles.size() > static_cast<std::size_t>(solver::kMaxVehicles)) {
      return core::Fail(InvalidInput("vehicles", "too many vehicles: " + std::to_string(vehicles.size())));
    }
    const json opts = root.contains("options") && root["options"].is_object() ? root["options"] : json::object();
    if (opts.contains("minimize_vehicles"))
      p.minimize_vehicles = opts["minimize_vehicles"].is_boolean() && opts["minimize_vehicles"].get<bool>();
    if (opts.contains("osrm_url") && opts["osrm_url"].is_string()) out.osrm_url = opts["osrm_url"].get<std::string>();
    if (out.osrm_url.empty()) out.osrm_url = options.osrm_url;

    // Capacity dimensions come from the first vehicle; all amounts must agree.
    const json& v0 = vehicles[0];
    p.dimensions = v0.is_object() && v0.contains("capacity") && v0["capacity"].is_array()
                       ? static_cast<int>(v0["capacity"].size())
                       : 0;
    if (p.dimensions > solver::kMaxDimensions) {
      return core::Fail(InvalidInput("vehicles.capacity",
                                     "at most " + std::to_string(solver::kMaxDimensions) + " capacity dimensions"));
    }

    Locations locs;
    std::map<std::string, int> profile_index;
    std::map<std::string, int> vehicle_by_id;
    std::vector<std::string> profile_names;
    for (std::size_t v = 0; v < vehicles.size(); ++v) {
      const json& jv = vehicles[v];
      if (!jv.is_object() || !jv.contains("id"))
        return core::Fail(InvalidInput("vehicles", "vehicles[" + std::to_string(v) + "]: an object with an id"));
      const std::string field = "vehicles[id=" + IdText(jv["id"]) + "]";
      if (!vehicle_by_id.emplace(IdText(jv["id"]), static_cast<int>(v)).second)
        return core::Fail(Bad(field + ".id", "duplicate vehicle id"));
      solver::Vehicle veh;
      veh.id = IdText(jv["id"]);
      out.vehicle_ids.push_back(jv["id"]);
      out.vehicle_descriptions.push_back(
          jv.contains("description") && jv["description"].is_string() ? jv["description"].get<std::string>() : "");
      auto start = locs.Read(jv, "start", "start_index", field, false);
      if (!start) return core::Fail(start.error());
      auto end = locs.Read(jv, "end", "end_index", field, false);
      if (!end) return core::Fail(end.error());
      if (*start < 0 && *end < 0) return core::Fail(Bad(field + ".start", "a vehicle needs a start or an end"));
      veh.start = *start;
      veh.end = *end;
      if (jv.contains("capacity") && !jv["capacity"].is_null()) {
        auto cap = ReadAmount(jv, "capacity", field, p.dimensions);
        if (!cap) return core::Fail(cap.error());
        veh.capacity = *cap;
      } else if (p.dimensions > 0) {
        return core::Fail(Bad(field + ".capacity", "every vehicle needs the same capacity dimensions"));
      }
      if (jv.contains("time_window") && !jv["time_window"].is_null()) {
        json holder = {{"time_windows", json::array({jv["time_window"]})}};
        auto tw = ReadWindows(holder, field + ".time_window");
        if (!tw) return core::Fail(tw.error());
        veh.shift = (*tw)[0];
      }
      auto skills = ReadSkills(jv, field);
      if (!skills) return core::Fail(skills.error());
      veh.skills = *skills;
      const std::string profile =
          jv.contains("profile") && jv["profile"].is_string() ? jv["profile"].get<std::string>() : "car";
      auto [pit, added] = profile_index.emplace(profile, static_cast<int>(profile_names.size()));
      if (added) profile_names.push_back(profile);
      veh.profile = pit->second;
      auto mtt = Int(jv, "max_travel_time", field, solver::kNoLimit, 0, solver::kNoLimit);
      if (!mtt) return core::Fail(mtt.error());
      veh.max_travel_time = *mtt;
      auto md = Int(jv, "max_distance", field, solver::kNoLimit, 0, solver::kNoLimit);
      if (!md) return core::Fail(md.error());
      veh.max_distance = *md;
      if (jv.contains("costs") && jv["costs"].is_object()) {
        auto fixed = Int(jv["costs"], "fixed", field + ".costs", 0, 0, 1'000'000'000);
        if (!fixed) return core::Fail(fixed.error());
        veh.fixed_cost = *fixed;
      }
      p.vehicles.push_back(veh);
    }

    std::map<std::string, int> job_by_key;  // "job:<id>" or "shipment:<id>" → job index
    auto add_stop = [&](const json& obj, const std::string& field, const std::string& type, const json& id,
                        solver::Stop stop) -> core::Status {
      auto loc = locs.Read(obj, "location", "location_index", field, true);
      if (!loc) return core::Fail(loc.error());
      stop.location = *loc;
      auto service = Int(obj, "service", field, 0, 0, solver::kNoLimit);
      if (!service) return core::Fail(service.error());
      auto setup = Int(obj, "setup", field, 0, 0, solver::kNoLimit);
      if (!setup) return core::Fail(setup.error());
      stop.service = *service + *setup;
      auto tw = ReadWindows(obj, field);
      if (!tw) return core::Fail(tw.error());
      stop.windows = *tw;
      StopInfo info;
      info.id = id;
      info.type = type;
      info.description =
          obj.contains("description") && obj["description"].is_string() ? obj["description"].get<std::string>() : "";
      info.location = obj.contains("location") ? obj["location"] : json();
      info.location_index = obj.contains("location_index") && obj["location_index"].is_number_integer()
                                ? obj["location_index"].get<int>()
                                : -1;
      out.stops.push_back(info);
      p.stops.push_back(stop);
      return {};
    };
    auto read_common = [&](const json& obj, const std::string& field, solver::Job& job) -> core::Status {
      auto skills = ReadSkills(obj, field);
      if (!skills) return core::Fail(skills.error());
      job.skills = *skills;
      auto prio = Int(obj, "priority", field, 0, 0, 100);
      if (!prio) return core::Fail(prio.error());
      job.priority = static_cast<int>(*prio);
      if (obj.contains("pinned_vehicle") && !obj["pinned_vehicle"].is_null()) {
        const auto it = vehicle_by_id.find(IdText(obj["pinned_vehicle"]));
        if (it == vehicle_by_id.end()) return core::Fail(Bad(field + ".pinned_vehicle", "no vehicle has this id"));
        job.pinned_vehicle = it->second;
      }
      return {};
    };
    for (const json& jj : jobs) {
      if (!jj.is_object() || !jj.contains("id"))
        return core::Fail(InvalidInput("jobs", "jobs: each job is an object with an id"));
      const std::string field = "jobs[id=" + IdText(jj["id"]) + "]";
      if (!job_by_key.emplace("job:" + IdText(jj["id"]), static_cast<int>(p.jobs.size())).second) {
        return core::Fail(Bad(field + ".id", "duplicate job id"));
      }
      solver::Job job;
      job.id = IdText(jj["id"]);
      if (auto st = read_common(jj, field, job); !st) return core::Fail(st.error());
      solver::Stop stop;
      auto delivery = ReadAmount(jj, jj.contains("delivery") ? "delivery" : "amount", field, p.dimensions);
      if (!delivery) return core::Fail(delivery.error());
      auto pickup = ReadAmount(jj, "pickup", field, p.dimensions);
      if (!pickup) return core::Fail(pickup.error());
      stop.start_load = *delivery;
      stop.load_delta = *pickup;
      job.stops = {static_cast<int>(p.stops.size())};
      if (auto st = add_stop(jj, field, "job", jj["id"], stop); !st) return core::Fail(st.error());
      p.jobs.push_back(job);
    }
    for (const json& js : shipments) {
      if (!js.is_object() || !js.contains("pickup") || !js.contains("delivery") || !js["pickup"].is_object() ||
          !js["delivery"].is_object()) {
        return core::Fail(InvalidInput("shipments", "shipments: each shipment has a pickup and a delivery object"));
      }
      const json id =
          js.contains("id") ? js["id"] : (js["pickup"].contains("id") ? js["pickup"]["id"] : json(p.jobs.size()));
      const std::string field = "shipments[id=" + IdText(id) + "]";
      if (!job_by_key.emplace("shipment:" + IdText(id), static_cast<int>(p.jobs.size())).second) {
        return core::Fail(Bad(field + ".id", "duplicate shipment id"));
      }
      if (js["pickup"].contains("id"))
        job_by_key.emplace("pickup:" + IdText(js["pickup"]["id"]), static_cast<int>(p.jobs.size()));
      if (js["delivery"].contains("id"))
        job_by_key.emplace("delivery:" + IdText(js["delivery"]["id"]), static_cast<int>(p.jobs.size()));
      solver::Job job;
      job.id = IdText(id);
      if (auto st = read_common(js, field, job); !st) return core::Fail(st.error());
      auto amount = ReadAmount(js, "amount", field, p.dimensions);
      if (!amount) return core::Fail(amount.error());
      auto ride = Int(js, "max_ride", field, solver::kNoLimit, 0, solver::kNoLimit);
      if (!ride) return core::Fail(ride.error());
      job.max_ride = *ride;
      solver::Stop pick;
      pick.is_pickup = true;
      pick.load_delta = *amount;
      solver::Stop drop;
      drop.is_delivery = true;
      drop.load_delta = Amount{} - *amount;
      job.stops = {static_cast<int>(p.stops.size()), static_cast<int>(p.stops.size()) + 1};
      const json pid = js["pickup"].contains("id") ? js["pickup"]["id"] : id;
      const json did = js["delivery"].contains("id") ? js["delivery"]["id"] : id;
      if (auto st = add_stop(js["pickup"], field + ".pickup", "pickup", pid, pick); !st) return core::Fail(st.error());
      if (auto st = add_stop(js["delivery"], field + ".delivery", "delivery", did, drop); !st)
        return core::Fail(st.error());
      p.jobs.push_back(job);
    }
    // Vehicle steps: the planner's fixed order.
    for (std::size_t v = 0; v < vehicles.size(); ++v) {
      const json& jv = vehicles[v];
      if (!jv.contains("steps") || !jv["steps"].is_array()) continue;
      const std::string field = "vehicles[id=" + IdText(jv["id"]) + "].steps";
      std::set<int> seen;
      for (const json& step : jv["steps"]) {
        if (!step.is_object() || !step.contains("type") || !step["type"].is_string()) {
          return core::Fail(Bad(field, "each step has a type"));
        }
        const std::string type = step["type"].get<std::string>();
        if (type == "start" || type == "end" || type == "break") continue;
        if (!step.contains("id")) return core::Fail(Bad(field, "a " + type + " step needs an id"));
        const std::string key = (type == "single" ? std::string("job") : type) + ":" + IdText(step["id"]);
        const auto it = job_by_key.find(key);
        if (it == job_by_key.end()) return core::Fail(Bad(field, "no " + type + " has id " + IdText(step["id"])));
        if (seen.insert(it->second).second) p.vehicles[v].fixed_order.push_back(it->second);
      }
    }

    // Matrices: given, from OSRM, or from coordinates.
    const bool has_matrices = root.contains("matrices") && root["matrices"].is_object() && !root["matrices"].empty();
    if (locs.has_index && !has_matrices) {
      return core::Fail(InvalidInput("matrices", "location indices are used but no matrix is given"));
    }
    if (locs.has_index && locs.has_coords) {
      return core::Fail(InvalidInput("matrices", "mixing location indices and coordinates is not supported"));
    }
    p.profiles.resize(profile_names.size());
    if (has_matrices) {
      for (std::size_t i = 0; i < profile_names.size(); ++i) {
        const std::string& name = profile_names[i];
        const std::string field = "matrices." + name;
        if (!root["matrices"].contains(name))
          return core::Fail(InvalidInput(field, field + ": no matrix for this vehicle profile"));
        const json& m = root["matrices"][name];
        p.profiles[i].name = name;
        for (const char* kind : {"durations", "distances", "costs"}) {
          if (!m.contains(kind)) continue;
          const json& rows = m[kind];
          const std::string f = field + "." + kind;
          if (!rows.is_array() || rows.empty()) return core::Fail(InvalidInput(f, f + ": a square array of arrays"));
          const std::size_t n = rows.size();
          if (n > static_cast<std::size_t>(solver::kMaxLocations)) {
            return core::Fail(InvalidInput(f, f + ": too many locations (" + std::to_string(n) + ")"));
          }
          solver::Matrix matrix(static_cast<int>(n));
          for (std::size_t r = 0; r < n; ++r) {
            if (!rows[r].is_array() || rows[r].size() != n) {
              return core::Fail(
                  InvalidInput(f, f + ": row " + std::to_string(r) + " has not " + std::to_string(n) + " values"));
            }
            for (std::size_t c = 0; c < n; ++c) {
              const json& x = rows[r][c];
              if (!x.is_number_integer() ||
                  (x.is_number_integer() && !x.is_number_unsigned() && x.get<std::int64_t>() < 0) ||
                  (x.is_number_unsigned() &&
                   x.get<std::uint64_t>() > static_cast<std::uint64_t>(solver::Matrix::kMaxValue))) {
                return core::Fail(InvalidInput(f, f + ": value at [" + std::to_string(r) + "][" + std::to_string(c) +
                                                      "] must be a non-negative integer below 2e9"));
              }
              matrix.Set(static_cast<int>(r), static_cast<int>(c), x.get<std::int64_t>());
            }
          }
          if (std::string(kind) == "durations")
            p.profiles[i].durations = std::move(matrix);
          else if (std::string(kind) == "distances")
            p.profiles[i].distances = std::move(matrix);
          else
            p.profiles[i].costs = std::move(matrix);
        }
        if (p.profiles[i].durations.Empty()) return core::Fail(InvalidInput(field, field + ": durations are required"));
      }
      for (std::size_t i = 1; i < p.profiles.size(); ++i) {
        if (p.profiles[i].durations.Size() != p.profiles[0].durations.Size()) {
          return core::Fail(InvalidInput("matrices", "matrices of all profiles must have the same size"));
        }
      }
      const int n = p.profiles[0].durations.Size();
      for (std::size_t s = 0; s < p.stops.size(); ++s) {
        if (p.stops[s].location >= n) {
          return core::Fail(InvalidInput("jobs[id=" + IdText(out.stops[s].id) + "].location_index",
                                         "job " + IdText(out.stops[s].id) + ": location_index " +
                                             std::to_string(p.stops[s].location) + " outside the " + std::to_string(n) +
                                             "x" + std::to_string(n) + " matrix"));
        }
      }
      for (std::size_t v = 0; v < p.vehicles.size(); ++v) {
        if (p.vehicles[v].start >= n || p.vehicles[v].end >= n) {
          return core::Fail(InvalidInput("vehicles[id=" + p.vehicles[v].id + "].start_index",
                                         "vehicle " + p.vehicles[v].id + ": index outside the matrix"));
        }
      }
      out.location_coords.assign(static_cast<std::size_t>(n), json());
    } else {
      if (locs.coords.size() > static_cast<std::size_t>(solver::kMaxLocations)) {
        return core::Fail(InvalidInput("jobs", "too many distinct locations: " + std::to_string(locs.coords.size())));
      }
      solver::HaversineOptions hav = options.haversine;
      if (opts.contains("detour") && opts["detour"].is_number())
        hav.detour = std::max(1.0, opts["detour"].get<double>());
      for (std::size_t i = 0; i < profile_names.size(); ++i) {
        if (!out.osrm_url.empty()) {
          TableProvider provider = options.make_table_provider ? options.make_table_provider(out.osrm_url)
                                                               : MakeOsrmTableProvider(out.osrm_url);
          auto prof = provider(profile_names[i], locs.coords);
          if (!prof) return core::Fail(prof.error());
          p.profiles[i] = std::move(*prof);
        } else {
          solver::HaversineOptions h = hav;
          if (opts.contains("speed_kmh") && opts["speed_kmh"].is_object() &&
              opts["speed_kmh"].contains(profile_names[i]) && opts["speed_kmh"][profile_names[i]].is_number()) {
            const double speed = opts["speed_kmh"][profile_names[i]].get<double>();
            if (!(speed > 0.5 && speed < 500))
              return core::Fail(InvalidInput("options.speed_kmh", "options.speed_kmh: out of range"));
            h.speed_kmh = speed;
          } else if (profile_names[i] == "bike") {
            h.speed_kmh = 15;
          } else if (profile_names[i] == "foot" || profile_names[i] == "walk") {
            h.speed_kmh = 4.5;
          }
          p.profiles[i] = solver::BuildHaversineProfile(locs.coords, h);
        }
        p.profiles[i].name = profile_names[i];
      }
      out.location_coords = locs.given;
    }
  } catch (const json::exception& e) {
    return core::Fail(InvalidInput("", std::string("unexpected JSON shape: ") + e.what()));
  }
  if (auto st = solver::Prepare(p); !st) return core::Fail(st.error());
  return out;
}

}  // namespace lien::rounds::solver_json
