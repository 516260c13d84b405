"""Schema versions of the store, keyed by ``meta.schema_version``.

Version 1 is ``schema.sql``. Each later version is a list of statements run in
one transaction; they only add (columns, tables, indexes), never rename or drop.
"""
from __future__ import annotations

from importlib import resources

MIGRATIONS: dict[int, list[str]] = {
    2: [
        # what counts as one source of a document (URL host, else the source name)
        "ALTER TABLE documents ADD COLUMN IF NOT EXISTS source_key VARCHAR",
        # the events of duplicate documents, reduced to a match key: they are not stored
        # as events, but raise num_mentions / num_sources of the canonical document's events
        """CREATE TABLE IF NOT EXISTS duplicate_mentions (
               doc_id           VARCHAR NOT NULL,   -- the duplicate document
               canonical_doc_id VARCHAR NOT NULL,   -- documents.duplicate_of
               source_code      VARCHAR NOT NULL,
               target_code      VARCHAR NOT NULL,   -- '' when the event has no target
               cameo            VARCHAR NOT NULL,
               modality         VARCHAR NOT NULL,
               source_key       VARCHAR NOT NULL,
               PRIMARY KEY (doc_id, source_code, target_code, cameo, modality)
           )""",
    ],
}

LATEST = max(MIGRATIONS) if MIGRATIONS else 1


def base_schema() -> str:
    return resources.files("geopol.store").joinpath("schema.sql").read_text(encoding="utf-8")
