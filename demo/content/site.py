"""The demo magazine's frame: its name, each edition's home page, topics, sections and
the briefings' index. What has Arabic text also has an Arabic version, the tree an Arabic
partner's original is entered in."""

MAGAZINE = {"name": "The Meridian Review"}


HOME = {
    "title": {"en": "Home", "fr": "Accueil", "ru": "Главная", "ar": "الرئيسية"},
    "tagline": {
        "en": "Independent journalism from abroad, in your language",
        "fr": "Le journalisme indépendant d’ailleurs, dans votre langue",
        "ru": "Независимая журналистика из-за рубежа на вашем языке",
        "ar": "صحافة مستقلة من الخارج بلغتك",
    },
    "introduction": {
        "en": "The best reporting of independent newsrooms abroad, translated by our desk.",
        "fr": "Le meilleur des rédactions indépendantes étrangères, traduit par notre équipe.",
        "ru": "Лучшие материалы независимых редакций из-за рубежа в переводе нашей команды.",
        "ar": "أفضل ما تنشره غرف الأخبار المستقلة في الخارج، بترجمة فريقنا.",
    },
}

TOPIC_INDEX = {
    "title": {"en": "Topics", "fr": "Sujets", "ru": "Темы", "ar": "الموضوعات"},
    "slug": {"en": "topics", "fr": "sujets", "ru": "temy", "ar": "mawdooat"},
    "introduction": {
        "en": "Every story we publish, by the subjects it follows.",
        "fr": "Tous nos articles, classés par sujet.",
        "ru": "Все наши материалы по темам.",
        "ar": "كل ما ننشره، مرتبًا حسب الموضوع.",
    },
}

TOPICS = [
    {
        "key": "drones",
        "picture": {
            "scene": "drone-sky",
            "description": "Drones over the front: hills under an evening sky",
        },
        "title": {"en": "Drones", "fr": "Drones", "ru": "Дроны"},
        "slug": {"en": "drones", "fr": "drones", "ru": "drony"},
        "description": {
            "en": "How cheap unmanned aircraft are changing war and life near the front.",
            "fr": "Comment les drones bon marché changent la guerre et la vie près du front.",
            "ru": "Как дешёвые беспилотники меняют войну и жизнь у линии фронта.",
        },
    },
    {
        "key": "energy",
        "picture": {"scene": "power-lines", "description": "Power lines across a snowy plain"},
        "title": {"en": "Energy", "fr": "Énergie", "ru": "Энергетика"},
        "slug": {"en": "energy", "fr": "energie", "ru": "energetika"},
        "description": {
            "en": "Grids, fuel and the price of keeping the lights on.",
            "fr": "Réseaux, carburants et le prix de la lumière.",
            "ru": "Сети, топливо и цена света в окнах.",
        },
    },
    {
        "key": "press-freedom",
        "picture": {"scene": "newsroom", "description": "A newsroom's lit windows at night"},
        "title": {"en": "Press freedom", "fr": "Liberté de la presse", "ru": "Свобода прессы"},
        "slug": {"en": "press-freedom", "fr": "liberte-de-la-presse", "ru": "svoboda-pressy"},
        "description": {
            "en": "Journalists in exile, closed newsrooms and the readers who follow them.",
            "fr": "Journalistes en exil, rédactions fermées et lecteurs qui les suivent.",
            "ru": "Журналисты в эмиграции, закрытые редакции и читатели, которые остаются с ними.",
        },
    },
    {
        "key": "elections",
        "picture": {
            "scene": "polling-station",
            "description": "A queue of voters outside a polling station",
        },
        "title": {"en": "Elections", "fr": "Élections", "ru": "Выборы"},
        "slug": {"en": "elections", "fr": "elections", "ru": "vybory"},
        "description": {
            "en": "Votes, candidates and the people counting the ballots.",
            "fr": "Scrutins, candidats et ceux qui comptent les bulletins.",
            "ru": "Голосования, кандидаты и те, кто считает бюллетени.",
        },
    },
    {
        "key": "climate",
        "picture": {"scene": "vineyard", "description": "Dry vineyards below the hills"},
        "title": {"en": "Climate", "fr": "Climat", "ru": "Климат", "ar": "المناخ"},
        "slug": {"en": "climate", "fr": "climat", "ru": "klimat", "ar": "al-munakh"},
        "description": {
            "en": "Droughts, floods and the towns adapting to both.",
            "fr": "Sécheresses, inondations et les villes qui s’adaptent aux deux.",
            "ru": "Засухи, наводнения и города, которые приспосабливаются к ним.",
            "ar": "الجفاف والفيضانات، والمدن التي تتكيف مع الاثنين.",
        },
    },
]

SECTIONS = [
    {
        "key": "world-affairs",
        "title": {"en": "World Affairs", "fr": "International", "ru": "В мире", "ar": "العالم"},
        "slug": {"en": "world-affairs", "fr": "international", "ru": "v-mire", "ar": "al-alam"},
        "description": {
            "en": "War, diplomacy and power, reported by those who live with them.",
            "fr": "Guerre, diplomatie et pouvoir, racontés par ceux qui les vivent.",
            "ru": "Война, дипломатия и власть глазами тех, кто с ними живёт.",
            "ar": "الحرب والدبلوماسية والسلطة، بعيون من يعيشون معها.",
        },
    },
    {
        "key": "society",
        "title": {
            "en": "Society & Culture",
            "fr": "Société et culture",
            "ru": "Общество и культура",
        },
        "slug": {"en": "society-culture", "fr": "societe-culture", "ru": "obshchestvo-kultura"},
        "description": {
            "en": "Cities, work, language and the ordinary lives behind the headlines.",
            "fr": "Villes, travail, langue et les vies ordinaires derrière l’actualité.",
            "ru": "Города, работа, язык и обычная жизнь за заголовками.",
        },
    },
]

BRIEFING_INDEX = {
    "title": {"en": "In the News", "fr": "À la une", "ru": "В новостях"},
    "slug": {"en": "in-the-news", "fr": "a-la-une", "ru": "v-novostyah"},
    "introduction": {
        "en": "Our daily briefing: the day’s headlines in five minutes.",
        "fr": "Notre briefing quotidien : l’actualité du jour en cinq minutes.",
        "ru": "Наш ежедневный обзор: главное за день за пять минут.",
    },
}
