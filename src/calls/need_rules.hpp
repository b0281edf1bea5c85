#pragma once
// Needs records (fiches, issue 4 "Needs records"): the vocabulary, what a valid draft holds and how a need's
// state moves. No storage, no JSON (need_store and need_routes do those).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace lien::calls {

/// groceries, meals, medicines, hygiene, isolation, psychological_distress, money, paperwork, health, housing.
std::span<const std::string_view> NeedKinds();
/// none, low, high, immediate (from the least to the most urgent).
std::span<const std::string_view> Urgencies();
/// 0 for none … 3 for immediate; -1 for a word outside Urgencies().
int UrgencyRank(std::string_view urgency);

/// Where a need comes from: a call, a home visit after an escalation, an inbound request, or a social worker
/// following the person up directly.
inline constexpr std::string_view kNeedFromCall = "call";
inline constexpr std::string_view kNeedFromVisit = "visit";
inline constexpr std::string_view kNeedFromInbound = "inbound";
inline constexpr std::string_view kNeedFromFollowUp = "follow_up";

inline constexpr std::string_view kNeedOpen = "open";
inline constexpr std::string_view kNeedReferred = "referred";
inline constexpr std::string_view kNeedClosed = "closed";

inline constexpr std::size_t kMaxNeedNotesLength = 4000;

/// What a caller, a visit, the inbound line or a social worker gives to record a need. Exactly the link that
/// matches `source` is set: `call_id` for a call, `escalation_id` for a visit, `inbound_request_id` for an
/// inbound request, none for follow_up.
struct NeedDraft {
  std::int64_t person_id = 0;
  std::string source{kNeedFromFollowUp};
  std::optional<std::int64_t> call_id;
  std::optional<std::int64_t> escalation_id;
  std::optional<std::int64_t> inbound_request_id;
  std::string kind;
  std::string urgency{"none"};
  std::string notes;  ///< Sensitive: read only by follow_up holders.
};

struct Need {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::string source;
  std::optional<std::int64_t> call_id;
  std::optional<std::int64_t> escalation_id;
  std::optional<std::int64_t> inbound_request_id;
  std::string kind;
  std::string urgency;
  std::string notes;
  std::string state{kNeedOpen};
  core::EpochMillis created_at = 0;
  std::optional<std::int64_t> created_by;
  std::optional<core::EpochMillis> closed_at;
  std::optional<std::int64_t> closed_by;
  std::int64_t version = 1;
};

/// Checks a draft: the kind among NeedKinds() (`needs.invalid_kind`, field kind), the urgency among Urgencies()
/// (`needs.invalid_urgency`), the source and its one link (`needs.invalid_source`, `needs.source_link_missing`
/// naming the missing id field, `needs.source_link_extra`), the notes' length (`validation.too_long`). All
/// kInvalidInput.
core::Status ValidateNeedDraft(const NeedDraft& draft);

/// Whether a need may go from `from` to `to`: open → referred | closed, referred → open | closed,
/// closed → open (reopened). Anything else is kConflict `needs.illegal_transition` with {from} and {to}; an
/// unknown state is kInvalidInput `needs.invalid_state`.
core::Status CheckNeedTransition(std::string_view from, std::string_view to);

}  // namespace lien::calls
