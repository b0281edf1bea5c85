// The right-of-access file in French: what Lien holds about a person, section by section, with every stored
// column under a readable label, then who accessed the record and when.

#include <chrono>
#include <cstdio>
#include <map>

#include "documents/pdf_document.hpp"
#include "register/rights_json.hpp"

namespace lien::registry {
namespace {

// Readable French labels of the stored columns; a column without one is shown by its name.
const std::map<std::string, std::string, std::less<>>& Labels() {
  static const std::map<std::string, std::string, std::less<>> labels = {
      {"id", "Numéro de dossier"},
      {"civility", "Civilité"},
      {"last_name", "Nom d'usage"},
      {"birth_name", "Nom de naissance"},
      {"first_names", "Prénoms"},
      {"birth_date", "Date de naissance"},
      {"address_number", "Numéro"},
      {"street", "Voie"},
      {"address_complement", "Complément d'adresse"},
      {"building", "Bâtiment"},
      {"floor", "Étage"},
      {"door_code", "Code de la porte"},
      {"postcode", "Code postal"},
      {"town", "Commune"},
      {"access_notes", "Consignes d'accès"},
      {"latitude", "Latitude"},
      {"longitude", "Longitude"},
      {"email", "Courriel"},
      {"languages", "Langues parlées"},
      {"hearing", "Audition"},
      {"status", "Situation"},
      {"status_until", "Jusqu'au"},
      {"last_contact_at", "Dernier contact"},
      {"created_at", "Créé le"},
      {"created_by", "Créé par (compte n°)"},
      {"updated_at", "Modifié le"},
      {"updated_by", "Modifié par (compte n°)"},
      {"version", "Version"},
      {"state", "État de l'inscription"},
      {"ground", "Motif d'inscription"},
      {"home_care_service", "Service d'aide à domicile"},
      {"emergency_contact_name", "Personne à prévenir"},
      {"emergency_contact_phone", "Téléphone de la personne à prévenir"},
      {"emergency_contact_relation", "Lien avec la personne à prévenir"},
      {"requested_by", "Demande faite par"},
      {"requester_name", "Nom du demandeur"},
      {"requester_relation", "Lien du demandeur"},
      {"request_evidence", "Demande écrite"},
      {"requested_on", "Date de la demande"},
      {"source", "Origine"},
      {"import_source", "Fichier importé"},
      {"acknowledgement_due", "Accusé de réception dû le"},
      {"acknowledged_at", "Accusé de réception envoyé le"},
      {"opposed_at", "Opposition le"},
      {"removed_at", "Radiation le"},
      {"removal_reason", "Motif de la radiation"},
      {"dietary", "Régimes alimentaires"},
      {"dietary_notes", "Précisions sur l'alimentation"},
      {"delivery_notes", "Consignes de livraison"},
      {"last_delivery_at", "Dernière livraison"},
  };
  return labels;
}

bool IsInstant(std::string_view column) { return column.ends_with("_at") || column == "at"; }

std::string Instant(std::int64_t millis) {
  const auto time = std::chrono::sys_seconds(std::chrono::seconds(millis / 1000));
  const auto day = std::chrono::floor<std::chrono::days>(time);
  const std::chrono::year_month_day date(day);
  const std::chrono::hh_mm_ss clock(time - day);
  char text[40];
  std::snprintf(text, sizeof text, "%02u/%02u/%04d %02d:%02d UTC", static_cast<unsigned>(date.day()),
                static_cast<unsigned>(date.month()), static_cast<int>(date.year()),
                static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()));
  return text;
}

std::string Text(std::string_view column, const db::Value& value) {
  if (const auto* integer = std::get_if<std::int64_t>(&value)) {
    return IsInstant(column) ? Instant(*integer) : std::to_string(*integer);
  }
  if (const auto* real = std::get_if<double>(&value)) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6f", *real);
    return text;
  }
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  return {};
}

std::string Label(const std::string& column) {
  const auto it = Labels().find(column);
  return it == Labels().end() ? column : it->second;
}

std::vector<std::pair<std::string, std::string>> Pairs(const HeldRow& row) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& [column, value] : row) pairs.emplace_back(Label(column), Text(column, value));
  return pairs;
}

std::string ValueOf(const HeldRow& row, std::string_view column) {
  for (const auto& [name, value] : row) {
    if (name == column) return Text(name, value);
  }
  return {};
}

// A table of rows with the given columns.
void RowsTable(documents::PdfDocument& pdf, const std::vector<HeldRow>& rows, const std::vector<std::string>& columns) {
  std::vector<documents::PdfColumn> headings;
  for (const auto& column : columns) headings.push_back({Label(column), column == "changes" ? 3.0 : 1.0});
  std::vector<std::vector<std::string>> cells;
  for (const auto& row : rows) {
    std::vector<std::string> line;
    for (const auto& column : columns) line.push_back(ValueOf(row, column));
    cells.push_back(std::move(line));
  }
  pdf.Table(headings, cells);
}

// The French title of a follow-up table's section.
std::string FollowUpTitle(const std::string& table) {
  static const std::map<std::string, std::string, std::less<>> titles = {
      {"follow_up_profiles", "Profil de suivi"},
      {"emergency_contacts", "Personnes à prévenir (suivi)"},
      {"enrolments", "Inscriptions aux campagnes d'appels"},
      {"worklist_items", "Appels planifiés"},
      {"worklist_overflow", "Appels restés sans appelant·e"},
      {"calls", "Appels passés"},
      {"escalations", "Personnes non jointes : signalements"},
      {"inbound_requests", "Demandes reçues par téléphone"},
      {"needs", "Fiches de besoins"},
      {"referrals", "Orientations vers des partenaires"},
      {"break_glass_grants", "Accès exceptionnels au dossier"}};
  const auto it = titles.find(table);
  return it == titles.end() ? table : it->second;
}

}  // namespace

core::Result<std::string> HeldDataToPdf(const HeldData& data, core::EpochMillis generated_at) {
  const std::string name = ValueOf(data.person, "first_names") + " " + ValueOf(data.person, "last_name");
  documents::PdfOptions options;
  options.title = "Droit d'accès – " + name;
  options.footer = "Droit d'accès (RGPD, art. 15) – document confidentiel remis à la personne";
  auto created = documents::PdfDocument::Create(options);
  if (!created) return core::Fail(created.error());
  auto& pdf = *created;
  pdf.Title("Données détenues sur " + name);
  pdf.Paragraph("Document établi le " + Instant(generated_at) +
                " en réponse à une demande de droit d'accès (RGPD, article 15). Il reprend toutes les données "
                "que Lien conserve sur la personne, puis la liste des consultations et modifications de son "
                "dossier : qui, quand et dans quel but.");
  pdf.Heading("Identité et coordonnées");
  pdf.KeyValues(Pairs(data.person));
  pdf.Heading("Téléphones");
  if (data.phones.empty()) {
    pdf.Paragraph("Aucun numéro enregistré.");
  } else {
    RowsTable(pdf, data.phones, {"e164", "label"});
  }
  pdf.Heading("Registre des personnes vulnérables");
  if (data.register_entry) {
    pdf.KeyValues(Pairs(*data.register_entry));
  } else {
    pdf.Paragraph("La personne n'est pas inscrite au registre.");
  }
  pdf.Heading("Foyer (aide alimentaire)");
  if (data.household) {
    pdf.KeyValues(Pairs(*data.household));
    if (!data.household_members.empty())
      RowsTable(pdf, data.household_members, {"relationship", "first_name", "birth_year"});
  } else {
    pdf.Paragraph("Aucun foyer enregistré.");
  }
  if (!data.import_origin.empty() || !data.merged_records.empty()) {
    pdf.Heading("Origine du dossier");
    if (!data.import_origin.empty()) RowsTable(pdf, data.import_origin, {"file_name", "at", "batch_id"});
    if (!data.merged_records.empty()) {
      pdf.Paragraph("Dossiers en double fusionnés dans celui-ci :");
      RowsTable(pdf, data.merged_records, {"old_id", "merged_at"});
    }
  }
  for (const auto& table : data.follow_up) {
    if (table.rows.empty()) continue;
    pdf.Heading(FollowUpTitle(table.table));
    for (const auto& row : table.rows) pdf.KeyValues(Pairs(row));
  }
  pdf.Heading("Historique des modifications");
  if (data.history.empty()) {
    pdf.Paragraph("Aucune modification enregistrée.");
  } else {
    RowsTable(pdf, data.history, {"at", "actor_login", "action", "changes"});
  }
  pdf.Heading("Accès au dossier");
  std::vector<std::vector<std::string>> accesses;
  for (const auto& entry : data.accesses) {
    accesses.push_back(
        {Instant(entry.at), entry.event.actor_login, entry.event.actor_role, entry.event.action, entry.event.purpose});
  }
  if (accesses.empty()) {
    pdf.Paragraph("Aucun accès enregistré.");
  } else {
    pdf.Table({{"Date", 1.3}, {"Compte", 1.2}, {"Rôle", 1}, {"Action", 1.3}, {"Finalité", 1}}, accesses);
  }
  return pdf.Finish();
}

}  // namespace lien::registry
