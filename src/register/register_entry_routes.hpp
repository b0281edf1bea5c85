#pragma once
// HTTP routes of register entries (under /api/v1/persons/{id}/register-entry), the due list of acknowledgements
// and the acknowledgement letter. Every route: permission `register`, then the designation and the secrecy
// acknowledgement (RequireRegisterAgent); every read and change is audited with purpose "register".

#include "auth/guard.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace lien::registry {

void AddRegisterEntryRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock);

}  // namespace lien::registry
