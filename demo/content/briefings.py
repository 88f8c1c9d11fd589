"""The demo's daily briefings, and the greetings a briefing opens with."""

BRIEFINGS = [
    {
        "key": "briefing-today",
        "days_ago": 0,
        # Signed by two editors, on two topics, with the morning's video.
        "topics": ["energy", "climate"],
        "authors": ["marta-kovac", "ines-marlow"],
        "video": "https://vimeo.com/918273646",
        "title": {
            "en": "In the News: the tram comes back",
            "fr": "À la une : le retour du tram",
            "ru": "В новостях: трамвай возвращается",
        },
        "slug": {"en": "tram-comes-back", "fr": "retour-du-tram", "ru": "tramvay-vozvrashchaetsya"},
        "body": [
            (
                "greeting",
                {
                    "word": "Habari",
                    "language": {"en": "Swahili", "fr": "swahili", "ru": "суахили"},
                    "footnote": {
                        "en": "Swahili, Kenya, Tanzania and the Great Lakes",
                        "fr": "Swahili, Kenya, Tanzanie et Grands Lacs",
                        "ru": "Суахили, Кения, Танзания и Великие озёра",
                    },
                },
            ),
            (
                "paragraph",
                {
                    "en": "Good morning. Today: a harbour city revives its trams, and a river town learns to live without its ferry.",
                    "fr": "Bonjour. Aujourd’hui : une ville portuaire relance ses trams, et une ville fluviale apprend à vivre sans son bac.",
                    "ru": "Доброе утро. Сегодня: портовый город возвращает трамваи, а речной город учится жить без парома.",
                },
            ),
            (
                "news_item",
                {
                    "headline": {
                        "en": "Porto Alvo restores four tram lines",
                        "fr": "Porto Alvo rouvre quatre lignes de tram",
                        "ru": "Порту-Алву восстанавливает четыре трамвайные линии",
                    },
                    "text": {
                        "en": "The rails were under the asphalt all along; the carriages will run on solar power from the port.",
                        "fr": "Les rails étaient restés sous l’asphalte ; les voitures rouleront à l’énergie solaire du port.",
                        "ru": "Рельсы всё это время лежали под асфальтом; вагоны будут ездить на солнечной энергии порта.",
                    },
                    "story": "porto-alvo-trams",
                },
            ),
            (
                "news_item",
                {
                    "headline": {
                        "en": "Varensk cut off after drone strike on ferry",
                        "fr": "Varensk coupée du monde après la frappe d’un drone sur son bac",
                        "ru": "Варенск отрезан после удара дрона по парому",
                    },
                    "text": {
                        "en": "The trip to hospital now takes three hours. Our partner Plain Facts reports from the landing.",
                        "fr": "Le trajet jusqu’à l’hôpital prend désormais trois heures. Notre partenaire Faits bruts raconte depuis l’embarcadère.",
                        "ru": "Дорога до больницы теперь занимает три часа. Репортаж нашего партнёра, «Простых фактов», с причала.",
                    },
                    "story": "varensk-ferry",
                },
            ),
            (
                "news_item",
                {
                    "headline": {
                        "en": "Tankers wait as dockers strike",
                        "fr": "Les pétroliers attendent, les dockers font grève",
                        "ru": "Танкеры ждут, докеры бастуют",
                    },
                    "text": {
                        "en": "Night-shift workers want a fourth crew; petrol stations inland are rationing.",
                        "fr": "Les équipes de nuit réclament une quatrième équipe ; les stations de l’intérieur rationnent.",
                        "ru": "Ночная смена требует четвёртую бригаду; заправки в глубине страны ввели ограничения.",
                    },
                    "story": "harbour-strike",
                },
            ),
            (
                "newsletter_cta",
                {
                    "heading": {
                        "en": "Get In the News by e-mail",
                        "fr": "Recevez À la une par e-mail",
                        "ru": "Получайте «В новостях» по почте",
                    },
                    "text": {
                        "en": "Five minutes, every weekday morning, free.",
                        "fr": "Cinq minutes, chaque matin de la semaine, gratuitement.",
                        "ru": "Пять минут каждое утро по будням, бесплатно.",
                    },
                },
            ),
        ],
    },
    {
        "key": "briefing-yesterday",
        "days_ago": 1,
        # Unsigned: the magazine signs it.
        "topics": ["press-freedom", "elections"],
        "title": {
            "en": "In the News: a newsroom without an office",
            "fr": "À la une : une rédaction sans bureau",
            "ru": "В новостях: редакция без офиса",
        },
        "slug": {
            "en": "newsroom-without-an-office",
            "fr": "redaction-sans-bureau",
            "ru": "redaktsiya-bez-ofisa",
        },
        "body": [
            (
                "greeting",
                {
                    "word": "Kia ora",
                    "language": {"en": "Māori", "fr": "maori", "ru": "маори"},
                    "footnote": {
                        "en": "Māori, New Zealand",
                        "fr": "Maori, Nouvelle-Zélande",
                        "ru": "Маори, Новая Зеландия",
                    },
                },
            ),
            (
                "news_item",
                {
                    "headline": {
                        "en": "North Wind publishes from three countries",
                        "fr": "Vent du Nord publie depuis trois pays",
                        "ru": "«Северный ветер» выходит из трёх стран",
                    },
                    "text": {
                        "en": "How an exiled newsroom keeps half a million readers at home.",
                        "fr": "Comment une rédaction en exil garde un demi-million de lecteurs au pays.",
                        "ru": "Как редакция в эмиграции сохраняет полмиллиона читателей на родине.",
                    },
                    "story": "exiled-newsroom",
                },
            ),
            (
                "news_item",
                {
                    "headline": {
                        "en": "Vineyards replant for drought",
                        "fr": "Les vignobles replantent face à la sécheresse",
                        "ru": "Виноградники пересаживают из-за засухи",
                    },
                    "text": {
                        "en": "Deeper roots and wider rows in the Serra Baixa.",
                        "fr": "Des racines plus profondes et des rangs plus larges dans la Serra Baixa.",
                        "ru": "Более глубокие корни и широкие междурядья в Серра-Байше.",
                    },
                    "story": "dry-vineyards",
                },
            ),
            (
                "news_item",
                {
                    "headline": {
                        "en": "Sea-wall candidate wins in Kestrel Bay",
                        "fr": "Le candidat de la digue l’emporte à Kestrel Bay",
                        "ru": "В Кестрел-Бэй победил кандидат дамбы",
                    },
                    "text": {
                        "en": "A retired ferry captain is the town’s new mayor.",
                        "fr": "Un capitaine de ferry retraité devient maire.",
                        "ru": "Новым мэром стал капитан парома на пенсии.",
                    },
                    "story": "local-election-kestrel",
                },
            ),
        ],
    },
    {
        "key": "briefing-two-days",
        "days_ago": 2,
        "topics": ["energy"],
        "authors": ["tomas-aranha"],
        "title": {
            "en": "In the News: a winter without reserves",
            "fr": "À la une : un hiver sans réserves",
            "ru": "В новостях: зима без резерва",
        },
        "slug": {
            "en": "winter-without-reserves",
            "fr": "hiver-sans-reserves",
            "ru": "zima-bez-rezerva",
        },
        "body": [
            (
                "greeting",
                {
                    "word": "Dzień dobry",
                    "language": {"en": "Polish", "fr": "polonais", "ru": "польский"},
                    "footnote": {
                        "en": "Polish, Poland",
                        "fr": "Polonais, Pologne",
                        "ru": "Польский, Польша",
                    },
                },
            ),
            (
                "paragraph",
                {
                    "en": "Good morning. The cold is coming early this year, and the grid is not ready.",
                    "fr": "Bonjour. Le froid arrive tôt cette année, et le réseau n’est pas prêt.",
                    "ru": "Доброе утро. Холода в этом году приходят рано, а энергосистема не готова.",
                },
            ),
            (
                "news_item",
                {
                    "headline": {
                        "en": "Northern grid at its limit",
                        "fr": "Le réseau du Nord à bout de souffle",
                        "ru": "Северная энергосистема на пределе",
                    },
                    "text": {
                        "en": "Engineers say one hard frost could bring it down.",
                        "fr": "Selon les ingénieurs, un grand froid pourrait suffire à le faire tomber.",
                        "ru": "Инженеры говорят, что одного сильного мороза хватит, чтобы её обрушить.",
                    },
                    "story": "grid-winter",
                },
            ),
            (
                "news_item",
                {
                    "headline": {
                        "en": "Garage-built detectors warn of drones",
                        "fr": "Des détecteurs de drones faits maison",
                        "ru": "Самодельные детекторы предупреждают о дронах",
                    },
                    "text": {
                        "en": "Volunteers turn old televisions into early-warning devices.",
                        "fr": "Des bénévoles transforment de vieux téléviseurs en systèmes d’alerte.",
                        "ru": "Волонтёры превращают старые телевизоры в системы оповещения.",
                    },
                    "story": "drone-workshop",
                },
            ),
            (
                "news_item",
                {
                    "headline": {
                        "en": "Insurers rewrite the war clause",
                        "fr": "Les assureurs réécrivent la clause de guerre",
                        "ru": "Страховщики переписывают военную оговорку",
                    },
                    "text": {
                        "en": "Families near the front learn what their policies exclude.",
                        "fr": "Près du front, les familles découvrent ce que leurs contrats excluent.",
                        "ru": "Семьи у линии фронта узнают, что не покрывают их полисы.",
                    },
                    "story": None,
                },
            ),
        ],
    },
]

# The greeting library: a new briefing is offered one its edition has not used for a month.
GREETINGS = [
    {
        "key": "kaixo",
        "word": "Kaixo",
        "language": {"en": "Basque", "fr": "basque", "ru": "баскский"},
        "footnote": {
            "en": "Basque, Spain and France",
            "fr": "Basque, Espagne et France",
            "ru": "Баскский, Испания и Франция",
        },
    },
    {
        "key": "tere-hommikust",
        "word": "Tere hommikust",
        "language": {"en": "Estonian", "fr": "estonien", "ru": "эстонский"},
        "footnote": {
            "en": "Estonian, Estonia",
            "fr": "Estonien, Estonie",
            "ru": "Эстонский, Эстония",
        },
    },
    {
        "key": "dzien-dobry",
        "word": "Dzień dobry",
        "language": {"en": "Polish", "fr": "polonais", "ru": "польский"},
        "footnote": {
            "en": "Polish, Poland",
            "fr": "Polonais, Pologne",
            "ru": "Польский, Польша",
        },
    },
]
