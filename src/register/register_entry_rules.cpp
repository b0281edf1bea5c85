#include "register/register_entry_rules.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <utility>

#include "core/phone.hpp"
#include "core/text.hpp"

namespace lien::registry {
namespace {

using core::ErrorCode;
using core::Fail;

bool IsOneOf(std::span<const std::string_view> names, const std::string& value) {
  return std::find(names.begin(), names.end(), value) != names.end();
}

bool Blank(const std::optional<std::string>& text) {
  return !text || text->find_first_not_of(" \t\r\n") == std::string::npos;
}

std::string Trimmed(const std::optional<std::string>& text) {
  if (!text) return {};
  const auto first = text->find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = text->find_last_not_of(" \t\r\n");
  return text->substr(first, last - first + 1);
}

}  // namespace

core::Result<RegisterEntry> BuildEntry(const RegisterEntryDraft& draft, const Date& today) {
  const char* too_long = nullptr;
  ForEachDraftField(draft, [&](const char* field, const std::optional<std::string>& value) {
    if (too_long == nullptr && value && value->size() > kMaxEntryTextLength) too_long = field;
  });
  if (too_long != nullptr) {
    return Fail(ErrorCode::kInvalidInput, "validation.too_long", too_long,
                {{"max", std::to_string(kMaxEntryTextLength)}});
  }
  RegisterEntry entry;
  entry.ground = Trimmed(draft.ground);
  if (entry.ground.empty()) return Fail(ErrorCode::kInvalidInput, "validation.required", "ground");
  if (!IsOneOf(RegisterGrounds(), entry.ground)) {
    return Fail(ErrorCode::kInvalidInput, "register.invalid_ground", "ground");
  }
  entry.requested_by = Trimmed(draft.requested_by);
  if (entry.requested_by.empty()) return Fail(ErrorCode::kInvalidInput, "validation.required", "requested_by");
  if (!IsOneOf(Requesters(), entry.requested_by)) {
    return Fail(ErrorCode::kInvalidInput, "register.invalid_requested_by", "requested_by");
  }
  const bool self = entry.requested_by == "self";
  const bool third_party = entry.requested_by == "third_party";
  entry.requester_name = self ? std::string() : Trimmed(draft.requester_name);
  entry.requester_relation = third_party ? Trimmed(draft.requester_relation) : std::string();
  entry.request_evidence = Trimmed(draft.request_evidence);
  if (!self && entry.requester_name.empty()) {
    return Fail(ErrorCode::kInvalidInput, "validation.required", "requester_name");
  }
  if (third_party) {
    if (entry.requester_relation.empty()) {
      return Fail(ErrorCode::kInvalidInput, "validation.required", "requester_relation");
    }
    if (!IsOneOf(RequesterRelations(), entry.requester_relation)) {
      return Fail(ErrorCode::kInvalidInput, "register.invalid_requester_relation", "requester_relation");
    }
  }
  // CASF R.121-2: a request made by someone other than the person must be written; its trace is kept.
  if (!self && entry.request_evidence.empty()) {
    return Fail(ErrorCode::kInvalidInput, "register.evidence_required", "request_evidence");
  }
  if (Blank(draft.requested_on)) return Fail(ErrorCode::kInvalidInput, "validation.required", "requested_on");
  const auto requested_on = ParseIsoDate(Trimmed(draft.requested_on));
  if (!requested_on) return Fail(ErrorCode::kInvalidInput, "register.invalid_date", "requested_on");
  if (std::chrono::sys_days(*requested_on) > std::chrono::sys_days(today)) {
    return Fail(ErrorCode::kInvalidInput, "register.date_in_future", "requested_on");
  }
  entry.requested_on = *requested_on;
  entry.acknowledgement_due = Date{std::chrono::sys_days(*requested_on) + std::chrono::days(kAcknowledgementDays)};
  entry.home_care_service = Trimmed(draft.home_care_service);
  entry.emergency_contact_name = Trimmed(draft.emergency_contact_name);
  entry.emergency_contact_relation = Trimmed(draft.emergency_contact_relation);
  if (!Blank(draft.emergency_contact_phone)) {
    auto phone = core::ParsePhone(*draft.emergency_contact_phone, "emergency_contact_phone");
    if (!phone) return Fail(phone.error());
    entry.emergency_contact_phone = *phone;
  }
  return entry;
}

RegisterEntryDraft ApplyCorrection(const RegisterEntry& entry, const RegisterEntryDraft& changes) {
  RegisterEntryDraft draft;
  auto pick = [](const std::optional<std::string>& change, const std::string& current) {
    return change ? *change : current;
  };
  draft.ground = pick(changes.ground, entry.ground);
  draft.home_care_service = pick(changes.home_care_service, entry.home_care_service);
  draft.emergency_contact_name = pick(changes.emergency_contact_name, entry.emergency_contact_name);
  draft.emergency_contact_phone = pick(changes.emergency_contact_phone, entry.emergency_contact_phone);
  draft.emergency_contact_relation = pick(changes.emergency_contact_relation, entry.emergency_contact_relation);
  draft.requested_by = pick(changes.requested_by, entry.requested_by);
  draft.requester_name = pick(changes.requester_name, entry.requester_name);
  draft.requester_relation = pick(changes.requester_relation, entry.requester_relation);
  draft.request_evidence = pick(changes.request_evidence, entry.request_evidence);
  draft.requested_on = pick(changes.requested_on, IsoDate(entry.requested_on));
  return draft;
}

void ClearLegalFields(RegisterEntry& entry) {
  entry.ground.clear();
  entry.home_care_service.clear();
  entry.emergency_contact_name.clear();
  entry.emergency_contact_phone.clear();
  entry.emergency_contact_relation.clear();
  entry.requester_name.clear();
  entry.requester_relation.clear();
  entry.request_evidence.clear();
  entry.acknowledgement_due.reset();
}

std::vector<FieldChange> DiffEntries(const RegisterEntry& before, const RegisterEntry& after) {
  std::vector<FieldChange> changes;
  auto compare = [&changes](const char* field, const std::string& from, const std::string& to) {
    if (from != to) changes.push_back(FieldChange{field, from, to});
  };
  auto day = [](const std::optional<core::EpochMillis>& at) { return at ? IsoDate(DayOf(*at)) : std::string(); };
  compare("register.state", before.state, after.state);
  compare("register.ground", before.ground, after.ground);
  compare("register.home_care_service", before.home_care_service, after.home_care_service);
  compare("register.emergency_contact_name", before.emergency_contact_name, after.emergency_contact_name);
  compare("register.emergency_contact_phone", before.emergency_contact_phone, after.emergency_contact_phone);
  compare("register.emergency_contact_relation", before.emergency_contact_relation, after.emergency_contact_relation);
  compare("register.requested_by", before.requested_by, after.requested_by);
  compare("register.requester_name", before.requester_name, after.requester_name);
  compare("register.requester_relation", before.requester_relation, after.requester_relation);
  compare("register.request_evidence", before.request_evidence, after.request_evidence);
  compare("register.requested_on", IsoDate(before.requested_on), IsoDate(after.requested_on));
  compare("register.acknowledgement", day(before.acknowledged_at), day(after.acknowledged_at));
  return changes;
}

HouseNumberOrder HouseNumberOrderOf(std::string_view typed) {
  const std::string folded = core::FoldForSearch(typed);
  std::string_view text = folded;
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  HouseNumberOrder order;
  std::size_t digits = 0;
  while (digits < text.size() && digits < 15 && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0) {
    order.missing = true;
  } else {
    std::from_chars(text.data(), text.data() + digits, order.number);
  }
  std::string suffix;
  for (char c : text.substr(digits)) {
    if (c != ' ' && c != '-' && c != ',' && c != '.') suffix += c;
  }
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kSuffixes = {
      {{"bis", "b"}, {"ter", "t"}, {"quater", "q"}, {"quinquies", ""}}};
  if (!suffix.empty()) {
    order.suffix_rank = static_cast<int>(kSuffixes.size()) + 1;
    for (std::size_t i = 0; i < kSuffixes.size(); ++i) {
      if (suffix == kSuffixes[i].first || suffix == kSuffixes[i].second) order.suffix_rank = static_cast<int>(i) + 1;
    }
    if (order.suffix_rank > static_cast<int>(kSuffixes.size())) order.suffix = suffix;
  }
  return order;
}

bool AcknowledgementOverdue(const RegisterEntry& entry, const Date& today) {
  return entry.registered() && !entry.acknowledged_at && entry.acknowledgement_due &&
         std::chrono::sys_days(*entry.acknowledgement_due) < std::chrono::sys_days(today);
}

}  // namespace lien::registry
