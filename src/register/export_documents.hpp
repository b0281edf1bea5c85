#pragma once
// The persons' exports as documents: the filtered list as a spreadsheet (the columns of the reader's field
// groups only) and the one-page sheet for a home visit. Plain rules on top of lien_documents: no SQL, no JSON.

#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "documents/spreadsheet.hpp"
#include "register/model.hpp"

namespace lien::registry {

/// Which field groups the export may show (registry::View narrowed to what a list holds).
struct ExportGroups {
  bool contact = false;    ///< address, phones, e-mail, languages, hearing
  bool situation = false;  ///< status and its end date (follow-up purpose)
};

/// The list as a sheet: identity columns always, contact and situation columns when the groups allow. Dates
/// are real dates, the age a number; every text cell goes through the spreadsheet writers' neutralisation.
documents::Sheet PersonsSheet(const std::vector<Person>& persons, const ExportGroups& groups, const Date& today);

/// The register's emergency contact, shown on a visit sheet only to a designated register agent.
struct EmergencyContact {
  std::string name;
  std::string relation;
  std::string phone_e164;
};

struct VisitSheetOptions {
  std::optional<EmergencyContact> emergency_contact;
  std::string footer;  ///< "Lien – fiche de visite – confidentiel – imprimée le 23/11/2026 par …"
  std::string font_directory = "/usr/share/fonts/truetype/dejavu";
};

/// One printable A4 page for a home visit: name, age, address with building, floor, door code and access
/// notes, phones, languages, hearing, and the emergency contact when given. Fails when the PDF cannot be made.
core::Result<std::string> VisitSheetPdf(const Person& person, const VisitSheetOptions& options, const Date& today);

}  // namespace lien::registry
