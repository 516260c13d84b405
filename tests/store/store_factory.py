"""Build DocumentResults directly from records (no NLP), for store tests."""
from __future__ import annotations

import hashlib
from datetime import date

from geopol.records import Actor, Document, Event, EventType


def _country(code: str) -> str:
    return code[:3]


def make_event(doc: Document, i: int, src: str, tgt: str | None, cameo: str, *, when: str | None = "2024-06-19",
               modality: str = "asserted", quad: int = 1, goldstein: float = 1.0, plover: str = "CONSULT",
               reciprocal: bool = False) -> Event:
    eid = hashlib.sha1(f"{doc.id}|{doc.content_hash}|{i}|{src}|{tgt}|{cameo}|{modality}".encode()).hexdigest()[:20]
    return Event(
        event_id=eid, doc_id=doc.id, sentence_index=i, sentence=f"sentence {i}", date=when,
        date_precision="day" if when else None,
        source=Actor(text=src, code=src, country=_country(src), sector=src[3:] or None, name=src),
        target=Actor(text=tgt, code=tgt, country=_country(tgt), sector=tgt[3:] or None, name=tgt) if tgt else None,
        type=EventType(code=cameo, name=f"code {cameo}", goldstein=goldstein, quad_class=quad, plover_type=plover,
                       plover_mode=None, plover_context=("military",)),
        modality=modality, trigger="met", confidence=0.9, reciprocal=reciprocal, rule="test",
        trigger_start=0, trigger_end=3, doc_date=when)


def make_result(doc_id: str, text: str, events: list[tuple], *, url: str | None = None, source: str | None = None,
                doc_date: date | None = date(2024, 6, 19)):
    from geopol.pipeline import DocumentResult, SentenceRecord  # noqa: F401  (real record types)
    doc = Document(id=doc_id, text=text, date=doc_date, url=url, source=source,
                   content_hash=hashlib.sha256(text.encode()).hexdigest())
    evs = tuple(make_event(doc, i, *spec[:3], **(spec[3] if len(spec) > 3 else {})) for i, spec in enumerate(events))
    sents = tuple(SentenceRecord(i, f"sentence {i}", i * 10) for i in range(max(len(events), 1)))
    return DocumentResult(doc, doc_date, "metadata", sents, evs)
