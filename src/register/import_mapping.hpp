#pragma once
// Which column of an imported register file holds which field. Towns name their columns in many ways ("Nom",
// "NOM D'USAGE", "Prénom(s)", "Né(e) le", "Tél. portable", "CP", "Commune"…): headings are folded (case,
// accents, punctuation) and matched against the usual French wordings; the user corrects the result with an
// explicit mapping (column heading → field code) before importing. Plain rules: no JSON, no SQL.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lien::registry {

enum class ImportField {
  kIgnore,
  kCivility,
  kLastName,
  kBirthName,
  kFirstNames,
  kFullName,  ///< "DUPONT Jean": the words in capitals are the last name
  kBirthDate,
  kAddress,  ///< a whole line "12 bis rue Victor Hugo", split into number and street
  kAddressNumber,
  kStreet,
  kComplement,
  kBuilding,
  kFloor,
  kDoorCode,
  kPostcode,
  kTown,
  kPostcodeTown,  ///< "80000 Amiens" in one column
  kAccessNotes,   ///< notes for a visit; "Observations" land here
  kPhone,         ///< several columns may hold phones; the heading gives the label ("portable", "fixe")
  kEmail,
  kLanguages,
  kHearing,
  kGround,  ///< register: the ground for registration ("Motif d'inscription")
  kHomeCareService,
  kEmergencyContactName,
  kEmergencyContactPhone,
};

/// Stable code of a field as the API and the CLI spell it: "last_name", "birth_date", "phone", "ignore"…
const char* ImportFieldCode(ImportField field);
std::optional<ImportField> ImportFieldFromCode(std::string_view code);
/// Every field code, in the order above (for help texts and the UI's choice list).
std::vector<std::string> ImportFieldCodes();

/// True for fields that belong to the register entry (register purpose): imported only from a file the user
/// declares to be an existing register.
bool IsRegisterField(ImportField field);

struct ColumnMapping {
  std::string heading;  ///< as in the file
  ImportField field = ImportField::kIgnore;
  bool from_user = false;   ///< set by the user's mapping rather than recognised
  std::string phone_label;  ///< for kPhone: "portable", "fixe", "domicile" or empty
};

/// The field of one heading by the usual French wordings, kIgnore when none fits.
ImportField GuessField(std::string_view heading);

/// The mapping of every column: guessed from the headings, then overridden by `user` (heading → field code,
/// headings compared folded). A field other than phone claimed by two columns stays with the first one and the
/// later column is ignored. Fails (returns the offending entry in `unknown`) when `user` names a heading that
/// is not in the file or a field code that does not exist.
struct MappingResult {
  std::vector<ColumnMapping> columns;
  std::vector<std::string> unknown_headings;  ///< user mapping keys not found among the headings
  std::vector<std::string> unknown_fields;    ///< user mapping values that are no field code
};
MappingResult MapColumns(const std::vector<std::string>& headings, const std::map<std::string, std::string>& user);

}  // namespace lien::registry
