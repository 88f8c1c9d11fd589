"""Readers' search in OpenSearch, when the site's search backend is OpenSearch
(`OPENSEARCH_URL`: config/settings/base.py).

The entries (search.models) stay the source. Once a transaction that wrote or removed
entries commits, the task `sync` makes their documents what the entries are then, so it
can run late, twice or out of order. `manage.py index_stories` builds each language's
index afresh (`rebuild`) and moves readers to it at once. A search that OpenSearch cannot
answer (down, slow, the index not built yet) is answered from the database instead.

Each language has an index, `<OPENSEARCH_INDEX>_stories_<code>` (an alias of the one
built last), whose analyzer matches words as the PostgreSQL configurations do
(search.setup): lower-cased, the language's stop words dropped, accents folded, then
stemmed by the language's Snowball stemmer where OpenSearch has it; French and Italian
elided articles ("l'élection") come off first. Polish and Ukrainian have no stemmer in
OpenSearch without plugins, so they are matched word for word, as on PostgreSQL.

Ranking is search.query's: the fields weighted 10, 4, 2 and 1 (headline, standfirst and
summary, body, the rest; OpenSearch's BM25), every word required somewhere, the relevance
divided by 1 + age in days / RECENCY_DAYS in a script. OpenSearch ranks every match, not
only the newest WINDOW of them.
"""

import datetime
import functools
import logging

from django.core.signals import setting_changed
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone
from django_tasks import task
from opensearchpy.exceptions import NotFoundError, OpenSearchException

from stories.models import StoryPage

from . import setup
from .languages import snowball_name
from .models import TEXT_FIELDS, StoryEntry

logger = logging.getLogger(__name__)

READ_TIMEOUT = 2  # seconds a reader's search waits for OpenSearch before the database
# Minutes before a sync that OpenSearch did not take is tried again: an outage of up to an
# hour and a half is caught up without anyone re-indexing.
RETRY_MINUTES = (1, 5, 15, 60)
WEIGHTS = ("title^10", "standfirst^4", "body^2", "other")

# The Snowball stemmers OpenSearch has built in (Lucene's, by the names of
# search.languages.snowball_name), each with a stop word list of the same name. Polish's
# and Ukrainian's come only with plugins (analysis-stempel, analysis-ukrainian).
SNOWBALL = {
    "arabic", "armenian", "basque", "catalan", "danish", "dutch", "english", "estonian",
    "finnish", "french", "german", "hungarian", "irish", "italian", "lithuanian",
    "norwegian", "portuguese", "romanian", "russian", "spanish", "swedish", "turkish",
}  # fmt: skip
# Articles written against the next word with an apostrophe, which the standard tokenizer
# keeps on it.
ELISION = {
    "fr": ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"],
    "it": ["c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl",
           "degl", "negl", "sugl", "un", "m", "t", "s", "v", "d"],
}  # fmt: skip

MAPPINGS = {
    "dynamic": "strict",
    "properties": {
        "page": {"type": "long"},
        "locale": {"type": "integer"},
        "published_at": {"type": "date"},
        **{field: {"type": "text", "analyzer": "words"} for field in TEXT_FIELDS},
    },
}

RECENCY = (
    "double age = doc['published_at'].size() == 0 ? 0 : Math.max(0, params.now"
    " - doc['published_at'].value.toInstant().toEpochMilli()) / 86400000.0;"
    " return _score / (1 + age / params.days);"
)


@functools.cache
def backend():
    """Wagtail's OpenSearch backend (its client and index prefix), or None. One for the
    process, so that its client's connections are kept."""
    from modelsearch.backends.opensearch2 import OpenSearch2SearchBackend
    from wagtail.search.backends import get_search_backend

    search_backend = get_search_backend()
    return search_backend if isinstance(search_backend, OpenSearch2SearchBackend) else None


@receiver(setting_changed)
def forget_backend(setting, **kwargs):
    if setting == "WAGTAILSEARCH_BACKENDS":
        backend.cache_clear()


def index_name(code, prefix):
    return f"{prefix}stories_{code}"


def analysis(code):
    """The index settings' analysis for language `code`: one analyzer, `words`."""
    name = snowball_name(code)
    filters, definitions = [], {}
    if code in ELISION:
        definitions["articles"] = {
            "type": "elision",
            "articles": ELISION[code],
            "articles_case": True,
        }
        filters.append("articles")
    if name == "english":
        definitions["possessive"] = {"type": "stemmer", "language": "possessive_english"}
        filters.append("possessive")
    filters.append("lowercase")
    if name in SNOWBALL:
        definitions["stop_words"] = {"type": "stop", "stopwords": f"_{name}_"}
        filters.append("stop_words")
    filters.append("asciifolding")
    if name in SNOWBALL:  # Lucene finds it by its capitalised name
        definitions["stemmer"] = {"type": "snowball", "language": name.capitalize()}
        filters.append("stemmer")
    return {
        "char_filter": {"yo": {"type": "mapping", "mappings": ["ё => е", "Ё => Е"]}},
        "filter": definitions,
        "analyzer": {
            "words": {
                "type": "custom",
                "char_filter": ["yo"],
                "tokenizer": "standard",
                "filter": filters,
            }
        },
    }


def document(entry):
    return {
        "page": entry.page_id,
        "locale": entry.locale_id,
        "published_at": entry.published_at.isoformat() if entry.published_at else None,
        **{field: getattr(entry, field) for field in TEXT_FIELDS},
    }


def request(locale_id, terms, newest, now):
    """The search request's body for the stories of edition `locale_id` holding every word
    of `terms`: WINDOW + 1 of them, as search.query.find returns."""
    from .query import RECENCY_DAYS, WINDOW

    query = {
        "bool": {
            "must": {
                "multi_match": {
                    "query": terms,
                    "type": "cross_fields",
                    "fields": list(WEIGHTS),
                    "operator": "and",
                }
            },
            "filter": {"term": {"locale": locale_id}},
        }
    }
    newest_first = [
        {"published_at": {"order": "desc", "missing": "_last"}},
        {"page": {"order": "desc"}},
    ]
    body = {"size": WINDOW + 1, "_source": False, "track_total_hits": False}
    if newest:
        return {**body, "query": query, "sort": newest_first}
    return {
        **body,
        "query": {
            "script_score": {
                "query": query,
                "script": {
                    "source": RECENCY,
                    "params": {"now": int(now.timestamp() * 1000), "days": RECENCY_DAYS},
                },
            }
        },
        "sort": [{"_score": {"order": "desc"}}, {"page": {"order": "desc"}}],
    }


def find(locale_id, language, terms, newest=False):
    """Page ids as search.query.find gives them, from OpenSearch; None when the site does
    not search with OpenSearch or it did not answer (the database answers then)."""
    search_backend = backend()
    if search_backend is None:
        return None
    try:
        response = search_backend.es.search(
            index=index_name(language, search_backend.index_prefix),
            body=request(locale_id, terms, newest, timezone.now()),
            request_timeout=READ_TIMEOUT,
        )
    except OpenSearchException as error:
        logger.warning("Readers' search answered from the database: OpenSearch: %s", error)
        return None
    return [int(hit["_id"]) for hit in response["hits"]["hits"]]


def changed(ids):
    """After search.indexing wrote or removed the entries of `ids`: their documents are
    made the same once the transaction commits."""
    if ids and backend() is not None:
        ids = sorted(ids)
        transaction.on_commit(lambda: sync.enqueue(ids))


@task()
def sync(ids, attempt=0):
    """Make the documents of pages `ids` what their entries are now: written in their
    language's index, and in no other (removed everywhere when there is no entry). Tried
    again later if OpenSearch does not answer (`attempt` of RETRY_MINUTES)."""
    search_backend = backend()
    if search_backend is None or not ids:
        return
    entries = {entry.page_id: entry for entry in StoryEntry.objects.filter(page_id__in=ids)}
    actions = []
    for code in setup.languages():
        index = index_name(code, search_backend.index_prefix)
        for pk in ids:
            entry = entries.get(pk)
            if entry is not None and entry.language == code:
                actions += [{"index": {"_index": index, "_id": str(pk)}}, document(entry)]
            else:
                actions.append({"delete": {"_index": index, "_id": str(pk)}})
    try:
        # An index not built yet is not made by a write (index_stories builds it).
        response = search_backend.es.bulk(body=actions, require_alias=True)
    except OpenSearchException as error:
        if attempt >= len(RETRY_MINUTES) or not sync.get_backend().supports_defer:
            raise
        later = timezone.now() + datetime.timedelta(minutes=RETRY_MINUTES[attempt])
        sync.using(run_after=later).enqueue(ids, attempt + 1)
        logger.warning(
            "OpenSearch did not take %d stories (%s); again at %s", len(ids), error, later
        )
        return
    # 404: a document already gone, or a language whose index is not built yet.
    failed = [
        result
        for item in response["items"]
        for result in item.values()
        if result["status"] >= 300 and result["status"] != 404
    ]
    if failed:
        logger.error("OpenSearch refused %d search documents: %s", len(failed), failed[:3])


def rebuild(batch=500, progress=None):
    """Build every language's index afresh from the entries and move its alias to it at
    once, then bring over what was published or removed meanwhile. Returns how many
    documents were written, or None without OpenSearch."""
    search_backend = backend()
    if search_backend is None:
        return None
    client, prefix = search_backend.es, search_backend.index_prefix
    started = timezone.now()
    stamp = started.strftime("%Y%m%d%H%M%S%f")
    written = []  # page ids
    for code in setup.languages():
        alias = index_name(code, prefix)
        new = f"{alias}_{stamp}"
        try:
            fill(client, new, code, batch, written, progress)
        except BaseException:
            client.indices.delete(index=new, ignore_unavailable=True)
            raise
        previous = aliased(client, alias)
        client.indices.update_aliases(
            body={
                "actions": [
                    *({"remove": {"index": index, "alias": alias}} for index in previous),
                    {"add": {"index": new, "alias": alias}},
                ]
            }
        )
        for index in previous:
            client.indices.delete(index=index)
    sync.call(sorted(missed(started, written)))
    return len(written)


def fill(client, index, code, batch, written, progress):
    """Make `index` for language `code` and write its entries into it, adding their page
    ids to `written`."""
    client.indices.create(
        index=index,
        body={
            # No refresh while it is filled (faster); refreshed once, before readers use it.
            "settings": {"analysis": analysis(code), "refresh_interval": "-1"},
            "mappings": MAPPINGS,
        },
    )
    entries = StoryEntry.objects.filter(language=code).order_by("page_id")
    last = 0
    while chunk := list(entries.filter(page_id__gt=last)[:batch]):
        actions = []
        for entry in chunk:
            actions += [{"index": {"_index": index, "_id": str(entry.page_id)}}, document(entry)]
        response = client.bulk(body=actions)
        if response["errors"]:
            refused = [r for item in response["items"] for r in item.values() if "error" in r]
            raise RuntimeError(f"OpenSearch refused documents of {index}: {refused[:3]}")
        written += [entry.page_id for entry in chunk]
        last = chunk[-1].page_id
        if progress:
            progress(len(written))
    client.indices.put_settings(index=index, body={"index": {"refresh_interval": None}})
    client.indices.refresh(index=index)


def aliased(client, alias):
    try:
        return sorted(client.indices.get_alias(name=alias))
    except NotFoundError:
        return []


def missed(started, written):
    """Pages whose documents the rebuild may have missed: published since it `started`
    (their sync may have gone to the index it replaced), or `written` (page ids) and
    since removed."""
    ids = set(StoryPage.objects.filter(last_published_at__gte=started).values_list("pk", flat=True))
    return ids | (set(written) - set(StoryEntry.objects.values_list("page_id", flat=True)))
