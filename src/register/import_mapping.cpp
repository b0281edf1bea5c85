#include "register/import_mapping.hpp"

#include <array>
#include <set>
#include <utility>

#include "core/text.hpp"

namespace lien::registry {
namespace {

struct FieldName {
  ImportField field;
  const char* code;
};

constexpr std::array kFieldNames = {
    FieldName{ImportField::kIgnore, "ignore"},
    FieldName{ImportField::kCivility, "civility"},
    FieldName{ImportField::kLastName, "last_name"},
    FieldName{ImportField::kBirthName, "birth_name"},
    FieldName{ImportField::kFirstNames, "first_names"},
    FieldName{ImportField::kFullName, "full_name"},
    FieldName{ImportField::kBirthDate, "birth_date"},
    FieldName{ImportField::kAddress, "address"},
    FieldName{ImportField::kAddressNumber, "address_number"},
    FieldName{ImportField::kStreet, "street"},
    FieldName{ImportField::kComplement, "complement"},
    FieldName{ImportField::kBuilding, "building"},
    FieldName{ImportField::kFloor, "floor"},
    FieldName{ImportField::kDoorCode, "door_code"},
    FieldName{ImportField::kPostcode, "postcode"},
    FieldName{ImportField::kTown, "town"},
    FieldName{ImportField::kPostcodeTown, "postcode_town"},
    FieldName{ImportField::kAccessNotes, "access_notes"},
    FieldName{ImportField::kPhone, "phone"},
    FieldName{ImportField::kEmail, "email"},
    FieldName{ImportField::kLanguages, "languages"},
    FieldName{ImportField::kHearing, "hearing"},
    FieldName{ImportField::kGround, "ground"},
    FieldName{ImportField::kHomeCareService, "home_care_service"},
    FieldName{ImportField::kEmergencyContactName, "emergency_contact_name"},
    FieldName{ImportField::kEmergencyContactPhone, "emergency_contact_phone"},
};

// Whole folded headings, checked first.
struct Alias {
  const char* folded;
  ImportField field;
};

constexpr std::array kAliases = {
    Alias{"nom", ImportField::kLastName},
    Alias{"noms", ImportField::kLastName},
    Alias{"nom d usage", ImportField::kLastName},
    Alias{"nom usuel", ImportField::kLastName},
    Alias{"nom marital", ImportField::kLastName},
    Alias{"nom de famille", ImportField::kLastName},
    Alias{"nom de naissance", ImportField::kBirthName},
    Alias{"nom de jeune fille", ImportField::kBirthName},
    Alias{"nee", ImportField::kBirthName},
    Alias{"prenom", ImportField::kFirstNames},
    Alias{"prenoms", ImportField::kFirstNames},
    Alias{"prenom s", ImportField::kFirstNames},
    Alias{"nom prenom", ImportField::kFullName},
    Alias{"nom et prenom", ImportField::kFullName},
    Alias{"nom prenoms", ImportField::kFullName},
    Alias{"nom et prenoms", ImportField::kFullName},
    Alias{"identite", ImportField::kFullName},
    Alias{"civilite", ImportField::kCivility},
    Alias{"titre", ImportField::kCivility},
    Alias{"date de naissance", ImportField::kBirthDate},
    Alias{"date naissance", ImportField::kBirthDate},
    Alias{"ne e le", ImportField::kBirthDate},
    Alias{"ne le", ImportField::kBirthDate},
    Alias{"nee le", ImportField::kBirthDate},
    Alias{"naissance", ImportField::kBirthDate},
    Alias{"ddn", ImportField::kBirthDate},
    Alias{"adresse", ImportField::kAddress},
    Alias{"adresse postale", ImportField::kAddress},
    Alias{"n", ImportField::kAddressNumber},
    Alias{"no", ImportField::kAddressNumber},
    Alias{"num", ImportField::kAddressNumber},
    Alias{"numero", ImportField::kAddressNumber},
    Alias{"n de voie", ImportField::kAddressNumber},
    Alias{"n voie", ImportField::kAddressNumber},
    Alias{"numero de voie", ImportField::kAddressNumber},
    Alias{"n rue", ImportField::kAddressNumber},
    Alias{"rue", ImportField::kStreet},
    Alias{"voie", ImportField::kStreet},
    Alias{"libelle voie", ImportField::kStreet},
    Alias{"libelle de la voie", ImportField::kStreet},
    Alias{"nom de la voie", ImportField::kStreet},
    Alias{"nom de rue", ImportField::kStreet},
    Alias{"complement", ImportField::kComplement},
    Alias{"complement d adresse", ImportField::kComplement},
    Alias{"complement adresse", ImportField::kComplement},
    Alias{"adresse 2", ImportField::kComplement},
    Alias{"residence", ImportField::kComplement},
    Alias{"batiment", ImportField::kBuilding},
    Alias{"bat", ImportField::kBuilding},
    Alias{"escalier", ImportField::kBuilding},
    Alias{"etage", ImportField::kFloor},
    Alias{"digicode", ImportField::kDoorCode},
    Alias{"code porte", ImportField::kDoorCode},
    Alias{"code d acces", ImportField::kDoorCode},
    Alias{"code acces", ImportField::kDoorCode},
    Alias{"cp", ImportField::kPostcode},
    Alias{"code postal", ImportField::kPostcode},
    Alias{"ville", ImportField::kTown},
    Alias{"commune", ImportField::kTown},
    Alias{"localite", ImportField::kTown},
    Alias{"cp ville", ImportField::kPostcodeTown},
    Alias{"code postal ville", ImportField::kPostcodeTown},
    Alias{"cp commune", ImportField::kPostcodeTown},
    Alias{"observations", ImportField::kAccessNotes},
    Alias{"observation", ImportField::kAccessNotes},
    Alias{"remarques", ImportField::kAccessNotes},
    Alias{"commentaire", ImportField::kAccessNotes},
    Alias{"commentaires", ImportField::kAccessNotes},
    Alias{"acces", ImportField::kAccessNotes},
    Alias{"informations d acces", ImportField::kAccessNotes},
    Alias{"mail", ImportField::kEmail},
    Alias{"e mail", ImportField::kEmail},
    Alias{"email", ImportField::kEmail},
    Alias{"courriel", ImportField::kEmail},
    Alias{"adresse mail", ImportField::kEmail},
    Alias{"adresse electronique", ImportField::kEmail},
    Alias{"langue", ImportField::kLanguages},
    Alias{"langues", ImportField::kLanguages},
    Alias{"langue s", ImportField::kLanguages},
    Alias{"langues parlees", ImportField::kLanguages},
    Alias{"langue parlee", ImportField::kLanguages},
    Alias{"audition", ImportField::kHearing},
    Alias{"malentendant", ImportField::kHearing},
    Alias{"surdite", ImportField::kHearing},
    Alias{"motif", ImportField::kGround},
    Alias{"critere", ImportField::kGround},
    Alias{"motif d inscription", ImportField::kGround},
    Alias{"motif inscription", ImportField::kGround},
    Alias{"critere d inscription", ImportField::kGround},
    Alias{"critere inscription", ImportField::kGround},
    Alias{"qualite", ImportField::kGround},
    Alias{"saad", ImportField::kHomeCareService},
    Alias{"aide a domicile", ImportField::kHomeCareService},
    Alias{"service d aide a domicile", ImportField::kHomeCareService},
    Alias{"service a domicile", ImportField::kHomeCareService},
    Alias{"personne a prevenir", ImportField::kEmergencyContactName},
    Alias{"personne a contacter", ImportField::kEmergencyContactName},
    Alias{"contact d urgence", ImportField::kEmergencyContactName},
    Alias{"contact urgence", ImportField::kEmergencyContactName},
};

bool HasWord(const std::vector<std::string>& words, std::string_view word) {
  for (const std::string& w : words) {
    if (w == word) return true;
  }
  return false;
}

bool IsPhoneWord(std::string_view word) {
  return word == "tel" || word == "telephone" || word == "telephones" || word == "portable" || word == "fixe" ||
         word == "mobile" || word == "gsm" || word == "phone";
}

}  // namespace

const char* ImportFieldCode(ImportField field) {
  for (const FieldName& name : kFieldNames) {
    if (name.field == field) return name.code;
  }
  return "ignore";
}

std::optional<ImportField> ImportFieldFromCode(std::string_view code) {
  for (const FieldName& name : kFieldNames) {
    if (code == name.code) return name.field;
  }
  return std::nullopt;
}

std::vector<std::string> ImportFieldCodes() {
  std::vector<std::string> codes;
  for (const FieldName& name : kFieldNames) codes.emplace_back(name.code);
  return codes;
}

bool IsRegisterField(ImportField field) {
  return field == ImportField::kGround || field == ImportField::kHomeCareService ||
         field == ImportField::kEmergencyContactName || field == ImportField::kEmergencyContactPhone;
}

namespace {

// The heading folded, with the degree and ordinal signs of "N°" / "Nº" (which folding keeps) as spaces.
std::string FoldHeading(std::string_view heading) {
  std::string text(heading);
  for (const std::string_view sign : {std::string_view("\u00B0"), std::string_view("\u00BA")}) {
    for (auto at = text.find(sign); at != std::string::npos; at = text.find(sign, at))
      text.replace(at, sign.size(), " ");
  }
  return core::FoldForSearch(text);
}

}  // namespace

ImportField GuessField(std::string_view heading) {
  const std::string folded = FoldHeading(heading);
  if (folded.empty()) return ImportField::kIgnore;
  for (const Alias& alias : kAliases) {
    if (folded == alias.folded) return alias.field;
  }
  // Longer headings by their words: "Tél. portable", "Téléphone domicile", "Date de naissance (jj/mm/aaaa)".
  const std::vector<std::string> words = core::NameTokens(heading);
  bool phone = false;
  for (const std::string& word : words) phone = phone || IsPhoneWord(word);
  const bool emergency = HasWord(words, "urgence") || HasWord(words, "prevenir") || HasWord(words, "contacter");
  if (emergency) return phone ? ImportField::kEmergencyContactPhone : ImportField::kEmergencyContactName;
  if (phone) return ImportField::kPhone;
  if (HasWord(words, "naissance") && (HasWord(words, "date") || HasWord(words, "le"))) return ImportField::kBirthDate;
  if (HasWord(words, "naissance") && HasWord(words, "nom")) return ImportField::kBirthName;
  if (HasWord(words, "prenom") || HasWord(words, "prenoms")) {
    return HasWord(words, "nom") ? ImportField::kFullName : ImportField::kFirstNames;
  }
  if (HasWord(words, "mail") || HasWord(words, "courriel") || HasWord(words, "email")) return ImportField::kEmail;
  if (HasWord(words, "postal") && (HasWord(words, "ville") || HasWord(words, "commune"))) {
    return ImportField::kPostcodeTown;
  }
  if (HasWord(words, "postal")) return ImportField::kPostcode;
  if (HasWord(words, "motif") || HasWord(words, "critere")) return ImportField::kGround;
  if (HasWord(words, "complement")) return ImportField::kComplement;
  if (HasWord(words, "digicode")) return ImportField::kDoorCode;
  if (HasWord(words, "adresse")) return ImportField::kAddress;
  if (HasWord(words, "observations") || HasWord(words, "remarques")) return ImportField::kAccessNotes;
  return ImportField::kIgnore;
}

MappingResult MapColumns(const std::vector<std::string>& headings, const std::map<std::string, std::string>& user) {
  MappingResult result;
  std::map<std::string, std::string> user_by_folded;
  std::set<std::string> used_keys;
  for (const auto& [heading, code] : user) user_by_folded[FoldHeading(heading)] = code;
  std::set<ImportField> taken;
  for (const std::string& heading : headings) {
    ColumnMapping column;
    column.heading = heading;
    const std::string folded = FoldHeading(heading);
    if (const auto it = user_by_folded.find(folded); it != user_by_folded.end() && !folded.empty()) {
      used_keys.insert(folded);
      const auto field = ImportFieldFromCode(it->second);
      if (!field) {
        result.unknown_fields.push_back(it->second);
      } else {
        column.field = *field;
        column.from_user = true;
      }
    } else {
      column.field = GuessField(heading);
    }
    if (column.field == ImportField::kPhone) {
      const std::vector<std::string> words = core::NameTokens(heading);
      if (HasWord(words, "portable") || HasWord(words, "mobile") || HasWord(words, "gsm")) {
        column.phone_label = "portable";
      } else if (HasWord(words, "fixe") || HasWord(words, "domicile")) {
        column.phone_label = "fixe";
      }
    } else if (column.field != ImportField::kIgnore) {
      // One column per field: a later column claiming a field already taken is ignored, unless the user chose
      // it, in which case the user's column wins.
      if (taken.contains(column.field)) {
        if (column.from_user) {
          for (ColumnMapping& earlier : result.columns) {
            if (earlier.field == column.field && !earlier.from_user) earlier.field = ImportField::kIgnore;
          }
        } else {
          column.field = ImportField::kIgnore;
        }
      }
      taken.insert(column.field);
    }
    result.columns.push_back(std::move(column));
  }
  for (const auto& [heading, code] : user) {
    if (!used_keys.contains(FoldHeading(heading))) result.unknown_headings.push_back(heading);
  }
  return result;
}

}  // namespace lien::registry
