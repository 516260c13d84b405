"""Evidence spans: where an event's trigger, source and target sit in its sentence
(character offsets, end exclusive), as the page highlights them."""
from __future__ import annotations

from typing import Any


def actor_span(sentence: str, text: str | None, near: int = 0) -> list[int] | None:
    """Offsets of ``text`` in ``sentence``; of several occurrences, the one closest to ``near``
    (the trigger). Case-insensitive if there is no exact match; None if absent."""
    if not text or not sentence:
        return None
    for hay, needle in ((sentence, text), (sentence.lower(), text.lower())):
        starts = []
        i = hay.find(needle)
        while i >= 0:
            starts.append(i)
            i = hay.find(needle, i + 1)
        if starts:
            best = min(starts, key=lambda s: (abs(s - near), s))
            return [best, best + len(text)]
    return None


def _checked(sentence: str, start: int, end: int, text: str | None, near: int = 0) -> list[int] | None:
    if text and 0 <= start < end <= len(sentence) and sentence[start:end] == text:
        return [start, end]
    return actor_span(sentence, text, near)


def event_spans(event) -> dict[str, list[int] | None]:
    """Spans of a freshly coded :class:`geopol.records.Event` (its own offsets, checked against the text)."""
    s = event.sentence
    trig = _checked(s, event.trigger_start, event.trigger_end, event.trigger)
    near = trig[0] if trig else 0
    out: dict[str, list[int] | None] = {"trigger": trig, "source": None, "target": None}
    for role in ("source", "target"):
        a = getattr(event, role)
        if a is not None:
            out[role] = _checked(s, a.start, a.end, a.text, near)
    return out


def doc_spans(spans: dict[str, Any], sentence_start: int | None) -> dict[str, list[int] | None]:
    """Sentence-relative spans shifted to offsets in the document text."""
    if sentence_start is None:
        return {k: None for k in spans}
    return {k: ([v[0] + sentence_start, v[1] + sentence_start] if v else None) for k, v in spans.items()}
