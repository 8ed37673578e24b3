import type { DemoArticle } from "./types.js";

export const articlesB: DemoArticle[] = [
  {
    slug: "festival-des-granges-devoile-sa-programmation",
    category: "culture",
    author: "amina-benali",
    title: "Le Festival des Granges dévoile une programmation resserrée pour sa douzième édition",
    standfirst:
      "Moins de soirées mais davantage de concerts gratuits : à Combe-Haute, les organisateurs revoient leur formule pour tenir un budget sous tension.",
    body: `<p>Ils l’avaient laissé entendre dès l’automne, c’est désormais officiel : le <strong>Festival des Granges</strong> se tiendra sur trois jours au lieu de quatre, du 11 au 13 juillet, dans les fermes et les prés de Combe-Haute. L’association organisatrice a présenté samedi une affiche d’une vingtaine de groupes, où se côtoient fanfares, musiques traditionnelles et quelques formations de rock venues des grandes villes voisines.</p>
<p>« Nous avons préféré raccourcir plutôt que d’augmenter le prix des billets », explique Mathilde Roussel, présidente de l’association depuis cinq ans. Le pass trois jours reste fixé à 42 euros, et les moins de douze ans entrent gratuitement. Une soirée entière, celle du vendredi, sera en accès libre sur la place de l’église.</p>
<h2>Des subventions en baisse</h2>
<p>Le festival fonctionne avec un budget d’environ 180 000 euros, dont un peu moins d’un tiers provient de subventions publiques. La communauté de communes du Plateau-de-Lise a maintenu son aide, mais celle du département a reculé de 15 %. Les organisateurs comptent sur la buvette, tenue par les bénévoles, et sur un nouveau système de mécénat auprès des artisans et commerçants du secteur.</p>
<p>Autre nouveauté : des navettes gratuites relieront la gare de Valmorel-sur-Lise au site du festival toutes les quarante minutes, jusqu’à deux heures du matin. L’an dernier, les embouteillages sur la petite route de la Combe avaient agacé les riverains autant que les festivaliers.</p>
<blockquote>« Un festival rural, c’est d’abord un village qui accepte de prêter ses granges pendant trois jours. On ne l’oublie pas. »</blockquote>
<p>Près de 250 bénévoles sont attendus. Les inscriptions sont ouvertes à la mairie de Combe-Haute et sur le site de l’association ; une réunion d’information est prévue le 14 juin à la salle des fêtes.</p>`,
    tags: ["Festival", "Tourisme", "Budget", "Transports"],
    publishedDaysAgo: 3,
    publishedHour: 11,
    updatedHoursAfter: 2,
    comments: [
      {
        name: "Gérard Pellissier",
        email: "gerard.pellissier@example.net",
        body: "Enfin des navettes ! L'an dernier j'ai mis quarante minutes pour faire trois kilomètres le samedi soir. Bonne décision.",
        status: "approved",
        minutesAfter: 95,
      },
      {
        name: "Léa Chaboud",
        email: "lea.chaboud@example.com",
        body: "Dommage pour le quatrième jour, le dimanche après-midi était le plus agréable pour venir en famille. J'espère que ce n'est que temporaire.",
        status: "approved",
        minutesAfter: 210,
        replies: [
          {
            name: "Mathieu Ravel",
            email: "mathieu.ravel@example.org",
            body: "Je suis bénévole depuis six ans : quatre jours, c'était devenu épuisant pour l'équipe. Trois jours bien faits valent mieux.",
            status: "approved",
            minutesAfter: 340,
          },
        ],
      },
      {
        name: "Sandrine Veyret",
        email: "sandrine.veyret@example.com",
        body: "Est-ce qu'on sait si la soirée gratuite du vendredi sera accessible aux personnes en fauteuil ? La place de l'église est pavée et en pente.",
        status: "pending",
        minutesAfter: 480,
      },
    ],
  },
  {
    slug: "mediatheque-valmorel-ouvre-le-dimanche",
    category: "culture",
    author: "julien-morel",
    title: "La médiathèque de Valmorel-sur-Lise ouvrira désormais le dimanche matin",
    standfirst:
      "À partir du mois prochain, l’équipement intercommunal accueillera le public chaque dimanche de 10 heures à 13 heures, une première sur le plateau.",
    body: `<p>C’était l’une des demandes les plus fréquentes du questionnaire distribué l’hiver dernier : pouvoir emprunter un livre ou un jeu le week-end, quand on travaille en semaine dans la vallée. La médiathèque <strong>Les Tilleuls</strong>, à Valmorel-sur-Lise, ouvrira donc le dimanche matin dès le premier week-end du mois prochain.</p>
<p>L’équipe passe de cinq à six agents, avec le recrutement d’une assistante de conservation à temps partiel. Le coût annuel, estimé à 28 000 euros, sera pris en charge en partie par l’État dans le cadre d’un contrat de soutien à l’extension des horaires des bibliothèques.</p>
<h2>Un espace numérique repensé</h2>
<p>L’ouverture dominicale s’accompagne d’un réaménagement de l’étage. Les anciens postes informatiques, vieillissants, sont remplacés par huit ordinateurs portables et deux tablettes, prêtés sur place. Un conseiller numérique assurera, un dimanche sur deux, une permanence pour aider aux démarches administratives en ligne.</p>
<p>« Beaucoup de gens viennent nous voir avec un formulaire de la caisse de retraite ou une déclaration d’impôts qu’ils n’arrivent pas à remplir seuls », observe Nadège Coulon, directrice de l’établissement. « Le dimanche, ils ont enfin le temps. »</p>
<ul>
<li>Mardi et jeudi : 14 h – 18 h 30</li>
<li>Mercredi et samedi : 10 h – 18 h</li>
<li>Vendredi : 15 h – 19 h</li>
<li>Dimanche : 10 h – 13 h</li>
</ul>
<p>La médiathèque restera en revanche fermée le lundi. Le réseau des petites bibliothèques de village, à Saint-Aubin-des-Crêts et aux Essarts-du-Lac, conserve ses horaires actuels, mais bénéficiera de navettes de documents deux fois par semaine au lieu d’une.</p>`,
    tags: ["Éducation", "Numérique", "Emploi"],
    publishedDaysAgo: 12,
    publishedHour: 9,
    comments: [
      {
        name: "Christine Faure",
        email: "christine.faure@example.org",
        body: "Excellente nouvelle. Avec les enfants, le samedi est toujours pris par le sport, le dimanche matin c'est parfait.",
        status: "approved",
        minutesAfter: 60,
      },
      {
        name: "Paul Bertrand",
        email: "paul.bertrand@example.net",
        website: "https://blog.example.net/paul-lit",
        body: "Et pourquoi toujours fermer le lundi ? Beaucoup de retraités seraient contents d'y aller en début de semaine. Bon, c'est déjà un progrès.",
        status: "approved",
        minutesAfter: 150,
      },
    ],
  },
  {
    slug: "souscription-clocher-saint-aubin-des-crets",
    category: "culture",
    author: "claire-dumas",
    title: "Saint-Aubin-des-Crêts lance une souscription pour sauver son clocher",
    standfirst:
      "Fissuré depuis l’hiver, le clocher de l’église Saint-Aubin menace de perdre sa flèche. La commune de 640 habitants ne peut pas financer seule les travaux.",
    body: `<p>Il domine le village depuis le XVIIᵉ siècle et sert encore de repère aux randonneurs qui descendent des crêtes. Mais le clocher de l’église de Saint-Aubin-des-Crêts est aujourd’hui ceinturé d’échafaudages de sécurité. Les gels successifs de janvier ont élargi une fissure déjà ancienne, et la flèche en bardeaux de mélèze penche de quelques centimètres vers le nord.</p>
<p>Le diagnostic réalisé par un architecte du patrimoine chiffre la restauration à <strong>410 000 euros</strong>. Un montant vertigineux pour une commune dont le budget d’investissement annuel ne dépasse pas 150 000 euros.</p>
<h2>Un appel aux dons ouvert à tous</h2>
<p>Le conseil municipal a voté à l’unanimité le lancement d’une souscription publique, en partenariat avec une fondation nationale de sauvegarde du patrimoine. Les dons ouvrent droit à une réduction d’impôt, et la fondation s’est engagée à abonder la collecte si celle-ci dépasse 50 000 euros. La commune prévoit pour sa part d’emprunter environ 60 000 euros ; le reste doit venir des dons et d’une aide régionale, demandée mais pas encore accordée.</p>
<p>« On nous demande souvent pourquoi dépenser autant pour une église qui n’accueille plus qu’une messe par mois », reconnaît le maire, Bernard Fayolle. « Mais ce clocher, c’est la silhouette du village. Les mariages, les enterrements, le concert de la Saint-Jean… tout le monde y a un souvenir. »</p>
<blockquote>« Si la flèche tombe, on ne la reconstruira jamais. C’est maintenant ou jamais. »</blockquote>
<p>Les travaux, s’ils sont financés, pourraient débuter au printemps prochain et durer huit mois. D’ici là, l’accès au parvis reste interdit et les cloches se sont tues. Une soirée de lancement de la souscription est prévue le 2 du mois prochain, avec une visite commentée des combles.</p>`,
    tags: ["Patrimoine", "Budget"],
    publishedDaysAgo: 27,
    publishedHour: 18,
    updatedHoursAfter: 20,
    comments: [
      {
        name: "Odile Marchand",
        email: "odile.marchand@example.com",
        body: "J'ai été baptisée dans cette église, comme ma mère. J'envoie mon chèque dès demain.",
        status: "approved",
        minutesAfter: 45,
      },
      {
        name: "Thomas Reynaud",
        email: "thomas.reynaud@example.net",
        body: "Je comprends l'attachement, mais 410 000 euros pour un clocher alors que l'école du village manque de chauffage correct, c'est difficile à entendre.",
        status: "approved",
        minutesAfter: 130,
        replies: [
          {
            name: "Bernadette Giraud",
            email: "bernadette.giraud@example.org",
            body: "Justement, c'est une souscription : personne n'est obligé de donner, et l'argent de la fondation n'irait de toute façon pas à l'école.",
            status: "approved",
            minutesAfter: 200,
            replies: [
              {
                name: "Thomas Reynaud",
                email: "thomas.reynaud@example.net",
                body: "C'est vrai pour les dons. Mais la commune mettra aussi sa part, non ? L'article ne le dit pas.",
                status: "approved",
                minutesAfter: 260,
              },
            ],
          },
          {
            name: "Claire Dumas",
            email: "claire.dumas@example.org",
            body: "Précision ajoutée à l'article après vérification auprès de la mairie : la commune prévoit d'emprunter environ 60 000 euros, le reste devant venir des dons, de la fondation et d'une aide régionale demandée.",
            status: "approved",
            minutesAfter: 1210,
          },
        ],
      },
      {
        name: "Jean-Luc Vernet",
        email: "jeanluc.vernet@example.com",
        body: "Les bardeaux de mélèze, il en reste un artisan sur le plateau capable de les tailler à la main. Ce serait bien que le chantier lui soit confié.",
        status: "pending",
        minutesAfter: 1500,
      },
    ],
  },
  {
    slug: "cinema-le-familia-repris-en-cooperative",
    category: "culture",
    author: "amina-benali",
    title: "Le Familia, dernier cinéma du plateau, repris par ses spectateurs",
    standfirst:
      "Menacé de fermeture après le départ à la retraite de son exploitant, le cinéma des Essarts-du-Lac devient une coopérative dont 380 habitants sont sociétaires.",
    body: `<p>Il y a un an, la pancarte « à vendre » collée sur la vitrine du <strong>Familia</strong> avait fait l’effet d’un coup de tonnerre aux Essarts-du-Lac. Après trente-quatre ans derrière le projecteur, Roger Lambert souhaitait passer la main, et aucun repreneur ne se présentait pour une salle unique de 160 fauteuils.</p>
<p>Douze mois plus tard, le cinéma rouvre ses portes sous une forme inédite dans la région : une société coopérative d’intérêt collectif. Spectateurs, salariés, commune et associations détiennent ensemble le capital, réuni à raison de parts à 50 euros. « Certains en ont pris une, d’autres vingt. Chacun a une voix, quel que soit le montant », résume Élodie Sarrazin, qui préside le conseil de la coopérative.</p>
<h2>Deux emplois créés</h2>
<p>La structure emploie désormais un projectionniste-programmateur à temps plein et une médiatrice à mi-temps, chargée des séances scolaires et des ciné-débats. Roger Lambert, lui, reste bénévole « pour les films de patrimoine du jeudi », qu’il choisit toujours lui-même.</p>
<p>La programmation mêlera sorties nationales, avec un décalage de deux à trois semaines, et cycles thématiques. Un partenariat est en discussion avec le lycée de Valmorel-sur-Lise pour une option cinéma-audiovisuel.</p>
<blockquote>« Une salle de cinéma dans un bourg de 2 000 habitants, ce n’est pas un luxe. C’est l’endroit où l’on se retrouve quand il fait nuit à 17 heures. »</blockquote>
<p>La réouverture est fixée au premier vendredi du mois, avec une séance gratuite pour les sociétaires. Les travaux d’accessibilité, financés en partie par le Centre national du cinéma, ont permis d’installer une rampe et une boucle magnétique pour les spectateurs malentendants.</p>`,
    tags: ["Emploi", "Patrimoine"],
    publishedDaysAgo: 41,
    publishedHour: 14,
    comments: [
      {
        name: "Yannick Chabert",
        email: "yannick.chabert@example.org",
        website: "https://www.example.org/yannick",
        body: "Fier d'être sociétaire ! J'ai vu mon premier film au Familia en 1992, je ne pouvais pas le laisser fermer.",
        status: "approved",
        minutesAfter: 75,
        replies: [
          {
            name: "Élodie Sarrazin",
            email: "elodie.sarrazin@example.com",
            body: "Merci Yannick, et merci à tous ceux qui ont cru au projet. Les souscriptions restent ouvertes pour ceux qui voudraient nous rejoindre.",
            status: "approved",
            minutesAfter: 190,
          },
        ],
      },
      {
        name: "Nathalie Brun",
        email: "nathalie.brun@example.net",
        body: "Les sorties avec trois semaines de retard, c'est un peu dommage pour les ados qui veulent voir les films en même temps que leurs copains de la ville. Mais je comprends que ce soit une question de coût.",
        status: "approved",
        minutesAfter: 320,
      },
      {
        name: "Rémi Dufour",
        email: "remi.dufour@example.com",
        body: "Bravo pour la boucle magnétique, c'est rare dans les petites salles. Ma mère va pouvoir revenir au cinéma.",
        status: "pending",
        minutesAfter: 900,
      },
    ],
  },
  {
    slug: "collectage-parler-du-plateau",
    category: "culture",
    author: "julien-morel",
    title: "« Avant qu’il ne soit trop tard » : une association enregistre le parler du plateau",
    standfirst:
      "Depuis deux ans, les bénévoles de l’association La Veillée sillonnent les hameaux pour recueillir les mots, chansons et récits des derniers locuteurs du patois local.",
    body: `<p>Dans la cuisine de Marcelle, 91 ans, à Sorbières-du-Col, un petit enregistreur est posé entre la cafetière et une assiette de bugnes. Pendant près de deux heures, elle raconte les foins d’autrefois, les veillées d’hiver et la fois où le loup — « un vrai, pas celui des journaux » — est descendu jusqu’au lavoir. Elle le raconte dans la langue de son enfance, un parler que plus personne dans sa famille ne comprend vraiment.</p>
<p>L’association <strong>La Veillée</strong> a déjà réalisé plus de 140 heures d’enregistrements auprès de 63 personnes. Son objectif : constituer une archive sonore du parler du plateau, une variante locale dont les linguistes estiment qu’elle compte aujourd’hui moins de quelques centaines de locuteurs réguliers.</p>
<h2>Une archive en ligne d’ici l’automne</h2>
<p>Les enregistrements sont transcrits, traduits et indexés par une dizaine de bénévoles, avec l’aide d’une doctorante en dialectologie. Une première sélection sera mise en ligne à l’automne sur un site consultable gratuitement, avec une carte permettant d’écouter les témoignages hameau par hameau.</p>
<p>« Chaque vallée avait ses mots à elle. Pour dire “la luge”, on n’utilisait pas le même terme à Combe-Haute et à Brûlemont, qui sont pourtant à six kilomètres », s’amuse Pierre Astier, fondateur de l’association et ancien instituteur.</p>
<p>Le projet a aussi un volet scolaire. Depuis janvier, deux classes de CM1-CM2 de Valmorel-sur-Lise reçoivent chaque mois un conteur de l’association. Les élèves ont composé un petit lexique illustré de cinquante mots, qui sera imprimé et distribué dans les écoles du secteur.</p>
<p>L’association cherche encore des témoins, notamment dans les hameaux du versant nord. Elle lance aussi un appel aux familles qui conserveraient d’anciennes cassettes ou bandes magnétiques de fêtes ou de veillées : elles seront numérisées gratuitement.</p>`,
    tags: ["Patrimoine", "Éducation", "Numérique"],
    publishedDaysAgo: 55,
    publishedHour: 7,
    comments: [
      {
        name: "Françoise Allemand",
        email: "francoise.allemand@example.org",
        body: "Mon grand-père parlait ce patois, et je regrette tellement de ne pas l'avoir enregistré. Très beau projet.\n\nJ'ai des cassettes d'une noce de 1978 à Brûlemont, je vais contacter l'association.",
        status: "approved",
        minutesAfter: 240,
      },
      {
        name: "Kévin Lopez",
        email: "kevin.lopez@example.net",
        body: "Est-ce que l'archive sera sous licence libre ? Ce serait important pour que les chercheurs et les enseignants puissent la réutiliser.",
        status: "approved",
        minutesAfter: 600,
        replies: [
          {
            name: "Julien Morel",
            email: "julien.morel@example.org",
            body: "Bonne question. L'association nous indique que les enregistrements seront diffusés sous une licence permettant la réutilisation non commerciale, avec l'accord signé de chaque témoin.",
            status: "approved",
            minutesAfter: 1400,
          },
        ],
      },
    ],
  },
  {
    slug: "exposition-village-englouti-essarts",
    category: "culture",
    author: "claire-dumas",
    title: "Sous le lac, l’ancien village : une exposition ravive la mémoire des Essarts",
    standfirst:
      "Soixante-dix ans après la mise en eau du barrage, la maison du lac présente photographies, objets et témoignages du hameau noyé du Vieux-Essart.",
    body: `<p>Quand les eaux du lac baissent, à la fin des étés secs, on aperçoit parfois la ligne d’un muret ou l’arche d’un petit pont. C’est tout ce qui reste, à l’air libre, du <strong>Vieux-Essart</strong>, hameau d’une trentaine de maisons englouti lors de la construction du barrage, au milieu des années 1950.</p>
<p>L’exposition « Ce que l’eau a gardé », présentée jusqu’à la fin de l’été à la maison du lac, rassemble plus de 200 photographies prêtées par des familles, des plans d’expropriation et des objets sauvés avant la montée des eaux : une horloge d’école, des ex-voto, la cloche de la chapelle.</p>
<h2>Des familles dispersées</h2>
<p>Le parcours ne cache rien des blessures de l’époque. Les indemnités, jugées dérisoires par beaucoup, les familles relogées dans des maisons neuves mais sans terres, les tombes du petit cimetière transférées en une seule semaine. Des extraits de lettres adressées au préfet témoignent de la colère d’alors.</p>
<blockquote>« Mon père n’a jamais voulu retourner se promener au bord du lac. Pour lui, c’était une tombe. »</blockquote>
<p>Cette phrase, Jeanne Moulin, 82 ans, l’a prononcée devant les élèves du collège venus enregistrer les témoignages diffusés dans la dernière salle. Elle avait douze ans lorsque sa famille a quitté la ferme.</p>
<p>L’exposition interroge aussi l’avenir. Avec la baisse répétée du niveau du lac ces derniers étés, les vestiges émergent de plus en plus souvent, et attirent des curieux. La commune des Essarts-du-Lac réfléchit à un sentier balisé pour encadrer ces visites et protéger les ruines. L’entrée est libre, du mercredi au dimanche, de 14 heures à 18 heures.</p>`,
    tags: ["Eau", "Patrimoine", "Tourisme"],
    publishedDaysAgo: 19,
    publishedHour: 16,
    comments: [
      {
        name: "Hervé Tissot",
        email: "herve.tissot@example.com",
        body: "J'y suis allé dimanche avec mes enfants. La salle des témoignages est bouleversante. Bravo aux collégiens pour leur travail.",
        status: "approved",
        minutesAfter: 1300,
      },
      {
        name: "Maryse Collomb",
        email: "maryse.collomb@example.org",
        body: "Attention au sentier balisé : si on fait venir du monde sur les ruines, elles vont se dégrader très vite. Il faudrait plutôt un panneau d'information depuis la rive.",
        status: "approved",
        minutesAfter: 1720,
        replies: [
          {
            name: "Hervé Tissot",
            email: "herve.tissot@example.com",
            body: "Les gens y vont de toute façon, autant canaliser les passages. Un balisage avec des zones interdites me paraît un bon compromis.",
            status: "approved",
            minutesAfter: 1850,
          },
        ],
      },
      {
        name: "Alain Perrier",
        email: "alain.perrier@example.net",
        body: "Ma grand-tante habitait la dernière maison avant le pont. Savez-vous si les plans d'expropriation seront consultables aux archives après l'exposition ?",
        status: "pending",
        minutesAfter: 2900,
      },
    ],
  },
  {
    slug: "orchestre-en-residence-ecoles-du-plateau",
    category: "culture",
    author: "amina-benali",
    title: "Un orchestre en résidence dans les écoles du plateau jusqu’en juin",
    standfirst:
      "Douze musiciens professionnels partagent le quotidien de six écoles rurales. Le projet se conclura par un concert commun au festival des Granges.",
    body: `<p>Ce mardi matin, dans la classe unique de Brûlemont, onze enfants de 6 à 10 ans tiennent un violon pour la première fois. Face à eux, Inès Carvalho, altiste, leur montre comment poser l’archet « comme on tient un oiseau, sans l’écraser ». Le silence qui suit le premier son, un peu grinçant, se termine en éclat de rire général.</p>
<p>Depuis la rentrée de janvier, l’<strong>Ensemble Lisière</strong>, un orchestre de chambre de douze musiciens, est en résidence dans six écoles du plateau. Chaque classe reçoit un musicien une demi-journée par semaine, et les instruments sont prêtés aux élèves pour toute la durée du projet.</p>
<h2>Un financement partagé</h2>
<p>Le projet, d’un coût de 95 000 euros, est porté par la communauté de communes, avec le soutien du ministère de la Culture, de l’Éducation nationale et d’une fondation d’entreprise. Les familles n’ont rien à payer. « Dans nos villages, l’école de musique la plus proche est à quarante minutes de route. Pour beaucoup d’enfants, c’est la seule occasion de toucher un instrument », souligne la conseillère pédagogique de la circonscription.</p>
<p>Les enseignants notent des effets au-delà de la musique. « Apprendre à attendre son tour, écouter les autres, recommencer dix fois le même passage… c’est tout ce qu’on essaie de leur apprendre le reste de l’année », sourit Damien Faure, directeur de l’école de Saint-Aubin-des-Crêts.</p>
<ul>
<li>6 écoles et 142 élèves concernés</li>
<li>12 musiciens, 4 familles d’instruments</li>
<li>Un concert final le 12 juillet au festival des Granges</li>
</ul>
<p>Les musiciens donneront aussi trois concerts publics dans les églises du secteur au printemps. L’entrée sera gratuite, et les élèves joueront en première partie.</p>`,
    tags: ["Éducation", "Festival"],
    publishedDaysAgo: 8,
    publishedHour: 13,
    comments: [
      {
        name: "Aurélie Mathieu",
        email: "aurelie.mathieu@example.com",
        body: "Ma fille rentre chaque mardi en chantonnant. Merci à l'Ensemble Lisière et aux enseignants pour ce projet.",
        status: "approved",
        minutesAfter: 140,
      },
      {
        name: "Sébastien Roux",
        email: "sebastien.roux@example.net",
        body: "Et après juin ? Ce serait dommage de donner le goût de la musique aux enfants et de tout arrêter ensuite. Y a-t-il une suite prévue ?",
        status: "approved",
        minutesAfter: 410,
        replies: [
          {
            name: "Amina Benali",
            email: "amina.benali@example.org",
            body: "La communauté de communes nous a indiqué réfléchir à des ateliers hebdomadaires à la médiathèque de Valmorel à partir de la rentrée, mais rien n'est encore voté.",
            status: "approved",
            minutesAfter: 700,
          },
        ],
      },
      {
        name: "Gilles Brunet",
        email: "gilles.brunet@example.org",
        body: "Les dates des concerts dans les églises sont-elles connues ?",
        status: "pending",
        minutesAfter: 1100,
      },
    ],
  },
  {
    slug: "lise-au-plus-bas-restrictions-eau",
    category: "sciences",
    author: "julien-morel",
    title: "La Lise au plus bas : le plateau passe en alerte renforcée sécheresse",
    standfirst:
      "Le débit de la rivière est tombé à un niveau jamais mesuré à cette période. Arrosage, remplissage des piscines et irrigation sont désormais strictement encadrés.",
    body: `<p>À la station de mesure du pont de Valmorel, le débit de la Lise n’atteignait plus mardi que <strong>310 litres par seconde</strong>, soit moins du quart de sa moyenne habituelle pour la saison. Jamais, depuis l’installation de la station il y a quarante-cinq ans, la rivière n’avait été aussi basse aussi tôt dans l’année.</p>
<p>La préfecture a placé l’ensemble du bassin en <strong>alerte renforcée</strong>. Concrètement, l’arrosage des jardins et des espaces verts est interdit entre 8 heures et 20 heures, le lavage des voitures hors station est proscrit, et le remplissage des piscines privées est suspendu. Les agriculteurs irrigants doivent réduire leurs prélèvements de 50 %. Ces règles valent quelle que soit l’origine de l’eau, réseau public, puits ou forage privé ; seule l’eau de pluie récupérée y échappe.</p>
<h2>Un hiver sans neige, un printemps sans pluie</h2>
<p>L’explication tient en deux saisons. Le manteau neigeux, qui alimente la rivière jusqu’au début de l’été, a été quasi inexistant cet hiver sur les crêtes. Et le printemps a enregistré un déficit de pluie de 40 % par rapport à la normale. « Les nappes n’ont pas pu se recharger. La rivière vit sur des réserves qui n’existent plus », résume un hydrologue du syndicat de rivière.</p>
<p>Du côté des exploitations, l’inquiétude monte. « Le maïs ensilage, sans eau en juillet, c’est une demi-récolte. Et une demi-récolte, c’est du foin à acheter cet hiver pour les bêtes », explique Marc Vial, éleveur laitier à Chaudevelle. Certains agriculteurs ont déjà commencé à puiser dans leurs stocks de fourrage.</p>
<blockquote>« On ne peut plus raisonner comme si ces étés étaient des exceptions. »</blockquote>
<p>Le syndicat de rivière rappelle que les contrôles seront renforcés. Les communes du plateau envisagent, de leur côté, d’accélérer la recherche de fuites sur leurs réseaux d’eau potable : sur certains tronçons anciens, près d’un litre sur trois serait perdu avant d’arriver au robinet. Une réunion publique est prévue jeudi soir à la salle polyvalente de Valmorel-sur-Lise.</p>`,
    tags: ["Eau", "Climat", "Agriculture"],
    publishedDaysAgo: 1,
    publishedHour: 7,
    updatedHoursAfter: 6,
    comments: [
      {
        name: "Martine Girod",
        email: "martine.girod@example.org",
        body: "Et pendant ce temps, le golf de la vallée continue d'arroser ses greens tous les matins. Deux poids, deux mesures.",
        status: "approved",
        minutesAfter: 35,
        replies: [
          {
            name: "Olivier Besson",
            email: "olivier.besson@example.net",
            body: "D'après l'arrêté préfectoral, les golfs n'ont droit qu'aux greens, pas aux fairways, et seulement la nuit. C'est déjà une réduction importante.",
            status: "approved",
            minutesAfter: 80,
            replies: [
              {
                name: "Martine Girod",
                email: "martine.girod@example.org",
                body: "Peut-être, mais moi je n'ai même plus le droit d'arroser mes tomates en journée. Ça reste choquant.",
                status: "approved",
                minutesAfter: 115,
              },
              {
                name: "Lucas Vidal",
                email: "lucas.vidal@example.com",
                body: "Vous pouvez arroser votre potager le soir après 20 heures, c'est autorisé. Et c'est d'ailleurs plus efficace, moins d'évaporation.",
                status: "approved",
                minutesAfter: 160,
              },
            ],
          },
        ],
      },
      {
        name: "Marc Vial",
        email: "marc.vial@example.com",
        body: "Merci d'avoir parlé de nous. Je tiens à préciser qu'on ne demande pas de traitement de faveur : on a réduit nos prélèvements bien avant l'arrêté. Mais il faut que les gens comprennent que sans fourrage, pas de lait ni de fromage l'an prochain.",
        status: "approved",
        minutesAfter: 190,
        replies: [
          {
            name: "Sophie Lacombe",
            email: "sophie.lacombe@example.net",
            website: "https://sophie.example.net",
            body: "Tout le monde comprend, je crois. La question, c'est plutôt de savoir si le maïs est encore la bonne culture ici avec des étés pareils.",
            status: "approved",
            minutesAfter: 250,
            replies: [
              {
                name: "Marc Vial",
                email: "marc.vial@example.com",
                body: "On se la pose aussi, cette question. On a semé du sorgho sur deux parcelles l'an dernier pour tester. Mais changer de système, ça prend des années et ça coûte cher.",
                status: "approved",
                minutesAfter: 330,
              },
            ],
          },
        ],
      },
      {
        name: "Denis Roche",
        email: "denis.roche@example.org",
        body: "Un litre sur trois perdu dans les tuyaux ! Ça, c'est le vrai scandale. On demande aux habitants de faire des efforts alors que les réseaux fuient depuis des années.",
        status: "approved",
        minutesAfter: 270,
        replies: [
          {
            name: "Patrick Lemaire",
            email: "patrick.lemaire@example.com",
            body: "Je suis conseiller municipal à Combe-Haute. Remplacer un kilomètre de canalisation coûte autour de 200 000 euros chez nous. On le fait, mais petit à petit, sinon il faudrait tripler le prix de l'eau.",
            status: "approved",
            minutesAfter: 420,
          },
        ],
      },
      {
        name: "Isabelle Charrier",
        email: "isabelle.charrier@example.net",
        body: "Une question pour le journaliste : les restrictions concernent-elles aussi les particuliers qui ont un puits privé ?",
        status: "approved",
        minutesAfter: 300,
        replies: [
          {
            name: "Julien Morel",
            email: "julien.morel@example.org",
            body: "Oui : selon la préfecture, les mêmes règles s'appliquent, que l'eau provienne du réseau, d'un puits ou d'un forage. Seuls les récupérateurs d'eau de pluie échappent aux restrictions. Nous avons ajouté cette précision à l'article.",
            status: "approved",
            minutesAfter: 310,
          },
        ],
      },
      {
        name: "Anne-Sophie Dumont",
        email: "annesophie.dumont@example.com",
        body: "À quelle heure est la réunion publique jeudi ?",
        status: "approved",
        minutesAfter: 520,
        replies: [
          {
            name: "Lucas Vidal",
            email: "lucas.vidal@example.com",
            body: "20 heures, c'est indiqué sur le panneau lumineux de la mairie de Valmorel.",
            status: "approved",
            minutesAfter: 560,
          },
        ],
      },
      {
        name: "Ginette Bouvier",
        email: "ginette.bouvier@example.org",
        body: "J'ai 78 ans et je n'ai jamais vu la Lise comme ça, même en 1976. On pouvait traverser à pied sous le vieux moulin hier.",
        status: "pending",
        minutesAfter: 890,
      },
      {
        name: "Frédéric Morin",
        email: "frederic.morin@example.net",
        body: "Il faudrait aussi parler des retenues collinaires. Stocker l'eau l'hiver pour l'été, ça paraît du bon sens, non ?",
        status: "pending",
        minutesAfter: 1180,
      },
    ],
  },
  {
    slug: "tourbiere-des-sagnes-hautes-restauration",
    category: "sciences",
    author: "amina-benali",
    title: "À la tourbière des Sagnes-Hautes, on rebouche les fossés pour retenir l’eau",
    standfirst:
      "Drainée dans les années 1960 pour en faire des pâtures, la plus grande tourbière du plateau retrouve peu à peu son rôle d’éponge, grâce à un programme financé par l’Union européenne.",
    body: `<p>Sur le papier, l’opération paraît simple : combler des fossés. Sur le terrain, entre les touffes de linaigrettes et les sphaignes gorgées d’eau, il a fallu une pelle mécanique à chenilles larges, des tonnes de tourbe compactée et beaucoup de patience. En trois automnes, près de <strong>4,2 kilomètres de drains</strong> ont été neutralisés à la tourbière des Sagnes-Hautes, au-dessus de Combe-Haute.</p>
<p>Le chantier s’inscrit dans un programme de restauration des zones humides de montagne, financé à 60 % par l’Union européenne et piloté par le conservatoire régional des espaces naturels. Objectif : faire remonter le niveau de l’eau dans la tourbière, pour qu’elle cesse de s’assécher et de se décomposer.</p>
<h2>Un stock de carbone à protéger</h2>
<p>Une tourbière, rappellent les scientifiques, c’est d’abord un formidable réservoir. Sur ses 85 hectares, celle des Sagnes-Hautes stockerait plusieurs centaines de milliers de tonnes de carbone, accumulées depuis la fin de la dernière glaciation. Asséchée, la tourbe s’oxyde et relâche ce carbone dans l’atmosphère.</p>
<p>Elle joue aussi un rôle précieux pour la Lise. « Une tourbière en bon état absorbe l’eau au printemps et la restitue lentement tout l’été. C’est exactement ce qui nous manque en période de sécheresse », explique Claire-Anne Rigaud, chargée de mission au conservatoire.</p>
<p>Les premiers résultats sont encourageants. Les piézomètres installés sur le site montrent une remontée moyenne de la nappe de 18 centimètres. Et deux espèces disparues du site depuis vingt ans, la drosera à feuilles rondes et un petit papillon, le nacré de la canneberge, ont été revues l’été dernier.</p>
<p>Les agriculteurs qui faisaient pâturer leurs génisses sur les bords de la tourbière ont été associés au projet. Ils conservent un droit de pâturage extensif sur les secteurs les plus secs, le piétinement léger des bêtes aidant même certaines plantes rares.</p>`,
    tags: ["Biodiversité", "Climat", "Eau", "Europe"],
    publishedDaysAgo: 33,
    publishedHour: 10,
    comments: [
      {
        name: "Bruno Jacquet",
        email: "bruno.jacquet@example.org",
        website: "https://naturaliste.example.org",
        body: "Superbe nouvelle pour le nacré de la canneberge ! J'ai participé aux comptages l'été dernier, on était tous émus de le revoir.",
        status: "approved",
        minutesAfter: 180,
      },
      {
        name: "Henri Pascal",
        email: "henri.pascal@example.net",
        body: "Mon père a creusé une partie de ces fossés à la main dans les années soixante, à la demande de l'État qui payait pour ça. Drôle d'époque où l'on défait ce qu'on a fait avec tant de peine.",
        status: "approved",
        minutesAfter: 650,
        replies: [
          {
            name: "Claire-Anne Rigaud",
            email: "claireanne.rigaud@example.com",
            body: "C'est un témoignage précieux. Nous préparons un petit livret sur l'histoire du site : accepteriez-vous d'être interviewé ?",
            status: "approved",
            minutesAfter: 1500,
          },
        ],
      },
    ],
  },
  {
    slug: "loup-observe-sur-le-plateau",
    category: "sciences",
    author: "julien-morel",
    title: "Le retour du loup confirmé sur le plateau, les éleveurs demandent des moyens",
    standfirst:
      "Des analyses génétiques attestent la présence d’au moins un loup entre Brûlemont et le col des Faux-Vents. Trois attaques sur des brebis ont été recensées depuis le printemps.",
    body: `<p>Les rumeurs circulaient depuis l’hiver. Une silhouette aperçue au petit matin par un chasseur, des traces dans la neige photographiées par un randonneur. C’est désormais une certitude : les analyses génétiques réalisées sur des poils et des excréments prélevés en mars confirment la présence d’un <strong>loup gris</strong>, un mâle probablement en dispersion depuis les massifs voisins.</p>
<p>Depuis le printemps, trois attaques ont été attribuées à l’animal, pour un total de quatorze brebis tuées ou blessées dans deux exploitations de Brûlemont et de Sorbières-du-Col. Les éleveurs concernés ont été indemnisés, mais la colère est palpable.</p>
<h2>« Nos troupeaux ne sont pas faits pour ça »</h2>
<p>« Ici, les brebis pâturent dans de petites parcelles, souvent loin de la ferme. On ne peut pas mettre des chiens de protection et des clôtures électriques partout du jour au lendemain », explique Sylvie Arnaud, qui élève 250 brebis à Brûlemont. Elle a perdu six bêtes lors de la dernière attaque.</p>
<p>La préfecture a annoncé le classement du secteur en zone d’attention, ce qui ouvre droit à des aides pour le gardiennage, les clôtures et l’achat de chiens. Une cellule de veille réunissant éleveurs, chasseurs, naturalistes et services de l’État se réunira chaque mois.</p>
<blockquote>« Le loup est une espèce protégée, mais l’élevage de montagne mérite aussi d’être protégé. Il faut trouver un chemin entre les deux. »</blockquote>
<p>Pour les naturalistes, il est trop tôt pour parler d’installation durable. « Un jeune mâle peut parcourir des centaines de kilomètres. Il peut repartir comme il est venu, ou trouver une femelle et former une meute », rappelle un agent de l’Office français de la biodiversité. Un suivi par pièges photographiques a été mis en place. Les randonneurs qui observeraient l’animal ou ses traces sont invités à les signaler en mairie.</p>`,
    tags: ["Agriculture", "Biodiversité"],
    publishedDaysAgo: 16,
    publishedHour: 19,
    updatedHoursAfter: 26,
    commentsClosed: true,
    comments: [
      {
        name: "Jacques Guérin",
        email: "jacques.guerin@example.com",
        body: "Tout mon soutien aux éleveurs. Ceux qui défendent le loup depuis leur appartement en ville ne se lèvent pas à 5 heures pour trouver leurs bêtes égorgées.",
        status: "approved",
        minutesAfter: 40,
        replies: [
          {
            name: "Céline Aubert",
            email: "celine.aubert@example.net",
            body: "J'habite à Sorbières, pas en ville, et je pense qu'on peut cohabiter avec le loup si l'État met vraiment les moyens pour les éleveurs. Opposer les uns aux autres n'aide personne.",
            status: "approved",
            minutesAfter: 95,
            replies: [
              {
                name: "Jacques Guérin",
                email: "jacques.guerin@example.com",
                body: "D'accord sur les moyens. Mais on attend toujours de voir ces moyens arriver sur le terrain.",
                status: "approved",
                minutesAfter: 150,
              },
            ],
          },
        ],
      },
      {
        name: "Sylvie Arnaud",
        email: "sylvie.arnaud@example.org",
        body: "Merci pour cet article qui reprend fidèlement mes propos. J'ajoute que l'indemnisation ne compense pas tout : les brebis rescapées sont stressées, plusieurs ont avorté depuis.",
        status: "approved",
        minutesAfter: 300,
      },
      {
        name: "Romain Fabre",
        email: "romain.fabre@example.com",
        body: "Question : est-ce dangereux pour les randonneurs ? Je monte souvent au col des Faux-Vents avec mon chien.",
        status: "approved",
        minutesAfter: 480,
        replies: [
          {
            name: "Julien Morel",
            email: "julien.morel@example.org",
            body: "Selon l'Office français de la biodiversité, le loup évite l'homme et les risques pour les randonneurs sont extrêmement faibles. Il est en revanche conseillé de tenir son chien en laisse, notamment près des troupeaux et de leurs chiens de protection.",
            status: "approved",
            minutesAfter: 900,
          },
        ],
      },
      {
        name: "Anonyme du plateau",
        email: "anonyme.plateau@example.net",
        body: "Il n'y a qu'une solution et tout le monde la connaît.",
        status: "pending",
        minutesAfter: 1020,
      },
    ],
  },
  {
    slug: "reseau-de-chaleur-bois-combe-haute",
    category: "sciences",
    author: "claire-dumas",
    title: "À Combe-Haute, le réseau de chaleur au bois chauffe déjà 70 logements",
    standfirst:
      "Un an après sa mise en service, la chaufferie alimentée par les forêts communales affiche un bilan supérieur aux prévisions. D’autres communes du plateau s’y intéressent.",
    body: `<p>Derrière l’ancienne scierie, un bâtiment en bardage de mélèze abrite désormais une chaudière de 600 kilowatts et un silo de 250 mètres cubes. Depuis l’automne dernier, la <strong>chaufferie communale de Combe-Haute</strong> alimente par un réseau souterrain de 2,3 kilomètres l’école, la mairie, la maison de santé, l’Ehpad et soixante-dix logements, dont une quarantaine de logements sociaux.</p>
<p>Le combustible vient pour l’essentiel des forêts communales et des scieries du secteur : plaquettes issues d’éclaircies, de branchages et de bois de mauvaise qualité, invendable en bois d’œuvre. « L’argent du chauffage reste au pays, au lieu de partir acheter du fioul », résume le maire, Gilbert Chapuis.</p>
<h2>Des factures en baisse pour les locataires</h2>
<p>Pour les locataires du bailleur social, la facture de chauffage a baissé en moyenne de 22 % par rapport à l’ancien système au fioul, selon les premiers relevés. La commune estime que le réseau évite l’émission d’environ 480 tonnes de CO₂ par an.</p>
<p>L’investissement, de 2,1 millions d’euros, a été financé à près de 60 % par des aides de l’État, de la région et de l’Ademe. Le reste a été emprunté sur vingt ans, remboursé par les abonnements. Le prix du kilowattheure, fixé en conseil municipal, est révisé une fois par an.</p>
<p>Tout n’a pas été parfait. Une panne de la vis d’alimentation du silo a privé l’école de chauffage pendant deux jours en janvier, et les travaux de tranchées, au printemps précédent, ont exaspéré certains riverains. Mais le bilan de la première saison dépasse les prévisions.</p>
<p>Les Essarts-du-Lac et Saint-Aubin-des-Crêts ont commandé des études de faisabilité. Reste une question que les forestiers posent avec insistance : la ressource locale suffira-t-elle si chaque village se dote de sa chaufferie, alors que les forêts souffrent déjà de la sécheresse ?</p>`,
    tags: ["Énergie", "Climat", "Logement", "Budget"],
    publishedDaysAgo: 47,
    publishedHour: 8,
    comments: [
      {
        name: "Vincent Carré",
        email: "vincent.carre@example.com",
        body: "Locataire aux Jardins de la Combe : je confirme la baisse de la facture. Et le logement est plus agréable, plus de radiateurs qui sentent le fioul.",
        status: "approved",
        minutesAfter: 320,
      },
      {
        name: "Étienne Blanc",
        email: "etienne.blanc@example.net",
        website: "https://foret.example.net",
        body: "La question de la fin de l'article est la bonne. Je suis technicien forestier : les volumes de petits bois disponibles sont réels, mais pas illimités. Il faudrait une planification à l'échelle de l'intercommunalité plutôt que commune par commune.",
        status: "approved",
        minutesAfter: 700,
        replies: [
          {
            name: "Hélène Monnier",
            email: "helene.monnier@example.org",
            body: "Tout à fait d'accord. Avec les épicéas qui dépérissent, il y aura beaucoup de bois à sortir ces prochaines années, mais après ?",
            status: "approved",
            minutesAfter: 860,
          },
        ],
      },
      {
        name: "Jean-Marc Prost",
        email: "jeanmarc.prost@example.com",
        body: "Deux jours sans chauffage à l'école en plein janvier, ce n'est pas un détail. Y a-t-il un système de secours maintenant ?",
        status: "pending",
        minutesAfter: 1440,
      },
    ],
  },
  {
    slug: "campagne-mesure-radon-ecoles",
    category: "sciences",
    author: "amina-benali",
    title: "Radon : des mesures au-dessus du seuil dans deux écoles du plateau",
    standfirst:
      "Une campagne de dépistage de ce gaz radioactif naturel a révélé des concentrations élevées dans deux bâtiments scolaires. Des travaux de ventilation sont prévus cet été.",
    body: `<p>On ne le voit pas, on ne le sent pas, et il est pourtant présent dans la plupart des sous-sols granitiques du plateau. Le <strong>radon</strong>, un gaz radioactif d’origine naturelle issu de la désintégration de l’uranium contenu dans les roches, s’accumule dans les pièces mal ventilées. Respiré pendant des années, il augmente le risque de cancer du poumon.</p>
<p>Comme la réglementation l’impose aux établissements recevant du public dans les zones les plus exposées, la communauté de communes a fait mesurer cet hiver les concentrations dans ses dix écoles et ses deux crèches. Les détecteurs, laissés en place pendant deux mois, ont rendu leurs résultats la semaine dernière.</p>
<h2>Deux bâtiments concernés</h2>
<p>Huit établissements se situent sous le niveau de référence de 300 becquerels par mètre cube. Mais deux écoles le dépassent : celle de Brûlemont, avec une moyenne de 520 Bq/m³ dans la salle de classe du rez-de-chaussée, et l’école maternelle de Sorbières-du-Col, à 410 Bq/m³.</p>
<p>« Il n’y a pas de danger immédiat, il faut le dire clairement aux parents. Le risque est lié à une exposition prolongée, sur des années », insiste le médecin de santé publique consulté par la collectivité. Dans l’attente des travaux, les enseignants ont reçu la consigne d’aérer les classes au moins dix minutes toutes les heures. Un courrier a été remis aux familles des deux écoles, et une réunion d’information est prévue mardi à 18 heures à Brûlemont.</p>
<ul>
<li>Installation d’une ventilation mécanique dans les deux écoles cet été</li>
<li>Étanchéification des passages de canalisations dans le sol</li>
<li>Nouvelle campagne de mesure à l’automne pour vérifier l’efficacité</li>
</ul>
<p>Le coût des travaux est estimé à 65 000 euros. Les particuliers qui s’inquiètent pour leur propre logement peuvent se procurer un dosimètre à prix réduit auprès de l’espace conseil habitat de Valmorel-sur-Lise, qui accompagne aussi les propriétaires dans leurs démarches d’amélioration.</p>`,
    tags: ["Santé", "Éducation", "Logement"],
    publishedDaysAgo: 6,
    publishedHour: 17,
    updatedHoursAfter: 3,
    comments: [
      {
        name: "Caroline Petit",
        email: "caroline.petit@example.com",
        body: "Mon fils est à l'école de Brûlemont. Pourquoi les parents n'ont-ils pas été prévenus avant la publication dans le journal ? J'ai appris la nouvelle ce soir en lisant votre article.",
        status: "approved",
        minutesAfter: 55,
        replies: [
          {
            name: "Amina Benali",
            email: "amina.benali@example.org",
            body: "La communauté de communes nous indique qu'un courrier a été remis aux familles ce vendredi par les enseignants, et qu'une réunion d'information aura lieu à l'école mardi à 18 heures. Nous avons complété l'article.",
            status: "approved",
            minutesAfter: 170,
          },
        ],
      },
      {
        name: "Thierry Gaillard",
        email: "thierry.gaillard@example.net",
        body: "Il faudrait rappeler que le tabac multiplie fortement le risque lié au radon. Aérer c'est bien, ne pas fumer c'est encore mieux.",
        status: "approved",
        minutesAfter: 400,
      },
      {
        name: "Laurence Michaud",
        email: "laurence.michaud@example.org",
        body: "Le dosimètre à prix réduit, c'est combien ? Ma maison est en pierre avec une cave en terre battue.",
        status: "pending",
        minutesAfter: 760,
      },
    ],
  },
  {
    slug: "extinction-eclairage-public-ciel-etoile",
    category: "sciences",
    author: "julien-morel",
    title: "Extinction nocturne : le plateau candidat au label de réserve de ciel étoilé",
    standfirst:
      "Dix-sept communes éteignent désormais leur éclairage public entre 23 heures et 5 heures. Économies d’énergie, faune nocturne et astronomes s’en félicitent.",
    body: `<p>Depuis le col des Faux-Vents, par une nuit sans lune, la Voie lactée se découpe désormais nettement au-dessus des villages. Il y a encore trois ans, les halos orangés de Valmorel-sur-Lise et des Essarts-du-Lac en gommaient une bonne partie. Depuis, <strong>dix-sept des vingt et une communes</strong> de l’intercommunalité ont adopté l’extinction de l’éclairage public au cœur de la nuit.</p>
<p>L’argument économique a d’abord pesé. Avec la flambée des prix de l’électricité, la facture d’éclairage de certaines communes avait doublé. À Saint-Aubin-des-Crêts, l’extinction et le remplacement des vieux lampadaires par des LED orientées vers le sol ont réduit la consommation de 68 %.</p>
<h2>Chauves-souris et papillons de nuit</h2>
<p>Mais les naturalistes mettent en avant d’autres bénéfices. La lumière artificielle désoriente les insectes nocturnes, qui meurent par milliers autour des lampadaires, et fragmente les territoires de chasse des chauves-souris. « Sur nos transects, on observe déjà un retour de certaines espèces lucifuges dans les bourgs », note un chiroptérologue bénévole.</p>
<p>Forte de ces résultats, l’intercommunalité a déposé un dossier de candidature au label international de <em>réserve de ciel étoilé</em>. Un club d’astronomie amateur, installé dans l’ancienne école de Chaudevelle, organise déjà des soirées d’observation ouvertes au public, et l’office de tourisme y voit un atout pour attirer des visiteurs hors saison.</p>
<p>L’extinction a aussi ses détracteurs. Certains habitants disent se sentir moins en sécurité en rentrant à pied le soir. Les gendarmes de la brigade locale indiquent pourtant n’avoir constaté aucune hausse des cambriolages ou des dégradations depuis sa mise en place. Plusieurs communes ont choisi de maintenir un éclairage près des arrêts de car scolaire, le matin en hiver.</p>`,
    tags: ["Énergie", "Biodiversité", "Tourisme", "Budget"],
    publishedDaysAgo: 24,
    publishedHour: 21,
    comments: [
      {
        name: "Stéphane Renaud",
        email: "stephane.renaud@example.org",
        website: "https://astro.example.org/stephane",
        body: "Membre du club de Chaudevelle : venez nous voir ! Prochaine soirée d'observation le premier samedi du mois, télescopes fournis. La différence de ciel depuis trois ans est spectaculaire.",
        status: "approved",
        minutesAfter: 90,
      },
      {
        name: "Monique Delorme",
        email: "monique.delorme@example.com",
        body: "Je rentre du travail à minuit et demi, à pied depuis l'arrêt de car. Dans le noir complet, je ne suis pas rassurée, quoi qu'en disent les statistiques.",
        status: "approved",
        minutesAfter: 260,
        replies: [
          {
            name: "Fabien Colin",
            email: "fabien.colin@example.net",
            body: "Je comprends. Dans notre commune, on a installé des détecteurs de présence sur le trajet entre l'arrêt et le centre, ça pourrait être une solution pour vous.",
            status: "approved",
            minutesAfter: 380,
          },
        ],
      },
      {
        name: "Éric Simon",
        email: "eric.simon@example.net",
        body: "Très bon article. Quelles sont les quatre communes qui n'ont pas encore éteint ?",
        status: "pending",
        minutesAfter: 1020,
      },
    ],
  },
  {
    slug: "scolytes-epiceas-forets-du-plateau",
    category: "sciences",
    author: "claire-dumas",
    title: "Ravagées par les scolytes, les pessières du plateau changent de visage",
    standfirst:
      "Affaiblis par les sécheresses, les épicéas succombent par milliers à un petit coléoptère. Forestiers et communes doivent couper vite et repenser les forêts de demain.",
    body: `<p>Vu de la route de Combe-Haute, le versant nord du Grand Crêt semble avoir pris des couleurs d’automne en plein été. Ce sont des épicéas morts, rougis sur pied. En cause : le <strong>typographe</strong>, un scolyte de quelques millimètres qui creuse ses galeries sous l’écorce et coupe la circulation de la sève.</p>
<p>Le phénomène n’est pas nouveau, mais il a changé d’échelle. Les épicéas, plantés en masse après la guerre sur des terres parfois trop basses et trop sèches pour eux, souffrent du manque d’eau depuis plusieurs étés consécutifs. Affaiblis, ils ne produisent plus assez de résine pour repousser les insectes. Selon l’office forestier, près de <strong>40 000 mètres cubes</strong> de bois scolyté ont été récoltés l’an dernier sur le plateau, quatre fois plus qu’en année normale.</p>
<h2>Un marché du bois saturé</h2>
<p>Il faut couper vite, avant que les insectes ne s’envolent vers les arbres voisins. Mais l’afflux de bois dévalorisé a fait chuter les prix. Pour les communes forestières, dont les ventes de bois financent parfois une part importante du budget, le manque à gagner est lourd. À Brûlemont, les recettes forestières ont reculé de moitié en deux ans.</p>
<p>Les entreprises de travaux forestiers, elles, croulent sous le travail. « On a embauché deux bûcherons cette année, et on en cherche encore », témoigne Laurent Bérard, gérant d’une entreprise d’exploitation à Chaudevelle. Les scieries locales tournent à plein, mais s’inquiètent de l’après : dans quinze ans, il y aura beaucoup moins d’épicéas à scier.</p>
<h2>Replanter autrement</h2>
<p>Sur les parcelles rasées, les forestiers misent désormais sur le mélange : hêtres, sapins, érables, quelques chênes sessiles et même des douglas ou des cèdres à titre expérimental. « On ne sait pas exactement quel climat connaîtront ces arbres dans quatre-vingts ans. Alors on diversifie, pour ne pas mettre tous nos œufs dans le même panier », explique une ingénieure de l’office forestier. Dans certains secteurs, on laisse aussi la forêt se régénérer naturellement, une option moins coûteuse qui demande de la patience.</p>`,
    tags: ["Climat", "Biodiversité", "Emploi"],
    publishedDaysAgo: 58,
    publishedHour: 6,
    comments: [
      {
        name: "Laurent Bérard",
        email: "laurent.berard@example.com",
        body: "Nous cherchons toujours un bûcheron et un conducteur d'abatteuse, avis aux amateurs. C'est un métier dur mais passionnant.",
        status: "approved",
        minutesAfter: 600,
      },
      {
        name: "Michel Fontaine",
        email: "michel.fontaine@example.org",
        body: "On paie aujourd'hui les enrésinements des années cinquante. Nos anciens le disaient déjà : l'épicéa n'avait rien à faire en dessous de 900 mètres.",
        status: "approved",
        minutesAfter: 1300,
        replies: [
          {
            name: "Agnès Lebrun",
            email: "agnes.lebrun@example.net",
            body: "Il faut se replacer dans le contexte : après la guerre, il fallait du bois vite et l'État subventionnait ces plantations. Personne n'imaginait les sécheresses actuelles.",
            status: "approved",
            minutesAfter: 1650,
          },
        ],
      },
    ],
  },
  {
    slug: "fc-valmorel-remporte-le-derby-et-monte",
    category: "sport",
    author: "julien-morel",
    title: "Football : le FC Valmorel s’offre le derby et la montée en Régional 2",
    standfirst:
      "Vainqueur de l’US Combe-Haute (2-1) devant près de 900 spectateurs, le club de la vallée retrouve l’échelon régional, dix ans après l’avoir quitté.",
    body: `<p>Il restait quatre minutes à jouer au stade des Prés-Longs quand Kylian Massot a repris de la tête un corner frappé par Yanis Belkacem. Le ballon a touché la barre, puis la ligne, puis les filets. Dans la tribune en bois, plus personne n’était assis. Le <strong>FC Valmorel</strong> venait de prendre l’avantage 2-1 dans le derby face à l’US Combe-Haute, et de valider du même coup sa montée en Régional 2.</p>
<p>La rencontre avait pourtant mal commencé pour les locaux. Dès la 12ᵉ minute, l’attaquant de Combe-Haute, Anthony Vuillet, ouvrait le score d’une frappe croisée. Il a fallu attendre le retour des vestiaires et un penalty transformé par le capitaine, Jordan Faivre, pour voir le FC Valmorel revenir à hauteur.</p>
<h2>Dix ans d’attente</h2>
<p>Relégué au niveau départemental il y a dix ans, après une saison marquée par le départ de plusieurs cadres, le club avait entrepris une reconstruction patiente autour de son école de football. Sept des joueurs alignés dimanche sont passés par les équipes de jeunes du club.</p>
<blockquote>« Ce groupe, je l’ai vu grandir. Certains, je les entraînais quand ils avaient huit ans. Ce soir, c’est leur victoire. »</blockquote>
<p>Les mots de l’entraîneur, Didier Cattin, ont été couverts par les chants des supporters qui avaient envahi la pelouse au coup de sifflet final. Côté Combe-Haute, la déception était vive, mais le président du club a tenu à saluer « un adversaire qui mérite sa montée ».</p>
<p>La montée aura un coût : déplacements plus longs, exigences accrues en matière d’arbitrage et d’encadrement. Le club, qui fonctionne avec un budget de 85 000 euros et une soixantaine de bénévoles, compte sur le soutien de la commune et de ses partenaires. Il reste une journée à disputer, sans enjeu, samedi prochain à Sorbières-du-Col.</p>`,
    tags: ["Football", "Bénévolat"],
    publishedDaysAgo: 0,
    publishedHour: 22,
    updatedHoursAfter: 1,
    comments: [
      {
        name: "Kevin Jeannin",
        email: "kevin.jeannin@example.com",
        body: "Quelle soirée ! Allez le FCV !",
        status: "approved",
        minutesAfter: 12,
      },
      {
        name: "Corinne Massot",
        email: "corinne.massot@example.net",
        body: "Petite correction : c'est Kylian qui a marqué le deuxième but, pas Yanis, qui a tiré le corner. Je suis sa mère, je ne risque pas de me tromper !",
        status: "approved",
        minutesAfter: 30,
        replies: [
          {
            name: "Julien Morel",
            email: "julien.morel@example.org",
            body: "Merci, c'est corrigé. Et félicitations à votre fils !",
            status: "approved",
            minutesAfter: 55,
          },
        ],
      },
      {
        name: "Raphaël Nicolet",
        email: "raphael.nicolet@example.org",
        body: "Supporter de Combe-Haute depuis quarante ans, je reconnais que Valmorel a été meilleur en deuxième mi-temps. Bonne chance en R2, défendez bien le plateau.",
        status: "approved",
        minutesAfter: 95,
      },
    ],
  },
  {
    slug: "trail-des-cretes-record-de-participation",
    category: "sport",
    author: "amina-benali",
    title: "Trail des Crêtes : 1 400 coureurs et un parcours raccourci à cause de la chaleur",
    standfirst:
      "L’épreuve phare du plateau a battu son record de participation. Face aux fortes températures, les organisateurs ont supprimé la boucle la plus exposée du grand parcours.",
    body: `<p>À 5 h 30, samedi, les frontales des coureurs dessinaient un long serpent lumineux dans la montée vers le col des Faux-Vents. Ils étaient <strong>1 400 inscrits</strong> sur les quatre distances du Trail des Crêtes, un record pour une épreuve née il y a quinze ans d’un pari entre amis, et qui attire désormais des participants venus de toute la France.</p>
<p>La veille, les organisateurs avaient pris une décision délicate. Avec des prévisions de 33 °C l’après-midi en fond de vallée, la boucle du cirque de la Grande-Combe, entièrement exposée au soleil et sans point d’eau, a été retirée du parcours de 58 kilomètres, ramené à 49. « Certains coureurs étaient déçus, mais la sécurité passe avant le chrono », tranche Hugo Ferrand, directeur de course.</p>
<h2>Des ravitaillements renforcés</h2>
<p>Deux points d’eau supplémentaires ont été installés, et les bénévoles avaient prévu des éponges et des bassines d’eau fraîche. Malgré ces précautions, les secouristes ont pris en charge une vingtaine de coureurs pour des coups de chaleur légers. Aucun n’a nécessité d’hospitalisation.</p>
<p>Sur le grand parcours, la victoire est revenue à Baptiste Garnier, un guide de moyenne montagne de Chaudevelle, en 4 h 38. Chez les femmes, Marion Lefort s’est imposée en 5 h 21, prenant au passage la septième place du classement général.</p>
<p>Au-delà du sport, l’épreuve est devenue un rendez-vous économique. Gîtes et campings affichaient complet sur tout le plateau, et les restaurateurs de Combe-Haute ont vécu leur meilleur week-end de printemps. Les organisateurs s’interrogent toutefois sur l’avenir : faudra-t-il avancer la date de l’épreuve, comme le suggèrent déjà plusieurs bénévoles, pour éviter des épisodes de chaleur de plus en plus précoces ?</p>
<p>Près de 280 bénévoles ont assuré le balisage, les ravitaillements et la sécurité. Le balisage sera retiré d’ici mercredi ; les randonneurs sont invités à signaler tout ruban oublié.</p>`,
    tags: ["Tourisme", "Bénévolat", "Climat", "Santé"],
    publishedDaysAgo: 10,
    publishedHour: 20,
    comments: [
      {
        name: "Nicolas Petitjean",
        email: "nicolas.petitjean@example.net",
        website: "https://courir.example.net",
        body: "J'ai couru le 49 km, bravo pour l'organisation. Franchement, la suppression de la boucle était la bonne décision, à 14 heures il faisait déjà une chaleur écrasante sur les crêtes.",
        status: "approved",
        minutesAfter: 150,
      },
      {
        name: "Julie Cordier",
        email: "julie.cordier@example.com",
        body: "Bénévole au ravitaillement du col : merci aux coureurs pour leur gentillesse, même épuisés. On a servi plus de 2 000 litres d'eau dans la journée !",
        status: "approved",
        minutesAfter: 300,
      },
      {
        name: "Bernard Louvet",
        email: "bernard.louvet@example.org",
        body: "Avancer la date, pourquoi pas, mais en mai il reste parfois de la neige sur les crêtes. Ce n'est pas si simple.",
        status: "approved",
        minutesAfter: 1250,
        replies: [
          {
            name: "Hugo Ferrand",
            email: "hugo.ferrand@example.com",
            body: "C'est exactement le débat que nous avons en ce moment au sein de l'association. Une décision sera prise à l'assemblée générale de l'automne.",
            status: "approved",
            minutesAfter: 1900,
          },
        ],
      },
    ],
  },
  {
    slug: "cyclisme-col-des-faux-vents-etape",
    category: "sport",
    author: "claire-dumas",
    title: "Cyclisme : le col des Faux-Vents au programme d’une course professionnelle",
    standfirst:
      "Pour la première fois, une épreuve du calendrier international empruntera la route du col. Les communes se préparent à une journée de fête, et à des routes fermées.",
    body: `<p>C’est une montée que les cyclotouristes du plateau connaissent par cœur : 11,4 kilomètres à 6,8 % de moyenne, avec un dernier tronçon à plus de 10 % entre les sapins. Le <strong>col des Faux-Vents</strong> figurera le 18 juin au programme de la quatrième étape d’une course par étapes du calendrier professionnel, qui traversera le plateau d’ouest en est.</p>
<p>Le peloton arrivera par Les Essarts-du-Lac, longera la Lise jusqu’à Valmorel-sur-Lise avant d’attaquer la montée depuis Chaudevelle. Le sommet, classé en première catégorie, sera franchi à une trentaine de kilomètres de l’arrivée, jugée en dehors du plateau.</p>
<h2>Des routes fermées plusieurs heures</h2>
<p>La contrepartie, ce sont des routes fermées à la circulation. Sur le parcours, elles le seront environ deux heures et demie avant le passage de la caravane, et la route du col sera inaccessible aux véhicules dès 9 heures du matin. Les services de cars scolaires seront adaptés ; les horaires précis seront communiqués par l’intercommunalité.</p>
<p>« On sait que ça va perturber la journée de certains habitants, notamment ceux qui travaillent dans la vallée. Mais c’est une vitrine extraordinaire pour le territoire », souligne le vice-président de l’intercommunalité chargé du tourisme. L’étape sera retransmise en direct à la télévision, avec des images aériennes des crêtes et du lac.</p>
<ul>
<li>Un écran géant installé au sommet du col</li>
<li>Des parkings relais à Chaudevelle et Valmorel, avec navettes</li>
<li>Une randonnée cyclo ouverte à tous sur le même parcours le dimanche précédent</li>
</ul>
<p>Les clubs cyclistes locaux ont été sollicités pour fournir une partie des 150 signaleurs nécessaires. Le Vélo Club du Plateau voit dans l’événement une occasion de recruter : « Si un seul gamin prend une licence après avoir vu passer le peloton, on aura gagné », sourit son président.</p>`,
    tags: ["Cyclisme", "Transports", "Tourisme", "Bénévolat"],
    publishedDaysAgo: 21,
    publishedHour: 15,
    comments: [
      {
        name: "Pascal Meunier",
        email: "pascal.meunier@example.org",
        body: "J'habite au-dessus de Chaudevelle et je travaille à l'hôpital en horaires décalés. Comment je fais pour aller travailler ce jour-là ?",
        status: "approved",
        minutesAfter: 110,
        replies: [
          {
            name: "Agathe Rolland",
            email: "agathe.rolland@example.com",
            body: "Pour la course de l'an dernier dans le département voisin, les soignants avaient un laissez-passer fourni par la préfecture. Renseignez-vous en mairie.",
            status: "approved",
            minutesAfter: 230,
          },
        ],
      },
      {
        name: "Didier Poncet",
        email: "didier.poncet@example.net",
        body: "Je monte le col chaque dimanche depuis vingt ans, j'ai hâte de voir les pros le grimper. Je serai au virage des Trois-Sapins dès l'aube !",
        status: "approved",
        minutesAfter: 420,
      },
      {
        name: "Valérie Guillot",
        email: "valerie.guillot@example.com",
        body: "Une vitrine, d'accord, mais qui paie la sécurité, les barrières et le nettoyage ? Ce serait intéressant de connaître le coût pour les communes.",
        status: "pending",
        minutesAfter: 980,
      },
    ],
  },
  {
    slug: "piscine-intercommunale-fermee-pour-travaux",
    category: "sport",
    author: "amina-benali",
    title: "Piscine intercommunale : deux ans de fermeture, les nageurs en exil",
    standfirst:
      "La piscine de Valmorel-sur-Lise ferme pour une rénovation énergétique lourde. Les clubs et les écoles doivent trouver des solutions à quarante minutes de route.",
    body: `<p>Le dernier plongeon a eu lieu samedi, sous les applaudissements des nageurs du club <strong>Lise Natation</strong>. La piscine intercommunale de Valmorel-sur-Lise, construite en 1974, ferme ses portes pour au moins deux ans. Au programme : isolation complète du bâtiment, remplacement de la toiture, pompe à chaleur et récupération de chaleur sur les eaux de vidange.</p>
<p>Le chantier, estimé à <strong>6,8 millions d’euros</strong>, a longtemps divisé les élus. Certains plaidaient pour une fermeture définitive, tant l’équipement coûtait cher à faire fonctionner : sa facture d’énergie avait atteint 310 000 euros l’an dernier, soit près d’un tiers du budget de fonctionnement des équipements sportifs de l’intercommunalité. La rénovation devrait diviser cette consommation par trois.</p>
<h2>Apprendre à nager reste une priorité</h2>
<p>En attendant, c’est l’organisation de tout un territoire qui doit s’adapter. Les 620 écoliers qui suivaient chaque année un cycle de natation seront transportés en car jusqu’au centre aquatique de la ville voisine, à quarante minutes de route. « C’est une heure et demie de trajet pour quarante minutes dans l’eau, mais on ne peut pas renoncer au savoir-nager », défend une inspectrice de l’Éducation nationale.</p>
<p>Pour les 180 licenciés de Lise Natation, l’exil sera plus compliqué. Le club n’a obtenu que deux créneaux hebdomadaires dans le bassin voisin, contre six auparavant. Les compétiteurs les plus jeunes risquent de décrocher. « On va perdre des nageurs, c’est certain. La question, c’est combien », s’inquiète sa présidente, Nathalie Giroud.</p>
<p>Les aquagymnastes, souvent des retraités qui pratiquaient sur prescription médicale, n’ont pour l’instant aucune solution de repli. L’intercommunalité étudie la location de créneaux dans le bassin d’un centre de rééducation privé ; une convention devrait être soumise au prochain conseil communautaire. Réouverture prévue, si le calendrier est tenu, pour la rentrée dans deux ans, à quelques mois des élections municipales.</p>`,
    tags: ["Budget", "Énergie", "Santé", "Élections municipales"],
    publishedDaysAgo: 36,
    publishedHour: 12,
    updatedHoursAfter: 30,
    commentsClosed: true,
    comments: [
      {
        name: "Nathalie Giroud",
        email: "nathalie.giroud@example.com",
        body: "Merci de relayer nos inquiétudes. Nous lançons un appel aux parents pour organiser des covoiturages vers le bassin voisin.",
        status: "approved",
        minutesAfter: 60,
      },
      {
        name: "Yves Chevalier",
        email: "yves.chevalier@example.net",
        body: "6,8 millions pour une piscine dans une intercommunalité de 14 000 habitants. On marche sur la tête. Il aurait mieux valu la fermer définitivement et financer les transports vers le centre aquatique.",
        status: "approved",
        minutesAfter: 180,
        replies: [
          {
            name: "Émilie Barbier",
            email: "emilie.barbier@example.org",
            body: "Et faire faire trois heures de car par semaine à tous les enfants du plateau pendant trente ans ? Le coût, ce n'est pas seulement de l'argent.",
            status: "approved",
            minutesAfter: 240,
            replies: [
              {
                name: "Yves Chevalier",
                email: "yves.chevalier@example.net",
                body: "Je ne dis pas que c'est simple. Je dis qu'on aurait pu chercher une solution partagée avec la ville voisine plutôt que chacun sa piscine.",
                status: "approved",
                minutesAfter: 310,
              },
            ],
          },
          {
            name: "Arnaud Lefèvre",
            email: "arnaud.lefevre@example.com",
            body: "Sans parler des noyades. Chaque été on entend parler d'accidents au lac, apprendre à nager ici est indispensable.",
            status: "approved",
            minutesAfter: 290,
          },
        ],
      },
      {
        name: "Josiane Marty",
        email: "josiane.marty@example.org",
        body: "Je fais de l'aquagym deux fois par semaine pour mon dos sur prescription de mon kiné. Que vont devenir les personnes comme moi pendant deux ans ?",
        status: "approved",
        minutesAfter: 500,
        replies: [
          {
            name: "Amina Benali",
            email: "amina.benali@example.org",
            body: "Nous avons interrogé l'intercommunalité : une convention avec le centre de rééducation devrait être présentée au prochain conseil communautaire. Nous suivrons le dossier.",
            status: "approved",
            minutesAfter: 1780,
          },
        ],
      },
      {
        name: "Serge Hubert",
        email: "serge.hubert@example.com",
        body: "Comme par hasard, la réouverture juste avant les municipales…",
        status: "pending",
        minutesAfter: 2100,
      },
    ],
  },
  {
    slug: "ski-de-fond-combe-haute-saison-ecourtee",
    category: "sport",
    author: "julien-morel",
    title: "Ski de fond : à Combe-Haute, une saison de 23 jours et des questions sur l’avenir",
    standfirst:
      "Faute de neige, le foyer nordique n’a ouvert ses pistes que trois semaines cet hiver. Moniteurs, loueurs et élus cherchent comment faire vivre le site toute l’année.",
    body: `<p>Les dameuses sont rentrées au garage le 3 mars, et elles n’en étaient pas beaucoup sorties. Cet hiver, le <strong>foyer nordique de Combe-Haute</strong> n’a pu ouvrir ses 45 kilomètres de pistes que vingt-trois jours, contre une moyenne de soixante-dix sur les vingt dernières années. Un record négatif, après deux hivers déjà médiocres.</p>
<p>Pour les professionnels, le coup est rude. Le loueur de matériel installé au pied des pistes a réalisé un tiers de son chiffre d’affaires habituel. Les quatre moniteurs de l’école de ski nordique ont complété leurs revenus comme ils le pouvaient : animation de sorties en raquettes sur les rares plaques de neige, remplacements dans les remontées mécaniques des stations voisines, travaux agricoles.</p>
<h2>Pas de neige de culture</h2>
<p>L’installation de canons à neige a été étudiée, puis écartée. Trop chère, trop gourmande en eau et en énergie, et inutile quand les températures restent positives. « On ne va pas pomper dans la Lise pour fabriquer de la neige, alors qu’on rationne l’eau l’été », tranche le maire de Combe-Haute.</p>
<p>L’intercommunalité mise plutôt sur la diversification. Une partie des pistes sera transformée en circuits de VTT et de trail balisés, un parcours de ski-roues va être aménagé sur une ancienne route forestière, et le chalet d’accueil deviendra un point d’information ouvert d’avril à novembre. Deux emplois saisonniers pourraient ainsi devenir annuels.</p>
<blockquote>« Le ski de fond ne va pas disparaître du jour au lendemain. Mais on ne peut plus construire toute l’économie d’une vallée sur soixante jours de neige. »</blockquote>
<p>Les fondeurs du club local, eux, s’organisent : depuis deux hivers, ils partent s’entraîner en minibus vers des sites plus élevés dès que la neige manque. Le club a vu ses effectifs jeunes se maintenir, signe que la passion résiste, même quand la neige se fait rare.</p>`,
    tags: ["Climat", "Tourisme", "Emploi"],
    publishedDaysAgo: 51,
    publishedHour: 9,
    comments: [
      {
        name: "Aline Gauthier",
        email: "aline.gauthier@example.com",
        body: "Triste mais lucide. Mes parents tenaient le chalet dans les années quatre-vingt, il y avait de la neige de décembre à avril. Bonne idée de l'ouvrir toute l'année.",
        status: "approved",
        minutesAfter: 260,
      },
      {
        name: "Quentin Marchal",
        email: "quentin.marchal@example.net",
        body: "Le ski-roues, c'est une excellente idée pour les jeunes du club. On s'entraîne déjà sur la route de la Combe, au milieu des voitures, ce n'est pas très sûr.",
        status: "pending",
        minutesAfter: 700,
      },
    ],
  },
  {
    slug: "football-feminin-us-combe-haute-coupe",
    category: "sport",
    author: "amina-benali",
    title: "Les footballeuses de l’US Combe-Haute en quart de finale de la coupe régionale",
    standfirst:
      "Créée il y a trois ans avec onze joueuses, la section féminine compte aujourd’hui 64 licenciées et vient d’éliminer un club évoluant deux divisions au-dessus.",
    body: `<p>Personne ne les attendait à ce niveau. Dimanche, sur un terrain gorgé d’eau, les seniors féminines de l’<strong>US Combe-Haute</strong> ont éliminé aux tirs au but (1-1, 4-3) une équipe de Régional 1, pour se qualifier pour les quarts de finale de la coupe régionale. Un exploit pour une section qui n’existait pas il y a trois ans.</p>
<p>Tout est parti d’une poignée de mères de famille venues accompagner leurs enfants à l’entraînement. « On regardait depuis la main courante, et un jour l’une de nous a dit : et si on jouait, nous ? », raconte Sandrine Voisin, 38 ans, aujourd’hui capitaine. La première saison, l’équipe perdait la plupart de ses matchs à sept. Elle joue désormais à onze, en championnat départemental, où elle occupe la deuxième place.</p>
<h2>Une école de football mixte</h2>
<p>La dynamique a gagné les plus jeunes. Le club compte désormais 64 licenciées, dont une trentaine de filles de moins de 13 ans, qui s’entraînent avec les garçons jusqu’à 11 ans puis dans des équipes féminines. Un partenariat avec le collège de Valmorel-sur-Lise a permis d’ouvrir une section sportive où les élèves bénéficient de trois heures d’entraînement par semaine.</p>
<p>Les moyens restent modestes. Les joueuses partagent le même vestiaire que les équipes masculines, à tour de rôle, et les déplacements se font en covoiturage. La municipalité a promis la création d’un second vestiaire dans le cadre de la rénovation du stade, prévue l’an prochain.</p>
<blockquote>« On ne demande pas de traitement de faveur. Juste des horaires d’entraînement qui ne soient pas toujours ceux qui restent. »</blockquote>
<p>Le tirage au sort des quarts de finale aura lieu jeudi. Les joueuses espèrent recevoir, pour jouer devant leur public. Le club organise un loto le samedi suivant pour financer de nouveaux maillots et un minibus.</p>`,
    tags: ["Football", "Éducation", "Bénévolat"],
    publishedDaysAgo: 14,
    publishedHour: 18,
    comments: [
      {
        name: "Manon Fleury",
        email: "manon.fleury@example.org",
        body: "Bravo les filles ! Ma fille de 9 ans ne parle plus que de Sandrine Voisin, c'est son idole.",
        status: "approved",
        minutesAfter: 70,
      },
      {
        name: "Christophe Vallat",
        email: "christophe.vallat@example.com",
        body: "Un second vestiaire, ça fait trois ans qu'on nous le promet. Il serait temps que ça se concrétise.",
        status: "approved",
        minutesAfter: 330,
        replies: [
          {
            name: "Patrick Lemaire",
            email: "patrick.lemaire@example.com",
            body: "Le marché de travaux sera lancé à l'automne, c'est inscrit au budget voté en mars. Je comprends l'impatience, mais cette fois c'est engagé.",
            status: "approved",
            minutesAfter: 610,
          },
        ],
      },
      {
        name: "Gaëlle Moreau",
        email: "gaelle.moreau@example.net",
        body: "Superbe article. Pourriez-vous faire un portrait de l'entraîneuse ? On n'en parle jamais alors qu'elle fait un travail énorme.",
        status: "approved",
        minutesAfter: 900,
      },
      {
        name: "Lucien Garnier",
        email: "lucien.garnier@example.org",
        body: "On connaît le lieu et l'heure du loto ?",
        status: "pending",
        minutesAfter: 1600,
      },
    ],
  },
  {
    slug: "lou-perrin-championnats-de-france-contre-la-montre",
    category: "sport",
    author: "claire-dumas",
    title: "À 17 ans, Lou Perrin qualifiée pour les championnats de France du contre-la-montre",
    standfirst:
      "La lycéenne des Essarts-du-Lac, licenciée au Vélo Club du Plateau, a décroché sa sélection en terminant deuxième du championnat régional juniors.",
    body: `<p>Elle s’entraîne seule la plupart du temps, sur les routes qui font le tour du lac, tôt le matin avant le lycée. Dimanche, <strong>Lou Perrin</strong> a bouclé les 18 kilomètres du contre-la-montre régional juniors en 25 minutes et 41 secondes, à seulement neuf secondes de la gagnante. Une deuxième place qui lui ouvre les portes des championnats de France, fin juin.</p>
<p>Rien ne prédestinait la jeune femme au cyclisme. Elle a découvert le vélo à 13 ans, lors d’une journée de découverte organisée par le Vélo Club du Plateau dans son collège. « Je faisais du handball, je n’avais jamais pensé au vélo. Et puis j’ai aimé cette sensation d’aller vite avec mes propres jambes », raconte-t-elle.</p>
<h2>Concilier vélo et baccalauréat</h2>
<p>En terminale au lycée de Valmorel-sur-Lise, Lou Perrin prépare son baccalauréat en parallèle de ses douze heures d’entraînement hebdomadaire. Le lycée lui a aménagé son emploi du temps pour qu’elle puisse se rendre aux stages régionaux. « Elle est aussi rigoureuse en classe que sur le vélo », salue son professeur principal.</p>
<p>Son entraîneur, Roland Mercier, bénévole au club depuis vingt-cinq ans, veille à ne pas brûler les étapes. « À cet âge, le plus important, c’est de durer. On construit sur plusieurs années. » Le club a lancé une cagnotte pour l’aider à financer un vélo de contre-la-montre adapté à sa taille, le sien étant prêté par un ancien coureur.</p>
<p>La jeune cycliste espère intégrer une structure universitaire l’an prochain, pour poursuivre des études de kinésithérapie tout en continuant la compétition. Mais elle évoque aussi, avec une pointe d’inquiétude, la sécurité sur les routes du plateau. « Des voitures qui me frôlent, il y en a presque à chaque sortie. » Le club demande depuis plusieurs années une bande cyclable sur la route du lac, très fréquentée par les cyclistes le week-end.</p>`,
    tags: ["Cyclisme", "Éducation", "Transports"],
    publishedDaysAgo: 29,
    publishedHour: 12,
    updatedHoursAfter: 4,
    comments: [
      {
        name: "Roland Mercier",
        email: "roland.mercier@example.net",
        body: "Merci pour ce bel article. La cagnotte a déjà atteint la moitié de l'objectif en une journée, le plateau est généreux !",
        status: "approved",
        minutesAfter: 200,
      },
      {
        name: "Jérôme Duval",
        email: "jerome.duval@example.com",
        body: "Automobiliste sur la route du lac tous les jours : les cyclistes roulent parfois à trois de front le dimanche, ce n'est pas toujours facile de doubler non plus. Il faut du respect des deux côtés.",
        status: "approved",
        minutesAfter: 480,
        replies: [
          {
            name: "Camille Roussel",
            email: "camille.roussel@example.org",
            website: "https://velotaf.example.org",
            body: "Rouler à deux de front est autorisé tant que ça ne gêne pas le dépassement. Et le mètre cinquante de distance latérale hors agglomération, lui, est obligatoire. D'où l'intérêt d'une bande cyclable pour tout le monde.",
            status: "approved",
            minutesAfter: 560,
            replies: [
              {
                name: "Jérôme Duval",
                email: "jerome.duval@example.com",
                body: "D'accord avec vous sur la bande cyclable, ça éviterait bien des tensions.",
                status: "approved",
                minutesAfter: 640,
              },
            ],
          },
        ],
      },
      {
        name: "Inès Barre",
        email: "ines.barre@example.net",
        body: "Bravo Lou ! Toute la classe de terminale B est derrière toi.",
        status: "pending",
        minutesAfter: 720,
      },
    ],
  },
];
