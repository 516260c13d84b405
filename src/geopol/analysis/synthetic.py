"""A synthetic event store for tests, examples and demos of the analysis layer.

``write_store(path, rows)`` creates a DuckDB file with geopol's schema
(``store/schema.sql``) and inserts event rows given as dicts (only the columns
you name; the rest take their defaults). ``synthetic_events`` generates a
corpus of dyads over months with stable balances and planted shifts.
"""
from __future__ import annotations

import hashlib
import json
import random
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

# code: (name, goldstein, quad_class, plover_type)
CODES = {
    "010": ("Make statement", 0.0, 0, None),
    "042": ("Make a visit", 1.9, 1, "CONSULT"),
    "036": ("Express intent to meet or negotiate", 4.0, 1, "AGREE"),
    "0312": ("Express intent to cooperate militarily", 5.2, 1, "AGREE"),
    "057": ("Sign formal agreement", 8.0, 1, "AGREE"),
    "061": ("Cooperate economically", 6.4, 2, "COOPERATE"),
    "071": ("Provide economic aid", 7.4, 2, "AID"),
    "111": ("Criticize or denounce", -2.0, 3, "ACCUSE"),
    "130": ("Threaten", -4.4, 3, "THREATEN"),
    "163": ("Impose embargo, boycott, or sanctions", -8.0, 4, "COERCE"),
    "190": ("Use conventional military force", -10.0, 4, "ASSAULT"),
}
COOP_CODES = ("042", "036", "057", "061", "071")
CONFLICT_CODES = ("111", "130", "163", "190")
VERBS = {"010": "made a statement about", "042": "visited", "036": "agreed to hold talks with",
         "0312": "pledged military cooperation with", "057": "signed an agreement with",
         "061": "expanded trade with", "071": "sent economic aid to", "111": "denounced",
         "130": "threatened", "163": "imposed sanctions on", "190": "attacked"}

EVENT_FIELDS = ("event_id", "doc_id", "sentence_index", "date", "date_precision", "source_code", "source_country",
                "source_sector", "source_name", "source_text", "target_code", "target_country", "target_sector",
                "target_name", "target_text", "cameo", "cameo_root", "goldstein", "quad_class", "plover_type",
                "plover_mode", "plover_context", "modality", "trigger", "confidence", "reciprocal",
                "location_name", "location_country", "lat", "lon", "rule", "num_mentions", "num_sources")


def schema_sql() -> str:
    return resources.files("geopol.store").joinpath("schema.sql").read_text("utf-8")


def event_row(source: str, target: str | None, cameo: str, when: date | str | None, *, sentence: str | None = None,
              modality: str = "asserted", doc_id: str | None = None, sentence_index: int = 0,
              event_id: str | None = None, reciprocal: bool = False, num_mentions: int = 1,
              source_country: str | None = None, target_country: str | None = None, **extra: Any) -> dict:
    """One events-table row. Codes of CODES get their Goldstein, QuadClass and PLOVER type filled in;
    ``source``/``target`` are full actor codes whose first three letters are the country unless given."""
    name, gold, quad, plover = CODES.get(cameo, (cameo, extra.pop("goldstein", None), extra.pop("quad_class", 0),
                                                 extra.pop("plover_type", None)))
    when_s = when.isoformat() if isinstance(when, date) else when
    sentence = sentence or f"{source} {VERBS.get(cameo, name.lower())} {target or ''}.".replace(" .", ".")
    doc_id = doc_id or f"doc-{when_s}-{source}-{target}"
    if event_id is None:
        key = "|".join(map(str, (doc_id, sentence_index, source, target, cameo, sentence)))
        event_id = hashlib.sha1(key.encode()).hexdigest()[:20]
    row = {"event_id": event_id, "doc_id": doc_id, "sentence_index": sentence_index, "date": when_s,
           "date_precision": "day", "source_code": source,
           "source_country": source_country or (source[:3] if source else None),
           "target_code": target, "target_country": target_country or (target[:3] if target else None),
           "cameo": cameo, "cameo_root": cameo[:2], "goldstein": gold, "quad_class": quad, "plover_type": plover,
           "modality": modality, "trigger": VERBS.get(cameo, name).split()[0], "confidence": 0.9,
           "reciprocal": reciprocal, "num_mentions": num_mentions, "num_sources": 1, "rule": "synthetic",
           "sentence": sentence}
    row.update(extra)
    return row


def write_store(path: str | Path, rows: Iterable[dict], documents: Iterable[dict] | None = None) -> Path:
    """Create (or add to) a DuckDB event store at ``path`` with these event rows.

    Each row's ``sentence`` goes to the sentences table (and the event's JSON record);
    documents are created for each doc_id (date = earliest event date) unless given.
    """
    import duckdb
    path = Path(path)
    rows = list(rows)
    ev = pd.DataFrame(rows)
    con = duckdb.connect(str(path))
    try:
        con.execute(schema_sql())
        if len(ev):
            ev_cols = [c for c in EVENT_FIELDS if c in ev.columns]
            events_df = ev[ev_cols].copy()
            events_df["record"] = [json.dumps(r, default=str) for r in rows]
            con.register("ev_in", events_df)
            cols = ", ".join(ev_cols + ["record"])
            con.execute(f"INSERT INTO events ({cols}) SELECT {cols} FROM ev_in")
            con.unregister("ev_in")
            if "sentence" in ev.columns:
                sents = ev[["doc_id", "sentence_index", "sentence"]].dropna().drop_duplicates(["doc_id", "sentence_index"])
                sents = sents.rename(columns={"sentence": "text"})
                con.register("s_in", sents)
                con.execute("""INSERT INTO sentences (doc_id, sentence_index, text)
                               SELECT doc_id, sentence_index, text FROM s_in
                               WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.doc_id = s_in.doc_id
                                                 AND s.sentence_index = s_in.sentence_index)""")
                con.unregister("s_in")
        if documents is not None:
            docs = pd.DataFrame(list(documents))
        elif len(ev):
            docs = ev.groupby("doc_id").agg(doc_date=("date", "min"), n_events=("event_id", "size")).reset_index()
        else:
            docs = pd.DataFrame()
        if len(docs):
            if "content_hash" not in docs.columns:
                docs["content_hash"] = docs["doc_id"].map(lambda d: hashlib.sha1(d.encode()).hexdigest())
            con.register("d_in", docs)
            cols = ", ".join(docs.columns)
            con.execute(f"""INSERT INTO documents ({cols}) SELECT {cols} FROM d_in
                            WHERE doc_id NOT IN (SELECT doc_id FROM documents)""")
            con.unregister("d_in")
    finally:
        con.close()
    return path


def synthetic_events(n_dyads: int = 15, months: int = 12, per_month: int = 10, flip: int = 3,
                     flip_after: int = 6, start: date = date(2023, 1, 1), seed: int = 0) -> tuple[list[dict], list[tuple[str, str]]]:
    """Events for ``n_dyads`` country pairs over ``months`` months, ``per_month`` events each.

    Each dyad has a stable cooperative share drawn in [0.2, 0.9]; the first
    ``flip`` dyads are cooperative (share 0.9) until month ``flip_after`` and
    conflictual (0.1) afterwards. Returns (rows, the flipped dyads as sorted pairs).
    """
    rng = random.Random(seed)
    countries = ["USA", "RUS", "CHN", "PRK", "KOR", "JPN", "UKR", "DEU", "FRA", "GBR", "IND", "IRN", "ISR", "TUR",
                 "BRA", "ZAF", "EGY", "SAU", "PAK", "AUS"]
    pairs: list[tuple[str, str]] = []
    while len(pairs) < n_dyads:
        a, b = rng.sample(countries, 2)
        p = tuple(sorted((a, b)))
        if p not in pairs:
            pairs.append(p)
    flipped = pairs[:flip]
    shares = {p: (0.9 if p in flipped else rng.uniform(0.2, 0.9)) for p in pairs}
    rows = []
    for m in range(months):
        month_start = date(start.year + (start.month - 1 + m) // 12, (start.month - 1 + m) % 12 + 1, 1)
        for p in pairs:
            share = shares[p]
            if p in flipped and m >= flip_after:
                share = 0.1
            for k in range(per_month):
                day = month_start + timedelta(days=rng.randrange(28))
                coop = rng.random() < share
                code = rng.choice(COOP_CODES if coop else CONFLICT_CODES)
                a, b = p if rng.random() < 0.5 else (p[1], p[0])
                rows.append(event_row(a + "GOV", b + "GOV", code, day, doc_id=f"syn-{m}-{p[0]}-{p[1]}-{k}"))
    return rows, flipped


def world_events(months: int = 12, start: date = date(2023, 1, 1), seed: int = 1) -> list[dict]:
    """A small two-bloc world for demos: {USA, GBR, JPN, KOR, UKR} and {RUS, CHN, PRK, IRN}
    cooperate inside their bloc and quarrel across it; RUS-PRK sign a mutual defence
    treaty in month 6; TUR-RUS drift from cooperation to conflict after month 6."""
    rng = random.Random(seed)
    west, east = ["USA", "GBR", "JPN", "KOR", "UKR"], ["RUS", "CHN", "PRK", "IRN"]
    ties: dict[tuple[str, str], tuple[float, int]] = {}
    for bloc in (west, east):
        for i, a in enumerate(bloc):
            for b in bloc[i + 1:]:
                ties[tuple(sorted((a, b)))] = (0.85, 3)
    for a in west:
        for b in east:
            if rng.random() < 0.5 or (a, b) in {("USA", "RUS"), ("UKR", "RUS"), ("USA", "CHN")}:
                ties[tuple(sorted((a, b)))] = (0.2, 4)
    ties[("CHN", "KOR")] = (0.75, 3)      # cross-bloc cooperation: unbalanced triads
    ties[("RUS", "TUR")] = (0.8, 3)
    rows = []
    for m in range(months):
        month_start = date(start.year + (start.month - 1 + m) // 12, (start.month - 1 + m) % 12 + 1, 1)
        for (a, b), (share, per_month) in ties.items():
            if (a, b) == ("RUS", "TUR") and m >= months // 2:
                share = 0.15
            for k in range(rng.randint(max(1, per_month - 1), per_month + 1)):
                day = month_start + timedelta(days=rng.randrange(28))
                code = rng.choice(COOP_CODES if rng.random() < share else CONFLICT_CODES)
                s, t = (a, b) if rng.random() < 0.5 else (b, a)
                rows.append(event_row(s + "GOV", t + "GOV", code, day, doc_id=f"w-{m}-{a}-{b}-{k}",
                                      num_mentions=rng.randint(1, 4)))
    treaty_day = date(start.year + (start.month - 1 + months // 2) // 12, (start.month - 1 + months // 2) % 12 + 1, 19)
    doc = "w-treaty"
    rows.append(event_row("RUSGOV", "PRKGOV", "057", treaty_day, doc_id=doc, sentence_index=0, reciprocal=True,
                          sentence="Putin and Kim Jong-un signed a Treaty on Comprehensive Strategic Partnership "
                                   "in Pyongyang."))
    rows.append(event_row("RUSGOV", "PRKGOV", "0312", treaty_day, doc_id=doc, sentence_index=1,
                          sentence="Under the treaty Russia and North Korea pledge mutual military assistance "
                                   "in the event of an attack on either party."))
    rows.append(event_row("USAGOV", "PRKGOV", "163", treaty_day + timedelta(days=3), doc_id="w-sanctions",
                          sentence="Washington imposed new sanctions on North Korea over its arms transfers."))
    return rows
