import type { DemoAuthor, DemoCategory } from "./types.js";

export const categories: DemoCategory[] = [
  {
    slug: "monde",
    name: "Monde",
    description:
      "Ce qui se passe au-delà du plateau et ce que cela change pour celles et ceux qui y vivent.",
  },
  {
    slug: "politique",
    name: "Politique",
    description:
      "Conseils municipaux, intercommunalité, élections et décisions publiques suivis au plus près des communes.",
  },
  {
    slug: "economie",
    name: "Économie",
    description:
      "Entreprises, commerces, exploitations agricoles et emploi : la vie économique du plateau racontée par ceux qui la font.",
  },
  {
    slug: "culture",
    name: "Culture",
    description:
      "Festivals, patrimoine, livres, concerts et initiatives des associations qui animent nos villages toute l’année.",
  },
  {
    slug: "sciences",
    name: "Sciences & environnement",
    description:
      "Eau, forêts, climat, faune et santé : les enquêtes et les découvertes qui concernent notre territoire.",
  },
  {
    slug: "sport",
    name: "Sport",
    description:
      "Des terrains de football aux sentiers de trail, les résultats, les clubs et les bénévoles du sport local.",
  },
];

export const authors: DemoAuthor[] = [
  {
    slug: "claire-dumas",
    name: "Claire Dumas",
    email: "claire.dumas@example.org",
    bio: "Rédactrice en chef de L’Écho du Plateau, Claire Dumas a couvert pendant quinze ans la vie politique locale avant de prendre la tête de la rédaction. Elle signe aussi les grands entretiens du journal.",
    role: "editor",
  },
  {
    slug: "julien-morel",
    name: "Julien Morel",
    email: "julien.morel@example.org",
    bio: "Journaliste à L’Écho du Plateau depuis 2019, Julien Morel suit l’environnement, l’agriculture et les sports de pleine nature. Il connaît chaque sentier entre Combe-Haute et le lac des Essarts.",
    role: "author",
  },
  {
    slug: "amina-benali",
    name: "Amina Benali",
    email: "amina.benali@example.org",
    bio: "Amina Benali couvre la culture, l’éducation et le sport amateur pour L’Écho du Plateau. Avant de rejoindre la rédaction, elle a animé pendant cinq ans une radio associative de la vallée de la Lise.",
    role: "author",
  },
];
