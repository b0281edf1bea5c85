#pragma once
// JSON of needs, referrals, partners, inbound requests and situations, and the small body readers their routes
// share. Other parts of the call platform (the caller's screen, the visits) use NeedJson to show a need.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "calls/inbound_store.hpp"
#include "calls/need_store.hpp"
#include "calls/partner_store.hpp"
#include "calls/referral_store.hpp"
#include "calls/situation_store.hpp"
#include "core/result.hpp"
#include "http/json_body.hpp"
#include "register/model.hpp"

namespace lien::calls {

/// A need; `with_notes` only for follow_up holders (the notes are sensitive).
http::Json NeedJson(const Need& need, bool with_notes);
/// A referral as the platform sees it (its notes and the partner's).
http::Json ReferralJson(const Referral& referral, const std::map<std::int64_t, std::string>& partner_names = {});
/// A referral as its partner sees it: no platform notes, the person's name, address and phones to act.
http::Json PartnerReferralJson(const Referral& referral, const registry::Person* person);
http::Json PartnerJson(const Partner& partner);
http::Json InboundJson(const InboundRequest& request);
http::Json SituationJson(const SituationFollowed& situation);
/// {id, civility, last_name, first_names} of a person, or null.
http::Json PersonNameJson(const registry::Person* person);

/// The persons of these ids, by id (one query).
std::map<std::int64_t, registry::Person> PersonsById(db::Connection& connection, std::vector<std::int64_t> ids);

/// An optional positive integer member (an id); kInvalidInput `validation.type` otherwise.
core::Result<std::optional<std::int64_t>> OptionalId(const http::Json& body, const char* field);
/// An optional boolean member.
core::Result<std::optional<bool>> OptionalBool(const http::Json& body, const char* field);

}  // namespace lien::calls
