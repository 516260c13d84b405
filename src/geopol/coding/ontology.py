"""The CAMEO event ontology with its PLOVER equivalents, loaded from data/cameo.tsv."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from geopol.records import EventType

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


def read_tsv(path: Path | str) -> list[dict[str, str]]:
    """Read one of geopol's TSV data files: '#' lines are comments, the first other line the header."""
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items() if k is not None} for row in reader]


def data_path(package: str, name: str) -> Path:
    return Path(str(resources.files(package).joinpath("data", name)))


@dataclass(frozen=True)
class Ontology:
    types: dict[str, EventType]
    symmetric: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: Path | str | None = None) -> "Ontology":
        path = path or data_path("geopol.coding", "cameo.tsv")
        types: dict[str, EventType] = {}
        symmetric: set[str] = set()
        for row in read_tsv(path):
            if row.get("symmetric") == "1":
                symmetric.add(row["code"])
            ctx = tuple(c for c in row.get("plover_context", "").split("|") if c)
            types[row["code"]] = EventType(
                code=row["code"], name=row["name"], goldstein=float(row["goldstein"]),
                quad_class=int(row["quad_class"]), plover_type=row.get("plover_type") or None,
                plover_mode=row.get("plover_mode") or None, plover_context=ctx)
        return cls(types, frozenset(symmetric))

    def get(self, code: str) -> EventType:
        """The entry for a code; unknown 4-digit codes fall back to their 3-digit parent."""
        if code in self.types:
            return self.types[code]
        for n in (3, 2):
            if code[:n] in self.types:
                return self.types[code[:n]]
        raise KeyError(f"unknown CAMEO code {code!r}")

    def knows(self, code: str) -> bool:
        """Whether ``get`` can give an entry for the code (itself or a parent)."""
        return any(code[:n] in self.types for n in (len(code), 3, 2))

    def __contains__(self, code: str) -> bool:
        return code in self.types

    def __len__(self) -> int:
        return len(self.types)
