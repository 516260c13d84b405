"""Gold-standard readers for ``geopol eval``.

Three formats are read into the same records, :class:`GoldSentence` holding a
tuple of :class:`GoldEvent`:

``plover-json``
    The PLOVER gold-standard file (``PLOVER_GSR_CAMEO.json``, PLOVER 0.5b1): a
    JSON list of records, one sentence each, with ``id``, ``date``, ``text``,
    ``event`` (a PLOVER type), ``source``/``target`` (lists of
    ``{"actorText", "code", "sector"?}``), ``mode``, ``context`` (comma
    separated) and ``eventLoc``. The ``DOCUMENT`` record is skipped. Actor codes
    are ``code + sector`` (``HUN`` + ``GOV`` -> ``HUNGOV``; sector ``***`` is
    dropped). Several sources times several targets give one event per pair; a
    compound actor with no target (``SRC/TAR`` markup, "A and B agreed") gives
    every ordered pair A->B, B->A. The file's types predate PLOVER 2021;
    :data:`OLD_TO_NEW_PLOVER` maps them to the 16 current types and the original
    is kept in :attr:`GoldEvent.plover_type_orig`. The file has no CAMEO codes.

``petrarch-xml``
    PETRARCH validation / unit-test records: ``<Sentence id= date=>`` followed by
    ``<EventCoding sourcecode= targetcode= eventcode=>`` (or
    ``<EventCoding noevents="True">``) and ``<Text>``; ``<Parse>`` is skipped.
    The files are not well-formed XML (``#`` banner lines, self-closing
    ``<Sentence .../>`` later closed by ``</Sentence>``), so a tolerant scanner
    reads them: a sentence owns the codings and text that follow it up to the
    next ``<Sentence>``. A sentence with no ``<EventCoding>`` at all, or with
    ``<EventCoding error="...">`` (PETRARCH's expected-error tests), is kept with
    ``annotated=False`` and not scored. PLOVER types come from geopol's CAMEO
    table (``geopol/coding/data/cameo.tsv``).

``jsonl``
    geopol's own simple gold: one sentence per line::

        {"id": "s1", "text": "...", "date": "2024-06-19",
         "events": [{"source": "RUSGOV", "target": "PRK", "cameo": "057",
                     "plover": "AGREE", "modality": "asserted"}]}

    ``id`` and ``text`` are required; ``date`` (``YYYY-MM-DD``) is optional;
    ``events`` may be empty or absent (the sentence has no event). Per event:
    ``source`` and ``target`` are CAMEO actor codes (``target`` may be null or
    absent); at least one of ``cameo`` (a string of 2-4 digits) and ``plover``
    (one of the 16 types; old 0.5b1 names are mapped) is needed, ``plover`` is
    derived from ``cameo`` when absent. Optional: ``modality`` (default
    ``asserted``), ``mode``, ``context`` (string or list), ``location`` (string
    or ``{"name": ...}``), ``reciprocal`` (true adds the reversed event).
    Blank lines and lines starting with ``#`` are skipped.

Duplicate sentence ids (the PLOVER file and the unit-test records have some)
are made unique by suffixing ``#2``, ``#3``...; a warning is recorded.
Unusable input raises :class:`GoldFormatError`, whose ``str`` is the one-line
``FILE:LINE: message``.
"""
from __future__ import annotations

import hashlib
import html
import json
import re
from dataclasses import dataclass, field, replace
from datetime import date as _date
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from geopol.records import MODALITIES, Document, Problem

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
    "MOBILIZE", "COERCE", "ASSAULT",
)

#: PLOVER 0.5b1 event types that PLOVER 2021 (manual draft 0.8 and the
#: CAMEO2PLOVER-2021 table) folded into current ones: CAMEO 10 "demand" ->
#: REQUEST, 11 "disapprove" -> ACCUSE (mode disapprove), 09 "investigate" ->
#: ACCUSE (mode investigate), 19 "fight" -> ASSAULT.
OLD_TO_NEW_PLOVER: dict[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "INVESTIGATE": "ACCUSE",
}

GOLD_FORMATS = ("auto", "plover-json", "petrarch-xml", "jsonl")


class GoldFormatError(ValueError):
    """Unusable gold input; ``str(err)`` is ``FILE:LINE: message``."""

    def __init__(self, origin: str, message: str, line: int | None = None):
        self.origin = origin
        self.line = line
        self.message = message
        where = origin if line is None else f"{origin}:{line}"
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True, slots=True)
class GoldEvent:
    source: str | None                 # full CAMEO actor code, e.g. RUSGOV; None when absent
    target: str | None
    cameo: str | None                  # CAMEO event code (2-4 digits) or None (PLOVER gold)
    plover_type: str | None            # one of PLOVER_TYPES (after OLD_TO_NEW_PLOVER) or None
    mode: str | None = None
    context: tuple[str, ...] = ()
    location: str | None = None        # location name
    modality: str = "asserted"
    plover_type_orig: str | None = None  # the type as written in the gold file

    @property
    def cameo_root(self) -> str | None:
        return self.cameo[:2] if self.cameo else None


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    text: str
    date: str | None                   # YYYY-MM-DD when known
    events: tuple[GoldEvent, ...] = ()
    annotated: bool = True             # False: no gold coding (not scored)
    cameo_annotated: bool = True       # False: events carry no CAMEO codes (PLOVER gold)
    origin: str = "-"
    line: int | None = None
    meta: tuple[tuple[str, str], ...] = ()


# --------------------------------------------------------------------------- CAMEO table

@lru_cache(maxsize=1)
def cameo_to_plover() -> dict[str, str | None]:
    """CAMEO code -> PLOVER type (None for public statements), from geopol's ontology (read once)."""
    from geopol.coding.ontology import Ontology
    return {code: t.plover_type for code, t in Ontology.load().types.items()}


def plover_for_cameo(code: str | None) -> str | None:
    """PLOVER type of a CAMEO code: the code, else its parents (0231 -> 023 -> 02)."""
    if not code:
        return None
    table = cameo_to_plover()
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def normalize_plover(value: Any) -> tuple[str | None, str | None]:
    """(current type, type as written); raises ValueError for an unknown type."""
    if value is None or value == "":
        return None, None
    if not isinstance(value, str):
        raise ValueError(f"PLOVER type must be a string, got {value!r}")
    orig = value.strip().upper()
    new = OLD_TO_NEW_PLOVER.get(orig, orig)
    if new not in PLOVER_TYPES:
        raise ValueError(f"unknown PLOVER type {value!r}")
    return new, orig


_CAMEO_RE = re.compile(r"^\d{2,4}$")


def _iso_date(value: str | None) -> str | None:
    """YYYY-MM-DD from ISO, YYYYMMDD or YYMMDD (PETRARCH); None if unusable."""
    if not value:
        return None
    v = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            return _date.fromisoformat(v).isoformat()
        if re.fullmatch(r"\d{8}", v):
            return _date(int(v[:4]), int(v[4:6]), int(v[6:])).isoformat()
        if re.fullmatch(r"\d{6}", v):
            yy = int(v[:2])
            return _date(2000 + yy if yy < 70 else 1900 + yy, int(v[2:4]), int(v[4:])).isoformat()
    except ValueError:
        return None
    return None


def _dedupe(sentences: list[GoldSentence], problems: list[Problem] | None) -> list[GoldSentence]:
    seen: dict[str, int] = {}
    out: list[GoldSentence] = []
    for s in sentences:
        n = seen.get(s.id, 0) + 1
        seen[s.id] = n
        if n > 1:
            new_id = f"{s.id}#{n}"
            while new_id in seen:
                n += 1
                new_id = f"{s.id}#{n}"
            seen[new_id] = 1
            if problems is not None:
                problems.append(Problem(s.origin, f"duplicate sentence id {s.id!r}; renamed {new_id!r}",
                                        s.line, "warning"))
            s = replace(s, id=new_id, meta=s.meta + (("duplicate_of", s.id),))
        out.append(s)
    return out


def _clean_text(text: str) -> str:
    return " ".join(html.unescape(text).split())


# --------------------------------------------------------------------------- PLOVER JSON

def _plover_actor_codes(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []              # null, "" or a misplaced string (the file has a few)
    codes = []
    for a in value:
        if not isinstance(a, dict) or not a.get("code"):
            continue
        code = str(a["code"]).strip().upper()
        sector = str(a.get("sector") or "").strip()
        if sector and sector != "***":
            code += sector.upper()
        codes.append(code)
    return codes


def _json_line_of(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    pos = text.find(needle, start)
    if pos < 0:
        return 0, start
    return text.count("\n", 0, pos) + 1, pos + 1


def read_plover_json(path: str | Path, problems: list[Problem] | None = None) -> list[GoldSentence]:
    origin = str(path)
    raw = _read_text(path)
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as e:
        raise GoldFormatError(origin, f"invalid JSON: {e.msg}", e.lineno) from None
    if isinstance(data, dict):
        data = data.get("records", data.get("events", [data]))
    if not isinstance(data, list):
        raise GoldFormatError(origin, "expected a JSON list of PLOVER records", 1)
    out: list[GoldSentence] = []
    search_from = 0
    for i, rec in enumerate(data):
        line = None
        if isinstance(rec, dict) and isinstance(rec.get("id"), str):
            line, search_from = _json_line_of(raw, json.dumps(rec["id"]), search_from)
            line = line or None
        if not isinstance(rec, dict):
            raise GoldFormatError(origin, f"record {i + 1}: expected a JSON object", line)
        etype = rec.get("event")
        if etype == "DOCUMENT":
            continue
        rid = rec.get("id")
        text = rec.get("text")
        if not isinstance(rid, (str, int)) or not isinstance(text, str):
            raise GoldFormatError(origin, f"record {i + 1}: needs string 'id' and 'text'", line)
        try:
            new, orig = normalize_plover(etype)
        except ValueError as e:
            raise GoldFormatError(origin, f"record {rid}: {e}", line) from None
        sources = _plover_actor_codes(rec.get("source"))
        targets = _plover_actor_codes(rec.get("target"))
        markup = str((rec.get("textInfo") or {}).get("markup", "")) if isinstance(rec.get("textInfo"), dict) else ""
        pairs: list[tuple[str | None, str | None]]
        if sources and targets:
            pairs = [(s, t) for s in sources for t in targets]
        elif len(sources) >= 2 and "SRC/TAR" in markup:
            pairs = [(s, t) for i_s, s in enumerate(sources) for i_t, t in enumerate(sources) if i_s != i_t]
        elif sources:
            pairs = [(s, None) for s in sources]
        elif targets:
            pairs = [(None, t) for t in targets]
        else:
            pairs = [(None, None)]
        ctx_raw = rec.get("context")
        if isinstance(ctx_raw, list):
            context = tuple(str(c).strip() for c in ctx_raw if str(c).strip())
        else:
            context = tuple(c.strip() for c in str(ctx_raw or "").split(",")
                            if c.strip() and c.strip() != "None")
        loc = rec.get("eventLoc")
        loc_name = loc.get("name") if isinstance(loc, dict) else (loc if isinstance(loc, str) and loc else None)
        mode = rec.get("mode") or None
        seen_pairs: set[tuple[str | None, str | None]] = set()
        events = []
        for s, t in pairs:
            if (s, t) in seen_pairs:
                continue
            seen_pairs.add((s, t))
            events.append(GoldEvent(source=s, target=t, cameo=None, plover_type=new, mode=mode,
                                    context=context, location=loc_name, plover_type_orig=orig))
        out.append(GoldSentence(id=str(rid), text=_clean_text(text), date=_iso_date(rec.get("date")),
                                events=tuple(events), annotated=True, cameo_annotated=False,
                                origin=origin, line=line))
    return _dedupe(out, problems)


# --------------------------------------------------------------------------- PETRARCH XML

_TOKEN_RE = re.compile(
    r"<!--(?P<comment>.*?)-->"
    r"|<(?P<close>/?)(?P<name>[A-Za-z_][\w.:-]*)(?P<attrs>(?:[^<>\"']|\"[^\"]*\"|'[^']*')*?)(?P<self>/?)>",
    re.S,
)
_ATTR_RE = re.compile(r"([A-Za-z_][\w.:-]*)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


def _attrs(text: str) -> dict[str, str]:
    return {m.group(1): html.unescape(m.group(2) if m.group(2) is not None else m.group(3))
            for m in _ATTR_RE.finditer(text)}


def _strip_hash_lines(raw: str) -> str:
    """Blank out the '#' banner lines (outside comments) that PETRARCH files carry."""
    return "\n".join("" if ln.lstrip().startswith("#") else ln for ln in raw.split("\n"))


def read_petrarch_xml(path: str | Path, problems: list[Problem] | None = None) -> list[GoldSentence]:
    origin = str(path)
    raw = _read_text(path)
    text = _strip_hash_lines(raw)

    def line_at(pos: int) -> int:
        return text.count("\n", 0, pos) + 1

    out: list[GoldSentence] = []
    cur: dict[str, Any] | None = None

    def finish() -> None:
        nonlocal cur
        if cur is None:
            return
        if cur["text"] is None:
            if problems is not None:
                problems.append(Problem(origin, f"sentence {cur['id']!r} has no <Text>; skipped",
                                        cur["line"], "warning"))
        else:
            annotated = cur["coded"] and not cur["error"]
            meta = tuple((k, v) for k, v in cur["attrs"].items() if k not in ("id", "date"))
            if cur["error"]:
                meta += (("expected_error", cur["error"]),)
            out.append(GoldSentence(id=cur["id"], text=cur["text"], date=_iso_date(cur["attrs"].get("date")),
                                    events=tuple(cur["events"]), annotated=annotated, cameo_annotated=True,
                                    origin=origin, line=cur["line"], meta=meta))
        cur = None

    pos = 0
    n = len(text)
    while pos < n:
        lt = text.find("<", pos)
        if lt < 0:
            break
        if text.startswith("<!--", lt):
            end = text.find("-->", lt + 4)
            if end < 0:
                raise GoldFormatError(origin, "comment '<!--' is never closed", line_at(lt))
            pos = end + 3
            continue
        if text.startswith("<?", lt) or text.startswith("<!", lt):
            end = text.find(">", lt)
            if end < 0:
                raise GoldFormatError(origin, "unterminated declaration", line_at(lt))
            pos = end + 1
            continue
        m = _TOKEN_RE.match(text, lt)
        if m is None or m.group("comment") is not None:
            nxt = text[lt + 1: lt + 2]
            if nxt.isalpha() or nxt in "/_":
                raise GoldFormatError(origin, f"malformed tag {text[lt:lt + 30].splitlines()[0]!r}", line_at(lt))
            pos = lt + 1          # a stray '<' in prose
            continue
        pos = m.end()
        name = m.group("name")
        closing = bool(m.group("close"))
        lname = name.lower()
        if lname == "sentence" and not closing:
            finish()
            attrs = _attrs(m.group("attrs"))
            sid = attrs.get("id")
            if not sid:
                raise GoldFormatError(origin, "<Sentence> without an id attribute", line_at(lt))
            cur = {"id": sid, "attrs": attrs, "line": line_at(lt), "events": [], "coded": False,
                   "error": None, "text": None}
        elif lname == "sentence" and closing:
            finish()
        elif lname == "sentences" and closing:
            finish()
        elif lname == "eventcoding" and not closing:
            if cur is None:
                raise GoldFormatError(origin, "<EventCoding> outside a <Sentence>", line_at(lt))
            attrs = _attrs(m.group("attrs"))
            cur["coded"] = True
            if attrs.get("error"):
                cur["error"] = attrs["error"]
                continue
            if attrs.get("noevents", "").strip().lower() == "true":
                continue
            code = (attrs.get("eventcode") or "").strip()
            if not code:
                raise GoldFormatError(origin, f"<EventCoding> in sentence {cur['id']!r} has no eventcode "
                                              "(and no noevents=\"True\")", line_at(lt))
            src = (attrs.get("sourcecode") or "").strip() or None
            tgt = (attrs.get("targetcode") or "").strip() or None
            cur["events"].append(GoldEvent(source=src, target=tgt, cameo=code,
                                           plover_type=plover_for_cameo(code), plover_type_orig=None))
        elif lname == "text" and not closing:
            if m.group("self"):
                continue
            end = text.find("</Text>", pos)
            if end < 0:
                end_any = re.compile(r"</text\s*>", re.I).search(text, pos)
                end = end_any.start() if end_any else -1
            nxt_sent = re.compile(r"<Sentence\b", re.I).search(text, pos)
            if end < 0 or (nxt_sent and nxt_sent.start() < end):
                raise GoldFormatError(origin, "<Text> is never closed", line_at(lt))
            if cur is not None:
                cur["text"] = _clean_text(text[pos:end])
            pos = end
        elif lname == "parse" and not closing:
            if m.group("self"):
                continue
            end_m = re.compile(r"</parse\s*>", re.I).search(text, pos)
            if end_m is None:
                raise GoldFormatError(origin, "<Parse> is never closed", line_at(lt))
            pos = end_m.end()
    finish()
    return _dedupe(out, problems)


# --------------------------------------------------------------------------- JSONL

def _jsonl_event(d: Any, origin: str, line: int) -> list[GoldEvent]:
    if not isinstance(d, dict):
        raise GoldFormatError(origin, "each event must be a JSON object", line)

    def code(key: str) -> str | None:
        v = d.get(key)
        if isinstance(v, dict):
            v = v.get("code")
        if v is None or v == "":
            return None
        if not isinstance(v, str):
            raise GoldFormatError(origin, f"event {key!r} must be a string actor code", line)
        return v.strip().upper()

    src, tgt = code("source"), code("target")
    cameo = d.get("cameo")
    if cameo is not None:
        if not isinstance(cameo, str) or not _CAMEO_RE.match(cameo.strip()):
            raise GoldFormatError(origin, f"event 'cameo' must be a string of 2-4 digits like \"057\", got {cameo!r}", line)
        cameo = cameo.strip()
    pl = d.get("plover")
    if isinstance(pl, dict):
        pl = pl.get("type")
    try:
        ptype, porig = normalize_plover(pl)
    except ValueError as e:
        raise GoldFormatError(origin, str(e), line) from None
    if ptype is None and cameo is None:
        raise GoldFormatError(origin, "event needs 'cameo' or 'plover'", line)
    if ptype is None:
        ptype = plover_for_cameo(cameo)
    modality = d.get("modality") or "asserted"
    if modality not in MODALITIES:
        raise GoldFormatError(origin, f"unknown modality {modality!r} (one of {', '.join(MODALITIES)})", line)
    ctx = d.get("context") or ()
    context = tuple(c.strip() for c in (ctx.split(",") if isinstance(ctx, str) else ctx) if str(c).strip())
    loc = d.get("location")
    loc_name = loc.get("name") if isinstance(loc, dict) else (loc or None)
    ev = GoldEvent(source=src, target=tgt, cameo=cameo, plover_type=ptype, mode=d.get("mode") or None,
                   context=context, location=loc_name, modality=modality, plover_type_orig=porig)
    if d.get("reciprocal") and src != tgt:
        return [ev, replace(ev, source=tgt, target=src)]
    return [ev]


def read_gold_jsonl(path: str | Path, problems: list[Problem] | None = None) -> list[GoldSentence]:
    origin = str(path)
    raw = _read_text(path)
    rows: list[tuple[int, dict[str, Any], list[GoldEvent]]] = []
    for lineno, ln in enumerate(raw.splitlines(), 1):
        if not ln.strip() or ln.lstrip().startswith("#"):
            continue
        try:
            obj = json.loads(ln)
        except json.JSONDecodeError as e:
            raise GoldFormatError(origin, f"invalid JSON: {e.msg}", lineno) from None
        if not isinstance(obj, dict):
            raise GoldFormatError(origin, "expected one JSON object per line", lineno)
        if not isinstance(obj.get("id"), (str, int)) or isinstance(obj.get("id"), bool):
            raise GoldFormatError(origin, "missing 'id'", lineno)
        if not isinstance(obj.get("text"), str):
            raise GoldFormatError(origin, "missing 'text'", lineno)
        if obj.get("date") is not None and _iso_date(str(obj["date"])) is None:
            raise GoldFormatError(origin, f"'date' must be YYYY-MM-DD, got {obj['date']!r}", lineno)
        evs = obj.get("events", [])
        if evs is None:
            evs = []
        if not isinstance(evs, list):
            raise GoldFormatError(origin, "'events' must be a list", lineno)
        events: list[GoldEvent] = []
        for e in evs:
            events.extend(_jsonl_event(e, origin, lineno))
        rows.append((lineno, obj, events))
    file_has_cameo = any(e.cameo for _, _, evs in rows for e in evs)
    out = [GoldSentence(id=str(obj["id"]), text=obj["text"], date=_iso_date(obj.get("date")),
                        events=tuple(evs), annotated=True,
                        cameo_annotated=file_has_cameo and all(e.cameo for e in evs),
                        origin=origin, line=lineno)
           for lineno, obj, evs in rows]
    return _dedupe(out, problems)


# --------------------------------------------------------------------------- dispatch

def _read_text(path: str | Path) -> str:
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise GoldFormatError(str(path), "no such file") from None
    except IsADirectoryError:
        raise GoldFormatError(str(path), "is a directory, expected a gold file") from None
    except OSError as e:
        raise GoldFormatError(str(path), e.strerror or str(e)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise GoldFormatError(str(path), "not UTF-8 text", line) from None


def detect_format(path: str | Path) -> str:
    """'plover-json', 'petrarch-xml' or 'jsonl', from the extension, else the content."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".xml":
        return "petrarch-xml"
    head = _read_text(path)[:4096].lstrip()
    if head.startswith("<"):
        return "petrarch-xml"
    if head.startswith("["):
        return "plover-json"
    if head.startswith("{"):
        first = head.split("\n", 1)[0]
        try:
            obj = json.loads(first)
        except json.JSONDecodeError:
            return "plover-json"      # one pretty-printed object
        return "jsonl" if isinstance(obj, dict) and "text" in obj else "plover-json"
    if suffix == ".json":
        return "plover-json"
    raise GoldFormatError(str(path), "cannot tell the gold format; pass --gold-format")


_READERS = {
    "plover-json": read_plover_json,
    "petrarch-xml": read_petrarch_xml,
    "jsonl": read_gold_jsonl,
}


def read_gold(path: str | Path, fmt: str = "auto", problems: list[Problem] | None = None) -> list[GoldSentence]:
    """Read a gold file in any supported format (``fmt='auto'`` detects it)."""
    if fmt not in GOLD_FORMATS:
        raise GoldFormatError(str(path), f"unknown gold format {fmt!r} (one of {', '.join(GOLD_FORMATS)})")
    if fmt == "auto":
        fmt = detect_format(path)
    return _READERS[fmt](path, problems)


def gold_documents(golds: Iterable[GoldSentence]) -> list[Document]:
    """One input :class:`~geopol.records.Document` per gold sentence (id = gold id)."""
    docs = []
    for g in golds:
        d = _date.fromisoformat(g.date) if g.date else None
        docs.append(Document(id=g.id, text=g.text, date=d, origin=g.origin, line=g.line,
                             content_hash=hashlib.sha256(g.text.encode("utf-8")).hexdigest()))
    return docs


__all__ = [
    "GoldEvent", "GoldSentence", "GoldFormatError", "PLOVER_TYPES", "OLD_TO_NEW_PLOVER", "GOLD_FORMATS",
    "read_gold", "read_plover_json", "read_petrarch_xml", "read_gold_jsonl", "detect_format",
    "gold_documents", "plover_for_cameo", "normalize_plover",
]
