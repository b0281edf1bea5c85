#include <array>

#include "core/message_catalogue.hpp"

namespace lien::core::catalogue {
namespace {

constexpr std::array kLines = {
    Line{"import.empty_file", "Le fichier est vide.", "The file is empty."},
};

}  // namespace

std::span<const Line> DocumentsMessages() { return kLines; }

}  // namespace lien::core::catalogue
