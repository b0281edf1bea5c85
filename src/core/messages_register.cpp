#include <array>

#include "core/message_catalogue.hpp"

namespace lien::core::catalogue {
namespace {

constexpr std::array kLines = {
    Line{"register.not_designated", "Vous n'êtes pas désigné(e) pour consulter le registre.",
         "You are not designated to handle the register."},
};

}  // namespace

std::span<const Line> RegisterMessages() { return kLines; }

}  // namespace lien::core::catalogue
