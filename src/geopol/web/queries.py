"""Read-only queries the web API needs that the store does not offer (text search,
counts, one document with its sentences), and the node list of the network view.
Every value from a request is a bound parameter; the only
text put into SQL is chosen from fixed strings here.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb

from geopol.web.spans import actor_span, doc_spans

ORDER = "ORDER BY e.date NULLS LAST, e.doc_id, e.sentence_index, e.event_id"
SENTENCE = "coalesce(s.text, json_extract_string(e.record, '$.sentence'))"


@dataclass(frozen=True)
class EventQuery:
    """Validated filters of ``GET /api/events`` (see ``app.py`` for the parsing)."""

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    plover_type: str | None = None
    cameo_root: str | None = None
    modality: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    q: str | None = None
    doc_id: str | None = None
    limit: int = 100
    offset: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _where(f: EventQuery) -> tuple[str, list[Any]]:
    """The store's event filters (one definition, in geopol.store), plus text search and document."""
    from geopol.store import EventFilter, Store
    where, params = Store.where_sql(EventFilter(actor=f.actor, dyad=f.dyad, plover_type=f.plover_type,
                                             cameo_root=f.cameo_root, since=f.since, until=f.until,
                                             modality=tuple(f.modality)))
    conds = [where[len(" WHERE "):]] if where else []
    if f.q:
        conds.append(f"{SENTENCE} ILIKE ? ESCAPE '\\'")
        params.append("%" + _like_escape(f.q) + "%")
    if f.doc_id is not None:
        conds.append("e.doc_id = ?")
        params.append(f.doc_id)
    return (" WHERE " + " AND ".join(conds)) if conds else "", params


def _event_out(record_json: str, sentence: str | None, num_mentions, num_sources) -> dict[str, Any]:
    d = json.loads(record_json)
    d.pop("explain", None)
    d.pop("doc_date", None)
    span = d.pop("trigger_span", None)
    sent = sentence if sentence is not None else d.get("sentence", "")
    d["sentence"] = sent
    d["num_mentions"], d["num_sources"] = num_mentions, num_sources
    trig = None
    if span and len(span) == 2 and 0 <= span[0] <= span[1] <= len(sent) \
            and sent[span[0]:span[1]] == (d.get("trigger") or sent[span[0]:span[1]]):
        trig = [int(span[0]), int(span[1])]
    elif d.get("trigger"):
        i = sent.find(d["trigger"])
        trig = [i, i + len(d["trigger"])] if i >= 0 else None
    near = trig[0] if trig else 0
    d["spans"] = {
        "trigger": trig,
        "source": actor_span(sent, (d.get("source") or {}).get("text"), near),
        "target": actor_span(sent, (d.get("target") or {}).get("text"), near),
    }
    return d


def events(con: duckdb.DuckDBPyConnection, f: EventQuery) -> tuple[int, list[dict[str, Any]]]:
    """(total matching, one page of event records with evidence spans)."""
    where, params = _where(f)
    base = (" FROM events e LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.sentence_index = e.sentence_index"
            + where)
    total = con.execute("SELECT count(*)" + base, params).fetchone()[0]
    rows = con.execute(f"SELECT e.record, {SENTENCE} AS sentence, e.num_mentions, e.num_sources" + base
                       + f" {ORDER} LIMIT ? OFFSET ?", params + [f.limit, f.offset]).fetchall()
    return total, [_event_out(*r) for r in rows]


def document(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, Any] | None:
    """One stored document: its metadata, text rebuilt from its sentences (at their
    stored offsets), and its events with spans relative to the sentence and the text."""
    row = con.execute("SELECT doc_id, title, source, url, doc_date, date_source, n_sentences, n_events, "
                      "duplicate_of FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
    if row is None:
        return None
    keys = ("doc_id", "title", "source", "url", "doc_date", "date_source", "n_sentences", "n_events",
            "duplicate_of")
    out: dict[str, Any] = dict(zip(keys, row))
    sents = con.execute("SELECT sentence_index, text, start_char FROM sentences WHERE doc_id = ? "
                        "ORDER BY sentence_index", [doc_id]).fetchall()
    parts: list[str] = []
    length = 0
    sentences = []
    for index, text, start in sents:
        start = int(start) if start is not None else length + (1 if length else 0)
        if start > length:
            gap = start - length
            parts.append(" " if gap == 1 else "\n" * gap)
            length = start
        else:
            if length:
                parts.append(" ")
                length += 1
            start = length
        parts.append(text)
        length += len(text)
        sentences.append({"index": index, "text": text, "start": start, "end": start + len(text), "events": []})
    out["text"] = "".join(parts)
    rows = con.execute(f"SELECT e.record, {SENTENCE} AS sentence, e.num_mentions, e.num_sources FROM events e "
                       "LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.sentence_index = e.sentence_index "
                       f"WHERE e.doc_id = ? {ORDER}", [doc_id]).fetchall()
    by_index = {s["index"]: s for s in sentences}
    evs = []
    for r in rows:
        ev = _event_out(*r)
        s = by_index.get(ev.get("sentence_index"))
        ev["doc_spans"] = doc_spans(ev["spans"], s["start"] if s else None)
        if s is not None:
            s["events"].append(ev["event_id"])
        evs.append(ev)
    out["sentences"] = sentences
    out["events"] = evs
    return out


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for t in ("documents", "sentences", "events"):
        out[t] = con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
    lo, hi = con.execute("SELECT min(date), max(date) FROM events").fetchone()
    out["first_date"], out["last_date"] = lo, hi
    return out


# -- network view -----------------------------------------------------------------------------

def nodes_of(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    nodes: dict[str, dict[str, Any]] = {}
    for e in edges:
        for k in (e["source"], e["target"]):
            n = nodes.setdefault(k, {"id": k, "label": k, "degree": 0, "n_events": 0})
            n["degree"] += 1
            n["n_events"] += e["n_events"]
    return sorted(nodes.values(), key=lambda n: (-n["n_events"], n["id"]))


