#pragma once
// Writes a solution in the spirit of VROOM's output: code, summary, unassigned (with Lien's "reason"), and
// routes with steps (type, id, location, arrival, waiting, service, load, cumulated duration and distance).

#include <nlohmann/json.hpp>

#include "rounds/solver/evaluation.hpp"
#include "rounds/solver_json/vroom_input.hpp"

namespace lien::rounds::solver_json {

nlohmann::json WriteVroomSolution(const ParsedInput& input, const solver::Solution& solution);

/// `{"code": <code>, "error": "<message>"}` as VROOM does (code 2: input error, 1: internal, 3: routing).
nlohmann::json WriteVroomError(int code, const std::string& message);

}  // namespace lien::rounds::solver_json
