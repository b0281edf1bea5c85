#include "register/export_routes.hpp"

#include <cstdio>

#include "audit/trail.hpp"
#include "register/export_documents.hpp"
#include "register/person_route_support.hpp"
#include "register/person_rules.hpp"
#include "register/person_search_query.hpp"
#include "register/register_entry_store.hpp"

namespace lien::registry {
namespace {

using http::Request;
using http::Response;

// A list larger than this is refused rather than built in memory: narrow the filters.
constexpr std::size_t kMaxExportRows = 100'000;
constexpr int kPage = 500;

std::string FrenchDate(const Date& date) {
  char text[16];
  std::snprintf(text, sizeof text, "%02u/%02u/%04d", static_cast<unsigned>(date.day()),
                static_cast<unsigned>(date.month()), static_cast<int>(date.year()));
  return text;
}

Response FileReply(std::string body, const char* content_type, const std::string& file_name) {
  Response response;
  response.content_type = content_type;
  response.body = std::move(body);
  response.SetHeader("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  return response;
}

// The register's emergency contact of a registered person (register purpose: the caller checks designation).
std::optional<EmergencyContact> FindEmergencyContact(db::Connection& connection, std::int64_t person_id) {
  const auto entry = store::FindRegisterEntry(connection, person_id);
  if (!entry || !entry->registered() ||
      (entry->emergency_contact_name.empty() && entry->emergency_contact_phone.empty())) {
    return std::nullopt;
  }
  return EmergencyContact{entry->emergency_contact_name, entry->emergency_contact_relation,
                          entry->emergency_contact_phone};
}

enum class ListFormat { kXlsx, kCsv };

void AddListExport(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock, ListFormat format) {
  const bool xlsx = format == ListFormat::kXlsx;
  routes.Add(
      http::Method::kGet, xlsx ? "/api/v1/persons/export.xlsx" : "/api/v1/persons/export.csv",
      auth::Permission::kPersonsExport,
      [&database, &clock, xlsx](const auth::Principal& principal, Request& request) -> Response {
        const View view = support::PersonView(principal);
        const core::EpochMillis now = clock.Now();
        const Date today = DayOf(now);
        auto persons = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<std::vector<Person>> {
          const bool designated = (request.query.contains("ground") || request.query.contains("registered")) &&
                                  support::IsDesignatedAgent(c, principal);
          auto parsed = ParseSearch(request, view, designated, today);
          if (!parsed) return core::Fail(parsed.error());
          PersonQuery query = parsed->query;
          query.limit = kPage;
          query.offset = 0;
          std::vector<Person> all;
          while (true) {
            PersonPage page = SearchPersons(c, query);
            for (Person& person : page.items) all.push_back(std::move(person));
            if (all.size() > kMaxExportRows) {
              return core::Fail(core::ErrorCode::kInvalidInput, "export.too_many", {},
                                {{"max", std::to_string(kMaxExportRows)}});
            }
            if (!page.has_more) break;
            query.offset += kPage;
          }
          auto event = support::PersonEvent(principal, request, "person.export", 0, view);
          event.subject_id = "*";
          event.details = {
              {"format", xlsx ? "xlsx" : "csv"}, {"filters", parsed->kinds}, {"count", std::to_string(all.size())}};
          audit::Append(c, now, event);
          return all;
        });
        if (!persons) return http::ErrorResponse(persons.error(), request);
        const ExportGroups groups{view.Has(FieldGroup::kContact), view.Has(FieldGroup::kSituation)};
        const documents::Sheet sheet = PersonsSheet(*persons, groups, today);
        const std::string stamp = FormatDate(today);
        if (!xlsx) {
          return FileReply(documents::WriteCsv(sheet), "text/csv; charset=utf-8", "personnes-" + stamp + ".csv");
        }
        auto bytes = documents::WriteXlsx(sheet);
        if (!bytes) return http::ErrorResponse(bytes.error(), request);
        return FileReply(std::move(*bytes), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                         "personnes-" + stamp + ".xlsx");
      });
}

}  // namespace

void AddExportRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  AddListExport(routes, database, clock, ListFormat::kXlsx);
  AddListExport(routes, database, clock, ListFormat::kCsv);
  routes.Add(http::Method::kGet, "/api/v1/persons/{id}/visit-sheet.pdf", auth::Permission::kPersonsExport,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return http::ErrorResponse(id.error(), request);
               const View view = support::PersonView(principal);
               if (!view.Has(FieldGroup::kContact)) {
                 return http::ErrorResponse(core::Error(core::ErrorCode::kForbidden, "auth.forbidden"), request);
               }
               const core::EpochMillis now = clock.Now();
               VisitSheetOptions options;
               auto person = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<Person> {
                 auto found = LoadPerson(c, *id);
                 if (!found) return core::Fail(core::ErrorCode::kNotFound, "persons.not_found");
                 // The emergency contact is register data: only for a designated agent who acknowledged secrecy.
                 if (support::IsDesignatedAgent(c, principal)) {
                   options.emergency_contact = FindEmergencyContact(c, found->person.id);
                 }
                 auto event = support::PersonEvent(principal, request, "person.visit_sheet", found->person.id, view);
                 if (options.emergency_contact) event.purpose = "register";
                 event.details = {{"emergency_contact", options.emergency_contact ? "shown" : "absent"}};
                 audit::Append(c, now, event);
                 return found->person;
               });
               if (!person) return http::ErrorResponse(person.error(), request);
               options.footer = "Lien – fiche de visite – document confidentiel – imprimée le " +
                                FrenchDate(DayOf(now)) + " par " + principal.user.display_name;
               auto pdf = VisitSheetPdf(*person, options, DayOf(now));
               if (!pdf) return http::ErrorResponse(pdf.error(), request);
               return FileReply(std::move(*pdf), "application/pdf",
                                "fiche-visite-" + std::to_string(person->id) + ".pdf");
             });
}

}  // namespace lien::registry
