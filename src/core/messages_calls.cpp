#include <array>

#include "core/message_catalogue.hpp"

namespace lien::core::catalogue {
namespace {

constexpr std::array kLines = {
    // Calling: worklists, calls, retries, scope, break-the-glass (the calling part adds here).
    Line{"calls.invalid_day", "Jour invalide : attendu AAAA-MM-JJ.", "Invalid day: expected YYYY-MM-DD."},
    Line{"calls.worklist_item_not_found", "Cet appel ne figure pas sur vos listes.", "This call is not on your lists."},
    Line{"calls.item_closed", "Cet appel n'est plus à faire aujourd'hui (déjà noté ou retiré de la liste).",
         "This call is no longer to be made today (already recorded or taken off the list)."},
    Line{"calls.enrolment_not_found", "Cette personne n'est pas inscrite à cette campagne.",
         "This person is not enrolled in this campaign."},
    Line{"calls.enrolment_not_active", "L'inscription de cette personne à cette campagne est suspendue ou terminée.",
         "This person's enrolment in this campaign is paused or ended."},
    Line{"calls.unknown_question",
         "La réponse {position} ne correspond à aucune question du script (ou est en double).",
         "Answer {position} matches no question of the script (or is given twice)."},
    Line{"calls.invalid_answer", "La réponse à la question {position} ne convient pas (oui/non ou nombre attendu).",
         "The answer to question {position} does not fit (yes/no or a number expected)."},
    Line{"calls.idempotency_key_reused",
         "Cette clé Idempotency-Key a déjà servi pour une autre demande : utilisez-en une nouvelle.",
         "This Idempotency-Key was already used for another request: use a new one."},
    Line{"calls.break_glass_reason_too_short",
         "Indiquez la raison de l'accès d'urgence en {min} caractères au moins : elle est conservée et lue par "
         "le coordinateur.",
         "Give the reason for the emergency access in at least {min} characters: it is kept and read by the "
         "coordinator."},
    Line{"calls.break_glass_not_found", "Cet accès d'urgence n'existe pas.", "This emergency access does not exist."},
    Line{"calls.break_glass_already_reviewed", "Cet accès d'urgence a déjà été examiné.",
         "This emergency access was already reviewed."},
    Line{"calls.person_out_of_scope", "Cette personne ne figure pas sur vos listes d'appels.",
         "This person is not on your call lists."},
    Line{"calls.invalid_outcome",
         "Issue d'appel inconnue : joint (reached), pas de réponse (no_answer), occupé (busy), messagerie (voicemail), "
         "faux numéro (wrong_number), refus (refused), hospitalisé (in_hospital), absent (away), décédé (deceased).",
         "Unknown call outcome: reached, no_answer, busy, voicemail, wrong_number, refused, in_hospital, away or "
         "deceased."},
    // Figures.
    Line{"figures.invalid_period", "Période inconnue : jour (day), semaine (week) ou campagne (campaign).",
         "Unknown period: day, week or campaign."},
    Line{"figures.invalid_day", "Le jour doit s'écrire AAAA-MM-JJ et exister.",
         "The day must be written YYYY-MM-DD and exist."},
    Line{"figures.campaign_required", "Choisissez la campagne dont vous voulez les chiffres.",
         "Choose the campaign whose figures you want."},
    Line{"figures.campaign_not_found", "Cette campagne n'existe pas.", "This campaign does not exist."},
    // Escalations (people not reached), home visits.
    Line{"escalations.not_found", "Cette alerte n'existe pas ou ne vous est pas confiée.",
         "This escalation does not exist or is not assigned to you."},
    Line{"escalations.closed", "Cette alerte est déjà close.", "This escalation is already closed."},
    Line{"escalations.no_visit_assigned", "Aucune visite n'est assignée : assignez d'abord la visite à domicile.",
         "No visit is assigned: assign the home visit first."},
    Line{"escalations.assignee_required",
         "Indiquez qui fait la visite : un agent (assignee_id) ou un service nommé (assignee_name), pas les deux.",
         "Say who visits: an agent (assignee_id) or a named service (assignee_name), not both."},
    Line{"escalations.assignee_cannot_visit",
         "Ce compte ne peut pas recevoir de visites à domicile (compte désactivé ou rôle sans visites).",
         "This account cannot be given home visits (disabled, or its role does not do visits)."},
    Line{"escalations.invalid_visit_outcome",
         "Issue de visite inconnue : trouvée en bonne santé (found_well), a besoin d'aide (needs_help), "
         "hospitalisée (hospitalised), introuvable (not_found), décédée (deceased).",
         "Unknown visit outcome: found_well, needs_help, hospitalised, not_found or deceased."},
    Line{"escalations.need_required",
         "Une personne qui a besoin d'aide : décrivez le besoin (need : kind, urgency, notes).",
         "A person who needs help: describe the need (need: kind, urgency, notes)."},
    Line{"escalations.need_only_when_needs_help",
         "Un besoin ne se saisit qu'avec le résultat « a besoin d'aide » (needs_help).",
         "A need goes only with the outcome needs_help."},
    Line{"escalations.text_too_long", "Ce texte est trop long pour cette alerte.",
         "This text is too long for this escalation."},
};

}  // namespace

std::span<const Line> CallsMessages() { return kLines; }

}  // namespace lien::core::catalogue
