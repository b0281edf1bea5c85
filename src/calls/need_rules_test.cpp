#include "calls/need_rules.hpp"

#include <gtest/gtest.h>

#include "calls/inbound_rules.hpp"
#include "calls/referral_rules.hpp"

namespace lien::calls {
namespace {

NeedDraft Draft() {
  NeedDraft draft;
  draft.person_id = 7;
  draft.kind = "meals";
  draft.urgency = "high";
  return draft;
}

TEST(NeedRules, AValidDraftPasses) { EXPECT_TRUE(ValidateNeedDraft(Draft())); }

TEST(NeedRules, RefusesUnknownWordsNamingTheField) {
  auto draft = Draft();
  draft.kind = "pizza";
  EXPECT_EQ(ValidateNeedDraft(draft).error().message_key, "needs.invalid_kind");
  draft = Draft();
  draft.urgency = "urgent";
  EXPECT_EQ(ValidateNeedDraft(draft).error().field, "urgency");
  draft = Draft();
  draft.source = "email";
  EXPECT_EQ(ValidateNeedDraft(draft).error().message_key, "needs.invalid_source");
}

TEST(NeedRules, TheSourceCarriesExactlyItsLink) {
  auto draft = Draft();
  draft.source = std::string(kNeedFromCall);
  EXPECT_EQ(ValidateNeedDraft(draft).error().field, "call_id");
  draft.call_id = 12;
  EXPECT_TRUE(ValidateNeedDraft(draft));
  draft.inbound_request_id = 3;
  EXPECT_EQ(ValidateNeedDraft(draft).error().message_key, "needs.source_link_extra");
  draft = Draft();
  draft.source = std::string(kNeedFromVisit);
  EXPECT_EQ(ValidateNeedDraft(draft).error().field, "escalation_id");
  draft = Draft();
  draft.escalation_id = 4;  // follow_up carries no link
  EXPECT_EQ(ValidateNeedDraft(draft).error().field, "escalation_id");
}

TEST(NeedRules, NotesHaveALimit) {
  auto draft = Draft();
  draft.notes.assign(kMaxNeedNotesLength + 1, 'x');
  EXPECT_EQ(ValidateNeedDraft(draft).error().message_key, "validation.too_long");
}

TEST(NeedRules, UrgencyRanks) {
  EXPECT_LT(UrgencyRank("none"), UrgencyRank("low"));
  EXPECT_LT(UrgencyRank("high"), UrgencyRank("immediate"));
  EXPECT_EQ(UrgencyRank("soon"), -1);
}

TEST(NeedRules, StateMachine) {
  EXPECT_TRUE(CheckNeedTransition("open", "referred"));
  EXPECT_TRUE(CheckNeedTransition("open", "closed"));
  EXPECT_TRUE(CheckNeedTransition("referred", "open"));
  EXPECT_TRUE(CheckNeedTransition("referred", "closed"));
  EXPECT_TRUE(CheckNeedTransition("closed", "open"));
  const auto refused = CheckNeedTransition("closed", "referred");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(refused.error().args.at("from"), "closed");
  EXPECT_EQ(refused.error().args.at("to"), "referred");
  EXPECT_FALSE(CheckNeedTransition("open", "open"));
  EXPECT_EQ(CheckNeedTransition("open", "solved").error().message_key, "needs.invalid_state");
}

TEST(ReferralRules, ThePlatformFollowsTheMachine) {
  const auto platform = ReferralActor::kPlatform;
  EXPECT_TRUE(CheckReferralTransition("proposed", "sent", platform));
  EXPECT_TRUE(CheckReferralTransition("proposed", "cancelled", platform));
  EXPECT_TRUE(CheckReferralTransition("sent", "accepted", platform));
  EXPECT_TRUE(CheckReferralTransition("sent", "refused", platform));
  EXPECT_TRUE(CheckReferralTransition("accepted", "done", platform));
  EXPECT_TRUE(CheckReferralTransition("accepted", "cancelled", platform));
  for (auto [from, to] : {std::pair{"proposed", "accepted"}, std::pair{"proposed", "done"}, std::pair{"sent", "done"},
                          std::pair{"refused", "sent"}, std::pair{"done", "cancelled"},
                          std::pair{"cancelled", "proposed"}, std::pair{"accepted", "refused"}}) {
    const auto refused = CheckReferralTransition(from, to, platform);
    ASSERT_FALSE(refused) << from << " → " << to;
    EXPECT_EQ(refused.error().message_key, "referrals.illegal_transition");
    EXPECT_EQ(refused.error().args.at("from"), from);
  }
  EXPECT_EQ(CheckReferralTransition("sent", "lost", platform).error().code, core::ErrorCode::kInvalidInput);
}

TEST(ReferralRules, APartnerOnlyAnswers) {
  const auto partner = ReferralActor::kPartner;
  EXPECT_TRUE(CheckReferralTransition("sent", "accepted", partner));
  EXPECT_TRUE(CheckReferralTransition("sent", "refused", partner));
  EXPECT_TRUE(CheckReferralTransition("accepted", "done", partner));
  EXPECT_EQ(CheckReferralTransition("sent", "cancelled", partner).error().message_key, "referrals.partner_transition");
  EXPECT_EQ(CheckReferralTransition("proposed", "sent", partner).error().code, core::ErrorCode::kForbidden);
  // A move the machine lacks says so first, whoever asks.
  EXPECT_EQ(CheckReferralTransition("proposed", "accepted", partner).error().message_key,
            "referrals.illegal_transition");
}

TEST(ReferralRules, DraftAndDueDate) {
  ReferralDraft draft;
  draft.need_id = 1;
  draft.service = "meal_delivery";
  draft.due_on = "2026-07-10";
  EXPECT_TRUE(ValidateReferralDraft(draft, "2026-07-10"));
  EXPECT_EQ(ValidateReferralDraft(draft, "2026-07-11").error().message_key, "referrals.due_in_past");
  draft.due_on = "2026-02-30";
  EXPECT_EQ(ValidateReferralDraft(draft, "2026-01-01").error().message_key, "referrals.invalid_due_on");
  draft.due_on = "10/07/2026";
  EXPECT_EQ(ValidateReferralDraft(draft, "2026-01-01").error().field, "due_on");
  draft.due_on.reset();
  draft.service = "taxi";
  EXPECT_EQ(ValidateReferralDraft(draft, "2026-01-01").error().message_key, "referrals.invalid_service");
}

TEST(ReferralRules, OverdueOnlyWhileLive) {
  const std::optional<std::string> due = "2026-07-10";
  EXPECT_FALSE(ReferralIsOverdue("sent", due, "2026-07-10"));
  EXPECT_TRUE(ReferralIsOverdue("sent", due, "2026-07-11"));
  EXPECT_TRUE(ReferralIsOverdue("proposed", due, "2026-07-11"));
  EXPECT_TRUE(ReferralIsOverdue("accepted", due, "2026-07-11"));
  for (auto state : {"done", "refused", "cancelled"}) EXPECT_FALSE(ReferralIsOverdue(state, due, "2027-01-01"));
  EXPECT_FALSE(ReferralIsOverdue("sent", std::nullopt, "2027-01-01"));
}

TEST(ReferralRules, ParisDay) {
  // 2026-07-10 22:30 UTC is already the 11th in Paris (UTC+2); 2026-01-10 23:30 UTC is the 11th (UTC+1).
  EXPECT_EQ(ParisIsoDay(1783722600000), "2026-07-11");
  EXPECT_EQ(ParisIsoDay(1768087800000), "2026-01-11");
  EXPECT_EQ(ParisIsoDay(1768080600000), "2026-01-10");
}

std::vector<UrgencyAnswer> Answers(Answer danger, Answer alone, Answer food, Answer health, Answer heat) {
  return {{"danger_now", danger},
          {"alone", alone},
          {"no_food_or_medicine_today", food},
          {"health_worsening", health},
          {"heat_or_cold_at_home", heat}};
}

TEST(UrgencyQualification, FromTheAnswers) {
  using enum Answer;
  EXPECT_EQ(*QualifyUrgency(Answers(kNo, kNo, kNo, kNo, kNo)), "none");
  EXPECT_EQ(*QualifyUrgency(Answers(kYes, kNo, kNo, kNo, kNo)), "immediate");
  EXPECT_EQ(*QualifyUrgency(Answers(kUnknown, kNo, kNo, kNo, kNo)), "high");
  EXPECT_EQ(*QualifyUrgency(Answers(kNo, kYes, kYes, kNo, kNo)), "high");
  EXPECT_EQ(*QualifyUrgency(Answers(kNo, kYes, kNo, kYes, kNo)), "high");
  EXPECT_EQ(*QualifyUrgency(Answers(kNo, kYes, kNo, kNo, kYes)), "high");
  EXPECT_EQ(*QualifyUrgency(Answers(kNo, kNo, kNo, kYes, kYes)), "high");
  EXPECT_EQ(*QualifyUrgency(Answers(kNo, kYes, kNo, kNo, kNo)), "low");
  EXPECT_EQ(*QualifyUrgency(Answers(kNo, kNo, kYes, kNo, kNo)), "low");
  EXPECT_EQ(*QualifyUrgency(Answers(kNo, kNo, kUnknown, kNo, kNo)), "low");
  EXPECT_EQ(*QualifyUrgency(Answers(kYes, kYes, kYes, kYes, kYes)), "immediate");
}

TEST(UrgencyQualification, EveryQuestionOnce) {
  using enum Answer;
  auto answers = Answers(kNo, kNo, kNo, kNo, kNo);
  answers.pop_back();
  auto missing = QualifyUrgency(answers);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message_key, "inbound.question_unanswered");
  EXPECT_EQ(missing.error().args.at("question"), "heat_or_cold_at_home");
  answers.push_back({"alone", kYes});
  EXPECT_EQ(QualifyUrgency(answers).error().message_key, "inbound.question_twice");
  answers.back().question = "favourite_colour";
  EXPECT_EQ(QualifyUrgency(answers).error().message_key, "inbound.unknown_question");
  EXPECT_EQ(UrgencyQuestions().size(), 5U);
}

InboundDraft Inbound() {
  InboundDraft draft;
  draft.contact_name = "Mme Dupont";
  draft.contact_phone = "06 12 34 56 78";
  draft.topic = "Plus de courses";
  draft.urgency_answers = Answers(Answer::kNo, Answer::kYes, Answer::kYes, Answer::kNo, Answer::kNo);
  draft.queue = "food";
  return draft;
}

TEST(InboundRules, BuildsTheRecord) {
  auto record = BuildInboundRecord(Inbound(), 1000);
  ASSERT_TRUE(record) << record.error().message_key;
  EXPECT_EQ(record->contact_phone, "+33612345678");
  EXPECT_EQ(record->urgency, "high");
  EXPECT_EQ(record->state, "new");
  EXPECT_EQ(record->queue, "food");
  auto draft = Inbound();
  draft.callback_at = 5000;
  EXPECT_EQ(BuildInboundRecord(draft, 1000)->state, "callback");
  draft.callback_at = 500;
  EXPECT_EQ(BuildInboundRecord(draft, 1000).error().message_key, "inbound.callback_in_past");
  draft = Inbound();
  draft.queue.reset();
  EXPECT_EQ(BuildInboundRecord(draft, 1000).error().message_key, "inbound.queue_required");
  draft.handled_now = true;
  EXPECT_EQ(BuildInboundRecord(draft, 1000)->state, "closed");
}

TEST(InboundRules, RefusesBadInputClearly) {
  auto draft = Inbound();
  draft.contact_phone = "12";
  auto bad_phone = BuildInboundRecord(draft, 0);
  ASSERT_FALSE(bad_phone);
  EXPECT_EQ(bad_phone.error().message_key, "phone.invalid");
  EXPECT_EQ(bad_phone.error().field, "contact_phone");
  draft = Inbound();
  draft.contact_name.clear();
  EXPECT_EQ(BuildInboundRecord(draft, 0).error().message_key, "inbound.person_or_contact");
  draft.person_id = 4;
  EXPECT_TRUE(BuildInboundRecord(draft, 0));
  draft.contact_relation = "neighbour";
  EXPECT_EQ(BuildInboundRecord(draft, 0).error().message_key, "inbound.third_party_name");
  draft.contact_relation = "cousin";
  EXPECT_EQ(BuildInboundRecord(draft, 0).error().message_key, "inbound.invalid_relation");
  draft = Inbound();
  draft.topic.clear();
  EXPECT_EQ(BuildInboundRecord(draft, 0).error().field, "topic");
  draft = Inbound();
  draft.queue = "kitchen";
  EXPECT_EQ(BuildInboundRecord(draft, 0).error().message_key, "inbound.invalid_queue");
}

TEST(InboundRules, StateMachine) {
  EXPECT_TRUE(CheckInboundTransition("new", "assigned"));
  EXPECT_TRUE(CheckInboundTransition("assigned", "in_progress"));
  EXPECT_TRUE(CheckInboundTransition("in_progress", "callback"));
  EXPECT_TRUE(CheckInboundTransition("callback", "closed"));
  EXPECT_TRUE(CheckInboundTransition("closed", "in_progress"));
  EXPECT_TRUE(CheckInboundTransition("assigned", "new"));
  EXPECT_EQ(CheckInboundTransition("in_progress", "new").error().message_key, "inbound.illegal_transition");
  EXPECT_EQ(CheckInboundTransition("closed", "callback").error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(CheckInboundTransition("new", "lost").error().message_key, "inbound.invalid_state");
}

}  // namespace
}  // namespace lien::calls
