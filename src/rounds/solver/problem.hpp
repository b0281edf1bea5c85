#pragma once
// The routing problem the optimiser solves: stops, jobs (single stops or pickup-and-drop pairs), vehicles
// and travel matrices per profile. Plain data filled by a reader, then checked and indexed by Prepare().

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "rounds/solver/matrix.hpp"
#include "rounds/solver/types.hpp"

namespace lien::rounds::solver {

/// One place to visit. A single job has one stop; a shipment has a pickup stop and a delivery stop.
struct Stop {
  int job = -1;      ///< Index of the owning job.
  int location = 0;  ///< Index in the matrices.
  Duration service = 0;
  std::vector<TimeWindow> windows{TimeWindow{}};  ///< Sorted, disjoint, non-empty.
  /// Amount loaded at the route start and handed over here (a delivery of a single job).
  Amount start_load;
  /// Change of the on-board load here for goods not loaded at the start: a single job's pickup (carried to
  /// the end), a shipment's amount (+ at its pickup stop, − at its delivery stop).
  Amount load_delta;
  bool is_pickup = false;    ///< The first stop of a shipment.
  bool is_delivery = false;  ///< The second stop of a shipment.
  int order_rank = -1;       ///< Position in the pinned vehicle's fixed order; -1 when free.
};

/// A unit of work the planner asks for.
struct Job {
  std::string id;          ///< The caller's identifier, used in messages and output.
  std::vector<int> stops;  ///< One stop, or two (pickup then delivery) for a shipment.
  std::vector<std::string> skills;
  int priority = 0;              ///< 0..100; higher is served first when not everything fits.
  Duration max_ride = kNoLimit;  ///< Shipments: longest time from the end of pickup to the start of delivery.
  int pinned_vehicle = -1;       ///< Vehicle index the planner fixed this job to; -1 when free.
  bool IsShipment() const { return stops.size() == 2; }
};

/// A vehicle and its driver's shift.
struct Vehicle {
  std::string id;
  int start = -1;  ///< Location index, or -1 for "starts at its first stop".
  int end = -1;    ///< Location index, or -1 for "ends at its last stop".
  TimeWindow shift;
  Amount capacity;
  std::vector<std::string> skills;
  int profile = 0;  ///< Index into the problem's matrices.
  Duration max_travel_time = kNoLimit;
  Distance max_distance = kNoLimit;
  Cost fixed_cost = 0;           ///< Paid once when the vehicle is used.
  std::vector<int> fixed_order;  ///< Job indices this vehicle must serve in this order (a planner's pin).
};

/// Travel matrices of one vehicle profile ("car", "bike"...). `costs` and `distances` may be empty: the
/// cost of an arc is then its duration and distances are reported as 0.
struct Profile {
  std::string name = "car";
  Matrix durations;
  Matrix distances;
  Matrix costs;
  const Matrix& Costs() const { return costs.Empty() ? durations : costs; }
};

struct Problem {
  int dimensions = 1;  ///< Capacity dimensions in use (1..kMaxDimensions).
  std::vector<Stop> stops;
  std::vector<Job> jobs;
  std::vector<Vehicle> vehicles;
  std::vector<Profile> profiles;
  bool minimize_vehicles = false;  ///< Lexicographic objective: fewest vehicles, then cost.

  // Filled by Prepare().
  std::vector<char> compatible;              ///< jobs × vehicles, row-major: skills and pins allow it.
  std::vector<std::vector<int>> neighbours;  ///< Per job, other jobs by increasing travel cost.
  std::vector<int> vehicle_type;             ///< Vehicles with equal type are interchangeable when empty.

  bool Compatible(int job, int vehicle) const {
    return compatible[static_cast<std::size_t>(job) * vehicles.size() + static_cast<std::size_t>(vehicle)] != 0;
  }
  int LocationCount() const { return profiles.empty() ? 0 : profiles[0].durations.Size(); }
};

/// Limits that keep memory and time bounded; inputs above them are refused with a message.
inline constexpr int kMaxJobs = 5000;
inline constexpr int kMaxVehicles = 2000;
inline constexpr int kMaxLocations = 6000;

/// Checks the problem (windows, amounts, matrix sizes, indices) and fills the derived indexes. Errors name the
/// job or vehicle and the field: code kInvalidInput, key "solver.invalid_input", args {"detail": English text}.
core::Status Prepare(Problem& problem);

/// An kInvalidInput error with the solver's message key and an English `detail`.
core::Error InvalidInput(const std::string& field, const std::string& detail);

}  // namespace lien::rounds::solver
