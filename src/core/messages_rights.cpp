#include <array>

#include "core/message_catalogue.hpp"

namespace lien::core::catalogue {
namespace {

constexpr std::array kLines = {
    Line{"rights.confirmation_required", "Confirmez l'effacement définitif.", "Confirm the permanent erasure."},
};

}  // namespace

std::span<const Line> RightsMessages() { return kLines; }

}  // namespace lien::core::catalogue
