#include <array>

#include "core/message_catalogue.hpp"

namespace lien::core::catalogue {
namespace {

constexpr std::array kLines = {
    Line{"persons.not_found", "Personne introuvable.", "Person not found."},
};

}  // namespace

std::span<const Line> PersonsMessages() { return kLines; }

}  // namespace lien::core::catalogue
