#include "calls/demo_calls.hpp"

#include <algorithm>
#include <array>
#include <numeric>
#include <random>
#include <string_view>

#include "calls/agreed_window.hpp"

namespace lien::calls {
namespace {

using std::chrono::days;
using std::chrono::local_days;

constexpr core::EpochMillis kMinute = 60'000;
constexpr core::EpochMillis kHour = 60 * kMinute;
constexpr int kHistoryDays = 7;
constexpr int kCampaignAgeDays = 21;
/// One person in fifty is not reached all week: some of them are escalated.
constexpr std::size_t kUnreachableEvery = 50;

constexpr LocalWindow Hours(int start_hour, int end_hour) {
  return LocalWindow{.start_minute = static_cast<std::int16_t>(start_hour * 60),
                     .end_minute = static_cast<std::int16_t>(end_hour * 60)};
}
constexpr std::array<LocalWindow, 6> kWindows = {
    {Hours(9, 10), Hours(10, 11), Hours(11, 12), Hours(14, 15), Hours(15, 16), Hours(16, 17)}};

constexpr std::array<const char*, 12> kReachedNotes = {
    "Va bien, a eu la visite de sa fille ce week-end.",
    "Bonne forme, sort faire ses courses le matin.",
    "Un peu fatiguée par la chaleur, boit régulièrement.",
    "Content de l'appel, souhaite être rappelé comme prévu.",
    "RAS, attend la visite de l'infirmière jeudi.",
    "Se plaint du bruit des travaux, moral correct.",
    "A reçu son portage de repas, tout va bien.",
    "Voisine passe tous les jours, pas d'inquiétude.",
    "Ferme les volets l'après-midi comme conseillé.",
    "",
    "",
    "",
};

struct NeedExample {
  const char* kind;
  const char* urgency;
  const char* notes;
  const char* service;  ///< the referral's service, "" when none fits
};
constexpr std::array<NeedExample, 10> kNeedExamples = {{
    {"meals", "high", "Ne cuisine plus depuis sa chute, demande le portage de repas.", "meal_delivery"},
    {"groceries", "high", "Frigo presque vide, ne peut pas porter ses courses.", "charity"},
    {"isolation", "low", "Ne voit plus personne depuis le départ de sa voisine.", "social_worker"},
    {"psychological_distress", "high", "Pleure au téléphone, dit ne plus avoir goût à rien.", "psychologists"},
    {"hygiene", "low", "Difficultés pour la toilette, souhaite une aide à domicile.", "home_help"},
    {"medicines", "high", "N'a plus de traitement depuis deux jours, pharmacie trop loin.", "home_help"},
    {"paperwork", "low", "Courrier de la caisse de retraite qu'elle ne comprend pas.", "social_worker"},
    {"money", "low", "Fin de mois difficile, demande une aide pour la facture d'électricité.", "emergency_aid"},
    {"housing", "low", "Chauffe-eau en panne, propriétaire injoignable.", ""},
    {"health", "immediate", "Douleurs dans la poitrine signalées pendant l'appel, le 15 a été appelé.", ""},
}};

constexpr std::array<const char*, 6> kReferralStates = {"proposed", "sent", "sent", "accepted", "done", "refused"};

constexpr std::array<const char*, 16> kContactFirstNames = {
    "Sylvie",  "Pascal", "Nathalie", "Thierry",  "Isabelle", "Olivier", "Sandrine", "Laurent",
    "Valérie", "Éric",   "Céline",   "Stéphane", "Karine",   "Franck",  "Aurélie",  "Didier"};
constexpr std::array<const char*, 12> kContactLastNames = {"Lefort", "Caron",     "Delattre", "Vasseur",
                                                           "Leroy",  "Dufour",    "Lemaire",  "Fournier",
                                                           "Wattez", "Hennebert", "Bécourt",  "Descamps"};
constexpr std::array<const char*, 4> kContactRelations = {"fille", "fils", "voisin·e", "neveu"};

struct InboundExample {
  const char* relation;
  const char* topic;
  const char* urgency;
  const char* queue;
  const char* state;
  const char* notes;
};
constexpr std::array<InboundExample, 8> kInboundExamples = {{
    {"self", "Demande de colis alimentaire", "low", "food", "new", "Vit seul, petite retraite."},
    {"neighbour", "Voisine sans nouvelles de la personne", "high", "social_workers", "assigned",
     "Volets fermés depuis deux jours, courrier non relevé."},
    {"relative", "Fille inquiète, habite Lyon", "low", "remote_agents", "assigned",
     "Souhaite qu'on appelle sa mère deux fois par semaine."},
    {"self", "Question sur le plan canicule", "none", "remote_agents", "closed",
     "Renseignée sur la salle rafraîchie de la mairie."},
    {"professional", "Infirmière : patient isolé", "high", "social_workers", "new",
     "Sort d'hospitalisation, personne pour les courses."},
    {"self", "Demande d'inscription au registre", "none", "social_workers", "closed",
     "Formulaire envoyé par courrier."},
    {"self", "Facture d'énergie impayée", "low", "social_workers", "new", "Rendez-vous à proposer."},
    {"relative", "Fils demande un portage de repas", "low", "food", "assigned", "Régime sans sel."},
}};

// A French mobile number as people type it. It starts 06 1x or 06 2x: not every 06 range is allocated
// (06 39, 06 9x…), and core::ParsePhone refuses numbers outside the plan, as the screens do.
std::string Phone(std::mt19937_64& random) {
  std::uniform_int_distribution<int> pair(0, 99);
  std::string phone = "06";
  for (int i = 0; i < 4; ++i) {
    const int value = i == 0 ? 10 + pair(random) % 20 : pair(random);
    phone += " " + std::string(1, static_cast<char>('0' + value / 10)) + static_cast<char>('0' + value % 10);
  }
  return phone;
}

bool IsWorkingDay(local_days day) { return std::chrono::weekday{day}.iso_encoding() <= 5; }

CallOutcome FirstOutcome(std::mt19937_64& random) {
  std::uniform_int_distribution<int> percent(0, 99);
  const int p = percent(random);
  if (p < 70) return CallOutcome::kReached;
  if (p < 84) return CallOutcome::kNoAnswer;
  if (p < 90) return CallOutcome::kVoicemail;
  if (p < 94) return CallOutcome::kBusy;
  if (p < 96) return CallOutcome::kInHospital;
  if (p < 98) return CallOutcome::kAway;
  if (p < 99) return CallOutcome::kRefused;
  return CallOutcome::kWrongNumber;
}

bool Retried(CallOutcome outcome) {
  return outcome == CallOutcome::kNoAnswer || outcome == CallOutcome::kVoicemail || outcome == CallOutcome::kBusy;
}

// In hospital or away: the call pauses the enrolment, and nobody calls a paused enrolment.
bool Pauses(CallOutcome outcome) { return outcome == CallOutcome::kInHospital || outcome == CallOutcome::kAway; }

bool Overlaps(LocalWindow a, LocalWindow b) { return a.start_minute < b.end_minute && b.start_minute < a.end_minute; }

bool OnDuty(const DemoCallerDuty& duty, local_days day) {
  const bool absent = duty.absence && duty.absence->first <= day && day <= duty.absence->second;
  return duty.weekdays.Contains(std::chrono::weekday{day}) && !absent;
}

// As the planner places people: only on a caller whose shift overlaps their window, the least loaded first.
std::size_t UsualCaller(const std::vector<DemoCallerDuty>& callers, std::vector<std::size_t>& load,
                        LocalWindow window) {
  std::optional<std::size_t> best;
  for (std::size_t c = 0; c < callers.size(); ++c) {
    if (Overlaps(callers[c].shift, window) && (!best || load[c] < load[*best])) best = c;
  }
  if (!best) return 0;
  ++load[*best];
  return *best;
}

// Who calls on `day`: the usual caller when on duty, else the next colleague on duty whose shift overlaps the
// window (the planner's stand-in).
std::size_t CallerOn(const std::vector<DemoCallerDuty>& callers, const DemoEnrolment& enrolment, local_days day) {
  for (std::size_t k = 0; k < callers.size(); ++k) {
    const std::size_t c = (enrolment.caller + k) % callers.size();
    if (OnDuty(callers[c], day) && Overlaps(callers[c].shift, enrolment.window)) return c;
  }
  return enrolment.caller;
}

Campaign DemoCampaign(local_days starts_on) {
  Campaign campaign;
  campaign.name = kDemoCampaignName;
  campaign.kind = CampaignKind::kWellbeing;
  campaign.starts_on = std::chrono::year_month_day{starts_on};
  campaign.frequency_days = DefaultFrequencyDays(CampaignKind::kWellbeing);
  campaign.window = Hours(9, 17);
  campaign.timings = CampaignTimings{
      .retry_delay_minutes = 90, .max_attempts_per_day = 3, .escalation_hours = 72, .escalation_min_attempts = 3};
  return campaign;
}

std::vector<DemoCallerDuty> Callers(const DemoCallsOptions& options) {
  std::vector<DemoCallerDuty> callers;
  for (std::size_t i = 0; i < options.callers; ++i) {
    DemoCallerDuty duty;
    // Some volunteers work part of the week.
    duty.weekdays = i % 5 == 4 ? WeekdaySet::Of({1, 2, 3}) : WeekdaySet::Of({1, 2, 3, 4, 5});
    const bool afternoon = i % 2 == 1;
    duty.shift = afternoon ? Hours(14, 17) : LocalWindow{.start_minute = 9 * 60, .end_minute = 12 * 60 + 30};
    duty.calls_per_shift = 20;
    callers.push_back(duty);
  }
  if (options.callers > 3) {
    // One caller away this week: her people go to stand-ins, and back to her afterwards.
    callers[3].absence = std::pair{options.today - days{2}, options.today + days{4}};
  }
  return callers;
}

Question Ask(const char* prompt, AnswerKind kind, const char* raises_need, const char* raises_on) {
  return Question{.prompt = prompt, .answer_kind = kind, .raises_need = raises_need, .raises_on = raises_on};
}

std::vector<Question> Script() {
  return {Ask("Comment allez-vous aujourd'hui, de 1 (très mal) à 5 (très bien) ?", AnswerKind::kScale,
              "psychological_distress", "1"),
          Ask("Avez-vous de quoi manger pour les prochains jours ?", AnswerKind::kYesNo, "groceries", "no"),
          Ask("Prenez-vous vos médicaments comme prévu ?", AnswerKind::kYesNo, "medicines", "no"),
          Ask("Avez-vous vu ou parlé à quelqu'un cette semaine ?", AnswerKind::kYesNo, "isolation", "no"),
          Ask("Souhaitez-vous être rappelé plus souvent ?", AnswerKind::kYesNo, "", "")};
}

// The intake agent's guided questions answered so that QualifyUrgency gives `urgency` (inbound_rules.hpp).
std::vector<UrgencyAnswer> AnswersGiving(std::string_view urgency) {
  std::vector<UrgencyAnswer> answers;
  for (const UrgencyQuestion& question : UrgencyQuestions()) {
    const std::string_view id = question.id;
    const bool yes = (urgency == "immediate" && id == "danger_now") ||
                     (urgency == "high" && (id == "alone" || id == "no_food_or_medicine_today")) ||
                     (urgency == "low" && id == "heat_or_cold_at_home");
    answers.push_back(UrgencyAnswer{std::string(id), yes ? Answer::kYes : Answer::kNo});
  }
  return answers;
}

// Immediate and high needs want an answer within days, the others within ten days: the oldest urgent ones still
// waiting are overdue, a few for the coordinator's badge.
int DueDays(std::string_view urgency) {
  if (urgency == "immediate") return 1;
  return urgency == "high" ? 4 : 10;
}

// The referral's steps to `state` from its creation, those before `until` only (the demo has no future).
std::vector<std::pair<std::string, core::EpochMillis>> ReferralSteps(std::string_view state, core::EpochMillis created,
                                                                     core::EpochMillis until) {
  std::vector<std::pair<std::string, core::EpochMillis>> steps;
  if (state != "proposed") steps.emplace_back("sent", created + kHour);
  if (state == "accepted" || state == "done") steps.emplace_back("accepted", created + 26 * kHour);
  if (state == "refused") steps.emplace_back("refused", created + 26 * kHour);
  if (state == "done") steps.emplace_back("done", created + 50 * kHour);
  std::erase_if(steps, [&](const auto& step) { return step.second >= until; });
  return steps;
}

}  // namespace

DemoCallsPlan GenerateDemoCalls(const DemoCallsOptions& options) {
  std::mt19937_64 random(options.seed ^ 0x6361'6c6c'7344'656dULL);  // "callsDem": apart from the town's draws
  DemoCallsPlan plan;
  const local_days campaign_start = options.today - days{kCampaignAgeDays};
  const core::EpochMillis today_start = ParisMidnight(options.today);
  plan.campaign = DemoCampaign(campaign_start);
  plan.questions = Script();
  plan.callers = Callers(options);
  plan.partners = {
      {"Restos du Cœur — antenne de Béthune", "charity", "bethune@restosducoeur.example", "03 21 00 00 01"},
      {"ADMR du Béthunois", "home_help", "contact@admr-bethune.example", "03 21 00 00 02"}};

  // Who is enrolled: a stable shuffle of the persons given, the first `enrolments`.
  std::vector<std::size_t> persons(options.persons);
  std::iota(persons.begin(), persons.end(), std::size_t{0});
  std::shuffle(persons.begin(), persons.end(), random);
  persons.resize(std::min(options.enrolments, persons.size()));
  std::sort(persons.begin(), persons.end());
  const core::EpochMillis enrolled_at = ParisMidnight(campaign_start) + 9 * kHour;
  std::uniform_int_distribution<int> percent(0, 99);
  std::uniform_int_distribution<std::size_t> window(0, kWindows.size() - 1);
  std::vector<std::size_t> load(plan.callers.size(), 0);
  for (std::size_t i = 0; i < persons.size(); ++i) {
    DemoEnrolment enrolment;
    enrolment.person = persons[i];
    enrolment.window = kWindows[window(random)];
    enrolment.caller = UsualCaller(plan.callers, load, enrolment.window);
    enrolment.lives_alone = percent(random) < 60;
    enrolment.no_family = percent(random) < 20;
    enrolment.enrolled_at = enrolled_at;
    const int contacts = enrolment.no_family ? (percent(random) < 50 ? 1 : 0) : 1 + percent(random) % 2;
    for (int c = 0; c < contacts; ++c) {
      std::uniform_int_distribution<std::size_t> first(0, kContactFirstNames.size() - 1);
      std::uniform_int_distribution<std::size_t> last(0, kContactLastNames.size() - 1);
      std::uniform_int_distribution<std::size_t> relation(0, kContactRelations.size() - 1);
      enrolment.contacts.push_back(
          {std::string(kContactFirstNames[first(random)]) + " " + kContactLastNames[last(random)],
           kContactRelations[relation(random)], Phone(random)});
    }
    plan.enrolments.push_back(std::move(enrolment));
  }

  // A week of calls: every third day on working days, retries after no answer, voicemail or a busy line; a
  // person in hospital or away is not called again (the enrolment is paused).
  const auto unreachable = [](std::size_t i) { return i % kUnreachableEvery == 7; };
  const CampaignTimings& timings = plan.campaign.timings;
  std::uniform_int_distribution<int> minute_in_window(0, 45);
  std::uniform_int_distribution<std::size_t> note(0, kReachedNotes.size() - 1);
  std::vector<bool> paused(plan.enrolments.size(), false);
  std::vector<bool> reached(plan.enrolments.size(), false);
  const auto reached_call = [&](std::size_t i, core::EpochMillis at) {
    DemoCall call;
    call.enrolment = i;
    call.caller = CallerOn(plan.callers, plan.enrolments[i], ParisDayOf(at));
    call.outcome = CallOutcome::kReached;
    call.started_at = at;
    call.duration_seconds = 240 + percent(random) * 12;
    call.worrying = percent(random) < 6;
    call.notes = call.worrying ? "Inquiétant : voir la fiche de besoins." : kReachedNotes[note(random)];
    return call;
  };
  for (local_days day = options.today - days{kHistoryDays}; day < options.today; day += days{1}) {
    if (!IsWorkingDay(day)) continue;
    const auto serial = static_cast<std::size_t>(day.time_since_epoch().count());
    for (std::size_t i = 0; i < plan.enrolments.size(); ++i) {
      if (paused[i] || ((serial + i) % 3 != 0 && !unreachable(i))) continue;
      const DemoEnrolment& enrolment = plan.enrolments[i];
      core::EpochMillis at = AgreedWindowOn(day, enrolment.window).start + minute_in_window(random) * kMinute;
      for (int attempt = 0; attempt < timings.max_attempts_per_day; ++attempt) {
        CallOutcome outcome = CallOutcome::kNoAnswer;
        if (unreachable(i)) {
          outcome = percent(random) < 70 ? CallOutcome::kNoAnswer : CallOutcome::kVoicemail;
        } else {
          outcome = attempt == 0 ? FirstOutcome(random)
                                 : (percent(random) < 55 ? CallOutcome::kReached : CallOutcome::kNoAnswer);
        }
        DemoCall call;
        if (outcome == CallOutcome::kReached) {
          call = reached_call(i, at);
          reached[i] = true;
        } else {
          call.enrolment = i;
          call.caller = CallerOn(plan.callers, enrolment, day);
          call.outcome = outcome;
          call.started_at = at;
          call.duration_seconds = 10 + percent(random) % 30;
        }
        plan.calls.push_back(call);
        paused[i] = Pauses(outcome);
        if (!Retried(outcome)) break;
        at += timings.retry_delay_minutes * kMinute + minute_in_window(random) * kMinute / 5;
      }
    }
  }
  // Before the week: the people not reached during it were reached once in the days before, on a working day,
  // except the unreachable ones.
  for (std::size_t i = 0; i < plan.enrolments.size(); ++i) {
    if (reached[i] || unreachable(i)) continue;
    local_days before = options.today - days{kHistoryDays + 1 + static_cast<int>(i % 3)};
    while (!IsWorkingDay(before)) before -= days{1};
    plan.calls.push_back(reached_call(i, AgreedWindowOn(before, plan.enrolments[i].window).start));
  }

  // The unreachable people: the first four escalated and still open (at each step of the procedure), the next
  // two closed after a home visit. Nobody calls them after the visit: one was found well, the other is in
  // hospital.
  std::size_t escalated = 0;
  for (std::size_t i = 0; i < plan.enrolments.size() && escalated < 6; ++i) {
    if (!unreachable(i)) continue;
    DemoEscalation escalation;
    escalation.enrolment = i;
    const auto step = escalated++;
    escalation.raised_at = today_start - static_cast<core::EpochMillis>(1 + step) * 24 * kHour + 7 * kHour;
    if (step >= 1) {
      escalation.contacts_tried_at = escalation.raised_at + 2 * kHour;
      escalation.contacts_outcome = step == 1 ? "Fille sur répondeur, message laissé." : "Voisin sans nouvelles.";
    }
    if (step >= 2) {
      escalation.visit_assigned_at = escalation.raised_at + 3 * kHour;
      escalation.visit_assignee_name = step % 2 == 0 ? "Police municipale" : "Agent du CCAS, secteur nord";
    }
    if (step >= 4) {
      escalation.closed_at = escalation.raised_at + 6 * kHour;
      escalation.visit_outcome = step == 4 ? VisitOutcome::kFoundWell : VisitOutcome::kHospitalised;
      escalation.visit_notes = step == 4 ? "Trouvée en bonne santé, téléphone débranché par erreur."
                                         : "Hospitalisée depuis lundi, famille prévenue.";
      std::erase_if(plan.calls, [&](const DemoCall& call) {
        return call.enrolment == i && call.started_at >= *escalation.closed_at;
      });
    }
    plan.escalations.push_back(escalation);
  }
  std::stable_sort(plan.calls.begin(), plan.calls.end(),
                   [](const DemoCall& a, const DemoCall& b) { return a.started_at < b.started_at; });

  // Needs from the worrying calls, some referred to a partner or a service.
  std::uniform_int_distribution<std::size_t> example(0, kNeedExamples.size() - 1);
  std::uniform_int_distribution<std::size_t> state(0, kReferralStates.size() - 1);
  for (std::size_t c = 0; c < plan.calls.size(); ++c) {
    const DemoCall& call = plan.calls[c];
    if (!call.worrying) continue;
    const NeedExample& need_example = kNeedExamples[example(random)];
    DemoNeed need;
    need.call = c;
    need.kind = need_example.kind;
    need.urgency = need_example.urgency;
    need.notes = need_example.notes;
    const core::EpochMillis recorded = call.started_at + call.duration_seconds * 1000;
    const std::string service = need_example.service;
    if (!service.empty() && percent(random) < 75) {
      DemoReferral referral;
      referral.service = service;
      referral.due_days = DueDays(need.urgency);
      referral.created_at = recorded + 2 * kHour;
      const std::string_view referral_state = kReferralStates[state(random)];
      referral.steps = ReferralSteps(referral_state, referral.created_at, today_start);
      if (service == "charity") referral.partner = 0;
      if (service == "home_help") referral.partner = 1;
      // The social worker closes the need once the service has done what was asked.
      if (!referral.steps.empty() && referral.steps.back().first == "done") {
        const core::EpochMillis closed = referral.steps.back().second + kHour;
        if (closed < today_start) need.closed_at = closed;
      }
      need.referral = std::move(referral);
    } else if (percent(random) < 30 && recorded + 24 * kHour < today_start) {
      need.closed_at = recorded + 24 * kHour;  // met without a referral
    }
    plan.needs.push_back(std::move(need));
  }

  // The inbound line over the last three days: about enrolled people or new contacts.
  std::uniform_int_distribution<std::size_t> someone(0, plan.enrolments.empty() ? 0 : plan.enrolments.size() - 1);
  for (std::size_t k = 0; k < kInboundExamples.size(); ++k) {
    const InboundExample& example_call = kInboundExamples[k];
    DemoInbound inbound;
    inbound.received_at = today_start - static_cast<core::EpochMillis>(3 - k % 3) * 24 * kHour +
                          (9 + static_cast<core::EpochMillis>(k)) * kHour;
    if (k % 4 != 3 && !plan.enrolments.empty()) inbound.enrolment = someone(random);
    inbound.contact_relation = example_call.relation;
    if (inbound.contact_relation != "self" || !inbound.enrolment) {
      std::uniform_int_distribution<std::size_t> first(0, kContactFirstNames.size() - 1);
      std::uniform_int_distribution<std::size_t> last(0, kContactLastNames.size() - 1);
      inbound.contact_name = std::string(kContactFirstNames[first(random)]) + " " + kContactLastNames[last(random)];
      inbound.contact_phone = Phone(random);
    }
    inbound.topic = example_call.topic;
    inbound.urgency_answers = AnswersGiving(example_call.urgency);
    inbound.queue = example_call.queue;
    const std::string_view state_reached = example_call.state;
    if (state_reached != "new") inbound.assigned_at = inbound.received_at + 5 * kMinute;
    if (state_reached == "closed") inbound.closed_at = inbound.received_at + 20 * kMinute;
    inbound.notes = example_call.notes;
    plan.inbound.push_back(std::move(inbound));
  }
  return plan;
}

}  // namespace lien::calls
