#pragma once
// One vehicle's route with cached forward/backward data so that inserting, removing or exchanging stops is
// checked in O(1): earliest service starts (forward), latest feasible starts (backward), load prefix/suffix
// maxima, and cost/travel/distance prefix sums. Update() recomputes everything in O(length) after a change.

#include <vector>

#include "rounds/solver/problem.hpp"

namespace lien::rounds::solver {

class Route {
 public:
  Route(const Problem& problem, int vehicle);

  int VehicleIndex() const { return vehicle_; }
  const Vehicle& GetVehicle() const { return *veh_; }
  const std::vector<int>& Stops() const { return stops_; }
  std::vector<int>& MutableStops() { return stops_; }  ///< Call Update() after changing.
  int Size() const { return static_cast<int>(stops_.size()); }
  bool Empty() const { return stops_.empty(); }

  /// Recomputes the caches. Afterwards Feasible() tells whether the sequence keeps every constraint that
  /// the O(1) machinery models (windows, shift, capacity, travel limits); Complex() routes need SlowCheck.
  void Update();
  bool Feasible() const { return feasible_; }
  /// True when the route holds stops whose constraints are not captured by the caches (a fixed order, a
  /// maximum ride time): every candidate change must then be confirmed with FullCheck().
  bool Complex() const { return complex_; }

  /// Travel cost plus the fixed cost when used.
  Cost TotalCost() const { return Empty() ? 0 : cost_prefix_.back() + veh_->fixed_cost; }
  Cost TravelCost() const { return cost_prefix_.back(); }

  // Cache accessors; index k: 0 = start, 1..Size() = stops, Size()+1 = end.
  int Loc(int k) const { return loc_[static_cast<std::size_t>(k)]; }
  int StopAt(int k) const { return stops_[static_cast<std::size_t>(k - 1)]; }
  Duration Service(int k) const { return service_[static_cast<std::size_t>(k)]; }
  Duration Earliest(int k) const { return earliest_[static_cast<std::size_t>(k)]; }
  Duration Departure(int k) const { return earliest_[static_cast<std::size_t>(k)] + Service(k); }
  Duration Latest(int k) const { return latest_[static_cast<std::size_t>(k)]; }
  const Amount& Load(int k) const { return load_[static_cast<std::size_t>(k)]; }
  const Amount& FwdMax(int k) const { return fwd_max_[static_cast<std::size_t>(k)]; }
  const Amount& BwdMax(int k) const { return bwd_max_[static_cast<std::size_t>(k)]; }
  /// Sum of start loads of stops after k (goods still on board for later drops).
  const Amount& StartLoadAfter(int k) const { return start_after_[static_cast<std::size_t>(k)]; }
  /// Sum of load deltas of stops up to k.
  const Amount& DeltaUpTo(int k) const { return delta_upto_[static_cast<std::size_t>(k)]; }
  Cost CostPrefix(int k) const { return cost_prefix_[static_cast<std::size_t>(k)]; }
  /// Cost of travelling stops k..l backwards (for reversals), as a prefix difference.
  Cost ReverseCostPrefix(int k) const { return rev_cost_prefix_[static_cast<std::size_t>(k)]; }
  Duration TravelPrefix(int k) const { return travel_prefix_[static_cast<std::size_t>(k)]; }
  Distance DistancePrefix(int k) const { return dist_prefix_[static_cast<std::size_t>(k)]; }
  /// Shipments picked up at or before k and delivered after k.
  int OpenShipments(int k) const { return open_[static_cast<std::size_t>(k)]; }

  Duration Travel(int from_loc, int to_loc) const { return dur_->At(from_loc, to_loc); }
  Cost ArcCost(int from_loc, int to_loc) const { return cost_->At(from_loc, to_loc); }
  Distance ArcDistance(int from_loc, int to_loc) const { return dist_ ? dist_->At(from_loc, to_loc) : 0; }

  /// O(1): can `stop` (of a single job) go between k and k+1 (0 <= k <= Size())? Sets the cost delta.
  bool CanInsert(int stop, int k, Cost* delta) const;
  /// O(1): can the stop at k (1..Size(), a single job) be taken out? Sets the (usually negative) delta.
  bool CanRemove(int k, Cost* delta) const;
  /// O(1): can the stop at k (single job) be replaced by `stop`? Sets the cost delta.
  bool CanReplace(int k, int stop, Cost* delta) const;

 private:
  const Problem* problem_;
  int vehicle_;
  const Vehicle* veh_;
  const Matrix* dur_;
  const Matrix* cost_;
  const Matrix* dist_;
  std::vector<int> stops_;
  bool feasible_ = true;
  bool complex_ = false;
  std::vector<int> loc_;
  std::vector<Duration> service_;
  std::vector<Duration> earliest_;
  std::vector<Duration> latest_;
  std::vector<Amount> load_;
  std::vector<Amount> fwd_max_;
  std::vector<Amount> bwd_max_;
  std::vector<Amount> start_after_;
  std::vector<Amount> delta_upto_;
  std::vector<Cost> cost_prefix_;
  std::vector<Cost> rev_cost_prefix_;
  std::vector<Duration> travel_prefix_;
  std::vector<Distance> dist_prefix_;
  std::vector<int> open_;
};

/// The stop's location, or the "nowhere" location for a vehicle without a start or an end place.
inline int StartLocation(const Vehicle& v, const Matrix& m) { return v.start >= 0 ? v.start : m.Nowhere(); }
inline int EndLocation(const Vehicle& v, const Matrix& m) { return v.end >= 0 ? v.end : m.Nowhere(); }

}  // namespace lien::rounds::solver
