#include "register/acknowledgement_letter.hpp"

#include <cstdio>

#include "core/phone.hpp"
#include "documents/pdf_document.hpp"

namespace lien::registry {
namespace {

std::string Joined(std::initializer_list<std::string_view> parts, std::string_view separator = " ") {
  std::string out;
  for (auto part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

std::string RequesterText(const RegisterEntry& entry) {
  if (entry.requested_by == "self") return "vous-même";
  if (entry.requested_by == "legal_representative") {
    return Joined({"votre représentant légal", entry.requester_name}, ", ");
  }
  return Joined({"un tiers", entry.requester_name}, ", ") + " (demande écrite)";
}

}  // namespace

std::string FrenchDate(const Date& date) {
  char text[16];
  std::snprintf(text, sizeof text, "%02u/%02u/%04d", static_cast<unsigned>(date.day()),
                static_cast<unsigned>(date.month()), static_cast<int>(date.year()));
  return text;
}

std::string AddressedName(const store::PersonCard& person) {
  const std::string_view civility = person.civility == "mme" ? "Mme" : person.civility == "m" ? "M." : "";
  // The name as typed: upper-casing "Lefèvre" needs Unicode case rules, and the letter reads well without.
  return Joined({civility, person.first_names, person.last_name});
}

std::vector<std::string> AddressLines(const store::PersonCard& person) {
  std::vector<std::string> lines;
  for (auto line : {Joined({person.address_number, person.street}), person.address_complement,
                    Joined({person.building, person.floor.empty() ? std::string() : "étage " + person.floor}, ", "),
                    Joined({person.postcode, person.town})}) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

core::Result<std::string> AcknowledgementLetterPdf(const store::PersonCard& person, const RegisterEntry& entry,
                                                   const Date& today) {
  documents::PdfOptions options;
  options.title = "Accusé de réception – registre des personnes vulnérables";
  options.footer = "Registre des personnes vulnérables – document confidentiel";
  auto pdf = documents::PdfDocument::Create(options);
  if (!pdf) return core::Fail(pdf.error());
  std::string recipient = AddressedName(person);
  for (const auto& line : AddressLines(person)) recipient += "\n" + line;
  pdf->Paragraph(recipient);
  pdf->Space(18);
  pdf->Paragraph("Le " + FrenchDate(today));
  pdf->Space(12);
  pdf->Title("Objet : votre inscription sur le registre des personnes vulnérables");
  pdf->Paragraph(person.civility == "m" ? "Monsieur," : person.civility == "mme" ? "Madame," : "Madame, Monsieur,");
  pdf->Paragraph(
      "Nous accusons réception de la demande d'inscription sur le registre nominatif des personnes âgées "
      "et des personnes handicapées de la commune, faite le " +
      FrenchDate(entry.requested_on) + " par " + RequesterText(entry) +
      ". Vous êtes inscrit(e) sur ce registre, tenu en application des articles L.121-6-1 et R.121-2 "
      "et suivants du code de l'action sociale et des familles.");
  pdf->Paragraph(
      "Ce registre a pour seul objet de permettre aux services sanitaires et sociaux de vous contacter "
      "et de vous apporter conseils et assistance lorsque le préfet déclenche le plan d'alerte et "
      "d'urgence (canicule, grand froid, inondation...). Les informations sont confidentielles : seuls "
      "les agents désignés et tenus au secret professionnel y ont accès, et elles ne sont transmises "
      "qu'au préfet, à sa demande, lorsque le plan est déclenché.");
  pdf->Heading("Informations enregistrées");
  std::string emergency =
      Joined({entry.emergency_contact_name,
              entry.emergency_contact_relation.empty() ? std::string() : "(" + entry.emergency_contact_relation + ")"});
  if (!entry.emergency_contact_phone.empty()) {
    emergency = Joined({emergency, core::FormatPhoneForDisplay(entry.emergency_contact_phone)}, ", ");
  }
  std::string phones;
  for (const auto& phone : person.phones) phones = Joined({phones, core::FormatPhoneForDisplay(phone)}, ", ");
  pdf->KeyValues({{"Motif d'inscription", std::string(GroundLabel(entry.ground))},
                  {"Téléphone", phones},
                  {"Service d'aide à domicile", entry.home_care_service},
                  {"Personne à prévenir en cas d'urgence", emergency},
                  {"Date de la demande", FrenchDate(entry.requested_on)}});
  pdf->Paragraph(
      "Votre inscription est facultative. Vous pouvez à tout moment demander la modification de ces "
      "informations ou votre radiation du registre, sur simple demande auprès du centre communal "
      "d'action sociale. Vous disposez également des droits d'accès, de rectification et d'effacement "
      "prévus par le règlement général sur la protection des données.");
  pdf->Paragraph("Nous vous prions d'agréer l'expression de nos salutations distinguées.");
  pdf->Space(24);
  pdf->Paragraph("Le service du registre des personnes vulnérables");
  return pdf->Finish();
}

}  // namespace lien::registry
