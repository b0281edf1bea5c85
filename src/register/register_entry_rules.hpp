#pragma once
// The rules of the register entry: what a valid entry holds, how a correction applies, and what opposition and
// removal leave. No storage, no JSON (register_entry_store and register_entry_routes do those).

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "register/register_entry_model.hpp"

namespace lien::registry {

inline constexpr std::size_t kMaxEntryTextLength = 500;

/// Builds the entry a draft describes (state registered, acknowledgement due 8 days after the request), checking:
/// the ground among RegisterGrounds(); requested_by among Requesters(); a third party's relation among
/// RequesterRelations() and their name; written evidence for a third party or a legal representative;
/// requested_on a real date not after `today`; the emergency phone parsed to E.164 (core::ParsePhone); text
/// lengths. Errors are kInvalidInput naming the field: `validation.required`, `register.invalid_ground`,
/// `register.invalid_requested_by`, `register.invalid_requester_relation`, `register.evidence_required`,
/// `register.invalid_date`, `register.date_in_future`, `phone.invalid`, `validation.too_long`.
core::Result<RegisterEntry> BuildEntry(const RegisterEntryDraft& draft, const Date& today);

/// The draft of an existing entry with `changes` laid over it, ready for BuildEntry.
RegisterEntryDraft ApplyCorrection(const RegisterEntry& entry, const RegisterEntryDraft& changes);

/// Opposition or removal: the new state, the legal fields and the request's details cleared (only the dates
/// the workflow needs remain until retention deletes the row).
void ClearLegalFields(RegisterEntry& entry);

/// What a change of the entry changed, for the person's history: the state, the legal fields, the request and
/// the day the acknowledgement was sent, named "register.<field>" (the names the register panel shows).
/// Timestamps other than the acknowledgement's, ids and versions are not compared.
std::vector<FieldChange> DiffEntries(const RegisterEntry& before, const RegisterEntry& after);

/// A house number as typed ("12", "12 bis", "12B", "") in the order a street is walked: numbers as numbers ("2"
/// before "10"), then the plain number, bis, ter, quater, quinquies, other suffixes alphabetically; no number last.
struct HouseNumberOrder {
  bool missing = false;
  std::int64_t number = 0;
  int suffix_rank = 0;
  std::string suffix;
  auto operator<=>(const HouseNumberOrder&) const = default;
};
HouseNumberOrder HouseNumberOrderOf(std::string_view typed);

/// True when the acknowledgement of a registered entry is late on `today`.
bool AcknowledgementOverdue(const RegisterEntry& entry, const Date& today);

}  // namespace lien::registry
