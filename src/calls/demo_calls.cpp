#include "calls/demo_calls.hpp"

#include <algorithm>
#include <array>
#include <numeric>
#include <random>

#include "calls/agreed_window.hpp"
#include "calls/schedule_text.hpp"

namespace lien::calls {
namespace {

using std::chrono::days;
using std::chrono::local_days;

constexpr core::EpochMillis kMinute = 60'000;
constexpr core::EpochMillis kHour = 60 * kMinute;
constexpr int kHistoryDays = 7;
constexpr int kCampaignAgeDays = 21;
constexpr int kRetryMinutes = 90;
constexpr int kMaxAttemptsPerDay = 3;
/// One person in fifty is not reached all week: some of them are escalated.
constexpr std::size_t kUnreachableEvery = 50;

struct Window {
  const char* start;
  const char* end;
};
constexpr std::array<Window, 6> kWindows = {{{"09:00", "10:00"},
                                             {"10:00", "11:00"},
                                             {"11:00", "12:00"},
                                             {"14:00", "15:00"},
                                             {"15:00", "16:00"},
                                             {"16:00", "17:00"}}};

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

std::string Phone(std::mt19937_64& random) {
  std::uniform_int_distribution<int> pair(0, 99);
  std::string phone = "06";
  for (int i = 0; i < 4; ++i) {
    const int value = pair(random);
    phone += " " + std::string(1, static_cast<char>('0' + value / 10)) + static_cast<char>('0' + value % 10);
  }
  return phone;
}

LocalWindow WindowOf(const DemoEnrolment& enrolment) {
  return *ParseLocalWindow(enrolment.window_start, enrolment.window_end);
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

std::vector<DemoCallerDuty> Callers(const DemoCallsOptions& options) {
  std::vector<DemoCallerDuty> callers;
  for (std::size_t i = 0; i < options.callers; ++i) {
    DemoCallerDuty duty;
    duty.weekdays = i % 5 == 4 ? "1,2,3" : "1,2,3,4,5";  // some volunteers work part of the week
    const bool afternoon = i % 2 == 1;
    duty.shift_start = afternoon ? "14:00" : "09:00";
    duty.shift_end = afternoon ? "17:00" : "12:30";
    duty.calls_per_shift = 20;
    callers.push_back(duty);
  }
  if (options.callers > 3) {
    // One caller away this week: her people go to stand-ins, and back to her afterwards.
    callers[3].absence =
        std::pair{FormatCalendarDay(options.today - days{2}), FormatCalendarDay(options.today + days{4})};
  }
  return callers;
}

std::vector<DemoQuestion> Script() {
  return {{"Comment allez-vous aujourd'hui, de 1 (très mal) à 5 (très bien) ?", "scale", "psychological_distress", "1"},
          {"Avez-vous de quoi manger pour les prochains jours ?", "yes_no", "groceries", "no"},
          {"Prenez-vous vos médicaments comme prévu ?", "yes_no", "medicines", "no"},
          {"Avez-vous vu ou parlé à quelqu'un cette semaine ?", "yes_no", "isolation", "no"},
          {"Souhaitez-vous être rappelé plus souvent ?", "yes_no", "", ""}};
}

}  // namespace

DemoCallsPlan GenerateDemoCalls(const DemoCallsOptions& options) {
  std::mt19937_64 random(options.seed ^ 0x6361'6c6c'7344'656dULL);  // "callsDem": apart from the town's draws
  DemoCallsPlan plan;
  const local_days campaign_start = options.today - days{kCampaignAgeDays};
  plan.campaign_starts_on = FormatCalendarDay(campaign_start);
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
  for (std::size_t i = 0; i < persons.size(); ++i) {
    DemoEnrolment enrolment;
    enrolment.person = persons[i];
    enrolment.caller = options.callers == 0 ? 0 : i % options.callers;
    const Window& agreed = kWindows[window(random)];
    enrolment.window_start = agreed.start;
    enrolment.window_end = agreed.end;
    enrolment.lives_alone = percent(random) < 60;
    enrolment.no_family = percent(random) < 20;
    enrolment.priority = (enrolment.lives_alone ? 1 : 0) + (enrolment.no_family ? 2 : 0);
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

  // A week of calls: every third day on working days, retries after no answer, voicemail or a busy line.
  const auto unreachable = [](std::size_t i) { return i % kUnreachableEvery == 7; };
  std::uniform_int_distribution<int> minute_in_window(0, 45);
  std::uniform_int_distribution<std::size_t> note(0, kReachedNotes.size() - 1);
  for (local_days day = options.today - days{kHistoryDays}; day < options.today; day += days{1}) {
    if (!IsWorkingDay(day)) continue;
    const auto serial = static_cast<std::size_t>(day.time_since_epoch().count());
    for (std::size_t i = 0; i < plan.enrolments.size(); ++i) {
      if ((serial + i) % 3 != 0 && !unreachable(i)) continue;
      DemoEnrolment& enrolment = plan.enrolments[i];
      core::EpochMillis at = AgreedWindowOn(day, WindowOf(enrolment)).start + minute_in_window(random) * kMinute;
      for (int attempt = 0; attempt < kMaxAttemptsPerDay; ++attempt) {
        DemoCall call;
        call.enrolment = i;
        call.started_at = at;
        if (unreachable(i)) {
          call.outcome = percent(random) < 70 ? CallOutcome::kNoAnswer : CallOutcome::kVoicemail;
        } else {
          call.outcome = attempt == 0 ? FirstOutcome(random)
                                      : (percent(random) < 55 ? CallOutcome::kReached : CallOutcome::kNoAnswer);
        }
        if (call.outcome == CallOutcome::kReached) {
          call.duration_seconds = 240 + percent(random) * 12;
          call.worrying = percent(random) < 6;
          call.notes = call.worrying ? "Inquiétant : voir la fiche de besoins." : kReachedNotes[note(random)];
        } else {
          call.duration_seconds = 10 + percent(random) % 30;
        }
        enrolment.last_attempt_at = at;
        if (call.outcome == CallOutcome::kReached) enrolment.last_reached_at = at;
        plan.calls.push_back(call);
        if (!Retried(call.outcome)) break;
        at += kRetryMinutes * kMinute + minute_in_window(random) * kMinute / 5;
      }
    }
  }
  std::stable_sort(plan.calls.begin(), plan.calls.end(),
                   [](const DemoCall& a, const DemoCall& b) { return a.started_at < b.started_at; });
  // Before the week: everyone was reached once in the days after enrolment, except the unreachable ones, last
  // reached on the day they were enrolled.
  for (std::size_t i = 0; i < plan.enrolments.size(); ++i) {
    DemoEnrolment& enrolment = plan.enrolments[i];
    if (enrolment.last_reached_at) continue;
    const local_days before = options.today - days{kHistoryDays + 1 + static_cast<int>(i % 3)};
    enrolment.last_reached_at = unreachable(i) ? enrolled_at : AgreedWindowOn(before, WindowOf(enrolment)).start;
    if (!enrolment.last_attempt_at) enrolment.last_attempt_at = enrolment.last_reached_at;
  }

  // The unreachable people: the first four escalated and still open (at each step of the procedure), the next
  // two closed after a home visit.
  const core::EpochMillis today_start = ParisMidnight(options.today);
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
      escalation.visit_outcome = step == 4 ? "found_well" : "hospitalised";
      escalation.visit_notes = step == 4 ? "Trouvée en bonne santé, téléphone débranché par erreur."
                                         : "Hospitalisée depuis lundi, famille prévenue.";
    }
    plan.escalations.push_back(escalation);
  }

  // Needs from the worrying calls, some referred to a partner or a service.
  std::uniform_int_distribution<std::size_t> example(0, kNeedExamples.size() - 1);
  std::uniform_int_distribution<std::size_t> state(0, kReferralStates.size() - 1);
  for (std::size_t c = 0; c < plan.calls.size(); ++c) {
    if (!plan.calls[c].worrying) continue;
    const NeedExample& need_example = kNeedExamples[example(random)];
    DemoNeed need;
    need.call = c;
    need.kind = need_example.kind;
    need.urgency = need_example.urgency;
    need.notes = need_example.notes;
    const std::string service = need_example.service;
    if (!service.empty() && percent(random) < 75) {
      need.referral_service = service;
      need.referral_state = kReferralStates[state(random)];
      if (service == "charity") need.referral_partner = 0;
      if (service == "home_help") need.referral_partner = 1;
    } else {
      need.closed = percent(random) < 30;
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
    inbound.urgency = example_call.urgency;
    inbound.queue = example_call.queue;
    inbound.state = example_call.state;
    inbound.notes = example_call.notes;
    plan.inbound.push_back(std::move(inbound));
  }
  return plan;
}

}  // namespace lien::calls
