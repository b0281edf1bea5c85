#pragma once
// Partners and the accounts that act for them (tables partners, partner_members), on the caller's connection.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "calls/partner_rules.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace lien::calls {

/// Partners by name; inactive ones only when asked.
std::vector<Partner> ListPartners(db::Connection& connection, bool include_inactive);
std::optional<Partner> LoadPartner(db::Connection& connection, std::int64_t id);
/// Stores a normalised draft (NormalisePartner first).
Partner CreatePartner(db::Connection& connection, const PartnerDraft& draft, core::EpochMillis now);
/// Replaces the partner at `expected_version`. Errors: kNotFound `partners.not_found`, kPreconditionFailed.
core::Result<Partner> UpdatePartner(db::Connection& connection, std::int64_t id, std::int64_t expected_version,
                                    const PartnerDraft& draft);
/// Deletes a partner no referral names. Errors: kNotFound, kPreconditionFailed, kConflict `partners.in_use`.
core::Status DeletePartner(db::Connection& connection, std::int64_t id, std::int64_t expected_version);

struct PartnerMember {
  std::int64_t user_id = 0;
  std::string login;
  std::string display_name;
};
std::vector<PartnerMember> MembersOf(db::Connection& connection, std::int64_t partner_id);
/// Links the account `login` to the partner (moving it from another partner if it was linked). Only an
/// enabled account of role partner (kInvalidInput `partners.member_not_partner`); an unknown login is
/// kInvalidInput `partners.member_not_found`. Returns the member.
core::Result<PartnerMember> AddMember(db::Connection& connection, std::int64_t partner_id, const std::string& login);
/// Unlinks an account from the partner. Errors: kNotFound `partners.member_not_found`.
core::Status RemoveMember(db::Connection& connection, std::int64_t partner_id, std::int64_t user_id);

}  // namespace lien::calls
