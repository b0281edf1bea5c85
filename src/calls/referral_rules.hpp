#pragma once
// Referrals (issue 4 "Referrals"): a need passed to a partner or an internal service. The vocabulary, the state
// machine with who may move it, and what "overdue" means. No storage, no JSON.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace lien::calls {

/// home_help, meal_delivery, psychologists, emergency_aid, social_worker, charity.
std::span<const std::string_view> ReferralServices();

inline constexpr std::string_view kReferralProposed = "proposed";
inline constexpr std::string_view kReferralSent = "sent";
inline constexpr std::string_view kReferralAccepted = "accepted";
inline constexpr std::string_view kReferralRefused = "refused";
inline constexpr std::string_view kReferralDone = "done";
inline constexpr std::string_view kReferralCancelled = "cancelled";

/// The six states, in the order of the workflow.
std::span<const std::string_view> ReferralStates();
/// proposed, sent, accepted: the referral still waits on someone (a situation followed).
bool ReferralIsLive(std::string_view state);

inline constexpr std::size_t kMaxReferralNotesLength = 4000;

/// Who moves a referral: the platform (coordinators and social workers, who may also record what an internal
/// service or a partner answered by phone) or the partner's own account.
enum class ReferralActor { kPlatform, kPartner };

/// proposed → sent | cancelled; sent → accepted | refused | cancelled; accepted → done | cancelled. A partner
/// account only answers: sent → accepted | refused, accepted → done. Errors: kInvalidInput
/// `referrals.invalid_state` for a word outside ReferralStates(); kConflict `referrals.illegal_transition`
/// ({from}, {to}) for a move the machine does not have; kForbidden `referrals.partner_transition` for a move a
/// partner may not make.
core::Status CheckReferralTransition(std::string_view from, std::string_view to, ReferralActor actor);

struct ReferralDraft {
  std::int64_t need_id = 0;
  std::string service;
  std::optional<std::int64_t> partner_id;
  std::optional<std::string> due_on;  ///< 'YYYY-MM-DD'
  std::string notes;
  bool send_now = false;  ///< created straight in state sent (the social worker sent it while recording it)
};

/// The service among ReferralServices() (`referrals.invalid_service`), the due date a real 'YYYY-MM-DD' day
/// (`referrals.invalid_due_on`) not before `today` (`referrals.due_in_past`), the notes' length.
core::Status ValidateReferralDraft(const ReferralDraft& draft, std::string_view today);

/// A real calendar day written 'YYYY-MM-DD'.
bool IsIsoDay(std::string_view text);

/// Overdue: a due date before `today` ('YYYY-MM-DD', Paris) while the referral is still live.
bool ReferralIsOverdue(std::string_view state, const std::optional<std::string>& due_on, std::string_view today);

/// The Paris calendar day of an instant, 'YYYY-MM-DD' (the day a due date is compared with).
std::string ParisIsoDay(core::EpochMillis instant);

}  // namespace lien::calls
