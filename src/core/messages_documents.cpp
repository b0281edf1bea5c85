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
         "Le motif d'inscription « {value} » n'est pas reconnu : 65 ans et plus, plus de 60 ans inapte au travail, "
         "ou pour un adulte handicapé AAH, PCH/ACTP, carte d'invalidité, RQTH ou pension d'invalidité.",
         "The ground \"{value}\" is not recognised: aged 65 or more, over 60 and unfit to work, or for a disabled "
         "adult AAH, PCH/ACTP, disability card, RQTH or disability pension."},
    Line{"import.row.unterminated_quote",
         "Des guillemets ouverts à cette ligne ne sont jamais fermés : la suite du fichier n'a pas pu être lue.",
         "A quote opened on this line is never closed: the rest of the file could not be read."},
    Line{"import.row.too_many_fields", "La ligne a {found} colonnes remplies au lieu de {expected}.",
         "The row has {found} filled columns instead of {expected}."},
    Line{"import.row.too_few_fields", "La ligne n'a que {found} colonnes au lieu de {expected}.",
         "The row has only {found} columns instead of {expected}."},
    Line{"import.row.ground_missing", "Le motif d'inscription manque.", "The ground for registration is missing."},
    Line{"import.file_name_required", "Le nom du fichier est obligatoire.", "The file name is required."},
    Line{"import.not_base64", "Le contenu du fichier n'est pas encodé en base64.",
         "The file content is not base64-encoded."},
    Line{"import.mapping_invalid", "La correspondance des colonnes doit associer chaque colonne à un champ.",
         "The column mapping must map each column to a field."},
    Line{"import.mapping_unknown_heading", "La colonne « {heading} » n'existe pas dans le fichier.",
         "The column \"{heading}\" is not in the file."},
    Line{"import.mapping_unknown_field", "Le champ « {field} » n'existe pas.", "There is no field \"{field}\"."},
    Line{"import.no_name_column",
         "Aucune colonne ne donne le nom des personnes : indiquez laquelle dans la correspondance des colonnes.",
         "No column gives the persons' last names: say which one in the column mapping."},
    Line{"import.register_needs_ground",
         "Un registre existant ne peut être importé que s'il a une colonne de motif d'inscription.",
         "An existing register can only be imported when it has a column with the ground for registration."},
    Line{"import.separator_invalid", "Le séparateur doit être « ; », « , » ou une tabulation.",
         "The separator must be ';', ',' or a tab."},
    Line{"import.rows_rejected",
         "{count} ligne(s) rejetée(s) : rien n'a été importé. Corrigez le fichier et recommencez.",
         "{count} row(s) rejected: nothing was imported. Fix the file and try again."},
    Line{"export.too_many", "La liste dépasse {max} personnes : précisez les critères de recherche.",
         "The list is over {max} persons: narrow the search."},
    Line{"export.write_failed", "Le fichier n'a pas pu être produit.", "The file could not be produced."},
    Line{"documents.pdf_failed", "Le document PDF n'a pas pu être produit.", "The PDF document could not be produced."},
};

}  // namespace

std::span<const Line> DocumentsMessages() { return kLines; }

}  // namespace lien::core::catalogue
