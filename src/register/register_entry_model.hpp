#pragma once
// The register entry: the legal fields of the register of vulnerable persons (CASF R.121-2 and following) and its
// workflow (docs/register.md). Plain values in the schema's vocabulary; register_entry_rules.hpp checks them.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "register/model.hpp"
#include "register/person_rules.hpp"  // DayOf

namespace lien::registry {

/// The grounds for registration (CASF L.121-6-1): aged 65 or more; aged over 60 and unfit to work; a disabled
/// adult receiving AAH, PCH or ACTP, holding a disability card or an RQTH, or a disability pension.
std::span<const std::string_view> RegisterGrounds();
/// Who asked: the person, a legal representative, a third party (whose request must be written).
std::span<const std::string_view> Requesters();
/// A third party's relation to the person.
std::span<const std::string_view> RequesterRelations();

inline constexpr std::string_view kStateRegistered = "registered";
inline constexpr std::string_view kStateOpposed = "opposed";
inline constexpr std::string_view kStateRemoved = "removed";

inline constexpr std::string_view kSourceRequest = "request";
inline constexpr std::string_view kSourceImport = "import";

/// Days allowed to acknowledge a request.
inline constexpr int kAcknowledgementDays = 8;

struct RegisterEntry {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::string state{kStateRegistered};
  // The legal fields: cleared at once on opposition or removal.
  std::string ground;
  std::string home_care_service;
  std::string emergency_contact_name;
  std::string emergency_contact_phone;  ///< E.164, or empty.
  std::string emergency_contact_relation;
  // The request.
  std::string requested_by;
  std::string requester_name;
  std::string requester_relation;
  std::string request_evidence;  ///< What proves a written request: "courrier du 3 juin 2026 (scanné)".
  Date requested_on{};
  std::string source{kSourceRequest};
  std::string import_source;  ///< The file an imported register came from.
  std::optional<Date> acknowledgement_due;
  std::optional<core::EpochMillis> acknowledged_at;
  std::optional<core::EpochMillis> opposed_at;
  std::optional<core::EpochMillis> removed_at;
  std::string removal_reason;
  core::EpochMillis created_at = 0;
  std::optional<std::int64_t> created_by;
  core::EpochMillis updated_at = 0;
  std::optional<std::int64_t> updated_by;
  std::int64_t version = 1;

  bool registered() const { return state == kStateRegistered; }
};

/// What a user (or an import) gives to register a person or to correct an entry, as typed. Absent values of a
/// correction stay as they were (see ApplyCorrection).
struct RegisterEntryDraft {
  std::optional<std::string> ground;
  std::optional<std::string> home_care_service;
  std::optional<std::string> emergency_contact_name;
  std::optional<std::string> emergency_contact_phone;  ///< Any French notation.
  std::optional<std::string> emergency_contact_relation;
  std::optional<std::string> requested_by;
  std::optional<std::string> requester_name;
  std::optional<std::string> requester_relation;
  std::optional<std::string> request_evidence;
  std::optional<std::string> requested_on;  ///< YYYY-MM-DD
};

/// Calls `visit(name, member)` for each field of a draft (const or not) under its JSON name: the one list the
/// JSON reader and the length check both walk.
template <class Draft, class Visit>
void ForEachDraftField(Draft& draft, Visit&& visit) {
  visit("ground", draft.ground);
  visit("home_care_service", draft.home_care_service);
  visit("emergency_contact_name", draft.emergency_contact_name);
  visit("emergency_contact_phone", draft.emergency_contact_phone);
  visit("emergency_contact_relation", draft.emergency_contact_relation);
  visit("requested_by", draft.requested_by);
  visit("requester_name", draft.requester_name);
  visit("requester_relation", draft.requester_relation);
  visit("request_evidence", draft.request_evidence);
  visit("requested_on", draft.requested_on);
}

/// The ground in French words, as letters and the prefect's list print it ("Personne âgée de 65 ans et plus").
std::string_view GroundLabel(std::string_view ground);

/// "YYYY-MM-DD" of a date, and back (nullopt unless a real calendar date in that exact form).
std::string IsoDate(const Date& date);
std::optional<Date> ParseIsoDate(std::string_view text);

}  // namespace lien::registry
