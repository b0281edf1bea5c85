#pragma once
// Builds the audit events of the auth module: who (the principal or an anonymous login attempt) and where from.

#include <optional>
#include <string>

#include "audit/entry.hpp"
#include "auth/model.hpp"

namespace lien::auth {

inline audit::Event EventBy(const User& actor, const RequestInfo& info, std::string action, std::string subject_type,
                            std::string subject_id, std::string purpose) {
  audit::Event event;
  event.actor_id = actor.id;
  event.actor_login = actor.login;
  event.actor_role = std::string(RoleName(actor.role));
  event.action = std::move(action);
  event.subject_type = std::move(subject_type);
  event.subject_id = std::move(subject_id);
  event.client_address = info.client_address;
  event.request_id = info.request_id;
  event.purpose = std::move(purpose);
  return event;
}

/// For requests without a signed-in account: a failed login names the login tried, nothing else.
inline audit::Event AnonymousEvent(const std::string& login_tried, const RequestInfo& info, std::string action) {
  audit::Event event;
  event.actor_login = login_tried;
  event.actor_role = "anonymous";
  event.action = std::move(action);
  event.subject_type = "user";
  event.subject_id = login_tried;
  event.client_address = info.client_address;
  event.request_id = info.request_id;
  event.purpose = "authentication";
  return event;
}

}  // namespace lien::auth
