#include "core/messages.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "core/message_catalogue.hpp"

namespace lien::core {
namespace {

struct Texts {
  const char* fr;
  const char* en;
};

// Adds the lines of each area's file (message_catalogue.hpp) to the general ones below. A key defined twice is
// a bug that would show one of two texts at random: refused at start-up.
std::unordered_map<std::string_view, Texts> WithAreas(std::unordered_map<std::string_view, Texts> general) {
  for (auto area : {catalogue::PersonsMessages(), catalogue::RegisterMessages(), catalogue::DocumentsMessages(),
                    catalogue::RightsMessages(), catalogue::CampaignsMessages(), catalogue::CallsMessages(),
                    catalogue::NeedsMessages()}) {
    for (const auto& line : area) {
      if (!general.emplace(line.key, Texts{line.fr, line.en}).second) {
        throw std::logic_error("message key defined twice: " + std::string(line.key));
      }
    }
  }
  return general;
}

// One line a message. Keys are dotted: <area>.<what>. Add both languages at once.
const std::unordered_map<std::string_view, Texts>& Catalogue() {
  static const std::unordered_map<std::string_view, Texts> kCatalogue = WithAreas({
      // Generic HTTP failures.
      {"http.not_found", {"Cette adresse n'existe pas.", "This address does not exist."}},
      {"http.method_not_allowed",
       {"Cette action n'est pas permise à cette adresse.", "This method is not allowed here."}},
      {"http.malformed_json", {"La requête n'est pas un JSON valide.", "The request body is not valid JSON."}},
      {"http.expected_object", {"La requête doit être un objet JSON.", "The request body must be a JSON object."}},
      {"http.payload_too_large",
       {"La requête est trop volumineuse (limite : {limit} octets).",
        "The request is too large (limit: {limit} bytes)."}},
      {"http.unsupported_media", {"Le contenu doit être envoyé en JSON.", "The body must be sent as JSON."}},
      {"http.bad_request", {"Requête HTTP invalide.", "Malformed HTTP request."}},
      {"http.header_too_large",
       {"Les en-têtes de la requête sont trop volumineux (limite : {limit} octets).",
        "The request headers are too large (limit: {limit} bytes)."}},
      {"http.internal",
       {"Une erreur interne est survenue (référence {request_id}). Réessayez ou contactez l'administrateur.",
        "An internal error occurred (reference {request_id}). Try again or contact the administrator."}},
      {"http.unavailable",
       {"Le service est momentanément indisponible. Réessayez dans un instant.",
        "The service is temporarily unavailable. Try again in a moment."}},
      {"http.shutting_down",
       {"Le serveur redémarre. Réessayez dans un instant.", "The server is restarting. Try again shortly."}},
      {"http.too_many_connections", {"Trop de connexions simultanées.", "Too many simultaneous connections."}},
      {"http.invalid_query", {"Paramètre d'adresse invalide : {name}.", "Invalid query parameter: {name}."}},
      {"http.invalid_id", {"Identifiant invalide.", "Invalid identifier."}},
      {"http.missing_if_match",
       {"La version de l'enregistrement (en-tête If-Match) est requise.",
        "The record version (If-Match header) is required."}},
      {"http.precondition_failed",
       {"Quelqu'un d'autre a modifié cet enregistrement entre-temps. Rechargez-le pour voir ses changements.",
        "Someone else changed this record in the meantime. Reload it to see their changes."}},
      {"http.invalid_if_match",
       {"L'en-tête If-Match doit contenir un numéro de version.", "The If-Match header must hold a version number."}},
      // Validation.
      {"validation.required", {"Ce champ est obligatoire.", "This field is required."}},
      {"validation.type", {"Ce champ n'a pas le bon type.", "This field has the wrong type."}},
      {"validation.unknown_field",
       {"Champ inconnu ou non modifiable : {name}.", "Unknown or read-only field: {name}."}},
      {"validation.too_long",
       {"Ce champ est trop long (au plus {max} caractères).", "This field is too long (at most {max} characters)."}},
      {"validation.invalid_value", {"Valeur non valide.", "Invalid value."}},
      // Authentication and sessions.
      {"auth.bad_credentials", {"Identifiant ou mot de passe incorrect.", "Wrong login or password."}},
      {"auth.throttled",
       {"Trop d'essais infructueux. Réessayez dans {minutes} minute(s).",
        "Too many failed attempts. Try again in {minutes} minute(s)."}},
      {"auth.disabled", {"Ce compte est désactivé.", "This account is disabled."}},
      {"auth.not_signed_in", {"Vous devez vous connecter.", "You must sign in."}},
      {"auth.session_expired",
       {"Votre session a expiré. Reconnectez-vous.", "Your session has expired. Please sign in again."}},
      {"auth.csrf",
       {"Jeton de sécurité manquant ou invalide. Rechargez la page.",
        "Missing or invalid security token. Reload the page."}},
      {"auth.forbidden", {"Vous n'avez pas le droit de faire cela.", "You are not allowed to do this."}},
      {"auth.totp_required",
       {"Saisissez le code à usage unique de votre application.", "Enter the one-time code from your app."}},
      {"auth.totp_invalid", {"Code à usage unique incorrect.", "Wrong one-time code."}},
      {"auth.totp_setup_required",
       {"La double authentification est obligatoire pour votre rôle : configurez-la pour continuer.",
        "Two-factor sign-in is mandatory for your role: set it up to continue."}},
      {"auth.totp_not_pending",
       {"Aucune configuration de double authentification en cours.", "No two-factor set-up in progress."}},
      {"auth.totp_already_enabled",
       {"La double authentification est déjà active.", "Two-factor sign-in is already enabled."}},
      {"auth.totp_mandatory",
       {"La double authentification ne peut pas être désactivée pour ce rôle.",
        "Two-factor sign-in cannot be turned off for this role."}},
      {"auth.password_too_short",
       {"Le mot de passe doit contenir au moins {min} caractères.",
        "The password must be at least {min} characters long."}},
      {"auth.password_too_long",
       {"Le mot de passe doit contenir au plus {max} caractères.",
        "The password must be at most {max} characters long."}},
      {"auth.password_common",
       {"Ce mot de passe est trop courant. Choisissez-en un autre, par exemple une phrase.",
        "This password is too common. Choose another one, a passphrase for instance."}},
      {"auth.password_contains_login",
       {"Le mot de passe ne doit pas contenir l'identifiant.", "The password must not contain the login."}},
      {"auth.wrong_current_password", {"Le mot de passe actuel est incorrect.", "The current password is wrong."}},
      {"auth.login_invalid",
       {"L'identifiant doit faire 3 à 64 caractères : lettres minuscules, chiffres, point, tiret ou tiret bas.",
        "The login must be 3 to 64 characters: lower-case letters, digits, dot, hyphen or underscore."}},
      {"auth.login_taken", {"Cet identifiant est déjà utilisé.", "This login is already taken."}},
      {"auth.unknown_role", {"Rôle inconnu : {role}.", "Unknown role: {role}."}},
      {"auth.user_not_found", {"Compte introuvable.", "Account not found."}},
      {"auth.cannot_disable_self",
       {"Vous ne pouvez pas désactiver votre propre compte.", "You cannot disable your own account."}},
      {"auth.last_admin",
       {"Il doit rester au moins un administrateur actif.", "At least one active administrator must remain."}},
      // Phone numbers.
      {"phone.empty", {"Le numéro de téléphone est vide.", "The phone number is empty."}},
      {"phone.invalid",
       {"Numéro de téléphone non valide. Exemples : 03 21 01 63 10, 06 12 34 56 78, +262 262 12 34 56.",
        "Invalid phone number. Examples: 03 21 01 63 10, 06 12 34 56 78, +262 262 12 34 56."}},
      // Audit.
      {"audit.invalid_period", {"La période est invalide.", "The period is invalid."}},
  });
  return kCatalogue;
}

}  // namespace

Language LanguageFromAcceptHeader(std::string_view accept_language) {
  // Only the first preference matters: "en-GB,en;q=0.9,fr;q=0.8" is English; anything else is French.
  std::string first;
  for (char c : accept_language) {
    if (c == ',' || c == ';') break;
    if (c != ' ') first.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return first.rfind("en", 0) == 0 ? Language::kEnglish : Language::kFrench;
}

std::string Translate(std::string_view key, Language language, const std::map<std::string, std::string>& args) {
  const auto& catalogue = Catalogue();
  auto it = catalogue.find(key);
  std::string text;
  if (it == catalogue.end()) {
    text = language == Language::kEnglish ? "Unexpected error." : "Erreur inattendue.";
  } else {
    text = language == Language::kEnglish ? it->second.en : it->second.fr;
  }
  for (const auto& [name, value] : args) {
    const std::string placeholder = "{" + name + "}";
    for (auto pos = text.find(placeholder); pos != std::string::npos;
         pos = text.find(placeholder, pos + value.size())) {
      text.replace(pos, placeholder.size(), value);
    }
  }
  return text;
}

bool HasMessage(std::string_view key) { return Catalogue().contains(key); }

}  // namespace lien::core
