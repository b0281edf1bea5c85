#include "calls/campaign_rules.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "calls/need_rules.hpp"

namespace lien::calls {
namespace {

using core::ErrorCode;
using core::Fail;

core::Status Invalid(std::string key, std::string field, std::map<std::string, std::string> args = {}) {
  return Fail(ErrorCode::kInvalidInput, std::move(key), std::move(field), std::move(args));
}

bool IsPostcode(const std::string& text) {
  return text.size() == 5 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

core::Status CheckListSize(std::size_t size, const char* field) {
  if (size > kMaxTargetListSize) {
    return Invalid("campaigns.target_list_too_long", field, {{"max", std::to_string(kMaxTargetListSize)}});
  }
  return {};
}

core::Status ValidateTarget(const Campaign& campaign, std::span<const std::string_view> register_grounds) {
  const CampaignTarget& target = campaign.target;
  const bool alert_plan = campaign.kind == CampaignKind::kHeatwave || campaign.kind == CampaignKind::kCold;
  if (target.register_persons && !alert_plan) {
    return Invalid("campaigns.register_target_not_allowed", "target.register");
  }
  if (!target.grounds.empty() && !target.register_persons) {
    return Invalid("campaigns.grounds_need_register", "target.grounds");
  }
  for (std::size_t i = 0; i < target.grounds.size(); ++i) {
    if (std::find(register_grounds.begin(), register_grounds.end(), target.grounds[i]) == register_grounds.end()) {
      return Invalid("campaigns.invalid_ground", "target.grounds[" + std::to_string(i) + "]");
    }
  }
  for (const auto& [age, field] : {std::pair{target.age_min, "target.age_min"}, {target.age_max, "target.age_max"}}) {
    if (age && (*age < 0 || *age > 130)) return Invalid("campaigns.invalid_age", field);
  }
  if (target.age_min && target.age_max && *target.age_min > *target.age_max) {
    return Invalid("campaigns.invalid_age_range", "target.age_max");
  }
  if (auto ok = CheckListSize(target.postcodes.size(), "target.area.postcodes"); !ok) return ok;
  if (auto ok = CheckListSize(target.towns.size(), "target.area.towns"); !ok) return ok;
  if (auto ok = CheckListSize(target.streets.size(), "target.area.streets"); !ok) return ok;
  if (auto ok = CheckListSize(target.persons.size(), "target.persons"); !ok) return ok;
  for (std::size_t i = 0; i < target.postcodes.size(); ++i) {
    if (!IsPostcode(target.postcodes[i])) {
      return Invalid("campaigns.invalid_postcode", "target.area.postcodes[" + std::to_string(i) + "]");
    }
  }
  for (const auto& [list, field] :
       {std::pair{&target.towns, "target.area.towns"}, {&target.streets, "target.area.streets"}}) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      const auto& text = (*list)[i];
      const std::string name = std::string(field) + "[" + std::to_string(i) + "]";
      if (text.find_first_not_of(' ') == std::string::npos) return Invalid("validation.required", name);
      if (text.size() > 200) return Invalid("validation.too_long", name, {{"max", "200"}});
    }
  }
  for (std::size_t i = 0; i < target.persons.size(); ++i) {
    if (target.persons[i] <= 0) return Invalid("campaigns.invalid_person", "target.persons[" + std::to_string(i) + "]");
  }
  return {};
}

core::Status CheckRange(std::int32_t value, std::int32_t min, std::int32_t max, const char* field) {
  if (value < min || value > max) {
    return Invalid("campaigns.out_of_range", field, {{"min", std::to_string(min)}, {"max", std::to_string(max)}});
  }
  return {};
}

}  // namespace

core::Status ValidateCampaign(const Campaign& campaign, std::span<const std::string_view> register_grounds) {
  if (campaign.name.find_first_not_of(" \t") == std::string::npos) return Invalid("campaigns.name_required", "name");
  if (campaign.name.size() > kMaxCampaignNameLength) {
    return Invalid("validation.too_long", "name", {{"max", std::to_string(kMaxCampaignNameLength)}});
  }
  if (!campaign.starts_on.ok()) return Invalid("campaigns.invalid_day", "starts_on");
  if (campaign.ends_on) {
    if (!campaign.ends_on->ok()) return Invalid("campaigns.invalid_day", "ends_on");
    if (std::chrono::sys_days{*campaign.ends_on} < std::chrono::sys_days{campaign.starts_on}) {
      return Invalid("campaigns.invalid_period", "ends_on");
    }
  }
  if (auto ok = CheckRange(campaign.frequency_days, 0, 60, "frequency_days"); !ok) return ok;
  if (campaign.frequency_days == 0 && campaign.weekdays.Empty())
    return Invalid("campaigns.weekdays_required", "weekdays");
  if (!campaign.window.IsValid()) return Invalid("campaigns.invalid_window", "window_end");
  if (auto ok = CheckRange(campaign.timings.retry_delay_minutes, 5, 24 * 60, "retry_delay_minutes"); !ok) return ok;
  if (auto ok = CheckRange(campaign.timings.max_attempts_per_day, 1, 20, "max_attempts_per_day"); !ok) return ok;
  if (auto ok = CheckRange(campaign.timings.escalation_hours, 1, 60 * 24, "escalation_hours"); !ok) return ok;
  if (auto ok = CheckRange(campaign.timings.escalation_min_attempts, 0, 100, "escalation_min_attempts"); !ok) {
    return ok;
  }
  if (!campaign.activated_by_alert.empty()) {
    const bool alert_kind = campaign.activated_by_alert == "heatwave" || campaign.activated_by_alert == "cold";
    if (!alert_kind) return Invalid("campaigns.invalid_alert_kind", "activated_by_alert");
    if (campaign.activated_by_alert != CampaignKindName(campaign.kind)) {
      return Invalid("campaigns.alert_kind_mismatch", "activated_by_alert");
    }
  }
  return ValidateTarget(campaign, register_grounds);
}

core::Status ValidateScript(const std::vector<Question>& questions) {
  if (questions.size() > kMaxQuestions) {
    return Invalid("campaigns.too_many_questions", "questions", {{"max", std::to_string(kMaxQuestions)}});
  }
  const auto needs = NeedKinds();
  for (std::size_t i = 0; i < questions.size(); ++i) {
    const Question& question = questions[i];
    const std::string at = "questions[" + std::to_string(i) + "]";
    if (question.prompt.find_first_not_of(" \t") == std::string::npos) {
      return Invalid("campaigns.prompt_required", at + ".prompt");
    }
    if (question.prompt.size() > kMaxPromptLength) {
      return Invalid("validation.too_long", at + ".prompt", {{"max", std::to_string(kMaxPromptLength)}});
    }
    if (question.answer_kind == AnswerKind::kChoice) {
      if (question.choices.size() < 2) return Invalid("campaigns.choices_required", at + ".choices");
      if (question.choices.size() > kMaxChoices) {
        return Invalid("campaigns.too_many_choices", at + ".choices", {{"max", std::to_string(kMaxChoices)}});
      }
      std::set<std::string> seen;
      for (std::size_t c = 0; c < question.choices.size(); ++c) {
        const auto& choice = question.choices[c];
        const std::string field = at + ".choices[" + std::to_string(c) + "]";
        if (choice.find_first_not_of(' ') == std::string::npos) return Invalid("validation.required", field);
        if (choice.size() > kMaxChoiceLength) {
          return Invalid("validation.too_long", field, {{"max", std::to_string(kMaxChoiceLength)}});
        }
        if (choice.find(',') != std::string::npos) return Invalid("campaigns.choice_comma", field);
        if (!seen.insert(choice).second) return Invalid("campaigns.duplicate_choice", field);
      }
    } else if (!question.choices.empty()) {
      return Invalid("campaigns.choices_only_for_choice", at + ".choices");
    }
    if (question.raises_need.empty()) {
      if (!question.raises_on.empty()) return Invalid("campaigns.raises_on_without_need", at + ".raises_on");
      continue;
    }
    if (std::find(needs.begin(), needs.end(), question.raises_need) == needs.end()) {
      return Invalid("campaigns.invalid_need_kind", at + ".raises_need");
    }
    bool answer_ok = false;
    switch (question.answer_kind) {
      case AnswerKind::kYesNo:
        answer_ok = question.raises_on == "yes" || question.raises_on == "no";
        break;
      case AnswerKind::kChoice:
        answer_ok =
            std::find(question.choices.begin(), question.choices.end(), question.raises_on) != question.choices.end();
        break;
      case AnswerKind::kScale:
        answer_ok = question.raises_on.size() == 1 && question.raises_on[0] >= '1' &&
                    question.raises_on[0] <= static_cast<char>('0' + kScaleMax);
        break;
      case AnswerKind::kText:
        return Invalid("campaigns.text_cannot_raise_need", at + ".raises_need");
    }
    if (!answer_ok) return Invalid("campaigns.invalid_raises_on", at + ".raises_on");
  }
  return {};
}

core::Status CheckCanActivate(const Campaign& campaign) {
  if (campaign.status != CampaignStatus::kDraft) return Fail(ErrorCode::kConflict, "campaigns.not_draft", "status");
  return {};
}

core::Status CheckCanClose(const Campaign& campaign) {
  if (campaign.status != CampaignStatus::kActive) return Fail(ErrorCode::kConflict, "campaigns.not_active", "status");
  return {};
}

core::Status CheckCanEdit(const Campaign& campaign) {
  if (campaign.status == CampaignStatus::kClosed) return Fail(ErrorCode::kConflict, "campaigns.closed", "status");
  return {};
}

}  // namespace lien::calls
