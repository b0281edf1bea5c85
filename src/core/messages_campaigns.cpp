#include <array>

#include "core/message_catalogue.hpp"

namespace lien::core::catalogue {
namespace {

constexpr std::array kLines = {
    Line{"campaigns.not_found", "Cette campagne n'existe pas.", "This campaign does not exist."},
    Line{"campaigns.invalid_kind",
         "Type de campagne inconnu : canicule (heatwave), grand froid (cold), confinement "
         "(lockdown) ou appels de convivialité (wellbeing).",
         "Unknown campaign kind: heatwave, cold, lockdown or wellbeing."},
};

}  // namespace

std::span<const Line> CampaignsMessages() { return kLines; }

}  // namespace lien::core::catalogue
