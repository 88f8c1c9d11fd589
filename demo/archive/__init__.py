"""Fill every edition with a synthetic archive for benchmarks: ``manage.py generate_content``.

``generate_content --stories 100000 --topics 200`` adds, on top of the site tree that
``manage.py load_demo`` makes, N stories spread over the sections, M topics, a pool of authors
and ten partner outlets, each in every edition (settings.EDITION_LANGUAGES). The editions'
versions of an object share its translation key, and a story's topics, bylines and partner
point at the objects of its own edition: what wagtail-localize leaves after translating
(docs/content-model.md), without its translation records, so the translation desk ignores them.

The text is invented from vocabulary.py (towns, people and outlets that do not exist),
in English and French, in the magazine's shape: headline, standfirst, 8 to 15 body blocks.

Page.add_child costs a dozen queries a page, hours for 200,000 pages; this writes in bulk
instead: treebeard paths are computed here, the wagtailcore_page rows go in with bulk_create,
the story rows with COPY (an INSERT elsewhere than on PostgreSQL), and the search index is
filled with the backend's bulk API. On PostgreSQL one process per CPU makes and writes
batches side by side. Each batch is one transaction and every object has a deterministic
translation key, so an interrupted run (Ctrl-C) is simply run again: it creates only what is
missing. The same arguments give the same archive (the default --until is today).

writer.py writes a story; tree.py finds the editions and places pages; builder.py makes
the objects in batches; runner.py writes the batches, in parallel on PostgreSQL.
"""
