#include <array>

#include "core/message_catalogue.hpp"

namespace lien::core::catalogue {
namespace {

constexpr std::array kLines = {
    Line{"register.not_designated", "Vous n'êtes pas désigné(e) pour consulter le registre.",
         "You are not designated to handle the register."},
    Line{"register.secrecy_not_acknowledged",
         "Avant d'accéder au registre, vous devez prendre connaissance de votre obligation de secret professionnel "
         "et l'accepter.",
         "Before accessing the register, you must acknowledge your duty of professional secrecy."},
    Line{"register.agent_unknown_user", "Ce compte n'existe pas.", "This account does not exist."},
    Line{"register.agent_role_not_allowed",
         "Seul un compte coordinateur, travailleur social ou agent d'accueil peut être désigné pour le registre "
         "(rôle actuel : {role}).",
         "Only a coordinator, social worker or intake account can be designated for the register (current role: "
         "{role})."},
    Line{"alerts.invalid_kind",
         "Type d'alerte inconnu : canicule (heatwave), grand froid (cold), inondation (flood), pandémie (pandemic) ou "
         "autre (other).",
         "Unknown alert kind: heatwave, cold, flood, pandemic or other."},
    Line{"alerts.already_open", "Une alerte de ce type ({kind}) est déjà en cours.",
         "An alert of this kind ({kind}) is already on."},
    Line{"alerts.already_ended", "Cette alerte est déjà levée.", "This alert has already ended."},
    Line{"alerts.not_found", "Cette alerte n'existe pas.", "This alert does not exist."},
    Line{"alerts.not_open",
         "Cette alerte est levée : le registre ne peut être transmis au préfet que pendant une alerte en cours.",
         "This alert has ended: the register can be sent to the prefect only while an alert is on."},
    Line{"register.agent_not_designated", "Ce compte n'est pas désigné pour le registre.",
         "This account is not designated for the register."},
};

}  // namespace

std::span<const Line> RegisterMessages() { return kLines; }

}  // namespace lien::core::catalogue
