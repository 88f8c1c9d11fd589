"""An OpenSearch cluster in memory, for the calls search.opensearch makes, answering as
OpenSearch does where the code depends on it: aliases, an index that does not exist (404,
or a bulk item's error), `require_alias`. Words are matched with search.languages'
stemmers, standing in for the index's analyzer, and the recency script with
search.query.score: what is checked here is the plumbing, not OpenSearch's analysis, which
docs/search.md says how to check against a real cluster."""

import copy
import datetime
import re

from opensearchpy.exceptions import ConnectionError as OpenSearchConnectionError
from opensearchpy.exceptions import NotFoundError, RequestError

from search.languages import stems
from search.query import score

WEIGHT = re.compile(r"(\w+)(?:\^(\d+))?")


class Indices:
    def __init__(self, cluster):
        self.cluster = cluster

    def create(self, index, body):
        if index in self.cluster.indexes or index in self.cluster.aliases:
            raise RequestError(400, "resource_already_exists_exception", index)
        self.cluster.indexes[index] = {"body": copy.deepcopy(body), "docs": {}}

    def get_alias(self, name):
        if name not in self.cluster.aliases:
            raise NotFoundError(404, "alias missing", name)
        return {self.cluster.aliases[name]: {"aliases": {name: {}}}}

    def update_aliases(self, body):
        for action in body["actions"]:
            ((kind, target),) = action.items()
            if kind == "remove":
                assert self.cluster.aliases.pop(target["alias"]) == target["index"]
            else:
                assert target["index"] in self.cluster.indexes
                self.cluster.aliases[target["alias"]] = target["index"]

    def delete(self, index, ignore_unavailable=False):
        if self.cluster.indexes.pop(index, None) is None and not ignore_unavailable:
            raise NotFoundError(404, "index_not_found_exception", index)

    def put_settings(self, index, body):
        self.cluster.indexes[index]["body"]["settings"].update(body["index"])

    def refresh(self, index):
        self.cluster.resolve(index)


class FakeOpenSearch:
    def __init__(self):
        self.indexes = {}  # name: {"body": the create request, "docs": {id: source}}
        self.aliases = {}  # alias: index
        self.indices = Indices(self)
        self.searches = []  # (index, body) of each search
        self.down = False

    def resolve(self, name, alias_required=False):
        if name in self.aliases:
            return self.aliases[name]
        if name in self.indexes and not alias_required:
            return name
        return None

    def docs(self, name):
        return self.indexes[self.resolve(name)]["docs"]

    def bulk(self, body, require_alias=False):
        if self.down:
            raise OpenSearchConnectionError("N/A", "connection refused", None)
        items, lines = [], iter(body)
        for line in lines:
            ((action, meta),) = line.items()
            index = self.resolve(meta["_index"], alias_required=require_alias and action == "index")
            source = next(lines) if action == "index" else None
            if index is None and action == "index" and not require_alias:
                # OpenSearch makes the index, with a mapping guessed from the document.
                index = meta["_index"]
                self.indexes[index] = {"body": {"settings": {}, "mappings": {}}, "docs": {}}
            if index is None:
                error = {"type": "index_not_found_exception"}
                items.append({action: {"status": 404, "error": error}})
                continue
            docs = self.indexes[index]["docs"]
            key = meta["_id"]
            if action == "index":
                docs[key] = source
                items.append({action: {"status": 200}})
            else:
                items.append({action: {"status": 200 if docs.pop(key, None) else 404}})
        errors = any(result["status"] >= 300 for item in items for result in item.values())
        return {"errors": errors, "items": items}

    def search(self, index, body, request_timeout=None):
        if self.down:
            raise OpenSearchConnectionError("N/A", "connection refused", None)
        name = self.resolve(index)
        if name is None:
            raise NotFoundError(404, "index_not_found_exception", index)
        self.searches.append((index, body))
        language = name.split("stories_")[1].split("_")[0]
        docs = self.indexes[name]["docs"]
        query = body.get("query", {"match_all": {}})
        script = None
        if "script_score" in query:
            script = query["script_score"]["script"]["params"]
            query = query["script_score"]["query"]
        hits = []
        for key, doc in docs.items():
            relevance = self.relevance(query, doc, language)
            if relevance is None:
                continue
            if script is not None:
                now = datetime.datetime.fromtimestamp(script["now"] / 1000, datetime.UTC)
                relevance = score(relevance, published(doc["published_at"]), now)
            hits.append({"_id": key, "_score": relevance, "doc": doc})
        hits.sort(key=lambda hit: self.sort_key(hit, body["sort"]))
        return {
            "hits": {
                "hits": [
                    {"_id": hit["_id"], "_score": hit["_score"]} for hit in hits[: body["size"]]
                ]
            }
        }

    @staticmethod
    def relevance(query, doc, language):
        if "match_all" in query:
            return 1.0
        match = query["bool"]["must"]["multi_match"]
        if doc["locale"] != query["bool"]["filter"]["term"]["locale"]:
            return None
        wanted = set(stems(match["query"], language))
        fields = {
            name: int(weight or 1)
            for name, weight in (WEIGHT.fullmatch(f).groups() for f in match["fields"])
        }
        found = {name: stems(doc[name], language) for name in fields}
        if not wanted or any(not any(w in found[name] for name in fields) for w in wanted):
            return None
        return float(sum(fields[n] * sum(s in wanted for s in found[n]) for n in fields))

    @staticmethod
    def sort_key(hit, sort):
        key = []
        for clause in sort:
            ((field, how),) = clause.items()
            order = how if isinstance(how, str) else how["order"]
            if field == "_score":
                value = hit["_score"]
            elif field == "published_at":
                value = published(hit["doc"]["published_at"]).timestamp()
            else:
                value = hit["doc"][field]
            key.append(-value if order == "desc" else value)
        return key


def published(value):
    return datetime.datetime.fromisoformat(value)
