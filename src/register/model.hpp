#pragma once
// The shared identity of a person in the register module (issue 3, "A person"): plain values, no JSON, no SQL.
// The namespace is `registry` because `register` is a C++ keyword.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace lien::registry {

using Date = std::chrono::year_month_day;

enum class Civility {
  kUnknown,   ///< Not given.
  kMadame,    ///< "Mme"
  kMonsieur,  ///< "M."
};

/// Optional coordinates of an address, WGS 84 degrees.
struct GeoPoint {
  double latitude = 0.0;
  double longitude = 0.0;
};

/// A French postal address as a home visit needs it.
struct PostalAddress {
  std::string number;      ///< "12", "12 bis"
  std::string street;      ///< "rue Victor Hugo"
  std::string complement;  ///< "Résidence les Tilleuls"
  std::string building;    ///< building, staircase
  std::string floor;
  std::string door_code;
  std::string postcode;  ///< five digits
  std::string town;
  std::string access_notes;  ///< "sonner deux fois, chien"
  std::optional<GeoPoint> coordinates;
};

/// One phone number of a person, stored in E.164 (core::ParsePhone).
struct Phone {
  std::string e164;   ///< "+33321016310"
  std::string label;  ///< free text: "fixe", "portable", "fille"
};

enum class HearingDifficulty {
  kUnknown,        ///< Not asked.
  kNone,           ///< Hears well on the phone.
  kHardOfHearing,  ///< Speak slowly and loudly; prefer a visit or an SMS.
  kDeaf,           ///< No voice calls: SMS, visit or a relay.
};

enum class PersonStatus {
  kActive,      ///< At home, reachable.
  kAway,        ///< Away (holiday, with family) until `status_until` when known.
  kInHospital,  ///< In hospital until `status_until` when known.
  kMoved,       ///< Moved out of the town: kept for history, taken out of working lists.
  kDeceased,    ///< Deceased: kept for history, taken out of every working list.
};

/// A person's identity and contact fields, shared by every purpose (register, follow-up, delivery). The
/// register entry, follow-up and household data live elsewhere.
struct Person {
  std::int64_t id = 0;               ///< 0 until stored
  std::int64_t version = 0;          ///< set by the store: 1 when created, +1 on each change (If-Match)
  core::EpochMillis created_at = 0;  ///< set by the store
  core::EpochMillis updated_at = 0;  ///< set by the store
  Civility civility = Civility::kUnknown;
  std::string last_name;    ///< usual name ("nom d'usage")
  std::string birth_name;   ///< "nom de naissance", when different from the usual name
  std::string first_names;  ///< all first names as typed, "Marie-Thérèse Jeanne"
  std::optional<Date> birth_date;
  PostalAddress address;
  std::vector<Phone> phones;
  std::string email;
  std::vector<std::string> languages;  ///< BCP 47 codes spoken: "fr", "ar", "pt"
  HearingDifficulty hearing = HearingDifficulty::kUnknown;
  PersonStatus status = PersonStatus::kActive;
  std::optional<Date> status_until;  ///< end of kAway or kInHospital, when known
};

}  // namespace lien::registry
