"""Commitments: standing pledges between actors found in text (mutual defence
clauses, security guarantees, alliances, partnership treaties, sanctions
regimes, military cooperation), kept as relations with a start date.

They are derived from stored events with the keyword rules of
``analysis/data/commitments.tsv`` (kind, CAMEO code prefixes, keywords,
exclusions, symmetry, accepted modalities, and an optional "context"
expression that lets a rule read the clause in a neighbouring sentence:
"X and Y signed a treaty. The treaty provides for mutual assistance in the
event of an attack."). Adding a kind or a keyword means editing that file,
not this module.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from geopol.analysis.frame import EventFilter, load_events, sentences_near, with_actors

COLUMNS = ["kind", "a", "b", "symmetric", "start_date", "n_evidence", "evidence", "sentence", "match",
           "cameo", "sentences", "description"]


@dataclass(frozen=True)
class CommitmentRule:
    kind: str
    cameo: tuple[str, ...]
    keywords: re.Pattern | None
    exclude: re.Pattern | None
    symmetric: bool
    modalities: tuple[str, ...]
    context: re.Pattern | None
    description: str

    def cameo_match(self, codes: pd.Series) -> pd.Series:
        if "*" in self.cameo:
            return pd.Series(True, index=codes.index)
        codes = codes.astype(str)
        m = pd.Series(False, index=codes.index)
        for p in self.cameo:
            m |= codes.str.startswith(p)
        return m

    def text_match(self, text: Any) -> bool:
        if not isinstance(text, str):
            return False
        if self.exclude is not None and self.exclude.search(text):
            return False
        return self.keywords is None or bool(self.keywords.search(text))


class RuleError(ValueError):
    pass


def _rx(value: str, where: str) -> re.Pattern | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return re.compile(value, re.IGNORECASE)
    except re.error as exc:
        raise RuleError(f"{where}: bad regular expression {value!r}: {exc}") from exc


def load_rules(path: str | Path | None = None) -> list[CommitmentRule]:
    """Read the commitment rules (default: the bundled ``data/commitments.tsv``)."""
    if path is None:
        text = resources.files("geopol.analysis").joinpath("data", "commitments.tsv").read_text("utf-8")
        origin = "commitments.tsv"
    else:
        text = Path(path).read_text("utf-8")
        origin = str(path)
    lines = [(i, ln) for i, ln in enumerate(text.splitlines(), 1) if ln.strip() and not ln.startswith("#")]
    if not lines:
        return []
    header = lines[0][1].split("\t")
    need = {"kind", "cameo", "keywords"}
    if not need <= set(header):
        raise RuleError(f"{origin}: header must name at least {', '.join(sorted(need))}")
    rules = []
    for lineno, ln in lines[1:]:
        row = dict(zip(header, next(csv.reader([ln], delimiter="\t", quoting=csv.QUOTE_NONE))))
        where = f"{origin}:{lineno}"
        kind = (row.get("kind") or "").strip()
        if not kind:
            raise RuleError(f"{where}: empty kind")
        cameo = tuple(c.strip() for c in (row.get("cameo") or "*").split(",") if c.strip()) or ("*",)
        mods = tuple(m.strip() for m in (row.get("modalities") or "asserted").split(",") if m.strip())
        rules.append(CommitmentRule(kind=kind, cameo=cameo, keywords=_rx(row.get("keywords", ""), where),
                                    exclude=_rx(row.get("exclude", ""), where),
                                    symmetric=(row.get("symmetric") or "no").strip().lower() in ("yes", "true", "1"),
                                    modalities=mods, context=_rx(row.get("context", ""), where),
                                    description=(row.get("description") or "").strip()))
    return rules


def _pair(df: pd.DataFrame, symmetric: bool) -> pd.DataFrame:
    if not symmetric or not len(df):
        return df
    a, b = df["a"].astype(str), df["b"].astype(str)
    return df.assign(a=np.where(a <= b, a, b), b=np.where(a <= b, b, a))


def commitments_from_frame(events: pd.DataFrame, db: Any = None, kind: str | None = None,
                           actor: str | None = None, level: str = "country",
                           rules: list[CommitmentRule] | None = None, window: int = 2,
                           use_context: bool = True) -> pd.DataFrame:
    """:func:`commitments` on an events DataFrame loaded with every modality.

    ``db`` is needed only for context matching (neighbouring sentences).
    """
    rules = load_rules() if rules is None else rules
    if kind is not None:
        kinds = {r.kind for r in rules}
        if kind not in kinds:
            raise ValueError(f"unknown commitment kind {kind!r}; known: {', '.join(sorted(kinds))}")
        rules = [r for r in rules if r.kind == kind]
    ev = with_actors(events, level, expand_reciprocal=False)
    hits: list[pd.DataFrame] = []
    for rule in rules:
        cand = ev[rule.cameo_match(ev["cameo"]) & ev["modality"].isin(rule.modalities)]
        if not len(cand):
            continue
        direct = cand[cand["sentence"].map(rule.text_match)]
        if len(direct):
            hits.append(direct.assign(kind=rule.kind, symmetric=rule.symmetric, evidence_sentence=direct["sentence"],
                                      match="sentence", description=rule.description))
        if rule.context is None or not use_context or db is None:
            continue
        rest = cand[~cand.index.isin(direct.index)]
        if not len(rest):
            continue
        keys = list(zip(rest["doc_id"], rest["sentence_index"].astype(int)))
        neighbours = sentences_near(db, keys, before=1, after=window)
        ctx_rows = []
        by_doc = {d: g for d, g in neighbours.groupby("doc_id")} if len(neighbours) else {}
        for idx, r in rest.iterrows():
            g = by_doc.get(r["doc_id"])
            if g is None:
                continue
            si = int(r["sentence_index"])
            near = g[(g["sentence_index"] >= si - 1) & (g["sentence_index"] <= si + window)
                     & (g["sentence_index"] != si)]
            for t in near.sort_values("sentence_index")["text"]:
                if rule.context.search(t) and rule.text_match(t):
                    ctx_rows.append((idx, t))
                    break
        if ctx_rows:
            ctx = rest.loc[[i for i, _ in ctx_rows]]
            hits.append(ctx.assign(kind=rule.kind, symmetric=rule.symmetric,
                                   evidence_sentence=[t for _, t in ctx_rows], match="context",
                                   description=rule.description))
    if not hits:
        return pd.DataFrame(columns=COLUMNS)
    allhits = pd.concat(hits, ignore_index=True)
    parts = []
    for sym, grp in allhits.groupby("symmetric"):
        parts.append(_pair(grp, bool(sym)))
    allhits = pd.concat(parts, ignore_index=True).sort_values(["date", "event_id"], na_position="last",
                                                              kind="mergesort")
    allhits = allhits.drop_duplicates(["kind", "a", "b", "event_id"])
    rows = []
    for (k, a, b), grp in allhits.groupby(["kind", "a", "b"], sort=True):
        first = grp.iloc[0]
        start = grp["date"].min()
        rows.append({"kind": k, "a": a, "b": b, "symmetric": bool(first["symmetric"]),
                     "start_date": start.date() if not pd.isna(start) else None,
                     "n_evidence": len(grp), "evidence": grp["event_id"].tolist(),
                     "sentence": first["evidence_sentence"],
                     "match": ",".join(sorted(set(grp["match"]))),
                     "cameo": ",".join(sorted(set(grp["cameo"].astype(str)))),
                     "sentences": list(dict.fromkeys(s for s in grp["evidence_sentence"] if isinstance(s, str))),
                     "description": first["description"]})
    out = pd.DataFrame(rows, columns=COLUMNS)
    if actor:
        out = out[(out["a"] == actor) | (out["b"] == actor)]
    rank = {k: i for i, k in enumerate(dict.fromkeys(r.kind for r in rules))}
    out = out.assign(_rank=out["kind"].map(rank))
    return out.sort_values(["_rank", "start_date", "a", "b"], na_position="last",
                           kind="mergesort").drop(columns="_rank").reset_index(drop=True)


def commitments(db: Any, kind: str | None = None, actor: str | None = None, level: str = "country",
                since=None, until=None, rules_path: str | Path | None = None, window: int = 2,
                use_context: bool = True, **filters: Any) -> pd.DataFrame:
    """Standing commitments between actors, one row per (kind, a, b).

    Columns: kind, a, b, symmetric (True: binds both ways; False: a commits to /
    acts against b), start_date (earliest evidence), n_evidence, evidence (event
    ids), sentence (the first evidence sentence), match ('sentence' or
    'context'), cameo (codes seen), sentences (all evidence sentences),
    description. ``actor`` keeps rows with that actor on either side.

    Who is committed to defend whom: ``commitments(db, kind='mutual_defence')``
    (both ways) and ``kind='security_guarantee'`` (a defends b).
    """
    rules = load_rules(rules_path)
    flt = EventFilter(since=since, until=until, all_modalities=True, actor=actor, level=level, **filters)
    return commitments_from_frame(load_events(db, flt), db=db, kind=kind, actor=actor, level=level,
                                  rules=rules, window=window, use_context=use_context)
