#include "register/export_documents.hpp"

#include <cstdio>

#include "core/phone.hpp"
#include "documents/pdf_document.hpp"

namespace lien::registry {
namespace {

std::string IsoDate(const Date& date) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()));
  return text;
}

std::string FrenchDate(const Date& date) {
  char text[16];
  std::snprintf(text, sizeof text, "%02u/%02u/%04d", static_cast<unsigned>(date.day()),
                static_cast<unsigned>(date.month()), static_cast<int>(date.year()));
  return text;
}

int Age(const Date& birth, const Date& today) {
  int age = static_cast<int>(today.year()) - static_cast<int>(birth.year());
  if (today.month() < birth.month() || (today.month() == birth.month() && today.day() < birth.day())) --age;
  return age;
}

const char* CivilityText(Civility civility) {
  switch (civility) {
    case Civility::kMadame:
      return "Mme";
    case Civility::kMonsieur:
      return "M.";
    case Civility::kUnknown:
      break;
  }
  return "";
}

const char* HearingText(HearingDifficulty hearing) {
  switch (hearing) {
    case HearingDifficulty::kNone:
      return "entend bien";
    case HearingDifficulty::kHardOfHearing:
      return "malentendant(e) : parler lentement et fort";
    case HearingDifficulty::kDeaf:
      return "sourd(e) : pas d'appel vocal";
    case HearingDifficulty::kUnknown:
      break;
  }
  return "";
}

const char* StatusText(PersonStatus status) {
  switch (status) {
    case PersonStatus::kActive:
      return "à domicile";
    case PersonStatus::kAway:
      return "absent(e)";
    case PersonStatus::kInHospital:
      return "hospitalisé(e)";
    case PersonStatus::kMoved:
      return "a déménagé";
    case PersonStatus::kDeceased:
      return "décédé(e)";
  }
  return "";
}

std::string Joined(const std::vector<std::string>& values, const char* separator) {
  std::string text;
  for (const std::string& value : values) {
    if (value.empty()) continue;
    if (!text.empty()) text += separator;
    text += value;
  }
  return text;
}

std::string PhonesText(const Person& person, const char* separator) {
  std::vector<std::string> phones;
  for (const Phone& phone : person.phones) {
    std::string text = core::FormatPhoneForDisplay(phone.e164);
    if (!phone.label.empty()) text += " (" + phone.label + ")";
    phones.push_back(std::move(text));
  }
  return Joined(phones, separator);
}

std::string FullName(const Person& person) {
  std::string name = Joined({CivilityText(person.civility), person.first_names, person.last_name}, " ");
  if (!person.birth_name.empty() && person.birth_name != person.last_name) name += " (née " + person.birth_name + ")";
  return name;
}

}  // namespace

documents::Sheet PersonsSheet(const std::vector<Person>& persons, const ExportGroups& groups, const Date& today) {
  using documents::CellKind;
  documents::Sheet sheet;
  sheet.name = "Personnes";
  sheet.columns = {{"Civilité", 9, CellKind::kText},           {"Nom", 22, CellKind::kText},
                   {"Nom de naissance", 18, CellKind::kText},  {"Prénoms", 22, CellKind::kText},
                   {"Date de naissance", 14, CellKind::kDate}, {"Âge", 6, CellKind::kNumber}};
  if (groups.contact) {
    sheet.columns.insert(sheet.columns.end(), {{"N°", 8, CellKind::kText},
                                               {"Voie", 28, CellKind::kText},
                                               {"Complément", 20, CellKind::kText},
                                               {"Bâtiment", 10, CellKind::kText},
                                               {"Étage", 7, CellKind::kText},
                                               {"Code porte", 10, CellKind::kText},
                                               {"CP", 8, CellKind::kText},
                                               {"Ville", 18, CellKind::kText},
                                               {"Accès", 30, CellKind::kText},
                                               {"Téléphones", 30, CellKind::kText},
                                               {"Courriel", 26, CellKind::kText},
                                               {"Langues", 10, CellKind::kText},
                                               {"Audition", 16, CellKind::kText}});
  }
  if (groups.situation) {
    sheet.columns.insert(sheet.columns.end(), {{"Situation", 14, CellKind::kText}, {"Jusqu'au", 12, CellKind::kDate}});
  }
  sheet.rows.reserve(persons.size());
  for (const Person& p : persons) {
    std::vector<std::string> row = {CivilityText(p.civility),
                                    p.last_name,
                                    p.birth_name,
                                    p.first_names,
                                    p.birth_date ? IsoDate(*p.birth_date) : "",
                                    p.birth_date ? std::to_string(Age(*p.birth_date, today)) : ""};
    if (groups.contact) {
      const PostalAddress& a = p.address;
      row.insert(row.end(),
                 {a.number, a.street, a.complement, a.building, a.floor, a.door_code, a.postcode, a.town,
                  a.access_notes, PhonesText(p, ", "), p.email, Joined(p.languages, ", "), HearingText(p.hearing)});
    }
    if (groups.situation) {
      row.insert(row.end(), {StatusText(p.status), p.status_until ? IsoDate(*p.status_until) : ""});
    }
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

core::Result<std::string> VisitSheetPdf(const Person& person, const VisitSheetOptions& options, const Date& today) {
  documents::PdfOptions pdf_options;
  pdf_options.title = "Fiche de visite – " + FullName(person);
  pdf_options.footer = options.footer;
  pdf_options.font_directory = options.font_directory;
  auto document = documents::PdfDocument::Create(pdf_options);
  if (!document) return core::Fail(document.error());
  document->Title("Fiche de visite à domicile");
  document->Heading(FullName(person));
  std::vector<std::pair<std::string, std::string>> identity;
  if (person.birth_date) {
    identity.emplace_back("Date de naissance", FrenchDate(*person.birth_date) + " (" +
                                                   std::to_string(Age(*person.birth_date, today)) + " ans)");
  }
  identity.emplace_back("Langues", Joined(person.languages, ", "));
  identity.emplace_back("Audition", HearingText(person.hearing));
  document->KeyValues(identity);

  const PostalAddress& a = person.address;
  document->Heading("Adresse et accès");
  document->KeyValues({{"Adresse", Joined({a.number, a.street}, " ")},
                       {"Complément", a.complement},
                       {"Code postal et ville", Joined({a.postcode, a.town}, " ")},
                       {"Bâtiment", a.building},
                       {"Étage", a.floor},
                       {"Code de la porte", a.door_code},
                       {"Accès", a.access_notes}});

  document->Heading("Téléphones");
  document->KeyValues({{"Téléphones", PhonesText(person, "\n")}, {"Courriel", person.email}});

  if (options.emergency_contact) {
    const EmergencyContact& contact = *options.emergency_contact;
    document->Heading("Personne à prévenir en cas d'urgence");
    document->KeyValues(
        {{"Nom", contact.name},
         {"Lien", contact.relation},
         {"Téléphone", contact.phone_e164.empty() ? "" : core::FormatPhoneForDisplay(contact.phone_e164)}});
  }
  document->Heading("Compte rendu de la visite");
  document->KeyValues({{"Date et heure", ""}, {"Visite faite par", ""}});
  document->Paragraph("Observations :");
  document->Space(90);
  return document->Finish();
}

}  // namespace lien::registry
