#include "calls/campaign_rules.hpp"

#include <gtest/gtest.h>

#include <array>

#include "calls/caller_roster_rules.hpp"
#include "calls/campaign_values.hpp"
#include "calls/follow_up_profile_rules.hpp"

namespace lien::calls {
namespace {

using namespace std::chrono;

constexpr std::array<std::string_view, 2> kGrounds{"age_65", "disabled_aah"};

Campaign Wellbeing() {
  Campaign campaign;
  campaign.name = "Appels de convivialité";
  campaign.kind = CampaignKind::kWellbeing;
  campaign.starts_on = 2026y / June / 1d;
  campaign.target.age_min = 75;
  return campaign;
}

std::string FieldOf(const core::Status& status) { return status ? "" : status.error().field; }
std::string KeyOf(const core::Status& status) { return status ? "" : status.error().message_key; }

TEST(CampaignRules, AValidCampaignPasses) { EXPECT_TRUE(ValidateCampaign(Wellbeing(), kGrounds)); }

TEST(CampaignRules, OnlyAlertPlansMayTargetTheRegister) {
  auto wellbeing = Wellbeing();
  wellbeing.target.register_persons = true;
  EXPECT_EQ(KeyOf(ValidateCampaign(wellbeing, kGrounds)), "campaigns.register_target_not_allowed");
  EXPECT_EQ(FieldOf(ValidateCampaign(wellbeing, kGrounds)), "target.register");
  auto heatwave = wellbeing;
  heatwave.kind = CampaignKind::kHeatwave;
  heatwave.target.grounds = {"age_65"};
  EXPECT_TRUE(ValidateCampaign(heatwave, kGrounds));
  heatwave.target.grounds = {"age_65", "astrology"};
  EXPECT_EQ(FieldOf(ValidateCampaign(heatwave, kGrounds)), "target.grounds[1]");
  heatwave.target.register_persons = false;
  heatwave.target.grounds = {"age_65"};
  EXPECT_EQ(KeyOf(ValidateCampaign(heatwave, kGrounds)), "campaigns.grounds_need_register");
}

TEST(CampaignRules, NamesTheFieldOfEachMistake) {
  auto campaign = Wellbeing();
  campaign.name = "  ";
  EXPECT_EQ(FieldOf(ValidateCampaign(campaign, kGrounds)), "name");
  campaign = Wellbeing();
  campaign.ends_on = 2026y / May / 31d;
  EXPECT_EQ(KeyOf(ValidateCampaign(campaign, kGrounds)), "campaigns.invalid_period");
  campaign = Wellbeing();
  campaign.frequency_days = 0;
  EXPECT_EQ(FieldOf(ValidateCampaign(campaign, kGrounds)), "weekdays");
  campaign.weekdays = WeekdaySet::Of({2, 4});
  EXPECT_TRUE(ValidateCampaign(campaign, kGrounds));
  campaign.timings.max_attempts_per_day = 0;
  EXPECT_EQ(FieldOf(ValidateCampaign(campaign, kGrounds)), "max_attempts_per_day");
  campaign = Wellbeing();
  campaign.target.age_min = 80;
  campaign.target.age_max = 70;
  EXPECT_EQ(FieldOf(ValidateCampaign(campaign, kGrounds)), "target.age_max");
  campaign = Wellbeing();
  campaign.target.postcodes = {"80000", "8000"};
  EXPECT_EQ(FieldOf(ValidateCampaign(campaign, kGrounds)), "target.area.postcodes[1]");
  campaign = Wellbeing();
  campaign.activated_by_alert = "heatwave";
  EXPECT_EQ(KeyOf(ValidateCampaign(campaign, kGrounds)), "campaigns.alert_kind_mismatch");
  campaign.kind = CampaignKind::kHeatwave;
  EXPECT_TRUE(ValidateCampaign(campaign, kGrounds));
}

TEST(CampaignRules, HeatwaveDefaultsAreTighterThanWellbeing) {
  const auto heatwave = DefaultTimings(CampaignKind::kHeatwave);
  const auto wellbeing = DefaultTimings(CampaignKind::kWellbeing);
  EXPECT_LT(heatwave.retry_delay_minutes, wellbeing.retry_delay_minutes);
  EXPECT_GT(heatwave.max_attempts_per_day, wellbeing.max_attempts_per_day);
  EXPECT_EQ(heatwave.escalation_hours, 48);
  EXPECT_LT(heatwave.escalation_hours, wellbeing.escalation_hours);
  EXPECT_EQ(DefaultFrequencyDays(CampaignKind::kHeatwave), 1);
}

TEST(CampaignRules, StatusMachine) {
  auto campaign = Wellbeing();
  EXPECT_TRUE(CheckCanActivate(campaign));
  EXPECT_FALSE(CheckCanClose(campaign));
  campaign.status = CampaignStatus::kActive;
  EXPECT_FALSE(CheckCanActivate(campaign));
  EXPECT_TRUE(CheckCanClose(campaign));
  EXPECT_TRUE(CheckCanEdit(campaign));
  campaign.status = CampaignStatus::kClosed;
  EXPECT_EQ(KeyOf(CheckCanEdit(campaign)), "campaigns.closed");
}

TEST(ScriptRules, ChecksEachQuestion) {
  std::vector<Question> script{
      {.prompt = "Avez-vous assez à manger ?", .raises_need = "groceries", .raises_on = "no"},
      {.prompt = "Comment vous sentez-vous ?",
       .answer_kind = AnswerKind::kScale,
       .raises_need = "isolation",
       .raises_on = "1"},
      {.prompt = "Qui vous aide ?",
       .answer_kind = AnswerKind::kChoice,
       .choices = {"famille", "voisin", "personne"},
       .raises_need = "isolation",
       .raises_on = "personne"},
      {.prompt = "Autre chose ?", .answer_kind = AnswerKind::kText},
  };
  EXPECT_TRUE(ValidateScript(script));
  auto bad = script;
  bad[0].raises_on = "peut-être";
  EXPECT_EQ(FieldOf(ValidateScript(bad)), "questions[0].raises_on");
  bad = script;
  bad[1].raises_on = "9";
  EXPECT_EQ(FieldOf(ValidateScript(bad)), "questions[1].raises_on");
  bad = script;
  bad[2].choices = {"seul"};
  EXPECT_EQ(FieldOf(ValidateScript(bad)), "questions[2].choices");
  bad = script;
  bad[3].raises_need = "meals";
  EXPECT_EQ(KeyOf(ValidateScript(bad)), "campaigns.text_cannot_raise_need");
  bad = script;
  bad[0].raises_need = "unicorns";
  EXPECT_EQ(FieldOf(ValidateScript(bad)), "questions[0].raises_need");
  bad = script;
  bad[1].prompt = "";
  EXPECT_EQ(FieldOf(ValidateScript(bad)), "questions[1].prompt");
}

TEST(CampaignValues, DaysAreRealCalendarDays) {
  EXPECT_EQ(ParseDay("2026-02-28"), 2026y / February / 28d);
  EXPECT_FALSE(ParseDay("2026-02-30"));
  EXPECT_FALSE(ParseDay("2026-2-3"));
  EXPECT_EQ(FormatDay(2026y / March / 5d), "2026-03-05");
}

TEST(CallerRoster, DutyAndAbsences) {
  CallerDuty duty{.user_id = 4, .weekdays = WeekdaySet::Of({1, 2, 3})};
  EXPECT_TRUE(ValidateCallerDuty(duty));
  const std::vector<CallerAbsence> absences{
      {.user_id = 4, .from_day = 2026y / June / 2d, .until_day = 2026y / June / 3d}};
  EXPECT_TRUE(IsOnDuty(duty, absences, local_days{2026y / June / 1d}));   // Monday
  EXPECT_FALSE(IsOnDuty(duty, absences, local_days{2026y / June / 2d}));  // absent
  EXPECT_FALSE(IsOnDuty(duty, absences, local_days{2026y / June / 4d}));  // Thursday: not a duty day
  EXPECT_TRUE(IsOnDuty(duty, absences, local_days{2026y / June / 8d}));   // back on Monday
  duty.weekdays = {};
  EXPECT_EQ(FieldOf(ValidateCallerDuty(duty)), "weekdays");
  CallerAbsence backwards{.from_day = 2026y / June / 3d, .until_day = 2026y / June / 2d};
  EXPECT_EQ(FieldOf(ValidateAbsence(backwards)), "until_day");
}

TEST(FollowUpProfile, EmergencyContactPhonesBecomeE164OrAreRefusedByName) {
  std::vector<EmergencyContact> contacts{{.name = "Sophie Martin", .relation = "fille", .phone = "06 12 34 56 78"}};
  ASSERT_TRUE(NormaliseEmergencyContacts(contacts));
  EXPECT_EQ(contacts[0].phone, "+33612345678");
  contacts.push_back({.name = "Voisin", .phone = "12"});
  const auto refused = NormaliseEmergencyContacts(contacts);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "emergency_contacts[1].phone");
  EXPECT_EQ(refused.error().message_key, "phone.invalid");
}

}  // namespace
}  // namespace lien::calls
