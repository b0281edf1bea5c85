#pragma once
// Hand-written lists of the demo town: its streets (the names most French towns have), care homes, home-care
// services and the words of a register's paperwork. Invented, but the kind a CCAS of the Pas-de-Calais has.

#include <array>
#include <string_view>

namespace lien::registry::demo_town_names {

/// How long a street of each kind usually is, in metres.
enum class StreetKind { kShort, kStreet, kLong };

struct StreetName {
  std::string_view name;
  StreetKind kind;
};

inline constexpr auto kStreets = std::to_array<StreetName>({
    {"rue Victor Hugo", StreetKind::kStreet},
    {"avenue Jean Jaurès", StreetKind::kLong},
    {"rue de la République", StreetKind::kStreet},
    {"boulevard Raymond Poincaré", StreetKind::kLong},
    {"rue Pasteur", StreetKind::kStreet},
    {"place Clemenceau", StreetKind::kShort},
    {"rue d'Arras", StreetKind::kLong},
    {"rue de Lille", StreetKind::kLong},
    {"route de Lens", StreetKind::kLong},
    {"rue Gambetta", StreetKind::kStreet},
    {"rue Jules Ferry", StreetKind::kStreet},
    {"rue Émile Zola", StreetKind::kStreet},
    {"impasse des Tilleuls", StreetKind::kShort},
    {"rue du Moulin", StreetKind::kStreet},
    {"allée des Acacias", StreetKind::kShort},
    {"rue de la Gare", StreetKind::kStreet},
    {"avenue du Général de Gaulle", StreetKind::kLong},
    {"rue du 8 Mai 1945", StreetKind::kStreet},
    {"rue Anatole France", StreetKind::kStreet},
    {"résidence Les Peupliers", StreetKind::kShort},
    {"rue Louis Pasteur", StreetKind::kStreet},
    {"rue du Stade", StreetKind::kStreet},
    {"rue Marcel Pagnol", StreetKind::kStreet},
    {"impasse Georges Brassens", StreetKind::kShort},
    {"rue de la Paix", StreetKind::kStreet},
    {"rue Jean Moulin", StreetKind::kStreet},
    {"chemin du Halage", StreetKind::kLong},
    {"rue des Jardins", StreetKind::kStreet},
    {"place de la Mairie", StreetKind::kShort},
    {"rue Pierre et Marie Curie", StreetKind::kStreet},
    {"allée des Rosiers", StreetKind::kShort},
    {"rue de Verdun", StreetKind::kStreet},
    {"boulevard Maréchal Foch", StreetKind::kLong},
    {"rue Sadi Carnot", StreetKind::kStreet},
    {"rue Aristide Briand", StreetKind::kStreet},
    {"impasse des Bleuets", StreetKind::kShort},
    {"rue du Puits", StreetKind::kShort},
    {"chemin des Champs", StreetKind::kStreet},
    {"rue Saint-Vaast", StreetKind::kStreet},
    {"rue Antoine de Saint-Exupéry", StreetKind::kStreet},
    {"rue Louise Michel", StreetKind::kStreet},
    {"rue Paul Éluard", StreetKind::kStreet},
    {"résidence Le Beffroi", StreetKind::kShort},
    {"rue des Prés", StreetKind::kStreet},
    {"rue du Bois", StreetKind::kStreet},
    {"rue de la Fontaine", StreetKind::kShort},
    {"quai du Rivage", StreetKind::kLong},
    {"rue Lamartine", StreetKind::kStreet},
    {"rue Jacques Brel", StreetKind::kStreet},
    {"résidence Les Marronniers", StreetKind::kShort},
    {"rue du Faubourg d'Arras", StreetKind::kLong},
    {"rue du Général Leclerc", StreetKind::kStreet},
    {"rue des Fusillés", StreetKind::kStreet},
    {"rue Jean-Baptiste Lebas", StreetKind::kStreet},
    {"cité des Cheminots", StreetKind::kShort},
    {"rue de Beuvry", StreetKind::kLong},
    {"rue Roger Salengro", StreetKind::kStreet},
    {"impasse du Marais", StreetKind::kShort},
    {"rue Léon Blum", StreetKind::kStreet},
    {"avenue de Bruay", StreetKind::kLong},
    {"rue des Mineurs", StreetKind::kStreet},
    {"allée des Hortensias", StreetKind::kShort},
});

/// Care homes: the street (index in kStreets) and number, the switchboard, and the home's name.
struct CareHome {
  std::size_t street;
  std::string_view number;
  std::string_view name;
};

inline constexpr auto kCareHomes = std::to_array<CareHome>({
    {2, "41", "EHPAD Les Hortensias"},
    {38, "12", "EHPAD Saint-Vaast"},
    {42, "3", "Résidence Autonomie Le Beffroi"},
});

inline constexpr auto kHomeCareServices = std::to_array<std::string_view>({
    "ADMR de Béthune",
    "SSIAD du Béthunois",
    "Aide à domicile Artois Services",
    "Cabinet infirmier de la Gare",
    "Présence Verte Nord-Pas-de-Calais",
    "SAAD du CCAS",
});

struct Relative {
  std::string_view name;
  bool feminine;
};

inline constexpr auto kRelatives = std::to_array<Relative>({
    {"fille", true},
    {"fils", false},
    {"nièce", true},
    {"neveu", false},
    {"petite-fille", true},
    {"petit-fils", false},
    {"belle-fille", true},
    {"sœur", true},
    {"frère", false},
});

inline constexpr auto kRemovalReasons = std::to_array<std::string_view>({
    "À la demande de la personne",
    "Demande écrite de la famille : la personne vit désormais chez sa fille",
    "À la demande de la personne, par téléphone confirmé par courrier",
});

inline constexpr auto kImportFiles = std::to_array<std::string_view>({
    "registre_canicule_2024.xlsx",
    "liste_APA_CD62_2025.csv",
});

inline constexpr auto kDietary = std::to_array<std::string_view>({
    "no_pork",
    "vegetarian",
    "diabetic",
    "gluten_free",
    "soft_texture",
    "low_salt",
});

inline constexpr auto kDeliveryNotes = std::to_array<std::string_view>({
    "Livrer le mardi matin",
    "Sonner chez la voisine du rez-de-chaussée si personne ne répond",
    "Chien dans la cour : appeler avant d'entrer",
    "Interphone en panne, appeler le portable",
    "Porte de derrière, par le jardin",
    "",
    "",
    "",
});

inline constexpr auto kAccessNotes = std::to_array<std::string_view>({
    "Sonner deux fois",
    "Frapper fort : entend mal",
    "Clé chez la voisine du 2e",
    "Entrée par la cour",
    "Digicode souvent en panne",
});

}  // namespace lien::registry::demo_town_names
