#include <array>

#include "core/message_catalogue.hpp"

namespace lien::core::catalogue {
namespace {

constexpr std::array kLines = {
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
};

}  // namespace

std::span<const Line> CallsMessages() { return kLines; }

}  // namespace lien::core::catalogue
