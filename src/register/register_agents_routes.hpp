#pragma once
// HTTP routes of the register agents: the admin designates and revokes them, an agent reads their own standing
// and acknowledges professional secrecy. Also the helpers every register route uses to check the designation
// and to record what it did.

#include <string>

#include "auth/guard.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace lien::registry {

void AddRegisterAgentRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock);

/// Checks the designation on its own read transaction; on refusal records `request.refused` (purpose
/// "register") in the audit trail and returns the error to answer.
core::Status CheckRegisterAgent(db::Database& database, const core::Clock& clock, const auth::Principal& principal,
                                const http::Request& request);

/// Records a refused register request (its own transaction: the refused work was rolled back).
void RecordRegisterRefusal(db::Database& database, const core::Clock& clock, const auth::Principal& principal,
                           const http::Request& request, const std::string& action, const std::string& subject_type,
                           const std::string& subject_id, const core::Error& error);

}  // namespace lien::registry
