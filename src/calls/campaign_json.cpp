#include "calls/campaign_json.hpp"

#include "calls/campaign_target_json.hpp"
#include "calls/campaign_values.hpp"

namespace lien::calls {
namespace {

using core::ErrorCode;
using core::Fail;
using http::Json;

core::Status Type(const std::string& field) { return Fail(ErrorCode::kInvalidInput, "validation.type", field); }

Json Optional(const std::optional<std::int64_t>& value) { return value ? Json(*value) : Json(nullptr); }

core::Result<std::int32_t> IntMember(const Json& value, const std::string& field) {
  if (!value.is_number_integer()) return Fail(Type(field).error());
  const auto number = value.get<std::int64_t>();
  return static_cast<std::int32_t>(std::clamp<std::int64_t>(number, -1'000'000, 1'000'000));
}

core::Result<std::string> StringMember(const Json& value, const std::string& field, std::size_t max = 1000) {
  if (!value.is_string()) return Fail(Type(field).error());
  auto text = value.get<std::string>();
  if (text.size() > max)
    return Fail(ErrorCode::kInvalidInput, "validation.too_long", field, {{"max", std::to_string(max)}});
  return text;
}

core::Result<std::chrono::year_month_day> DayMember(const Json& value, const std::string& field) {
  auto text = StringMember(value, field, 20);
  if (!text) return Fail(text.error());
  auto day = ParseDay(*text);
  if (!day) return Fail(ErrorCode::kInvalidInput, "campaigns.invalid_day", field);
  return *day;
}

core::Result<std::int16_t> TimeMember(const Json& value, const std::string& field) {
  auto text = StringMember(value, field, 10);
  if (!text) return Fail(text.error());
  auto minutes = ParseTimeOfDay(*text);
  if (!minutes) return Fail(ErrorCode::kInvalidInput, "campaigns.invalid_time", field);
  return *minutes;
}

}  // namespace

Json WeekdaysJson(WeekdaySet days) {
  Json list = Json::array();
  for (unsigned day = 1; day <= 7; ++day) {
    if (days.Contains(std::chrono::weekday{day % 7})) list.push_back(day);
  }
  return list;
}

core::Result<WeekdaySet> WeekdaysFromJson(const Json& value, const std::string& field) {
  if (value.is_null()) return WeekdaySet{};
  if (!value.is_array()) return Fail(Type(field).error());
  std::uint8_t bits = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto& day = value[i];
    if (!day.is_number_integer() || day.get<std::int64_t>() < 1 || day.get<std::int64_t>() > 7) {
      return Fail(ErrorCode::kInvalidInput, "campaigns.invalid_weekday", field + "[" + std::to_string(i) + "]");
    }
    bits = static_cast<std::uint8_t>(bits | (1u << (day.get<std::int64_t>() - 1)));
  }
  return WeekdaySet::FromBits(bits);
}

core::Result<std::optional<LocalWindow>> OptionalWindowFromJson(const Json& body, const char* start_member,
                                                                const char* end_member) {
  const auto start = body.find(start_member);
  const auto end = body.find(end_member);
  const bool has_start =
      start != body.end() && !start->is_null() && !(start->is_string() && start->get<std::string>().empty());
  const bool has_end = end != body.end() && !end->is_null() && !(end->is_string() && end->get<std::string>().empty());
  if (!has_start && !has_end) return std::optional<LocalWindow>{};
  if (!has_start) return Fail(ErrorCode::kInvalidInput, "campaigns.invalid_time", start_member);
  if (!has_end) return Fail(ErrorCode::kInvalidInput, "campaigns.invalid_time", end_member);
  auto from = TimeMember(*start, start_member);
  if (!from) return Fail(from.error());
  auto to = TimeMember(*end, end_member);
  if (!to) return Fail(to.error());
  LocalWindow window{.start_minute = *from, .end_minute = *to};
  if (!window.IsValid()) return Fail(ErrorCode::kInvalidInput, "campaigns.invalid_window", end_member);
  return std::optional<LocalWindow>{window};
}

Json CampaignJson(const Campaign& campaign) {
  return Json{
      {"id", campaign.id},
      {"name", campaign.name},
      {"kind", CampaignKindName(campaign.kind)},
      {"status", CampaignStatusName(campaign.status)},
      {"starts_on", FormatDay(campaign.starts_on)},
      {"ends_on", campaign.ends_on ? Json(FormatDay(*campaign.ends_on)) : Json(nullptr)},
      {"target", TargetToJson(campaign.target)},
      {"frequency_days", campaign.frequency_days},
      {"weekdays", WeekdaysJson(campaign.weekdays)},
      {"window_start", FormatTimeOfDay(campaign.window.start_minute)},
      {"window_end", FormatTimeOfDay(campaign.window.end_minute)},
      {"retry_delay_minutes", campaign.timings.retry_delay_minutes},
      {"max_attempts_per_day", campaign.timings.max_attempts_per_day},
      {"escalation_hours", campaign.timings.escalation_hours},
      {"escalation_min_attempts", campaign.timings.escalation_min_attempts},
      {"activated_by_alert", campaign.activated_by_alert.empty() ? Json(nullptr) : Json(campaign.activated_by_alert)},
      {"alert_id", Optional(campaign.alert_id)},
      {"created_at", campaign.created_at},
      {"updated_at", campaign.updated_at},
      {"version", campaign.version}};
}

Json QuestionsJson(const std::vector<Question>& questions) {
  Json list = Json::array();
  for (const auto& question : questions) {
    list.push_back({{"prompt", question.prompt},
                    {"answer_kind", AnswerKindName(question.answer_kind)},
                    {"choices", question.choices},
                    {"raises_need", question.raises_need.empty() ? Json(nullptr) : Json(question.raises_need)},
                    {"raises_on", question.raises_on.empty() ? Json(nullptr) : Json(question.raises_on)}});
  }
  return list;
}

core::Status ApplyCampaignJson(const Json& body, Campaign& campaign, bool creating) {
  if (auto ok = http::OnlyFields(body, {"name", "kind", "starts_on", "ends_on", "target", "frequency_days", "weekdays",
                                        "window_start", "window_end", "retry_delay_minutes", "max_attempts_per_day",
                                        "escalation_hours", "escalation_min_attempts", "activated_by_alert"});
      !ok) {
    return ok;
  }
  auto present = [&body](const char* key) {
    const auto it = body.find(key);
    return it != body.end() && !it->is_null();
  };
  if (creating) {
    for (const char* key : {"kind", "name", "starts_on"}) {
      if (!present(key)) return Fail(ErrorCode::kInvalidInput, "validation.required", key);
    }
  }
  if (present("kind")) {
    auto name = StringMember(body["kind"], "kind", 32);
    if (!name) return Fail(name.error());
    auto kind = CampaignKindFromName(*name);
    if (!kind) return Fail(ErrorCode::kInvalidInput, "campaigns.invalid_kind", "kind");
    campaign.kind = *kind;
    if (creating) {
      campaign.timings = DefaultTimings(*kind);
      campaign.frequency_days = DefaultFrequencyDays(*kind);
    }
  }
  if (body.contains("name")) {
    auto name = StringMember(body["name"], "name", 10'000);
    if (!name) return Fail(name.error());
    campaign.name = *name;
  }
  if (present("starts_on")) {
    auto day = DayMember(body["starts_on"], "starts_on");
    if (!day) return Fail(day.error());
    campaign.starts_on = *day;
  }
  if (body.contains("ends_on")) {
    if (body["ends_on"].is_null()) {
      campaign.ends_on.reset();
    } else {
      auto day = DayMember(body["ends_on"], "ends_on");
      if (!day) return Fail(day.error());
      campaign.ends_on = *day;
    }
  }
  if (body.contains("target")) {
    auto target = TargetFromJson(body["target"]);
    if (!target) return Fail(target.error());
    campaign.target = std::move(*target);
  }
  if (present("weekdays")) {
    auto days = WeekdaysFromJson(body["weekdays"], "weekdays");
    if (!days) return Fail(days.error());
    campaign.weekdays = *days;
  }
  for (auto [key, member] : {std::pair{"window_start", &campaign.window.start_minute},
                             std::pair{"window_end", &campaign.window.end_minute}}) {
    if (!present(key)) continue;
    auto minutes = TimeMember(body[key], key);
    if (!minutes) return Fail(minutes.error());
    *member = *minutes;
  }
  if (present("frequency_days")) {
    auto days = IntMember(body["frequency_days"], "frequency_days");
    if (!days) return Fail(days.error());
    campaign.frequency_days = static_cast<std::int16_t>(std::clamp(*days, -1, 10'000));
  }
  for (auto [key, member] : {std::pair{"retry_delay_minutes", &campaign.timings.retry_delay_minutes},
                             std::pair{"max_attempts_per_day", &campaign.timings.max_attempts_per_day},
                             std::pair{"escalation_hours", &campaign.timings.escalation_hours},
                             std::pair{"escalation_min_attempts", &campaign.timings.escalation_min_attempts}}) {
    if (!present(key)) continue;
    auto value = IntMember(body[key], key);
    if (!value) return Fail(value.error());
    *member = *value;
  }
  if (body.contains("activated_by_alert")) {
    if (body["activated_by_alert"].is_null()) {
      campaign.activated_by_alert.clear();
    } else {
      auto kind = StringMember(body["activated_by_alert"], "activated_by_alert", 32);
      if (!kind) return Fail(kind.error());
      campaign.activated_by_alert = *kind;
    }
  }
  return {};
}

core::Result<std::vector<Question>> QuestionsFromJson(const Json& body) {
  if (auto ok = http::OnlyFields(body, {"questions"}); !ok) return Fail(ok.error());
  const auto list = body.find("questions");
  if (list == body.end() || list->is_null()) return Fail(ErrorCode::kInvalidInput, "validation.required", "questions");
  if (!list->is_array()) return Fail(Type("questions").error());
  std::vector<Question> questions;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const Json& item = (*list)[i];
    const std::string at = "questions[" + std::to_string(i) + "]";
    if (!item.is_object()) return Fail(Type(at).error());
    for (const auto& [key, unused] : item.items()) {
      if (key != "prompt" && key != "answer_kind" && key != "choices" && key != "raises_need" && key != "raises_on") {
        const std::string name = at + "." + key.substr(0, 40);
        return Fail(ErrorCode::kInvalidInput, "validation.unknown_field", name, {{"name", name}});
      }
    }
    Question question;
    if (auto prompt = item.find("prompt"); prompt != item.end() && !prompt->is_null()) {
      auto text = StringMember(*prompt, at + ".prompt", 10'000);
      if (!text) return Fail(text.error());
      question.prompt = *text;
    }
    auto kind_member = item.find("answer_kind");
    if (kind_member == item.end() || kind_member->is_null()) {
      return Fail(ErrorCode::kInvalidInput, "validation.required", at + ".answer_kind");
    }
    auto kind_name = StringMember(*kind_member, at + ".answer_kind", 32);
    if (!kind_name) return Fail(kind_name.error());
    auto kind = AnswerKindFromName(*kind_name);
    if (!kind) return Fail(ErrorCode::kInvalidInput, "campaigns.invalid_answer_kind", at + ".answer_kind");
    question.answer_kind = *kind;
    if (auto choices = item.find("choices"); choices != item.end() && !choices->is_null()) {
      if (!choices->is_array()) return Fail(Type(at + ".choices").error());
      for (std::size_t c = 0; c < choices->size(); ++c) {
        auto choice = StringMember((*choices)[c], at + ".choices[" + std::to_string(c) + "]", 10'000);
        if (!choice) return Fail(choice.error());
        question.choices.push_back(*choice);
      }
    }
    for (auto [key, member] :
         {std::pair{"raises_need", &question.raises_need}, std::pair{"raises_on", &question.raises_on}}) {
      if (auto value = item.find(key); value != item.end() && !value->is_null()) {
        auto text = StringMember(*value, at + "." + key, 200);
        if (!text) return Fail(text.error());
        *member = *text;
      }
    }
    questions.push_back(std::move(question));
  }
  return questions;
}

core::Result<EnrolmentAgreement> AgreementFromJson(const Json& body) {
  EnrolmentAgreement agreement;
  if (auto days = body.find("weekdays"); days != body.end()) {
    auto set = WeekdaysFromJson(*days, "weekdays");
    if (!set) return Fail(set.error());
    agreement.schedule.weekdays = *set;
  }
  auto window = OptionalWindowFromJson(body, "window_start", "window_end");
  if (!window) return Fail(window.error());
  agreement.schedule.window = *window;
  if (auto frequency = body.find("frequency_days"); frequency != body.end() && !frequency->is_null()) {
    auto days = IntMember(*frequency, "frequency_days");
    if (!days) return Fail(days.error());
    if (*days < 0 || *days > 60) {
      return Fail(ErrorCode::kInvalidInput, "campaigns.out_of_range", "frequency_days", {{"min", "0"}, {"max", "60"}});
    }
    agreement.schedule.frequency_days = static_cast<std::int16_t>(*days);
  }
  if (auto caller = body.find("caller_id"); caller != body.end() && !caller->is_null()) {
    if (!caller->is_number_integer() || caller->get<std::int64_t>() <= 0) return Fail(Type("caller_id").error());
    agreement.caller_id = caller->get<std::int64_t>();
  }
  return agreement;
}

Json EnrolmentJson(const EnrolmentRecord& enrolment, const Json& person) {
  const auto& window = enrolment.agreement.window;
  return Json{{"id", enrolment.id},
              {"campaign_id", enrolment.campaign_id},
              {"person_id", enrolment.person_id},
              {"person", person},
              {"state", enrolment.state},
              {"source", enrolment.source},
              {"caller_id", Optional(enrolment.caller_id)},
              {"weekdays", WeekdaysJson(enrolment.agreement.weekdays)},
              {"window_start", window ? Json(FormatTimeOfDay(window->start_minute)) : Json(nullptr)},
              {"window_end", window ? Json(FormatTimeOfDay(window->end_minute)) : Json(nullptr)},
              {"frequency_days", enrolment.agreement.frequency_days},
              {"priority", enrolment.priority},
              {"last_call_worrying", enrolment.last_call_worrying},
              {"enrolled_at", enrolment.enrolled_at},
              {"ended_at", Optional(enrolment.ended_at)},
              {"last_attempt_at", Optional(enrolment.last_attempt_at)},
              {"last_reached_at", Optional(enrolment.last_reached_at)},
              {"version", enrolment.version}};
}

http::Response ErrorWithCurrent(const core::Error& error, const http::Request& request, const Json& current) {
  auto response = http::ErrorResponse(error, request);
  auto body = Json::parse(response.body, nullptr, false);
  if (!body.is_object()) return response;
  body["current"] = current;
  response.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  return response;
}

}  // namespace lien::calls
