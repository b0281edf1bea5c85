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
    Line{"register.invalid_ground",
         "Motif d'inscription inconnu : 65 ans et plus (age_65), plus de 60 ans inapte au travail (age_60_unfit), "
         "adulte handicapé (disabled_aah, disabled_pch_actp, disabled_card, disabled_rqth, disabled_pension).",
         "Unknown ground: age_65, age_60_unfit, disabled_aah, disabled_pch_actp, disabled_card, disabled_rqth or "
         "disabled_pension."},
    Line{"register.invalid_requested_by",
         "La demande vient de la personne (self), de son représentant légal (legal_representative) ou d'un tiers "
         "(third_party).",
         "The request comes from the person (self), a legal representative or a third party (third_party)."},
    Line{"register.invalid_requester_relation",
         "Lien du tiers inconnu : proche (relative), voisin (neighbour), médecin (doctor), service d'aide à domicile "
         "(home_help) ou autre (other).",
         "Unknown relation of the third party: relative, neighbour, doctor, home_help or other."},
    Line{"register.evidence_required",
         "La demande d'un tiers ou d'un représentant légal doit être écrite : indiquez la pièce qui en atteste.",
         "A request by a third party or a legal representative must be in writing: record the evidence."},
    Line{"register.invalid_date", "Date non valide (format attendu : AAAA-MM-JJ).",
         "Invalid date (expected format: YYYY-MM-DD)."},
    Line{"register.date_in_future", "La date de la demande ne peut pas être dans le futur.",
         "The request date cannot be in the future."},
    Line{"register.person_not_found", "Cette personne n'existe pas.", "This person does not exist."},
    Line{"register.person_inactive",
         "Cette personne a déménagé ou est décédée : elle ne peut pas être inscrite au registre.",
         "This person has moved or died: they cannot be registered."},
    Line{"register.already_registered", "Cette personne est déjà inscrite au registre.",
         "This person is already registered."},
    Line{"register.ended_by_person",
         "Cette personne s'est opposée à son inscription ou en a demandé la radiation : seule une nouvelle demande de "
         "sa part peut l'inscrire à nouveau, jamais un import.",
         "This person opposed their registration or asked to be removed: only a new request of theirs can register "
         "them again, never an import."},
    Line{"register.entry_not_found", "Cette personne n'est pas inscrite au registre.",
         "This person is not in the register."},
    Line{"register.not_registered",
         "Cette inscription a pris fin (opposition ou radiation) : elle ne peut plus être modifiée.",
         "This registration has ended (opposition or removal): it can no longer be changed."},
    Line{"register.invalid_export_format", "Format d'export inconnu : xlsx ou pdf.",
         "Unknown export format: xlsx or pdf."},
    Line{"register.reauth_wrong_password",
         "Mot de passe incorrect. Pour transmettre le registre au préfet, confirmez votre mot de passe.",
         "Wrong password. To send the register to the prefect, confirm your password."},
    Line{"register.reauth_totp_required",
         "Votre compte utilise un code à usage unique : saisissez-le pour transmettre le registre au préfet.",
         "Your account uses a one-time code: enter it to send the register to the prefect."},
    Line{"register.agent_not_designated", "Ce compte n'est pas désigné pour le registre.",
         "This account is not designated for the register."},
};

}  // namespace

std::span<const Line> RegisterMessages() { return kLines; }

}  // namespace lien::core::catalogue
