#include <array>

#include "core/message_catalogue.hpp"

namespace lien::core::catalogue {
namespace {

constexpr std::array kLines = {
    Line{"import.empty_file", "Le fichier est vide.", "The file is empty."},
    Line{"import.header_unterminated_quote",
         "La ligne d'en-tête (ligne {line}) ouvre des guillemets qui ne sont jamais fermés.",
         "The header row (line {line}) opens a quote that is never closed."},
    Line{"import.row.date_invalid", "La date « {value} » n'est pas lisible (attendu jj/mm/aaaa).",
         "The date \"{value}\" cannot be read (expected dd/mm/yyyy)."},
    Line{"import.row.phone_invalid", "Le numéro « {value} » n'est pas un numéro de téléphone valide.",
         "\"{value}\" is not a valid phone number."},
    Line{"import.row.civility_invalid", "La civilité « {value} » n'est pas reconnue (Mme ou M.).",
         "The civility \"{value}\" is not recognised (Mme or M.)."},
    Line{"import.row.language_unknown", "La langue « {value} » n'est pas reconnue.",
         "The language \"{value}\" is not recognised."},
    Line{"import.row.hearing_invalid", "La valeur « {value} » ne dit pas si la personne entend bien.",
         "\"{value}\" does not say whether the person hears well."},
    Line{"import.row.ground_invalid",
         "Le motif d'inscription « {value} » n'est pas reconnu (65 ans et plus, plus de 60 ans inapte au travail, "
         "adulte handicapé).",
         "The ground \"{value}\" is not recognised (aged 65 or more, over 60 and unfit to work, disabled adult)."},
    Line{"export.write_failed", "Le fichier n'a pas pu être produit.", "The file could not be produced."},
    Line{"documents.pdf_failed", "Le document PDF n'a pas pu être produit.", "The PDF document could not be produced."},
};

}  // namespace

std::span<const Line> DocumentsMessages() { return kLines; }

}  // namespace lien::core::catalogue
