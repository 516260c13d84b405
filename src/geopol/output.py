"""Event writers for the command line: jsonl (the event record), tsv (GDELT/Phoenix-like columns), plover."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from geopol.records import Event

OUTPUT_FORMATS = ("jsonl", "tsv", "plover")

TSV_COLUMNS = (
    "GlobalEventID", "SQLDATE", "DatePrecision", "DocID", "SentenceIndex",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "PloverType", "Modality", "Reciprocal", "Symmetric", "ActionGeo_FullName", "ActionGeo_CountryCode",
    "ActionGeo_Lat", "ActionGeo_Long", "Trigger", "Confidence", "Sentence",
)


_LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def json_line(record: dict) -> str:
    """One JSON record on one line: non-ASCII kept readable, but U+2028, U+2029 and U+0085 escaped, since
    json.dumps(ensure_ascii=False) writes them raw and line readers (str.splitlines, many JSONL tools)
    take them for line ends, cutting the record in two."""
    text = json.dumps(record, ensure_ascii=False)
    if any(c in text for c in _LINE_BREAKS):
        for c, esc in _LINE_BREAKS.items():
            text = text.replace(c, esc)
    return text


def _clean(v) -> str:
    if v is None:
        return ""
    return " ".join(str(v).split()) if any(c in str(v) for c in "\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029") \
        else str(v)


def tsv_row(e: Event) -> list[str]:
    s, t, loc = e.source, e.target, e.location
    return [_clean(x) for x in (
        e.event_id, (e.date or "").replace("-", ""), e.date_precision, e.doc_id, e.sentence_index,
        s.code if s else "", s.name if s else "", s.country if s else "", s.sector if s else "",
        t.code if t else "", t.name if t else "", t.country if t else "", t.sector if t else "",
        e.type.code, e.type.code[:3], e.type.root, e.type.quad_class, e.type.goldstein,
        e.type.plover_type, e.modality, int(e.reciprocal), int(e.symmetric), loc.name if loc else "", loc.country if loc else "",
        loc.lat if loc else "", loc.lon if loc else "", e.trigger, round(e.confidence, 3), e.sentence)]


def plover_record(e: Event, url: str | None = None, source_name: str | None = None) -> dict:
    def actor(a):
        if a is None:
            return None
        return {"actorText": a.text, "code": a.country, "sector": a.sector, "fullCode": a.code, "name": a.name}
    t = e.type
    start, end = e.trigger_start, e.trigger_end
    return {
        "id": e.event_id,
        "date": e.date,
        "actor": actor(e.source),
        "recipient": actor(e.target),
        "event": t.plover_type,
        "mode": t.plover_mode,
        "context": list(t.plover_context),
        "event_loc": ({"name": e.location.name, "country": e.location.country, "lat": e.location.lat,
                       "lon": e.location.lon} if e.location else None),
        "text_info": {"sentence": e.sentence, "eventText": e.trigger, "eventSpan": [start, end],
                      "modality": e.modality, "cameo": t.code},
        "cite_info": {"doc_id": e.doc_id, "sentence_index": e.sentence_index, "url": url, "source": source_name},
    }


class EventWriter:
    def __init__(self, fh: TextIO, fmt: str = "jsonl", explain: bool = False) -> None:
        if fmt not in OUTPUT_FORMATS:
            raise ValueError(f"unknown output format {fmt!r}")
        self.fh, self.fmt, self.explain = fh, fmt, explain
        self.count = 0
        if fmt == "tsv":
            fh.write("\t".join(TSV_COLUMNS) + "\n")

    def write(self, events: Iterable[Event], url: str | None = None, source: str | None = None) -> None:
        for e in events:
            if self.fmt == "jsonl":
                self.fh.write(json_line(e.to_dict(self.explain)) + "\n")
            elif self.fmt == "tsv":
                self.fh.write("\t".join(tsv_row(e)) + "\n")
            else:
                self.fh.write(json_line(plover_record(e, url, source)) + "\n")
            self.count += 1
        self.fh.flush()
