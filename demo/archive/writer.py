"""One synthetic story, written in every edition's language at once."""

import datetime

from demo.archive.vocabulary import (
    CAPTIONS,
    CREDITS,
    HEADINGS,
    HEADLINES,
    INSTITUTIONS,
    MONTHS,
    QUOTES,
    RIVERS,
    ROLES,
    SENTENCES,
    STANDFIRST_ENDINGS,
    STANDFIRST_OPENINGS,
    SUMMARIES,
    TEXT_COLUMNS,
    THINGS,
    TOWNS,
    UPDATE_NOTES,
    VIDEO_CAPTIONS,
    block_id,
    capitalised,
    column,
    person_name,
    words,
    youtube_url,
)
from stories.blocks import ANALYSIS_LABELS

BODY_BLOCKS = (8, 15)
PARAGRAPH_WORDS = (60, 150)
TITLE_WORDS = (6, 14)
STANDFIRST_WORDS = (20, 40)
SUMMARY_MAX_CHARS = 300


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

    def genre(self):
        """A quarter of the stories have a genre (StoryPage.analysis_kind); the rest are news
        reports."""
        rng = self.rng
        return rng.choice(ANALYSIS_LABELS)[0] if rng.random() < 0.25 else ""

    def body(self, images, outlet_name, published, latest):
        """[(block type, {language: value}, block id)]: 8 to 15 blocks, mostly paragraphs,
        an update note last, as editors place it."""
        rng = self.rng
        count = rng.randint(*BODY_BLOCKS)
        blocks = [("paragraph", self.paragraph())]
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
