#pragma once
// Internal to the persons' routes: what every handler needs (the reader's view, the audit event, error
// replies carrying extra fields, the duplicates as JSON).

#include <string>
#include <vector>

#include "audit/trail.hpp"
#include "auth/audit_events.hpp"
#include "auth/guard.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "http/json_body.hpp"
#include "register/duplicates.hpp"
#include "register/person_json.hpp"
#include "register/person_store.hpp"
#include "register/views.hpp"

namespace lien::registry::support {

/// True when the account is a designated register agent who has acknowledged professional secrecy
/// (docs/register.md, "Register agents").
bool IsDesignatedAgent(db::Connection& connection, const auth::Principal& principal);

/// The reader's view of persons' fields (without the register group: the register routes add it).
inline View PersonView(const auth::Principal& principal) { return ViewOf(principal.user.role, false); }

inline ChangeAuthor AuthorOf(const auth::Principal& principal) {
  return ChangeAuthor{principal.user.id, principal.user.login};
}

/// An audit event about person `person_id` by the principal.
audit::Event PersonEvent(const auth::Principal& principal, const http::Request& request, std::string action,
                         std::int64_t person_id, View view);

/// The error reply with more members beside "error" (a 409's duplicates, a 412's current record).
using http::ErrorWith;

/// [{person: summary, score, reasons: [code]}] of scored candidates.
http::Json DuplicatesJson(const std::vector<DuplicateMatch>& matches, const std::vector<Person>& candidates, View view,
                          const Date& today);

/// The body as an object (415/400 otherwise).
core::Result<http::Json> JsonBody(const http::Request& request);

/// A person reply with its ETag.
http::Response PersonReply(int status, http::Json body, std::int64_t version);

/// History rows as JSON, keeping only what `view` may read: rows of the delivery purpose need the household
/// group, rows of the register purpose the register group, and each field change its own group.
http::Json HistoryJson(const std::vector<HistoryEntry>& entries, View view);

/// PATCH, history, duplicates and merge (person_edit_routes.cpp).
void AddEditRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock);
/// GET, PUT and DELETE of a person's household (household_routes.cpp).
void AddHouseholdRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock);

}  // namespace lien::registry::support
