#include "register/register_entry_rules.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace lien::registry {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

const Date kToday{year{2026}, month{7}, day{15}};

RegisterEntryDraft SelfRequest() {
  RegisterEntryDraft draft;
  draft.ground = "age_65";
  draft.requested_by = "self";
  draft.requested_on = "2026-07-10";
  return draft;
}

std::string FailureField(const RegisterEntryDraft& draft) {
  auto entry = BuildEntry(draft, kToday);
  return entry ? std::string("(accepted)") : entry.error().field + ":" + entry.error().message_key;
}

TEST(RegisterEntryRules, ASelfRequestIsRegisteredWithAnAcknowledgementDueInEightDays) {
  auto draft = SelfRequest();
  draft.emergency_contact_phone = "06 12 34 56 78";
  draft.requester_name = "ignored for a request by the person";
  auto entry = BuildEntry(draft, kToday);
  ASSERT_TRUE(entry.has_value()) << entry.error().message_key;
  EXPECT_EQ(entry->state, "registered");
  EXPECT_EQ(entry->emergency_contact_phone, "+33612345678");
  EXPECT_EQ(IsoDate(*entry->acknowledgement_due), "2026-07-18");
  EXPECT_EQ(entry->requester_name, "");
  EXPECT_FALSE(AcknowledgementOverdue(*entry, kToday));
  EXPECT_TRUE(AcknowledgementOverdue(*entry, Date{year{2026}, month{7}, day{19}}));
}

TEST(RegisterEntryRules, EveryGroundOfTheLawIsAcceptedAndNothingElse) {
  for (auto ground : RegisterGrounds()) {
    auto draft = SelfRequest();
    draft.ground = std::string(ground);
    EXPECT_EQ(FailureField(draft), "(accepted)") << ground;
    EXPECT_NE(GroundLabel(ground), ground);
  }
  auto draft = SelfRequest();
  draft.ground = "lonely";
  EXPECT_EQ(FailureField(draft), "ground:register.invalid_ground");
  draft.ground.reset();
  EXPECT_EQ(FailureField(draft), "ground:validation.required");
}

TEST(RegisterEntryRules, AThirdPartyOrALegalRepresentativeMustHaveWrittenEvidence) {
  auto draft = SelfRequest();
  draft.requested_by = "third_party";
  draft.requester_name = "Paul Martin";
  draft.requester_relation = "neighbour";
  EXPECT_EQ(FailureField(draft), "request_evidence:register.evidence_required");
  draft.request_evidence = "  ";
  EXPECT_EQ(FailureField(draft), "request_evidence:register.evidence_required");
  draft.request_evidence = "lettre du 9 juillet 2026";
  EXPECT_EQ(FailureField(draft), "(accepted)");
  draft.requester_relation = "landlord";
  EXPECT_EQ(FailureField(draft), "requester_relation:register.invalid_requester_relation");
  draft.requester_relation.reset();
  EXPECT_EQ(FailureField(draft), "requester_relation:validation.required");
  draft.requester_relation = "doctor";
  draft.requester_name.reset();
  EXPECT_EQ(FailureField(draft), "requester_name:validation.required");

  auto representative = SelfRequest();
  representative.requested_by = "legal_representative";
  representative.requester_name = "UDAF de la Somme";
  EXPECT_EQ(FailureField(representative), "request_evidence:register.evidence_required");
  representative.request_evidence = "jugement de tutelle et courrier";
  auto entry = BuildEntry(representative, kToday);
  ASSERT_TRUE(entry.has_value());
  EXPECT_EQ(entry->requester_relation, "") << "a relation is only a third party's";

  auto unknown = SelfRequest();
  unknown.requested_by = "mayor";
  EXPECT_EQ(FailureField(unknown), "requested_by:register.invalid_requested_by");
}

TEST(RegisterEntryRules, TheRequestDateIsARealDateNotInTheFuture) {
  auto draft = SelfRequest();
  for (const char* bad : {"2026-02-30", "15/07/2026", "2026-7-1", "yesterday", "2026-13-01"}) {
    draft.requested_on = bad;
    EXPECT_EQ(FailureField(draft), "requested_on:register.invalid_date") << bad;
  }
  draft.requested_on = "2026-07-16";
  EXPECT_EQ(FailureField(draft), "requested_on:register.date_in_future");
  draft.requested_on = "2026-07-15";
  EXPECT_EQ(FailureField(draft), "(accepted)");
  draft.requested_on.reset();
  EXPECT_EQ(FailureField(draft), "requested_on:validation.required");
}

TEST(RegisterEntryRules, TheEmergencyPhoneIsParsedAndLongTextRefused) {
  auto draft = SelfRequest();
  draft.emergency_contact_phone = "12";
  EXPECT_EQ(FailureField(draft), "emergency_contact_phone:phone.invalid");
  draft.emergency_contact_phone = "";
  EXPECT_EQ(FailureField(draft), "(accepted)");
  draft.home_care_service = std::string(kMaxEntryTextLength + 1, 'x');
  EXPECT_EQ(FailureField(draft), "home_care_service:validation.too_long");
}

TEST(RegisterEntryRules, ACorrectionKeepsWhatItDoesNotChangeAndOppositionClearsTheLegalFields) {
  auto draft = SelfRequest();
  draft.home_care_service = "ADMR Amiens";
  draft.emergency_contact_name = "Sophie Durand";
  draft.emergency_contact_phone = "0322000000";
  auto entry = *BuildEntry(draft, kToday);
  RegisterEntryDraft changes;
  changes.ground = "disabled_aah";
  changes.requested_on = "2026-07-01";
  auto corrected = BuildEntry(ApplyCorrection(entry, changes), kToday);
  ASSERT_TRUE(corrected.has_value()) << corrected.error().message_key;
  EXPECT_EQ(corrected->ground, "disabled_aah");
  EXPECT_EQ(corrected->home_care_service, "ADMR Amiens");
  EXPECT_EQ(corrected->emergency_contact_phone, "+33322000000");
  EXPECT_EQ(IsoDate(*corrected->acknowledgement_due), "2026-07-09");

  ClearLegalFields(entry);
  EXPECT_EQ(entry.ground, "");
  EXPECT_EQ(entry.home_care_service, "");
  EXPECT_EQ(entry.emergency_contact_name, "");
  EXPECT_EQ(entry.emergency_contact_phone, "");
  EXPECT_FALSE(entry.acknowledgement_due.has_value());
}

TEST(RegisterEntryRules, IsoDatesRoundTrip) {
  EXPECT_EQ(IsoDate(*ParseIsoDate("2024-02-29")), "2024-02-29");
  EXPECT_FALSE(ParseIsoDate("2023-02-29").has_value());
  EXPECT_EQ(IsoDate(DayOf(1'780'000'000'000)), "2026-05-28");
}

TEST(RegisterEntryRules, HouseNumbersSortAsNumbersThenBisTerThenOtherSuffixes) {
  std::vector<std::string> typed = {"10", "", "2", "10 ter", "10bis", "10 B", "1", "10-A", "12 Quater", " 3"};
  std::stable_sort(typed.begin(), typed.end(), [](const std::string& a, const std::string& b) {
    return HouseNumberOrderOf(a) < HouseNumberOrderOf(b);
  });
  EXPECT_EQ(typed,
            (std::vector<std::string>{"1", "2", " 3", "10", "10bis", "10 B", "10 ter", "10-A", "12 Quater", ""}));
  EXPECT_EQ(HouseNumberOrderOf("10 BIS"), HouseNumberOrderOf("10b"));
  EXPECT_LT(HouseNumberOrderOf("99999999999999999999"), HouseNumberOrderOf("")) << "a huge number still sorts";
}

TEST(RegisterEntryRules, ADiffNamesTheChangedFieldsForTheHistory) {
  auto before = BuildEntry(SelfRequest(), kToday);
  ASSERT_TRUE(before.has_value());
  auto after = *before;
  after.home_care_service = "SSIAD";
  after.ground = "disabled_card";
  const auto changes = DiffEntries(*before, after);
  ASSERT_EQ(changes.size(), 2U);
  EXPECT_EQ(changes[0].field, "register.ground");
  EXPECT_EQ(changes[0].from, "age_65");
  EXPECT_EQ(changes[0].to, "disabled_card");
  EXPECT_EQ(changes[1].field, "register.home_care_service");
  EXPECT_TRUE(DiffEntries(after, after).empty());
}

}  // namespace
}  // namespace lien::registry
