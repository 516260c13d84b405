"""The actor knowledge base: countries, organisations, armed groups, sector words and office
holders in time, loaded from TSV files (see actors/data/README.md for the formats).

A user extends it by pointing ``KnowledgeBase.load(extra=[folder])`` (CLI ``--actors DIR``) at a
folder with files of the same names; their rows are added to ours. ``extra`` may also name
PETRARCH/TABARI dictionaries (``*.actors.txt``, ``*.agents.txt``, ``*.discards.txt``, or a folder of
them; see actors/petrarch.py); ``replace=True`` uses the extra sources instead of ours.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from geopol.coding.ontology import data_path, read_tsv

KIND_PRIORITY = {"person": 0, "group": 1, "org": 2, "seat": 3, "country": 4, "adjective": 5, "capital": 6,
                 "sector": 7}
ORG_FILES = (("organisations.tsv", "org"), ("groups.tsv", "group"))
OUR_FILES = ("countries.tsv", "organisations.tsv", "groups.tsv", "sectors.tsv", "people.tsv", "sector_types.tsv",
             "ethnic.tsv")


class KBError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Entry:
    """One name of one actor in the knowledge base."""

    kind: str                  # person | group | org | seat | country | adjective | capital | sector | ethnic
    phrase: str                # the name as written in the file
    code: str                  # actor code (for a sector entry: the sector code)
    country: str | None
    sector: str | None
    name: str                  # canonical name
    start: date | None = None  # tenure (persons)
    end: date | None = None
    after: str | None = None   # code once the tenure is over
    parent: str | None = None
    origin: str = ""           # file:line, for --explain
    case: str | None = None    # any | cap | exact; None: from the phrase (sector words any, ALLCAPS exact)
    prefix: bool = False       # a PETRARCH prefix agent ([IGO~]): the code goes before the country
    homes: tuple[str, ...] = ()  # ethnic entries: the home countries, most populous first (country = homes[0])

    def valid_on(self, when: date | None) -> bool:
        if when is None:
            return self.end is None
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


def _split(cell: str) -> list[str]:
    return [c.strip() for c in cell.split("|") if c.strip()]


def _date(value: str, where: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise KBError(f"{where}: bad date {value!r} (want YYYY-MM-DD)") from None


@dataclass
class KnowledgeBase:
    entries: list[Entry] = field(default_factory=list)
    countries: dict[str, str] = field(default_factory=dict)      # code -> name
    sectors: dict[str, str] = field(default_factory=dict)        # sector code -> name
    discards: list[Entry] = field(default_factory=list)          # kind discard (sentence) | discard-story
    sources: list[str] = field(default_factory=list)             # what was loaded, in order

    @classmethod
    def load(cls, folder: Path | str | None = None, extra: list[Path | str] | tuple = (),
             replace: bool = False) -> "KnowledgeBase":
        """Our folder (or ``folder``) plus ``extra`` folders/PETRARCH files; ``replace``: only ``extra``."""
        from geopol.actors.petrarch import load_source
        kb = cls()
        if replace and not extra:
            raise KBError("replacing the actor knowledge base needs at least one --actors source")
        sources = [] if replace else [Path(folder) if folder else data_path("geopol.actors", "")]
        for f in sources + [Path(e) for e in extra]:
            if f.is_dir() and any((f / n).exists() for n in OUR_FILES):
                kb._load_folder(f)
                kb.sources.append(f"{f} (geopol folder)")
            else:
                load_source(kb, f)
        return kb

    def _rows(self, path: Path):
        if not path.exists():
            return []
        rows = read_tsv(path)
        return [(f"{path.name}:{i}", r) for i, r in enumerate(rows, 1)]

    def _load_folder(self, folder: Path) -> None:
        add = self.entries.append
        for where, r in self._rows(folder / "countries.tsv"):
            code = r["code"]
            name = r["name"]
            self.countries[code] = name
            for ph in [name, *_split(r.get("aliases", ""))]:
                add(Entry("country", ph, code, code, None, name, origin=where))
            for ph in _split(r.get("adjectives", "")):
                add(Entry("adjective", ph, code, code, None, name, origin=where))
            for ph in _split(r.get("capitals", "")):
                add(Entry("capital", ph, code, code, None, name, origin=where))
            for ph in _split(r.get("seats", "")):
                add(Entry("seat", ph, code + "GOV", code, "GOV", name, origin=where))
        for fname, kind in ORG_FILES:
            for where, r in self._rows(folder / fname):
                code = r["code"]
                country = r.get("country") or None
                for ph in [r["name"], *_split(r.get("aliases", ""))]:
                    add(Entry(kind, ph, code, country, r.get("sector") or None, r["name"],
                              parent=r.get("parent") or None, origin=where))
        for where, r in self._rows(folder / "ethnic.tsv"):
            homes = tuple(_split(r.get("homes", "")))
            if not homes:
                raise KBError(f"{where}: an ethnic group needs at least one home country")
            for ph in _split(r.get("words", "")):
                add(Entry("ethnic", ph, r["code"], homes[0], None, r["name"], origin=where, homes=homes))
        for where, r in self._rows(folder / "sector_types.tsv"):
            self.sectors[r["sector"]] = r.get("name", r["sector"])
        for where, r in self._rows(folder / "sectors.tsv"):
            sec = r["sector"]
            self.sectors.setdefault(sec, sec)
            add(Entry("sector", r["phrase"], sec, None, sec, r["phrase"], origin=where))
        for where, r in self._rows(folder / "people.tsv"):
            country, sector = r["country"], r.get("sector") or None
            code = country + (sector or "")
            start, end = _date(r.get("start", ""), where), _date(r.get("end", ""), where)
            for ph in [r["name"], *_split(r.get("aliases", ""))]:
                add(Entry("person", ph, code, country, sector, r["name"], start=start, end=end,
                          after=r.get("after") or None, origin=where))
