"""Stories and the queries that must find them, per language: written for this project (the
places, people and events are invented). Each query names the story it must find on the
first page of results; `FILLERS` newer stories mention a common word of each language once
in their bodies, so that a first page is earned, not given by a small archive."""

from types import SimpleNamespace as S

STORIES = {
    "en": [
        S(
            key="strike",
            title="Ferry crews vote to strike at Varensk",
            standfirst="The union says the new rota leaves no time to rest.",
            body="Members counted the ballots through the night in the harbour office.",
        ),
        S(
            key="vineyards",
            title="Vineyards of the Lower Aster run dry",
            standfirst="Three summers without rain have emptied the wells.",
            body="Growers are digging deeper, and some are leaving for the coast.",
        ),
        S(
            key="tram",
            title="Tram line to the hills reopens",
            standfirst="Porto Alvo's yellow cars climb again.",
            body="The council counts on tourists to pay for the repairs.",
        ),
    ],
    "fr": [
        S(
            key="elections",
            title="Les élections municipales de Vallorbe reportées",
            standfirst="Le préfet invoque les inondations du printemps.",
            body="Les habitants devront attendre l'automne pour choisir leur maire.",
        ),
        S(
            key="vendanges",
            title="Les vendanges commencent tôt dans la vallée",
            standfirst="La chaleur a mûri le raisin avec trois semaines d'avance.",
            body="Les coopératives cherchent des saisonniers ; des réfugiés ont répondu.",
        ),
        S(
            key="tramway",
            title="Un tramway pour les collines de Porto Alvo",
            standfirst="Les voitures jaunes reprennent la pente.",
            body="Le conseil municipal a voté le financement des travaux.",
        ),
    ],
    "ru": [
        S(
            key="vybory",
            title="Выборы в Заречье перенесли на осень",
            standfirst="Избирательная комиссия ссылается на весенний паводок.",
            body="Жители узнали об этом из объявления на почте.",
        ),
        S(
            key="parom",
            title="Паромная переправа снова работает",
            standfirst="Лёд на реке сошёл раньше обычного.",
            body="Паромщики перевезли первых пассажиров в понедельник.",
        ),
        S(
            key="tramvai",
            title="Трамвай снова поднимается в горы",
            standfirst="Жёлтые вагоны вернулись на линию.",
            body="Городской совет проголосовал за ремонт путей.",
        ),
    ],
}

# Newer stories that mention the language's common word once, in the body.
FILLERS = {
    "en": ("Harbour dues rise again", "The votes were cast elsewhere this week."),
    "fr": ("Les taxes du port augmentent", "Une élection partielle a lieu ailleurs."),
    "ru": ("Портовые сборы снова растут", "Выборы прошли в соседнем районе."),
}
FILLER_COUNT = 12

# (query, the story it must find on the first page, what it tries)
QUERIES = {
    "en": [
        ("vote", "strike", "the headline's word, above twelve newer mentions"),
        ("votes", "strike", "a plural of the headline's word"),
        ("voting", "strike", "a participle"),
        ("VOTE", "strike", "capitals"),
        ("counted", "strike", "the body's own form"),
        ("count", "strike", "the body's word, inflected"),
        ("counting", "tram", "another form of the body's word"),
        ("vineyard", "vineyards", "a singular of the headline's plural"),
        ("well", "vineyards", "a word of the standfirst"),
        ("reopening", "tram", "the headline's verb, inflected"),
        ("harbour ballots", "strike", "two words of the body"),
        ("ferries", "strike", "a plural of the headline's noun"),
    ],
    "fr": [
        ("élections", "elections", "the headline's word"),
        ("élection", "elections", "its singular"),
        ("elections", "elections", "without the accent"),
        ("ELECTION", "elections", "capitals, no accent"),
        ("électoral", None, "a related word that is not the same stem finds nothing"),
        ("vendange", "vendanges", "the headline's plural as a singular"),
        ("refugies", "vendanges", "a body word without its accents"),
        ("réfugié", "vendanges", "a body word, singular"),
        ("inondation", "elections", "a standfirst word, singular"),
        ("tramways", "tramway", "the headline's noun, plural"),
        ("colline", "tramway", "the headline's plural, singular"),
        ("vote", "tramway", "the body's participle from its verb"),
        ("voitures jaunes", "tramway", "two words of the standfirst"),
    ],
    "ru": [
        ("выборы", "vybory", "the headline's word"),
        ("выборов", "vybory", "genitive plural"),
        ("выборах", "vybory", "prepositional plural"),
        ("ВЫБОРЫ", "vybory", "capitals"),
        ("комиссии", "vybory", "a standfirst word in another case"),
        ("жителей", "vybory", "a body word in another case"),
        ("переправы", "parom", "the headline's noun in the genitive"),
        ("лед", "parom", "ё typed as е"),
        ("пассажир", "parom", "a body word, singular"),
        ("трамваи", "tramvai", "the headline's noun, plural"),
        ("проголосовали", "tramvai", "the body's verb, plural"),
        ("желтые вагоны", "tramvai", "two standfirst words, ё typed as е"),
    ],
}
