"""Turn coded documents into Arrow tables (the store's batch format) and back into records.

The same three tables (documents, sentences, events) are what a batch write
inserts, what a Dask worker writes as Parquet shards, and what the store merges
with ``INSERT ... SELECT``. Nothing here touches the database.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from geopol.records import Actor, Event, EventType, Location

# Near-duplicate detection: 64-bit simhash of word 3-shingles; documents within
# SIMHASH_MAX_DISTANCE bits are the same story. Texts shorter than
# SIMHASH_MIN_WORDS get no simhash (too few shingles to be reliable) and only
# match on the exact content hash.
SIMHASH_MIN_WORDS = 30
SIMHASH_MAX_DISTANCE = 5
# the 64 bits cut into SIMHASH_MAX_DISTANCE + 1 bands (shift, width): two hashes within the
# distance share at least one band exactly (pigeonhole), so candidates come from equality joins
SIMHASH_BANDS = ((0, 11), (11, 11), (22, 11), (33, 11), (44, 10), (54, 10))
SHINGLE = 3
_WORD = re.compile(r"\w+", re.UNICODE)

DOC_SCHEMA = pa.schema([
    ("pos", pa.int64()),               # order inside the batch (canonical = first)
    ("doc_id", pa.string()),
    ("content_hash", pa.string()),
    ("origin", pa.string()),
    ("line", pa.int32()),
    ("title", pa.string()),
    ("source", pa.string()),
    ("url", pa.string()),
    ("doc_date", pa.date32()),
    ("date_source", pa.string()),
    ("n_sentences", pa.int32()),
    ("n_events", pa.int32()),
    ("simhash", pa.uint64()),
    ("source_key", pa.string()),
])

SENT_SCHEMA = pa.schema([
    ("doc_id", pa.string()),
    ("sentence_index", pa.int32()),
    ("text", pa.string()),
    ("start_char", pa.int32()),
])

EVENT_SCHEMA = pa.schema([
    ("event_id", pa.string()), ("doc_id", pa.string()), ("sentence_index", pa.int32()),
    ("date", pa.date32()), ("date_precision", pa.string()),
    ("source_code", pa.string()), ("source_country", pa.string()), ("source_sector", pa.string()),
    ("source_name", pa.string()), ("source_text", pa.string()),
    ("target_code", pa.string()), ("target_country", pa.string()), ("target_sector", pa.string()),
    ("target_name", pa.string()), ("target_text", pa.string()),
    ("cameo", pa.string()), ("cameo_root", pa.string()), ("goldstein", pa.float64()),
    ("quad_class", pa.int32()), ("plover_type", pa.string()), ("plover_mode", pa.string()),
    ("plover_context", pa.string()), ("modality", pa.string()), ("trigger", pa.string()),
    ("confidence", pa.float64()), ("reciprocal", pa.bool_()),
    ("location_name", pa.string()), ("location_country", pa.string()),
    ("lat", pa.float64()), ("lon", pa.float64()), ("rule", pa.string()), ("record", pa.string()),
])


# -- hashing -------------------------------------------------------------------------

def simhash(text: str) -> int | None:
    """64-bit simhash of the lower-cased word 3-shingles, or None for short texts."""
    words = _WORD.findall(text.lower())
    if len(words) < SIMHASH_MIN_WORDS:
        return None
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    digests = b"".join(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest() for s in sorted(shingles))
    bits = np.unpackbits(np.frombuffer(digests, dtype=np.uint8)).reshape(len(shingles), 64)
    votes = bits.sum(axis=0, dtype=np.int64) * 2 > len(shingles)
    return int.from_bytes(np.packbits(votes).tobytes(), "big")


def bands(h: int) -> list[tuple[int, int]]:
    return [(i, (h >> shift) & ((1 << width) - 1)) for i, (shift, width) in enumerate(SIMHASH_BANDS)]


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()


def source_key(url: str | None, source: str | None) -> str | None:
    """What counts as one source: the URL's host (without www.), else the source name."""
    if url:
        try:
            host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
        except ValueError:
            host = ""
        if host.startswith("www."):
            host = host[4:]
        if host:
            return host
    if source and source.strip():
        return source.strip().lower()
    return None


# -- results -> tables -------------------------------------------------------------------

def event_record(e: Event) -> dict[str, Any]:
    """The stored record: the event-record spec with the explanation and trigger span."""
    d = e.to_dict(explain=True)
    d["trigger_span"] = [e.trigger_start, e.trigger_end]
    d["doc_date"] = e.doc_date
    return d


def _date(value: str | date | None) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def results_to_tables(results: Sequence) -> tuple[pa.Table, pa.Table, pa.Table, int]:
    """Documents, sentences and events tables of a batch of DocumentResults.

    A doc_id appearing twice in the batch keeps its last version (as if the batch
    had been written one document at a time); returns how many were dropped."""
    last: dict[str, int] = {}
    for i, r in enumerate(results):
        last[r.document.id] = i
    keep = [r for i, r in enumerate(results) if last[r.document.id] == i]
    dropped = len(results) - len(keep)

    docs: dict[str, list] = {f.name: [] for f in DOC_SCHEMA}
    sents: dict[str, list] = {f.name: [] for f in SENT_SCHEMA}
    evs: dict[str, list] = {f.name: [] for f in EVENT_SCHEMA}
    for pos, r in enumerate(keep):
        d = r.document
        for k, v in (("pos", pos), ("doc_id", d.id), ("content_hash", d.content_hash), ("origin", d.origin),
                     ("line", d.line), ("title", d.title), ("source", d.source), ("url", d.url),
                     ("doc_date", r.date), ("date_source", r.date_source), ("n_sentences", len(r.sentences)),
                     ("n_events", len(r.events)), ("simhash", simhash(d.text)),
                     ("source_key", source_key(d.url, d.source))):
            docs[k].append(v)
        for s in r.sentences:
            sents["doc_id"].append(d.id)
            sents["sentence_index"].append(s.index)
            sents["text"].append(s.text)
            sents["start_char"].append(s.start_char)
        for e in r.events:
            _append_event(evs, e)
    return (pa.Table.from_pydict(docs, schema=DOC_SCHEMA), pa.Table.from_pydict(sents, schema=SENT_SCHEMA),
            pa.Table.from_pydict(evs, schema=EVENT_SCHEMA), dropped)


def _append_event(evs: dict[str, list], e: Event) -> None:
    s, t, loc, ty = e.source, e.target, e.location, e.type
    row = {
        "event_id": e.event_id, "doc_id": e.doc_id, "sentence_index": e.sentence_index,
        "date": _date(e.date), "date_precision": e.date_precision,
        "source_code": s.code if s else None, "source_country": s.country if s else None,
        "source_sector": s.sector if s else None, "source_name": s.name if s else None,
        "source_text": s.text if s else None,
        "target_code": t.code if t else None, "target_country": t.country if t else None,
        "target_sector": t.sector if t else None, "target_name": t.name if t else None,
        "target_text": t.text if t else None,
        "cameo": ty.code, "cameo_root": ty.root, "goldstein": ty.goldstein, "quad_class": ty.quad_class,
        "plover_type": ty.plover_type, "plover_mode": ty.plover_mode,
        "plover_context": "|".join(ty.plover_context) or None, "modality": e.modality, "trigger": e.trigger,
        "confidence": float(e.confidence), "reciprocal": bool(e.reciprocal),
        "location_name": loc.name if loc else None, "location_country": loc.country if loc else None,
        "lat": loc.lat if loc else None, "lon": loc.lon if loc else None, "rule": e.rule,
        "record": json.dumps(event_record(e), ensure_ascii=False),
    }
    for k, v in row.items():
        evs[k].append(v)


# -- record -> Event (for the output writers) ---------------------------------------------

def _actor(d: dict | None, rule: str | None) -> Actor | None:
    if not d:
        return None
    return Actor(text=d.get("text") or "", code=d.get("code") or "", country=d.get("country"),
                 sector=d.get("sector"), name=d.get("name"), rule=rule or "")


def record_to_event(d: dict[str, Any]) -> Event:
    """Rebuild an Event from its stored record, so geopol.output can write it in any format."""
    ex = d.get("explain") or {}
    plover = d.get("plover") or {}
    loc = d.get("location")
    span = d.get("trigger_span") or [0, 0]
    etype = EventType(code=d["cameo"], name=d.get("cameo_name") or "", goldstein=d.get("goldstein"),
                      quad_class=d.get("quad_class"), plover_type=plover.get("type"),
                      plover_mode=plover.get("mode"), plover_context=tuple(plover.get("context") or ()))
    location = None
    if loc:
        location = Location(name=loc.get("name") or "", country=loc.get("country"), admin1=loc.get("admin1"),
                            lat=loc.get("lat"), lon=loc.get("lon"), precision=loc.get("precision") or "country")
    return Event(event_id=d["event_id"], doc_id=d["doc_id"], sentence_index=d["sentence_index"],
                 sentence=d.get("sentence") or "", date=d.get("date"), date_precision=d.get("date_precision"),
                 source=_actor(d.get("source"), ex.get("source_rule")),
                 target=_actor(d.get("target"), ex.get("target_rule")), type=etype,
                 modality=d["modality"], trigger=d.get("trigger") or "", confidence=d.get("confidence") or 0.0,
                 location=location, reciprocal=bool(d.get("reciprocal")), symmetric=bool(d.get("symmetric")), rule=ex.get("rule") or "",
                 modality_reason=ex.get("modality") or "", trigger_start=span[0], trigger_end=span[1],
                 doc_date=d.get("doc_date"))


# -- batches built from parts (the local engine's workers code chunks of a batch) ----------------

BATCH_SCHEMAS = (DOC_SCHEMA, SENT_SCHEMA, EVENT_SCHEMA)


def tables_to_ipc(tables: Sequence[pa.Table]) -> tuple[bytes, ...]:
    """Each table as an Arrow IPC stream (what a coding worker sends back: cheaper at both ends than
    pickling the coded documents, whose frozen dataclasses are slow to unpickle)."""
    out = []
    for t in tables:
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, t.schema) as w:
            w.write_table(t)
        out.append(sink.getvalue().to_pybytes())
    return tuple(out)


def ipc_to_tables(streams: Sequence[bytes]) -> tuple[pa.Table, ...]:
    """The tables of :func:`tables_to_ipc` (zero-copy views of the bytes)."""
    return tuple(pa.ipc.open_stream(pa.py_buffer(b)).read_all() for b in streams)


def merge_tables(parts: Sequence[tuple[pa.Table, pa.Table, pa.Table]]) -> tuple[pa.Table, pa.Table, pa.Table, int]:
    """One batch from the tables of consecutive parts of it, as :func:`results_to_tables` of the whole
    batch would give: a doc_id found in several parts keeps its last version, ``pos`` runs over the
    batch. Returns the tables and how many documents were dropped here."""
    if not parts:
        return (*(s.empty_table() for s in BATCH_SCHEMAS), 0)
    ids = [p[0].column("doc_id").to_pylist() for p in parts]
    last: dict[str, int] = {}
    for i, part_ids in enumerate(ids):
        for d in part_ids:
            last[d] = i
    dropped = sum(map(len, ids)) - len(last)
    if dropped:
        kept = []
        for i, (d, s, e) in enumerate(parts):
            gone = pa.array([x for x in ids[i] if last[x] != i], pa.string())
            if len(gone):
                d, s, e = (t.filter(pc.invert(pc.is_in(t.column("doc_id"), value_set=gone))) for t in (d, s, e))
            kept.append((d, s, e))
        parts = kept
    docs, sents, events = (pa.concat_tables([p[k] for p in parts]) for k in range(3))
    docs = docs.set_column(0, DOC_SCHEMA.field("pos"), pa.array(np.arange(docs.num_rows, dtype=np.int64)))
    return docs, sents, events, dropped


def concat(tables: Iterable[pa.Table], schema: pa.Schema) -> pa.Table:
    ts = list(tables)
    return pa.concat_tables(ts) if ts else schema.empty_table()
