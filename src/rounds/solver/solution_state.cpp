#include "rounds/solver/solution_state.hpp"

#include <algorithm>

namespace lien::rounds::solver {

SolutionState::SolutionState(const Problem& problem)
    : problem_(&problem),
      route_of_job_(problem.jobs.size(), -1),
      pos_of_stop_(problem.stops.size(), -1),
      unassigned_index_(problem.jobs.size(), -1),
      route_cost_(problem.vehicles.size(), 0),
      touched_(problem.vehicles.size(), 0) {
  routes_.reserve(problem.vehicles.size());
  int types = 0;
  for (int t : problem.vehicle_type) types = std::max(types, t + 1);
  empty_by_type_.resize(static_cast<std::size_t>(types));
  for (std::size_t v = 0; v < problem.vehicles.size(); ++v) {
    routes_.emplace_back(problem, static_cast<int>(v));
    empty_by_type_[static_cast<std::size_t>(problem.vehicle_type[v])].insert(static_cast<int>(v));
  }
  for (std::size_t j = 0; j < problem.jobs.size(); ++j) MarkUnassigned(static_cast<int>(j));
}

int SolutionState::FirstEmptyOfType(int type) const {
  const auto& set = empty_by_type_[static_cast<std::size_t>(type)];
  return set.empty() ? -1 : *set.begin();
}

Objective SolutionState::GetObjective() const {
  Objective o;
  o.unserved = unserved_weight_;
  o.vehicles = problem_->minimize_vehicles ? used_vehicles_ : 0;
  o.cost = total_cost_;
  return o;
}

void SolutionState::MarkUnassigned(int job) {
  const std::size_t j = static_cast<std::size_t>(job);
  if (unassigned_index_[j] >= 0) return;
  unassigned_index_[j] = static_cast<int>(unassigned_.size());
  unassigned_.push_back(job);
  unserved_weight_ += 1 + problem_->jobs[j].priority;
  route_of_job_[j] = -1;
}

void SolutionState::MarkAssigned(int job) {
  const std::size_t j = static_cast<std::size_t>(job);
  const int idx = unassigned_index_[j];
  if (idx < 0) return;
  const int last = unassigned_.back();
  unassigned_[static_cast<std::size_t>(idx)] = last;
  unassigned_index_[static_cast<std::size_t>(last)] = idx;
  unassigned_.pop_back();
  unassigned_index_[j] = -1;
  unserved_weight_ -= 1 + problem_->jobs[j].priority;
}

void SolutionState::Touch(int r) {
  if (!in_transaction_ || touched_[static_cast<std::size_t>(r)]) return;
  touched_[static_cast<std::size_t>(r)] = 1;
  saved_routes_.emplace_back(r, routes_[static_cast<std::size_t>(r)]);
}

void SolutionState::Refresh(int r) {
  Route& route = routes_[static_cast<std::size_t>(r)];
  route.Update();
  total_cost_ += route.TotalCost() - route_cost_[static_cast<std::size_t>(r)];
  route_cost_[static_cast<std::size_t>(r)] = route.TotalCost();
  auto& empties = empty_by_type_[static_cast<std::size_t>(problem_->vehicle_type[static_cast<std::size_t>(r)])];
  const bool was_used = empties.count(r) == 0;
  if (route.Empty()) {
    if (was_used) --used_vehicles_;
    empties.insert(r);
  } else {
    if (!was_used) ++used_vehicles_;
    empties.erase(r);
  }
  for (int k = 1; k <= route.Size(); ++k) {
    const int s = route.StopAt(k);
    pos_of_stop_[static_cast<std::size_t>(s)] = k;
    route_of_job_[static_cast<std::size_t>(problem_->stops[static_cast<std::size_t>(s)].job)] = r;
  }
}

void SolutionState::SetStops(int r, std::vector<int> stops) {
  Touch(r);
  Route& route = routes_[static_cast<std::size_t>(r)];
  // Stops may already have moved to another route (2-opt*, swap): only forget those still indexed here.
  for (int s : route.Stops()) {
    if (route_of_job_[static_cast<std::size_t>(problem_->stops[static_cast<std::size_t>(s)].job)] == r) {
      pos_of_stop_[static_cast<std::size_t>(s)] = -1;
    }
  }
  route.MutableStops() = std::move(stops);
  for (int s : route.Stops()) MarkAssigned(problem_->stops[static_cast<std::size_t>(s)].job);
  Refresh(r);
}

void SolutionState::RemoveJob(int job) {
  const int r = route_of_job_[static_cast<std::size_t>(job)];
  if (r < 0) return;
  Touch(r);
  Route& route = routes_[static_cast<std::size_t>(r)];
  auto& stops = route.MutableStops();
  for (int s : problem_->jobs[static_cast<std::size_t>(job)].stops) pos_of_stop_[static_cast<std::size_t>(s)] = -1;
  stops.erase(std::remove_if(stops.begin(), stops.end(),
                             [&](int s) { return problem_->stops[static_cast<std::size_t>(s)].job == job; }),
              stops.end());
  MarkUnassigned(job);
  Refresh(r);
}

void SolutionState::InsertJob(int job, int r, int pos, int pos2) {
  Touch(r);
  Route& route = routes_[static_cast<std::size_t>(r)];
  auto& stops = route.MutableStops();
  const Job& j = problem_->jobs[static_cast<std::size_t>(job)];
  stops.insert(stops.begin() + pos, j.stops[0]);
  if (j.IsShipment()) stops.insert(stops.begin() + pos2, j.stops[1]);
  MarkAssigned(job);
  Refresh(r);
}

void SolutionState::BeginTransaction() {
  in_transaction_ = true;
  saved_unassigned_ = unassigned_;
}

void SolutionState::Commit() {
  for (const auto& [r, route] : saved_routes_) touched_[static_cast<std::size_t>(r)] = 0;
  saved_routes_.clear();
  in_transaction_ = false;
}

void SolutionState::Rollback() {
  in_transaction_ = false;
  for (auto& [r, route] : saved_routes_) {
    for (int s : routes_[static_cast<std::size_t>(r)].Stops()) pos_of_stop_[static_cast<std::size_t>(s)] = -1;
    routes_[static_cast<std::size_t>(r)] = std::move(route);
    touched_[static_cast<std::size_t>(r)] = 0;
  }
  // Jobs listed now but not before were in a restored route: mark them assigned again; then re-list the saved.
  for (int job : std::vector<int>(unassigned_)) MarkAssigned(job);
  for (int job : saved_unassigned_) MarkUnassigned(job);
  for (auto& [r, route] : saved_routes_) {
    const Route& restored = routes_[static_cast<std::size_t>(r)];
    total_cost_ += restored.TotalCost() - route_cost_[static_cast<std::size_t>(r)];
    route_cost_[static_cast<std::size_t>(r)] = restored.TotalCost();
    auto& empties = empty_by_type_[static_cast<std::size_t>(problem_->vehicle_type[static_cast<std::size_t>(r)])];
    const bool was_used = empties.count(r) == 0;
    if (restored.Empty()) {
      if (was_used) --used_vehicles_;
      empties.insert(r);
    } else {
      if (!was_used) ++used_vehicles_;
      empties.erase(r);
    }
    for (int k = 1; k <= restored.Size(); ++k) {
      const int s = restored.StopAt(k);
      pos_of_stop_[static_cast<std::size_t>(s)] = k;
      route_of_job_[static_cast<std::size_t>(problem_->stops[static_cast<std::size_t>(s)].job)] = r;
    }
  }
  saved_routes_.clear();
}

Solution SolutionState::Export() const {
  Solution out;
  for (const Route& route : routes_) {
    if (route.Empty()) continue;
    RouteReport report = EvaluateRoute(*problem_, route.VehicleIndex(), route.Stops());
    out.cost += report.cost;
    out.travel += report.travel;
    out.distance += report.distance;
    out.routes.push_back(std::move(report));
  }
  std::vector<int> jobs = unassigned_;
  std::sort(jobs.begin(), jobs.end());
  for (int j : jobs) out.unassigned.push_back({j, UnassignedReason(*problem_, j)});
  return out;
}

}  // namespace lien::rounds::solver
