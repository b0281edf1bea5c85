// Needs, referrals, partners, situations followed and the inbound line over HTTP, on both engines.

#include "api_fixture.hpp"

namespace lien::api_test {
namespace {

using nlohmann::json;

class NeedsApi : public ApiTest {
 protected:
  void SetUpUsers() {
    CreateUser("sophie.social", "social_worker");
    CreateUser("carole.coord", "coordinator");
    CreateUser("ines.intake", "intake");
    CreateUser("carl.caller", "caller");
    CreateUser("paul.portage", "partner");
    CreateUser("alice.aide", "partner");
    StartServer();
  }

  std::int64_t CreatePerson(HttpClient& client, const std::string& last_name) {
    json person = {
        {"last_name", last_name},
        {"first_names", "Jeanne"},
        {"birth_date", "1940-03-02"},
        {"address", {{"number", "4"}, {"street", "rue des Lilas"}, {"postcode", "80000"}, {"town", "Amiens"}}},
        {"phones", json::array({{{"number", "03 22 01 63 10"}, {"label", "fixe"}}})},
        {"ignore_duplicates", true}};
    auto created = client.SendJson("POST", "/api/v1/persons", person);
    EXPECT_EQ(created.status, 201) << created.body;
    return created.Json()["person"].value("id", std::int64_t{0});
  }

  static std::string IfMatch(const HttpResponse& response) {
    return "If-Match: " + std::to_string(response.Json()["version"].get<std::int64_t>());
  }

  std::int64_t CreatePartner(HttpClient& coordinator, const std::string& name, const std::string& service,
                             const std::string& member) {
    auto partner = coordinator.SendJson("POST", "/api/v1/partners",
                                        {{"name", name}, {"service", service}, {"phone", "03 22 00 00 01"}});
    EXPECT_EQ(partner.status, 201) << partner.body;
    const auto id = partner.Json()["id"].get<std::int64_t>();
    auto linked =
        coordinator.SendJson("POST", "/api/v1/partners/" + std::to_string(id) + "/members", {{"login", member}});
    EXPECT_EQ(linked.status, 201) << linked.body;
    return id;
  }

  // Moves a referral's due date into the past, as if days had gone by.
  void MakeDueDatePast(std::int64_t referral_id) {
    auto database = database_->Open(1);
    auto connection = database->Acquire();
    connection->Execute("UPDATE referrals SET due_on = '2020-01-15' WHERE id = ?", {referral_id});
  }
};

TEST_P(NeedsApi, NeedsReferralsAndSituationsFollowed) {
  SetUpUsers();
  auto social = SignIn("sophie.social");
  auto coordinator = SignIn("carole.coord");
  const auto person = CreatePerson(*social, "Durand");
  const std::string needs_path = "/api/v1/persons/" + std::to_string(person) + "/needs";

  auto bad = social->SendJson("POST", needs_path, {{"kind", "pizza"}, {"urgency", "high"}});
  ASSERT_EQ(bad.status, 400) << bad.body;
  EXPECT_EQ(bad.Json()["error"]["field"], "kind");
  EXPECT_NE(bad.ErrorMessage().find("courses"), std::string::npos) << bad.body;
  EXPECT_EQ(social->SendJson("POST", needs_path, {{"kind", "meals"}, {"call_id", 999}}).Json()["error"]["field"],
            "call_id");
  EXPECT_EQ(social->SendJson("POST", "/api/v1/persons/999999/needs", {{"kind", "meals"}}).status, 404);

  auto need = social->SendJson("POST", needs_path,
                               {{"kind", "meals"}, {"urgency", "high"}, {"notes", "Ne cuisine plus depuis sa chute"}});
  ASSERT_EQ(need.status, 201) << need.body;
  EXPECT_EQ(need.Json()["state"], "open");
  EXPECT_EQ(need.Json()["source"], "follow_up");
  const auto need_id = need.Json()["id"].get<std::int64_t>();
  EXPECT_EQ(social->Get("/api/v1/situations/count").Json()["count"], 1);

  auto listed = social->Get(needs_path);
  ASSERT_EQ(listed.status, 200) << listed.body;
  ASSERT_EQ(listed.Json()["items"].size(), 1U);
  EXPECT_EQ(listed.Json()["items"][0]["notes"], "Ne cuisine plus depuis sa chute");
  auto open = social->Get("/api/v1/needs");
  ASSERT_EQ(open.status, 200) << open.body;
  EXPECT_EQ(open.Json()["items"][0]["person"]["last_name"], "Durand");

  const auto partner = CreatePartner(*coordinator, "Portage Amiens", "meal_delivery", "paul.portage");
  auto mismatch = social->SendJson("POST", "/api/v1/needs/" + std::to_string(need_id) + "/referrals",
                                   {{"service", "home_help"}, {"partner_id", partner}});
  EXPECT_EQ(mismatch.status, 400) << mismatch.body;
  auto past = social->SendJson("POST", "/api/v1/needs/" + std::to_string(need_id) + "/referrals",
                               {{"service", "meal_delivery"}, {"due_on", "2020-01-01"}});
  EXPECT_EQ(past.Json()["error"]["field"], "due_on") << past.body;
  auto referral = social->SendJson(
      "POST", "/api/v1/needs/" + std::to_string(need_id) + "/referrals",
      {{"service", "meal_delivery"}, {"partner_id", partner}, {"due_on", "2099-01-01"}, {"notes", "Préférer le midi"}});
  ASSERT_EQ(referral.status, 201) << referral.body;
  EXPECT_EQ(referral.Json()["state"], "proposed");
  EXPECT_EQ(referral.Json()["partner_name"], "Portage Amiens");
  const std::string referral_path = "/api/v1/referrals/" + std::to_string(referral.Json()["id"].get<std::int64_t>());
  EXPECT_EQ(social->Get("/api/v1/needs/" + std::to_string(need_id)).Json()["state"], "referred");

  // Illegal moves are refused with a clear message; legal ones go through with If-Match.
  auto illegal = social->SendJson("PATCH", referral_path, {{"state", "done"}}, {IfMatch(referral)});
  ASSERT_EQ(illegal.status, 409) << illegal.body;
  EXPECT_NE(illegal.ErrorMessage().find("proposed"), std::string::npos) << illegal.body;
  EXPECT_EQ(social->SendJson("PATCH", referral_path, {{"state", "sent"}}).status, 400) << "If-Match is required";
  auto sent = social->SendJson("PATCH", referral_path, {{"state", "sent"}}, {IfMatch(referral)});
  ASSERT_EQ(sent.status, 200) << sent.body;
  EXPECT_TRUE(sent.Json()["sent_at"].is_number());
  auto stale = social->SendJson("PATCH", referral_path, {{"state", "cancelled"}}, {IfMatch(referral)});
  EXPECT_EQ(stale.status, 412) << stale.body;
  EXPECT_EQ(stale.Json()["current"]["state"], "sent");

  // Refused by the partner: the need is open again; the person is still followed.
  auto refused = social->SendJson("PATCH", referral_path, {{"state", "refused"}}, {IfMatch(sent)});
  ASSERT_EQ(refused.status, 200) << refused.body;
  auto need_now = social->Get("/api/v1/needs/" + std::to_string(need_id));
  EXPECT_EQ(need_now.Json()["state"], "open");
  auto situations = social->Get("/api/v1/situations");
  ASSERT_EQ(situations.status, 200) << situations.body;
  ASSERT_EQ(situations.Json()["items"].size(), 1U);
  EXPECT_EQ(situations.Json()["items"][0]["person"]["last_name"], "Durand");
  EXPECT_EQ(situations.Json()["items"][0]["most_urgent"], "high");

  auto closed =
      social->SendJson("PATCH", "/api/v1/needs/" + std::to_string(need_id), {{"state", "closed"}}, {IfMatch(need_now)});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(social->Get("/api/v1/situations/count").Json()["count"], 0);
  auto reopened_wrongly =
      social->SendJson("PATCH", "/api/v1/needs/" + std::to_string(need_id), {{"state", "referred"}}, {IfMatch(closed)});
  EXPECT_EQ(reopened_wrongly.status, 409) << reopened_wrongly.body;

  // Callers and intake agents do not read needs through these routes; the audit trail has the reads.
  EXPECT_EQ(SignIn("carl.caller")->Get(needs_path).status, 403);
  EXPECT_EQ(SignIn("ines.intake")->Get("/api/v1/situations").status, 403);
}

TEST_P(NeedsApi, APartnerSeesOnlyItsReferrals) {
  SetUpUsers();
  auto social = SignIn("sophie.social");
  auto coordinator = SignIn("carole.coord");
  const auto portage = CreatePartner(*coordinator, "Portage Amiens", "meal_delivery", "paul.portage");
  const auto aide = CreatePartner(*coordinator, "Aide à domicile Somme", "home_help", "alice.aide");
  auto refused_link = coordinator->SendJson("POST", "/api/v1/partners/" + std::to_string(aide) + "/members",
                                            {{"login", "sophie.social"}});
  EXPECT_EQ(refused_link.status, 400) << "only partner accounts: " << refused_link.body;
  EXPECT_EQ(social->SendJson("POST", "/api/v1/partners", {{"name", "X"}, {"service", "charity"}}).status, 403);

  const auto person = CreatePerson(*social, "Lefèvre");
  auto need = social->SendJson("POST", "/api/v1/persons/" + std::to_string(person) + "/needs",
                               {{"kind", "meals"}, {"notes", "Diabète, régime strict"}});
  auto referral = social->SendJson("POST", "/api/v1/needs/" + need.Json()["id"].dump() + "/referrals",
                                   {{"service", "meal_delivery"},
                                    {"partner_id", portage},
                                    {"send", true},
                                    {"notes", "Fille en conflit avec la mère"}});
  ASSERT_EQ(referral.status, 201) << referral.body;
  EXPECT_EQ(referral.Json()["state"], "sent");
  const std::string id = referral.Json()["id"].dump();

  auto paul = SignIn("paul.portage");
  auto list = paul->Get("/api/v1/partner/referrals");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.Json()["items"].size(), 1U);
  const auto item = list.Json()["items"][0];
  EXPECT_EQ(item["person"]["last_name"], "Lefèvre");
  EXPECT_EQ(item["person"]["address"]["street"], "rue des Lilas");
  EXPECT_EQ(item["person"]["phones"][0]["display"], "03 22 01 63 10");
  EXPECT_FALSE(item.contains("notes")) << "the platform's notes never reach a partner";
  EXPECT_EQ(list.body.find("Fille en conflit"), std::string::npos);
  EXPECT_EQ(list.body.find("Diabète"), std::string::npos);
  EXPECT_FALSE(item["person"].contains("birth_date"));

  // Another partner's account: the referral does not exist for it.
  auto alice = SignIn("alice.aide");
  EXPECT_EQ(alice->Get("/api/v1/partner/referrals").Json()["items"].size(), 0U);
  EXPECT_EQ(alice->Get("/api/v1/partner/referrals/" + id).status, 404);
  EXPECT_EQ(
      alice->SendJson("PATCH", "/api/v1/partner/referrals/" + id, {{"state", "accepted"}}, {"If-Match: 1"}).status,
      404);
  EXPECT_EQ(alice->Get("/api/v1/referrals/" + id).status, 403) << "partners have no platform route";

  auto one = paul->Get("/api/v1/partner/referrals/" + id);
  ASSERT_EQ(one.status, 200) << one.body;
  auto cancel = paul->SendJson("PATCH", "/api/v1/partner/referrals/" + id, {{"state", "cancelled"}}, {IfMatch(one)});
  EXPECT_EQ(cancel.status, 403) << cancel.body;
  auto notes = paul->SendJson("PATCH", "/api/v1/partner/referrals/" + id, {{"notes", "x"}}, {IfMatch(one)});
  EXPECT_EQ(notes.status, 400) << notes.body;
  auto accepted = paul->SendJson("PATCH", "/api/v1/partner/referrals/" + id,
                                 {{"state", "accepted"}, {"partner_notes", "Premier repas jeudi"}}, {IfMatch(one)});
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  auto done = paul->SendJson("PATCH", "/api/v1/partner/referrals/" + id, {{"state", "done"}}, {IfMatch(accepted)});
  ASSERT_EQ(done.status, 200) << done.body;
  auto seen = social->Get("/api/v1/referrals/" + id);
  EXPECT_EQ(seen.Json()["state"], "done");
  EXPECT_EQ(seen.Json()["partner_notes"], "Premier repas jeudi");

  // The audit trail records the partner's read and changes.
  CreateUser("dora.dpo", "dpo");
  std::string secret;
  auto dpo = SignIn("dora.dpo", &secret);
  auto trail = dpo->Get("/api/v1/audit?subject_type=referral&subject_id=" + id);
  ASSERT_EQ(trail.status, 200) << trail.body;
  EXPECT_NE(trail.body.find("partner_referral.update"), std::string::npos) << trail.body;
  EXPECT_NE(trail.body.find("partner_referral.read"), std::string::npos);
}

TEST_P(NeedsApi, OverdueReferralsAreFlaggedToCoordinators) {
  SetUpUsers();
  auto social = SignIn("sophie.social");
  auto coordinator = SignIn("carole.coord");
  const auto person = CreatePerson(*social, "Martin");
  auto need = social->SendJson("POST", "/api/v1/persons/" + std::to_string(person) + "/needs", {{"kind", "housing"}});
  const std::string refer = "/api/v1/needs/" + need.Json()["id"].dump() + "/referrals";
  auto late = social->SendJson("POST", refer, {{"service", "social_worker"}, {"due_on", "2099-01-01"}, {"send", true}});
  auto done = social->SendJson("POST", refer, {{"service", "charity"}, {"due_on", "2099-01-01"}, {"send", true}});
  auto later = social->SendJson("POST", refer, {{"service", "home_help"}, {"due_on", "2099-01-01"}});
  ASSERT_EQ(later.status, 201) << later.body;
  MakeDueDatePast(late.Json()["id"].get<std::int64_t>());
  MakeDueDatePast(done.Json()["id"].get<std::int64_t>());
  // Accepted then done: no longer overdue.
  auto reloaded = social->Get("/api/v1/referrals/" + done.Json()["id"].dump());
  auto accepted = social->SendJson("PATCH", "/api/v1/referrals/" + done.Json()["id"].dump(), {{"state", "accepted"}},
                                   {IfMatch(reloaded)});
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(coordinator->Get("/api/v1/referrals/overdue-count").Json()["count"], 2);
  ASSERT_EQ(
      social
          ->SendJson("PATCH", "/api/v1/referrals/" + done.Json()["id"].dump(), {{"state", "done"}}, {IfMatch(accepted)})
          .status,
      200);

  auto overdue = coordinator->Get("/api/v1/referrals?overdue=true");
  ASSERT_EQ(overdue.status, 200) << overdue.body;
  ASSERT_EQ(overdue.Json()["items"].size(), 1U);
  EXPECT_EQ(overdue.Json()["items"][0]["id"], late.Json()["id"]);
  EXPECT_EQ(overdue.Json()["items"][0]["person"]["last_name"], "Martin");
  EXPECT_EQ(overdue.Json()["overdue_count"], 1);
  EXPECT_EQ(coordinator->Get("/api/v1/referrals/overdue-count").Json()["count"], 1);
  EXPECT_EQ(coordinator->Get("/api/v1/referrals").Json()["items"].size(), 3U);
  EXPECT_EQ(coordinator->Get("/api/v1/referrals?overdue=maybe").status, 400);
  EXPECT_EQ(social->Get("/api/v1/referrals?overdue=true").status, 403) << "coordinators only";
}

json NoAnswers() {
  return {{"danger_now", "no"},
          {"alone", "no"},
          {"no_food_or_medicine_today", "no"},
          {"health_worsening", "no"},
          {"heat_or_cold_at_home", "no"}};
}

TEST_P(NeedsApi, TheInboundLine) {
  SetUpUsers();
  auto intake = SignIn("ines.intake");
  auto questions = intake->Get("/api/v1/inbound/questions");
  ASSERT_EQ(questions.status, 200) << questions.body;
  EXPECT_EQ(questions.Json()["questions"].size(), 5U);
  EXPECT_NE(questions.body.find("danger"), std::string::npos);

  auto answers = NoAnswers();
  answers["alone"] = "yes";
  answers["no_food_or_medicine_today"] = "yes";
  json request = {
      {"contact_name", "M. Bernard (voisin)"},     {"contact_phone", "06 1"},    {"contact_relation", "neighbour"},
      {"topic", "Sa voisine n'a plus de courses"}, {"urgency_answers", answers}, {"queue", "food"}};
  auto bad_phone = intake->SendJson("POST", "/api/v1/inbound", request);
  ASSERT_EQ(bad_phone.status, 400) << bad_phone.body;
  EXPECT_EQ(bad_phone.Json()["error"]["field"], "contact_phone");
  EXPECT_NE(bad_phone.ErrorMessage().find("06 1"), std::string::npos) << bad_phone.body;
  auto missing = request;
  missing["contact_phone"] = "06 12 34 56 78";
  missing["urgency_answers"].erase("alone");
  auto unanswered = intake->SendJson("POST", "/api/v1/inbound", missing);
  EXPECT_EQ(unanswered.status, 400);
  EXPECT_EQ(unanswered.Json()["error"]["field"], "urgency_answers");

  request["contact_phone"] = "06 12 34 56 78";
  auto first = intake->SendJson("POST", "/api/v1/inbound", request);
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.Json()["urgency"], "high");
  EXPECT_EQ(first.Json()["state"], "new");
  EXPECT_EQ(first.Json()["contact_phone"], "+33612345678");
  request["topic"] = "Deuxième appel";
  request["urgency_answers"] = NoAnswers();
  auto second = intake->SendJson("POST", "/api/v1/inbound", request);
  ASSERT_EQ(second.status, 201) << second.body;
  EXPECT_EQ(second.Json()["urgency"], "none");
  auto handled = request;
  handled.erase("queue");
  handled["handled_now"] = true;
  auto at_once = intake->SendJson("POST", "/api/v1/inbound", handled);
  ASSERT_EQ(at_once.status, 201) << at_once.body;
  EXPECT_EQ(at_once.Json()["state"], "closed");

  auto queue = intake->Get("/api/v1/inbound?queue=food");
  ASSERT_EQ(queue.status, 200) << queue.body;
  ASSERT_EQ(queue.Json()["items"].size(), 2U) << "closed requests leave the queue";
  EXPECT_EQ(queue.Json()["items"][0]["id"], first.Json()["id"]) << "oldest first";
  EXPECT_EQ(queue.Json()["open_per_queue"]["food"], 2);
  EXPECT_EQ(intake->Get("/api/v1/inbound?queue=kitchen").status, 400);

  // Assignment, call-back, then the person registered and a need recorded from the request.
  const std::string path = "/api/v1/inbound/" + first.Json()["id"].dump();
  auto agents = intake->Get("/api/v1/inbound/agents");
  std::int64_t social_id = 0;
  const auto agent_list = agents.Json();
  for (const auto& agent : agent_list["items"]) {
    if (agent["login"] == "sophie.social") social_id = agent["id"].get<std::int64_t>();
    EXPECT_NE(agent["login"], "carl.caller");
  }
  ASSERT_GT(social_id, 0) << agents.body;
  auto assigned = intake->SendJson("PATCH", path, {{"assignee_id", social_id}}, {IfMatch(first)});
  ASSERT_EQ(assigned.status, 200) << assigned.body;
  EXPECT_EQ(assigned.Json()["state"], "assigned");
  auto no_time = intake->SendJson("PATCH", path, {{"state", "callback"}}, {IfMatch(assigned)});
  EXPECT_EQ(no_time.Json()["error"]["field"], "callback_at") << no_time.body;
  auto illegal = intake->SendJson("PATCH", path, {{"state", "new"}, {"assignee_id", nullptr}}, {IfMatch(assigned)});
  EXPECT_EQ(illegal.status, 200) << "unassigning puts it back in the queue: " << illegal.body;
  auto stale = intake->SendJson("PATCH", path, {{"notes", "x"}}, {IfMatch(assigned)});
  EXPECT_EQ(stale.status, 412);

  auto need_without_person = intake->SendJson("POST", path + "/needs", {{"kind", "groceries"}});
  EXPECT_EQ(need_without_person.status, 400) << need_without_person.body;
  EXPECT_EQ(need_without_person.Json()["error"]["field"], "person_id");
  const auto person = CreatePerson(*intake, "Petit");
  auto linked = intake->SendJson("PATCH", path, {{"person_id", person}}, {IfMatch(illegal)});
  ASSERT_EQ(linked.status, 200) << linked.body;
  EXPECT_EQ(linked.Json()["person"]["last_name"], "Petit");
  auto need = intake->SendJson("POST", path + "/needs", {{"kind", "groceries"}, {"notes", "Frigo vide"}});
  ASSERT_EQ(need.status, 201) << need.body;
  EXPECT_EQ(need.Json()["source"], "inbound");
  EXPECT_EQ(need.Json()["urgency"], "high") << "the request's qualified urgency";
  EXPECT_FALSE(need.Json().contains("notes")) << "notes are for follow_up holders";
  auto social = SignIn("sophie.social");
  auto seen = social->Get("/api/v1/persons/" + std::to_string(person) + "/needs");
  EXPECT_EQ(seen.Json()["items"][0]["notes"], "Frigo vide");

  auto closing = intake->SendJson("PATCH", path, {{"state", "closed"}}, {IfMatch(linked)});
  ASSERT_EQ(closing.status, 200) << closing.body;
  EXPECT_TRUE(closing.Json()["closed_at"].is_number());
  auto reclose = intake->SendJson("PATCH", path, {{"state", "callback"}}, {IfMatch(closing)});
  EXPECT_EQ(reclose.status, 409) << reclose.body;
  EXPECT_EQ(SignIn("carl.caller")->Get("/api/v1/inbound").status, 403);
}

INSTANTIATE_TEST_SUITE_P(Engines, NeedsApi, ::testing::Values(LIEN_TEST_ENGINES), EngineName);

}  // namespace
}  // namespace lien::api_test
