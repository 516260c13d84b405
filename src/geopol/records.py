"""Typed, immutable records passed between geopol's stages.

Each stage takes records in and gives records out; no logic beyond small
conversions lives here. ``Event.to_dict`` writes the record fixed by the
event-record specification (docs in README "Output formats").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class Document:
    """One input document, as a reader produced it."""

    id: str
    text: str
    date: date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str = "-"          # file path (or "-" for stdin) the document came from
    line: int | None = None    # line / record number inside the origin, when it has one
    content_hash: str = ""
    meta: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Problem:
    """A user-facing error or warning about one input unit (file, line or document)."""

    origin: str
    message: str
    line: int | None = None
    severity: str = "error"    # "error" (unit skipped) or "warning" (coded anyway)

    def __str__(self) -> str:
        where = self.origin if self.line is None else f"{self.origin}:{self.line}"
        return f"geopol: {where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor: a CAMEO-style code and what it was resolved from."""

    text: str                  # the words in the sentence
    code: str                  # full CAMEO actor code, e.g. RUSGOV, IGOUNO, PRK
    country: str | None        # ISO alpha-3 or CAMEO 3-letter code (IGO, NGO...)
    sector: str | None = None  # GOV, MIL, ... or None
    name: str | None = None    # canonical name, e.g. "Vladimir Putin"
    start: int = 0             # character offsets in the sentence
    end: int = 0
    rule: str = ""             # which knowledge-base entry resolved it

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "code": self.code, "country": self.country,
                "sector": self.sector, "name": self.name}


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str = "country"   # "city" | "admin1" | "feature" | "country"
    feature_id: str | None = None
    water: bool = False          # a sea, strait, river...: the country is nominal (not in the record)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "admin1": self.admin1,
                "lat": self.lat, "lon": self.lon, "precision": self.precision}


@dataclass(frozen=True, slots=True)
class EventType:
    """One entry of the CAMEO ontology with its PLOVER equivalent."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None
    plover_context: tuple[str, ...] = ()

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True, slots=True)
class Event:
    event_id: str
    doc_id: str
    sentence_index: int
    sentence: str
    date: str | None
    date_precision: str | None
    source: Actor | None
    target: Actor | None
    type: EventType
    modality: str
    trigger: str
    confidence: float
    location: Location | None = None
    reciprocal: bool = False     # True: this one record stands for A->B and B->A (spec); geopol writes two
    symmetric: bool = False      # True: one of the two records A->B, B->A of a symmetric event
    rule: str = ""               # the pattern or model that decided the code
    modality_reason: str = ""
    trigger_start: int = 0       # char offsets of the trigger in the sentence
    trigger_end: int = 0
    doc_date: str | None = None

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        t = self.type
        d: dict[str, Any] = {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "date": self.date,
            "date_precision": self.date_precision,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": t.code,
            "cameo_root": t.root,
            "cameo_name": t.name,
            "goldstein": t.goldstein,
            "quad_class": t.quad_class,
            "plover": {"type": t.plover_type, "mode": t.plover_mode,
                       "context": list(t.plover_context)},
            "modality": self.modality,
            "location": self.location.to_dict() if self.location else None,
            "trigger": self.trigger,
            "confidence": round(self.confidence, 3),
            "reciprocal": self.reciprocal,
            "symmetric": self.symmetric,
        }
        if explain:
            d["explain"] = {"rule": self.rule, "modality": self.modality_reason,
                            "source_rule": self.source.rule if self.source else None,
                            "target_rule": self.target.rule if self.target else None}
        return d


MODALITIES = ("asserted", "negated", "hypothetical", "future", "reported_claim")
