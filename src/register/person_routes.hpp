#pragma once
// HTTP routes of persons (docs/register.md, "HTTP API"): create with duplicate check, read, search, edit with
// If-Match, history, duplicates, merge, households. Every read or change of a person appends an audit event
// in the same transaction.

#include "auth/guard.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace lien::registry {

void AddPersonRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock);

}  // namespace lien::registry
