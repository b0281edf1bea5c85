#pragma once
// Rules on a person's record: the stable codes of its enumerations, calendar dates as 'YYYY-MM-DD', validation
// with a message naming the field, and the difference between two versions (the change history). Plain C++:
// no JSON, no SQL.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "register/model.hpp"

namespace lien::registry {

/// Stable codes used in the database and the API: "mme", "m", "" (unknown).
std::string_view CivilityCode(Civility civility);
std::optional<Civility> ParseCivility(std::string_view code);
/// "unknown", "none", "hard_of_hearing", "deaf".
std::string_view HearingCode(HearingDifficulty hearing);
std::optional<HearingDifficulty> ParseHearing(std::string_view code);
/// "active", "away", "in_hospital", "moved", "deceased".
std::string_view StatusCode(PersonStatus status);
std::optional<PersonStatus> ParseStatus(std::string_view code);

/// A calendar date written 'YYYY-MM-DD' (exactly ten characters, a real date); nullopt otherwise.
std::optional<Date> ParseDate(std::string_view text);
/// 'YYYY-MM-DD'.
std::string FormatDate(const Date& date);
/// The UTC calendar day of an instant.
Date DayOf(core::EpochMillis instant);
/// Age in whole years on `day` of someone born on `birth`.
int AgeOn(const Date& birth, const Date& day);

/// Checks a person as it would be stored, `today` being the current day: last name required; lengths;
/// birth date not in the future nor before 1900; postcode five digits; e-mail shape; languages as short
/// codes; coordinates within range; phones in E.164, at most 10, no number twice; status_until only with
/// away or in_hospital. The error names the field as the API spells it ("address.postcode", "phones[1]").
core::Status ValidatePerson(const Person& person, const Date& today);

/// One field that differs between two versions, as the API names it ("last_name", "address.street",
/// "phones") with the old and new values as text ("" when absent; lists joined with ", ").
struct FieldChange {
  std::string field;
  std::string from;
  std::string to;
};

/// The fields of identity, contact and situation that differ from `before` to `after`, in a fixed order.
/// Ids, versions and timestamps are not compared.
std::vector<FieldChange> DiffPersons(const Person& before, const Person& after);

/// The field group (docs/register.md) a field name of a history row belongs to: "identity", "contact",
/// "situation" (DiffPersons) or "household" (DiffHouseholds, "household.…").
std::string_view GroupOfField(std::string_view field);

}  // namespace lien::registry
