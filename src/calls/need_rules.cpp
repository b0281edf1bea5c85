#include "calls/need_rules.hpp"

#include <algorithm>
#include <array>

namespace lien::calls {
namespace {

constexpr std::array<std::string_view, 10> kKinds = {
    "groceries", "meals",     "medicines", "hygiene", "isolation", "psychological_distress",
    "money",     "paperwork", "health",    "housing"};
constexpr std::array<std::string_view, 4> kUrgencies = {"none", "low", "high", "immediate"};
constexpr std::array<std::string_view, 3> kStates = {kNeedOpen, kNeedReferred, kNeedClosed};

bool Among(std::span<const std::string_view> words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

core::Status RequireLink(const std::optional<std::int64_t>& link, bool wanted, const char* field) {
  if (wanted && (!link || *link <= 0)) {
    return core::Fail(core::ErrorCode::kInvalidInput, "needs.source_link_missing", field, {{"field", field}});
  }
  if (!wanted && link) {
    return core::Fail(core::ErrorCode::kInvalidInput, "needs.source_link_extra", field, {{"field", field}});
  }
  return {};
}

}  // namespace

std::span<const std::string_view> NeedKinds() { return kKinds; }
std::span<const std::string_view> Urgencies() { return kUrgencies; }

int UrgencyRank(std::string_view urgency) {
  const auto it = std::find(kUrgencies.begin(), kUrgencies.end(), urgency);
  return it == kUrgencies.end() ? -1 : static_cast<int>(it - kUrgencies.begin());
}

core::Status ValidateNeedDraft(const NeedDraft& draft) {
  if (!Among(kKinds, draft.kind)) return core::Fail(core::ErrorCode::kInvalidInput, "needs.invalid_kind", "kind");
  if (!Among(kUrgencies, draft.urgency)) {
    return core::Fail(core::ErrorCode::kInvalidInput, "needs.invalid_urgency", "urgency");
  }
  const std::array<std::string_view, 4> sources = {kNeedFromCall, kNeedFromVisit, kNeedFromInbound, kNeedFromFollowUp};
  if (!Among(sources, draft.source)) {
    return core::Fail(core::ErrorCode::kInvalidInput, "needs.invalid_source", "source");
  }
  if (auto ok = RequireLink(draft.call_id, draft.source == kNeedFromCall, "call_id"); !ok) return ok;
  if (auto ok = RequireLink(draft.escalation_id, draft.source == kNeedFromVisit, "escalation_id"); !ok) return ok;
  if (auto ok = RequireLink(draft.inbound_request_id, draft.source == kNeedFromInbound, "inbound_request_id"); !ok) {
    return ok;
  }
  if (draft.notes.size() > kMaxNeedNotesLength) {
    return core::Fail(core::ErrorCode::kInvalidInput, "validation.too_long", "notes",
                      {{"max", std::to_string(kMaxNeedNotesLength)}});
  }
  return {};
}

core::Status CheckNeedTransition(std::string_view from, std::string_view to) {
  if (!Among(kStates, to)) return core::Fail(core::ErrorCode::kInvalidInput, "needs.invalid_state", "state");
  const bool allowed = (from == kNeedOpen && (to == kNeedReferred || to == kNeedClosed)) ||
                       (from == kNeedReferred && (to == kNeedOpen || to == kNeedClosed)) ||
                       (from == kNeedClosed && to == kNeedOpen);
  if (!allowed) {
    return core::Fail(core::ErrorCode::kConflict, "needs.illegal_transition", "state",
                      {{"from", std::string(from)}, {"to", std::string(to)}});
  }
  return {};
}

}  // namespace lien::calls
