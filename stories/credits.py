"""Whom a story is credited to, as clients outside the page read it: feeds and structured
data. Readers see the bylines; a client needs a name for every story."""

from dataclasses import dataclass

from editions.links import edition_url
from editions.models import MagazineSettings


@dataclass(frozen=True)
class Credit:
    name: str
    url: str  # absolute
    is_person: bool


def credits(story, request, bylines):
    """The story's (or briefing's) authors, in byline order: people, or a partner outlet
    that signs as itself. A story nobody signed (a
    partner's original, as imported) is credited to its partner outlet, else to the
    magazine (as an unsigned briefing is)."""
    if bylines:
        return [
            Credit(
                byline.signer.name,
                request.build_absolute_uri(byline.signer.url),
                is_person=byline.author is not None,
            )
            for byline in bylines
        ]
    if story.partner:
        url = request.build_absolute_uri(story.partner.url)
        return [Credit(story.partner.name, url, False)]
    return [magazine_credit(story, request)]


def reporting_credits(partner_credits, request):
    """The outlets a story credits "with reporting from", in order (its StoryPartnerCredit
    rows, fetched with their partners)."""
    return [
        Credit(credit.partner.name, request.build_absolute_uri(credit.partner.url), False)
        for credit in partner_credits
    ]


def magazine_credit(page, request):
    """The magazine, for what its desk publishes unsigned (a briefing, a story of its own),
    at its edition's front page."""
    magazine = MagazineSettings.for_request(request)
    url = request.build_absolute_uri(edition_url(page.locale.language_code))
    return Credit(magazine.name, url, False)
