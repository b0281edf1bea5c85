#pragma once
// Internal to the escalation routes: who acts, the audit event, the escalations with their persons as JSON.

#include <string>
#include <vector>

#include "audit/entry.hpp"
#include "auth/model.hpp"
#include "calls/escalation_actions.hpp"
#include "http/json_body.hpp"

namespace lien::calls::support {

EscalationActor ActorOf(const auth::Principal& principal);

/// An audit event about the escalation's person, purpose follow_up.
audit::Event EscalationEvent(const auth::Principal& principal, const http::Request& request, std::string action,
                             const Escalation& escalation);

/// An audit event about a list of escalations: the persons' ids in the details (identifiers only).
audit::Event ListedEvent(const auth::Principal& principal, const http::Request& request, std::string action,
                         const std::vector<Escalation>& escalations);

/// The escalations with their persons, emergency contacts and last calls, in the order given.
http::Json DetailedJson(db::Connection& connection, const std::vector<Escalation>& escalations);

/// A reply with the escalation's ETag.
http::Response EscalationReply(int status, http::Json body, std::int64_t version);

/// The error reply with more members beside "error" (a 412's current record).
http::Response ErrorWith(const core::Error& error, const http::Request& request, const http::Json& extra);

}  // namespace lien::calls::support
