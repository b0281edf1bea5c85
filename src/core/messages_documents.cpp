#include <array>

#include "core/message_catalogue.hpp"

namespace lien::core::catalogue {
namespace {

constexpr std::array kLines = {
    Line{"import.empty_file", "Le fichier est vide.", "The file is empty."},
    Line{"import.header_unterminated_quote",
         "La ligne d'en-tête (ligne {line}) ouvre des guillemets qui ne sont jamais fermés.",
         "The header row (line {line}) opens a quote that is never closed."},
    Line{"export.write_failed", "Le fichier n'a pas pu être produit.", "The file could not be produced."},
    Line{"documents.pdf_failed", "Le document PDF n'a pas pu être produit.", "The PDF document could not be produced."},
};

}  // namespace

std::span<const Line> DocumentsMessages() { return kLines; }

}  // namespace lien::core::catalogue
