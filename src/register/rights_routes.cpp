#include "register/rights_routes.hpp"

#include <algorithm>
#include <chrono>
#include <utility>

#include "audit/trail.hpp"
#include "auth/audit_events.hpp"
#include "core/text.hpp"
#include "register/person_json.hpp"
#include "register/person_rules.hpp"
#include "register/person_store.hpp"
#include "register/retention_store.hpp"
#include "register/rights_json.hpp"
#include "register/rights_store.hpp"

namespace lien::registry {
namespace {

using http::Json;
using http::Request;
using http::Response;

constexpr int kSearchLimit = 50;

audit::Event RightsEvent(const auth::Principal& principal, const Request& request, std::string action,
                         std::int64_t person_id) {
  return auth::EventBy(principal.user, auth::InfoOf(request), std::move(action), "person", std::to_string(person_id),
                       "rights");
}

Response NotFound(const Request& request) {
  return http::ErrorResponse(core::Error(core::ErrorCode::kNotFound, "persons.not_found"), request);
}

Response Attachment(std::string body, std::string content_type, const std::string& file_name) {
  Response response;
  response.content_type = std::move(content_type);
  response.body = std::move(body);
  response.SetHeader("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  return response;
}

// Reads everything about the person and records the access in the same transaction.
std::optional<HeldData> LoadForAccess(db::Database& database, const core::Clock& clock,
                                      const auth::Principal& principal, const Request& request, std::int64_t id,
                                      const char* format) {
  return db::InWriteTransaction(database, [&](db::Connection& c) {
    auto data = LoadHeldData(c, id);
    if (data) {
      auto event = RightsEvent(principal, request, "rights.access", id);
      event.details = {{"format", format}, {"accesses", std::to_string(data->accesses.size())}};
      audit::Append(c, clock.Now(), event);
    }
    return data;
  });
}

void AddSearchRoute(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(http::Method::kGet, "/api/v1/rights/persons", auth::Permission::kRights,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               const auto it = request.query.find("q");
               const std::string q = it == request.query.end() ? std::string() : it->second.substr(0, 200);
               if (core::FoldCompact(q).size() < 2) {
                 return http::ErrorResponse(core::Error(core::ErrorCode::kInvalidInput, "rights.query_too_short", "q"),
                                            request);
               }
               PersonQuery query;
               query.name = q;
               query.limit = kSearchLimit;
               const auto now = clock.Now();
               auto page = db::InWriteTransaction(database, [&](db::Connection& c) {
                 auto found = SearchPersons(c, query);
                 // The names typed are not recorded: only that a search was made and how many it found.
                 auto event =
                     auth::EventBy(principal.user, auth::InfoOf(request), "rights.search", "person", "*", "rights");
                 event.details = {{"count", std::to_string(found.items.size())}};
                 audit::Append(c, now, event);
                 return found;
               });
               // Enough to tell namesakes apart: identity and postal address, not the phones.
               const View view = View().With(FieldGroup::kIdentity).With(FieldGroup::kContact);
               Json items = Json::array();
               for (const auto& person : page.items) {
                 Json summary = PersonSummaryToJson(person, view, DayOf(now));
                 summary.erase("phones");
                 items.push_back(std::move(summary));
               }
               return http::JsonReply(200, Json{{"items", items}, {"has_more", page.has_more}});
             });
}

void AddAccessRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(http::Method::kGet, "/api/v1/rights/persons/{id}/access", auth::Permission::kRights,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return http::ErrorResponse(id.error(), request);
               const auto now = clock.Now();
               auto data = LoadForAccess(database, clock, principal, request, *id, "json");
               if (!data) return NotFound(request);
               return Attachment(HeldDataToJson(*data, now).dump(2), "application/json; charset=utf-8",
                                 "acces-" + std::to_string(*id) + ".json");
             });
  routes.Add(http::Method::kGet, "/api/v1/rights/persons/{id}/access.pdf", auth::Permission::kRights,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return http::ErrorResponse(id.error(), request);
               const auto now = clock.Now();
               auto data = LoadForAccess(database, clock, principal, request, *id, "pdf");
               if (!data) return NotFound(request);
               auto pdf = HeldDataToPdf(*data, now);
               if (!pdf) return http::ErrorResponse(pdf.error(), request);
               return Attachment(std::move(*pdf), "application/pdf", "acces-" + std::to_string(*id) + ".pdf");
             });
}

void AddEraseRoute(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(http::Method::kPost, "/api/v1/rights/persons/{id}/erase", auth::Permission::kRights,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return http::ErrorResponse(id.error(), request);
               auto body = http::ParseJsonObject(request);
               if (!body) return http::ErrorResponse(body.error(), request);
               if (auto only = http::OnlyFields(*body, {"confirm_last_name"}); !only)
                 return http::ErrorResponse(only.error(), request);
               auto typed = http::RequiredString(*body, "confirm_last_name", 200);
               if (!typed) {
                 return http::ErrorResponse(
                     core::Error(core::ErrorCode::kInvalidInput, "rights.confirmation_required", "confirm_last_name"),
                     request);
               }
               auto erased = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<ErasureCounts> {
                 const auto row = c.QueryOne("SELECT last_name FROM persons WHERE id = ?", {*id});
                 if (!row) return core::Fail(core::ErrorCode::kNotFound, "persons.not_found");
                 // The last name typed again, as a signature of intent: accents, case and spaces do not count.
                 if (core::FoldCompact(row->Text(0)) != core::FoldCompact(*typed)) {
                   return core::Fail(core::ErrorCode::kInvalidInput, "rights.confirmation_mismatch",
                                     "confirm_last_name");
                 }
                 auto counts = ErasePerson(c, *id);
                 auto event = RightsEvent(principal, request, "rights.erase", *id);
                 event.details = CountsDetails(*counts);
                 audit::Append(c, clock.Now(), event);
                 return *counts;
               });
               if (!erased) return http::ErrorResponse(erased.error(), request);
               Json counts = Json::object();
               for (const auto& [table, count] : CountsDetails(*erased)) counts[table] = std::stoll(count);
               return http::JsonReply(200, Json{{"erased", true}, {"person_id", *id}, {"counts", counts}});
             });
}

Json IdsJson(const std::vector<std::int64_t>& ids) { return Json{{"count", ids.size()}, {"person_ids", ids}}; }

Json CountsJson(const RetentionCounts& counts) {
  return Json{{"register_entries", counts.register_entries},
              {"households", counts.households},
              {"persons", counts.erased.persons},
              {"erased", Json{{"phones", counts.erased.phones},
                              {"history", counts.erased.history},
                              {"register_entries", counts.erased.register_entries},
                              {"households", counts.erased.households},
                              {"import_rows", counts.erased.import_rows}}}};
}

// The plan the DPO reviewed ({"expected": {register_entries, households, persons: [person ids]}}): only what
// they saw is purged; what fell due since waits for the next run. Without it, everything due now.
core::Result<std::optional<RetentionPlan>> ExpectedPlan(const Json& body) {
  if (auto only = http::OnlyFields(body, {"expected"}); !only) return core::Fail(only.error());
  const auto expected = body.find("expected");
  if (expected == body.end() || expected->is_null()) return std::optional<RetentionPlan>();
  if (!expected->is_object()) return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", "expected");
  if (auto only = http::OnlyFields(*expected, {"register_entries", "households", "persons"}); !only) {
    return core::Fail(only.error());
  }
  RetentionPlan plan;
  for (auto [name, ids] : {std::pair{"register_entries", &plan.register_entries},
                           std::pair{"households", &plan.households}, std::pair{"persons", &plan.persons}}) {
    const auto list = expected->find(name);
    if (list == expected->end()) continue;
    const std::string field = std::string("expected.") + name;
    if (!list->is_array()) return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", field);
    for (const auto& id : *list) {
      if (!id.is_number_integer()) return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", field);
      ids->push_back(id.get<std::int64_t>());
    }
    std::sort(ids->begin(), ids->end());
  }
  return std::optional<RetentionPlan>(std::move(plan));
}

}  // namespace

void AddRightsRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  AddSearchRoute(routes, database, clock);
  AddAccessRoutes(routes, database, clock);
  AddEraseRoute(routes, database, clock);
}

void AddRetentionRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock,
                        const RetentionPolicy& policy) {
  routes.Add(http::Method::kGet, "/api/v1/retention/due", auth::Permission::kRetention,
             [&database, &clock, &policy](const auth::Principal& principal, Request& request) -> Response {
               const auto now = clock.Now();
               auto plan = db::InWriteTransaction(database, [&](db::Connection& c) {
                 auto due = PlanRetention(LoadRetentionFacts(c), policy, now);
                 auto event = auth::EventBy(principal.user, auth::InfoOf(request), "retention.review", "retention", "*",
                                            "retention");
                 event.details = {{"entries", std::to_string(due.register_entries.size())},
                                  {"households", std::to_string(due.households.size())},
                                  {"persons", std::to_string(due.persons.size())}};
                 audit::Append(c, now, event);
                 return due;
               });
               return http::JsonReply(200, Json{{"policy", Json{{"follow_up_days", policy.follow_up_days},
                                                                {"delivery_days", policy.delivery_days}}},
                                                {"register_entries", IdsJson(plan.register_entries)},
                                                {"households", IdsJson(plan.households)},
                                                {"persons", IdsJson(plan.persons)}});
             });
  routes.Add(http::Method::kPost, "/api/v1/retention/purge", auth::Permission::kRetention,
             [&database, &clock, &policy](const auth::Principal& principal, Request& request) -> Response {
               auto body = http::ParseJsonObject(request);
               if (!body) return http::ErrorResponse(body.error(), request);
               auto expected = ExpectedPlan(*body);
               if (!expected) return http::ErrorResponse(expected.error(), request);
               auto actor = auth::EventBy(principal.user, auth::InfoOf(request), "retention.purge", "retention", "*",
                                          "retention");
               auto counts = RunRetention(database, policy, clock.Now(), actor, *expected ? &**expected : nullptr);
               if (!counts) {
                 return http::ErrorResponse(core::Error(core::ErrorCode::kConflict, "retention.running"), request);
               }
               return http::JsonReply(200, CountsJson(*counts));
             });
}

}  // namespace lien::registry
