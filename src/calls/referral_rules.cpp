#include "calls/referral_rules.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>

#include "calls/agreed_window.hpp"

namespace lien::calls {
namespace {

constexpr std::array<std::string_view, 6> kServices = {"home_help",     "meal_delivery", "psychologists",
                                                       "emergency_aid", "social_worker", "charity"};
constexpr std::array<std::string_view, 6> kStates = {kReferralProposed, kReferralSent, kReferralAccepted,
                                                     kReferralRefused,  kReferralDone, kReferralCancelled};

bool Among(std::span<const std::string_view> words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool MachineAllows(std::string_view from, std::string_view to) {
  if (from == kReferralProposed) return to == kReferralSent || to == kReferralCancelled;
  if (from == kReferralSent) return to == kReferralAccepted || to == kReferralRefused || to == kReferralCancelled;
  if (from == kReferralAccepted) return to == kReferralDone || to == kReferralCancelled;
  return false;
}

}  // namespace

std::span<const std::string_view> ReferralServices() { return kServices; }
std::span<const std::string_view> ReferralStates() { return kStates; }

bool ReferralIsLive(std::string_view state) {
  return state == kReferralProposed || state == kReferralSent || state == kReferralAccepted;
}

core::Status CheckReferralTransition(std::string_view from, std::string_view to, ReferralActor actor) {
  if (!Among(kStates, to)) return core::Fail(core::ErrorCode::kInvalidInput, "referrals.invalid_state", "state");
  if (!MachineAllows(from, to)) {
    return core::Fail(core::ErrorCode::kConflict, "referrals.illegal_transition", "state",
                      {{"from", std::string(from)}, {"to", std::string(to)}});
  }
  if (actor == ReferralActor::kPartner && to != kReferralAccepted && to != kReferralRefused && to != kReferralDone) {
    return core::Fail(core::ErrorCode::kForbidden, "referrals.partner_transition", "state", {{"to", std::string(to)}});
  }
  return {};
}

bool IsIsoDay(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  const std::string copy(text);
  if (std::sscanf(copy.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) return false;
  return std::chrono::year_month_day(std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)).ok();
}

core::Status ValidateReferralDraft(const ReferralDraft& draft, std::string_view today) {
  if (!Among(kServices, draft.service)) {
    return core::Fail(core::ErrorCode::kInvalidInput, "referrals.invalid_service", "service");
  }
  if (draft.due_on) {
    if (!IsIsoDay(*draft.due_on)) {
      return core::Fail(core::ErrorCode::kInvalidInput, "referrals.invalid_due_on", "due_on");
    }
    if (*draft.due_on < today) return core::Fail(core::ErrorCode::kInvalidInput, "referrals.due_in_past", "due_on");
  }
  if (draft.notes.size() > kMaxReferralNotesLength) {
    return core::Fail(core::ErrorCode::kInvalidInput, "validation.too_long", "notes",
                      {{"max", std::to_string(kMaxReferralNotesLength)}});
  }
  return {};
}

bool ReferralIsOverdue(std::string_view state, const std::optional<std::string>& due_on, std::string_view today) {
  return ReferralIsLive(state) && due_on.has_value() && !due_on->empty() && *due_on < today;
}

std::string ParisIsoDay(core::EpochMillis instant) {
  const std::chrono::year_month_day day(ParisDayOf(instant));
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                static_cast<unsigned>(day.day()));
  return text;
}

}  // namespace lien::calls
