#include <array>

#include "core/message_catalogue.hpp"

namespace lien::core::catalogue {
namespace {

constexpr std::array kLines = {
    Line{"persons.not_found", "Personne introuvable.", "Person not found."},
    Line{"persons.possible_duplicates",
         "Cette personne est peut-être déjà enregistrée : vérifiez les fiches proposées, ou confirmez qu'il s'agit "
         "d'une autre personne.",
         "This person may already be registered: check the records shown, or confirm it is someone else."},
    Line{"persons.invalid_date", "Date non valide : attendue au format AAAA-MM-JJ (par exemple 1942-03-15).",
         "Invalid date: expected as YYYY-MM-DD (for example 1942-03-15)."},
    Line{"persons.date_in_future", "La date de naissance ne peut pas être dans le futur.",
         "The date of birth cannot be in the future."},
    Line{"persons.date_too_old", "La date de naissance doit être postérieure à 1900.",
         "The date of birth must be after 1900."},
    Line{"persons.invalid_postcode", "Le code postal doit compter cinq chiffres.", "The postcode must be five digits."},
    Line{"persons.invalid_email", "Adresse e-mail non valide.", "Invalid e-mail address."},
    Line{"persons.invalid_language", "Code de langue non valide : « {value} » (exemples : fr, ar, pt).",
         "Invalid language code: \"{value}\" (examples: fr, ar, pt)."},
    Line{"persons.invalid_coordinates", "Coordonnées hors limites.", "Coordinates out of range."},
    Line{"persons.coordinates_pair", "La latitude et la longitude vont ensemble.",
         "Latitude and longitude go together."},
    Line{"persons.invalid_phone",
         "Numéro de téléphone non valide : « {phone} ». Exemples : 03 21 01 63 10, 06 12 34 56 78, +262 262 12 34 56.",
         "Invalid phone number: \"{phone}\". Examples: 03 21 01 63 10, 06 12 34 56 78, +262 262 12 34 56."},
    Line{"persons.phone_twice", "Le numéro {phone} figure deux fois.", "The number {phone} is given twice."},
    Line{"persons.too_many", "Trop d'éléments (au plus {max}).", "Too many items (at most {max})."},
    Line{"persons.invalid_code", "Valeur non reconnue : « {value} ».", "Unrecognised value: \"{value}\"."},
    Line{"persons.status_until_not_allowed",
         "Une date de fin de situation ne se donne qu'avec « absent » ou « hospitalisé ».",
         "An end date only goes with \"away\" or \"in hospital\"."},
    Line{"persons.filter_not_allowed", "Votre rôle ne permet pas de filtrer sur {name}.",
         "Your role does not allow filtering on {name}."},
    Line{"persons.history_not_allowed", "Votre rôle ne permet pas de consulter l'historique des fiches.",
         "Your role does not allow reading the history of records."},
    Line{"persons.merge_same", "Une fiche ne peut pas être fusionnée avec elle-même.",
         "A record cannot be merged with itself."},
    Line{"persons.merge_both_households",
         "Les deux fiches ont chacune un foyer : supprimez celui qui est en trop avant de fusionner.",
         "Both records have a household: delete the one that is not needed before merging."},
    Line{"persons.merge_register_conflict",
         "Ces deux fiches ne peuvent pas être fusionnées en l'état : un agent désigné du registre doit d'abord "
         "régler leurs inscriptions.",
         "These two records cannot be merged as they are: a designated register agent must settle their "
         "registrations first."},
    Line{"persons.no_household", "Cette personne n'a pas de foyer enregistré.",
         "This person has no household recorded."},
    Line{"persons.invalid_birth_year", "Année de naissance non valide (entre 1900 et {max}).",
         "Invalid year of birth (between 1900 and {max})."},
    Line{"persons.code_twice", "La valeur « {value} » figure deux fois.", "The value \"{value}\" is given twice."},
};

}  // namespace

std::span<const Line> PersonsMessages() { return kLines; }

}  // namespace lien::core::catalogue
