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
};

}  // namespace

std::span<const Line> NeedsMessages() { return kLines; }

}  // namespace lien::core::catalogue
