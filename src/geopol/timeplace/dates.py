"""Dates: document date (metadata / dateline / option), sentence time expressions,
and the date of one event.

Everything on the hot path is a compiled regular expression; ``dateparser`` is
only used by :func:`parse_date_loose` for odd metadata values.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "several": 3, "a few": 3, "few": 3, "couple of": 2, "a couple of": 2}

_MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
        r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|"
        r"Dec\.?)")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|" \
       r"several|a few|a couple of)"
_UNIT = r"(?:day|week|month|year|decade)s?"
_FUTURE_RE = re.compile(r"\b(?:will|shall|'ll|scheduled|due to|is to|are to|set to|plans? to|"
                        r"planning to|expected to|next|upcoming|is going to|are going to)\b", re.I)


@dataclass(frozen=True, slots=True)
class DatelineMatch:
    date: date
    text: str
    place: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class DocDate:
    date: date | None
    source: str                      # "metadata" | "dateline" | "option" | "none"
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    text: str
    value: date | None
    precision: str                   # 'day' | 'month' | 'year'
    kind: str                        # 'point' | 'since' | 'until' | 'duration' | 'range'


# --------------------------------------------------------------------------- helpers

def _month(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _day(s: str) -> int:
    return int(re.match(r"\d+", s).group())


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    return date(d.year + m // 12, m % 12 + 1, 1)


def resolve_month_day(month: int, day: int, anchor: date | None) -> date | None:
    """A month-day without a year: the anchor's year unless that is more than about two
    months after the anchor (then the previous year)."""
    if anchor is None:
        return None
    d = _safe(anchor.year, month, day)
    if d is None:
        return _safe(anchor.year - 1, month, day) if (month, day) == (2, 29) else None
    if (d - anchor).days > 62:
        d = _safe(anchor.year - 1, month, day)
    elif (anchor - d).days > 300:
        # Across the new year: "January 3" written on December 30 is the coming January.
        nxt = _safe(anchor.year + 1, month, day)
        if nxt is not None and (nxt - anchor).days <= 62:
            d = nxt
    return d


def _resolve_month(month: int, anchor: date | None, future: bool) -> date | None:
    if anchor is None:
        return None
    if future:
        y = anchor.year if month >= anchor.month else anchor.year + 1
    else:
        y = anchor.year if month <= anchor.month else anchor.year - 1
    return date(y, month, 1)


def _weekday(wd: int, anchor: date | None, mode: str) -> date | None:
    """mode: 'past' (most recent at/before anchor), 'last' (strictly before),
    'next' (strictly after), 'future' (at/after)."""
    if anchor is None:
        return None
    back = (anchor.weekday() - wd) % 7
    if mode == "past":
        return anchor - timedelta(days=back)
    if mode == "last":
        return anchor - timedelta(days=back or 7)
    fwd = (wd - anchor.weekday()) % 7
    if mode == "next":
        return anchor + timedelta(days=fwd or 7)
    return anchor + timedelta(days=fwd)


# --------------------------------------------------------------------------- tagger

_KIND_PREFIX = (r"(?P<pre>\b(?i:since|until|till|untill|by|before|after|through|from|between|"
                r"starting|beginning|as of|as early as|as late as)\s+)?")


class TemporalTagger:
    """Regex time-expression tagger.  Build once; ``tag`` is cheap."""

    def __init__(self) -> None:
        P = _KIND_PREFIX
        self._rules: list[tuple[re.Pattern, str]] = [
            (re.compile(P + r"\b(?P<y>" + _YEAR + r")-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"), "iso"),
            (re.compile(P + r"\b(?P<d>[0-3]?\d)/(?P<m>[01]?\d)/(?P<y>" + _YEAR + r")\b"), "dmy_num"),
            (re.compile(P + r"\b(?:(?:" + _WD + r"),?\s+)?(?P<mon>" + _MON + r")\s+(?P<d>" + _DAY
                        + r")(?:\s*[-–]\s*(?P<d2>" + _DAY + r"))?(?:,?\s+(?P<y>" + _YEAR + r"))?\b(?!-)"),
             "mdy"),
            (re.compile(P + r"\b(?:(?:" + _WD + r"),?\s+)?(?:the\s+)?(?P<d>" + _DAY
                        + r")(?:\s*[-–]\s*(?P<d2>" + _DAY + r"))?\s+(?:of\s+)?(?P<mon>" + _MON
                        + r")(?:,?\s+(?P<y>" + _YEAR + r"))?\b"), "dmy"),
            (re.compile(P + r"\b(?:(?P<part>(?i:early|late|mid|the end of|end of|the start of|"
                        r"start of|the beginning of|beginning of|the middle of))[\s-]+)?"
                        r"(?P<mon>" + _MON + r"),?\s+(?P<y>" + _YEAR + r")\b"), "my"),
            (re.compile(P + r"\b(?P<rel>(?i:last|next|this|early|late|mid|earlier in|later in|in))"
                        r"[\s-]+(?P<mon>January|February|March|April|May|June|July|August|"
                        r"September|October|November|December)\b(?![\s-]+\d)"), "mon"),
            (re.compile(P + r"\b(?:(?P<part>(?i:early|late|mid|the end of|end of|the start of|"
                        r"start of|the beginning of|beginning of|the middle of|the summer of|"
                        r"the spring of|the autumn of|the fall of|the winter of))[\s-]+)?"
                        r"(?P<y>" + _YEAR + r")\b(?![-/]\d|\s*(?:%|per\s?cent|troops|people|"
                        r"soldiers|km|kilometres|kilometers|miles|tons|tonnes|metres|meters|"
                        r"feet|dollars|euros|men|women|children|refugees|members))"), "year"),
            (re.compile(P + r"\b(?P<rel>last|this|next|the past|the previous|the coming|"
                        r"earlier this|later this|early this|late this|earlier last|"
                        r"late last|early next)\s+(?P<unit>weekend|week|month|year)\b", re.I),
             "rel_unit"),
            (re.compile(P + r"\b(?P<n>" + _NUM + r")\s+(?P<unit>" + _UNIT + r")\s+(?:ago|earlier|"
                        r"before)\b", re.I), "ago"),
            (re.compile(P + r"\b(?P<w>the day before yesterday|yesterday|today|tonight|tomorrow|"
                        r"this morning|this afternoon|this evening|last night|overnight)\b",
                        re.I), "deictic"),
            (re.compile(P + r"\b(?:(?P<rel>(?i:on|last|this|next|this past|late|early))\s+)?(?P<wd>"
                        + _WD + r")(?:\s+(?P<tod>morning|afternoon|evening|night))?\b"), "weekday"),
            (re.compile(r"\b(?P<pre>for|over|during|in|within|after)\s+(?:the\s+(?:past|last|"
                        r"next|previous|coming)\s+)?(?P<n>" + _NUM + r"|the past|the last)?\s*"
                        r"(?P<unit>" + _UNIT + r")\b(?!\s+(?:ago|earlier|before))", re.I), "duration"),
        ]

    def tag(self, sentence: str, anchor: date | None) -> list[Timex]:
        found: list[tuple[int, int, Timex]] = []
        for rx, kind in self._rules:
            for m in rx.finditer(sentence):
                future = bool(_FUTURE_RE.search(sentence, max(0, m.start() - 60), m.start()))
                tx = self._make(m, kind, sentence, anchor, future)
                if tx is not None:
                    found.append((tx.start, tx.end, tx))
        # Resolve overlaps: longest first, then earliest.
        found.sort(key=lambda t: (-(t[1] - t[0]), t[0]))
        taken: list[tuple[int, int]] = []
        out = []
        for s, e, tx in found:
            if any(s < b and a < e for a, b in taken):
                continue
            taken.append((s, e))
            out.append(tx)
        out.sort(key=lambda t: t.start)
        return _ranges(out, sentence)

    # ------------------------------------------------------------------
    def _make(self, m: re.Match, rule: str, sentence: str, anchor: date | None,
              future: bool) -> Timex | None:
        g = m.groupdict()
        pre = (g.get("pre") or "").strip().lower()
        kind = {"since": "since", "starting": "since", "beginning": "since", "as of": "since",
                "until": "until", "till": "until", "untill": "until", "by": "until",
                "before": "until", "through": "until"}.get(pre, "point")
        start = m.start() if pre and kind != "point" else m.start() + len(g.get("pre") or "")
        val: date | None = None
        prec = "day"
        if rule == "iso":
            val = _safe(int(g["y"]), int(g["m"]), int(g["d"]))
            if val is None:
                return None
        elif rule == "dmy_num":
            d, mo = int(g["d"]), int(g["m"])
            if mo > 12 and d <= 12:
                d, mo = mo, d
            val = _safe(int(g["y"]), mo, d)
            if val is None:
                return None
        elif rule in ("mdy", "dmy"):
            mo, d = _month(g["mon"]), _day(g["d"])
            if g.get("mon") == "May" and rule == "mdy" and not g.get("y") and \
                    re.match(r"\s*(?:be|have|not|also)\b", sentence[m.end():]):
                return None
            if g.get("y"):
                val = _safe(int(g["y"]), mo, d)
                if val is None:
                    return None
            else:
                val = resolve_month_day(mo, d, anchor)
            if g.get("d2") and kind == "point":
                kind = "range"
        elif rule == "my":
            mo, y = _month(g["mon"]), int(g["y"])
            val, prec = date(y, mo, 1), "month"
        elif rule == "mon":
            rel = g["rel"].lower()
            mo = _month(g["mon"])
            if g["mon"] == "May" and rel in ("in", "this"):
                nxt = sentence[m.end():m.end() + 12]
                if re.match(r"\s+[a-z]", nxt) and not re.match(r"\s+(?:and|or|to|when|after|"
                                                               r"before|last|this|next)\b", nxt):
                    return None
            if anchor is not None:
                if rel == "last":
                    y = anchor.year - 1 if mo >= anchor.month else anchor.year
                    val = date(y, mo, 1)
                elif rel == "next":
                    y = anchor.year + 1 if mo <= anchor.month else anchor.year
                    val = date(y, mo, 1)
                elif rel == "this":
                    val = date(anchor.year, mo, 1)
                else:
                    val = _resolve_month(mo, anchor, future)
            prec = "month"
        elif rule == "year":
            y = int(g["y"])
            if not g.get("part") and not pre and not re.search(
                    r"\b(?:in|of|during|from|to|and|since|until|by|before|after|for|the|early|"
                    r"late|mid|around|circa|year)\s*$", sentence[max(0, m.start() - 12):m.start()],
                    re.I):
                return None
            if y < 1900 or y > 2099:
                return None
            val, prec = date(y, 1, 1), "year"
        elif rule == "rel_unit":
            rel, unit = g["rel"].lower(), g["unit"].lower()
            if anchor is None:
                val = None
            elif unit == "weekend":
                sat = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
                if rel in ("last", "the past", "the previous"):
                    if sat >= anchor - timedelta(days=1):
                        sat -= timedelta(days=7)
                elif rel in ("next", "the coming"):
                    sat += timedelta(days=7) if sat <= anchor else timedelta(0)
                    if sat <= anchor:
                        sat += timedelta(days=7)
                elif sat < anchor - timedelta(days=1):
                    sat += timedelta(days=7)
                val = sat
            elif unit == "week":
                shift = {"last": -7, "the past": 0, "the previous": -7, "next": 7,
                         "the coming": 7, "earlier last": -7, "late last": -7,
                         "early next": 7}.get(rel, 0)
                val = (anchor + timedelta(days=shift)).replace(day=1)
                prec = "month"
            elif unit == "month":
                shift = -1 if "last" in rel or rel == "the previous" else \
                    1 if "next" in rel or rel == "the coming" else 0
                if rel == "the past":
                    shift = 0
                val, prec = _add_months(anchor, shift), "month"
            else:
                shift = -1 if "last" in rel or rel == "the previous" else \
                    1 if "next" in rel or rel == "the coming" else 0
                val, prec = date(anchor.year + shift, 1, 1), "year"
            if rel == "the past" and kind == "point":
                kind = "duration"
                val = None
        elif rule == "ago":
            n = NUMBERS.get(g["n"].lower()) if not g["n"].isdigit() else int(g["n"])
            unit = g["unit"].lower().rstrip("s")
            if anchor is None or n is None:
                val = None
                prec = {"day": "day", "week": "day", "month": "month"}.get(unit, "year")
            elif unit == "day":
                val = anchor - timedelta(days=n)
            elif unit == "week":
                val = anchor - timedelta(days=7 * n)
            elif unit == "month":
                val, prec = _add_months(anchor, -n), "month"
            elif unit == "year":
                val, prec = date(anchor.year - n, 1, 1), "year"
            else:
                val, prec = date(anchor.year - 10 * n, 1, 1), "year"
        elif rule == "deictic":
            w = g["w"].lower()
            off = {"yesterday": -1, "the day before yesterday": -2, "tomorrow": 1,
                   "last night": -1, "overnight": 0}.get(w, 0)
            val = anchor + timedelta(days=off) if anchor else None
        elif rule == "weekday":
            rel = (g.get("rel") or "").lower()
            wd = WEEKDAYS[g["wd"].lower()]
            mode = {"last": "last", "this past": "last", "next": "next"}.get(
                rel, "future" if future else "past")
            val = _weekday(wd, anchor, mode)
        elif rule == "duration":
            if g["pre"].lower() == "in" and not g.get("n"):
                return None
            if not g.get("n") and not re.search(r"the\s+(?:past|last|next|previous|coming)",
                                                m.group()):
                return None
            return Timex(m.start(), m.end(), m.group(), None, "day", "duration")
        return Timex(start, m.end(), sentence[start:m.end()], val, prec, kind)


def _ranges(txs: list[Timex], sentence: str) -> list[Timex]:
    """'from X to Y' / 'between X and Y' -> one range timex valued at X."""
    out: list[Timex] = []
    i = 0
    while i < len(txs):
        t = txs[i]
        if i + 1 < len(txs):
            u = txs[i + 1]
            gap = sentence[t.end:u.start].strip().lower()
            before = sentence[max(0, t.start - 9):t.start].lower()
            if gap in ("to", "and", "-", "–", "until", "through", "till") and \
                    (re.search(r"\b(?:from|between)\s*$", before) or gap in ("-", "–")):
                s = t.start
                m = re.search(r"\b(?:from|between)\s*$", sentence[:t.start])
                if m:
                    s = m.start()
                out.append(Timex(s, u.end, sentence[s:u.end], t.value, t.precision, "range"))
                i += 2
                continue
        out.append(t)
        i += 1
    return out


# --------------------------------------------------------------------------- event date

def event_date(timexes: list[Timex], trigger_start: int | None,
               doc_date: date | None) -> tuple[str | None, str | None]:
    """(ISO date 'YYYY-MM-DD', precision) of an event: the resolved time expression
    nearest the trigger (points and 'since' first), else the document date ('day').
    For month/year precision the date is the first day of the period."""
    cands = [t for t in timexes if t.value is not None]
    if cands:
        def key(t: Timex):
            d = 0 if trigger_start is None else (
                t.start - trigger_start if t.start >= trigger_start else trigger_start - t.end)
            return (t.kind not in ("point", "since"), abs(d) if trigger_start is not None
                    else t.start)
        best = min(cands, key=key)
        return best.value.isoformat(), best.precision
    if doc_date is not None:
        return doc_date.isoformat(), "day"
    return None, None


# --------------------------------------------------------------------------- datelines

_DL_CAPTION = re.compile(
    r",\s*(?P<place>[A-Z][\w\u00C0-\u024F.'’\- ]{1,40}?),\s*(?P<date>" + _MON
    + r"\s+" + _DAY + r",?\s+" + _YEAR + r"|" + _DAY + r"\s+" + _MON + r",?\s+" + _YEAR
    + r")\s*\.?\s*$", re.M)
_DL_WIRE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,3}|"
    r"[A-Z][a-z\u00C0-\u024F.'’\-]+(?:\s+[A-Z][a-z\u00C0-\u024F.'’\-]+){0,2})(?:,\s*[A-Z][A-Za-z.\- ]{1,30}?)?"
    r"(?:\s*\((?:[A-Za-z.]+)\))?,?\s+(?P<date>(?:" + _WD + r",?\s+)?(?:" + _MON + r"\s+"
    + _DAY + r"(?:,?\s+" + _YEAR + r")?|" + _DAY + r"\s+" + _MON + r"(?:,?\s+" + _YEAR
    + r")?))\s*(?:\((?:[A-Za-z.\- ]+)\)\s*)?(?:[-—–:]|$)", re.M)
_DL_ISO = re.compile(r"\b(?P<date>" + _YEAR + r"-[01]\d-[0-3]\d)\b")
_DL_DATEONLY = re.compile(r"^\s*(?:Published|Posted|Updated|Dated)?:?\s*(?P<date>(?:" + _WD
                          + r",?\s+)?(?:" + _MON + r"\s+" + _DAY + r",?\s+" + _YEAR + r"|" + _DAY
                          + r"\s+" + _MON + r",?\s+" + _YEAR + r"))\s*$", re.M)


def _parse_dl_date(s: str, ref: date | None) -> date | None:
    s = re.sub(r"^" + _WD + r",?\s+", "", s.strip())
    m = re.match(r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)$", s)
    if m:
        return _safe(int(m["y"]), int(m["m"]), int(m["d"]))
    m = re.match(r"(?P<mon>" + _MON + r")\s+(?P<d>" + _DAY + r")(?:,?\s+(?P<y>\d{4}))?$", s) or \
        re.match(r"(?P<d>" + _DAY + r")\s+(?P<mon>" + _MON + r")(?:,?\s+(?P<y>\d{4}))?$", s)
    if not m:
        return None
    mo, d = _month(m["mon"]), _day(m["d"])
    if m["y"]:
        return _safe(int(m["y"]), mo, d)
    return resolve_month_day(mo, d, ref or date.today())


def _place_name(s: str | None) -> str | None:
    if not s:
        return None
    s = s.strip(" ,.")
    return s.title() if s.isupper() else s


def find_dateline(text: str, ref: date | None = None) -> DatelineMatch | None:
    """A dateline or caption date in the first 3 lines / 600 characters.
    ``ref`` resolves a dateline without a year (default: today)."""
    head = "\n".join(text.split("\n", 3)[:3])[:600]
    for rx, has_place in ((_DL_WIRE, True), (_DL_CAPTION, True), (_DL_DATEONLY, False)):
        for m in rx.finditer(head):
            d = _parse_dl_date(m["date"], ref)
            if d is None:
                continue
            place = _place_name(m["place"]) if has_place else None
            if place and place.lower().split()[0] in ("on", "in", "the", "by", "published",
                                                      "updated", "posted"):
                place = None
            return DatelineMatch(d, m.group().strip(" ,"), place, m.start(), m.end())
    m = _DL_ISO.search(head)
    if m:
        d = _parse_dl_date(m["date"], ref)
        if d:
            return DatelineMatch(d, m.group(), None, m.start(), m.end())
    return None


def document_date(text: str, meta_date: date | None, default: date | None,
                  tagger: TemporalTagger | None = None) -> DocDate:
    """Document date: metadata, then dateline, then the --date option; with warnings
    when the dateline and the lead of the text disagree."""
    warnings: list[str] = []
    dl = find_dateline(text, ref=meta_date or default)
    if dl is not None:
        body = text[dl.end:]
        # Skip the rest of the dateline/caption line, then read the lead paragraph(s).
        if "\n" in body[:400] and not body[:1].isspace() and dl.end < len(text):
            body = body[body.find("\n") + 1:]
        lead = body[:900]
        tg = tagger or TemporalTagger()
        for tx in tg.tag(lead, dl.date):
            if tx.precision != "day" or tx.value is None or tx.kind == "duration":
                continue
            if not re.search(_MON, tx.text):        # an explicit month-day only
                continue
            diff = abs((tx.value - dl.date).days)
            if 7 < diff <= 366:
                warnings.append(f"dateline says {dl.date.isoformat()} but the text dates the "
                                f"main event {tx.value.isoformat()}")
                break
        if meta_date is not None and abs((meta_date - dl.date).days) > 2:
            warnings.append(f"metadata date {meta_date.isoformat()} differs from the dateline "
                            f"{dl.date.isoformat()}")
    if meta_date is not None:
        return DocDate(meta_date, "metadata", tuple(warnings))
    if dl is not None:
        return DocDate(dl.date, "dateline", tuple(warnings))
    if default is not None:
        return DocDate(default, "option", tuple(warnings))
    return DocDate(None, "none", tuple(warnings))


# --------------------------------------------------------------------------- metadata

def parse_date_loose(s: str) -> date | None:
    """Parse a metadata date: ISO (with or without time), RFC 2822, 'June 19, 2024',
    '19 June 2024', '19/06/2024' (day first), else dateparser (English only)."""
    if not s or not s.strip():
        return None
    s = s.strip()
    if re.fullmatch(r"\d{4}-\d\d-\d\d", s):
        try:
            return date.fromisoformat(s)
        except ValueError:
            return None
    if re.match(r"\d{4}-\d\d-\d\d", s):
        try:
            return datetime.fromisoformat(s.replace("Z", "+00:00")).date()
        except ValueError:
            return None
    from email.utils import parsedate_to_datetime
    try:
        return parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError):
        pass
    m = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", s)
    if m:
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
        if mo > 12 >= d:
            d, mo = mo, d
        return _safe(y, mo, d)
    m = re.fullmatch(r"(\d{4})(\d\d)(\d\d)", s)
    if m:
        return _safe(int(m[1]), int(m[2]), int(m[3]))
    d = _parse_dl_date(s.rstrip("."), None) if re.search(r"\d{4}", s) else None
    if d:
        return d
    try:
        import dateparser
        r = dateparser.parse(s, languages=["en"], settings={
            "PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY",
            "RETURN_AS_TIMEZONE_AWARE": False, "STRICT_PARSING": False,
            "REQUIRE_PARTS": ["year"]})
    except Exception:  # noqa: BLE001 - dateparser raises assorted errors on junk
        return None
    return r.date() if r else None
