"""The demo's authors and partner outlets: invented people and outlets."""

AUTHORS = [
    {
        "key": "ines-marlow",
        "name": {"en": "Inès Marlow", "fr": "Inès Marlow", "ru": "Инес Марлоу"},
        "photo": "portrait-a",
        "role": {"en": "Europe editor", "fr": "Responsable Europe", "ru": "Редактор отдела Европы"},
        "bio": {
            "en": "Inès Marlow edits our Europe coverage and has reported from a dozen border towns. She reads five languages and answers letters in all of them.",
            "fr": "Inès Marlow dirige notre couverture européenne et a fait des reportages dans une douzaine de villes frontalières. Elle lit cinq langues et répond au courrier dans chacune d’elles.",
            "ru": "Инес Марлоу руководит нашим европейским отделом и работала в дюжине приграничных городов. Она читает на пяти языках и на каждом отвечает на письма.",
        },
    },
    {
        "key": "ilya-sorin",
        "name": {"en": "Ilya Sorin", "fr": "Ilya Sorin", "ru": "Илья Сорин"},
        "photo": "portrait-b",
        "role": {
            "en": "Translator and correspondent",
            "fr": "Traducteur et correspondant",
            "ru": "Переводчик и корреспондент",
        },
        "bio": {
            "en": "Ilya Sorin translates our Russian-language partners and writes about the regions they cover. Before joining us he ran a local paper on the Varna river.",
            "fr": "Ilya Sorin traduit nos partenaires russophones et écrit sur les régions qu’ils couvrent. Avant de nous rejoindre, il dirigeait un journal local au bord de la Varna.",
            "ru": "Илья Сорин переводит материалы наших русскоязычных партнёров и пишет о регионах, которые они освещают. До прихода к нам он руководил местной газетой на реке Варне.",
        },
    },
    {
        "key": "marta-kovac",
        "name": {"en": "Marta Kovač", "fr": "Marta Kovač", "ru": "Марта Ковач"},
        "photo": "portrait-c",
        "role": {
            "en": "Climate reporter",
            "fr": "Journaliste climat",
            "ru": "Корреспондент по климату",
        },
        "bio": {
            "en": "Marta Kovač covers energy and climate, from grid failures to vineyards running dry. She trained as a hydrologist.",
            "fr": "Marta Kovač couvre l’énergie et le climat, des pannes de réseau aux vignobles asséchés. Elle a été formée comme hydrologue.",
            "ru": "Марта Ковач пишет об энергетике и климате — от аварий в сетях до пересыхающих виноградников. По образованию она гидролог.",
        },
    },
    {
        "key": "tomas-aranha",
        "name": {"en": "Tomás Aranha", "fr": "Tomás Aranha", "ru": "Томаш Аранья"},
        "photo": "portrait-d",
        "role": {
            "en": "Lisbon correspondent",
            "fr": "Correspondant à Lisbonne",
            "ru": "Корреспондент в Лиссабоне",
        },
        "bio": {
            "en": "Tomás Aranha reports on city life in southern Europe and works with our Portuguese-language partners.",
            "fr": "Tomás Aranha raconte la vie urbaine en Europe du Sud et travaille avec nos partenaires lusophones.",
            "ru": "Томаш Аранья пишет о городской жизни на юге Европы и работает с нашими португалоязычными партнёрами.",
        },
    },
]

PARTNERS = [
    {
        "key": "plain-facts",
        "name": {"en": "Plain Facts", "fr": "Faits bruts", "ru": "Простые факты"},
        "native_name": "Простые факты",
        "country": {"en": "Varenia", "fr": "Varénie", "ru": "Варения"},
        "language": "ru",
        "website": "https://plain-facts.example",
        "logo": "logo-plain-facts",
        "licence_terms": "Translation and republication of any story with attribution and a link to the original. Photos only with the story they came with.",
        "description": {
            "en": "An independent investigative outlet working from exile since its licence was withdrawn. It is known for long reports from provincial towns.",
            "fr": "Un média d’investigation indépendant qui travaille en exil depuis le retrait de sa licence. Il est connu pour ses longs reportages en province.",
            "ru": "Независимое расследовательское издание, работающее в эмиграции после отзыва лицензии. Известно большими репортажами из провинции.",
        },
    },
    {
        "key": "north-wind",
        "name": {"en": "North Wind", "fr": "Vent du Nord", "ru": "Северный ветер"},
        "native_name": "Северный ветер",
        "country": {"en": "Varenia", "fr": "Varénie", "ru": "Варения"},
        "language": "ru",
        "website": "https://north-wind.example",
        "logo": "logo-north-wind",
        "description": {
            "en": "A regional news site covering the northern river provinces. Its reporters are based in the towns they write about.",
            "fr": "Un site d’information régional qui couvre les provinces fluviales du Nord. Ses journalistes vivent dans les villes dont ils parlent.",
            "ru": "Региональный новостной сайт о северных приречных областях. Его журналисты живут в городах, о которых пишут.",
        },
    },
    {
        "key": "gazeta-do-alvo",
        "name": {"en": "Gazeta do Alvo", "fr": "Gazeta do Alvo", "ru": "Газета ду Алву"},
        "native_name": "Gazeta do Alvo",
        "country": {"en": "Portugal", "fr": "Portugal", "ru": "Португалия"},
        "language": "pt",
        "website": "https://gazeta-do-alvo.example",
        "logo": "logo-gazeta",
        "description": {
            "en": "A city-news site from the invented harbour town of Porto Alvo. It covers housing, transport and the life of its neighbourhoods.",
            "fr": "Un site d’information municipale de Porto Alvo, ville portuaire imaginaire. Il couvre le logement, les transports et la vie des quartiers.",
            "ru": "Городской новостной сайт из вымышленного портового города Порту-Алву. Пишет о жилье, транспорте и жизни районов.",
        },
    },
    {
        "key": "al-marsad",
        "name": {"en": "Al-Marsad", "fr": "Al-Marsad", "ru": "Аль-Марсад", "ar": "المرصد"},
        "native_name": "المرصد",
        "country": {"en": "Sahilia", "fr": "Sahilie", "ru": "Сахилия", "ar": "ساحلية"},
        "language": "ar",
        "website": "https://al-marsad.example",
        "logo": "logo-al-marsad",
        "description": {
            "en": "A coastal weekly from the invented country of Sahilia, read for its reporting on the sea, the ports and the people who work them.",
            "fr": "Un hebdomadaire côtier de la Sahilie, pays imaginaire, lu pour ses reportages sur la mer, les ports et ceux qui y travaillent.",
            "ru": "Прибрежный еженедельник из вымышленной страны Сахилия: его читают ради репортажей о море, портах и людях, которые в них работают.",
            "ar": "أسبوعية ساحلية من بلد ساحلية المتخيَّل، تُقرأ لتقاريرها عن البحر والموانئ والعاملين فيها.",
        },
    },
]
