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
};

}  // namespace

std::span<const Line> CallsMessages() { return kLines; }

}  // namespace lien::core::catalogue
