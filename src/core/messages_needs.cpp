#include <array>

#include "core/message_catalogue.hpp"

namespace lien::core::catalogue {
namespace {

constexpr std::array kLines = {
    Line{"needs.invalid_kind",
         "Besoin inconnu : courses (groceries), repas (meals), médicaments (medicines), hygiène (hygiene), isolement "
         "(isolation), détresse psychologique (psychological_distress), argent (money), démarches (paperwork), santé "
         "(health), logement (housing).",
         "Unknown need: groceries, meals, medicines, hygiene, isolation, psychological_distress, money, paperwork, "
         "health or housing."},
    Line{"needs.invalid_urgency",
         "Urgence inconnue : aucune (none), faible (low), forte (high), immédiate (immediate).",
         "Unknown urgency: none, low, high or immediate."},
    Line{"needs.invalid_source",
         "Origine du besoin inconnue : appel (call), visite (visit), ligne d'accueil (inbound) ou suivi (follow_up).",
         "Unknown origin of the need: call, visit, inbound or follow_up."},
    Line{"needs.source_link_missing", "L'origine du besoin doit être précisée : {field} est requis.",
         "The need's origin must be given: {field} is required."},
    Line{"needs.source_link_extra", "{field} ne correspond pas à l'origine du besoin.",
         "{field} does not match the need's origin."},
    Line{"needs.invalid_state", "État de besoin inconnu : ouvert (open), orienté (referred) ou clos (closed).",
         "Unknown need state: open, referred or closed."},
    Line{"needs.illegal_transition", "Un besoin à l'état « {from} » ne peut pas passer à l'état « {to} ».",
         "A need in state \"{from}\" cannot move to \"{to}\"."},
    Line{"needs.not_found", "Besoin introuvable.", "Need not found."},
    Line{"needs.source_not_found", "L'appel, la visite ou la demande d'origine est introuvable pour cette personne.",
         "The originating call, visit or request was not found for this person."},
    Line{"needs.person_required", "Rattachez d'abord la demande à une personne du fichier pour y consigner un besoin.",
         "Link the request to a person of the register first to record a need."},
    Line{
        "referrals.invalid_service",
        "Service inconnu : aide à domicile (home_help), portage de repas (meal_delivery), psychologues "
        "(psychologists), aide d'urgence (emergency_aid), travailleur social (social_worker) ou association (charity).",
        "Unknown service: home_help, meal_delivery, psychologists, emergency_aid, social_worker or charity."},
    Line{"referrals.invalid_state",
         "État d'orientation inconnu : proposée, envoyée, acceptée, refusée, réalisée ou annulée.",
         "Unknown referral state: proposed, sent, accepted, refused, done or cancelled."},
    Line{"referrals.illegal_transition", "Une orientation à l'état « {from} » ne peut pas passer à l'état « {to} ».",
         "A referral in state \"{from}\" cannot move to \"{to}\"."},
    Line{"referrals.partner_transition",
         "Un partenaire peut seulement accepter, refuser ou déclarer réalisée une orientation (pas « {to} »).",
         "A partner may only accept, refuse or mark a referral done (not \"{to}\")."},
    Line{"referrals.invalid_due_on", "L'échéance doit être une date au format AAAA-MM-JJ.",
         "The due date must be a date written YYYY-MM-DD."},
    Line{"referrals.due_in_past", "L'échéance ne peut pas être dans le passé.", "The due date cannot be in the past."},
    Line{"referrals.not_found", "Orientation introuvable.", "Referral not found."},
    Line{"referrals.need_closed", "Ce besoin est clos : rouvrez-le avant de l'orienter.",
         "This need is closed: reopen it before referring it."},
    Line{"referrals.partner_service_mismatch", "Ce partenaire ne propose pas ce service.",
         "This partner does not offer this service."},
    Line{"referrals.partner_inactive", "Ce partenaire n'est plus actif.", "This partner is no longer active."},
    Line{"partners.not_found", "Partenaire introuvable.", "Partner not found."},
    Line{"partners.member_not_partner", "Seul un compte au rôle « partenaire » peut être rattaché à un partenaire.",
         "Only an account with the partner role can be linked to a partner."},
    Line{"partners.member_not_found", "Compte introuvable.", "Account not found."},
    Line{"partners.not_a_member",
         "Votre compte n'est rattaché à aucun partenaire. Demandez à un coordinateur de le rattacher.",
         "Your account is not linked to a partner. Ask a coordinator to link it."},
    Line{"inbound.invalid_queue",
         "File inconnue : travailleurs sociaux (social_workers), plateforme alimentaire (food) ou agents à distance "
         "(remote_agents).",
         "Unknown queue: social_workers, food or remote_agents."},
    Line{"inbound.queue_required", "Choisissez une file, ou indiquez que la demande a été traitée tout de suite.",
         "Choose a queue, or say the request was handled at once."},
    Line{"inbound.invalid_relation",
         "Lien inconnu : la personne elle-même (self), un proche (relative), un voisin (neighbour), un professionnel "
         "(professional) ou autre (other).",
         "Unknown relation: self, relative, neighbour, professional or other."},
    Line{"inbound.person_or_contact", "Retrouvez la personne dans le fichier ou saisissez le nom de l'appelant.",
         "Find the person in the register or type the caller's name."},
    Line{"inbound.third_party_name", "Un tiers qui appelle pour quelqu'un doit donner son nom.",
         "A third party calling about someone must give their name."},
    Line{"inbound.callback_in_past", "L'heure de rappel ne peut pas être dans le passé.",
         "The call-back time cannot be in the past."},
    Line{"inbound.callback_required", "Indiquez l'heure de rappel.", "Give the call-back time."},
    Line{"inbound.unknown_question", "Question de qualification inconnue : {question}.",
         "Unknown qualification question: {question}."},
    Line{"inbound.question_twice", "La question « {question} » a reçu deux réponses.",
         "The question \"{question}\" was answered twice."},
    Line{"inbound.question_unanswered", "Répondez à toutes les questions de qualification (il manque « {question} »).",
         "Answer every qualification question (\"{question}\" is missing)."},
    Line{"inbound.invalid_answer", "Réponse attendue : oui (yes), non (no) ou ne sait pas (unknown).",
         "Expected answer: yes, no or unknown."},
    Line{"inbound.invalid_state", "État de demande inconnu : nouvelle, attribuée, en cours, à rappeler ou close.",
         "Unknown request state: new, assigned, in_progress, callback or closed."},
    Line{"inbound.illegal_transition", "Une demande à l'état « {from} » ne peut pas passer à l'état « {to} ».",
         "A request in state \"{from}\" cannot move to \"{to}\"."},
    Line{"inbound.not_found", "Demande introuvable.", "Request not found."},
    Line{"inbound.assignee_not_allowed", "Ce compte ne peut pas traiter les demandes de la ligne d'accueil.",
         "This account cannot handle inbound requests."},
    Line{"inbound.question.danger_now",
         "La personne est-elle en danger en ce moment (chute, malaise, violence, détresse) ?",
         "Is the person in danger right now (fall, faintness, violence, distress)?"},
    Line{"inbound.question.alone", "Est-elle seule, sans personne pour l'aider aujourd'hui ?",
         "Is the person alone, with nobody to help today?"},
    Line{"inbound.question.no_food_or_medicine_today",
         "Manque-t-elle de nourriture ou de médicaments pour aujourd'hui ?",
         "Is the person without food or medicine for today?"},
    Line{"inbound.question.health_worsening", "Son état de santé se dégrade-t-il ?",
         "Is the person's health getting worse?"},
    Line{"inbound.question.heat_or_cold_at_home", "Souffre-t-elle de la chaleur ou du froid chez elle ?",
         "Is the person suffering from heat or cold at home?"},
};

}  // namespace

std::span<const Line> NeedsMessages() { return kLines; }

}  // namespace lien::core::catalogue
