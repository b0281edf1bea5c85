#pragma once
// HTTP routes of the auth module: the session (sign in, out, who am I), the user's own password and second
// factor, and account administration. See docs/api-contract-auth.md and docs/openapi.yaml.

#include "auth/accounts.hpp"
#include "auth/guard.hpp"
#include "auth/sessions.hpp"

namespace lien::auth {

void AddAuthRoutes(ApiRoutes& routes, Sessions& sessions, Accounts& accounts);

}  // namespace lien::auth
