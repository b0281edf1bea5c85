#include "register/import_routes.hpp"

#include "auth/audit_events.hpp"
#include "core/messages.hpp"
#include "documents/base64.hpp"

namespace lien::registry {
namespace {

// Large enough for a 100,000-row register in base64 (about 15 MB of CSV).
constexpr std::size_t kImportBodyLimit = std::size_t{30} * 1024 * 1024;
constexpr std::size_t kMaxFlagsListed = 2000;

std::string SeparatorName(char separator) { return separator == '\t' ? "\t" : std::string(1, separator); }

core::Result<ImportRequest> ParseRequest(const http::Json& body) {
  if (auto ok = http::OnlyFields(
          body, {"file_name", "content_base64", "mapping", "separator", "dry_run", "existing_register"});
      !ok) {
    return core::Fail(ok.error());
  }
  ImportRequest request;
  auto file_name = http::RequiredString(body, "file_name", 255);
  if (!file_name) return core::Fail(file_name.error());
  request.file_name = *file_name;
  const auto content = body.find("content_base64");
  if (content == body.end() || !content->is_string()) {
    return core::Fail(core::ErrorCode::kInvalidInput, "validation.required", "content_base64");
  }
  auto bytes = documents::DecodeBase64(content->get_ref<const std::string&>());
  if (!bytes) return core::Fail(core::ErrorCode::kInvalidInput, "import.not_base64", "content_base64");
  request.content = std::move(*bytes);
  if (const auto mapping = body.find("mapping"); mapping != body.end() && !mapping->is_null()) {
    if (!mapping->is_object()) return core::Fail(core::ErrorCode::kInvalidInput, "import.mapping_invalid", "mapping");
    for (const auto& [heading, field] : mapping->items()) {
      if (!field.is_string()) return core::Fail(core::ErrorCode::kInvalidInput, "import.mapping_invalid", "mapping");
      request.settings.mapping[heading] = field.get<std::string>();
    }
  }
  auto separator = http::OptionalString(body, "separator", 2);
  if (!separator) return core::Fail(separator.error());
  if (*separator && !(*separator)->empty()) {
    const std::string& s = **separator;
    if (s != ";" && s != "," && s != "\t" && s != "tab") {
      return core::Fail(core::ErrorCode::kInvalidInput, "import.separator_invalid", "separator");
    }
    request.separator = s == "tab" ? '\t' : s.front();
  }
  for (const auto& [name, target] :
       {std::pair<const char*, bool*>{"dry_run", &request.dry_run},
        std::pair<const char*, bool*>{"existing_register", &request.settings.existing_register}}) {
    if (const auto value = body.find(name); value != body.end() && !value->is_null()) {
      if (!value->is_boolean()) return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", name);
      *target = value->get<bool>();
    }
  }
  return request;
}

}  // namespace

http::Json ImportReportToJson(const ImportReport& report, core::Language language) {
  const ImportPlan& plan = report.plan;
  http::Json rejected = http::Json::array();
  for (const ImportRejection& r : plan.rejected) {
    rejected.push_back({{"line", r.line},
                        {"column", r.column},
                        {"code", r.message_key},
                        {"reason", core::Translate(r.message_key, language, r.args)}});
  }
  http::Json flags = http::Json::array();
  for (std::size_t i = 0; i < plan.flags.size() && i < kMaxFlagsListed; ++i) {
    const ImportFlag& flag = plan.flags[i];
    http::Json reasons = http::Json::array();
    for (const DuplicateReason reason : flag.reasons) reasons.push_back(ReasonCode(reason));
    http::Json item = {{"line", flag.line}, {"score", flag.score}, {"reasons", reasons}};
    if (flag.person_id) item["person_id"] = std::to_string(*flag.person_id);
    if (flag.other_line) item["other_line"] = *flag.other_line;
    flags.push_back(std::move(item));
  }
  http::Json columns = http::Json::array();
  http::Json mapping = http::Json::object();
  for (const ColumnMapping& column : plan.columns) {
    columns.push_back(column.heading);
    mapping[column.heading] = column.field == ImportField::kIgnore ? "" : ImportFieldCode(column.field);
  }
  http::Json fields = http::Json::array();
  for (const std::string& code : ImportFieldCodes()) {
    if (code != "ignore") fields.push_back(code);
  }
  return http::Json{
      {"dry_run", report.dry_run},
      {"imported", report.imported},
      {"batch_id", report.batch_id ? http::Json(std::to_string(*report.batch_id)) : http::Json(nullptr)},
      {"encoding", report.encoding},
      {"separator", SeparatorName(report.separator)},
      {"file_sha256", report.file_sha256},
      {"rows_read", plan.rows_read},
      {"created", plan.created},
      {"updated", plan.updated},
      {"unchanged", plan.unchanged},
      {"flagged", plan.flagged},
      {"rejected_rows", plan.rejected_rows},
      {"register_entries",
       {{"created", plan.entries_created}, {"existing", plan.entries_existing}, {"ended", plan.entries_ended}}},
      {"rejected", rejected},
      {"flags", flags},
      {"flags_total", plan.flags.size()},
      {"columns", columns},
      {"mapping", mapping},
      {"fields", fields}};
}

void AddImportRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(
      http::Method::kPost, "/api/v1/imports/register", auth::Permission::kPersonsImport,
      [&database, &clock](const auth::Principal& principal, http::Request& request) -> http::Response {
        auto body = http::ParseJsonObject(request);
        if (!body) return http::ErrorResponse(body.error(), request);
        auto import = ParseRequest(*body);
        if (!import) return http::ErrorResponse(import.error(), request);
        const audit::Event event = auth::EventBy(principal.user, auth::InfoOf(request), "", "", "", "");
        auto report =
            RunImport(database, *import, event, ChangeAuthor{principal.user.id, principal.user.login}, clock.Now());
        if (!report) return http::ErrorResponse(report.error(), request);
        http::Json reply = ImportReportToJson(*report, request.language);
        if (!report->dry_run && !report->imported) {
          // All or nothing: rows were rejected, nothing was written. 400 with the report beside the error.
          const core::Error refused(core::ErrorCode::kInvalidInput, "import.rows_rejected", "content_base64",
                                    {{"count", std::to_string(report->plan.rejected_rows)}});
          http::Response response = http::ErrorResponse(refused, request);
          http::Json error_body = http::Json::parse(response.body);
          error_body["report"] = std::move(reply);
          response.body = error_body.dump(-1, ' ', false, http::Json::error_handler_t::replace);
          return response;
        }
        return http::JsonReply(200, reply);
      },
      kImportBodyLimit);
}

}  // namespace lien::registry
