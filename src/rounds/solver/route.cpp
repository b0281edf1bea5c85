#include "rounds/solver/route.hpp"

#include <algorithm>

namespace lien::rounds::solver {

Route::Route(const Problem& problem, int vehicle)
    : problem_(&problem),
      vehicle_(vehicle),
      veh_(&problem.vehicles[static_cast<std::size_t>(vehicle)]),
      dur_(&problem.profiles[static_cast<std::size_t>(veh_->profile)].durations),
      cost_(&problem.profiles[static_cast<std::size_t>(veh_->profile)].Costs()),
      dist_(problem.profiles[static_cast<std::size_t>(veh_->profile)].distances.Empty()
                ? nullptr
                : &problem.profiles[static_cast<std::size_t>(veh_->profile)].distances) {
  Update();
}

void Route::Update() {
  const std::size_t m = stops_.size();
  const std::size_t n = m + 2;
  loc_.resize(n);
  service_.resize(n);
  earliest_.resize(n);
  latest_.resize(n);
  load_.resize(n);
  fwd_max_.resize(n);
  bwd_max_.resize(n);
  start_after_.resize(n);
  delta_upto_.resize(n);
  cost_prefix_.resize(n);
  rev_cost_prefix_.resize(n);
  travel_prefix_.resize(n);
  dist_prefix_.resize(n);
  open_.resize(n);
  feasible_ = true;
  complex_ = !veh_->fixed_order.empty();

  loc_[0] = StartLocation(*veh_, *dur_);
  loc_[n - 1] = EndLocation(*veh_, *dur_);
  service_[0] = 0;
  service_[n - 1] = 0;
  for (std::size_t k = 1; k <= m; ++k) {
    const Stop& s = problem_->stops[static_cast<std::size_t>(stops_[k - 1])];
    loc_[k] = s.location;
    service_[k] = s.service;
    if (s.order_rank >= 0 || problem_->jobs[static_cast<std::size_t>(s.job)].max_ride < kNoLimit) complex_ = true;
  }

  // Forward: earliest service starts, prefix sums.
  earliest_[0] = veh_->shift.start;
  cost_prefix_[0] = 0;
  rev_cost_prefix_[0] = 0;
  travel_prefix_[0] = 0;
  dist_prefix_[0] = 0;
  for (std::size_t k = 1; k < n; ++k) {
    const int a = loc_[k - 1];
    const int b = loc_[k];
    travel_prefix_[k] = travel_prefix_[k - 1] + dur_->At(a, b);
    cost_prefix_[k] = cost_prefix_[k - 1] + cost_->At(a, b);
    rev_cost_prefix_[k] = rev_cost_prefix_[k - 1] + cost_->At(b, a);
    dist_prefix_[k] = dist_prefix_[k - 1] + (dist_ ? dist_->At(a, b) : 0);
    if (earliest_[k - 1] >= kNoLimit) {
      earliest_[k] = kNoLimit;
      continue;
    }
    const Duration arrival = earliest_[k - 1] + service_[k - 1] + dur_->At(a, b);
    if (k + 1 < n) {
      earliest_[k] = EarliestStart(problem_->stops[static_cast<std::size_t>(stops_[k - 1])].windows, arrival);
    } else {
      earliest_[k] = arrival <= veh_->shift.end ? arrival : kNoLimit;
    }
  }
  if (earliest_[n - 1] >= kNoLimit) feasible_ = false;

  // Backward: latest feasible service starts.
  latest_[n - 1] = veh_->shift.end;
  for (std::size_t k = n - 1; k-- > 0;) {
    if (latest_[k + 1] <= kMinusInfinity) {
      latest_[k] = kMinusInfinity;
      continue;
    }
    const Duration limit = latest_[k + 1] - dur_->At(loc_[k], loc_[k + 1]) - service_[k];
    if (k >= 1) {
      latest_[k] = LatestStart(problem_->stops[static_cast<std::size_t>(stops_[k - 1])].windows, limit);
    } else {
      latest_[k] = limit >= veh_->shift.start ? std::min(limit, veh_->shift.end) : kMinusInfinity;
    }
  }

  // Loads.
  start_after_[n - 1] = Amount{};
  start_after_[m] = Amount{};
  for (std::size_t k = m; k-- > 0;) {
    start_after_[k] = start_after_[k + 1] + problem_->stops[static_cast<std::size_t>(stops_[k])].start_load;
  }
  delta_upto_[0] = Amount{};
  open_[0] = 0;
  for (std::size_t k = 1; k <= m; ++k) {
    const Stop& s = problem_->stops[static_cast<std::size_t>(stops_[k - 1])];
    delta_upto_[k] = delta_upto_[k - 1] + s.load_delta;
    open_[k] = open_[k - 1] + (s.is_pickup ? 1 : 0) - (s.is_delivery ? 1 : 0);
  }
  delta_upto_[n - 1] = delta_upto_[m];
  open_[n - 1] = open_[m];
  for (std::size_t k = 0; k < n; ++k) load_[k] = start_after_[k] + delta_upto_[k];
  fwd_max_[0] = load_[0];
  for (std::size_t k = 1; k < n; ++k) fwd_max_[k] = Amount::Max(fwd_max_[k - 1], load_[k]);
  bwd_max_[n - 1] = load_[n - 1];
  for (std::size_t k = n - 1; k-- > 0;) bwd_max_[k] = Amount::Max(bwd_max_[k + 1], load_[k]);
  if (!fwd_max_[n - 1].FitsIn(veh_->capacity)) feasible_ = false;
  if (travel_prefix_[n - 1] > veh_->max_travel_time || dist_prefix_[n - 1] > veh_->max_distance) feasible_ = false;
}

bool Route::CanInsert(int stop, int k, Cost* delta) const {
  const Stop& s = problem_->stops[static_cast<std::size_t>(stop)];
  const std::size_t ku = static_cast<std::size_t>(k);
  const int a = loc_[ku];
  const int b = loc_[ku + 1];
  // Capacity first: cheapest to reject.
  if (!(fwd_max_[ku] + s.start_load).FitsIn(veh_->capacity)) return false;
  if (!(load_[ku] + s.load_delta).FitsIn(veh_->capacity)) return false;
  if (!(bwd_max_[ku + 1] + s.load_delta).FitsIn(veh_->capacity)) return false;
  const Duration arrival = earliest_[ku] + service_[ku] + dur_->At(a, s.location);
  const Duration start = EarliestStart(s.windows, arrival);
  if (start >= kNoLimit) return false;
  if (start + s.service + dur_->At(s.location, b) > latest_[ku + 1]) return false;
  if (veh_->max_travel_time < kNoLimit &&
      travel_prefix_.back() - dur_->At(a, b) + dur_->At(a, s.location) + dur_->At(s.location, b) >
          veh_->max_travel_time) {
    return false;
  }
  if (veh_->max_distance < kNoLimit && dist_ != nullptr &&
      dist_prefix_.back() - dist_->At(a, b) + dist_->At(a, s.location) + dist_->At(s.location, b) >
          veh_->max_distance) {
    return false;
  }
  *delta = cost_->At(a, s.location) + cost_->At(s.location, b) - cost_->At(a, b);
  if (stops_.empty()) *delta += veh_->fixed_cost;
  return true;
}

bool Route::CanRemove(int k, Cost* delta) const {
  const std::size_t ku = static_cast<std::size_t>(k);
  const int a = loc_[ku - 1];
  const int b = loc_[ku + 1];
  if (Departure(k - 1) + dur_->At(a, b) > latest_[ku + 1]) return false;
  // Loads only decrease when a single job leaves; travel limits could only be broken without the triangle
  // inequality, so check them.
  if (travel_prefix_.back() - dur_->At(a, loc_[ku]) - dur_->At(loc_[ku], b) + dur_->At(a, b) > veh_->max_travel_time) {
    return false;
  }
  if (dist_ != nullptr &&
      dist_prefix_.back() - dist_->At(a, loc_[ku]) - dist_->At(loc_[ku], b) + dist_->At(a, b) > veh_->max_distance) {
    return false;
  }
  *delta = cost_->At(a, b) - cost_->At(a, loc_[ku]) - cost_->At(loc_[ku], b);
  if (stops_.size() == 1) *delta -= veh_->fixed_cost;
  return true;
}

bool Route::CanReplace(int k, int stop, Cost* delta) const {
  const Stop& s = problem_->stops[static_cast<std::size_t>(stop)];
  const Stop& old = problem_->stops[static_cast<std::size_t>(StopAt(k))];
  const std::size_t ku = static_cast<std::size_t>(k);
  const int a = loc_[ku - 1];
  const int b = loc_[ku + 1];
  const Amount d_shift = s.start_load - old.start_load;
  const Amount p_shift = s.load_delta - old.load_delta;
  if (!(fwd_max_[ku - 1] + d_shift).FitsIn(veh_->capacity)) return false;
  if (!(load_[ku - 1] + d_shift - s.start_load + s.load_delta).FitsIn(veh_->capacity)) return false;
  if (!(bwd_max_[ku + 1] + p_shift).FitsIn(veh_->capacity)) return false;
  const Duration start = EarliestStart(s.windows, Departure(k - 1) + dur_->At(a, s.location));
  if (start >= kNoLimit) return false;
  if (start + s.service + dur_->At(s.location, b) > latest_[ku + 1]) return false;
  const int o = loc_[ku];
  if (veh_->max_travel_time < kNoLimit &&
      travel_prefix_.back() - dur_->At(a, o) - dur_->At(o, b) + dur_->At(a, s.location) + dur_->At(s.location, b) >
          veh_->max_travel_time) {
    return false;
  }
  if (veh_->max_distance < kNoLimit && dist_ != nullptr &&
      dist_prefix_.back() - dist_->At(a, o) - dist_->At(o, b) + dist_->At(a, s.location) + dist_->At(s.location, b) >
          veh_->max_distance) {
    return false;
  }
  *delta = cost_->At(a, s.location) + cost_->At(s.location, b) - cost_->At(a, o) - cost_->At(o, b);
  return true;
}

}  // namespace lien::rounds::solver
