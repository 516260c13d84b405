"""Read events out of a geopol DuckDB store into a pandas DataFrame.

Every analysis starts here: one parameterised, read-only query over the
``events`` table (joined to ``documents`` for the publication date and to
``sentences`` for the evidence text), then pandas. The connection is opened
for the query and closed straight after, so a notebook holding a
:class:`~geopol.api.GeopolDB` never blocks a writer (``geopol ingest``).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

QUAD_COOP = (1, 2)
QUAD_CONFLICT = (3, 4)
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
PERIODS = ("day", "week", "month", "year", "all")
LEVELS = ("country", "code")

EVENT_COLUMNS = ["event_id", "doc_id", "sentence_index", "date", "source_code", "source_country",
                 "target_code", "target_country", "cameo", "cameo_root", "goldstein", "quad_class",
                 "plover_type", "modality", "confidence", "reciprocal", "num_mentions", "trigger", "sentence"]


class GeopolDBError(Exception):
    """The store cannot be read (missing file, not a DuckDB file, no events table)."""


@dataclass(frozen=True)
class EventFilter:
    """What to read: a date range, modalities, actors and codes.

    ``all_modalities=False`` (the default) keeps only ``asserted`` events, as the
    event-record spec requires of an analysis that counts what happened.
    """

    since: date | None = None
    until: date | None = None
    all_modalities: bool = False
    modalities: tuple[str, ...] | None = None
    actor: str | None = None          # country (or full code) on either side
    level: str = "country"
    cameo: tuple[str, ...] | None = None   # code prefixes, e.g. ("057", "16")
    min_confidence: float | None = None
    include_duplicates: bool = False   # events of documents marked duplicate_of another


def _as_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, pd.Timestamp):
        return value.date()
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise ValueError(f"expected a date YYYY-MM-DD, got {value!r}") from exc


def db_path(db: Any) -> Path:
    """The store path of ``db`` (a path, a string, or anything with ``.path``)."""
    path = getattr(db, "path", db)
    return Path(path)


def connect(db: Any):
    """A read-only DuckDB connection to the store; raises GeopolDBError with a one-line reason."""
    import duckdb

    path = db_path(db)
    if not path.exists():
        raise GeopolDBError(f"no event store at {path}")
    if path.is_dir():
        raise GeopolDBError(f"{path} is a folder, not a DuckDB event store")
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise GeopolDBError(f"cannot open {path} as a DuckDB event store: {first}") from exc
    try:
        tables = {r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
    except Exception:
        con.close()
        raise
    if "events" not in tables:
        con.close()
        raise GeopolDBError(f"{path} has no events table (not a geopol event store?)")
    return con, tables


def load_events(db: Any, flt: EventFilter | None = None, **kwargs: Any) -> pd.DataFrame:
    """Events as a DataFrame (columns ``EVENT_COLUMNS``; ``date`` is a pandas Timestamp).

    ``date`` falls back to the document's date when the event has none.
    Keyword arguments are the fields of :class:`EventFilter`.
    """
    if flt is None:
        flt = EventFilter(**kwargs)
    elif kwargs:
        flt = EventFilter(**{**flt.__dict__, **kwargs})
    if flt.level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, got {flt.level!r}")
    con, tables = connect(db)
    try:
        has_docs = "documents" in tables
        has_sents = "sentences" in tables
        cols = {r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'").fetchall()}
        date_expr = "COALESCE(e.date, d.doc_date)" if has_docs else "e.date"
        sent_parts = []
        if has_sents:
            sent_parts.append("s.text")
        if "record" in cols:
            sent_parts.append("json_extract_string(e.record, '$.sentence')")
        sent_expr = f"COALESCE({', '.join(sent_parts)})" if sent_parts else "NULL"
        mentions = "COALESCE(e.num_mentions, 1)" if "num_mentions" in cols else "1"
        sql = [f"""SELECT e.event_id, e.doc_id, e.sentence_index, {date_expr} AS date,
                   e.source_code, e.source_country, e.target_code, e.target_country,
                   e.cameo, e.cameo_root, e.goldstein, e.quad_class, e.plover_type, e.modality,
                   e.confidence, COALESCE(e.reciprocal, FALSE) AS reciprocal, {mentions} AS num_mentions,
                   e.trigger, {sent_expr} AS sentence
                   FROM events e"""]
        if has_docs:
            sql.append("LEFT JOIN documents d ON d.doc_id = e.doc_id")
        if has_sents:
            sql.append("LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.sentence_index = e.sentence_index")
        where: list[str] = []
        params: list[Any] = []
        since, until = _as_date(flt.since), _as_date(flt.until)
        if since is not None:
            where.append(f"{date_expr} >= ?")
            params.append(since)
        if until is not None:
            where.append(f"{date_expr} <= ?")
            params.append(until)
        if flt.modalities:
            where.append(f"e.modality IN ({', '.join('?' for _ in flt.modalities)})")
            params.extend(flt.modalities)
        elif not flt.all_modalities:
            where.append("e.modality = 'asserted'")
        if flt.actor:
            side = "country" if flt.level == "country" else "code"
            where.append(f"(e.source_{side} = ? OR e.target_{side} = ?)")
            params.extend([flt.actor, flt.actor])
        if flt.cameo:
            where.append("(" + " OR ".join("starts_with(e.cameo, ?)" for _ in flt.cameo) + ")")
            params.extend(flt.cameo)
        if flt.min_confidence is not None:
            where.append("e.confidence >= ?")
            params.append(float(flt.min_confidence))
        if has_docs and not flt.include_duplicates:
            where.append("d.duplicate_of IS NULL")
        if where:
            sql.append("WHERE " + " AND ".join(where))
        sql.append("ORDER BY date NULLS LAST, e.doc_id, e.sentence_index, e.event_id")
        df = con.execute("\n".join(sql), params).df()
    finally:
        con.close()
    df["date"] = pd.to_datetime(df["date"])
    df["quad_class"] = df["quad_class"].fillna(0).astype(int)
    df["num_mentions"] = df["num_mentions"].fillna(1).astype(int)
    return df[EVENT_COLUMNS]


def sentences_near(db: Any, keys: Iterable[tuple[str, int]], before: int = 1, after: int = 2) -> pd.DataFrame:
    """Sentences of the same documents within a window of the given (doc_id, sentence_index) pairs."""
    keys = sorted(set(keys))
    cols = ["doc_id", "sentence_index", "text"]
    if not keys:
        return pd.DataFrame(columns=cols)
    con, tables = connect(db)
    try:
        if "sentences" not in tables:
            return pd.DataFrame(columns=cols)
        key_df = pd.DataFrame(keys, columns=["doc_id", "sentence_index"])
        con.register("geopol_keys", key_df)
        df = con.execute(f"""SELECT DISTINCT s.doc_id, s.sentence_index, s.text FROM sentences s
                             JOIN geopol_keys k ON s.doc_id = k.doc_id
                              AND s.sentence_index BETWEEN k.sentence_index - {int(before)}
                                                       AND k.sentence_index + {int(after)}
                             ORDER BY s.doc_id, s.sentence_index""").df()
    finally:
        con.close()
    return df


def with_actors(df: pd.DataFrame, level: str = "country", expand_reciprocal: bool = True,
                include_self: bool = False) -> pd.DataFrame:
    """Add columns ``a`` (source) and ``b`` (target) at the chosen actor level.

    Events without both actors are dropped; a ``reciprocal`` record is mirrored
    into B->A as well (the spec allows one reciprocal record for two), so that
    both ways of writing a symmetric event count the same.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, got {level!r}")
    side = "country" if level == "country" else "code"
    out = df.assign(a=df[f"source_{side}"], b=df[f"target_{side}"])
    out = out[out["a"].notna() & out["b"].notna()]
    if expand_reciprocal and len(out) and out["reciprocal"].any():
        mirror = out[out["reciprocal"].astype(bool)].copy()
        mirror["a"], mirror["b"] = mirror["b"].to_numpy(), mirror["a"].to_numpy()
        out = pd.concat([out, mirror], ignore_index=True)
    if not include_self:
        out = out[out["a"] != out["b"]]
    return out.reset_index(drop=True)


def period_key(dates: pd.Series, by: str) -> tuple[pd.Series, pd.Series]:
    """(label, start) for each date: '2024-06' / 2024-06-01 for by='month', and so on."""
    if by not in PERIODS:
        raise ValueError(f"by must be one of {', '.join(PERIODS)}, got {by!r}")
    d = pd.to_datetime(dates)
    if by == "all":
        return pd.Series("all", index=d.index), pd.Series(d.min(), index=d.index)
    if by == "day":
        start = d.dt.normalize()
        label = start.dt.strftime("%Y-%m-%d")
    elif by == "week":
        start = (d - pd.to_timedelta(d.dt.weekday, unit="D")).dt.normalize()
        iso = d.dt.isocalendar()
        label = iso["year"].astype("Int64").astype(str) + "-W" + iso["week"].astype("Int64").astype(str).str.zfill(2)
        label = label.where(d.notna(), None)
    elif by == "month":
        start = d.dt.to_period("M").dt.start_time
        label = d.dt.strftime("%Y-%m")
    else:
        start = d.dt.to_period("Y").dt.start_time
        label = d.dt.strftime("%Y")
    return label, start


def period_range(start: pd.Timestamp, end: pd.Timestamp, by: str) -> pd.DataFrame:
    """Every period between two dates (inclusive): columns period, period_start."""
    if by == "all":
        return pd.DataFrame({"period": ["all"], "period_start": [start]})
    freq = {"day": "D", "week": "W-MON", "month": "MS", "year": "YS"}[by]
    first = period_key(pd.Series([start]), by)[1].iloc[0]
    starts = pd.date_range(first, end, freq=freq)
    labels = period_key(pd.Series(starts), by)[0]
    return pd.DataFrame({"period": labels.to_numpy(), "period_start": starts})
