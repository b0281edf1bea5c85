#include <array>

#include "core/message_catalogue.hpp"

namespace lien::core::catalogue {
namespace {

constexpr std::array kLines = {
    Line{"rights.confirmation_required", "Confirmez l'effacement définitif.", "Confirm the permanent erasure."},
    Line{"rights.confirmation_mismatch", "Le nom saisi ne correspond pas au nom de la personne : rien n'a été effacé.",
         "The name typed does not match the person's last name: nothing was erased."},
    Line{"rights.query_too_short", "Saisissez au moins deux lettres du nom.", "Type at least two letters of the name."},
    Line{"retention.running", "Une purge est déjà en cours sur un autre serveur ; réessayez dans un instant.",
         "A purge is already running on another server; try again in a moment."},
};

}  // namespace

std::span<const Line> RightsMessages() { return kLines; }

}  // namespace lien::core::catalogue
