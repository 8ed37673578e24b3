/**
 * Demo articles, first half: Monde, Politique, Économie. Original French text written for
 * Kiosque; every place, person and event below is fictional.
 */
import type { DemoArticle } from "./types.js";

export const articlesA: DemoArticle[] = [
  // ─────────────────────────────── Monde ───────────────────────────────
  {
    slug: "routes-maritimes-fromages-plateau-retard-japon",
    category: "monde",
    author: "julien-morel",
    title: "Routes maritimes détournées : les fromages du Plateau arrivent en retard au Japon",
    standfirst:
      "Depuis que de nombreux porte-conteneurs évitent la mer Rouge, les expéditions de la coopérative de Combe-Haute vers l’Asie prennent jusqu’à deux semaines de plus. Les exportateurs locaux s’adaptent, non sans frais.",
    body: `<p>Sur le quai de chargement de la coopérative fromagère de Combe-Haute, les palettes destinées à l’exportation portent désormais une étiquette supplémentaire : la date limite à laquelle elles doivent quitter le Plateau pour arriver à temps. « Avant, on comptait cinq semaines entre notre cave et un entrepôt de Yokohama. Aujourd’hui, on en prévoit sept, et on croise les doigts », résume Sandrine Coulon, responsable commerciale de la coopérative.</p>
<p>En cause, le détour imposé à une partie du trafic maritime entre l’Europe et l’Asie. Pour des raisons de sécurité, de nombreux armateurs contournent désormais l’Afrique par le cap de Bonne-Espérance plutôt que d’emprunter le canal de Suez. Le trajet s’allonge de plusieurs milliers de kilomètres, et les tarifs du fret ont suivi.</p>
<h2>Un marché petit mais précieux</h2>
<p>Le Japon ne représente qu’environ 6 % des ventes de la coopérative, mais c’est un débouché à forte valeur : les meules affinées dix-huit mois s’y vendent près de deux fois plus cher qu’en France. « Nos clients japonais sont très fidèles, mais aussi très exigeants sur la régularité des livraisons. Un retard, ça peut faire perdre une place en rayon pour une saison entière », explique Sandrine Coulon.</p>
<p>Pour limiter les risques, la coopérative a pris plusieurs mesures :</p>
<ul><li>des expéditions plus fréquentes mais plus petites, pour ne pas tout perdre en cas de retard ;</li><li>un stock tampon constitué chez l’importateur, à Osaka ;</li><li>une réflexion sur le fret aérien pour les commandes urgentes, malgré son coût et son bilan carbone.</li></ul>
<p>Le fromage à pâte pressée cuite supporte bien le voyage, rappelle le maître affineur, Denis Vuillemin : « Une meule de dix-huit mois ne craint pas deux semaines de plus en conteneur réfrigéré. Ce qui coûte, ce n’est pas la qualité, c’est la trésorerie immobilisée. »</p>
<p>Les autres exportateurs du Plateau, notamment la distillerie artisanale de Valmorel-sur-Lise, font le même constat. La chambre de commerce organise le mois prochain une réunion d’information sur les assurances transport et les solutions de groupage entre petites entreprises.</p>
<p><em>Mise à jour : la coopérative précise que le stock tampon d’Osaka couvre environ trois semaines de ventes.</em></p>`,
    tags: ["Agriculture", "Transports", "Industrie"],
    publishedDaysAgo: 2,
    publishedHour: 8,
    updatedHoursAfter: 4,
    comments: [
      {
        name: "Fabien Carrel",
        email: "fabien.carrel@example.net",
        body: "Intéressant de voir que nos fromages vont jusqu’au Japon ! Est-ce que la coopérative envisage aussi des marchés plus proches, comme la Suisse ou la Belgique ?",
        status: "approved",
        minutesAfter: 95,
        replies: [
          {
            name: "Julien Morel",
            email: "julien.morel@example.org",
            body: "Bonjour, d’après la coopérative, la Belgique représente déjà une part importante des ventes à l’export. La Suisse est plus compliquée, à cause des règles douanières sur les produits laitiers.",
            status: "approved",
            minutesAfter: 240,
          },
        ],
      },
      {
        name: "Mireille Bonnet",
        email: "mireille.bonnet@example.com",
        body: "Du fret aérien pour du fromage, vraiment ? Il faudrait peut-être accepter de vendre un peu moins loin.",
        status: "approved",
        minutesAfter: 310,
        replies: [
          {
            name: "Bruno Faure",
            email: "bruno.faure@example.org",
            body: "Vendre moins loin, c’est bien joli, mais ce sont ces ventes-là qui permettent de payer correctement le lait aux producteurs. Mon frère livre à la coopérative, je sais de quoi je parle.",
            status: "approved",
            minutesAfter: 400,
          },
        ],
      },
      {
        name: "Samir Ouali",
        email: "samir.ouali@example.net",
        body: "Mon fils travaille dans la logistique portuaire, il dit que les délais commencent à se stabiliser. Espérons que ça dure.",
        status: "pending",
        minutesAfter: 600,
      },
    ],
  },
  {
    slug: "jumelage-saint-aubin-alvarinhos-da-serra-trente-ans",
    category: "monde",
    author: "claire-dumas",
    title: "Trente ans de jumelage entre Saint-Aubin-des-Crêts et Alvarinhos da Serra",
    standfirst:
      "Une délégation de quarante Portugais est attendue le week-end prochain pour célébrer un lien né de l’émigration des années 1960 et entretenu aujourd’hui par les collégiens.",
    body: `<p>Dans les années 1960, une vingtaine de familles venues d’Alvarinhos da Serra, un bourg du nord du Portugal, se sont installées à Saint-Aubin-des-Crêts pour travailler dans les scieries et sur le chantier du barrage de la Lise. Trente ans après la signature officielle du jumelage, leurs petits-enfants sont nombreux à faire vivre ce lien, des deux côtés des Pyrénées.</p>
<p>Le week-end prochain, une délégation de quarante personnes — élus, musiciens de la fanfare municipale et membres d’un club de marche — sera accueillie dans des familles saint-aubinoises. Au programme : une randonnée commune sur le sentier des Crêts, un repas partagé à la salle des fêtes et la plantation d’un châtaignier, arbre emblématique des deux communes.</p>
<h2>Les collégiens en première ligne</h2>
<p>Depuis cinq ans, le jumelage a trouvé un second souffle grâce au collège des Crêts. « Ce sont les échanges scolaires qui ont relancé la machine. Les anciens avaient l’impression que tout allait s’éteindre avec eux », raconte Maria Fernandes-Girod, présidente du comité de jumelage, elle-même arrivée enfant à Saint-Aubin.</p>
<p>Chaque printemps, une classe de quatrième part une semaine au Portugal, un séjour financé en partie par le programme européen Erasmus+. Les élèves portugais viennent à l’automne. Cette année, pour la première fois, deux anciens participants effectuent un stage professionnel dans la commune jumelle, l’un dans une menuiserie, l’autre dans une exploitation viticole.</p>
<blockquote>« À quatorze ans, on découvre qu’on partage beaucoup plus de choses qu’on ne l’imaginait avec des jeunes qui vivent à 1 500 kilomètres. » — Lucas, 15 ans, parti l’an dernier</blockquote>
<p>Le comité, qui compte une soixantaine d’adhérents, cherche toutefois de nouvelles familles d’accueil, notamment pour les visites d’automne. Les personnes intéressées peuvent se renseigner à la mairie ou lors de la soirée de clôture, samedi à partir de 19 heures, ouverte à tous.</p>`,
    tags: ["Europe", "Éducation"],
    publishedDaysAgo: 12,
    publishedHour: 11,
    comments: [
      {
        name: "Odile Mercier",
        email: "odile.mercier@example.org",
        body: "Nous avions accueilli deux jeunes il y a quelques années, un souvenir formidable. Nous sommes toujours en contact avec eux !",
        status: "approved",
        minutesAfter: 180,
      },
      {
        name: "Antoine Ravel",
        email: "antoine.ravel@example.com",
        website: "https://blog.example.org/histoire-du-plateau",
        body: "Petite précision : le barrage de la Lise a été achevé à la fin des années 1960, et certaines familles sont arrivées un peu plus tard, pour la construction de la route du col. Merci pour cet article qui rappelle une histoire trop peu connue.",
        status: "approved",
        minutesAfter: 420,
      },
      {
        name: "Jeanne Arnaud",
        email: "jeanne.arnaud@example.net",
        body: "Est-ce qu’il faut parler portugais pour être famille d’accueil ?",
        status: "approved",
        minutesAfter: 900,
        replies: [
          {
            name: "Claire Dumas",
            email: "claire.dumas@example.org",
            body: "Pas du tout, d’après le comité : la plupart des visiteurs parlent français ou anglais, et des bénévoles traduisent lors des activités communes.",
            status: "approved",
            minutesAfter: 1000,
          },
        ],
      },
    ],
  },
  {
    slug: "combe-haute-atlas-association-sources-partagees-forage",
    category: "monde",
    author: "amina-benali",
    title: "De Combe-Haute à l’Atlas marocain, vingt ans de solidarité autour de l’eau",
    standfirst:
      "L’association Sources partagées a financé un troisième forage dans un village de montagne avec lequel elle travaille depuis deux décennies. Ses bénévoles en reviennent avec un constat : là-bas aussi, la sécheresse s’aggrave.",
    body: `<p>Tout a commencé par une rencontre, au début des années 2000, entre un instituteur retraité de Combe-Haute et un berger venu faire la saison d’estive sur le Plateau. Vingt ans plus tard, l’association Sources partagées compte 120 adhérents et a contribué à trois forages, deux réservoirs et un réseau d’irrigation au goutte-à-goutte dans le village d’Aït Ouanfal, perché à 1 800 mètres d’altitude dans le Haut Atlas.</p>
<p>Cinq bénévoles sont rentrés la semaine dernière de l’inauguration du dernier forage, financé à hauteur de 38 000 euros par des dons, des lotos et une subvention de la Région. « Les femmes du village n’ont plus à descendre chercher l’eau à la rivière deux fois par jour. C’est concret, c’est visible », se réjouit Gilles Aubret, président de l’association.</p>
<h2>« Là-bas, la sécheresse est déjà là »</h2>
<p>Mais les bénévoles reviennent aussi inquiets. Les sources qui alimentaient le village depuis des générations tarissent désormais dès le mois de juin, et l’eau se trouve de plus en plus profond : le nouveau forage a dû descendre à 140 mètres, contre 60 pour le premier. « Ce qu’ils vivent, c’est peut-être ce qui nous attend dans trente ans. Ça change notre regard sur nos propres restrictions d’eau l’été », confie Anne-Laure Pichon, hydrogéologue de formation et membre du bureau.</p>
<p>L’association a d’ailleurs fait évoluer ses priorités. Plutôt que de multiplier les forages, elle finance désormais :</p>
<ul><li>la réparation des terrasses et des canaux d’irrigation traditionnels ;</li><li>des citernes de récupération des eaux de pluie pour l’école et le dispensaire ;</li><li>la formation de deux jeunes du village à l’entretien des pompes solaires.</li></ul>
<p>Les échanges vont aussi dans l’autre sens : au printemps, deux agriculteurs d’Aït Ouanfal viendront présenter leurs techniques d’irrigation économe lors de la foire agricole de Saint-Aubin-des-Crêts. L’association tiendra son assemblée générale le mois prochain à la salle polyvalente de Combe-Haute ; elle est ouverte aux non-adhérents.</p>`,
    tags: ["Eau", "Climat", "Solidarité"],
    publishedDaysAgo: 27,
    publishedHour: 14,
    comments: [
      {
        name: "Lucie Perrin",
        email: "lucie.perrin@example.com",
        body: "Bravo à toute l’équipe ! J’ai participé au loto de novembre, contente de voir concrètement à quoi ont servi les fonds.",
        status: "approved",
        minutesAfter: 130,
      },
      {
        name: "Damien Cros",
        email: "damien.cros@example.net",
        body: "Belle initiative, mais je me demande si creuser toujours plus profond est une solution durable. Content de lire que l’association s’oriente vers la récupération de l’eau de pluie.",
        status: "approved",
        minutesAfter: 300,
        replies: [
          {
            name: "Anne-Laure Pichon",
            email: "annelaure.pichon@example.org",
            body: "Vous avez tout à fait raison, c’est exactement la réflexion que nous avons eue au bureau. Le forage reste un dernier recours ; la priorité, c’est de garder l’eau là où elle tombe.",
            status: "approved",
            minutesAfter: 520,
          },
        ],
      },
      {
        name: "Brigitte Sauvage",
        email: "brigitte.sauvage@example.org",
        body: "Où peut-on faire un don ? Je ne trouve pas le site de l’association.",
        status: "pending",
        minutesAfter: 1440,
      },
    ],
  },
  {
    slug: "glaciologue-saint-aubin-retour-groenland",
    category: "monde",
    author: "claire-dumas",
    title: "Revenue du Groenland, une glaciologue du Plateau raconte la fonte vue de près",
    standfirst:
      "Originaire de Saint-Aubin-des-Crêts, Mathilde Reynaud a passé deux mois sur la calotte glaciaire. Elle donnera une conférence au lycée de Valmorel-sur-Lise la semaine prochaine.",
    body: `<p>Enfant, Mathilde Reynaud mesurait chaque hiver l’épaisseur de la neige dans le jardin de ses grands-parents, à Saint-Aubin-des-Crêts, avec une règle graduée et un petit cahier. À 34 ans, la glaciologue, chercheuse dans un laboratoire universitaire des Alpes, rentre de sa quatrième mission au Groenland, où elle a passé huit semaines sous la tente, au milieu de l’inlandsis.</p>
<p>L’objectif de l’expédition, qui réunissait une douzaine de scientifiques de cinq pays : forer la glace pour en extraire des carottes et installer des capteurs mesurant la vitesse d’écoulement d’un glacier vers la mer. « La glace, c’est une archive. Chaque couche raconte l’atmosphère d’une année, parfois il y a des dizaines de milliers d’années », explique-t-elle.</p>
<h2>De la pluie là où il ne devrait que neiger</h2>
<p>Ce qui l’a le plus frappée cette fois ? Les épisodes de pluie, en plein été, sur des zones de haute altitude où il ne devrait que neiger. « L’eau s’infiltre, regèle, change la structure du manteau. Quand j’ai commencé ce métier, c’était un phénomène exceptionnel. Aujourd’hui, on le documente presque chaque saison. »</p>
<p>La chercheuse refuse pourtant le catastrophisme. « Mon travail, c’est de produire des mesures fiables. Ce qu’on en fait, c’est une question collective. » Elle fait volontiers le lien avec sa région d’origine : le petit glacier du Mont-Rivel, visible par temps clair depuis les crêtes du Plateau, a perdu près de la moitié de sa surface en quarante ans, selon les relevés qu’elle a compilés pour une association locale.</p>
<blockquote>« Les enfants me demandent toujours si j’ai vu des ours polaires. La réponse est non. En revanche, j’ai vu des ruisseaux de fonte là où il n’y en avait pas il y a dix ans. »</blockquote>
<p>Mathilde Reynaud présentera ses travaux jeudi à 17 h 30 au lycée de la Lise, à Valmorel-sur-Lise, lors d’une conférence ouverte au public et suivie d’un échange avec les élèves de terminale. L’entrée est libre, dans la limite des places disponibles.</p>
<p><em>Mise à jour : l’horaire de la conférence, initialement annoncé à 18 heures, a été avancé à 17 h 30 à la demande du lycée.</em></p>`,
    tags: ["Climat", "Eau", "Éducation"],
    publishedDaysAgo: 35,
    publishedHour: 18,
    updatedHoursAfter: 20,
    comments: [
      {
        name: "Rémi Teyssier",
        email: "remi.teyssier@example.com",
        body: "J’ai eu Mathilde comme camarade à l’école primaire de Saint-Aubin, je me souviens de son cahier de neige ! Fier de voir ce qu’elle est devenue.",
        status: "approved",
        minutesAfter: 60,
      },
      {
        name: "Hugo Lemaire",
        email: "hugo.lemaire@example.net",
        body: "Est-ce que la conférence sera filmée ? Je ne pourrai pas être à Valmorel jeudi.",
        status: "approved",
        minutesAfter: 240,
        replies: [
          {
            name: "Claire Dumas",
            email: "claire.dumas@example.org",
            body: "Le lycée nous indique qu’un enregistrement sera mis en ligne sur le site de l’établissement quelques jours après.",
            status: "approved",
            minutesAfter: 400,
            replies: [
              {
                name: "Hugo Lemaire",
                email: "hugo.lemaire@example.net",
                body: "Merci beaucoup, je surveillerai.",
                status: "approved",
                minutesAfter: 460,
              },
            ],
          },
        ],
      },
      {
        name: "Patrick Vial",
        email: "patrick.vial@example.org",
        body: "Toujours les mêmes discours alarmistes. Il y a eu des périodes chaudes dans le passé aussi, le Groenland ne s’appelle pas « terre verte » pour rien.",
        status: "approved",
        minutesAfter: 700,
        replies: [
          {
            name: "Sophie Besson",
            email: "sophie.besson@example.com",
            body: "Justement, ce sont les carottes de glace dont parle l’article qui permettent de connaître ces périodes passées… et de voir que le rythme actuel n’a rien à voir. Allez à la conférence, vous pourrez poser la question directement !",
            status: "approved",
            minutesAfter: 820,
          },
        ],
      },
      {
        name: "Inès Moreau",
        email: "ines.moreau@example.net",
        body: "Le lycée accepte-t-il les collégiens ? Ma fille, en troisième, serait passionnée.",
        status: "pending",
        minutesAfter: 1300,
      },
    ],
  },
  {
    slug: "jeunes-plateau-vendanges-nouvelle-zelande",
    category: "monde",
    author: "amina-benali",
    title: "Vendanger en Nouvelle-Zélande : l’hiver à l’envers des jeunes du Plateau",
    standfirst:
      "Chaque année, quelques dizaines de jeunes de la région profitent du visa vacances-travail pour faire les récoltes de l’autre côté du globe. Trois d’entre eux racontent.",
    body: `<p>Quand l’hiver s’installe sur le Plateau, Baptiste Guérin, 24 ans, fait ses valises pour l’été austral. Ce fils d’éleveurs des Essarts-du-Lac en est à sa deuxième saison de vendanges au nord de l’île du Sud, en Nouvelle-Zélande. « Le matin, je pense aux copains qui déneigent la cour de la ferme pendant que je cueille en tee-shirt », sourit-il au téléphone.</p>
<p>Comme lui, plusieurs dizaines de jeunes du Plateau partent chaque année grâce au programme vacances-travail, qui permet aux 18-30 ans de travailler jusqu’à un an dans le pays. La mission locale de Valmorel-sur-Lise reçoit de plus en plus de demandes de renseignements : une trentaine l’an dernier, contre une poignée il y a cinq ans.</p>
<h2>Des compétences qui reviennent au pays</h2>
<p>Pour Chloé Marchand, 22 ans, partie après un BTS viticulture, l’expérience a été décisive. « Là-bas, les exploitations sont immenses et très mécanisées, mais ils testent beaucoup de choses sur l’irrigation et la gestion des sols. J’ai ramené des idées pour l’exploitation de mon oncle. » Elle a depuis repris des études en agroécologie.</p>
<p>Tout n’est pas idyllique pour autant. Les journées sont longues, les logements collectifs parfois spartiates, et le billet d’avion représente plusieurs semaines de salaire. « Il faut partir avec un peu d’économies et une vraie assurance santé. J’ai vu des jeunes rentrer plus tôt parce qu’ils n’avaient rien prévu », prévient Nicolas Ferrand, 27 ans, qui a enchaîné vendanges et cueillette de kiwis.</p>
<ul><li>Visa : réservé aux 18-30 ans, une seule fois dans sa vie ;</li><li>Budget conseillé au départ : environ 3 000 euros, billet compris ;</li><li>Périodes de récolte : de février à mai pour le raisin, de mars à juin pour les kiwis.</li></ul>
<p>Les trois jeunes se disent prêts à partager leur expérience : la mission locale organise le mois prochain une soirée d’information sur les séjours de travail à l’étranger, avec d’anciens participants.</p>`,
    tags: ["Emploi", "Agriculture"],
    publishedDaysAgo: 48,
    publishedHour: 9,
    comments: [
      {
        name: "Chantal Roussel",
        email: "chantal.roussel@example.org",
        body: "Mon neveu est parti l’an dernier, il en est revenu transformé. Par contre les parents, eux, comptaient les jours !",
        status: "approved",
        minutesAfter: 200,
      },
      {
        name: "Maxime Rey",
        email: "maxime.rey@example.com",
        body: "Est-ce que l’expérience est reconnue pour un diplôme agricole en France ? Ce serait bien que la mission locale précise ce point.",
        status: "pending",
        minutesAfter: 500,
      },
      {
        name: "Karim Haddad",
        email: "karim.haddad@example.net",
        body: "Dommage qu’il faille aller à l’autre bout du monde pour trouver des exploitations qui expérimentent. Il y en a aussi chez nous, il faudrait les faire connaître.",
        status: "approved",
        minutesAfter: 800,
        replies: [
          {
            name: "Amina Benali",
            email: "amina.benali@example.org",
            body: "C’est noté, c’est un sujet que nous aimerions traiter prochainement. N’hésitez pas à nous écrire si vous connaissez des exploitations concernées.",
            status: "approved",
            minutesAfter: 1000,
          },
        ],
      },
    ],
  },
  {
    slug: "accord-ue-mercosur-eleveurs-plateau-inquiets",
    category: "monde",
    author: "julien-morel",
    title: "Accord UE-Mercosur : les éleveurs du Plateau redoutent une concurrence déloyale",
    standfirst:
      "Alors que le traité de libre-échange entre l’Union européenne et plusieurs pays d’Amérique du Sud poursuit son chemin à Bruxelles, les producteurs de viande bovine de la région dénoncent des normes « à deux vitesses ».",
    body: `<p>Ils étaient une cinquantaine, jeudi soir, dans la salle communale de Combe-Haute, à l’invitation du syndicat agricole local. Au centre des discussions : l’accord commercial négocié depuis plus de vingt ans entre l’Union européenne et le Mercosur, le marché commun sud-américain qui réunit notamment le Brésil, l’Argentine, l’Uruguay et le Paraguay.</p>
<p>Le texte prévoit d’ouvrir davantage le marché européen à la viande bovine, à la volaille et au sucre sud-américains, en échange d’un meilleur accès pour les voitures, les machines et certains produits agricoles européens, comme les vins et les fromages. Pour les éleveurs du Plateau, qui produisent surtout des broutards et de la viande de race locale, le compte n’y est pas.</p>
<h2>La question des normes</h2>
<p>« On nous impose, à juste titre, des règles strictes sur le bien-être animal, les antibiotiques, la traçabilité. Et on ferait entrer de la viande produite sans ces contraintes ? C’est ça qu’on ne comprend pas », résume Olivier Sagnes, éleveur à Saint-Aubin-des-Crêts et président de la section locale. Plusieurs intervenants ont cité des pratiques d’élevage autorisées outre-Atlantique mais interdites en Europe.</p>
<p>Les défenseurs de l’accord font valoir que les contingents de viande concernés restent limités au regard de la consommation européenne, et que des clauses de sauvegarde sont prévues. Un argument qui ne convainc guère dans la salle. « Les volumes sont petits à l’échelle de l’Europe, mais ils ciblent les morceaux les plus rentables, ceux qui font notre marge », rétorque Aurélie Besse, qui élève 80 vaches à Valmorel-sur-Lise.</p>
<p>Tous ne partagent pas la même ligne. Les producteurs de lait de la coopérative de Combe-Haute voient d’un œil plus nuancé la protection des appellations d’origine que prévoit l’accord. Une divergence qui s’est exprimée à voix basse, en fin de réunion.</p>
<p>Le syndicat prévoit d’adresser une lettre aux parlementaires de la circonscription et n’exclut pas un rassemblement devant la préfecture dans les prochaines semaines.</p>
<p><em>Mise à jour : nous avons corrigé le nombre de participants à la réunion, initialement estimé à une centaine.</em></p>`,
    tags: ["Europe", "Agriculture"],
    publishedDaysAgo: 20,
    publishedHour: 7,
    updatedHoursAfter: 26,
    commentsClosed: true,
    comments: [
      {
        name: "Bruno Faure",
        email: "bruno.faure@example.org",
        body: "Enfin un article qui explique clairement les enjeux. On ne peut pas demander aux éleveurs d’ici de respecter des règles que les importations, elles, ne respectent pas.",
        status: "approved",
        minutesAfter: 90,
      },
      {
        name: "Élodie Martel",
        email: "elodie.martel@example.com",
        body: "Je comprends les éleveurs, mais le problème, c’est aussi que beaucoup de consommateurs achètent la viande la moins chère au supermarché. L’accord ne fait qu’accompagner une tendance.",
        status: "approved",
        minutesAfter: 210,
        replies: [
          {
            name: "Gérard Pommier",
            email: "gerard.pommier@example.net",
            body: "C’est vrai, mais c’est justement le rôle de la politique commerciale de ne pas encourager cette tendance. Sinon, à quoi servent nos normes ?",
            status: "approved",
            minutesAfter: 330,
            replies: [
              {
                name: "Élodie Martel",
                email: "elodie.martel@example.com",
                body: "Je suis d’accord sur le principe. Je dis seulement qu’il faudra aussi changer nos habitudes d’achat, sinon aucun accord ne sauvera les fermes.",
                status: "approved",
                minutesAfter: 410,
              },
            ],
          },
        ],
      },
      {
        name: "Yannick Perrot",
        email: "yannick.perrot@example.org",
        body: "Les éleveurs touchent des aides européennes depuis des décennies et se plaignent quand l’Europe négocie pour les autres secteurs. Il faut savoir ce qu’on veut.",
        status: "pending",
        minutesAfter: 600,
      },
      {
        name: "Thomas Girardet",
        email: "thomas.girardet@example.net",
        body: "Les vins et les fromages y gagnent, la viande y perd : c’est exactement le genre d’accord qui divise le monde agricole.\n\nMerci d’avoir mentionné la divergence avec la coopérative, on en parle trop peu.",
        status: "approved",
        minutesAfter: 900,
      },
    ],
  },
  {
    slug: "generaliste-valmorel-retour-camp-refugies-tchad",
    category: "monde",
    author: "claire-dumas",
    title: "Un généraliste de Valmorel de retour d’un camp de réfugiés au Tchad",
    standfirst:
      "Le docteur Étienne Lacombe a passé six semaines dans l’est du pays avec une ONG médicale, auprès de familles ayant fui la guerre au Soudan. Pendant son absence, ses confrères de la maison de santé ont assuré la relève.",
    body: `<p>Le docteur Étienne Lacombe a retrouvé lundi son cabinet de la maison de santé de Valmorel-sur-Lise, avec quelques kilos en moins et « beaucoup d’images en tête ». Le médecin généraliste de 58 ans revient de six semaines dans un camp de réfugiés de l’est du Tchad, où il a travaillé comme volontaire pour une organisation humanitaire médicale.</p>
<p>Le camp où il était affecté accueille plusieurs dizaines de milliers de personnes, en grande majorité des femmes et des enfants ayant fui les combats au Soudan voisin. « On voyait entre 120 et 150 patients par jour dans notre centre de santé. Malnutrition, paludisme, infections respiratoires, blessures mal soignées… et beaucoup de traumatismes psychologiques qu’on n’a pas les moyens de prendre en charge », raconte-t-il.</p>
<h2>« Le manque d’eau, premier problème de santé »</h2>
<p>Ce qui l’a le plus marqué, c’est la place de l’eau. « Chaque litre compte. Quand l’approvisionnement baisse, on voit revenir les diarrhées chez les enfants en quelques jours. Un camion-citerne en retard, c’est un problème médical. » Il salue le travail des équipes locales, infirmiers et sages-femmes tchadiens, « sans qui rien ne tiendrait ».</p>
<p>Ce départ n’allait pas de soi dans un territoire où l’accès aux soins est déjà difficile. Pour ne pas laisser ses 1 400 patients sans solution, le docteur Lacombe a préparé sa mission pendant un an avec ses collègues de la maison de santé, qui ont accepté d’absorber une partie de ses consultations, et avec une remplaçante venue pour trois semaines.</p>
<blockquote>« J’ai demandé à mes patients s’ils m’en voudraient. La plupart m’ont répondu : “Allez-y, docteur, et revenez nous raconter.” »</blockquote>
<p>C’est ce qu’il fera vendredi prochain, à la médiathèque de Valmorel, lors d’une rencontre organisée avec l’association Sources partagées de Combe-Haute. Il compte repartir, « mais pas avant deux ou trois ans », promet-il à ceux qui s’inquiétaient déjà.</p>`,
    tags: ["Santé", "Solidarité", "Eau"],
    publishedDaysAgo: 57,
    publishedHour: 16,
    comments: [
      {
        name: "Françoise Tissot",
        email: "francoise.tissot@example.com",
        body: "Le docteur Lacombe suit toute ma famille depuis vingt ans. Quel homme ! Nous étions fiers de le savoir là-bas.",
        status: "approved",
        minutesAfter: 45,
      },
      {
        name: "Jean-Michel Baud",
        email: "jm.baud@example.net",
        body: "Chapeau à lui, et aussi à ses collègues qui ont tenu la maison de santé pendant six semaines. On oublie souvent ceux qui restent.",
        status: "approved",
        minutesAfter: 180,
        replies: [
          {
            name: "Nathalie Vidal",
            email: "nathalie.vidal@example.org",
            body: "Tout à fait ! J’ai eu un rendez-vous avec la remplaçante, très bien d’ailleurs, et sans attente supplémentaire.",
            status: "approved",
            minutesAfter: 300,
          },
        ],
      },
      {
        name: "Patrick Vial",
        email: "patrick.vial@example.org",
        body: "Il y a assez de malades en France pour ne pas aller soigner ailleurs. Dans nos campagnes, on attend trois mois pour voir un spécialiste.",
        status: "pending",
        minutesAfter: 420,
      },
    ],
  },

  // ───────────────────────────── Politique ─────────────────────────────
  {
    slug: "municipales-saint-aubin-premiere-liste-declaree",
    category: "politique",
    author: "claire-dumas",
    title:
      "Municipales à Saint-Aubin-des-Crêts : une première liste se déclare, le maire sortant temporise",
    standfirst:
      "Conseillère municipale d’opposition, Valérie Chassagne a officialisé samedi sa candidature à la tête d’une liste citoyenne. Le maire, Bernard Fayolle, annoncera sa décision « dans les prochaines semaines ».",
    body: `<p>La campagne des municipales est lancée à Saint-Aubin-des-Crêts. Samedi matin, sous les halles du marché, Valérie Chassagne, 47 ans, conseillère municipale d’opposition depuis le dernier scrutin, a présenté la liste « Saint-Aubin en commun », qu’elle conduira lors de la prochaine élection. Une quarantaine de sympathisants étaient présents, ainsi que quelques curieux venus faire leurs courses.</p>
<p>Infirmière au centre hospitalier de Vérennes, ancienne présidente de l’association des parents d’élèves, la candidate se présente sans étiquette partisane. « Notre liste ne sera ni de droite ni de gauche, mais des habitants, de tous les hameaux », a-t-elle assuré, en précisant que la moitié des colistiers pressentis n’ont jamais exercé de mandat.</p>
<h2>Trois priorités affichées</h2>
<p>Sans détailler un programme encore en cours d’élaboration — des réunions publiques sont prévues dans chaque hameau —, la candidate a évoqué trois chantiers :</p>
<ul><li>la rénovation de l’école élémentaire, « reportée depuis trop longtemps » ;</li><li>le maintien d’une permanence médicale hebdomadaire dans le bourg ;</li><li>une meilleure desserte en transport à la demande pour les personnes âgées des hameaux.</li></ul>
<p>Élu depuis deux mandats, le maire sortant, Bernard Fayolle (divers droite), n’a pas encore dit s’il se représentait. « Je me consacre à la gestion de la commune. Chaque chose en son temps : je ferai connaître ma décision dans les prochaines semaines », a-t-il répondu lundi à nos questions. Selon plusieurs conseillers de la majorité, son premier adjoint, Thierry Manin, se tiendrait prêt si le maire passait la main.</p>
<p>Dans cette commune de 2 300 habitants, le dernier scrutin s’était joué à moins de 90 voix. Le dépôt officiel des listes n’interviendra que quelques semaines avant l’élection, mais les premières réunions publiques de « Saint-Aubin en commun » débutent dès la semaine prochaine, au hameau des Granges.</p>
<p><em>Mise à jour : le maire sortant a répondu à nos sollicitations ; ses propos ont été ajoutés à l’article.</em></p>`,
    tags: ["Élections municipales", "Éducation", "Transports"],
    publishedDaysAgo: 1,
    publishedHour: 19,
    updatedHoursAfter: 14,
    comments: [
      {
        name: "Gérard Pommier",
        email: "gerard.pommier@example.net",
        body: "Une liste « ni de droite ni de gauche », on connaît la chanson. Qu’on nous montre d’abord un programme chiffré.",
        status: "approved",
        minutesAfter: 120,
        replies: [
          {
            name: "Léa Fontaine",
            email: "lea.fontaine@example.org",
            website: "https://blog.example.org/lea-fontaine",
            body: "Justement, le programme sera construit lors des réunions de hameau, c’est tout l’intérêt. Venez à celle des Granges, vous pourrez poser vos questions !",
            status: "approved",
            minutesAfter: 200,
            replies: [
              {
                name: "Gérard Pommier",
                email: "gerard.pommier@example.net",
                body: "J’y viendrai, et je poserai la question du financement de l’école. On verra bien.",
                status: "approved",
                minutesAfter: 260,
              },
            ],
          },
        ],
      },
      {
        name: "Sylvie Chabert",
        email: "sylvie.chabert@example.com",
        body: "Le transport à la demande pour les hameaux, c’est vraiment un sujet. Ma mère, aux Granges, ne peut plus conduire et dépend entièrement des voisins.",
        status: "approved",
        minutesAfter: 300,
      },
      {
        name: "Marc Delorme",
        email: "marc.delorme@example.net",
        body: "Bernard Fayolle a beaucoup fait pour la commune, notamment la rénovation de la salle des fêtes et la voirie des hameaux. J’espère qu’il se représentera.",
        status: "approved",
        minutesAfter: 420,
        replies: [
          {
            name: "Inès Moreau",
            email: "ines.moreau@example.net",
            body: "La salle des fêtes, oui, mais l’école attend toujours. Chacun ses priorités.",
            status: "approved",
            minutesAfter: 500,
            replies: [
              {
                name: "Marc Delorme",
                email: "marc.delorme@example.net",
                body: "L’école figure dans le plan pluriannuel d’investissement. Il faut aussi attendre les subventions, ce n’est pas si simple.",
                status: "approved",
                minutesAfter: 560,
              },
            ],
          },
        ],
      },
      {
        name: "Yannick Perrot",
        email: "yannick.perrot@example.org",
        body: "Pourquoi l’article ne précise-t-il pas que la candidate est proche d’un parti ? On l’a vue à plusieurs réunions politiques.",
        status: "pending",
        minutesAfter: 700,
      },
      {
        name: "Agnès Louvet",
        email: "agnes.louvet@example.com",
        body: "Savez-vous si d’autres listes sont attendues ? On parlait d’une liste portée par des agriculteurs.",
        status: "approved",
        minutesAfter: 900,
        replies: [
          {
            name: "Claire Dumas",
            email: "claire.dumas@example.org",
            body: "Nous n’avons pas de confirmation à ce stade. Nous suivrons évidemment les déclarations de candidature au fil des semaines.",
            status: "approved",
            minutesAfter: 1100,
          },
        ],
      },
    ],
  },
  {
    slug: "budget-intercommunal-plateau-bus-sauve-piscine-reportee",
    category: "politique",
    author: "julien-morel",
    title: "Budget intercommunal : le transport à la demande sauvé, la piscine reportée",
    standfirst:
      "Le conseil communautaire du Plateau a adopté mardi soir un budget de 18,6 millions d’euros, marqué par des arbitrages serrés. La rénovation de la piscine de Valmorel attendra au moins deux ans.",
    body: `<p>Il aura fallu plus de trois heures de débats, mardi soir dans la salle du conseil de Valmorel-sur-Lise, pour que la communauté de communes du Plateau adopte son budget primitif. Le document, de 18,6 millions d’euros, a été voté par 31 voix pour, 9 contre et 4 abstentions, au terme d’une séance parfois tendue.</p>
<p>Le président de l’intercommunalité, Alain Roux-Delmas, l’avait annoncé en commission : la baisse de certaines dotations de l’État et la hausse des coûts de l’énergie obligeaient à « faire des choix ». Le principal : le report de la rénovation de la piscine intercommunale de Valmorel, estimée à 5,4 millions d’euros. Le bassin, construit dans les années 1970, restera ouvert en l’état, avec des travaux d’urgence sur la chaufferie.</p>
<h2>Le Plateau’Bus pérennisé</h2>
<p>À l’inverse, le service de transport à la demande Plateau’Bus, dont l’avenir était incertain à la fin de sa période d’expérimentation, est pérennisé. Il a transporté 11 200 passagers l’an dernier, en majorité des personnes âgées et des lycéens. « Supprimer ce service, c’était condamner des centaines d’habitants à l’isolement », a plaidé la vice-présidente chargée des mobilités, Sophie Lambert, maire des Essarts-du-Lac.</p>
<p>Les principaux postes du budget :</p>
<ul><li>collecte et traitement des déchets : 5,1 millions d’euros ;</li><li>petite enfance et accueil de loisirs : 3,2 millions ;</li><li>voirie intercommunale : 2,3 millions ;</li><li>transports et mobilités : 1,4 million.</li></ul>
<p>L’opposition, emmenée par le maire de Combe-Haute, a dénoncé un budget « sans ambition » et regretté l’absence de plan pluriannuel pour la piscine. « Chaque année de report, c’est une facture énergétique qui s’envole et des clubs qui perdent des créneaux », a pointé Raymond Peyrat. Les taux d’imposition intercommunaux restent inchangés.</p>
<p>Une étude sur un éventuel bassin couvert plus petit et moins énergivore doit être présentée au conseil avant l’été.</p>`,
    tags: ["Budget", "Transports", "Énergie"],
    publishedDaysAgo: 6,
    publishedHour: 21,
    comments: [
      {
        name: "Chantal Roussel",
        email: "chantal.roussel@example.org",
        body: "Le Plateau’Bus est une bouée de sauvetage pour mon père. Merci aux élus qui se sont battus pour le garder.",
        status: "approved",
        minutesAfter: 300,
      },
      {
        name: "Hugo Lemaire",
        email: "hugo.lemaire@example.net",
        body: "La piscine est dans un état lamentable, les vestiaires font peine à voir. Deux ans de plus, c’est long pour les clubs et les scolaires.",
        status: "approved",
        minutesAfter: 540,
        replies: [
          {
            name: "Fabien Carrel",
            email: "fabien.carrel@example.net",
            body: "Mes enfants y ont leurs cours de natation avec l’école. Si le bassin ferme en urgence, il faudra aller jusqu’à Vérennes, à 45 minutes de car.",
            status: "approved",
            minutesAfter: 700,
          },
        ],
      },
      {
        name: "Maxime Rey",
        email: "maxime.rey@example.com",
        body: "Est-ce que le compte rendu complet du conseil est disponible quelque part ?",
        status: "approved",
        minutesAfter: 800,
        replies: [
          {
            name: "Julien Morel",
            email: "julien.morel@example.org",
            body: "Le procès-verbal doit être publié sur le site de la communauté de communes sous un mois. La séance a par ailleurs été retransmise en direct et reste visible en différé.",
            status: "approved",
            minutesAfter: 900,
          },
        ],
      },
      {
        name: "Samir Ouali",
        email: "samir.ouali@example.net",
        body: "Et la collecte des déchets qui ne passe qu’une semaine sur deux l’été… 5 millions pour ça ?",
        status: "pending",
        minutesAfter: 1200,
      },
    ],
  },
  {
    slug: "combe-haute-le-crozet-bas-fusion-commune-nouvelle",
    category: "politique",
    author: "amina-benali",
    title: "Combe-Haute et Le Crozet-Bas votent leur fusion en commune nouvelle",
    standfirst:
      "Les deux conseils municipaux ont approuvé à une large majorité la création d’une commune nouvelle au 1er janvier prochain. Le nom retenu, Combe-et-Crozet, ne fait pas l’unanimité.",
    body: `<p>C’est une page de l’histoire locale qui se tourne. Réunis en séances simultanées lundi soir, les conseils municipaux de Combe-Haute (1 150 habitants) et du Crozet-Bas (340 habitants) ont voté la création d’une commune nouvelle, qui verra le jour au 1er janvier prochain. Le vote a été acquis par 13 voix contre 2 à Combe-Haute, et par 9 voix contre 2 au Crozet-Bas.</p>
<p>Les deux villages, distants de quatre kilomètres, partagent déjà l’école, la salle des fêtes et le club de football. « Nous faisons officiellement ce que les habitants vivent depuis longtemps », a résumé Raymond Peyrat, maire de Combe-Haute, qui devrait présider la commune nouvelle jusqu’aux prochaines élections municipales.</p>
<h2>Ce qui change, ce qui ne change pas</h2>
<p>Chaque village deviendra une « commune déléguée », avec un maire délégué et une mairie annexe maintenue au Crozet-Bas, ouverte deux matinées par semaine. Les élus mettent en avant plusieurs avantages :</p>
<ul><li>des dotations de l’État garanties, voire bonifiées, pendant trois ans, soit environ 60 000 euros de plus par an ;</li><li>la mutualisation du personnel technique et du matériel de déneigement ;</li><li>un poids plus important au sein de la communauté de communes.</li></ul>
<p>Les opposants, eux, regrettent l’absence de consultation de la population. « On aurait dû organiser un référendum local. On nous a présenté un projet déjà ficelé », déplore Josiane Barthe, l’une des deux élues du Crozet-Bas à avoir voté contre. Une pétition en ce sens avait recueilli 87 signatures au printemps.</p>
<p>Le choix du nom a lui aussi suscité des débats. Parmi les trois propositions soumises aux habitants lors d’une consultation en ligne, « Combe-et-Crozet » l’a emporté de justesse devant « Val-du-Crozet ». Certains habitants du Crozet-Bas estiment que leur village, le plus petit, est relégué au second plan.</p>
<p>Le préfet doit encore prendre l’arrêté de création. Le premier conseil municipal de la commune nouvelle réunira l’ensemble des élus actuels des deux villages, soit 26 conseillers, jusqu’au prochain renouvellement général.</p>`,
    tags: ["Élections municipales", "Services publics", "Budget"],
    publishedDaysAgo: 16,
    publishedHour: 22,
    commentsClosed: true,
    comments: [
      {
        name: "Jean-Michel Baud",
        email: "jm.baud@example.net",
        body: "Au Crozet, on a l’impression d’être absorbés. On nous promet que la mairie restera ouverte, mais pour combien de temps ?",
        status: "approved",
        minutesAfter: 60,
        replies: [
          {
            name: "Agnès Louvet",
            email: "agnes.louvet@example.com",
            body: "Je comprends l’inquiétude, mais sans cette fusion, la mairie du Crozet aurait sans doute fermé de toute façon, faute de secrétaire. Là, au moins, il y a un engagement écrit.",
            status: "approved",
            minutesAfter: 150,
            replies: [
              {
                name: "Jean-Michel Baud",
                email: "jm.baud@example.net",
                body: "Un engagement écrit par des élus qui ne seront peut-être plus là dans six ans. On verra.",
                status: "approved",
                minutesAfter: 230,
              },
            ],
          },
        ],
      },
      {
        name: "Lucie Perrin",
        email: "lucie.perrin@example.com",
        body: "« Val-du-Crozet » était bien plus joli, franchement. Dommage.",
        status: "approved",
        minutesAfter: 400,
      },
      {
        name: "Thomas Girardet",
        email: "thomas.girardet@example.net",
        body: "Pour le déneigement, c’est une vraie bonne nouvelle. L’hiver dernier, la route entre les deux villages a été dégagée bien après les autres.",
        status: "approved",
        minutesAfter: 520,
      },
      {
        name: "Patrick Vial",
        email: "patrick.vial@example.org",
        body: "Encore une décision prise sans demander l’avis des gens. Ensuite, on s’étonne que plus personne ne vote.",
        status: "pending",
        minutesAfter: 680,
      },
      {
        name: "Odile Mercier",
        email: "odile.mercier@example.org",
        body: "Est-ce que nos adresses postales vont changer ?",
        status: "approved",
        minutesAfter: 800,
        replies: [
          {
            name: "Amina Benali",
            email: "amina.benali@example.org",
            body: "Selon la mairie, le nom des communes déléguées pourra continuer à figurer dans les adresses. Un courrier d’information sera envoyé à tous les foyers avant la fin de l’année.",
            status: "approved",
            minutesAfter: 950,
          },
        ],
      },
    ],
  },
  {
    slug: "vaux-les-genets-mobilisation-fermeture-classe",
    category: "politique",
    author: "julien-morel",
    title: "À Vaux-les-Genêts, parents et élus mobilisés contre la fermeture d’une classe",
    standfirst:
      "L’Éducation nationale envisage de supprimer l’une des trois classes de l’école du village à la rentrée prochaine. Une chaîne humaine est prévue samedi devant l’établissement.",
    body: `<p>Sur les grilles de l’école des Genêts, les dessins d’enfants côtoient désormais les banderoles : « Trois classes, pas deux ! » L’annonce est tombée la semaine dernière lors d’une instance départementale de l’Éducation nationale : l’école de Vaux-les-Genêts, qui accueille 58 élèves de la petite section au CM2, pourrait perdre une classe à la rentrée prochaine.</p>
<p>En cause, des prévisions d’effectifs en baisse : l’administration table sur 51 élèves l’an prochain, sous le seuil retenu pour maintenir trois classes en milieu rural. Les parents contestent ces chiffres. « Trois familles se sont installées cet été dans le nouveau lotissement, et deux autres arrivent au printemps. Les prévisions n’en tiennent pas compte », assure Émilie Garnier, représentante des parents d’élèves.</p>
<h2>Des classes à quatre ou cinq niveaux</h2>
<p>Avec deux classes seulement, l’école devrait regrouper quatre ou cinq niveaux dans chacune d’elles. « Enseigner en même temps à des enfants de trois et de sept ans, c’est possible, mais ce n’est pas dans l’intérêt des plus petits », estime une enseignante, qui préfère rester anonyme.</p>
<p>Fait assez rare pour être souligné, la mobilisation dépasse les clivages locaux. Le maire, Henri Vasseur, et les élus d’opposition ont signé ensemble une motion adoptée à l’unanimité par le conseil municipal. La commune rappelle qu’elle a investi l’an dernier 180 000 euros dans la rénovation thermique des locaux et l’équipement numérique des classes.</p>
<blockquote>« Quand une école perd une classe, c’est souvent le début de la fin. Et un village sans école, les jeunes familles ne s’y installent plus. » — Henri Vasseur, maire de Vaux-les-Genêts</blockquote>
<p>Une chaîne humaine est organisée samedi à 10 h 30 devant l’école, et une délégation doit être reçue par la direction académique en fin de mois. La décision définitive sera connue au printemps, lors de l’arrêt de la carte scolaire.</p>
<p><em>Mise à jour : le rendez-vous de la délégation avec la direction académique a été confirmé par les services de l’Éducation nationale.</em></p>`,
    tags: ["Éducation", "Services publics"],
    publishedDaysAgo: 3,
    publishedHour: 12,
    updatedHoursAfter: 8,
    comments: [
      {
        name: "Pauline Gauthier",
        email: "pauline.gauthier@example.org",
        body: "Nous serons à la chaîne humaine samedi avec nos deux enfants. Merci d’en parler !",
        status: "approved",
        minutesAfter: 50,
      },
      {
        name: "Marc Delorme",
        email: "marc.delorme@example.net",
        body: "Je comprends la colère des parents, mais on ne peut pas maintenir des classes à 17 élèves quand, en ville, il y en a 28. Il faut aussi penser à l’équité.",
        status: "approved",
        minutesAfter: 200,
        replies: [
          {
            name: "Émilie Garnier",
            email: "emilie.garnier@example.com",
            body: "En ville, les enfants n’ont pas 40 minutes de car si leur école ferme. L’équité, ça dépend d’où on regarde.",
            status: "approved",
            minutesAfter: 260,
            replies: [
              {
                name: "Marc Delorme",
                email: "marc.delorme@example.net",
                body: "C’est un argument que j’entends. Je dis juste que le problème de fond, c’est le manque d’enseignants partout.",
                status: "approved",
                minutesAfter: 330,
              },
            ],
          },
          {
            name: "Sophie Besson",
            email: "sophie.besson@example.com",
            body: "Et une classe à cinq niveaux avec 17 élèves, ce n’est pas la même charge qu’un CP à 28. Les comparaisons brutes ne veulent pas dire grand-chose.",
            status: "approved",
            minutesAfter: 410,
          },
        ],
      },
      {
        name: "Rémi Teyssier",
        email: "remi.teyssier@example.com",
        website: "https://www.example.com/remi-teyssier",
        body: "Ancien élève de l’école des Genêts (il y a longtemps !). À l’époque, il y avait quatre classes. Courage aux parents.",
        status: "approved",
        minutesAfter: 600,
      },
      {
        name: "Nathalie Vidal",
        email: "nathalie.vidal@example.org",
        body: "Les nouvelles familles du lotissement peuvent-elles se signaler quelque part pour que leurs enfants soient comptés ?",
        status: "approved",
        minutesAfter: 750,
        replies: [
          {
            name: "Julien Morel",
            email: "julien.morel@example.org",
            body: "Selon la mairie, il suffit de faire une pré-inscription en mairie, même pour une arrivée au printemps. Ces pré-inscriptions seront jointes au dossier de la commune.",
            status: "approved",
            minutesAfter: 820,
            replies: [
              {
                name: "Nathalie Vidal",
                email: "nathalie.vidal@example.org",
                body: "Merci, je transmets à mes futurs voisins qui arrivent en avril.",
                status: "approved",
                minutesAfter: 900,
              },
            ],
          },
        ],
      },
      {
        name: "Damien Cros",
        email: "damien.cros@example.net",
        body: "Une chaîne humaine, c’est sympathique, mais c’est au moment du vote du budget de l’Éducation nationale qu’il faudrait se mobiliser.",
        status: "pending",
        minutesAfter: 1100,
      },
    ],
  },
  {
    slug: "deserts-medicaux-reunion-publique-valmorel-deputee",
    category: "politique",
    author: "amina-benali",
    title: "Déserts médicaux : salle comble à Valmorel pour interpeller la députée",
    standfirst:
      "Près de 250 personnes ont participé vendredi à une réunion publique sur l’accès aux soins. Les habitants ont décrit des mois d’attente et des urgences saturées ; la parlementaire a promis de porter leurs témoignages à l’Assemblée.",
    body: `<p>Les organisateurs avaient prévu 120 chaises. Il a fallu en ajouter autant, vendredi soir, dans la salle des fêtes de Valmorel-sur-Lise, où le collectif « Soigner sur le Plateau » avait convié la députée de la circonscription, Hélène Varin, à une réunion publique sur l’accès aux soins. Pendant plus de deux heures, les témoignages se sont succédé au micro.</p>
<p>Une retraitée de Saint-Aubin-des-Crêts, sans médecin traitant depuis le départ à la retraite du sien, il y a dix-huit mois. Un père de famille des Essarts-du-Lac qui a attendu six heures aux urgences de Vérennes avec sa fille. Une aide-soignante qui fait chaque semaine 80 kilomètres pour accompagner sa mère chez le cardiologue. « Nous ne demandons pas des miracles, juste d’être soignés comme tout le monde », a lancé Colette Durif, porte-parole du collectif.</p>
<h2>Les chiffres du territoire</h2>
<p>Selon les données présentées par le collectif, le Plateau compte aujourd’hui 11 médecins généralistes pour environ 19 000 habitants, contre 16 il y a dix ans. Quatre d’entre eux ont plus de 62 ans. Le délai moyen pour obtenir un rendez-vous chez un ophtalmologiste dépasse sept mois.</p>
<p>Face à une salle parfois houleuse, la députée a avancé plusieurs pistes :</p>
<ul><li>la généralisation des stages d’internes en zone rurale, avec un logement pris en charge ;</li><li>le développement des consultations avancées de spécialistes, une journée par mois, dans les maisons de santé ;</li><li>une régulation de l’installation des médecins dans les zones déjà bien dotées, un sujet qui divise jusqu’au sein de son propre groupe.</li></ul>
<p>« Je ne vais pas vous promettre dix médecins pour l’année prochaine. Mais je porterai vos témoignages à l’Assemblée, et je reviendrai vous rendre des comptes », a déclaré l’élue. Plusieurs médecins présents dans la salle ont rappelé leur propre épuisement et mis en garde contre toute mesure « qui ferait porter la responsabilité à ceux qui sont restés ».</p>
<p>Le collectif prévoit de remettre un cahier de doléances à l’agence régionale de santé. Il lance aussi un recensement des habitants sans médecin traitant, dont le formulaire est disponible en mairie et dans les pharmacies.</p>`,
    tags: ["Santé", "Services publics"],
    publishedDaysAgo: 24,
    publishedHour: 20,
    comments: [
      {
        name: "Françoise Tissot",
        email: "francoise.tissot@example.com",
        body: "J’étais dans la salle, beaucoup d’émotion. Merci d’avoir rapporté les témoignages fidèlement.",
        status: "approved",
        minutesAfter: 400,
      },
      {
        name: "Antoine Ravel",
        email: "antoine.ravel@example.com",
        website: "https://blog.example.org/histoire-du-plateau",
        body: "Les internes, c’est bien, mais il faut aussi qu’ils aient envie de rester. Logement, travail pour le conjoint, crèche : c’est tout un territoire qui doit être attractif.",
        status: "approved",
        minutesAfter: 700,
        replies: [
          {
            name: "Karim Haddad",
            email: "karim.haddad@example.net",
            body: "Exactement. Mon épouse est médecin ; nous avons failli nous installer sur le Plateau, mais il n’y avait aucun poste pour moi dans un rayon de 50 kilomètres.",
            status: "approved",
            minutesAfter: 900,
          },
        ],
      },
      {
        name: "Gérard Pommier",
        email: "gerard.pommier@example.net",
        body: "La régulation, c’est la seule solution. Les médecins sont formés avec de l’argent public, ils peuvent bien passer quelques années là où on a besoin d’eux.",
        status: "approved",
        minutesAfter: 1500,
        replies: [
          {
            name: "Sophie Besson",
            email: "sophie.besson@example.com",
            body: "Je ne suis pas sûre que la contrainte attire qui que ce soit. Les jeunes médecins risquent de se tourner vers d’autres modes d’exercice. Le sujet est plus compliqué que ça.",
            status: "approved",
            minutesAfter: 1700,
          },
        ],
      },
      {
        name: "Brigitte Sauvage",
        email: "brigitte.sauvage@example.org",
        body: "Où trouve-t-on le formulaire de recensement ? La pharmacie de Combe-Haute n’en avait pas hier.",
        status: "pending",
        minutesAfter: 2000,
      },
    ],
  },
  {
    slug: "plu-valmorel-terrains-constructibles-rendus-agriculture",
    category: "politique",
    author: "claire-dumas",
    title: "Urbanisme à Valmorel : 14 hectares de terrains constructibles rendus à l’agriculture",
    standfirst:
      "Le projet de révision du plan local d’urbanisme réduit fortement les zones à bâtir pour respecter les objectifs de sobriété foncière. Des propriétaires dénoncent une « perte sèche ».",
    body: `<p>Le projet de plan local d’urbanisme (PLU) de Valmorel-sur-Lise, arrêté lundi en conseil municipal, redessine la carte de la commune. Sur les 22 hectares classés « à urbaniser » dans le document précédent, vieux de plus de quinze ans, 14 sont reclassés en zone agricole ou naturelle. Le projet sera soumis à enquête publique au printemps.</p>
<p>La municipalité justifie ce choix par la loi, qui impose de réduire de moitié le rythme d’artificialisation des sols au cours de la décennie, avant d’atteindre le « zéro artificialisation nette » en 2050. « Nous n’avions pas le choix. Mais nous en avons fait un projet : construire moins loin du centre, réhabiliter les logements vacants et protéger les terres qui font vivre nos agriculteurs », défend le maire, Philippe Aubertin.</p>
<h2>Priorité aux logements vacants</h2>
<p>La commune compte environ 140 logements vacants, soit près de 9 % de son parc, pour l’essentiel dans le centre ancien. Le PLU prévoit plusieurs outils pour les remettre sur le marché :</p>
<ul><li>une opération programmée d’amélioration de l’habitat, avec des aides aux propriétaires ;</li><li>deux « dents creuses » du centre-bourg ouvertes à de petits immeubles ;</li><li>une réserve foncière pour du logement locatif social près de l’ancienne gare.</li></ul>
<p>La décision fait des mécontents. Une vingtaine de propriétaires de parcelles déclassées se sont constitués en association. « Mes parents ont payé des droits de succession sur un terrain constructible. Demain, il vaudra dix fois moins », s’indigne l’un d’eux, qui envisage un recours. Les agriculteurs, eux, saluent la décision : trois des parcelles concernées sont exploitées en prairies de fauche.</p>
<p>À quelques mois des élections municipales, le sujet s’invite dans la campagne. L’opposition, qui a voté contre, dit ne pas contester l’objectif mais « la méthode », et réclame des réunions de quartier avant l’enquête publique.</p>
<p><em>Mise à jour : le nombre de logements vacants a été précisé à partir des données transmises par la mairie.</em></p>`,
    tags: ["Logement", "Agriculture", "Élections municipales"],
    publishedDaysAgo: 40,
    publishedHour: 10,
    updatedHoursAfter: 3,
    comments: [
      {
        name: "Bruno Faure",
        email: "bruno.faure@example.org",
        body: "Enfin une commune qui protège ses terres agricoles au lieu de les bétonner en lotissements tous identiques.",
        status: "approved",
        minutesAfter: 180,
      },
      {
        name: "Jeanne Arnaud",
        email: "jeanne.arnaud@example.net",
        body: "Facile à dire quand on n’est pas concerné. Ma tante comptait vendre son terrain pour financer sa maison de retraite. Personne ne l’a prévenue avant.",
        status: "approved",
        minutesAfter: 350,
        replies: [
          {
            name: "Claire Dumas",
            email: "claire.dumas@example.org",
            body: "Bonjour, l’association des propriétaires concernés indique qu’une permanence d’information se tiendra en mairie avant l’enquête publique. Nous publierons les dates dès qu’elles seront connues.",
            status: "approved",
            minutesAfter: 600,
          },
        ],
      },
      {
        name: "Maxime Rey",
        email: "maxime.rey@example.com",
        body: "Les logements vacants du centre sont souvent en ruine. Qui va payer la rénovation ?",
        status: "pending",
        minutesAfter: 900,
      },
    ],
  },
  {
    slug: "budget-participatif-essarts-du-lac-projets-laureats",
    category: "politique",
    author: "julien-morel",
    title:
      "Budget participatif aux Essarts-du-Lac : un ponton accessible et des abris à vélos l’emportent",
    standfirst:
      "Pour sa première édition, le budget participatif de la commune a mobilisé 412 votants. Quatre projets se partageront l’enveloppe de 40 000 euros.",
    body: `<p>Les résultats ont été proclamés samedi matin, sur le parvis de la mairie des Essarts-du-Lac. Pour sa toute première édition, le budget participatif lancé par la municipalité a attiré 412 votants, soit près d’un habitant majeur sur trois dans cette commune de 1 600 âmes. « Nous espérions 200 participants, nous avons doublé l’objectif », s’est félicitée la maire, Sophie Lambert.</p>
<p>Le principe : une enveloppe de 40 000 euros, soit environ 4 % du budget d’investissement de la commune, réservée à des projets proposés et choisis par les habitants. Vingt-trois idées avaient été déposées au printemps ; douze ont été jugées recevables par un comité mêlant élus et habitants tirés au sort.</p>
<h2>Les quatre projets retenus</h2>
<ul><li><strong>Un ponton accessible aux personnes à mobilité réduite</strong> sur la rive nord du lac (18 000 euros), arrivé largement en tête ;</li><li><strong>Trois abris à vélos couverts</strong> près de l’école, de la salle des sports et de l’arrêt de car (9 500 euros) ;</li><li><strong>Une boîte à livres et des bancs</strong> au hameau du Moulin (4 000 euros) ;</li><li><strong>Un verger partagé</strong> sur un terrain communal, avec des variétés anciennes (7 500 euros).</li></ul>
<p>Le ponton a été proposé par Marcel Tournier, 71 ans, pêcheur et utilisateur d’un fauteuil roulant depuis un accident. « Pendant des années, j’ai regardé le lac depuis le parking. L’été prochain, je pourrai pêcher avec mon petit-fils », sourit-il.</p>
<p>Seule ombre au tableau : la participation des 18-25 ans est restée faible, selon l’analyse des votes. La municipalité envisage d’ouvrir la prochaine édition dès 12 ans et d’organiser un vote au collège. Les travaux doivent être réalisés d’ici à l’été.</p>`,
    tags: ["Budget", "Transports", "Tourisme"],
    publishedDaysAgo: 53,
    publishedHour: 17,
    comments: [
      {
        name: "Lucie Perrin",
        email: "lucie.perrin@example.com",
        body: "Bravo à Marcel, tout le monde le connaît au bord du lac ! Très belle idée.",
        status: "approved",
        minutesAfter: 90,
      },
      {
        name: "Élodie Martel",
        email: "elodie.martel@example.com",
        body: "Dommage que le projet de potager pour l’école n’ait pas été retenu, mais l’expérience est très positive. Vivement l’an prochain.",
        status: "approved",
        minutesAfter: 400,
      },
      {
        name: "Thomas Girardet",
        email: "thomas.girardet@example.net",
        body: "4 % du budget d’investissement, c’est symbolique. Mais c’est déjà ça.",
        status: "approved",
        minutesAfter: 800,
        replies: [
          {
            name: "Pauline Gauthier",
            email: "pauline.gauthier@example.org",
            body: "Symbolique peut-être, mais ça donne envie de s’intéresser à ce que fait la commune. Mon fils de 16 ans a voté pour la première fois de sa vie !",
            status: "approved",
            minutesAfter: 950,
          },
        ],
      },
    ],
  },

  // ───────────────────────────── Économie ──────────────────────────────
  {
    slug: "cooperative-combe-haute-nouvelle-cave-affinage",
    category: "economie",
    author: "julien-morel",
    title:
      "La coopérative fromagère de Combe-Haute investit 4,2 millions d’euros dans une nouvelle cave",
    standfirst:
      "La coopérative, qui rassemble 58 exploitations laitières, va doubler sa capacité d’affinage et créer huit emplois d’ici deux ans.",
    body: `<p>Les premiers coups de pelleteuse sont attendus au printemps, sur un terrain de deux hectares en contrebas du village. La coopérative fromagère de Combe-Haute a présenté mardi, lors de son assemblée générale, le projet de nouvelle cave d’affinage qui doit lui permettre de faire face à la croissance de ses ventes.</p>
<p>Avec 58 exploitations adhérentes et 19 millions de litres de lait collectés chaque année, la coopérative est à l’étroit dans ses caves actuelles, creusées dans les années 1950. « Aujourd’hui, nous devons vendre certaines meules plus jeunes que nous le voudrions, faute de place. La nouvelle cave nous permettra d’affiner plus longtemps, donc de mieux valoriser le lait », explique le président, Jean-Pierre Mollard, lui-même éleveur au Crozet-Bas.</p>
<h2>Un bâtiment semi-enterré</h2>
<p>Le futur bâtiment, d’une capacité de 28 000 meules, sera en partie enterré pour profiter de l’inertie thermique du sol et limiter les besoins en climatisation. Des panneaux photovoltaïques couvriront la toiture. Le chantier est financé par :</p>
<ul><li>un emprunt bancaire de 2,6 millions d’euros ;</li><li>une subvention régionale de 900 000 euros ;</li><li>des fonds propres de la coopérative, à hauteur de 700 000 euros.</li></ul>
<p>Huit postes doivent être créés d’ici deux ans, essentiellement des affineurs et des préparateurs de commandes. La coopérative, qui emploie déjà 31 salariés, prévoit de former elle-même une partie des recrues. « Le métier d’affineur ne s’apprend pas à l’école, il s’apprend à la cave », rappelle le maître affineur, Denis Vuillemin.</p>
<p>Le projet intervient dans un contexte favorable : le prix payé aux producteurs a progressé de 7 % en deux ans, et les ventes ont augmenté de 12 % sur le dernier exercice, portées par la grande distribution régionale et l’export. Seule inquiétude exprimée lors de l’assemblée générale : le renouvellement des générations. Onze éleveurs adhérents ont plus de 58 ans et n’ont pas encore de repreneur identifié.</p>`,
    tags: ["Agriculture", "Emploi", "Industrie"],
    publishedDaysAgo: 31,
    publishedHour: 8,
    comments: [
      {
        name: "Sylvie Chabert",
        email: "sylvie.chabert@example.com",
        body: "Excellente nouvelle pour la vallée. Est-ce que les candidatures pour les postes d’affineurs sont déjà ouvertes ?",
        status: "approved",
        minutesAfter: 150,
        replies: [
          {
            name: "Julien Morel",
            email: "julien.morel@example.org",
            body: "Pas encore : la coopérative prévoit de publier les offres quelques mois avant la mise en service, sur son site et auprès des agences pour l’emploi du secteur.",
            status: "approved",
            minutesAfter: 300,
          },
        ],
      },
      {
        name: "Damien Cros",
        email: "damien.cros@example.net",
        body: "Le vrai sujet, c’est la fin de l’article : onze éleveurs sans repreneur. Une cave neuve ne sert à rien sans lait.",
        status: "approved",
        minutesAfter: 500,
      },
      {
        name: "Odile Mercier",
        email: "odile.mercier@example.org",
        body: "Espérons que le chantier ne bloque pas la route de la Combe pendant des mois, comme la dernière fois.",
        status: "pending",
        minutesAfter: 700,
      },
    ],
  },
  {
    slug: "scierie-brunet-redressement-judiciaire-saint-aubin",
    category: "economie",
    author: "claire-dumas",
    title: "Scierie Brunet : six mois de répit pour les 34 salariés de Saint-Aubin-des-Crêts",
    standfirst:
      "Le tribunal de commerce a placé l’entreprise familiale en redressement judiciaire. La direction mise sur le bois de construction pour se relancer.",
    body: `<p>Le soulagement l’emportait sur l’inquiétude, mercredi en fin d’après-midi, devant le portail de la scierie Brunet, à la sortie de Saint-Aubin-des-Crêts. Le tribunal de commerce venait de placer l’entreprise en redressement judiciaire, avec une période d’observation de six mois. « Ce n’est pas une bonne nouvelle, mais ce n’est pas la liquidation. On a encore une chance », résumait un cariste, salarié depuis vingt-deux ans.</p>
<p>Fondée en 1932 par le grand-père de l’actuel dirigeant, la scierie emploie 34 personnes et transforme chaque année environ 40 000 mètres cubes de sapin et d’épicéa issus des forêts du Plateau. Elle a été fragilisée par une succession de difficultés : effondrement des prix de la palette, hausse du coût de l’électricité et investissement lourd dans une nouvelle ligne de sciage, livrée avec un an de retard.</p>
<h2>Miser sur la construction bois</h2>
<p>Le dirigeant, François Brunet, veut profiter de la période d’observation pour réorienter l’activité. « Nous faisons trop de bois d’emballage, qui ne rapporte plus rien. L’avenir, c’est le bois de structure pour la construction, avec une vraie traçabilité locale », explique-t-il. La scierie a obtenu l’an dernier une certification qui lui permet de fournir les charpentiers pour des bâtiments publics.</p>
<p>Plusieurs acteurs locaux se disent prêts à soutenir la relance :</p>
<ul><li>la communauté de communes étudie la location d’un terrain voisin pour l’installation d’un séchoir ;</li><li>deux constructeurs régionaux de maisons à ossature bois ont signé des lettres d’intention d’achat ;</li><li>la Région a été sollicitée pour un prêt à taux zéro.</li></ul>
<p>Les représentants du personnel restent prudents. Aucun licenciement n’est annoncé à ce stade, mais l’administrateur judiciaire doit remettre un diagnostic dans les trois mois. « On nous demande d’y croire, on y croit. Mais on veut de la transparence sur les chiffres », insiste l’élu du comité social et économique.</p>
<p>Pour les communes forestières du Plateau, l’enjeu dépasse l’entreprise : la scierie est l’un des derniers débouchés locaux pour les coupes de bois communales, qui financent une partie des budgets municipaux.</p>
<p><em>Mise à jour : la direction précise que les salaires du mois ont été versés à la date habituelle.</em></p>`,
    tags: ["Emploi", "Industrie", "Budget"],
    publishedDaysAgo: 14,
    publishedHour: 13,
    updatedHoursAfter: 30,
    comments: [
      {
        name: "Patrick Vial",
        email: "patrick.vial@example.org",
        body: "Mon père a travaillé trente ans chez Brunet. Toute la famille croise les doigts.",
        status: "approved",
        minutesAfter: 100,
      },
      {
        name: "Antoine Ravel",
        email: "antoine.ravel@example.com",
        website: "https://blog.example.org/histoire-du-plateau",
        body: "La construction bois, c’est la bonne voie. Mais il faudrait que les collectivités jouent le jeu et imposent du bois local dans leurs marchés publics.",
        status: "approved",
        minutesAfter: 300,
        replies: [
          {
            name: "Karim Haddad",
            email: "karim.haddad@example.net",
            body: "Les règles des marchés publics interdisent de favoriser directement les entreprises locales, mais on peut fixer des critères de bilan carbone et de distance de transport. Certaines communes le font déjà.",
            status: "approved",
            minutesAfter: 500,
            replies: [
              {
                name: "Antoine Ravel",
                email: "antoine.ravel@example.com",
                website: "https://blog.example.org/histoire-du-plateau",
                body: "Merci pour la précision, je l’ignorais. Raison de plus pour que nos élus s’y mettent.",
                status: "approved",
                minutesAfter: 620,
              },
            ],
          },
        ],
      },
      {
        name: "Chantal Roussel",
        email: "chantal.roussel@example.org",
        body: "Que deviendraient les coupes de bois communales si la scierie fermait ? On vendrait tout à de grands groupes qui exportent les grumes ?",
        status: "pending",
        minutesAfter: 800,
      },
      {
        name: "Hugo Lemaire",
        email: "hugo.lemaire@example.net",
        body: "Est-ce que la scierie vend encore aux particuliers ? Je cherchais des planches de mélèze.",
        status: "approved",
        minutesAfter: 1500,
        replies: [
          {
            name: "Claire Dumas",
            email: "claire.dumas@example.org",
            body: "Oui, la vente aux particuliers continue pendant la période d’observation, le mercredi et le samedi matin.",
            status: "approved",
            minutesAfter: 1700,
          },
        ],
      },
    ],
  },
  {
    slug: "parc-eolien-cret-des-fourches-enquete-publique",
    category: "economie",
    author: "amina-benali",
    title: "Parc éolien du Crêt des Fourches : l’enquête publique s’ouvre dans un climat tendu",
    standfirst:
      "Le projet de sept éoliennes sur les hauteurs de Saint-Aubin-des-Crêts et de Combe-Haute est soumis à l’avis du public pendant un mois. Partisans et opposants fourbissent leurs arguments.",
    body: `<p>Il aura fallu six ans d’études, de réunions et de recours pour en arriver là. Depuis lundi, et pour un mois, le projet de parc éolien du Crêt des Fourches est soumis à enquête publique. Les habitants peuvent consulter le dossier, fort de plus de 2 000 pages, dans les mairies de Saint-Aubin-des-Crêts et de Combe-Haute ou en ligne, et déposer leurs observations auprès du commissaire enquêteur.</p>
<p>Porté par un développeur régional associé à une société d’économie mixte dont la communauté de communes est actionnaire, le projet prévoit sept éoliennes de 180 mètres en bout de pale, pour une puissance totale de 29 mégawatts. Selon le dossier, le parc produirait l’équivalent de la consommation électrique domestique d’environ 28 000 habitants, soit davantage que la population du Plateau.</p>
<h2>Des retombées fiscales attendues</h2>
<p>Pour les communes concernées, l’enjeu financier est important. Les taxes liées au parc rapporteraient environ 250 000 euros par an au bloc communal, dont près de 90 000 euros pour Combe-Haute, l’équivalent de 15 % de son budget de fonctionnement. Une partie du capital serait par ailleurs ouverte aux habitants par le biais d’un financement participatif.</p>
<p>« C’est une occasion de produire notre propre énergie et de garder la valeur sur le territoire plutôt que de la laisser filer », plaide Raymond Peyrat, maire de Combe-Haute. Les arguments des opposants, réunis dans l’association Crêts vivants, sont d’une autre nature :</p>
<ul><li>l’impact paysager sur une ligne de crête visible depuis tout le Plateau ;</li><li>la présence de chauves-souris et d’un couple de milans royaux nicheurs à proximité ;</li><li>la crainte d’un effet négatif sur le tourisme de randonnée, en plein développement.</li></ul>
<p>« Nous ne sommes pas contre les énergies renouvelables. Nous sommes contre ce projet, à cet endroit », insiste sa présidente, Martine Rochas, qui rappelle qu’un précédent dossier avait été retoqué en raison des enjeux de biodiversité.</p>
<p>Le commissaire enquêteur tiendra deux permanences dans chaque mairie, et une réunion publique d’information est prévue à mi-parcours, à la salle polyvalente de Combe-Haute. Le préfet rendra sa décision après la remise du rapport, attendu dans le mois suivant la clôture de l’enquête.</p>
<p><em>Mise à jour : la puissance totale du parc a été corrigée (29 mégawatts et non 32).</em></p>`,
    tags: ["Énergie", "Climat", "Tourisme"],
    publishedDaysAgo: 8,
    publishedHour: 6,
    updatedHoursAfter: 5,
    comments: [
      {
        name: "Gérard Pommier",
        email: "gerard.pommier@example.net",
        body: "Sept machines de 180 mètres sur le Crêt des Fourches, c’est défigurer le plus beau panorama du Plateau. On ne pourra plus jamais revenir en arrière.",
        status: "approved",
        minutesAfter: 45,
        replies: [
          {
            name: "Damien Cros",
            email: "damien.cros@example.net",
            body: "Une éolienne se démonte en fin de vie, ce qui n’est pas le cas d’une autoroute ou d’une zone commerciale. Le retour en arrière est justement possible.",
            status: "approved",
            minutesAfter: 90,
            replies: [
              {
                name: "Gérard Pommier",
                email: "gerard.pommier@example.net",
                body: "Et les socles en béton, vous croyez qu’ils partent avec ? Il faudrait lire le dossier avant d’écrire.",
                status: "approved",
                minutesAfter: 130,
              },
              {
                name: "Damien Cros",
                email: "damien.cros@example.net",
                body: "Je l’ai lu, justement : le démantèlement des fondations est prévu et provisionné, c’est même une obligation légale. C’est dans la partie consacrée à la remise en état du site, si ça vous intéresse.",
                status: "approved",
                minutesAfter: 170,
              },
            ],
          },
          {
            name: "Mireille Bonnet",
            email: "mireille.bonnet@example.com",
            body: "Le panorama, on le verra toujours. Personnellement, je préfère des éoliennes au loin que des étés à 40 degrés.",
            status: "pending",
            minutesAfter: 200,
          },
        ],
      },
      {
        name: "Samir Ouali",
        email: "samir.ouali@example.net",
        body: "250 000 euros par an pour les communes, ce n’est pas rien. À Combe-Haute, ça peut financer la rénovation de l’école sans augmenter les impôts.",
        status: "approved",
        minutesAfter: 260,
        replies: [
          {
            name: "Jeanne Arnaud",
            email: "jeanne.arnaud@example.net",
            body: "À condition que l’argent reste bien dans les communes concernées et ne soit pas dilué dans l’intercommunalité. L’article pourrait-il préciser la répartition ?",
            status: "approved",
            minutesAfter: 330,
            replies: [
              {
                name: "Amina Benali",
                email: "amina.benali@example.org",
                body: "Bonjour, selon le dossier, environ 90 000 euros reviendraient à Combe-Haute, 70 000 à Saint-Aubin-des-Crêts et le reste à la communauté de communes. Ces montants dépendront toutefois de la fiscalité en vigueur à la mise en service.",
                status: "approved",
                minutesAfter: 480,
              },
            ],
          },
        ],
      },
      {
        name: "Léa Fontaine",
        email: "lea.fontaine@example.org",
        website: "https://blog.example.org/lea-fontaine",
        body: "Je randonne sur le Plateau toutes les semaines et j’ai vu des parcs éoliens ailleurs : honnêtement, on s’y habitue. Ce qui me gêne davantage, ce sont les pistes d’accès élargies dans la forêt.",
        status: "approved",
        minutesAfter: 400,
        replies: [
          {
            name: "Thomas Girardet",
            email: "thomas.girardet@example.net",
            body: "Pareil. Les pistes de chantier sont souvent la partie la plus destructrice. J’espère que le commissaire enquêteur regardera ce point de près.",
            status: "approved",
            minutesAfter: 520,
          },
        ],
      },
      {
        name: "Nathalie Vidal",
        email: "nathalie.vidal@example.org",
        body: "Quelqu’un sait si le financement participatif sera réservé aux habitants du Plateau ? Je serais prête à placer un peu d’argent si c’est le cas.",
        status: "approved",
        minutesAfter: 600,
        replies: [
          {
            name: "Bruno Faure",
            email: "bruno.faure@example.org",
            body: "Lors de la réunion d’il y a deux ans, on nous avait parlé d’une priorité aux habitants des communes concernées, puis à ceux du département. À confirmer.",
            status: "approved",
            minutesAfter: 700,
          },
        ],
      },
      {
        name: "Fabien Carrel",
        email: "fabien.carrel@example.net",
        website: "https://www.example.com/oiseaux-du-plateau",
        body: "Les milans royaux nichent effectivement au-dessus du Crozet, je les observe chaque printemps. J’espère que l’étude d’impact a été sérieuse.",
        status: "approved",
        minutesAfter: 800,
        replies: [
          {
            name: "Léa Fontaine",
            email: "lea.fontaine@example.org",
            website: "https://blog.example.org/lea-fontaine",
            body: "D’après le résumé non technique, l’étude prévoit l’arrêt des machines pendant certaines périodes de vol. Reste à savoir si ce sera contrôlé.",
            status: "approved",
            minutesAfter: 880,
            replies: [
              {
                name: "Fabien Carrel",
                email: "fabien.carrel@example.net",
                website: "https://www.example.com/oiseaux-du-plateau",
                body: "Justement, qui contrôle ? Si c’est l’exploitant lui-même, j’ai des doutes.",
                status: "approved",
                minutesAfter: 950,
              },
            ],
          },
        ],
      },
      {
        name: "Yannick Perrot",
        email: "yannick.perrot@example.org",
        body: "Encore un projet imposé par des gens qui n’habitent pas ici et qui vont empocher les bénéfices.",
        status: "pending",
        minutesAfter: 1000,
      },
      {
        name: "Pauline Gauthier",
        email: "pauline.gauthier@example.org",
        body: "Merci pour cet article équilibré. On lit tellement de choses caricaturales sur les réseaux sociaux, ça fait du bien d’avoir les chiffres et les arguments des deux côtés.",
        status: "approved",
        minutesAfter: 1200,
      },
      {
        name: "Marc Delorme",
        email: "marc.delorme@example.net",
        body: "Et le bruit ? Les maisons du hameau des Fourches sont à moins d’un kilomètre, personne n’en parle.\n\nJ’aimerais que le journal aille interroger les habitants de ce hameau.",
        status: "pending",
        minutesAfter: 1500,
      },
      {
        name: "Agnès Louvet",
        email: "agnes.louvet@example.com",
        body: "Petite correction : la réunion publique aurait été déplacée à la salle des fêtes de Saint-Aubin, d’après l’affichage en mairie ce matin.",
        status: "approved",
        minutesAfter: 1700,
        replies: [
          {
            name: "Amina Benali",
            email: "amina.benali@example.org",
            body: "Merci pour votre vigilance. Renseignement pris, la réunion se tient bien à la salle polyvalente de Combe-Haute ; l’affiche de Saint-Aubin concerne une permanence du commissaire enquêteur.",
            status: "approved",
            minutesAfter: 1850,
          },
        ],
      },
    ],
  },
  {
    slug: "col-de-la-berche-station-quatre-saisons",
    category: "economie",
    author: "claire-dumas",
    title: "Au col de la Berche, la petite station de ski mise sur les quatre saisons",
    standfirst:
      "Après deux hivers presque sans neige, le domaine skiable géré par la communauté de communes investit dans la luge sur rail, le VTT et l’accueil de séminaires. Un pari à 1,8 million d’euros.",
    body: `<p>Au pied du téléski des Marmottes, les perches sont immobiles et l’herbe jaunie affleure. Il y a deux hivers, le domaine du col de la Berche, à 1 250 mètres d’altitude, n’a ouvert que 23 jours. L’hiver dernier, à peine plus. Pour cette petite station familiale, gérée en régie par la communauté de communes, le constat est désormais assumé : le ski ne suffira plus.</p>
<p>Le conseil communautaire a validé un plan de diversification de 1,8 million d’euros, financé à près de 60 % par la Région et l’État au titre des programmes d’adaptation de la montagne au changement climatique. Objectif : faire passer la part de l’activité estivale de 20 % à la moitié du chiffre d’affaires d’ici cinq ans.</p>
<h2>Luge sur rail et pistes de VTT</h2>
<p>Le projet comporte plusieurs volets :</p>
<ul><li>une luge sur rail de 800 mètres, ouverte toute l’année, qui empruntera le tracé d’une ancienne piste ;</li><li>un réseau de 40 kilomètres de sentiers de VTT, dont un tiers accessible aux débutants ;</li><li>la transformation de l’ancien restaurant d’altitude en salle de séminaires et de réception ;</li><li>le maintien de deux téléskis pour les jours de neige, sans recours à la neige de culture.</li></ul>
<p>« On ne fait pas une croix sur le ski. Quand il y a de la neige, les familles du Plateau viendront toujours apprendre à skier ici. Mais on ne peut plus bâtir un budget sur l’espoir d’un bon hiver », explique Nadège Fournier, directrice du domaine depuis quatre ans.</p>
<p>Ce virage inquiète une partie des professionnels, moniteurs et loueurs de matériel, dont l’activité reste très liée à l’hiver. Le loueur installé au pied des pistes depuis trente ans envisage de se reconvertir dans la location de vélos électriques. L’association Crêts vivants, elle, s’interroge sur l’impact de la fréquentation estivale sur les alpages.</p>
<p>Les premiers sentiers de VTT doivent ouvrir dès l’été prochain, la luge sur rail un an plus tard. Le domaine recrute quatre saisonniers pour la période estivale.</p>`,
    tags: ["Tourisme", "Climat", "Emploi"],
    publishedDaysAgo: 45,
    publishedHour: 15,
    comments: [
      {
        name: "Sophie Besson",
        email: "sophie.besson@example.com",
        body: "J’ai appris à skier à la Berche, mes enfants aussi. C’est triste, mais c’est lucide. Au moins, ils ne s’entêtent pas avec des canons à neige.",
        status: "approved",
        minutesAfter: 300,
      },
      {
        name: "Maxime Rey",
        email: "maxime.rey@example.com",
        body: "Une luge sur rail, sérieusement ? On va transformer la montagne en parc d’attractions. Le VTT, d’accord, mais le reste…",
        status: "approved",
        minutesAfter: 600,
        replies: [
          {
            name: "Hugo Lemaire",
            email: "hugo.lemaire@example.net",
            body: "C’est sur une ancienne piste déjà aménagée, pas en pleine nature. Et il faut bien des activités qui fassent venir du monde toute l’année.",
            status: "approved",
            minutesAfter: 700,
          },
        ],
      },
      {
        name: "Karim Haddad",
        email: "karim.haddad@example.net",
        body: "Des séminaires d’entreprise au col de la Berche, j’y crois moyennement, vu l’état de la route pour monter.",
        status: "pending",
        minutesAfter: 1000,
      },
      {
        name: "Inès Moreau",
        email: "ines.moreau@example.net",
        body: "Les sentiers de VTT seront-ils partagés avec les randonneurs ? Il y a déjà eu des frictions sur le sentier des Crêts.",
        status: "approved",
        minutesAfter: 1300,
      },
    ],
  },
  {
    slug: "le-crozet-bas-epicerie-cooperative-reouverture",
    category: "economie",
    author: "julien-morel",
    title: "Au Crozet-Bas, l’épicerie rouvre grâce à 212 habitants devenus sociétaires",
    standfirst:
      "Fermé depuis dix-huit mois, le dernier commerce du village rouvre ses portes samedi sous la forme d’une coopérative. Pain, produits locaux, relais postal et café : le lieu veut redevenir le cœur du village.",
    body: `<p>Samedi matin, pour la première fois depuis dix-huit mois, le rideau de fer de l’épicerie du Crozet-Bas se lèvera. Derrière le comptoir, Aurore Delmas, 36 ans, embauchée comme gérante, et une équipe de bénévoles. Derrière le projet, 212 habitants du village et des alentours, qui ont chacun acheté au moins une part de 50 euros de la société coopérative créée pour l’occasion.</p>
<p>Lorsque l’ancien épicier a pris sa retraite sans trouver de repreneur, le village de 340 habitants s’est retrouvé sans aucun commerce. « Pour acheter une baguette, il fallait faire douze kilomètres aller-retour. Pour les anciens qui ne conduisent plus, c’était devenu un vrai problème », raconte Yves Chaumel, l’un des fondateurs du collectif à l’origine du projet.</p>
<h2>Un modèle coopératif</h2>
<p>La société coopérative d’intérêt collectif (SCIC) a réuni 38 000 euros de capital, complétés par un prêt d’honneur et une aide de la commune, qui loue les murs pour un loyer symbolique. Chaque sociétaire dispose d’une voix en assemblée générale, quel que soit le nombre de parts détenues.</p>
<p>L’épicerie proposera :</p>
<ul><li>du pain livré chaque matin par la boulangerie de Combe-Haute ;</li><li>les produits de douze fermes du Plateau : fromages, œufs, légumes, miel, viande ;</li><li>un relais postal et un point de retrait d’espèces ;</li><li>un coin café avec quelques tables, ouvert le matin.</li></ul>
<p>L’équilibre reste fragile. Selon le plan d’affaires, le magasin doit atteindre 900 euros de chiffre d’affaires par jour pour financer le poste de la gérante. « Si chaque foyer du village fait ici ne serait-ce qu’un quart de ses courses, c’est gagné », calcule Aurore Delmas, qui a travaillé dix ans dans la grande distribution avant de revenir dans son village natal.</p>
<p>L’inauguration aura lieu samedi à 11 heures, en présence des élus du Crozet-Bas et de Combe-Haute, dont les communes fusionneront au 1er janvier. Les souscriptions restent ouvertes : l’objectif est d’atteindre 300 sociétaires d’ici un an.</p>`,
    tags: ["Commerce", "Services publics", "Agriculture"],
    publishedDaysAgo: 0,
    publishedHour: 10,
    comments: [
      {
        name: "Odile Mercier",
        email: "odile.mercier@example.org",
        body: "Enfin ! Nous sommes sociétaires depuis le début avec mon mari. Rendez-vous samedi pour le café.",
        status: "approved",
        minutesAfter: 40,
      },
      {
        name: "Jean-Michel Baud",
        email: "jm.baud@example.net",
        body: "Bravo au collectif. Y aura-t-il une livraison à domicile pour ceux qui ne peuvent pas se déplacer ?",
        status: "approved",
        minutesAfter: 95,
        replies: [
          {
            name: "Julien Morel",
            email: "julien.morel@example.org",
            body: "D’après Aurore Delmas, une tournée de livraison assurée par des bénévoles est à l’étude, probablement une fois par semaine à partir du printemps.",
            status: "approved",
            minutesAfter: 180,
          },
        ],
      },
      {
        name: "Élodie Martel",
        email: "elodie.martel@example.com",
        body: "Comment devient-on sociétaire quand on n’habite pas le village ? Je suis à Valmorel, mais j’aimerais soutenir le projet.",
        status: "pending",
        minutesAfter: 260,
      },
    ],
  },
  {
    slug: "tiers-lieu-halle-de-la-lise-ancienne-gare-valmorel",
    category: "economie",
    author: "amina-benali",
    title: "Dans l’ancienne gare de Valmorel, un tiers-lieu pour les télétravailleurs du Plateau",
    standfirst:
      "Fibre optique, bureaux partagés, atelier de réparation et salle de visioconférence : la Halle de la Lise accueille depuis un mois ses premiers usagers. Elle espère convaincre des actifs de s’installer sur le Plateau.",
    body: `<p>Les quais n’ont plus vu passer de train de voyageurs depuis le début des années 1990, mais la gare de Valmorel-sur-Lise a retrouvé de l’animation. Rachetée par la commune et rénovée pendant deux ans, l’ancienne halle aux marchandises abrite désormais un tiers-lieu de 450 mètres carrés, baptisé la Halle de la Lise, ouvert depuis un mois.</p>
<p>À l’intérieur, une vingtaine de postes de travail, deux bureaux fermés, une salle de visioconférence insonorisée et une cuisine partagée. Le tout relié à la fibre optique, arrivée l’an dernier dans le centre du bourg. « Chez moi, au Crozet-Bas, j’ai encore une connexion de deux mégabits. Ici, je peux enfin faire mes réunions sans couper la caméra », témoigne Guillaume Faivre, développeur informatique salarié d’une entreprise de la métropole voisine, qui vient trois jours par semaine.</p>
<h2>Bien plus que des bureaux</h2>
<p>La structure, portée par une association et soutenue par la commune et la communauté de communes, ne veut pas être un simple espace de travail partagé. Elle propose aussi :</p>
<ul><li>un atelier de réparation de vélos et de petit électroménager, ouvert le samedi ;</li><li>des permanences d’aide aux démarches administratives en ligne, le mardi et le jeudi après-midi ;</li><li>des ateliers numériques pour les seniors, en lien avec la médiathèque.</li></ul>
<p>Les tarifs se veulent accessibles : 10 euros la journée, 120 euros le mois en accès libre. Le tiers-lieu compte déjà 23 abonnés réguliers. « Nous avons des graphistes, une traductrice, deux comptables, un architecte… Certains se sont installés sur le Plateau récemment, d’autres y vivent depuis toujours mais travaillaient seuls chez eux », détaille la coordinatrice, Camille Berthet.</p>
<p>Pour les élus, l’enjeu est démographique. La communauté de communes espère attirer de jeunes actifs, dans un territoire qui a perdu 4 % de sa population en dix ans. Elle négocie avec la Région le retour d’une desserte en car plus fréquente vers Vérennes, au départ de l’ancienne gare, pour en faire un pôle de mobilité.</p>
<p><em>Mise à jour : les horaires des permanences d’aide aux démarches en ligne ont été précisés.</em></p>`,
    tags: ["Numérique", "Emploi", "Transports"],
    publishedDaysAgo: 18,
    publishedHour: 9,
    updatedHoursAfter: 2,
    comments: [
      {
        name: "Léa Fontaine",
        email: "lea.fontaine@example.org",
        website: "https://blog.example.org/lea-fontaine",
        body: "J’y travaille depuis l’ouverture : l’ambiance est excellente, le café aussi. Ça change de l’isolement du télétravail à la maison.",
        status: "approved",
        minutesAfter: 120,
      },
      {
        name: "Brigitte Sauvage",
        email: "brigitte.sauvage@example.org",
        body: "Et pour ceux qui, comme au Crozet, n’ont toujours pas la fibre, quand arrive-t-elle ? On nous la promet depuis cinq ans.",
        status: "approved",
        minutesAfter: 400,
        replies: [
          {
            name: "Amina Benali",
            email: "amina.benali@example.org",
            body: "Selon le syndicat chargé du déploiement, les derniers hameaux du Plateau doivent être raccordables d’ici la fin de l’année prochaine. Nous ferons le point sur ce calendrier dans un prochain article.",
            status: "approved",
            minutesAfter: 700,
            replies: [
              {
                name: "Brigitte Sauvage",
                email: "brigitte.sauvage@example.org",
                body: "Merci. On attendra encore… mais on ne manquera pas de vous le rappeler !",
                status: "approved",
                minutesAfter: 760,
              },
            ],
          },
        ],
      },
      {
        name: "Gérard Pommier",
        email: "gerard.pommier@example.net",
        body: "Dix euros la journée pour s’asseoir à un bureau, c’est cher pour un territoire où les salaires sont bas.",
        status: "pending",
        minutesAfter: 900,
      },
    ],
  },
  {
    slug: "essarts-du-lac-meubles-de-tourisme-logement",
    category: "economie",
    author: "claire-dumas",
    title: "Aux Essarts-du-Lac, les meublés de tourisme grignotent le parc de logements",
    standfirst:
      "Un logement sur six de la commune est désormais loué aux vacanciers. La municipalité envisage d’encadrer les locations de courte durée, au grand dam de certains propriétaires.",
    body: `<p>Au bord du lac, les boîtes à clés se sont multipliées sur les façades. Aux Essarts-du-Lac, commune de 1 600 habitants prisée l’été pour sa plage surveillée et ses sentiers, on recense désormais 142 meublés de tourisme déclarés, contre 60 il y a six ans. Soit environ un logement sur six.</p>
<p>Pour les propriétaires, l’intérêt est évident : une maison louée à la semaine en juillet et en août peut rapporter autant qu’une location à l’année. Mais pour ceux qui cherchent à se loger, le marché s’est asséché. « J’ai été nommée à l’école en septembre. J’ai mis quatre mois à trouver une location, et j’ai fini à Valmorel, à vingt minutes », raconte une jeune enseignante.</p>
<h2>Des difficultés à recruter</h2>
<p>Les employeurs locaux font le même constat. Le camping municipal, l’Ehpad et plusieurs exploitations agricoles peinent à loger leurs salariés, en particulier les saisonniers. « Nous avons perdu deux recrutements cet été faute de logement. Les candidats venaient de loin et ne trouvaient rien à moins de 30 kilomètres », témoigne le directeur de l’établissement pour personnes âgées.</p>
<p>La maire, Sophie Lambert, veut agir avant que la situation ne s’aggrave. Le conseil municipal étudie plusieurs mesures permises par la législation récente :</p>
<ul><li>l’obligation d’enregistrer chaque meublé de tourisme en mairie, avec un numéro à afficher dans les annonces ;</li><li>une limitation du nombre de nuitées pour les résidences principales louées ;</li><li>une majoration de la taxe d’habitation sur les résidences secondaires ;</li><li>des aides pour les propriétaires qui remettent un logement en location à l’année.</li></ul>
<p>L’annonce a fait réagir. L’association des loueurs du lac, qui fédère une cinquantaine de propriétaires, rappelle que les vacanciers font vivre les commerces et que beaucoup de ses membres sont des retraités qui complètent une petite pension. « On nous désigne comme responsables, alors que le problème, c’est le manque de logements abordables », estime son président.</p>
<p>Une réunion de concertation avec les propriétaires est programmée le mois prochain. La mairie souhaite adopter les premières mesures avant la prochaine saison estivale.</p>`,
    tags: ["Logement", "Tourisme"],
    publishedDaysAgo: 60,
    publishedHour: 11,
    comments: [
      {
        name: "Pauline Gauthier",
        email: "pauline.gauthier@example.org",
        body: "C’est exactement ce que vit notre fils, saisonnier au camping : il dort dans sa voiture une partie de l’été. C’est indigne.",
        status: "approved",
        minutesAfter: 200,
      },
      {
        name: "Antoine Ravel",
        email: "antoine.ravel@example.com",
        website: "https://blog.example.org/histoire-du-plateau",
        body: "Je loue l’ancienne maison de ma mère aux vacanciers deux mois par an. Le reste du temps, personne n’en veut à l’année parce qu’elle est mal isolée.\n\nDes aides à la rénovation seraient plus utiles que des interdictions.",
        status: "approved",
        minutesAfter: 500,
        replies: [
          {
            name: "Jeanne Arnaud",
            email: "jeanne.arnaud@example.net",
            body: "C’est justement l’une des mesures citées dans l’article. Mais il faudrait qu’elles soient suffisantes pour rendre la location à l’année intéressante.",
            status: "approved",
            minutesAfter: 650,
            replies: [
              {
                name: "Antoine Ravel",
                email: "antoine.ravel@example.com",
                website: "https://blog.example.org/histoire-du-plateau",
                body: "Tout à fait. Si les montants sont sérieux, je suis prêt à étudier la question.",
                status: "approved",
                minutesAfter: 720,
              },
            ],
          },
        ],
      },
      {
        name: "Sylvie Chabert",
        email: "sylvie.chabert@example.com",
        body: "Un logement sur six… Le village se vide en hiver, les volets sont fermés dans la moitié des rues du bas. L’école risque d’en pâtir aussi.",
        status: "approved",
        minutesAfter: 900,
      },
      {
        name: "Karim Haddad",
        email: "karim.haddad@example.net",
        body: "Il faudrait aussi parler des résidences secondaires, qui sont encore plus nombreuses que les meublés.",
        status: "pending",
        minutesAfter: 1200,
      },
    ],
  },
];
