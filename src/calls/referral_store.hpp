#pragma once
// Referrals in the database (table referrals), on the caller's connection. A referral's changes drive its
// need: creating one makes the need `referred`; when the last live referral of a need is refused or cancelled,
// the need is `open` again (it still waits for an answer). No audit here: the routes append theirs.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "calls/referral_rules.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace lien::calls {

struct Referral {
  std::int64_t id = 0;
  std::optional<std::int64_t> need_id;
  std::int64_t person_id = 0;
  std::string service;
  std::optional<std::int64_t> partner_id;
  std::string state{kReferralProposed};
  std::optional<std::string> due_on;
  std::string notes;          ///< the platform's own notes: never shown to a partner
  std::string partner_notes;  ///< what the partner writes back
  core::EpochMillis created_at = 0;
  std::optional<std::int64_t> created_by;
  std::optional<core::EpochMillis> sent_at;
  std::optional<core::EpochMillis> answered_at;
  std::optional<core::EpochMillis> done_at;
  core::EpochMillis updated_at = 0;
  std::int64_t version = 1;
};

/// Refers a need (ValidateReferralDraft against `today`, Paris 'YYYY-MM-DD'). Errors: kNotFound `needs.not_found`;
/// kConflict `referrals.need_closed`; kInvalidInput `partners.not_found` (field partner_id),
/// `referrals.partner_inactive`, `referrals.partner_service_mismatch`.
core::Result<Referral> CreateReferral(db::Connection& connection, const ReferralDraft& draft,
                                      std::optional<std::int64_t> actor_id, core::EpochMillis now,
                                      std::string_view today);

std::optional<Referral> LoadReferral(db::Connection& connection, std::int64_t id);
/// A person's referrals, live ones first, newest first.
std::vector<Referral> ReferralsOfPerson(db::Connection& connection, std::int64_t person_id);
/// The referrals of several needs, in id order.
std::vector<Referral> ReferralsOfNeed(db::Connection& connection, std::int64_t need_id);

struct ReferralFilter {
  bool overdue_only = false;
  std::string today;  ///< Paris 'YYYY-MM-DD', for overdue_only
  std::optional<std::string> state;
  int limit = 100;
  int offset = 0;
};
/// Referrals matching `filter`: the earliest due first (no due date last), then oldest.
std::vector<Referral> FindReferrals(db::Connection& connection, const ReferralFilter& filter);
/// Live referrals whose due date is before `today`: the coordinator's badge.
std::int64_t CountOverdueReferrals(db::Connection& connection, std::string_view today);

/// What changes on a referral; absent members stay.
struct ReferralChange {
  std::optional<std::string> state;
  std::optional<std::string> due_on;  ///< "" clears it
  std::optional<std::string> notes;
  std::optional<std::string> partner_notes;
};

/// Applies `change` at `expected_version`: the state through CheckReferralTransition(actor), its instant
/// (sent_at, answered_at, done_at), the due date checked like a draft's. A partner changes only the state and
/// partner_notes (kInvalidInput `validation.unknown_field` otherwise). Errors: kNotFound `referrals.not_found`,
/// kPreconditionFailed, the rules' errors.
core::Result<Referral> ChangeReferral(db::Connection& connection, std::int64_t id, std::int64_t expected_version,
                                      const ReferralChange& change, ReferralActor actor,
                                      std::optional<std::int64_t> actor_id, core::EpochMillis now,
                                      std::string_view today);

/// The partner an account acts for (partner_members), or nullopt.
std::optional<std::int64_t> PartnerOfAccount(db::Connection& connection, std::int64_t user_id);
/// The referrals sent to a partner (every state but proposed), live ones first, the earliest due first.
std::vector<Referral> ReferralsOfPartner(db::Connection& connection, std::int64_t partner_id);
/// A referral when it was sent to `partner_id`; nullopt otherwise (another partner's referral does not exist
/// for this one).
std::optional<Referral> LoadPartnerReferral(db::Connection& connection, std::int64_t id, std::int64_t partner_id);

}  // namespace lien::calls
