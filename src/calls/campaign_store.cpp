#include "calls/campaign_store.hpp"

#include <string>

#include "calls/campaign_target_json.hpp"
#include "calls/campaign_values.hpp"

namespace lien::calls {
namespace {

using core::ErrorCode;
using core::Fail;

constexpr const char* kColumns =
    "id, name, kind, status, starts_on, ends_on, target, frequency_days, weekdays, window_start, window_end, "
    "retry_delay_minutes, max_attempts_per_day, escalation_hours, escalation_min_attempts, activated_by_alert, "
    "alert_id, created_at, created_by, updated_at, updated_by, version";

Campaign ReadCampaign(const db::Row& row) {
  Campaign campaign;
  campaign.id = row.Int(0);
  campaign.name = row.Text(1);
  campaign.kind = CampaignKindFromName(row.Text(2)).value_or(CampaignKind::kWellbeing);
  campaign.status = CampaignStatusFromName(row.Text(3)).value_or(CampaignStatus::kDraft);
  campaign.starts_on = ParseDay(row.Text(4)).value_or(std::chrono::year_month_day{});
  if (auto ends = row.OptText(5)) campaign.ends_on = ParseDay(*ends);
  auto target = TargetFromJson(nlohmann::json::parse(row.Text(6), nullptr, false));
  if (target) campaign.target = std::move(*target);
  campaign.frequency_days = static_cast<std::int16_t>(row.Int(7));
  campaign.weekdays = ParseIsoWeekdays(row.Text(8)).value_or(WeekdaySet{});
  if (auto window = ParseLocalWindow(row.Text(9), row.Text(10))) campaign.window = *window;
  campaign.timings.retry_delay_minutes = static_cast<std::int32_t>(row.Int(11));
  campaign.timings.max_attempts_per_day = static_cast<std::int32_t>(row.Int(12));
  campaign.timings.escalation_hours = static_cast<std::int32_t>(row.Int(13));
  campaign.timings.escalation_min_attempts = static_cast<std::int32_t>(row.Int(14));
  campaign.activated_by_alert = row.Text(15);
  campaign.alert_id = row.OptInt(16);
  campaign.created_at = row.Int(17);
  campaign.created_by = row.OptInt(18);
  campaign.updated_at = row.Int(19);
  campaign.updated_by = row.OptInt(20);
  campaign.version = row.Int(21);
  return campaign;
}

db::Value OptionalValue(const std::optional<std::int64_t>& value) {
  return value ? db::Value(*value) : db::Value(std::monostate{});
}

db::Value EndsOn(const Campaign& campaign) {
  return campaign.ends_on ? db::Value(FormatDay(*campaign.ends_on)) : db::Value(std::monostate{});
}

// The stored value of each editable column, in the order of kEditableColumns.
std::vector<db::Value> EditableValues(const Campaign& campaign) {
  return {campaign.name,
          std::string(CampaignKindName(campaign.kind)),
          FormatDay(campaign.starts_on),
          EndsOn(campaign),
          TargetToJson(campaign.target).dump(),
          std::int64_t{campaign.frequency_days},
          FormatIsoWeekdays(campaign.weekdays),
          FormatTimeOfDay(campaign.window.start_minute),
          FormatTimeOfDay(campaign.window.end_minute),
          std::int64_t{campaign.timings.retry_delay_minutes},
          std::int64_t{campaign.timings.max_attempts_per_day},
          std::int64_t{campaign.timings.escalation_hours},
          std::int64_t{campaign.timings.escalation_min_attempts},
          campaign.activated_by_alert};
}

constexpr const char* kEditableColumns[] = {"name",
                                            "kind",
                                            "starts_on",
                                            "ends_on",
                                            "target",
                                            "frequency_days",
                                            "weekdays",
                                            "window_start",
                                            "window_end",
                                            "retry_delay_minutes",
                                            "max_attempts_per_day",
                                            "escalation_hours",
                                            "escalation_min_attempts",
                                            "activated_by_alert"};

std::string JoinChoices(const std::vector<std::string>& choices) {
  std::string text;
  for (const auto& choice : choices) text += (text.empty() ? "" : ",") + choice;
  return text;
}

std::vector<std::string> SplitChoices(const std::string& text) {
  std::vector<std::string> choices;
  if (text.empty()) return choices;
  std::size_t start = 0;
  for (;;) {
    const auto comma = text.find(',', start);
    choices.push_back(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return choices;
}

core::Result<Campaign> LoadForChange(db::Connection& connection, CampaignId id, std::int64_t expected_version) {
  auto campaign = LoadCampaign(connection, id);
  if (!campaign) return Fail(ErrorCode::kNotFound, "campaigns.not_found");
  if (campaign->version != expected_version) return Fail(ErrorCode::kPreconditionFailed, "http.precondition_failed");
  if (campaign->status == CampaignStatus::kClosed) return Fail(ErrorCode::kConflict, "campaigns.closed", "status");
  return *campaign;
}

}  // namespace

Campaign InsertCampaign(db::Connection& connection, Campaign campaign, std::optional<std::int64_t> actor,
                        core::EpochMillis now) {
  std::string columns;
  std::string marks;
  for (const char* column : kEditableColumns) {
    columns += std::string(columns.empty() ? "" : ", ") + column;
    marks += marks.empty() ? "?" : ", ?";
  }
  auto values = EditableValues(campaign);
  for (auto value :
       {db::Value(std::string("draft")), db::Value(now), OptionalValue(actor), db::Value(now), OptionalValue(actor)}) {
    values.push_back(std::move(value));
  }
  const auto row = connection.QueryOne("INSERT INTO campaigns (" + columns +
                                           ", status, created_at, created_by, updated_at, updated_by, version) "
                                           "VALUES (" +
                                           marks + ", ?, ?, ?, ?, ?, 1) RETURNING id",
                                       values);
  return *LoadCampaign(connection, row->Int(0));
}

std::optional<Campaign> LoadCampaign(db::Connection& connection, CampaignId id) {
  auto row = connection.QueryOne(std::string("SELECT ") + kColumns + " FROM campaigns WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return ReadCampaign(*row);
}

std::vector<CampaignListItem> ListCampaigns(db::Connection& connection, std::optional<CampaignStatus> status) {
  std::string sql = std::string("SELECT ") + kColumns +
                    ", (SELECT COUNT(*) FROM enrolments e WHERE e.campaign_id = campaigns.id AND e.state = 'active'), "
                    "(SELECT COUNT(*) FROM campaign_questions q WHERE q.campaign_id = campaigns.id) FROM campaigns";
  std::vector<db::Value> params;
  if (status) {
    sql += " WHERE status = ?";
    params.emplace_back(std::string(CampaignStatusName(*status)));
  }
  sql += " ORDER BY id DESC";
  std::vector<CampaignListItem> items;
  for (const auto& row : connection.Execute(sql, params).rows) {
    items.push_back({ReadCampaign(row), row.Int(22), row.Int(23)});
  }
  return items;
}

core::Result<Campaign> UpdateCampaign(db::Connection& connection, const Campaign& updated,
                                      std::int64_t expected_version, std::optional<std::int64_t> actor,
                                      core::EpochMillis now) {
  auto stored = LoadForChange(connection, updated.id, expected_version);
  if (!stored) return stored;
  std::string assignments;
  for (const char* column : kEditableColumns) assignments += std::string(column) + " = ?, ";
  auto values = EditableValues(updated);
  values.insert(values.end(),
                {db::Value(now), OptionalValue(actor), db::Value(updated.id), db::Value(expected_version)});
  const auto changed = connection.Execute("UPDATE campaigns SET " + assignments +
                                              "updated_at = ?, updated_by = ?, version = version + 1 "
                                              "WHERE id = ? AND version = ?",
                                          values);
  if (changed.affected_rows != 1) return Fail(ErrorCode::kPreconditionFailed, "http.precondition_failed");
  return *LoadCampaign(connection, updated.id);
}

Campaign SetCampaignStatus(db::Connection& connection, const Campaign& campaign, CampaignStatus status,
                           std::optional<std::int64_t> alert_id, std::optional<std::int64_t> actor,
                           core::EpochMillis now) {
  connection.Execute(
      "UPDATE campaigns SET status = ?, alert_id = COALESCE(?, alert_id), updated_at = ?, updated_by = ?, "
      "version = version + 1 WHERE id = ?",
      {std::string(CampaignStatusName(status)), OptionalValue(alert_id), now, OptionalValue(actor), campaign.id});
  return *LoadCampaign(connection, campaign.id);
}

std::vector<Question> LoadQuestions(db::Connection& connection, CampaignId id) {
  std::vector<Question> questions;
  for (const auto& row :
       connection
           .Execute("SELECT prompt, answer_kind, choices, raises_need, raises_on FROM campaign_questions "
                    "WHERE campaign_id = ? ORDER BY position",
                    {id})
           .rows) {
    questions.push_back(Question{.prompt = row.Text(0),
                                 .answer_kind = AnswerKindFromName(row.Text(1)).value_or(AnswerKind::kText),
                                 .choices = SplitChoices(row.Text(2)),
                                 .raises_need = row.Text(3),
                                 .raises_on = row.Text(4)});
  }
  return questions;
}

core::Result<Campaign> ReplaceQuestions(db::Connection& connection, CampaignId id,
                                        const std::vector<Question>& questions, std::int64_t expected_version,
                                        std::optional<std::int64_t> actor, core::EpochMillis now) {
  auto stored = LoadForChange(connection, id, expected_version);
  if (!stored) return stored;
  connection.Execute("DELETE FROM campaign_questions WHERE campaign_id = ?", {id});
  for (std::size_t i = 0; i < questions.size(); ++i) {
    const Question& question = questions[i];
    connection.Execute(
        "INSERT INTO campaign_questions (campaign_id, position, prompt, answer_kind, choices, raises_need, raises_on) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        {id, static_cast<std::int64_t>(i + 1), question.prompt, std::string(AnswerKindName(question.answer_kind)),
         JoinChoices(question.choices), question.raises_need, question.raises_on});
  }
  connection.Execute(
      "UPDATE campaigns SET updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND version = ?",
      {now, OptionalValue(actor), id, expected_version});
  return *LoadCampaign(connection, id);
}

std::optional<Campaign> FindDraftForAlert(db::Connection& connection, std::string_view alert_kind) {
  auto row = connection.QueryOne(std::string("SELECT ") + kColumns +
                                     " FROM campaigns WHERE status = 'draft' AND activated_by_alert = ? "
                                     "ORDER BY id LIMIT 1",
                                 {std::string(alert_kind)});
  if (!row) return std::nullopt;
  return ReadCampaign(*row);
}

std::vector<Campaign> ActiveCampaignsOfAlert(db::Connection& connection, std::int64_t alert_id) {
  std::vector<Campaign> campaigns;
  for (const auto& row : connection
                             .Execute(std::string("SELECT ") + kColumns +
                                          " FROM campaigns WHERE status = 'active' AND alert_id = ? ORDER BY id",
                                      {alert_id})
                             .rows) {
    campaigns.push_back(ReadCampaign(row));
  }
  return campaigns;
}

}  // namespace lien::calls
