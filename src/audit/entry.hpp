#pragma once
// One line of the audit trail: who did what to which record, when, from where and why. Identifiers only:
// never the sensitive values themselves.

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "core/clock.hpp"

namespace lien::audit {

struct Event {
  std::optional<std::int64_t> actor_id;  ///< Empty for an anonymous request (a failed login) or the system.
  std::string actor_login;
  std::string actor_role;
  std::string action;        ///< "session.login", "user.update", "request.refused"...
  std::string subject_type;  ///< "user", "session", "route", "person"...
  std::string subject_id;
  std::string client_address;
  std::string request_id;
  std::string purpose;         ///< The purpose the access serves: "authentication", "administration", "register"...
  std::string outcome = "ok";  ///< "ok", "refused" or "failed".
  std::map<std::string, std::string> details;  ///< Identifiers and counts only.
};

struct Entry {
  std::int64_t id = 0;
  core::EpochMillis at = 0;
  Event event;
  std::string prev_hash;
  std::string hash;
};

struct Filter {
  std::string actor_login;
  std::string subject_type;
  std::string subject_id;
  std::string action;
  core::EpochMillis from = 0;  ///< Inclusive; 0 = no lower bound.
  core::EpochMillis to = 0;    ///< Exclusive; 0 = no upper bound.
  std::int64_t before_id = 0;  ///< Cursor: entries older than this id; 0 = from the newest.
  int limit = 50;
};

struct VerifyReport {
  bool ok = true;
  std::int64_t checked = 0;
  std::optional<std::int64_t> first_broken_id;  ///< The first entry whose link or content does not hold.
  std::string reason;                           ///< "content", "link" or "tail" (rows removed at the end).
};

}  // namespace lien::audit
