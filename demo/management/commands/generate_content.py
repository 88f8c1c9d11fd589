"""Fill every edition with a synthetic archive for benchmarks: ``manage.py generate_content``.

``generate_content --stories 100000 --topics 200`` adds, on top of the site tree that
``manage.py load_demo`` makes, N stories spread over the sections, M topics, a pool of authors
and ten partner outlets, each in every edition (settings.EDITION_LANGUAGES). The editions'
versions of an object share its translation key, and a story's topics, bylines and partner
point at the objects of its own edition: what wagtail-localize leaves after translating
(docs/content-model.md), without its translation records, so the translation desk ignores them.

The text is invented from the vocabulary below (towns, people and outlets that do not exist),
in English and French, in the magazine's shape: headline, standfirst, 8 to 15 body blocks.

Page.add_child costs a dozen queries a page, hours for 200,000 pages; this writes in bulk
instead: treebeard paths are computed here, the wagtailcore_page rows go in with bulk_create,
the story rows with COPY (an INSERT elsewhere than on PostgreSQL), and the search index is
filled with the backend's bulk API. On PostgreSQL one process per CPU makes and writes
batches side by side. Each batch is one transaction and every object has a deterministic
translation key, so an interrupted run (Ctrl-C) is simply run again: it creates only what is
missing. The same arguments give the same archive (the default --until is today).
"""

# The vocabulary is prose: a sentence is one string, however long (as in demo/content/).
# ruff: noqa: E501

import argparse
import contextlib
import datetime
import functools
import gc
import itertools
import multiprocessing
import os
import random
import signal
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import OperationalError, connections, reset_queries, router, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from tqdm import tqdm
from wagtail.blocks import StreamValue
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from home.models import HomePage
from stories.blocks import ANALYSIS_LABELS
from stories.models import (
    Author,
    PartnerOutlet,
    SectionPage,
    StoryByline,
    StoryPage,
    StoryTopic,
    TopicIndexPage,
    TopicPage,
)

# Changing it would make every synthetic object look new to the next run.
NAMESPACE = uuid.UUID("3f6b2a8e-5d1c-4b7a-9e0f-6a2d8c4b1e57")
RUN_LOAD_DEMO = "Run `manage.py load_demo` first: it builds the edition trees."

PARTNER_SHARE = 1 / 3
IMAGES_REUSED = 8
DEADLOCK_DETECTED = "40P01"  # PostgreSQL's SQLSTATE
MAX_TOPICS_PER_STORY = 5
MAX_BYLINES = 3
BODY_BLOCKS = (8, 15)
PARAGRAPH_WORDS = (60, 150)
TITLE_WORDS = (6, 14)
STANDFIRST_WORDS = (20, 40)
SUMMARY_MAX_CHARS = 300


def synthetic_key(*parts):
    """The translation key of a synthetic object: the same in every run and every edition."""
    return uuid.uuid5(NAMESPACE, "-".join(str(part) for part in parts))


def author_pool_size(stories):
    return max(20, stories // 200)


# Vocabulary ------------------------------------------------------------------
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


# Text ------------------------------------------------------------------------


class StoryWriter:
    """Invents one story in every language from a single sequence of random choices, so the
    editions read as translations of each other (same people, places and figures)."""

    def __init__(self, rng, languages, outlet_name):
        self.rng = rng
        self.languages = languages
        self.slots = {language: {} for language in languages}
        self.cast(outlet_name)
        self.reroll()

    def cast(self, outlet_name):
        rng = self.rng
        town, town2 = rng.sample(TOWNS, 2)
        river, thing, inst = rng.choice(RIVERS), rng.choice(THINGS), rng.choice(INSTITUTIONS)
        role, role2 = rng.sample(ROLES, 2)
        month = rng.randrange(12)
        month2 = (month + rng.randint(1, 5)) % 12
        people = (person_name(rng), person_name(rng))
        for language, slots in self.slots.items():
            c = column(language)
            places = {"town": town, "town2": town2}
            slots.update(
                places,
                river=river[c],
                thing=thing[c],
                Thing=capitalised(thing[c]),
                inst=inst[c],
                Inst=capitalised(inst[c]),
                person=people[0],
                person2=people[1],
                role=role[c].format_map(places),
                role2=role2[c].format_map(places),
                outlet=f"<i>{outlet_name[c]}</i>",
                month=MONTHS[month][c],
                month2=MONTHS[month2][c],
            )
        self.town = town

    def reroll(self):
        """New figures for the next paragraph, the same in every language."""
        rng = self.rng
        n = rng.randint(40, 900)
        n3 = rng.randint(2, 9)
        money = rng.randint(12, 480) / 10
        figures = {
            "n": n,
            "n2": n + rng.randint(50, 400),
            "n3": n3,
            "n4": n3 + rng.randint(1, 3),
            "km": rng.randint(12, 140),
            "pct": rng.randint(4, 38),
            "year": rng.randint(1996, 2022),
        }
        for language, slots in self.slots.items():
            slots.update(figures)
            slots["money"] = (
                f"{money:.1f}" if column(language) == 0 else f"{money:.1f}".replace(".", ",")
            )

    def render(self, pair):
        return {
            language: pair[column(language)].format_map(self.slots[language])
            for language in self.languages
        }

    def render_within(self, choices, low, high):
        """A rendering of one of `choices` whose length in words is within bounds in every
        language (the last one tried if none fits, which the vocabulary makes rare)."""
        for _attempt in range(20):
            text = self.render(self.rng.choice(choices))
            if all(low <= words(t) <= high for t in text.values()):
                return text
        return text

    def title(self):
        text = self.render_within(HEADLINES, *TITLE_WORDS)
        return {
            language: t if language in TEXT_COLUMNS else f"[{language}] {t}"
            for language, t in text.items()
        }

    def standfirst(self):
        for _attempt in range(20):
            opening, ending = (
                self.render(self.rng.choice(STANDFIRST_OPENINGS)),
                self.render(self.rng.choice(STANDFIRST_ENDINGS)),
            )
            text = {
                language: f"{opening[language]} {ending[language]}" for language in self.languages
            }
            if all(STANDFIRST_WORDS[0] <= words(t) <= STANDFIRST_WORDS[1] for t in text.values()):
                break
        return text

    def summary(self):
        return {
            language: t[:SUMMARY_MAX_CHARS]
            for language, t in self.render(self.rng.choice(SUMMARIES)).items()
        }

    def paragraph(self):
        self.reroll()
        low, high = PARAGRAPH_WORDS
        target = self.rng.randint(low, high)
        sentences = {language: [] for language in self.languages}
        counts = dict.fromkeys(self.languages, 0)
        while min(counts.values()) < target:
            text = self.render(self.rng.choice(SENTENCES))
            if any(counts[lang] + words(t) > high for lang, t in text.items()):
                if min(counts.values()) >= low:
                    break
                continue  # a sentence too long for this paragraph: another one will fit
            for language, t in text.items():
                sentences[language].append(t)
                counts[language] += words(t)
        return {language: "<p>" + " ".join(parts) + "</p>" for language, parts in sentences.items()}

    def pull_quote(self):
        quote = self.render(self.rng.choice(QUOTES))
        return {
            language: {
                "quote": quote[language],
                "attribution": "{person}, {role}".format_map(self.slots[language]),
            }
            for language in self.languages
        }

    def image(self, image, outlet_name):
        caption = self.render(self.rng.choice(CAPTIONS))
        photographer = person_name(self.rng)
        return {
            language: {
                "image": image,
                "caption": caption[language],
                "credit": CREDITS[column(language)].format(
                    photographer=photographer, outlet=outlet_name[column(language)]
                ),
            }
            for language in self.languages
        }

    def video(self, poster):
        url = youtube_url(self.rng)
        caption = self.render(self.rng.choice(VIDEO_CAPTIONS))
        return {
            language: {"url": url, "poster": poster, "caption": caption[language]}
            for language in self.languages
        }

    def update_note(self, updated_at):
        text = self.render(self.rng.choice(UPDATE_NOTES))
        return {
            language: {"updated_at": updated_at, "text": text[language]}
            for language in self.languages
        }

    def heading(self):
        return self.render(self.rng.choice(HEADINGS))

    def body(self, images, outlet_name, published, latest):
        """[(block type, {language: value}, block id)]: 8 to 15 blocks, mostly paragraphs.
        The analysis label comes first and an update note last, as editors place them."""
        rng = self.rng
        count = rng.randint(*BODY_BLOCKS)
        blocks = []
        if rng.random() < 0.25:
            label = rng.choice(ANALYSIS_LABELS)[0]
            blocks.append(("analysis_label", dict.fromkeys(self.languages, label)))
        blocks.append(("paragraph", self.paragraph()))
        note = rng.random() < 0.15
        quotes, pictures, videos = 1, (2 if images else 0), (1 if rng.random() < 0.1 else 0)
        while len(blocks) < count - note:
            roll, previous = rng.random(), blocks[-1][0]
            if roll < 0.12 and previous != "heading" and len(blocks) < count - note - 1:
                blocks.append(("heading", self.heading()))
            elif roll < 0.2 and quotes:
                quotes -= 1
                blocks.append(("pull_quote", self.pull_quote()))
            elif roll < 0.3 and pictures:
                pictures -= 1
                blocks.append(("image", self.image(rng.choice(images), outlet_name)))
            elif roll < 0.34 and videos:
                videos -= 1
                blocks.append(("video", self.video(rng.choice(images) if images else None)))
            else:
                blocks.append(("paragraph", self.paragraph()))
        if note:
            hours = datetime.timedelta(hours=rng.randint(1, 72))
            updated = max(published + datetime.timedelta(minutes=1), min(published + hours, latest))
            blocks.append(("update_note", self.update_note(updated)))
        return [(block_type, values, block_id(rng)) for block_type, values in blocks]


# The site ----------------------------------------------------------------------


@dataclass
class Edition:
    language: str
    locale: Locale
    home: Page
    topic_index: Page
    sections: list  # in the same order in every edition: translations of each other


def find_editions():
    """The edition trees load_demo builds, matched across languages by translation key."""
    codes = list(settings.EDITION_LANGUAGES)
    locales = {
        locale.language_code: locale for locale in Locale.objects.filter(language_code__in=codes)
    }
    if missing := [code for code in codes if code not in locales]:
        raise CommandError(f"No locale for {', '.join(missing)}. {RUN_LOAD_DEMO}")
    first_home = HomePage.objects.filter(locale=locales[codes[0]]).order_by("path").first()
    if first_home is None:
        raise CommandError(f"No {codes[0]} home page. {RUN_LOAD_DEMO}")
    editions = []
    for code in codes:
        home = HomePage.objects.filter(
            locale=locales[code], translation_key=first_home.translation_key
        ).first()
        if home is None:
            raise CommandError(f"No {code} edition of the home page. {RUN_LOAD_DEMO}")
        topic_index = TopicIndexPage.objects.child_of(home).first()
        if topic_index is None:
            raise CommandError(f"No topic index in the {code} edition. {RUN_LOAD_DEMO}")
        sections = {
            s.translation_key: s for s in SectionPage.objects.child_of(home).order_by("path")
        }
        editions.append(Edition(code, locales[code], home, topic_index, sections))
    shared = [key for key in editions[0].sections if all(key in e.sections for e in editions)]
    if not shared:
        raise CommandError(f"No section exists in every edition. {RUN_LOAD_DEMO}")
    for edition in editions:
        edition.sections = [edition.sections[key] for key in shared]
    return editions


class ChildPaths:
    """Treebeard's materialised paths for pages appended under known parents, as
    Page.add_child would give them (the step after the parent's last child), without its
    queries for every page."""

    def __init__(self):
        self.next_step = {}
        self.added = Counter()

    def allocate(self, parent):
        step = self.next_step.get(parent.pk) or self.first_free_step(parent)
        self.next_step[parent.pk] = step + 1
        self.added[parent.pk] += 1
        return step

    def take_added(self):
        """How many pages were given a place under each parent since the last call."""
        added, self.added = self.added, Counter()
        return added

    @staticmethod
    def first_free_step(parent):
        last = (
            Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        return decode_step(last[-Page.steplen :]) + 1 if last else 1


def encode_step(step):
    alphabet, digits = Page.alphabet, []
    while step:
        step, digit = divmod(step, len(alphabet))
        digits.append(alphabet[digit])
    if len(digits) > Page.steplen:
        raise CommandError("A section is full: treebeard allows no more children under it.")
    return "".join(reversed(digits)).rjust(Page.steplen, alphabet[0])


def decode_step(step):
    value = 0
    for char in step:
        value = value * len(Page.alphabet) + Page.alphabet.index(char)
    return value


def place(page, parent, step):
    page.path = parent.path + encode_step(step)
    page.depth = parent.depth + 1
    page.url_path = f"{parent.url_path}{page.slug}/"
    page.numchild = 0


def add_to_numchild(added):
    # In the order of the rows, so that concurrent batches never wait on each other in a cycle.
    for parent_pk, count in sorted(added.items()):
        Page.objects.filter(pk=parent_pk).update(numchild=F("numchild") + count)


def insert_pages(model, pages):
    """Insert pages of one specific model. Django refuses bulk_create on multi-table models,
    so the wagtailcore_page rows go first and the model's own rows follow."""
    Page.objects.bulk_create(pages)
    for page in pages:
        page.page_ptr_id = page.id
    fields = model._meta.local_concrete_fields
    connection = connections[router.db_for_write(model)]
    if connection.vendor == "postgresql":
        copy_rows(connection, model, pages, fields)
        return
    size = max(1, connection.ops.bulk_batch_size(fields, pages))
    for start in range(0, len(pages), size):
        model._base_manager._insert(
            pages[start : start + size], fields=fields, using=connection.alias
        )


def copy_rows(connection, model, objs, fields):
    """COPY the rows: they carry most of the archive's bytes (the bodies), which an INSERT
    would have Python quote into SQL for PostgreSQL to parse back out."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    with connection.cursor() as cursor:
        statement = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
        with cursor.cursor.copy(statement) as copy:
            for obj in objs:
                copy.write_row(
                    [
                        field.get_db_prep_save(field.pre_save(obj, True), connection)
                        for field in fields
                    ]
                )


def new_page(model, edition, *, title, slug, translation_key, published, **fields):
    return model(
        title=title,
        draft_title=title,
        slug=slug,
        locale=edition.locale,
        translation_key=translation_key,
        live=True,
        has_unpublished_changes=False,
        first_published_at=published,
        last_published_at=published,
        **fields,
    )


def base_slug(text, limit=60):
    return slugify(text)[:limit].rstrip("-") or "item"


def unique_slug(slug, taken, suffix):
    return slug if slug not in taken else f"{slug}-{suffix}"


# Bodies ------------------------------------------------------------------------
#
# The search index walks a page's body once for each of its five columns, stripping the tags
# of every paragraph each time (an HTMLParser pass), and refresh_card_fields strips them once
# more: most of the time of indexing. Our paragraphs have no markup but <p> and <i> and no
# character that needs escaping, so the card fields are derived from the body with its tags
# already stripped, and the index is given that body too, or, for the database backends, the
# one tag-free paragraph of the text they would extract from it: the same excerpts and the
# same index entries, in a fraction of the time (tests/test_generate_content.py compares
# them with what saving the story and indexing it again make).


def tag_free(html):
    return html.replace("<p>", "").replace("</p>", "").replace("<i>", "").replace("</i>", "")


def html_stream(stream_block, body, language):
    return StreamValue(stream_block, [(kind, values[language], id_) for kind, values, id_ in body])


def tag_free_stream(stream_block, body, language):
    return StreamValue(
        stream_block,
        [
            (kind, tag_free(values[language]) if kind == "paragraph" else values[language], id_)
            for kind, values, id_ in body
        ],
    )


def joins_body_text(backend):
    """Whether the backend indexes a body as one text, its pieces joined with ", " (the
    database backends' prepare_value); OpenSearch keeps the pieces apart."""
    return type(backend).__module__.startswith("modelsearch.backends.database.")


def searchable_stream(body_field, tag_free_body):
    text = ", ".join(body_field.get_searchable_content(tag_free_body))
    return StreamValue(body_field.stream_block, [("paragraph", text)])


@contextlib.contextmanager
def swapped_bodies(pages, bodies):
    saved = [page.body for page in pages]
    for page, body in zip(pages, bodies, strict=True):
        page.body = body
    try:
        yield
    finally:
        for page, body in zip(pages, saved, strict=True):
            page.body = body


@contextlib.contextmanager
def collected_after():
    """A batch makes millions of objects, pages and their rows referring to each other; the
    cyclic garbage collector, run every 700 allocations by default, would walk them again and
    again (a third of the run's time, measured). It runs a hundred times less often during a
    batch, and once in full after it, which frees the batch."""
    thresholds = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.collect()


@contextlib.contextmanager
def long_lived_objects_frozen():
    # What exists before the batches (Django, Wagtail, the run's context) stays for the whole
    # run: out of every collection, and shared with forked writers without copies.
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


# Time --------------------------------------------------------------------------


@dataclass(frozen=True)
class Timeline:
    """Publication times, oldest first: story `first`..`total - 1` get one slot each of
    (start, end], and a time somewhere in their slot."""

    start: int  # seconds since the epoch
    end: int
    first: int
    total: int

    def published(self, index, jitter):
        step = (self.end - self.start) / (self.total - self.first)
        seconds = self.start + round((index - self.first + 1 - jitter) * step)
        return datetime.datetime.fromtimestamp(seconds, tz=datetime.UTC)


def story_rng(seed, index):
    return random.Random(f"{seed}/story/{index}")


def section_of(seed, index, sections):
    # Its own generator, so that batches can be placed in the tree before they are written.
    return random.Random(f"{seed}/section/{index}").randrange(sections)


def story_jitter(rng):
    # The first draw of the story's generator: known without writing the story.
    return rng.random() * 0.9


def choose_timeline(until, years, total, first_missing, previous, seed):
    """Spread the archive evenly over `years` up to `until`. A run that finds the earlier
    stories made with other arguments (a larger --stories, another day) continues after the
    newest of them instead, so publication order stays index order."""
    end = int(until.timestamp())
    fresh = Timeline(end - round(years * 365.25 * 86400), end, 0, total)
    if first_missing == 0 or previous is None:
        return fresh
    expected = fresh.published(first_missing - 1, story_jitter(story_rng(seed, first_missing - 1)))
    if previous == expected:
        return fresh
    start = int(previous.timestamp())
    return Timeline(start, max(end, start + 60 * (total - first_missing)), first_missing, total)


# Building ----------------------------------------------------------------------


class ArchiveBuilder:
    """Makes the synthetic objects of every edition, reusing those an earlier run made."""

    def __init__(self, editions, options):
        self.editions = editions
        self.options = options
        self.backend = get_search_backend()
        self.created = Counter()
        self.skipped = Counter()
        self.images = list(get_image_model().objects.order_by("pk")[:IMAGES_REUSED])

    def count(self, name, absent_editions):
        """Tally an object as created (in the editions it lacked) or skipped."""
        (self.created if absent_editions else self.skipped)[name] += 1

    # Snippets and topics: a few hundred at most, one transaction.

    def ensure_snippets(self, model, keys, fields_for):
        """{translation key: {locale id: object}} for `keys`, creating the missing ones."""
        locale_ids = [edition.locale.pk for edition in self.editions]
        found = defaultdict(dict)
        for obj in model.objects.filter(translation_key__in=keys, locale_id__in=locale_ids):
            found[obj.translation_key][obj.locale_id] = obj
        taken = defaultdict(set)
        for slug, locale_id in (
            model.objects.filter(locale_id__in=locale_ids)
            .exclude(translation_key__in=keys)
            .values_list("slug", "locale_id")
        ):
            taken[locale_id].add(slug)
        name, new = str(model._meta.verbose_name_plural), []
        for number, key in enumerate(keys):
            absent = [e for e in self.editions if e.locale.pk not in found[key]]
            self.count(name, absent)
            # From the first edition's name: the slug is synchronised, the same in every one.
            slug = base_slug(fields_for(number, self.editions[0].language)["name"])
            if any(slug in taken[locale_id] for locale_id in locale_ids):
                slug = f"{slug}-{number + 1}"
            for edition in absent:
                fields = fields_for(number, edition.language)
                obj = model(locale=edition.locale, translation_key=key, slug=slug, **fields)
                found[key][edition.locale.pk] = obj
                new.append(obj)
        model.objects.bulk_create(new)
        if new:
            self.backend.add_bulk(model, new)
        return [found[key] for key in keys]

    def author_fields(self, number, language):
        rng = random.Random(f"author/{number}")
        c = column(language)
        places = {
            "town": rng.choice(TOWNS),
            "town2": rng.choice(TOWNS),
            "river": rng.choice(RIVERS)[c],
            "n3": rng.randint(3, 20),
        }
        bios = rng.sample(AUTHOR_BIOS, 2)
        return {
            "name": author_name(number),
            "role": rng.choice(AUTHOR_ROLES)[c].format_map(places),
            "bio": " ".join(bio[c].format_map(places) for bio in bios),
        }

    def partner_fields(self, number, language):
        name_en, name_fr, native, partner_language, country_en, country_fr = PARTNERS[number]
        c = column(language)
        description = PARTNER_DESCRIPTIONS[c].format(
            country=(country_en, country_fr)[c], year=1990 + 3 * number
        )
        return {
            "name": (name_en, name_fr)[c],
            "native_name": native,
            "country": (country_en, country_fr)[c],
            "language": partner_language,
            "website": f"https://{base_slug(name_en)}.example/",
            "description": description,
        }

    def ensure_topics(self, count):
        """[{locale id: topic page id}] for topics 0..count-1, creating the missing ones."""
        keys = [synthetic_key("topic", number) for number in range(count)]
        wanted = set(keys)
        found, taken = defaultdict(dict), defaultdict(set)
        for key, locale_id, pk, slug in TopicPage.objects.filter(
            locale_id__in=[e.locale.pk for e in self.editions]
        ).values_list("translation_key", "locale_id", "pk", "slug"):
            if key in wanted:
                found[key][locale_id] = pk
            else:
                taken[locale_id].add(slug)
        paths, new = ChildPaths(), []
        published = timezone.now().replace(microsecond=0)
        for number, key in enumerate(keys):
            absent = [e for e in self.editions if e.locale.pk not in found[key]]
            self.count("topics", absent)
            for edition in absent:
                title, description = self.topic_text(number, edition.language)
                page = new_page(
                    TopicPage,
                    edition,
                    title=title,
                    slug=unique_slug(base_slug(title), taken[edition.locale.pk], number + 1),
                    translation_key=key,
                    published=published,
                    description=description,
                )
                place(page, edition.topic_index, paths.allocate(edition.topic_index))
                new.append(page)
        if new:
            insert_pages(TopicPage, new)
            self.backend.add_bulk(TopicPage, new)
            add_to_numchild(paths.take_added())
            for page in new:
                found[page.translation_key][page.locale_id] = page.pk
        return [found[key] for key in keys]

    @staticmethod
    def topic_text(number, language):
        c = column(language)
        theme = TOPIC_THEMES[number % len(TOPIC_THEMES)]
        round_ = number // len(TOPIC_THEMES)
        if round_ == 0:
            title = theme[c]
        else:
            town = TOWNS[(round_ - 1) % len(TOWNS)]
            title = (f"{theme[0]} in {town}", f"{theme[1]} à {town}")[c]
        if language not in TEXT_COLUMNS:
            title = f"[{language}] {title}"
        description = (
            f"Our reporting on {theme[0].lower()}, from our partners and correspondents.",
            f"Nos articles et ceux de nos partenaires sur le thème « {theme[1].lower()} ».",
        )[c]
        return title, description

    # Stories: the bulk of the work, in batches.

    def existing_stories(self, total):
        """(translation key, locale id) of every story page in the editions, and the slugs
        under each section that synthetic stories of this run must not take."""
        keys = {synthetic_key("story", index) for index in range(total)}
        existing, taken = set(), defaultdict(set)
        for key, locale_id, slug, path in StoryPage.objects.filter(
            locale_id__in=[e.locale.pk for e in self.editions]
        ).values_list("translation_key", "locale_id", "slug", "path"):
            existing.add((key, locale_id))
            if key not in keys:
                taken[path[: -Page.steplen]].add(slug)
        return existing, taken

    def story_pages(self, index, editions, context, steps):
        """The story's page in each of `editions`, with its topics and bylines attached, at
        the tree positions `steps` gives."""
        rng = story_rng(self.options["seed"], index)
        published = context.timeline.published(index, story_jitter(rng))
        # Every story cites an outlet in its text; a third are that outlet's own stories.
        partner_number = rng.randrange(len(PARTNERS))
        partner = context.partners[partner_number] if rng.random() < PARTNER_SHARE else None
        outlet_name = PARTNERS[partner_number][:2]
        writer = StoryWriter(rng, [edition.language for edition in self.editions], outlet_name)
        title, standfirst, summary = writer.title(), writer.standfirst(), writer.summary()
        body = writer.body(self.images, outlet_name, published, context.latest)
        section = section_of(self.options["seed"], index, len(self.editions[0].sections))
        topics = rng.sample(
            range(len(context.topics)),
            rng.randint(1, min(MAX_TOPICS_PER_STORY, len(context.topics))),
        )
        focus = rng.randrange(len(topics))
        authors = rng.sample(range(len(context.authors)), rng.randint(1, MAX_BYLINES))
        lead_image = rng.choice(self.images) if self.images and rng.random() < 0.8 else None
        lead_video = youtube_url(rng) if rng.random() < 0.05 else ""
        provenance = self.provenance(rng, partner_number, writer, published) if partner else {}
        notes = [
            values[self.editions[0].language]["updated_at"]
            for kind, values, _ in body
            if kind == "update_note"
        ]
        key = synthetic_key("story", index)
        pages = []
        for edition in editions:
            parent = edition.sections[section]
            slug = unique_slug(
                f"{base_slug(title[edition.language])}-{index + 1}",
                context.taken[parent.path],
                edition.language,
            )
            page = new_page(
                StoryPage,
                edition,
                title=title[edition.language],
                slug=slug,
                translation_key=key,
                published=published,
                content_type=context.story_type,
                standfirst=standfirst[edition.language],
                summary=summary[edition.language],
                dateline=writer.town,
                lead_image=lead_image,
                lead_video_url=lead_video,
                published_at=published,
                story_locale=edition.locale,
                updated_at=max(notes, default=None),
                body=tag_free_stream(context.body_field.stream_block, body, edition.language),
                partner=partner[edition.locale.pk] if partner else None,
                **provenance,
            )
            place(page, parent, steps[index, edition.language])
            page.story_topics = [
                StoryTopic(
                    topic_id=context.topics[topic][edition.locale.pk],
                    is_focus=n == focus,
                    sort_order=n,
                    locale=edition.locale,
                    translation_key=synthetic_key("story", index, "topic", n),
                )
                for n, topic in enumerate(topics)
            ]
            page.bylines = [
                StoryByline(
                    author=context.authors[author][edition.locale.pk],
                    sort_order=n,
                    locale=edition.locale,
                    translation_key=synthetic_key("story", index, "byline", n),
                )
                for n, author in enumerate(authors)
            ]
            page.refresh_card_fields()
            index_body = (
                searchable_stream(context.body_field, page.body)
                if context.joined_index_text
                else page.body
            )
            page.body = html_stream(context.body_field.stream_block, body, edition.language)
            pages.append((page, index_body))
        return pages

    @staticmethod
    def provenance(rng, partner_number, writer, published):
        name_en, _name_fr, _native, language, *_country = PARTNERS[partner_number]
        headline = ORIGINAL_HEADLINES.get(language, "{town}").format(town=writer.town)
        days_before = datetime.timedelta(days=rng.randint(0, 3))
        path = f"{published.year}/{base_slug(headline, 40)}-{rng.randrange(10**6)}"
        return {
            "original_headline": headline,
            "original_url": f"https://{base_slug(name_en)}.example/{path}",
            "original_language": language,
            "original_author": person_name(rng),
            "original_published_at": (published - days_before).date(),
            "translator_credit": person_name(rng),
        }

    def plan_batch(self, indices, missing, context):
        """Which pages a batch makes and where they go in the tree, decided here, in index
        order, so that batches written in parallel still give the same paths every run."""
        plan = BatchPlan()
        sections = len(self.editions[0].sections)
        for index in indices:
            editions = missing[index]
            plan.stories.append((index, [edition.language for edition in editions]))
            section = section_of(self.options["seed"], index, sections)
            for edition in editions:
                parent = edition.sections[section]
                plan.steps[index, edition.language] = context.paths.allocate(parent)
        plan.added = context.paths.take_added()
        return plan

    def write_plan(self, plan, context):
        """Make and write a planned batch: one transaction, tried again if PostgreSQL chose
        it as the victim of a deadlock with a parallel batch."""
        try:
            with collected_after():
                return self.try_plan(plan, context)
        finally:
            # With DEBUG on (manage.py's dev settings) Django keeps every statement it runs,
            # and a batch's are tens of megabytes of text.
            reset_queries()

    def try_plan(self, plan, context):
        editions = {edition.language: edition for edition in self.editions}
        for attempt in range(3):
            pages, index_bodies = [], []
            for index, languages in plan.stories:
                made = self.story_pages(
                    index, [editions[code] for code in languages], context, plan.steps
                )
                for page, index_body in made:
                    pages.append(page)
                    index_bodies.append(index_body)
            try:
                return self.write_batch(pages, index_bodies, plan.added), len(plan.stories)
            except OperationalError as error:
                if getattr(error.__cause__, "sqlstate", None) != DEADLOCK_DETECTED or attempt == 2:
                    raise

    def write_batch(self, pages, index_bodies, added):
        """One transaction: the pages, their topic and byline rows, their index entries and
        the sections' child counts."""
        with transaction.atomic():
            insert_pages(StoryPage, pages)
            StoryTopic.objects.bulk_create(
                [row for page in pages for row in page.story_topics.all()]
            )
            StoryByline.objects.bulk_create([row for page in pages for row in page.bylines.all()])
            with swapped_bodies(pages, index_bodies):
                self.backend.add_bulk(StoryPage, pages)
            add_to_numchild(added)
        return len(pages)


@dataclass
class BatchPlan:
    stories: list = field(default_factory=list)  # (index, languages of the missing pages)
    steps: dict = field(default_factory=dict)  # (index, language): step under its section
    added: Counter = field(default_factory=Counter)  # new pages under each parent


@dataclass
class StoryContext:
    """What every story of a run draws on."""

    timeline: Timeline
    latest: datetime.datetime
    topics: list
    authors: list
    partners: list
    taken: dict
    paths: ChildPaths
    body_field: object
    story_type: object
    joined_index_text: bool


def writer_processes(requested):
    """Processes that make and write batches side by side: a batch is Python's work (text,
    objects, index entries) as much as the database's, and one process keeps one core busy.
    SQLite takes one writer at a time, and other processes would not see a transaction the
    caller has open (as in tests): then the batches are written here, one after the other."""
    connection = connections[router.db_for_write(StoryPage)]
    if (
        connection.vendor != "postgresql"
        or connection.in_atomic_block
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return 0
    return requested or os.cpu_count() or 1


# What forked writer processes inherit: the builder and the run's context, too many objects
# (and model instances) to send with every batch.
_inherited = None


def _write_in_child(plan):
    builder, context = _inherited
    return builder.write_plan(plan, context)


def _leave_interrupts_to_parent():
    # Ctrl-C reaches every process of the terminal; the parent stops the children itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def write_plans(builder, context, plans, processes):
    """Write every plan, here or in `processes` children; yields (pages, stories) per batch as
    it is committed. Interrupted, the children are stopped at once: PostgreSQL rolls back the
    batches they were writing when their connections close."""
    if not processes:
        for plan in plans:
            yield builder.write_plan(plan, context)
        return
    global _inherited
    _inherited = builder, context
    connections.close_all()  # each child must open its own connection
    pool = multiprocessing.get_context("fork").Pool(processes, _leave_interrupts_to_parent)
    try:
        yield from pool.imap_unordered(_write_in_child, plans)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
        _inherited = None


def vacuum_and_analyze():
    """Fresh planner statistics and visibility maps for the tables just filled, as autovacuum
    would leave them (and where it is off, as on this project's machine, never does): with
    statistics of a nearly empty database a topic page took 0.5 s instead of 0.07 s on the
    100,000-story archive, and without visibility maps PostgreSQL's index-only scans read
    every row from the table as well (counting a busy topic's stories read 2,800)."""
    connection = connections[router.db_for_write(StoryPage)]
    if connection.vendor != "postgresql":
        return
    models = (Page, StoryPage, StoryTopic, StoryByline, TopicPage, Author, PartnerOutlet)
    tables = [model._meta.db_table for model in models] + [IndexEntry._meta.db_table]
    # VACUUM cannot run inside a transaction, as in a test's; ANALYZE can.
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        cursor.execute(f"{command} " + ", ".join(connection.ops.quote_name(t) for t in tables))


class _ProgressStream:
    """tqdm redraws its bar with carriage returns; Django's OutputWrapper would end every write
    with a newline (and colour it as an error)."""

    def __init__(self, wrapper):
        self.wrapper = wrapper

    @property
    def encoding(self):
        # Lets tqdm draw its bar in Unicode blocks where the terminal takes them.
        return getattr(self.wrapper, "encoding", None)

    def write(self, text):
        self.wrapper.write(text, style_func=str, ending="")

    def flush(self):
        self.wrapper.flush()


def positive_int(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if number < 1 or isinstance(value, bool):
        raise argparse.ArgumentTypeError(f"must be a positive integer, not {value!r}")
    return number


def parse_date(value):
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError as error:
        raise argparse.ArgumentTypeError(
            f"must be a date like 2026-12-01, not {value!r}"
        ) from error


class Command(BaseCommand):
    help = (
        "Generate a synthetic archive for benchmarks: N stories and M topics in every edition, "
        "with authors and partner outlets, on the demo tree (run load_demo first). Safe to "
        "interrupt and run again: it adds only what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--stories", type=positive_int, required=True, help="stories per edition"
        )
        parser.add_argument("--topics", type=positive_int, required=True, help="topics per edition")
        parser.add_argument(
            "--batch-size",
            type=positive_int,
            default=1000,
            help="stories per transaction (default 1000)",
        )
        parser.add_argument(
            "--years", type=positive_int, default=5, help="years the archive spans (default 5)"
        )
        parser.add_argument(
            "--until",
            type=parse_date,
            default=None,
            help="the day the newest story is published by (default today, UTC)",
        )
        parser.add_argument("--seed", type=int, default=0, help="varies the text (default 0)")
        parser.add_argument(
            "--workers",
            type=positive_int,
            default=None,
            help="processes writing batches on PostgreSQL (default: one per CPU)",
        )

    def handle(self, *args, **options):
        for name in ("stories", "topics", "batch_size", "years", "workers"):
            if name == "workers" and options[name] is None:
                continue
            try:
                options[name] = positive_int(options[name])
            except argparse.ArgumentTypeError as error:
                raise CommandError(f"--{name.replace('_', '-')} {error}") from error
        if options["until"] is not None and not isinstance(options["until"], datetime.date):
            try:
                options["until"] = parse_date(options["until"])
            except argparse.ArgumentTypeError as error:
                raise CommandError(f"--until {error}") from error
        started = time.monotonic()
        editions = find_editions()
        builder = ArchiveBuilder(editions, options)
        with transaction.atomic():
            partners = builder.ensure_snippets(
                PartnerOutlet,
                [synthetic_key("partner", n) for n in range(len(PARTNERS))],
                builder.partner_fields,
            )
            authors = builder.ensure_snippets(
                Author,
                [synthetic_key("author", n) for n in range(author_pool_size(options["stories"]))],
                builder.author_fields,
            )
            topics = builder.ensure_topics(options["topics"])
        written = self.write_stories(builder, editions, options, topics, authors, partners)
        # Routing and URLs read the sites' root paths from the cache, and cached pages and
        # listings would hide the new stories.
        Site.clear_site_root_paths_cache()
        cache.clear()
        if written:
            vacuum_and_analyze()
        self.report(builder, editions, written, time.monotonic() - started)

    def write_stories(self, builder, editions, options, topics, authors, partners):
        total = options["stories"]
        existing, taken = builder.existing_stories(total)
        missing = {}
        for index in range(total):
            key = synthetic_key("story", index)
            absent = [e for e in editions if (key, e.locale.pk) not in existing]
            if absent:
                missing[index] = absent
        builder.skipped["stories"] = total - len(missing)
        builder.created["stories"] = len(missing)
        if not missing:
            return 0
        first = min(missing)
        previous = (
            StoryPage.objects.filter(translation_key=synthetic_key("story", first - 1))
            .values_list("published_at", flat=True)
            .first()
            if first
            else None
        )
        until = options["until"] or timezone.now().date()
        end = datetime.datetime.combine(until, datetime.time(), tzinfo=datetime.UTC)
        context = StoryContext(
            timeline=choose_timeline(
                end, options["years"], total, first, previous, options["seed"]
            ),
            latest=end,
            topics=topics,
            authors=authors,
            partners=partners,
            taken=taken,
            paths=ChildPaths(),
            body_field=StoryPage._meta.get_field("body"),
            story_type=ContentType.objects.get_for_model(StoryPage),
            joined_index_text=joins_body_text(builder.backend),
        )
        indices = sorted(missing)
        chunks = [
            indices[start : start + options["batch_size"]]
            for start in range(0, len(indices), options["batch_size"])
        ]
        plans = [builder.plan_batch(chunk, missing, context) for chunk in chunks]
        progress = tqdm(
            total=len(indices), unit="story", file=_ProgressStream(self.stderr), mininterval=1
        )
        written = 0
        processes = writer_processes(options["workers"])
        try:
            with long_lived_objects_frozen():
                for pages, stories in write_plans(builder, context, plans, processes):
                    written += pages
                    progress.update(stories)
        except KeyboardInterrupt:
            raise CommandError(
                f"Interrupted after at least {written} story pages: every batch is written "
                "whole or not at all. Run the same command again to continue.",
                returncode=130,
            ) from None
        finally:
            progress.close()
        return written

    def report(self, builder, editions, pages, seconds):
        skipped = ", ".join(f"{count} {name}" for name, count in builder.skipped.items() if count)
        if skipped:
            self.stdout.write(f"Skipped what already existed: {skipped}.")
        created = ", ".join(f"{count} {name}" for name, count in builder.created.items() if count)
        languages = ", ".join(edition.language for edition in editions)
        stories = builder.created["stories"]
        self.stdout.write(
            f"Created {created or 'nothing'} in every edition ({languages}): {pages} story "
            f"pages in {seconds:.1f} s ({stories / seconds:.0f} stories/s)."
        )
