"""The invented world of the synthetic archive: towns, rivers, people, outlets and the
sentences stories are written from, in English and French."""

# The vocabulary is prose: a sentence is one string, however long (as in demo/content/).
# ruff: noqa: E501

import functools
import itertools
import random
import uuid

# fmt: off
#
# Pairs are (English, French). Editions in other languages get the English text, their
# headlines marked with the language code. French templates avoid "de"/"à" before a slot that
# starts with an article ("de le" is wrong), and towns and first names start with a consonant
# so that "de {town}" never needs an elision.

TOWNS = tuple(
    start + end
    for start in (
        "Var", "Kel", "Mor", "Dol", "Brev", "Sal", "Tor", "Vel",
        "Lum", "Kar", "Nor", "Zel", "Pel", "Riv", "Gor", "Stav",
    )
    for end in ("ensk", "ovo", "gate", "mark", "ets", "ola", "haven", "dal", "ira", "esh", "unde")
) + ("Porto Alvo", "Serra Baixa", "Kestrel Bay", "Lesnaya Sloboda")

RIVERS = tuple(
    (f"the {name}", f"la {name}")
    for name in ("Varna", "Kelva", "Brezna", "Malenka", "Dravina", "Lusa", "Tavra", "Sorava")
)

THINGS = (
    ("the ferry", "le bac"),
    ("the tram line", "la ligne de tramway"),
    ("the grain harbour", "le port céréalier"),
    ("the old power station", "la vieille centrale"),
    ("the district hospital", "l’hôpital du district"),
    ("the last bakery", "la dernière boulangerie"),
    ("the river bridge", "le pont sur le fleuve"),
    ("the night bus", "le bus de nuit"),
    ("the village school", "l’école du village"),
    ("the water tower", "le château d’eau"),
    ("the border market", "le marché frontalier"),
    ("the steelworks", "l’aciérie"),
    ("the local radio station", "la radio locale"),
    ("the wind farm", "le parc éolien"),
    ("the railway station", "la gare"),
    ("the public library", "la bibliothèque municipale"),
    ("the fish market", "la criée"),
    ("the sawmill", "la scierie"),
    ("the maternity ward", "la maternité"),
    ("the cable car", "le téléphérique"),
)

INSTITUTIONS = (
    ("the regional council", "le conseil régional"),
    ("the ministry of transport", "le ministère des Transports"),
    ("the harbour authority", "l’autorité portuaire"),
    ("the district court", "le tribunal de district"),
    ("the electoral commission", "la commission électorale"),
    ("the town hall", "la mairie"),
    ("the water board", "la régie des eaux"),
    ("the teachers' union", "le syndicat des enseignants"),
    ("the state railway", "la compagnie ferroviaire publique"),
    ("the energy regulator", "le régulateur de l’énergie"),
    ("the health inspectorate", "l’inspection sanitaire"),
    ("the fishermen's cooperative", "la coopérative des pêcheurs"),
)

ROLES = (
    ("mayor of {town}", "maire de {town}"),
    ("a paramedic in {town}", "auxiliaire médicale à {town}"),
    ("a retired engineer", "ingénieur à la retraite"),
    ("a schoolteacher", "institutrice"),
    ("a fisherman from {town2}", "pêcheur de {town2}"),
    ("a local councillor", "conseillère municipale"),
    ("a shop owner on the main square", "commerçante sur la place principale"),
    ("a hydrologist at the university", "hydrologue à l’université"),
    ("head of the residents' association", "présidente de l’association des habitants"),
    ("a nurse at the district hospital", "infirmière à l’hôpital du district"),
    ("a bus driver", "chauffeur de bus"),
    ("a farmer", "agricultrice"),
    ("a union organiser", "syndicaliste"),
    ("editor of a local weekly", "rédactrice en chef d’un hebdomadaire local"),
)

FIRST_NAMES = (
    "Lena", "Galina", "Dmitri", "Marta", "Tomás", "Petra", "Mihail", "Sofia", "Rui", "Karel",
    "Noor", "Hugo", "Teodora", "Luca", "Zofia", "Vera", "Bruno", "Mira", "Nadia", "Pavel",
    "Joana", "Hana", "Jonas", "Ketevan", "Dario", "Milena", "Radu", "Selma", "Timur", "Vesna",
    "Goran", "Lidia", "Matteo", "Nina", "Rosa", "Stefan", "Tereza", "Viktor", "Yara", "Filip",
)
LAST_NAMES = (
    "Ostrova", "Vidal", "Krstić", "Moreau", "Orlova", "Lavrenko", "Reis", "Halden", "Brankov",
    "Veloso", "Dumitrescu", "Carvalho", "Lindqvist", "Petrovic", "Novak", "Morenko", "Vasko",
    "Sandor", "Kalinina", "Ferreira", "Brandt", "Haddad", "Mendes", "Zielinska", "Tamm",
    "Rusu", "Bakker", "Horvath", "Quintela", "Oberg",
)

MONTHS = (
    ("January", "janvier"), ("February", "février"), ("March", "mars"), ("April", "avril"),
    ("May", "mai"), ("June", "juin"), ("July", "juillet"), ("August", "août"),
    ("September", "septembre"), ("October", "octobre"), ("November", "novembre"),
    ("December", "décembre"),
)

HEADLINES = (
    ("How {town} learned to live without {thing}", "Comment {town} a appris à vivre sans {thing}"),
    ("In {town}, the long wait for {thing} to reopen", "À {town}, on attend toujours que rouvre {thing}"),
    ("Why {town} is still waiting for an answer from the capital", "Pourquoi {town} attend toujours une réponse de la capitale"),
    ("{Thing} in {town} is closing, and nobody has a plan", "{Thing} de {town} ferme, et personne n’a de plan"),
    ("After the flood, {town} counts what is left along {river}", "Après la crue, {town} compte ce qui reste le long de {river}"),
    ("The volunteers keeping {town} running through the winter", "Les bénévoles qui font tenir {town} pendant l’hiver"),
    ("A river, a bridge and a very long detour in {town}", "Un fleuve, un pont et un très long détour à {town}"),
    ("{town} votes again, and the old promises sound familiar", "{town} revote, et les vieilles promesses ont un air familier"),
    ("The quiet fight over {thing} in {town}", "À {town}, une bataille discrète pour {thing}"),
    ("Inside the newsroom that still covers {town} every day", "Dans la rédaction qui couvre encore {town} chaque jour"),
    ("Where the money meant for {town} went", "Où est passé l’argent destiné à {town}"),
    ("{town} has a new mayor and the same old problems", "{town} a un nouveau maire et les mêmes vieux problèmes"),
    ("What {town} lost when {thing} closed", "Ce que {town} a perdu quand {thing} a fermé"),
    ("The last winter of {thing} in {town}?", "Le dernier hiver pour {thing} à {town} ?"),
    ("{Inst} promised {town} a plan. It is still waiting", "{Inst} a promis un plan à {town}, qui attend toujours"),
    ("Along {river}, {town} prepares for another hard year", "Au bord de {river}, {town} se prépare à une nouvelle année difficile"),
    ("In {town}, {person} keeps count of every broken promise", "À {town}, {person} tient le compte de chaque promesse non tenue"),
    ("Who decides the future of {thing} in {town}?", "{Thing} de {town} : qui décide de son avenir ?"),
    ("{town} and {town2}: two towns, one road, no bus", "{town} et {town2} : deux villes, une route, aucun bus"),
    ("The people of {town} who refused to leave", "Les habitants de {town} qui ont refusé de partir"),
    ("A year after the vote, {town} takes stock", "Un an après le vote, {town} fait le bilan"),
    ("What {inst} does not say about {town}", "Ce que {inst} ne dit pas sur {town}"),
)

STANDFIRST_OPENINGS = (
    ("For {n3} months, {town} has lived without {thing}.", "Depuis {n3} mois, {town} vit sans {thing}."),
    ("The decision to close {thing} was taken far away, in the capital.", "La décision de fermer {thing} a été prise loin d’ici, dans la capitale."),
    ("The work on {thing} in {town} was supposed to end in {year}.", "Les travaux sur {thing} de {town} devaient s’achever en {year}."),
    ("In {town}, {thing} divides neighbours and even families.", "À {town}, {thing} divise les voisins et jusqu’aux familles."),
    ("When {river} rose in {month}, {town} was the first to go under.", "Quand {river} est montée en {month}, {town} a été la première inondée."),
)
STANDFIRST_ENDINGS = (
    ("Residents have stopped waiting for the authorities and started to organise on their own.", "Les habitants ont cessé d’attendre les autorités et commencent à s’organiser seuls."),
    ("Our correspondent spent a week there, with those who stayed and those who left.", "Notre correspondant y a passé une semaine, avec ceux qui sont restés et ceux qui sont partis."),
    ("The money was promised twice; the work has never started, and nobody can say where the budget went.", "L’argent a été promis deux fois ; les travaux n’ont jamais commencé, et personne ne sait où est passé le budget."),
    ("What happens next depends on a vote that few people in {town} expect to change anything.", "La suite dépend d’un vote dont peu d’habitants de {town} attendent un changement."),
)

SUMMARIES = (
    ("{Thing} in {town} has been out of use since {month}, and the families who depend on it are running out of patience and of options.", "{Thing} de {town} est hors service depuis {month}, et les familles qui en dépendent perdent patience et manquent de solutions."),
    ("A week in {town}, where a promise made by {inst} in {year} still decides how people work, travel and vote.", "Une semaine à {town}, où une promesse faite par {inst} en {year} décide encore de la façon dont on travaille, voyage et vote."),
    ("Along {river}, {town} is learning to live with less: fewer buses, fewer doctors, and a budget that keeps shrinking every year.", "Le long de {river}, {town} apprend à vivre avec moins : moins de bus, moins de médecins, et un budget qui fond chaque année."),
    ("Residents of {town} counted the cost of losing {thing}: {n} families affected, {km} kilometres of detour, and no answer from the capital.", "Les habitants de {town} ont fait le compte : {n} familles touchées, {km} kilomètres de détour, et aucune réponse de la capitale."),
)

SENTENCES = (
    ("{Thing} in {town} has not worked properly since {month}, residents say, and the repairs keep slipping.", "{Thing} de {town} ne fonctionne plus correctement depuis {month}, disent les habitants, et les réparations sont sans cesse repoussées."),
    ("{person}, {role}, has kept a notebook of every delay since {year}.", "{person}, {role}, tient un carnet de chaque retard depuis {year}."),
    ("According to {inst}, about {n} families in {town} are affected, though local volunteers put the number closer to {n2}.", "Selon {inst}, environ {n} familles de {town} sont concernées, mais les bénévoles avancent plutôt le chiffre de {n2}."),
    ("The nearest alternative is in {town2}, {km} kilometres away along a road that floods every spring.", "La solution la plus proche se trouve à {town2}, à {km} kilomètres, par une route inondée chaque printemps."),
    ('"We were promised a decision by {month}," {person} said. "It is now {month2}, and we are still waiting."', "« On nous avait promis une décision pour {month} », raconte {person}. « Nous sommes en {month2}, et nous attendons toujours. »"),
    ("{Inst} says the money is there, but that the file has to pass through three offices before anything can be built.", "{Inst} assure que l’argent existe, mais que le dossier doit passer par trois services avant que quoi que ce soit ne soit construit."),
    ("In the market square, the talk is of little else.", "Sur la place du marché, on ne parle presque que de cela."),
    ("Along {river}, the older houses still carry the marks of the {year} flood, a metre above the doorsteps.", "Le long de {river}, les vieilles maisons portent encore la trace de la crue de {year}, un mètre au-dessus des seuils."),
    ("{person2}, {role2}, remembers when {thing} was the pride of the district.", "{person2}, {role2}, se souvient de l’époque où {thing} faisait la fierté du district."),
    ("The {pct} per cent rise in prices this year has hit pensioners hardest.", "La hausse des prix de {pct} % cette année frappe d’abord les retraités."),
    ("Officials in the capital declined to comment on the figures when asked by {outlet}.", "Interrogés par {outlet}, les responsables de la capitale n’ont pas souhaité commenter ces chiffres."),
    ("A petition signed by {n} residents was handed in in {month}; {inst} has not replied.", "Une pétition signée par {n} habitants a été déposée en {month} ; {inst} n’y a toujours pas répondu."),
    ("Some families have already left for {town2}, where rents are lower and the schools are still open.", "Certaines familles sont déjà parties pour {town2}, où les loyers sont plus bas et les écoles encore ouvertes."),
    ("One cold morning in {month}, the queue outside the post office stretched around the corner.", "Un matin froid, en {month}, la file devant la poste faisait le tour du pâté de maisons."),
    ("{person} counts the hours differently now: {n3} to the hospital and back, {n4} if the bridge at {town2} is closed.", "{person} compte désormais les heures autrement : {n3} pour l’aller-retour à l’hôpital, {n4} si le pont de {town2} est fermé."),
    ("Nobody here expects the matter to be settled before the next election.", "Personne ici ne s’attend à ce que l’affaire soit réglée avant les prochaines élections."),
    ("The budget for the work, {money} million, was approved in {year} and then quietly moved to another line.", "Le budget des travaux, {money} millions, a été voté en {year}, puis discrètement transféré sur une autre ligne."),
    ("Local reporters have asked for the contracts three times; each time the request was refused.", "Les journalistes locaux ont demandé les contrats à trois reprises ; chaque fois, la demande a été rejetée."),
    ("In {town}, {thing} is more than a service: it is where people meet, argue and make up.", "À {town}, {thing} est plus qu’un service : c’est là que les gens se retrouvent, se disputent et se réconcilient."),
    ("The last inspection, in {year}, found cracks that were never repaired.", "La dernière inspection, en {year}, a relevé des fissures qui n’ont jamais été réparées."),
    ("Younger residents organise themselves through a group chat with {n} members, where most of the news now travels first.", "Les jeunes s’organisent dans une messagerie de groupe qui compte {n} membres, et c’est par là que les nouvelles circulent d’abord."),
    ("{Inst} has promised a public meeting in {month2}, the third such promise since the spring.", "{Inst} a promis une réunion publique en {month2}, la troisième promesse de ce genre depuis le printemps."),
    ("At the school, lessons now start an hour later so that children from {town2} can arrive in time.", "À l’école, les cours commencent désormais une heure plus tard pour que les enfants de {town2} arrivent à temps."),
    ("{person2} shrugs at the question of who is to blame.", "{person2} hausse les épaules quand on lui demande qui est responsable."),
    ('"It is not about money," {person2} said. "It is about whether anyone in the capital remembers we exist."', "« Ce n’est pas une question d’argent », dit {person2}. « C’est de savoir si quelqu’un, dans la capitale, se souvient que nous existons. »"),
    ("The figures published by {inst} in {month} show a fall of {pct} per cent over five years.", "Les chiffres publiés par {inst} en {month} montrent une baisse de {pct} % en cinq ans."),
    ("Across the region, similar stories are told in a dozen other towns.", "Dans toute la région, des histoires semblables se racontent dans une dizaine d’autres villes."),
    ("By evening the streets of {town} are quiet, and only the café by the station keeps its lights on.", "Le soir, les rues de {town} sont calmes, et seul le café près de la gare garde ses lumières allumées."),
    ("Economists at the university in {town2} put the cost to the local economy at {money} million a year.", "Les économistes de l’université de {town2} estiment le coût pour l’économie locale à {money} millions par an."),
    ("The plan, first drawn up in {year}, would move {thing} closer to the main road.", "Le projet, élaboré pour la première fois en {year}, rapprocherait {thing} de la route principale."),
    ("Not everyone is opposed: some shop owners welcome the change and the visitors it might bring.", "Tout le monde n’y est pas opposé : certains commerçants saluent le changement et les visiteurs qu’il pourrait attirer."),
    ("When the lights went out in {month}, it was the volunteers, not the state, who brought generators.", "Quand l’électricité a été coupée en {month}, ce sont les bénévoles, et non l’État, qui ont apporté des groupes électrogènes."),
    ("{person} keeps the receipts in a shoebox, in case anyone ever asks.", "{person} garde les factures dans une boîte à chaussures, au cas où quelqu’un les demanderait un jour."),
    ("The ferrymen's hut by {river} is empty now, its timetable still pinned to the door.", "La cabane des passeurs, au bord de {river}, est vide désormais, l’horaire toujours punaisé sur la porte."),
    ("Twice a week a van from {town2} brings bread, medicine and the post.", "Deux fois par semaine, une camionnette venue de {town2} apporte le pain, les médicaments et le courrier."),
    ("{Inst} blames the delay on a contractor that went bankrupt in {year}.", "{Inst} attribue le retard à une entreprise qui a fait faillite en {year}."),
    ("Of the {n3} councillors, only one voted against the plan.", "Sur les {n3} conseillers, un seul a voté contre le projet."),
    ("The new timetable, published in {month2}, cuts the service to {n3} departures a day.", "Le nouvel horaire, publié en {month2}, réduit le service à {n3} départs par jour."),
    ("Few people in {town} remember a winter as hard as this one.", "Peu d’habitants de {town} se souviennent d’un hiver aussi rude que celui-ci."),
    ('"Write that we are still here," {person} said as we left.', "« Écrivez que nous sommes toujours là », nous a dit {person} au moment de partir."),
)

HEADINGS = (
    ("What the council decided", "Ce qu’a décidé le conseil"),
    ("A town waits", "Une ville attend"),
    ("Follow the money", "Suivre l’argent"),
    ("Who is responsible", "Qui est responsable"),
    ("The other bank", "L’autre rive"),
    ("Life after {thing}", "La vie après {thing}"),
    ("Voices from {town}", "Voix de {town}"),
    ("The long way round", "Le long détour"),
    ("What comes next", "Et maintenant"),
    ("Promises, promises", "Des promesses, encore"),
    ("Counting the cost", "Le prix à payer"),
    ("A question of trust", "Une question de confiance"),
    ("The view from the capital", "Vu de la capitale"),
    ("Those who stayed", "Ceux qui sont restés"),
)

QUOTES = (
    ("We always lived by {river}. Now we live on an island.", "Nous avons toujours vécu au bord de {river}. Maintenant, nous vivons sur une île."),
    ("Nobody asked us. They just sent a letter.", "Personne ne nous a rien demandé. Ils ont juste envoyé une lettre."),
    ("If {thing} goes, the town goes with it.", "Si {thing} disparaît, la ville disparaît avec."),
    ("We are not asking for much: a bus in the morning and one at night.", "Nous ne demandons pas grand-chose : un bus le matin et un le soir."),
    ("I have signed every petition since {year}. I will sign this one too.", "J’ai signé toutes les pétitions depuis {year}. Je signerai aussi celle-ci."),
    ("The capital is {km} kilometres away, but it feels like a thousand.", "La capitale est à {km} kilomètres, mais on dirait mille."),
)

CAPTIONS = (
    ("A street in {town} on a winter morning.", "Une rue de {town} un matin d’hiver."),
    ("The banks of {river} near {town}.", "Les rives de {river} près de {town}."),
    ("Residents at a public meeting in {town} in {month}.", "Des habitants lors d’une réunion publique à {town}, en {month}."),
    ("The road between {town} and {town2}.", "La route entre {town} et {town2}."),
    ("{person2} at home in {town}.", "{person2} chez elle, à {town}."),
)

VIDEO_CAPTIONS = (
    ("A morning in {town}, filmed by a resident.", "Un matin à {town}, filmé par un habitant."),
    ("{person2} walks us along {river}.", "{person2} nous emmène le long de {river}."),
    ("The public meeting in {town}, in full.", "La réunion publique de {town}, en intégralité."),
)

UPDATE_NOTES = (
    ("Adds the reply from {inst}, received after publication.", "Ajoute la réponse officielle, reçue après publication."),
    ("Corrects the distance between {town} and {town2}.", "Corrige la distance entre {town} et {town2}."),
    ("Updates the number of signatures on the petition.", "Met à jour le nombre de signatures de la pétition."),
    ("Adds comments from {person2}.", "Ajoute les commentaires de {person2}."),
)

TOPIC_THEMES = (
    ("Housing", "Logement"), ("Fisheries", "Pêche"), ("Railways", "Chemins de fer"),
    ("Water", "Eau"), ("Health care", "Santé"), ("Schools", "Écoles"), ("Courts", "Justice"),
    ("Farming", "Agriculture"), ("Migration", "Migrations"), ("Border trade", "Commerce frontalier"),
    ("Local media", "Médias locaux"), ("Mining", "Mines"), ("Tourism", "Tourisme"),
    ("Forests", "Forêts"), ("Heating", "Chauffage"), ("Pensions", "Retraites"),
    ("Wages", "Salaires"), ("Ports", "Ports"), ("Roads", "Routes"), ("Floods", "Inondations"),
    ("Drought", "Sécheresse"), ("Wildfires", "Incendies"), ("Corruption", "Corruption"),
    ("Policing", "Police"), ("Faith", "Religions"), ("Languages", "Langues"),
    ("Theatre", "Théâtre"), ("Music", "Musique"), ("Sport", "Sport"), ("Science", "Sciences"),
    ("Universities", "Universités"), ("Telecoms", "Télécoms"), ("Nuclear power", "Nucléaire"),
    ("Wind power", "Éolien"), ("Solar power", "Solaire"), ("Grain", "Céréales"),
    ("Shipping", "Transport maritime"), ("Aviation", "Aviation"), ("Veterans", "Anciens combattants"),
    ("Refugees", "Réfugiés"),
)

AUTHOR_ROLES = (
    ("Correspondent in {town}", "Correspondant à {town}"),
    ("Europe editor", "Rédactrice Europe"),
    ("Staff reporter", "Reporter"),
    ("Data editor", "Responsable des données"),
    ("Regional correspondent", "Correspondant régional"),
    ("Translator and reporter", "Traductrice et reporter"),
    ("Investigations editor", "Responsable des enquêtes"),
)
AUTHOR_BIOS = (
    ("Reports from {town} and the towns along {river}.", "Couvre {town} et les villes le long de {river}."),
    ("Covered local politics for {n3} years before joining the magazine.", "A couvert la politique locale pendant {n3} ans avant de rejoindre le magazine."),
    ("Writes about energy, water and the people who keep them running.", "Écrit sur l’énergie, l’eau et ceux qui les font fonctionner."),
    ("Grew up in {town2} and still spends the summers there.", "A grandi à {town2} et y passe encore ses étés."),
)

# (English name, French name, native name, language, country in English and French)
PARTNERS = (
    ("The Kelva Courier", "Le Courrier de la Kelva", "Кельвинский курьер", "ru", "Varenia", "Varénie"),
    ("Plain Voice", "Voix simple", "Простий голос", "uk", "Halvonia", "Halvonie"),
    ("Morning Ledger", "Le Registre du matin", "Morgenbuch", "de", "Brennland", "Brennland"),
    ("The Alvo Gazette", "La Gazette d’Alvo", "Gazeta de Alvo", "pt", "Lusara", "Lusara"),
    ("Coast and Sierra", "Côte et Sierra", "Costa y Sierra", "es", "Montoria", "Montorie"),
    ("The Lagoon Post", "Le Courrier de la lagune", "La Posta della Laguna", "it", "Veltria", "Veltrie"),
    ("River Notes", "Carnets du fleuve", "Notatki znad rzeki", "pl", "Karnovia", "Karnovie"),
    ("The Oasis Review", "La Revue de l’oasis", "مجلة الواحة", "ar", "Sahrana", "Sahrana"),
    ("North Bank Daily", "Le Quotidien de la rive nord", "Северный берег", "ru", "Varenia", "Varénie"),
    ("Hill Country Radio", "Radio des collines", "Радіо пагорбів", "uk", "Halvonia", "Halvonie"),
)
PARTNER_DESCRIPTIONS = (
    "An independent newsroom in {country}, publishing since {year}. Its reporters cover the "
    "towns the national press forgets.",
    "Une rédaction indépendante ({country}), qui publie depuis {year}. Ses reporters couvrent "
    "les villes que la presse nationale oublie.",
)
ORIGINAL_HEADLINES = {
    "ru": "{town}: город, который ждёт ответа",
    "uk": "{town}: місто, яке чекає відповіді",
    "de": "{town} wartet auf eine Antwort",
    "pt": "{town}, a cidade que espera uma resposta",
    "es": "{town}, la ciudad que espera una respuesta",
    "it": "{town}, la città che aspetta una risposta",
    "pl": "{town}: miasto, które czeka na odpowiedź",
    "ar": "{town}: مدينة تنتظر الجواب",
}

CREDITS = ("Photo: {photographer} / {outlet}", "Photo : {photographer} / {outlet}")
# fmt: on

TEXT_COLUMNS = {"en": 0, "fr": 1}


def column(language):
    return TEXT_COLUMNS.get(language, 0)


def capitalised(text):
    return text[:1].upper() + text[1:]


def words(text):
    return len(text.split())


def person_name(rng):
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def author_name(number):
    """A name no other synthetic author has: the pairs of first and last names in a fixed
    shuffled order, then the same pairs with a middle initial."""
    pairs = _author_name_pairs()
    first, last = pairs[number % len(pairs)]
    initial = "" if number < len(pairs) else f" {chr(ord('A') + number // len(pairs) - 1)}."
    return f"{first}{initial} {last}"


@functools.cache
def _author_name_pairs():
    pairs = list(itertools.product(FIRST_NAMES, LAST_NAMES))
    random.Random("author-names").shuffle(pairs)
    return pairs


def youtube_url(rng):
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
    return "https://www.youtube.com/watch?v=" + "".join(rng.choices(alphabet, k=11))


def block_id(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))
