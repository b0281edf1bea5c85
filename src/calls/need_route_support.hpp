#pragma once
// Internal to the needs, referrals, partners and inbound routes: replies, bodies and audit events they share.

#include <string>

#include "audit/trail.hpp"
#include "auth/audit_events.hpp"
#include "auth/guard.hpp"
#include "calls/need_json.hpp"
#include "calls/referral_rules.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace lien::calls::needs_support {

inline http::Response Error(const core::Error& error, const http::Request& request) {
  return http::ErrorResponse(error, request);
}

/// A record reply with its ETag.
inline http::Response Reply(int status, const http::Json& body, std::int64_t version) {
  auto response = http::JsonReply(status, body);
  response.SetHeader("ETag", "\"" + std::to_string(version) + "\"");
  return response;
}

/// A record reply with the ETag of its body's `version` (the ReplyFormat of the creating POSTs).
inline http::Response RecordReply(int status, const http::Json& body) {
  return Reply(status, body, body.at("version").get<std::int64_t>());
}

inline http::Response NoContent() {
  http::Response response;
  response.status = 204;
  response.content_type.clear();
  return response;
}

/// An audit event by the principal about (subject_type, subject_id), purpose follow_up unless told.
inline audit::Event EventOf(const auth::Principal& principal, const http::Request& request, std::string action,
                            std::string subject_type, std::int64_t subject_id, std::string purpose = "follow_up") {
  return auth::EventBy(principal.user, auth::InfoOf(request), std::move(action), std::move(subject_type),
                       std::to_string(subject_id), std::move(purpose));
}

/// Paris 'YYYY-MM-DD' of the clock's now.
inline std::string Today(const core::Clock& clock) { return ParisIsoDay(clock.Now()); }

/// ?limit= (1..500, 100) and ?offset= (0.., 0).
struct Page {
  int limit = 100;
  int offset = 0;
};
inline core::Result<Page> PageOf(const http::Request& request) {
  auto limit = http::QueryInt(request, "limit", 100, 1, 500);
  if (!limit) return core::Fail(limit.error());
  auto offset = http::QueryInt(request, "offset", 0, 0, 1'000'000'000);
  if (!offset) return core::Fail(offset.error());
  return Page{static_cast<int>(*limit), static_cast<int>(*offset)};
}

/// Partner names by id, for referral lists.
std::map<std::int64_t, std::string> PartnerNames(db::Connection& connection);

}  // namespace lien::calls::needs_support
