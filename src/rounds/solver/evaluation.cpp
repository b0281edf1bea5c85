#include "rounds/solver/evaluation.hpp"

#include <algorithm>

namespace lien::rounds::solver {

namespace {

/// The first shipment whose time on board (end of pickup to start of delivery) exceeds its max_ride.
std::string RideViolation(const Problem& problem, const std::vector<StepReport>& steps) {
  std::vector<std::pair<int, Duration>> open;  // job, end of pickup
  for (const StepReport& step : steps) {
    const Stop& stop = problem.stops[static_cast<std::size_t>(step.stop)];
    if (stop.is_pickup) open.emplace_back(stop.job, step.start + stop.service);
    if (!stop.is_delivery) continue;
    for (const auto& [job, end] : open) {
      if (job == stop.job && step.start - end > problem.jobs[static_cast<std::size_t>(job)].max_ride) {
        return "shipment " + problem.jobs[static_cast<std::size_t>(job)].id + " rides longer than its max_ride";
      }
    }
  }
  return {};
}

/// The as-early-as-possible schedule keeps passengers waiting on board when a drop-off window opens late.
/// This tries two later schedules, moving waiting before pickups: first "ride-limited pickups as late as
/// possible, everything else as early as possible", then "every service at its latest feasible start". Both
/// keep every window; `r` takes the first that fixes ride times. Not exact (another mix can be needed), but
/// it never reports a ride time it did not check.
bool RescheduleLate(const Problem& problem, const Vehicle& veh, const Matrix& dur, RouteReport& r) {
  const std::size_t m = r.steps.size();
  if (m == 0) return false;
  auto loc = [&](std::size_t k) { return problem.stops[static_cast<std::size_t>(r.steps[k].stop)].location; };
  const int start = veh.start >= 0 ? veh.start : dur.Nowhere();
  const int end = veh.end >= 0 ? veh.end : dur.Nowhere();
  std::vector<Duration> latest(m);
  Duration limit = veh.shift.end - dur.At(loc(m - 1), end);
  for (std::size_t k = m; k-- > 0;) {
    const Stop& stop = problem.stops[static_cast<std::size_t>(r.steps[k].stop)];
    latest[k] = LatestStart(stop.windows, limit - stop.service);
    if (latest[k] < r.steps[k].start) return false;
    if (k > 0) limit = latest[k] - dur.At(loc(k - 1), loc(k));
  }
  for (int variant = 0; variant < 2; ++variant) {
    std::vector<StepReport> late = r.steps;
    const Duration departure = std::max(veh.shift.start, latest[0] - dur.At(start, loc(0)));
    Duration time = departure;
    int here = start;
    Duration waiting = 0;
    bool ok = true;
    for (std::size_t k = 0; k < m && ok; ++k) {
      const Stop& stop = problem.stops[static_cast<std::size_t>(late[k].stop)];
      const bool delay =
          variant == 1 || (stop.is_pickup && problem.jobs[static_cast<std::size_t>(stop.job)].max_ride < kNoLimit);
      late[k].arrival = time + dur.At(here, stop.location);
      late[k].start = delay ? latest[k] : EarliestStart(stop.windows, late[k].arrival);
      late[k].waiting = late[k].start - late[k].arrival;
      ok = late[k].waiting >= 0 && late[k].start <= latest[k];
      waiting += late[k].waiting;
      time = late[k].start + stop.service;
      here = stop.location;
    }
    if (!ok || !RideViolation(problem, late).empty()) continue;
    r.steps = std::move(late);
    r.departure = departure;
    r.waiting = waiting;
    r.arrival = time + dur.At(here, end);
    return true;
  }
  return false;
}

}  // namespace

RouteReport EvaluateRoute(const Problem& problem, int vehicle, const std::vector<int>& stops) {
  RouteReport r;
  r.vehicle = vehicle;
  const Vehicle& veh = problem.vehicles[static_cast<std::size_t>(vehicle)];
  const Profile& prof = problem.profiles[static_cast<std::size_t>(veh.profile)];
  const Matrix& dur = prof.durations;
  const Matrix& cost = prof.Costs();
  auto fail = [&r](const std::string& what) {
    if (r.violation.empty()) r.violation = what;
  };
  for (int s : stops) r.start_load += problem.stops[static_cast<std::size_t>(s)].start_load;
  if (!r.start_load.FitsIn(veh.capacity)) fail("capacity exceeded at start");
  Amount load = r.start_load;
  int here = veh.start >= 0 ? veh.start : dur.Nowhere();
  Duration time = veh.shift.start;
  r.departure = time;
  std::vector<Duration> pickup_end(problem.jobs.size(), -1);
  int last_rank = -1;
  for (int s : stops) {
    const Stop& stop = problem.stops[static_cast<std::size_t>(s)];
    const Job& job = problem.jobs[static_cast<std::size_t>(stop.job)];
    if (!problem.Compatible(stop.job, vehicle)) fail("job " + job.id + " not allowed on vehicle " + veh.id);
    const Duration travel = dur.At(here, stop.location);
    r.travel += travel;
    r.cost += cost.At(here, stop.location);
    if (!prof.distances.Empty()) r.distance += prof.distances.At(here, stop.location);
    StepReport step;
    step.stop = s;
    step.arrival = time + travel;
    step.start = step.arrival;
    bool in_window = false;
    for (const TimeWindow& w : stop.windows) {
      if (step.arrival <= w.end) {
        step.start = std::max(step.arrival, w.start);
        in_window = true;
        break;
      }
    }
    if (!in_window) fail("job " + job.id + " reached after its time window");
    step.waiting = step.start - step.arrival;
    r.waiting += step.waiting;
    r.service += stop.service;
    time = step.start + stop.service;
    load -= stop.start_load;
    load += stop.load_delta;
    step.load = load;
    if (!load.FitsIn(veh.capacity)) fail("capacity exceeded at job " + job.id);
    if (load.AnyNegative()) fail("negative load at job " + job.id);
    if (stop.is_pickup) {
      if (pickup_end[static_cast<std::size_t>(stop.job)] != -1) fail("shipment " + job.id + " picked up twice");
      pickup_end[static_cast<std::size_t>(stop.job)] = time;
    }
    if (stop.is_delivery) {
      const Duration picked = pickup_end[static_cast<std::size_t>(stop.job)];
      if (picked < 0) fail("shipment " + job.id + " delivered before its pickup");
      pickup_end[static_cast<std::size_t>(stop.job)] = -2;
    }
    if (stop.order_rank >= 0) {
      if (stop.order_rank < last_rank) fail("job " + job.id + " breaks the fixed order");
      last_rank = stop.order_rank;
    }
    r.steps.push_back(step);
    here = stop.location;
  }
  for (int s : stops) {
    const Stop& stop = problem.stops[static_cast<std::size_t>(s)];
    if (stop.is_pickup && pickup_end[static_cast<std::size_t>(stop.job)] >= 0) {
      fail("shipment " + problem.jobs[static_cast<std::size_t>(stop.job)].id + " picked up but not delivered");
    }
  }
  const int end = veh.end >= 0 ? veh.end : dur.Nowhere();
  r.travel += dur.At(here, end);
  r.cost += cost.At(here, end);
  if (!prof.distances.Empty()) r.distance += prof.distances.At(here, end);
  r.arrival = time + dur.At(here, end);
  if (r.arrival > veh.shift.end) fail("vehicle " + veh.id + " back after the end of its shift");
  if (r.travel > veh.max_travel_time) fail("vehicle " + veh.id + " above its max_travel_time");
  if (r.distance > veh.max_distance) fail("vehicle " + veh.id + " above its max_distance");
  if (!stops.empty()) r.cost += veh.fixed_cost;
  if (r.violation.empty()) {
    const std::string ride = RideViolation(problem, r.steps);
    if (!ride.empty() && !RescheduleLate(problem, veh, dur, r)) r.violation = ride;
  }
  return r;
}

std::vector<std::string> CheckSolution(const Problem& problem, const Solution& solution) {
  std::vector<std::string> errors;
  std::vector<int> seen(problem.stops.size(), 0);
  std::vector<int> job_vehicle(problem.jobs.size(), -1);
  std::vector<char> used_vehicle(problem.vehicles.size(), 0);
  for (const RouteReport& route : solution.routes) {
    if (route.vehicle < 0 || route.vehicle >= static_cast<int>(problem.vehicles.size())) {
      errors.push_back("route with an unknown vehicle");
      continue;
    }
    if (used_vehicle[static_cast<std::size_t>(route.vehicle)]++) errors.push_back("vehicle used twice");
    std::vector<int> stops;
    for (const StepReport& st : route.steps) stops.push_back(st.stop);
    const RouteReport again = EvaluateRoute(problem, route.vehicle, stops);
    if (!again.violation.empty()) errors.push_back(again.violation);
    for (int s : stops) {
      ++seen[static_cast<std::size_t>(s)];
      const int j = problem.stops[static_cast<std::size_t>(s)].job;
      if (job_vehicle[static_cast<std::size_t>(j)] >= 0 && job_vehicle[static_cast<std::size_t>(j)] != route.vehicle) {
        errors.push_back("job " + problem.jobs[static_cast<std::size_t>(j)].id + " split across vehicles");
      }
      job_vehicle[static_cast<std::size_t>(j)] = route.vehicle;
    }
  }
  std::vector<int> unassigned(problem.jobs.size(), 0);
  for (const UnassignedJob& u : solution.unassigned) ++unassigned[static_cast<std::size_t>(u.job)];
  for (std::size_t j = 0; j < problem.jobs.size(); ++j) {
    const Job& job = problem.jobs[j];
    for (int s : job.stops) {
      const int count = seen[static_cast<std::size_t>(s)] + unassigned[j];
      if (count != 1) errors.push_back("job " + job.id + " appears " + std::to_string(count) + " times");
    }
  }
  return errors;
}

std::string UnassignedReason(const Problem& problem, int job) {
  bool any_skill = false;
  bool capacity_ok = false;
  std::vector<char> type_seen(problem.vehicles.size(), 0);
  for (std::size_t v = 0; v < problem.vehicles.size(); ++v) {
    if (!problem.Compatible(job, static_cast<int>(v))) continue;
    // Interchangeable vehicles give the same answer: one per type keeps this linear in the types.
    if (!problem.vehicle_type.empty()) {
      const auto type = static_cast<std::size_t>(problem.vehicle_type[v]);
      if (type_seen[type]) continue;
      type_seen[type] = 1;
    }
    any_skill = true;
    const std::vector<int>& stops = problem.jobs[static_cast<std::size_t>(job)].stops;
    const RouteReport alone = EvaluateRoute(problem, static_cast<int>(v), stops);
    if (alone.violation.empty()) return "no_room";
    if (alone.violation.find("capacity") == std::string::npos) capacity_ok = true;
  }
  if (!any_skill) return "skills";
  if (!capacity_ok) return "capacity";
  return "time_window";
}

}  // namespace lien::rounds::solver
