#pragma once
// Hand-written lists for the synthetic register: common surnames and first names in France (the generations
// a social register serves, and the families who came from elsewhere), streets and towns. Most common first.

#include <array>
#include <string_view>

namespace lien::registry::synthetic_names {

inline constexpr auto kLastNames = std::to_array<std::string_view>({
    "Martin",     "Bernard",     "Thomas",     "Petit",     "Robert",   "Richard",   "Durand",   "Dubois",
    "Moreau",     "Laurent",     "Simon",      "Michel",    "Lefèvre",  "Leroy",     "Roux",     "David",
    "Bertrand",   "Morel",       "Fournier",   "Girard",    "Bonnet",   "Dupont",    "Lambert",  "Fontaine",
    "Rousseau",   "Vincent",     "Muller",     "Lefebvre",  "Faure",    "André",     "Mercier",  "Blanc",
    "Guérin",     "Boyer",       "Garnier",    "Chevalier", "François", "Legrand",   "Gauthier", "Garcia",
    "Perrin",     "Robin",       "Clément",    "Morin",     "Nicolas",  "Henry",     "Roussel",  "Mathieu",
    "Gautier",    "Masson",      "Marchand",   "Duval",     "Denis",    "Dumont",    "Marie",    "Lemaire",
    "Noël",       "Meyer",       "Dufour",     "Meunier",   "Brun",     "Blanchard", "Giraud",   "Joly",
    "Rivière",    "Lucas",       "Brunet",     "Gaillard",  "Barbier",  "Arnaud",    "Martinez", "Gérard",
    "Roche",      "Renard",      "Schmitt",    "Roy",       "Leroux",   "Colin",     "Vidal",    "Caron",
    "Picard",     "Roger",       "Fabre",      "Aubert",    "Lemoine",  "Renaud",    "Dumas",    "Lacroix",
    "Olivier",    "Philippe",    "Bourgeois",  "Pierre",    "Benoît",   "Rey",       "Leclerc",  "Payet",
    "Rolland",    "Leclercq",    "Guillaume",  "Lecomte",   "Lopez",    "Jean",      "Dupuy",    "Guillot",
    "Hubert",     "Berger",      "Carpentier", "Sanchez",   "Dupuis",   "Moulin",    "Louis",    "Deschamps",
    "Huet",       "Vasseur",     "Perez",      "Boucher",   "Fleury",   "Royer",     "Klein",    "Jacquet",
    "Adam",       "Paris",       "Poirier",    "Marty",     "Aubry",    "Guyot",     "Carré",    "Charles",
    "Renault",    "Charpentier", "Ménard",     "Maillard",  "Baron",    "Bertin",    "Bailly",   "Hervé",
    "Schneider",  "Fernandez",   "Le Gall",    "Collet",    "Léger",    "Bouvier",   "Julien",   "Prévost",
    "Millet",     "Perrot",      "Daniel",     "Le Roux",   "Cousin",   "Germain",   "Breton",   "Besson",
    "Langlois",   "Rémy",        "Le Goff",    "Pelletier", "Lévêque",  "Perrier",   "Leblanc",  "Barré",
    "Lebrun",     "Marchal",     "Weber",      "Mallet",    "Hamon",    "Boulanger", "Jacob",    "Monnier",
    "Michaud",    "Rodriguez",   "Guichard",   "Gillet",    "Étienne",  "Grondin",   "Poulain",  "Tessier",
    "Chevallier", "Collin",      "Chauvin",    "Da Silva",  "Bouchet",  "Gay",       "Lemaître", "Bénard",
    "Maréchal",   "Humbert",     "Reynaud",    "Antoine",   "Hoarau",   "Perret",
});

// Names with a particle, written the way they are registered at birth; variants are made from them.
inline constexpr auto kParticleNames = std::to_array<std::string_view>({
    "de la Fontaine", "Le Fèvre",  "de Saint-Just", "d'Almeida",   "Dos Santos", "de Oliveira", "Du Pont",    "Le Bris",
    "Le Guen",        "de Sousa",  "Van den Berg",  "de la Croix", "Le Corre",   "d'Hondt",     "Des Roches", "de Lima",
    "Le Meur",        "du Bellay", "de Carvalho",   "Le Noël",     "D'Aubigné",  "La Rochelle", "de Gaulle",  "Le Page",
});

// Families of neighbouring and former colonial countries, frequent in French social registers.
inline constexpr auto kOtherNames = std::to_array<std::string_view>({
    "Nguyen",    "Benali",    "Haddad", "Diallo",  "Traoré",    "Mendes",    "Pereira",  "Ferreira",
    "Rodrigues", "Gonçalves", "Yılmaz", "Kaya",    "Benmoussa", "Bouzid",    "Cherif",   "Mansouri",
    "Saïdi",     "Belkacem",  "Hamidi", "Ait Ali", "Diop",      "Ndiaye",    "Camara",   "Keïta",
    "Coulibaly", "Tran",      "Pham",   "Le Van",  "Kowalski",  "Nowak",     "Romano",   "Esposito",
    "Russo",     "Da Costa",  "Lopes",  "Martins", "Ben Salah", "El Amrani", "Boukhari", "Ouali",
});

inline constexpr auto kWomenFirstNames = std::to_array<std::string_view>({
    "Marie",      "Jeanne",        "Monique",   "Françoise", "Jacqueline", "Simone",     "Denise",    "Yvette",
    "Germaine",   "Suzanne",       "Paulette",  "Odette",    "Ginette",    "Huguette",   "Colette",   "Éliane",
    "Thérèse",    "Marie-Thérèse", "Geneviève", "Josette",   "Christiane", "Micheline",  "Madeleine", "Andrée",
    "Renée",      "Lucienne",      "Gisèle",    "Raymonde",  "Marcelle",   "Hélène",     "Annie",     "Danielle",
    "Nicole",     "Michèle",       "Martine",   "Chantal",   "Brigitte",   "Sylvie",     "Évelyne",   "Bernadette",
    "Yvonne",     "Noëlle",        "Rolande",   "Fatima",    "Aïcha",      "Maria",      "Rosa",      "Marie-France",
    "Anne-Marie", "Marie-Claude",  "Jeannine",  "Arlette",   "Claudine",   "Mauricette", "Liliane",   "Solange",
    "Josiane",    "Mireille",      "Claire",    "Catherine", "Isabelle",   "Nathalie",   "Sandrine",  "Stéphanie",
    "Céline",     "Laëtitia",      "Aurélie",   "Émilie",    "Valérie",    "Véronique",  "Christine", "Dominique",
    "Pascale",    "Joëlle",        "Agnès",     "Béatrice",  "Marguerite", "Lucie",      "Léonie",    "Zoé",
    "Chloé",      "Manon",         "Camille",   "Fatoumata", "Khadija",    "Malika",     "Thi Lan",   "Ana",
    "Lætitia",    "Maëlle",        "Gaëlle",    "Noémie",    "Inès",       "Héloïse",    "Clémence",
});

inline constexpr auto kMenFirstNames = std::to_array<std::string_view>({
    "Jean",          "Pierre",      "Michel",      "André",      "Jacques",    "René",     "Bernard",   "Claude",
    "Roger",         "Robert",      "Marcel",      "Louis",      "Henri",      "Georges",  "Gérard",    "Daniel",
    "Alain",         "Jean-Pierre", "Jean-Claude", "Jean-Marie", "Jean-Louis", "Guy",      "Maurice",   "Raymond",
    "Lucien",        "Roland",      "Gilbert",     "Paul",       "Joseph",     "Yves",     "Christian", "Serge",
    "Francis",       "Gaston",      "Émile",       "Fernand",    "Albert",     "Léon",     "Rémi",      "Hervé",
    "Jérôme",        "Noël",        "Mohamed",     "Ahmed",      "Manuel",     "Antonio",  "José",      "François",
    "Jean-François", "Jean-Paul",   "Philippe",    "Patrick",    "Dominique",  "Pascal",   "Didier",    "Gilles",
    "Thierry",       "Éric",        "Joël",        "Marc",       "Raphaël",    "Frédéric", "Stéphane",  "Christophe",
    "Nicolas",       "Sébastien",   "Julien",      "Thomas",     "Kévin",      "Mickaël",  "Anthony",   "Jérémy",
    "Loïc",          "Gaël",        "Benoît",      "Hugues",     "Lucas",      "Mathéo",   "Noé",       "Abdelkader",
    "Mamadou",       "Moussa",      "Karim",       "Rachid",     "Văn Minh",   "João",     "Mehmet",    "Ali",
    "Youssef",       "Clément",     "Étienne",     "Grégoire",   "Aurélien",   "Cédric",   "Ludovic",   "Maxime",
});

inline constexpr auto kStreetTypes = std::to_array<std::string_view>({
    "rue",
    "rue",
    "rue",
    "avenue",
    "boulevard",
    "place",
    "impasse",
    "chemin",
    "allée",
    "route",
    "résidence",
    "rue",
});

inline constexpr auto kStreetNames = std::to_array<std::string_view>({
    "Victor Hugo",   "Jean Jaurès",     "de la République",   "Pasteur",          "du Général de Gaulle",
    "des Lilas",     "des Écoles",      "de l'Église",        "du Moulin",        "Gambetta",
    "Jules Ferry",   "Émile Zola",      "Voltaire",           "de la Gare",       "des Tilleuls",
    "du 8 Mai 1945", "Saint-Martin",    "Anatole France",     "Louis Pasteur",    "des Acacias",
    "du Stade",      "de la Paix",      "Marcel Pagnol",      "Georges Brassens", "des Peupliers",
    "de la Liberté", "du Château",      "Jean Moulin",        "des Jardins",      "de la Mairie",
    "Pierre Curie",  "Marie Curie",     "des Rosiers",        "de Verdun",        "du Maréchal Foch",
    "Carnot",        "Aristide Briand", "des Fleurs",         "du Puits",         "des Champs",
    "de Picardie",   "Saint-Exupéry",   "Louise Michel",      "Paul Éluard",      "Jean de La Fontaine",
    "des Prés",      "du Bois",         "de la Fontaine",     "des Vignes",       "Clemenceau",
    "Lamartine",     "Jacques Brel",    "Gustave Eiffel",     "des Bleuets",      "du Faubourg",
    "Sadi Carnot",   "des Marronniers", "du Général Leclerc", "Robespierre",      "de Normandie",
});

struct Town {
  std::string_view name;
  std::string_view postcode;
};

// Synthetic towns with plausible postcodes of one department.
inline constexpr auto kTowns = std::to_array<Town>({
    {"Amiens", "80000"},
    {"Amiens", "80080"},
    {"Amiens", "80090"},
    {"Abbeville", "80100"},
    {"Albert", "80300"},
    {"Péronne", "80200"},
    {"Doullens", "80600"},
    {"Montdidier", "80500"},
    {"Ham", "80400"},
    {"Corbie", "80800"},
    {"Roye", "80700"},
    {"Saint-Valery-sur-Somme", "80230"},
    {"Longueau", "80330"},
    {"Rivery", "80136"},
    {"Camon", "80450"},
    {"Salouël", "80480"},
});

}  // namespace lien::registry::synthetic_names
