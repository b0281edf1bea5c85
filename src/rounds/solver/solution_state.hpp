#pragma once
// The working solution of the search: one Route per vehicle, where each job is, the unassigned jobs, and a
// cheap undo log (touched routes are saved once per transaction) so a rejected move costs only what it touched.

#include <cstdint>
#include <set>
#include <tuple>
#include <vector>

#include "rounds/solver/evaluation.hpp"
#include "rounds/solver/route.hpp"

namespace lien::rounds::solver {

/// Lexicographic objective: unserved weight (1 + priority per job left out), then vehicles used when the
/// problem minimises them, then cost.
struct Objective {
  std::int64_t unserved = 0;
  std::int64_t vehicles = 0;
  Cost cost = 0;
  friend bool operator==(const Objective&, const Objective&) = default;
  friend bool operator<(const Objective& a, const Objective& b) {
    return std::tie(a.unserved, a.vehicles, a.cost) < std::tie(b.unserved, b.vehicles, b.cost);
  }
  friend bool operator<=(const Objective& a, const Objective& b) { return !(b < a); }
};

class SolutionState {
 public:
  explicit SolutionState(const Problem& problem);

  const Problem& GetProblem() const { return *problem_; }
  int RouteCount() const { return static_cast<int>(routes_.size()); }
  const Route& GetRoute(int r) const { return routes_[static_cast<std::size_t>(r)]; }
  int RouteOfJob(int job) const { return route_of_job_[static_cast<std::size_t>(job)]; }
  /// Cache index (1-based) of a stop within its route.
  int PositionOfStop(int stop) const { return pos_of_stop_[static_cast<std::size_t>(stop)]; }
  const std::vector<int>& Unassigned() const { return unassigned_; }
  int UsedVehicles() const { return used_vehicles_; }
  /// The lowest-index empty route of vehicle type `type`, or -1.
  int FirstEmptyOfType(int type) const;
  int TypeCount() const { return static_cast<int>(empty_by_type_.size()); }
  Objective GetObjective() const;

  /// Replaces route r's stops (the caller keeps jobs whole) and refreshes the indexes.
  void SetStops(int r, std::vector<int> stops);
  /// Takes a job out of its route (no-op when unassigned) and lists it as unassigned.
  void RemoveJob(int job);
  /// Inserts an unassigned job: a single stop before index `pos` of the route's stops, or a shipment's pickup
  /// before `pos` and its delivery before `pos2` of the sequence that already holds the pickup.
  void InsertJob(int job, int r, int pos, int pos2);

  void BeginTransaction();
  void Commit();
  void Rollback();

  /// The answer in reporting form, with reasons for unassigned jobs.
  Solution Export() const;

 private:
  void Touch(int r);
  void Refresh(int r);
  void MarkUnassigned(int job);
  void MarkAssigned(int job);

  const Problem* problem_;
  std::vector<Route> routes_;
  std::vector<int> route_of_job_;
  std::vector<int> pos_of_stop_;
  std::vector<int> unassigned_;
  std::vector<int> unassigned_index_;
  std::vector<std::set<int>> empty_by_type_;
  std::vector<Cost> route_cost_;
  Cost total_cost_ = 0;
  std::int64_t unserved_weight_ = 0;
  int used_vehicles_ = 0;

  bool in_transaction_ = false;
  std::vector<char> touched_;
  std::vector<std::pair<int, Route>> saved_routes_;
  std::vector<int> saved_unassigned_;
};

}  // namespace lien::rounds::solver
