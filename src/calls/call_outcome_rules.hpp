#pragma once
// What a recorded call does to the day's worklist item, the enrolment and the person (issue 4, "Calling"; the
// table is in docs/calls.md, "Outcomes"). Pure: the store applies the decision in the call's transaction.
//
//  reached       item done; the enrolment's last_reached_at and the person's last contact are set.
//  refused       item done; also a contact (the person answered and said no): no retry, no escalation.
//  no_answer, busy, voicemail
//                a retry: attempts + 1 and not_before = now + the campaign's delay while attempts are left
//                today and the retry falls before the day ends; else the item fails (it comes back first
//                tomorrow as missed). A retry after the end of the caller's shift goes to a colleague working
//                then, or to the next day (worklist_store.hpp, PlaceRetry).
//  wrong_number  item failed and flagged to the coordinator (the number must be fixed; the person stays
//                enrolled and comes back tomorrow).
//  in_hospital, away
//                item done, the enrolment paused (no calls until a coordinator resumes it), the coordinator
//                informed. The person's register status is not changed from a call: a coordinator does that.
//  deceased      item done, every active enrolment of the person ended, the coordinator informed.

#include <cstdint>
#include <optional>
#include <string_view>

#include "calls/schedule_model.hpp"
#include "core/clock.hpp"

namespace lien::calls {

/// The states of a worklist item (worklist_items.state).
enum class ItemState : std::uint8_t {
  kPending,  ///< to call (again), from not_before
  kDone,     ///< nothing more to do today
  kFailed,   ///< tried and not reached, no attempt left today, or a wrong number
  kMoved,    ///< taken off this list by a re-plan after an attempt (kept for the record of that attempt)
};
std::string_view ItemStateName(ItemState state);
std::optional<ItemState> ItemStateFromName(std::string_view name);

/// What happens to the enrolment(s) after the call.
enum class EnrolmentChange : std::uint8_t {
  kNone,
  kPause,          ///< this enrolment is paused (in hospital, away)
  kEndAllOfPerson  ///< every active enrolment of the person ends (deceased)
};

struct OutcomeDecision {
  ItemState item_state = ItemState::kDone;
  std::int32_t attempts = 0;                    ///< the item's attempts after this call
  std::optional<core::EpochMillis> retry_at{};  ///< set when item_state is kPending: the new not_before
  /// The colleague whose list the retry moves to, when the item's caller no longer works at retry_at (the store's
  /// PlaceRetry decides; unset: the same list).
  std::optional<CallerId> retry_caller_id{};
  bool reached = false;  ///< enrolment.last_reached_at = the call's time
  bool contact = false;  ///< persons.last_contact_at = the call's time
  EnrolmentChange enrolment_change = EnrolmentChange::kNone;
  bool inform_coordinator = false;  ///< flagged on the coordinator's view of the day
};

/// The decision for a call with `outcome` made at `now`, the item having had `attempts_before` attempts today;
/// `day_end` is the UTC instant the item's Paris day ends (a retry must fall before it).
OutcomeDecision DecideOutcome(CallOutcome outcome, core::EpochMillis now, std::int32_t attempts_before,
                              const RetryPolicy& policy, core::EpochMillis day_end);

/// A campaign's stored retry settings (one delay, a maximum a day) as a RetryPolicy: no answer, busy and
/// voicemail all wait `delay_minutes`. Values out of range fall back to the kind's defaults.
RetryPolicy CampaignRetryPolicyOf(std::int32_t delay_minutes, std::int32_t max_attempts_per_day);

}  // namespace lien::calls
